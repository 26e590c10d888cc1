"""Inputs of the explore pages with their errors shown by the control the error names.

The explore pages ("Over time", "Break-even and odds") keep their own inputs under
``t_`` and ``o_`` keys, drawn with :func:`ui.kit.inputs.amount_input` and
:func:`ui.kit.inputs.months_input`. The package names the field of every bad input;
:class:`ErrorSlots` shows that message right under the control carrying the same label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from deficiency import InvalidInputError
from ui.kit.i18n import _, pgettext
from ui.kit.inputs import amount_input, months_input
from ui.kit.regions import Also, redraw, region
from ui.kit.sides import MORTGAGE, InputSpec, Side
from ui.kit.state import ERROR, ensure, last_good

T = TypeVar("T")


def collateral(side: Side) -> str:
    """The side's collateral as a sentence names it ("the house", "the car"), translated."""
    if side is MORTGAGE:
        # Translators: the collateral as a sentence names it, with its article.
        return pgettext("collateral", "the house")
    # Translators: the collateral as a sentence names it, with its article.
    return pgettext("collateral", "the car")


def _matching(error: InvalidInputError, fields: Mapping[str, object]) -> str | None:
    """The slot's field an error names: as the package wrote it, or in the reader's language
    (the app's catalog, which names the page's own controls, or the package's ``label``,
    which names a scenario input's)."""
    for name in (error.field, _(error.field), getattr(error, "label", None)):
        if isinstance(name, str) and name in fields:
            return name
    return None


class ErrorSlots:
    """An empty container under each control, filled with the package's message for its field.

    ``redraws`` names the regions (:mod:`ui.kit.regions`) a change of these controls redraws;
    with none, a change reruns whatever encloses the control.
    """

    def __init__(self, redraws: Sequence[str] = ()) -> None:
        self._slots: dict[str, DeltaGenerator] = {}
        self.redraws = tuple(redraws)

    def add(self, field: str) -> None:
        """Reserve the place under the control just drawn for errors naming ``field``."""
        self._slots[field] = st.container()

    #: Regions to redraw once a change is stored (see :class:`CheckedSlots`).
    also: Also = None

    def amount(self, spec: InputSpec, default: str | None, help: str | None = None) -> None:
        """An amount input with its default on first use (None: already set) and an error
        slot under it."""
        if default is not None:
            ensure(st.session_state, spec.key, default)
        amount_input(spec, help=help, redraws=self.redraws, also=self.also)
        self.add(spec.label)

    def months(self, key: str, label: str, default: int | None, slider_max: int, help: str) -> None:
        """A month count with its default on first use (None: already set) and an error slot
        under it."""
        months_input(key, label, default, slider_max, help, self.redraws, self.also)
        self.add(label)

    def keep_last_good(
        self, key: str, compute: Callable[[], T], fallback: DeltaGenerator
    ) -> T | None:
        """Run ``compute()``; on bad input show the error by its control, return the last result.

        The last good result is kept under ``key`` (:func:`ui.kit.state.last_good`), so a
        chart stays on screen while an input is being corrected.
        """
        result, error = last_good(st.session_state, key, compute)
        if error is not None:
            self.show(error, fallback)
        return result

    def show(self, error: InvalidInputError, fallback: DeltaGenerator | None = None) -> None:
        """The message under the control the error names (or in ``fallback``, else here)."""
        field = _matching(error, self._slots)
        target = self._slots[field] if field is not None else fallback
        (target or st).error(_message(error), icon=":material/error:")


class CheckedSlots(ErrorSlots):
    """Error slots for controls drawn outside the region that computes from them.

    ``check()`` runs the section's computation from session state (a cached call, so
    cheap to repeat) and returns its error. Each slot is a small region of its own that
    shows the error if it names its field; a change of any control redraws the slots of
    the field that was wrong and of the field wrong now, so a message appears or clears
    by the control it names while the other controls stay as drawn.
    """

    def __init__(
        self, section: str, check: Callable[[], InvalidInputError | None], redraws: Sequence[str]
    ) -> None:
        super().__init__(redraws)
        self.section = section
        self.check = check
        self.also = self.affected
        self._fields: dict[str, str] = {}

    @classmethod
    def computing(
        cls, section: str, compute: Callable[[], object], redraws: Sequence[str]
    ) -> CheckedSlots:
        """Slots whose check runs ``compute()`` (a cached call) and returns its error, if any."""

        def check() -> InvalidInputError | None:
            try:
                compute()
            except InvalidInputError as error:
                return error
            return None

        return cls(section, check, redraws)

    def _slot(self, field: str) -> str:
        return f"{self.section}__slot_{re.sub(r'[^A-Za-z0-9]+', '_', field)}"

    def add(self, field: str) -> None:
        """Reserve the place under the control just drawn for errors naming ``field``."""
        self._fields[field] = self._slot(field)
        region(self._fields[field], self._draw_slot, field)

    def _draw_slot(self, field: str) -> None:
        error = self.check()
        if error is not None and _matching(error, self._fields) == field:
            st.error(_message(error), icon=":material/error:")

    def affected(self) -> tuple[str, ...]:
        """The slots to redraw after a change: the field wrong before and the one wrong now."""
        state = st.session_state
        before = state.get(self.section + ERROR)
        error = self.check()
        now = _matching(error, self._fields) if error is not None else None
        state[self.section + ERROR] = now
        return tuple(self._fields[field] for field in {before, now} if field in self._fields)

    def changed(self) -> None:
        """A callback for a plain control of the section: redraw the regions and slots."""
        redraw(self.redraws, self.also)

    def show(self, error: InvalidInputError, fallback: DeltaGenerator | None = None) -> None:
        """Only an error naming no control here is shown in ``fallback``: slots show the rest."""
        if _matching(error, self._fields) is None:
            (fallback or st).error(_message(error), icon=":material/error:")


def _message(error: InvalidInputError) -> str:
    # The field as its control names it (the app's catalog), else as the package names it.
    field = _(error.field)
    if field == error.field:
        field = str(getattr(error, "label", field))
    # Translators: {field} is the input's name, {problem} what is wrong with it ("must be ...").
    return _("{field} {problem}. The chart keeps the last figures that worked.").format(
        field=field, problem=error.problem
    )

"""Inputs of the explore pages: page-owned amount specs, month counts, and errors by the control.

The explore pages ("Over time", "Break-even and odds") keep their own inputs under
``t_`` and ``o_`` keys. Money and percent inputs use :func:`ui.kit.inputs.amount_input`;
month counts use :func:`months_input`, a slider beside an exact whole-number box that
accepts anything typed (a negative month, a zero term) so the package can say what is
wrong with it. The package names the field of every bad input; :class:`ErrorSlots`
shows that message right under the control carrying the same label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from deficiency import FieldInfo, InvalidInputError
from ui.kit.callbacks import on_change, widget_value
from ui.kit.inputs import PAIR, PAIR_SPLIT, amount_input
from ui.kit.regions import Also, redraw, region, region_rerun
from ui.kit.sides import InputSpec
from ui.kit.state import (
    ERROR,
    EXACT,
    LAST_GOOD,
    SLIDER,
    accept,
    box_entry,
    ensure,
    is_echo,
    refuse,
    show_in_widget,
)


def money_spec(key: str, label: str, slider_max: float, step: float) -> InputSpec:
    """A page-owned dollar input; the label is the package's field name for its errors."""
    return InputSpec(key, FieldInfo(key, label, "money", "explore"), slider_max, step)


def percent_spec(key: str, label: str, slider_max: float = 100.0, step: float = 0.1) -> InputSpec:
    """A page-owned percentage input (0 to 100; the box rejects anything outside)."""
    return InputSpec(key, FieldInfo(key, label, "percent", "explore"), slider_max, step)


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

    def show(self, error: InvalidInputError, fallback: DeltaGenerator | None = None) -> None:
        """The message under the control the error names (or in ``fallback``, else here)."""
        target = self._slots.get(error.field, fallback)
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

    def _slot(self, field: str) -> str:
        return f"{self.section}__slot_{re.sub(r'[^A-Za-z0-9]+', '_', field)}"

    def add(self, field: str) -> None:
        """Reserve the place under the control just drawn for errors naming ``field``."""
        self._fields[field] = self._slot(field)
        region(self._fields[field], self._draw_slot, field)

    def _draw_slot(self, field: str) -> None:
        error = self.check()
        if error is not None and error.field == field:
            st.error(_message(error), icon=":material/error:")

    def affected(self) -> tuple[str, ...]:
        """The slots to redraw after a change: the field wrong before and the one wrong now."""
        state = st.session_state
        before = state.get(self.section + ERROR)
        error = self.check()
        now = error.field if error is not None else None
        state[self.section + ERROR] = now
        return tuple(self._fields[field] for field in {before, now} if field in self._fields)

    def changed(self) -> None:
        """A callback for a plain control of the section: redraw the regions and slots."""
        redraw(self.redraws, self.also)

    def show(self, error: InvalidInputError, fallback: DeltaGenerator | None = None) -> None:
        """Only an error naming no control here is shown in ``fallback``: slots show the rest."""
        if error.field not in self._fields:
            (fallback or st).error(_message(error), icon=":material/error:")


def _message(error: InvalidInputError) -> str:
    return f"{error.field} {error.problem}. The chart keeps the last figures that worked."


@on_change
def _months_changed(
    key: str, suffix: str, redraws: tuple[str, ...] = (), also: Also = None
) -> None:
    if is_echo(st.session_state, key, suffix):
        return
    raw: Any = widget_value(key + suffix)
    if raw is None:
        refuse(st.session_state, key, "is empty; enter a whole number of months", raw)
    else:
        st.session_state[key] = str(int(raw))
        accept(st.session_state, key)
    redraw(redraws, also)


def months_input(
    key: str,
    label: str,
    default: int | None,
    slider_max: int,
    help: str,
    redraws: Sequence[str] = (),
    also: Also = None,
) -> int:
    """A slider (0 to ``slider_max`` months) beside an exact box, bound to one canonical count.

    The box takes any whole number, including zero or a negative, so that the package
    can name the problem; returns the canonical count. ``default`` is set on first use
    (None: already set). ``redraws`` and ``also`` as for :func:`ui.kit.inputs.amount_input`.
    """
    if default is not None:
        ensure(st.session_state, key, str(default))
    if redraws:
        own = key + PAIR
        region(own, _months_pair, key, label, slider_max, help, (own, *redraws), also)
    else:
        _months_pair(key, label, slider_max, help, (), None)
    return int(st.session_state[key])


def _months_pair(
    key: str,
    label: str,
    slider_max: int,
    help: str,
    regions: tuple[str, ...],
    also: Also,
) -> None:
    state = st.session_state
    months = int(state[key])
    mounted = region_rerun()
    show_in_widget(state, key + SLIDER, min(max(months, 0), slider_max), mounted)
    show_in_widget(state, key + EXACT, box_entry(state, key, months), mounted)
    slider_column, exact_column = st.columns(PAIR_SPLIT, vertical_alignment="bottom")
    slider_column.slider(
        label,
        min_value=0,
        max_value=slider_max,
        step=1,
        format="%d months",
        key=key + SLIDER,
        on_change=_months_changed,
        args=(key, SLIDER, regions, also),
        help=help,
    )
    exact_column.number_input(
        f"{label}, exact",
        value=None,  # clearable: an emptied box is refused with a message, not read as 0
        step=1,
        format="%d",
        key=key + EXACT,
        on_change=_months_changed,
        args=(key, EXACT, regions, also),
        icon=":material/calendar_month:",
        label_visibility="collapsed",
    )
    problem = state.get(key + ERROR)
    if problem:
        st.error(f"{label} {problem}. Still using {months} months.", icon=":material/error:")
    elif months > slider_max:
        st.caption(f"{months} months is beyond the slider; the exact figure is used.")


T = TypeVar("T")


def last_good(
    key: str, compute: Callable[[], T], slots: ErrorSlots, fallback: DeltaGenerator
) -> T | None:
    """Run ``compute()``; on bad input show the error by its control and return the last result.

    The last good result lives in session state under ``key + LAST_GOOD``, so a
    chart stays on screen while an input is being corrected.
    """
    state = st.session_state
    try:
        result = compute()
    except InvalidInputError as error:
        slots.show(error, fallback)
        previous: T | None = state.get(key + LAST_GOOD)
        return previous
    state[key + LAST_GOOD] = result
    return result

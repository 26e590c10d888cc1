"""Input widgets bound to the canonical state: a slider and an exact box share one value.

Either widget writes the canonical value through a callback; a bad exact entry stays
in its box with a message beneath it while every figure keeps the last good value.
One pair serves amounts (money, percent, days: checked by the package as they are
stored) and month counts (any whole number is stored, so the package can name what is
wrong with it where it is used).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import streamlit as st

from deficiency import (
    N_,
    FieldInfo,
    InvalidInputError,
    format_usd,
    parse_field,
    presets_for,
    states,
    to_decimal,
    to_money,
)
from ui.kit.amount_pair import PairView, amount_pair, sent_entry
from ui.kit.callbacks import on_change, widget_value
from ui.kit.i18n import _, ngettext
from ui.kit.regions import Also, redraw, region
from ui.kit.sides import InputSpec, Side
from ui.kit.state import (
    ERROR,
    EXACT,
    WIDGET,
    accept,
    box_entry,
    ensure,
    load_preset,
    refuse,
)

#: Every date box reads the way US papers print a date (the app covers US law): 11/27/2026.
DATE_FORMAT = "MM/DD/YYYY"
#: The space between side-by-side columns: 2rem. On a phone the columns stack and the same gap
#: separates them vertically, where "large" (4rem) would leave 64 px blank bands.
COLUMN_GAP: Final = "medium"
#: The kind of a page's month count (the package's fields are money, percent or count of days).
MONTHS = "months"
_WHOLE = frozenset({"count", MONTHS})
# Translators: follows an input's name, e.g. "Sale price is empty; enter an amount (0 if none)".
_EMPTY_AMOUNT = N_("is empty; enter an amount (0 if none)")
_EMPTY = {
    "money": _EMPTY_AMOUNT,
    "percent": _EMPTY_AMOUNT,
    "count": _EMPTY_AMOUNT,
    # Translators: follows an input's name, e.g. "Months behind is empty; ...".
    MONTHS: N_("is empty; enter a whole number of months"),
}
#: Suffix of the region key of a slider-and-box pair.
PAIR = "__pair"
#: Suffix of the key holding the number of the last entry a pair sent that was read.
SEEN = "__seen"


def money_spec(key: str, label: str, slider_max: float, step: float) -> InputSpec:
    """A dollar input a page owns (no scenario field behind it); the label names it in errors."""
    return InputSpec(key, FieldInfo(key, label, "money", "page"), slider_max, step)


def percent_spec(key: str, label: str, slider_max: float, step: float) -> InputSpec:
    """A percentage input a page owns (0 to 100; the box rejects anything outside)."""
    return InputSpec(key, FieldInfo(key, label, "percent", "page"), slider_max, step)


def months_spec(key: str, label: str, slider_max: int) -> InputSpec:
    """A month count a page owns: a slider up to ``slider_max`` beside a whole-number box."""
    return InputSpec(key, FieldInfo(key, label, MONTHS, "page"), slider_max, 1)


def _as_number(spec: InputSpec, text: str) -> float | int:
    value = Decimal(text)
    return int(value) if spec.info.kind in _WHOLE else float(value)


def _shown(spec: InputSpec, text: str) -> str:
    if spec.info.kind == "money":
        return format_usd(Decimal(text))
    if spec.info.kind == "percent":
        return f"{Decimal(text).normalize():f}%"
    count = int(Decimal(text))
    if spec.info.kind == MONTHS:
        return ngettext("{count} month", "{count} months", count).format(count=text)
    return ngettext("{count} day", "{count} days", count).format(count=text)


#: A month count beyond any loan's life (a hundred years is 1,200): refused as typed, so an
#: absurd entry never becomes the figure the package is asked about.
_MOST_MONTHS = 1_000_000


def _store(spec: InputSpec, entry: str) -> None:
    """Validate an entry (as typed, or the range's position) with the package and make it
    canonical, or record the problem and keep the entry as typed."""
    state = st.session_state
    if not entry.strip():
        refuse(state, spec.key, _(_EMPTY[spec.info.kind]), entry)
        return
    try:
        value = _months(spec, entry) if spec.info.kind == MONTHS else parse_field(spec.info, entry)
    except InvalidInputError as error:
        refuse(state, spec.key, error.problem, entry)
        return
    state[spec.key] = str(value)
    accept(state, spec.key)


def _months(spec: InputSpec, entry: str) -> int:
    """A whole number of months as typed, read as the package reads any number; a zero or a
    negative is kept, for the package to name where the count is used."""
    number = to_decimal(entry, spec.label)
    if number != number.to_integral_value():
        raise InvalidInputError(
            # Translators: follows an input's name, e.g. "Months behind is not a whole ...".
            spec.label,
            _("is not a whole number of months; enter one such as 12"),
        )
    if abs(number) > _MOST_MONTHS:
        raise InvalidInputError(
            # Translators: follows an input's name.
            spec.label,
            _("is far more months than any loan runs; check it"),
        )
    return int(number)


@on_change
def _entry_sent(spec: InputSpec, regions: tuple[str, ...], also: Also) -> None:
    entry = sent_entry(spec.key)
    if entry is None:
        return
    seen = entry.get("n")
    st.session_state[spec.key + SEEN] = seen if isinstance(seen, int) else 0
    text = entry.get("text")
    _store(spec, text if isinstance(text, str) else "")
    redraw(regions, also)


def amount_input(
    spec: InputSpec,
    help: str | None = None,
    redraws: Sequence[str] = (),
    also: Also = None,
) -> None:
    """A slider for quick moves beside an exact box for figures to the cent, bound to one value.

    With ``redraws`` (the keys of the regions that read this input), a change reruns
    only this pair and those regions instead of the whole page; ``also`` names more
    regions once the change is stored (see :func:`ui.kit.regions.redraw`).
    """
    if redraws:
        own = spec.key + PAIR
        region(own, _amount_pair, spec, help, (own, *redraws), also)
    else:
        _amount_pair(spec, help, ())


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
    (None: already set). ``redraws`` and ``also`` as for :func:`amount_input`.
    """
    if default is not None:
        ensure(st.session_state, key, str(default))
    amount_input(months_spec(key, label, slider_max), help, redraws, also)
    return int(st.session_state[key])


def _amount_pair(
    spec: InputSpec, help: str | None, regions: tuple[str, ...], also: Also = None
) -> None:
    state = st.session_state
    canonical = str(state[spec.key])
    number = _as_number(spec, canonical)
    is_count = spec.info.kind in _WHOLE
    slider_max: float | int = int(spec.slider_max) if is_count else spec.slider_max
    problem = state.get(spec.key + ERROR)
    view: PairView = {
        "label": spec.label,
        "help": help or "",
        "kind": spec.info.kind,
        "max": slider_max,
        "step": int(spec.step) if is_count else spec.step,
        "value": min(max(number, 0), slider_max),
        "entry": str(box_entry(state, spec.key, _box_text(spec, canonical))),
        "seen": int(state.get(spec.key + SEEN, 0)),
        "invalid": bool(problem),
        "unit": _unit(spec.info.kind),
        # Translators: a screen reader's name for the box beside a slider.
        "exactLabel": _("{label}, exact").format(label=spec.label),
        # Translators: a screen reader's name for the "?" button that shows an input's help.
        "helpLabel": _("About {label}").format(label=spec.label),
    }
    amount_pair(spec.key, view, functools.partial(_entry_sent, spec, regions, also))
    if problem:
        st.error(
            # Translators: {problem} is a phrase that follows the input's name, e.g.
            # "Sale price is not a number. Still using $8,500.00."
            _("{label} {problem}. Still using {value}.").format(
                label=spec.label, problem=problem, value=_shown(spec, canonical)
            ),
            icon=":material/error:",
        )
    elif number > slider_max:
        st.caption(
            _("{value} is beyond the slider; the exact figure is used.").format(
                value=_shown(spec, canonical)
            )
        )


def _unit(kind: str) -> str:
    """The unit shown after a pair's box: days and months in the reader's language."""
    if kind == MONTHS:
        # Translators: the unit after a box holding a number of months.
        return _("months")
    if kind == "count":
        # Translators: the unit after a box holding a number of days.
        return _("days")
    return ""


def _box_text(spec: InputSpec, canonical: str) -> str:
    """The value in use as the box shows it: cents for money, the exact percentage (two
    places at least), a whole number of days or months."""
    if spec.info.kind in _WHOLE:
        return str(int(Decimal(canonical)))
    value = Decimal(canonical)
    return f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else f"{value.normalize():f}"


@on_change
def _choice_changed(key: str) -> None:
    chosen = widget_value(key + WIDGET)
    if chosen is not None:  # a segmented control can be clicked off; keep the last choice
        st.session_state[key] = chosen


def choice_input(key: str, label: str, options: Sequence[tuple[str, str]]) -> str:
    """A segmented control bound to a canonical choice; returns the current choice."""
    state = st.session_state
    labels = dict(options)
    state[key + WIDGET] = state[key]
    st.segmented_control(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=key + WIDGET,
        wrap=True,
        on_change=_choice_changed,
        args=(key,),
    )
    return str(state[key])


def radio_input(key: str, label: str, options: Sequence[tuple[str, str]]) -> str:
    """A row of radio buttons bound to a canonical choice, for options too long for a
    segmented control: each wraps on its own at phone width, with no shared border."""
    state = st.session_state
    labels = dict(options)
    state[key + WIDGET] = state[key]
    st.radio(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=key + WIDGET,
        horizontal=True,
        on_change=_choice_changed,
        args=(key,),
    )
    return str(state[key])


def select_input(
    key: str,
    label: str,
    options: Sequence[tuple[str, str]],
    default: str,
    help: str | None = None,
) -> str:
    """A select box bound to a canonical choice; an unknown stored choice falls back to default."""
    state = st.session_state
    labels = dict(options)
    if state.get(key) not in labels:
        state[key] = default
    state[key + WIDGET] = state[key]
    st.selectbox(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=key + WIDGET,
        on_change=_choice_changed,
        args=(key,),
        help=help,
    )
    return str(state[key])


@on_change
def _preset_changed(side: Side) -> None:
    chosen = widget_value(side.preset_key + WIDGET)
    if chosen:
        load_preset(st.session_state, side, chosen)


def preset_picker(side: Side) -> None:
    """Pick a named scenario to load; loading replaces every input of the side."""
    options = {preset.id: preset.title for preset in presets_for(side.kind)}
    st.session_state[side.preset_key + WIDGET] = st.session_state[side.preset_key]
    st.selectbox(
        _("Start from"),
        options=list(options),
        format_func=options.__getitem__,
        key=side.preset_key + WIDGET,
        on_change=_preset_changed,
        args=(side,),
        help=_("Loads a named scenario into every input below; you can then edit any figure."),
    )


@on_change
def _optional_changed(key: str, label: str) -> None:
    state = st.session_state
    raw = widget_value(key + EXACT)
    if raw is None:
        state[key] = ""
        accept(state, key)
        return
    try:
        state[key] = str(to_money(raw, label))
        accept(state, key)
    except InvalidInputError as error:
        refuse(state, key, error.problem, raw)


def optional_amount_input(key: str, label: str, help: str | None = None) -> None:
    """An exact dollar box that may stay empty (unknown); its canonical value is "" when empty."""
    state = st.session_state
    canonical = str(state.get(key, ""))
    state[key + EXACT] = box_entry(state, key, float(canonical) if canonical else None)
    st.number_input(
        label,
        value=None,
        step=100.0,
        format="%.2f",
        key=key + EXACT,
        on_change=_optional_changed,
        args=(key, label),
        icon=":material/attach_money:",
        placeholder=_("Not known"),
        help=help,
    )
    problem = state.get(key + ERROR)
    if problem:
        st.error(
            _("{label} {problem}.").format(label=label, problem=problem), icon=":material/error:"
        )


@on_change
def _state_changed(key: str) -> None:
    st.session_state[key] = widget_value(key + WIDGET) or ""


def state_picker(key: str) -> str:
    """Choose the borrower's state from those in our data; "" means none chosen."""
    options = {"": _("Not chosen (arithmetic only)")}
    options.update({info.code: f"{info.name} ({info.code})" for info in states()})
    current = str(st.session_state.get(key, ""))
    st.session_state[key + WIDGET] = current if current in options else ""
    st.selectbox(
        _("Your state"),
        options=list(options),
        format_func=options.__getitem__,
        key=key + WIDGET,
        on_change=_state_changed,
        args=(key,),
        help=_(
            "Some states bar or limit a deficiency. Only states in our data are listed; "
            "each rule shows its statute and source."
        ),
    )
    return str(st.session_state[key])

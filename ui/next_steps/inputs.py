"""Inputs and sections shared by the "What happens next" pages (credit, taxes, paying off).

Every page answers from the scenario already on screen: :func:`side_picker` chooses the
mortgage or the car, and inputs that start from the scenario's numbers
(:func:`follow_scenario`) track it until the user edits them. Dates are bound to
canonical ISO strings, so they survive page switches like every other input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple, TypeVar

import streamlit as st

from deficiency import CaseOutcome, InvalidInputError, Outcome
from ui.kit.callbacks import on_change, widget_value
from ui.kit.i18n import N_, _
from ui.kit.inputs import DATE_FORMAT, choice_input
from ui.kit.regions import redraw
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.kit.state import ERROR, EXACT, WIDGET, State, accept, box_entry, ensure, refuse
from ui.next_steps.charts import day
from ui.scenario.sections import compute, scenario_name

#: The side the "What happens next" pages read ("m" mortgage, "c" car), shared by all of them.
SIDE_KEY = "n_side"
_SIDES = {side.prefix: side for side in (MORTGAGE, CAR)}
_FOLLOWS = "__follows"

T = TypeVar("T")


def side_picker() -> Side:
    """Which scenario the page reads: the mortgage or the car, as set on the scenario pages."""
    ensure(st.session_state, SIDE_KEY, MORTGAGE.prefix)
    options = [(side.prefix, scenario_name(side)) for side in _SIDES.values()]
    chosen = choice_input(SIDE_KEY, _("Which scenario"), options)
    return _SIDES[chosen]


def picked_side() -> Side:
    """The side :func:`side_picker` last chose, for a region that reruns without the page."""
    return _SIDES[str(st.session_state.get(SIDE_KEY, MORTGAGE.prefix))]


class PageScenario(NamedTuple):
    """The scenario a page answers from: the side picked, its outcome and its exit."""

    side: Side
    outcome: Outcome
    exit: str


def page_scenario() -> PageScenario:
    """The side picked (:func:`side_picker`) with its current outcome and exit.

    On bad input the outcome is the last good one, with a warning; a scenario with no
    outcome yet stops the page there, under its warning.
    """
    side = side_picker()
    outcome = compute(side).outcome
    if outcome is None:
        st.stop()
    return PageScenario(side, outcome, str(st.session_state[side.exit_key]))


def follow_scenario(key: str, default: str) -> None:
    """Start an input at the scenario's figure and follow it while the scenario changes.

    The user's own entry stays until the scenario's figure itself changes; then the input
    takes the new figure, so the page always starts from the numbers on screen.
    """
    state = st.session_state
    if key in state and key + _FOLLOWS not in state:
        # Set by a link (ui.kit.page_link) before the page ran: the user's figure stays.
        state[key + _FOLLOWS] = default
        return
    if state.get(key + _FOLLOWS) != default or key not in state:
        state[key] = default
        state[key + _FOLLOWS] = default
        accept(state, key)
        state.pop(key + EXACT, None)


def followed(state: State, key: str) -> object:
    """The scenario figure an input of :func:`follow_scenario` last started at ("" before)."""
    return state.get(key + _FOLLOWS, "")


def chosen_date(key: str) -> date | None:
    """The canonical date under ``key`` (None when left empty)."""
    canonical = str(st.session_state.get(key, ""))
    return date.fromisoformat(canonical) if canonical else None


def toggled(key: str) -> bool:
    """The canonical state of a :func:`toggle_input` under ``key``."""
    return bool(st.session_state.get(key) == "yes")


@on_change
def _date_changed(key: str) -> None:
    chosen = widget_value(key + WIDGET)
    st.session_state[key] = chosen.isoformat() if isinstance(chosen, date) else ""


def date_input(key: str, label: str, default: date | None, help: str | None = None) -> date | None:
    """A date picker bound to a canonical ISO date ("" for none, when ``default`` is None)."""
    state = st.session_state
    ensure(state, key, default.isoformat() if default else "")
    canonical = str(state[key])
    state[key + WIDGET] = date.fromisoformat(canonical) if canonical else None
    st.date_input(
        label,
        min_value=date(1990, 1, 1),
        max_value=date(2060, 12, 31),
        format=DATE_FORMAT,
        key=key + WIDGET,
        on_change=_date_changed,
        args=(key,),
        help=help,
    )
    return chosen_date(key)


#: The first missed payment, shared by the Credit report, Taxes and Paying it off pages.
FIRST_MISSED = "r_first_missed"
#: The package's name for the date (:attr:`deficiency.InvalidInputError.field`), and its label.
FIRST_MISSED_FIELD = "First missed payment"
FIRST_MISSED_LABEL = N_("First missed payment")


def first_missed_input(case: CaseOutcome | None, error: InvalidInputError | None = None) -> None:
    """The first missed payment's date box, what the case assumes while it is empty, and
    the case's error when it is about this date."""
    date_input(
        FIRST_MISSED,
        _(FIRST_MISSED_LABEL),
        None,
        help=_(
            "The first payment missed in the delinquency that led to the sale. The same "
            "date on the Credit report, Taxes and Paying it off pages; leave it empty to see "
            "the dates from the first of this month."
        ),
    )
    if error is not None and error.field == FIRST_MISSED_FIELD:
        st.error(f"{error}.", icon=":material/error:")
    dates = None if case is None else case.case.dates
    if dates is not None and dates.first_missed_assumed:
        st.caption(
            _(
                "No date entered: the dates below assume {date}, the first of this month. "
                "Enter yours to see your own dates."
            ).format(date=day(dates.first_missed_payment))
        )


def input_error(error: InvalidInputError | None, keeping: bool) -> None:
    """The message shown next to the controls when a figure cannot be computed."""
    if error is None:
        return
    if keeping:
        message = _("{error}. Showing the last figures that could be computed.")
    else:
        message = _("{error}.")
    st.error(message.format(error=error), icon=":material/error:")


@on_change
def _toggle_changed(key: str) -> None:
    st.session_state[key] = "yes" if widget_value(key + WIDGET) else "no"


def toggle_input(key: str, label: str, default: bool, help: str | None = None) -> bool:
    """A toggle bound to a canonical "yes" or "no", so it survives page switches."""
    state = st.session_state
    ensure(state, key, "yes" if default else "no")
    state[key + WIDGET] = state[key] == "yes"
    # wrap: in a column Streamlit would cut a long label to "...main h…" on a phone.
    st.toggle(label, key=key + WIDGET, on_change=_toggle_changed, args=(key,), help=help, wrap=True)
    return toggled(key)


@on_change
def _rate_changed(key: str, regions: tuple[str, ...]) -> None:
    st.session_state[key] = str(widget_value(key + WIDGET))
    redraw(regions)


def bracket_input(
    key: str, label: str, brackets: Sequence[object], default: str, redraws: Sequence[str] = ()
) -> str:
    """Pick one federal marginal rate (a select slider), bound to a canonical string.

    ``redraws`` names the regions (:mod:`ui.kit.regions`) that read the rate; with none, a move
    reruns the page.
    """
    state = st.session_state
    options = [str(rate) for rate in brackets]
    if state.get(key) not in options:
        state[key] = default
    state[key + WIDGET] = state[key]
    st.select_slider(
        label,
        options=options,
        format_func=lambda rate: f"{rate}%",
        key=key + WIDGET,
        on_change=_rate_changed,
        args=(key, tuple(redraws)),
        help=_("Your federal marginal rate: the rate on your last dollar of ordinary income."),
    )
    return str(state[key])


@on_change
def _months_changed(key: str, optional: bool) -> None:
    raw = widget_value(key + WIDGET)
    if raw is None and not optional:
        refuse(st.session_state, key, _("is empty; enter a number of months (0 if none)"), raw)
        return
    st.session_state[key] = "" if raw is None else str(int(raw))
    accept(st.session_state, key)


def months_box(
    key: str,
    label: str,
    maximum: int,
    help: str | None = None,
    assumed: int | None = None,
) -> int | None:
    """A box for a whole number of months (0 to ``maximum``), bound to a canonical string.

    A box alone, without the slider of :func:`ui.kit.inputs.months_input`: the page lists
    it among other boxes and dates. With ``assumed``, the box may be left empty (canonical
    ``""``, returned as ``None``): the figure in use is then that assumption, which the
    empty box shows as its placeholder.
    """
    state = st.session_state
    optional = assumed is not None
    if optional:
        ensure(state, key, "")
    canonical = str(state[key]).strip()
    shown = int(canonical) if canonical.isdigit() else None
    state[key + WIDGET] = box_entry(state, key, shown)
    st.number_input(
        label,
        min_value=0,
        max_value=maximum,
        # None lets the box stand empty (an assumed gap); "min" fills an empty box with 0.
        value=None if optional else "min",
        step=1,
        key=key + WIDGET,
        on_change=_months_changed,
        args=(key, optional),
        icon=":material/calendar_month:",
        placeholder=_("{months} (assumed)").format(months=assumed) if optional else None,
        help=help,
    )
    problem = state.get(key + ERROR)
    if problem:
        if canonical:
            message = _("{label} {problem}. Still using {months}.")
        else:
            message = _("{label} {problem}. Still using the assumed {months}.")
        st.error(
            message.format(label=label, problem=problem, months=canonical or assumed),
            icon=":material/error:",
        )
    return shown

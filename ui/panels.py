"""Page sections the pages share: a side's inputs, its numbers, its statement and chart."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from deficiency import Outcome, Resolution, format_usd, preset
from deficiency.money import ZERO
from deficiency.narrative import formula, how_it_builds, takeaway
from ui.charts import waterfall_alt, waterfall_figure
from ui.compute import SideResult, side_outcome
from ui.sides import RESOLUTIONS, InputSpec, Side
from ui.tables import statement_rows
from ui.widgets import amount_input, choice_input, preset_picker

NOT_ADVICE = (
    "This tool informs; it is not legal or tax advice. State law, your contract and the "
    "lender's program can change the outcome: ask a lawyer, a HUD-approved housing "
    "counselor or a tax professional before you act."
)


def assumption_notes(side: Side) -> dict[str, str]:
    """The loaded preset's note for each input it assumes, by field name."""
    return dict(preset(str(st.session_state[side.preset_key])).assumptions)


def inputs(side: Side, specs: Sequence[InputSpec]) -> None:
    """Slider-and-exact pairs for the given inputs, each with its assumption note as help."""
    notes = assumption_notes(side)
    for spec in specs:
        amount_input(spec, help=notes.get(spec.info.name))


def scenario_header(side: Side) -> None:
    """The preset picker and the preset's one-line summary."""
    preset_picker(side)
    st.caption(preset(str(st.session_state[side.preset_key])).summary)


def exit_choice(side: Side, label: str) -> str:
    return choice_input(side.exit_key, label, side.exits)


def resolution_inputs(side: Side) -> None:
    """Who bears the deficiency, and the figures that path needs."""
    chosen = choice_input(side.resolution_key, "Who bears the deficiency", RESOLUTIONS)
    specs = side.resolution_specs
    if chosen == Resolution.JUDGMENT.value:
        inputs(side, [specs["court_costs"], specs["judgment_attorney_fees"]])
    elif chosen == Resolution.SETTLED.value:
        inputs(side, [specs["settlement_percent"]])
        st.caption(
            "The settlement share is your assumption: no reliable typical figure is published."
        )


def assumptions_list(side: Side) -> None:
    """The loaded preset's assumptions, each with its source, for a reader who wants them all."""
    notes = assumption_notes(side)
    if not notes:
        return
    labels = {spec.info.name: spec.label for spec in side.specs}
    with st.expander("Assumptions behind these figures", icon=":material/info:"):
        for name, note in notes.items():
            st.markdown(f"- **{labels.get(name, name)}**: {note}")


def compute(side: Side) -> SideResult:
    """The side's outcome (the last good one when an input is invalid) and any error."""
    result = side_outcome(st.session_state, side)
    if result.error is not None:
        st.warning(
            f"{result.error}. Showing the last figures that could be computed.",
            icon=":material/warning:",
        )
    return result


def metrics(outcome: Outcome) -> None:
    """Deficiency or surplus, what the borrower owes, the lender recovers and is cancelled."""
    top = st.columns(2)
    bottom = st.columns(2)
    if outcome.surplus > ZERO:
        top[0].metric("Surplus (yours)", format_usd(outcome.surplus), border=True)
    else:
        top[0].metric("Deficiency", format_usd(outcome.deficiency), border=True)
    top[1].metric("Borrower owes", format_usd(outcome.borrower_owes), border=True)
    bottom[0].metric("Lender recovers", format_usd(outcome.lender_recovers), border=True)
    bottom[1].metric("Cancelled (lender absorbs)", format_usd(outcome.cancelled), border=True)


def takeaway_line(side: Side, outcome: Outcome) -> None:
    st.markdown(f"**{takeaway(outcome, side.collateral)}**")


def waterfall(side: Side, outcome: Outcome, title: str) -> None:
    """The statement's waterfall with its alt text and a one-line reading beside it."""
    statement = outcome.statement
    st.plotly_chart(
        waterfall_figure(statement, title),
        key=f"{side.prefix}_waterfall",
        alt=waterfall_alt(statement, side.collateral),
        config={"displayModeBar": False},
    )
    st.caption(how_it_builds(statement))


def statement_table(side: Side, outcome: Outcome) -> None:
    """The itemised statement in the six-line order of UCC 9-616(c), and its formula."""
    st.table(statement_rows(outcome.statement), alt=f"Itemised statement for {side.collateral}")
    st.caption(formula(outcome.statement))


def footer() -> None:
    st.divider()
    st.caption(NOT_ADVICE)


def scenario_name(side: Side) -> str:
    """The side and its chosen exit, e.g. "Mortgage: short sale"."""
    exit_label = dict(side.exits)[str(st.session_state[side.exit_key])]
    return f"{side.title}: {exit_label.lower()}"


def comparison_takeaway(rows: Sequence[tuple[str, Outcome]]) -> str:
    """One sentence naming who carries each shortfall."""
    parts = []
    for name, outcome in rows:
        if outcome.surplus > ZERO:
            parts.append(f"{name} leaves a {format_usd(outcome.surplus, cents=False)} surplus")
        elif outcome.cancelled > ZERO and outcome.borrower_owes == ZERO:
            absorbed = format_usd(outcome.cancelled, cents=False)
            parts.append(f"{name}: the lender absorbs {absorbed}")
        elif outcome.borrower_owes > ZERO:
            owed = format_usd(outcome.borrower_owes, cents=False)
            parts.append(f"{name}: the borrower owes {owed}")
        else:
            parts.append(f"{name}: nothing is left owing")
    return "; ".join(parts) + "."

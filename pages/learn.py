"""Learn: the idea in plain words, the two worked examples step by step, and a glossary."""

import streamlit as st

from deficiency import format_usd, preset, takeaway
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.inputs import COLUMN_GAP
from ui.kit.load_history import record_load
from ui.kit.scenario_io import url_params
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.learn.charts import step_alt, step_waterfall
from ui.learn.content import content
from ui.learn.loading import can_undo, load_example, loaded_key, undo_load
from ui.next_steps.inputs import SIDE_KEY

require_entrypoint()

SIDES: dict[str, Side] = {MORTGAGE.prefix: MORTGAGE, CAR.prefix: CAR}
SCENARIO_PAGE = {MORTGAGE.prefix: "pages/mortgage.py", CAR.prefix: "pages/car.py"}
words = content()


def load(side: Side, preset_id: str) -> None:
    """Put the example into the shared scenario and point the next pages at it."""
    before = url_params(st.session_state)
    load_example(st.session_state, side, preset_id)
    st.session_state[SIDE_KEY] = side.prefix
    record_load(st.session_state, before)


def undo(side: Side) -> None:
    undo_load(st.session_state, side)


st.title("Learn")
st.header(words.concept_title)
for paragraph in words.concept:
    st.markdown(paragraph)

for example in words.examples:
    side = SIDES[example.side]
    outcome = preset(example.preset).outcome()
    statement = outcome.statement
    st.divider()
    st.header(example.title)
    st.markdown(example.intro)
    step = st.select_slider(
        "Walk through the statement",
        options=list(range(1, len(statement.lines) + 1)),
        value=1,
        format_func=lambda number, lines=statement.lines: f"{number}. {lines[number - 1].label}",
        key=f"l_step_{side.prefix}",
    )
    text_column, chart_column = st.columns([2, 3], gap=COLUMN_GAP)
    with text_column:
        for number, (line, words_for_line) in enumerate(
            zip(statement.lines, example.steps, strict=True), start=1
        ):
            if number > step:
                break
            heading = f"{number}. {line.label}: {format_usd(line.amount)}"
            if number == step:
                st.markdown(f"**{heading}**")
                st.markdown(words_for_line)
            else:
                st.caption(heading)
        if step == len(statement.lines):
            st.success(takeaway(outcome, side.collateral), icon=":material/lightbulb:")
    with chart_column:
        show_chart(
            step_waterfall(statement, step, f"{example.title}: step {step} of 6"),
            key=f"l_chart_{side.prefix}",
            alt=step_alt(statement, step, side.collateral),
        )
        st.caption("Orange bars add to what is owed, blue bars take away; gray bars are totals.")
    row = st.container(horizontal=True, vertical_alignment="center")
    row.button(
        "Load this example",
        key=f"l_load_{side.prefix}",
        icon=":material/upload:",
        on_click=load,
        args=(side, example.preset),
        help=(
            f"Replaces the {side.title.lower()} scenario with this example on every page; "
            "Undo or the browser's Back brings yours back."
        ),
    )
    if st.session_state.get(loaded_key(side)) == example.preset:
        row.page_link(
            SCENARIO_PAGE[side.prefix],
            label="Open it and change the numbers",
            icon=":material/tune:",
        )
        row.page_link("pages/credit.py", label="Its credit report", icon=":material/credit_score:")
        row.page_link("pages/taxes.py", label="Its taxes", icon=":material/receipt_long:")
        if can_undo(st.session_state, side):
            with st.container(border=True, horizontal=True, vertical_alignment="center"):
                st.markdown(
                    f"This example replaced your {side.title.lower()} scenario on every page."
                )
                st.button(
                    "Undo",
                    key=f"l_undo_{side.prefix}",
                    icon=":material/undo:",
                    on_click=undo,
                    args=(side,),
                    help=f"Puts your {side.title.lower()} scenario back as it was.",
                )

st.divider()
st.header("Glossary")
for term in words.glossary:
    st.markdown(f"**{term.term}**: {term.definition}")

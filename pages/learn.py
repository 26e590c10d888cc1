"""Learn: the idea in plain words, the two worked examples step by step, and a glossary."""

import streamlit as st

from deficiency import format_usd, preset, takeaway
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import N_, _
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
#: What each example sells, as a sentence names it with its article ("la casa", "el auto").
COLLATERAL = {MORTGAGE.prefix: N_("the house"), CAR.prefix: N_("the car")}
#: Each side's scenario as the Load and Undo sentences name it.
SCENARIO_NAME = {MORTGAGE.prefix: N_("mortgage"), CAR.prefix: N_("car loan")}
words = content()


def load(side: Side, preset_id: str) -> None:
    """Put the example into the shared scenario and point the next pages at it."""
    before = url_params(st.session_state)
    load_example(st.session_state, side, preset_id)
    st.session_state[SIDE_KEY] = side.prefix
    record_load(st.session_state, before)


def undo(side: Side) -> None:
    undo_load(st.session_state, side)


st.title(_("Learn"))
st.header(words.concept_title)
for paragraph in words.concept:
    st.markdown(paragraph)

for example in words.examples:
    side = SIDES[example.side]
    collateral = _(COLLATERAL[side.prefix])
    scenario_name = _(SCENARIO_NAME[side.prefix])
    outcome = preset(example.preset).outcome()
    statement = outcome.statement
    st.divider()
    st.header(example.title)
    st.markdown(example.intro)
    step = st.select_slider(
        _("Walk through the statement"),
        options=list(range(1, len(statement.lines) + 1)),
        value=1,
        format_func={
            number: f"{number}. {line.label}" for number, line in enumerate(statement.lines, 1)
        }.__getitem__,
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
            st.success(takeaway(outcome, collateral), icon=":material/lightbulb:")
    with chart_column:
        show_chart(
            step_waterfall(
                statement,
                step,
                _("{title}: step {step} of 6").format(title=example.title, step=step),
            ),
            key=f"l_chart_{side.prefix}",
            alt=step_alt(statement, step, collateral),
        )
        st.caption(_("Orange bars add to what is owed, blue bars take away; gray bars are totals."))
    row = st.container(horizontal=True, vertical_alignment="center")
    row.button(
        _("Load this example"),
        key=f"l_load_{side.prefix}",
        icon=":material/upload:",
        on_click=load,
        args=(side, example.preset),
        help=_(
            "Replaces the {scenario} scenario with this example on every page; "
            "Undo or the browser's Back brings yours back."
        ).format(scenario=scenario_name),
    )
    if st.session_state.get(loaded_key(side)) == example.preset:
        row.page_link(
            SCENARIO_PAGE[side.prefix],
            label=_("Open it and change the numbers"),
            icon=":material/tune:",
        )
        row.page_link(
            "pages/credit.py", label=_("Its credit report"), icon=":material/credit_score:"
        )
        row.page_link("pages/taxes.py", label=_("Its taxes"), icon=":material/receipt_long:")
        if can_undo(st.session_state, side):
            with st.container(border=True, horizontal=True, vertical_alignment="center"):
                st.markdown(
                    _("This example replaced your {scenario} scenario on every page.").format(
                        scenario=scenario_name
                    )
                )
                st.button(
                    _("Undo"),
                    key=f"l_undo_{side.prefix}",
                    icon=":material/undo:",
                    on_click=undo,
                    args=(side,),
                    help=_("Puts your {scenario} scenario back as it was.").format(
                        scenario=scenario_name
                    ),
                )

st.divider()
st.header(_("Glossary"))
for term in words.glossary:
    if term.other_term:
        # Translators: a glossary entry in Spanish: the term, its English term, the definition.
        entry = _("**{term}** ({english}): {definition}").format(
            term=term.term, english=term.other_term, definition=term.definition
        )
    else:
        entry = _("**{term}**: {definition}").format(term=term.term, definition=term.definition)
    st.markdown(entry)

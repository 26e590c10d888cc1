"""Car repossession: every line of the UCC 9-616 explanation, editable."""

import streamlit as st

from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import CAR as side
from ui.scenario import sections as scenario

require_entrypoint()

# Translators: first use of the terms on the page: the English terms follow in brackets.
st.title(_("Car: repossession or voluntary surrender"))
st.caption(
    _(
        "The lender sells the car and applies the money first to its costs, then to the loan "
        "(UCC 9-615). Credits the lender owes you, such as a GAP refund, come off the balance."
    )
)

# The answer first, above the inputs that change it; every input below redraws it.
scenario.answer_first([side])
answer = (scenario.answer_key(side), scenario.loaded_key(side))
inputs_column, results_column = st.columns([1, 1], gap=COLUMN_GAP)
with inputs_column:
    scenario.scenario_header(side)
    exit_value = scenario.exit_choice(side, _("How the lender got the car"))
    st.markdown("**" + _("What was owed") + "**")
    scenario.inputs(side, side.specs_in("obligation", exit_value), answer)
    st.markdown("**" + _("The sale") + "**")
    scenario.inputs(side, side.specs_in("sale", exit_value), answer)
    st.markdown("**" + _("The lender's expenses") + "**")
    scenario.inputs(side, side.specs_in("expenses", exit_value), answer)
    st.markdown("**" + _("Credits owed to you") + "**")
    scenario.inputs(side, side.specs_in("credits", exit_value), answer)
    scenario.assumptions_list(side)

with results_column:
    scenario.detail_results(side, _("From the amount owed to the deficiency"), answer)

"""Mortgage exit: every line of a short sale, foreclosure or deed in lieu, editable."""

import streamlit as st

from deficiency import MortgageExit
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import MORTGAGE as side
from ui.scenario import sections as scenario

require_entrypoint()

# Translators: first use of the terms on the page: the English terms follow in brackets.
st.title(_("Mortgage: short sale, foreclosure or deed in lieu"))
st.caption(
    _(
        "The servicer's payoff against what the house brings. A short sale pays selling costs "
        "out of the price; a foreclosure or deed in lieu adds the lender's legal costs."
    )
)

# The answer first, above the inputs that change it; every input below redraws it.
scenario.answer_first([side])
answer = (scenario.answer_key(side), scenario.loaded_key(side))
inputs_column, results_column = st.columns([1, 1], gap=COLUMN_GAP)
with inputs_column:
    scenario.scenario_header(side)
    exit_value = scenario.exit_choice(side, _("How the house leaves"))
    st.markdown("**" + _("Payoff: what is owed") + "**")
    scenario.inputs(side, side.specs_in("obligation", exit_value), answer)
    st.markdown("**" + _("The sale") + "**")
    scenario.inputs(side, side.specs_in("sale", exit_value), answer)
    if exit_value == MortgageExit.SHORT_SALE.value:
        st.markdown("**" + _("Selling costs paid from the price") + "**")
        scenario.inputs(side, side.specs_in("selling costs", exit_value), answer)
    else:
        st.markdown("**" + _("Foreclosure and legal costs") + "**")
        scenario.inputs(side, side.specs_in("foreclosure costs", exit_value), answer)
    scenario.assumptions_list(side)

with results_column:
    scenario.detail_results(side, _("From the payoff to the shortfall"), answer)

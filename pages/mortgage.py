"""Mortgage exit: every line of a short sale, foreclosure or deed in lieu, editable."""

import streamlit as st

from deficiency import MortgageExit
from ui import panels
from ui.entry import require_entrypoint
from ui.sides import MORTGAGE as side
from ui.widgets import COLUMN_GAP

require_entrypoint()

st.title("Mortgage: short sale, foreclosure or deed in lieu")
st.caption(
    "The servicer's payoff against what the house brings. A short sale pays selling costs out "
    "of the price; a foreclosure or deed in lieu adds the lender's legal costs."
)

inputs_column, results_column = st.columns([1, 1], gap=COLUMN_GAP)
with inputs_column:
    panels.scenario_header(side)
    exit_value = panels.exit_choice(side, "How the house leaves")
    st.markdown("**Payoff: what is owed**")
    panels.inputs(side, side.specs_in("obligation", exit_value))
    st.markdown("**The sale**")
    panels.inputs(side, side.specs_in("sale", exit_value))
    if exit_value == MortgageExit.SHORT_SALE.value:
        st.markdown("**Selling costs paid from the price**")
        panels.inputs(side, side.specs_in("selling costs", exit_value))
    else:
        st.markdown("**Foreclosure and legal costs**")
        panels.inputs(side, side.specs_in("foreclosure costs", exit_value))
    panels.assumptions_list(side)

with results_column:
    panels.detail_results(side, "From the payoff to the shortfall")

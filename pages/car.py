"""Car repossession: every line of the UCC 9-616 explanation, editable."""

import streamlit as st

from ui import panels
from ui.entry import require_entrypoint
from ui.sides import CAR as side
from ui.widgets import COLUMN_GAP

require_entrypoint()

st.title("Car: repossession or voluntary surrender")
st.caption(
    "The lender sells the car and applies the money first to its costs, then to the loan "
    "(UCC 9-615). Credits the lender owes you, such as a GAP refund, come off the balance."
)

inputs_column, results_column = st.columns([1, 1], gap=COLUMN_GAP)
with inputs_column:
    panels.scenario_header(side)
    exit_value = panels.exit_choice(side, "How the lender got the car")
    st.markdown("**What was owed**")
    panels.inputs(side, side.specs_in("obligation", exit_value))
    st.markdown("**The sale**")
    panels.inputs(side, side.specs_in("sale", exit_value))
    st.markdown("**The lender's expenses**")
    panels.inputs(side, side.specs_in("expenses", exit_value))
    st.markdown("**Credits owed to you**")
    panels.inputs(side, side.specs_in("credits", exit_value))
    panels.assumptions_list(side)

with results_column:
    panels.detail_results(side, "From the amount owed to the deficiency")

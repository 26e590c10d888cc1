"""Over time: the loan against the collateral's value, and how the gap grows after default."""

import streamlit as st

from ui.explore import over_time
from ui.explore.inputs import collateral
from ui.kit import regions
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP

require_entrypoint()

st.title(_("How the gap grows over time"))
st.caption(
    _(
        "A loan shrinks slowly while a car (or, in a falling market, a house) loses value: for "
        "a while the borrower is **upside down**, owing more than the collateral is worth. Once "
        "payments stop, interest and fees pile up every month until the sale."
    )
)

side = over_time.page_side()

# Two chart regions: a loan input redraws both, a months-to-sale input only the second.
# The inputs sit outside them, so a move redraws its own pair and not the other inputs.
st.header(_("The loan against the value of {collateral}").format(collateral=collateral(side)))
slots = over_time.balance_slots(side)
inputs_column, chart_column = st.columns([2, 3], gap=COLUMN_GAP)
with inputs_column:
    over_time.balance_inputs(side, slots)
with chart_column:
    regions.region(over_time.BALANCE, over_time.balance_chart, side, slots)

st.header(_("After the first missed payment"))
gap_slots = over_time.gap_slots(side)
gap_inputs_column, gap_chart_column = st.columns([2, 3], gap=COLUMN_GAP)
with gap_inputs_column:
    over_time.gap_inputs(side, gap_slots)
with gap_chart_column:
    regions.region(over_time.GAP, over_time.gap_chart, side, gap_slots)

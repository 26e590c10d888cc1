"""Break-even and odds: the price that clears the debt, what moves it, how likely a gap is."""

import streamlit as st

from ui import live, odds_sections
from ui.entry import require_entrypoint
from ui.sides import CAR, MORTGAGE
from ui.widgets import COLUMN_GAP

require_entrypoint()

st.title("Break-even and odds")
st.caption(
    "The **break-even** sale price is the lowest price that leaves nothing owing. The figures "
    "use the scenarios of the Compare, Mortgage and Car pages; change them there."
)

for side, column in zip((MORTGAGE, CAR), st.columns(2, gap=COLUMN_GAP), strict=True):
    with column:
        odds_sections.break_even_panel(side)

st.divider()
side = odds_sections.page_side()

# Each section reads only its own inputs and the scenario, so each is a region: moving
# one of its controls redraws that section alone.
st.header("Sale price and fees together")
live.region("o_heat_map", odds_sections.heat_map_section, side)

st.header("Which input matters most")
live.region("o_tornado", odds_sections.tornado_section, side)

st.header("How likely a deficiency is")
live.region("o_odds", odds_sections.odds_section, side)

"""Break-even and odds: the price that clears the debt, what moves it, how likely a gap is."""

import streamlit as st

from ui.explore import odds
from ui.kit import regions
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import CAR, MORTGAGE

require_entrypoint()

st.title(_("Break-even and odds"))
st.caption(
    _(
        "The **break-even** sale price is the lowest price that leaves nothing owing. The "
        "figures use the scenarios of the Compare, Mortgage and Car pages; change them there."
    )
)

for side, column in zip((MORTGAGE, CAR), st.columns(2, gap=COLUMN_GAP), strict=True):
    with column:
        odds.break_even_panel(side)

st.divider()
side = odds.page_side()

# Each section's inputs sit outside its result region, so a move redraws its own control
# and that section's results, not the other inputs. The tornado's one range is a region
# with its chart.
st.header(_("Sale price and fees together"))
heat_slots = odds.heat_map_slots(side)
heat_inputs_column, heat_chart_column = st.columns([2, 3], gap=COLUMN_GAP)
with heat_inputs_column:
    odds.heat_map_inputs(side, heat_slots)
with heat_chart_column:
    regions.region(odds.HEAT_MAP, odds.heat_map_result, side, heat_slots)

st.header(_("Which input matters most"))
regions.region("o_tornado", odds.tornado_section, side)

st.header(_("How likely a deficiency is"))
odds_slots = odds.odds_slots(side)
odds_inputs_column, odds_chart_column = st.columns([2, 3], gap=COLUMN_GAP)
with odds_inputs_column:
    odds.odds_inputs(side, odds_slots)
with odds_chart_column:
    regions.region(odds.ODDS, odds.odds_result, side, odds_slots)

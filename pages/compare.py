"""Compare: a mortgage exit beside a car repossession, and who ends up owing what."""

import streamlit as st

from ui import live, panels
from ui.entry import require_entrypoint
from ui.sides import CAR, MORTGAGE
from ui.widgets import COLUMN_GAP

require_entrypoint()

st.title("What is still owed after the sale?")
st.caption(
    "When a lender sells a house or a car for less than the debt plus its costs, the gap is a "
    "**deficiency balance**. Move a slider or type an exact figure; everything updates at once."
)

panels.borrower_state()

# A move redraws its own pair, its side's results and the comparison, nothing else.
also = (live.COMPARISON,)
for side, column in zip((MORTGAGE, CAR), st.columns(2, gap=COLUMN_GAP), strict=True):
    with column:
        st.header(side.title)
        panels.scenario_header(side)
        exit = str(st.session_state[side.exit_key])  # the preset above may have changed it
        panels.inputs(side, side.headline_specs(exit), also)
        more = st.expander(
            "More line items", icon=":material/tune:", key=f"{side.prefix}_more", on_change="rerun"
        )
        if more.open:  # built only when open: fewer widgets to redraw on each slider move
            with more:
                panels.inputs(side, side.other_specs(exit), also)
        panels.resolution_inputs(side, also)
        panels.state_facts(side)
        panels.assumptions_list(side)
        live.region(
            live.results_key(side),
            panels.side_results,
            side,
            f"How the {side.title.lower()} figure is built",
        )

st.header("Who ends up with what")
live.region(live.COMPARISON, panels.comparison, (MORTGAGE, CAR))

"""Compare: a mortgage exit beside a car repossession, and who ends up owing what."""

import streamlit as st

from ui.kit import regions
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import CAR, MORTGAGE
from ui.scenario import sections as scenario

require_entrypoint()

st.title(_("What is still owed after the sale?"))
st.caption(
    # Translators: first use of the term on the page: the English term follows in brackets.
    _(
        "When a lender sells a house or a car for less than the debt plus its costs, the gap "
        "is a **deficiency balance**. Move a slider or type an exact figure; everything "
        "updates at once."
    )
)

scenario.borrower_state()
# Both answers first, above the inputs that change them, side by side on a wide screen.
scenario.answer_first((MORTGAGE, CAR))

# A move redraws its own pair, its side's results, the answers and the comparison.
also = (
    scenario.answer_key(MORTGAGE, CAR),
    scenario.loaded_key(MORTGAGE),
    scenario.loaded_key(CAR),
    regions.COMPARISON,
)
for side, column in zip((MORTGAGE, CAR), st.columns(2, gap=COLUMN_GAP), strict=True):
    with column:
        st.header(side.title)
        scenario.scenario_header(side)
        exit = str(st.session_state[side.exit_key])  # the preset above may have changed it
        scenario.inputs(side, side.headline_specs(exit), also)
        more = st.expander(
            _("More line items"),
            icon=":material/tune:",
            key=f"{side.prefix}_more",
            on_change="rerun",
        )
        if more.open:  # built only when open: fewer widgets to redraw on each slider move
            with more:
                scenario.inputs(side, side.other_specs(exit), also)
        scenario.resolution_inputs(side, also)
        scenario.state_facts(side)
        scenario.assumptions_list(side)
        regions.region(
            regions.results_key(side),
            scenario.side_results,
            side,
            _("How the mortgage figure is built")
            if side is MORTGAGE
            else _("How the car loan figure is built"),
        )

st.header(_("Who ends up with what"))
regions.region(regions.COMPARISON, scenario.comparison, (MORTGAGE, CAR))

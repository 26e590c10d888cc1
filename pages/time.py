"""Over time: the loan against the collateral's value, and how the gap grows after default."""

import streamlit as st

from ui import time_sections
from ui.entry import require_entrypoint

require_entrypoint()

st.title("How the gap grows over time")
st.caption(
    "A loan shrinks slowly while a car (or, in a falling market, a house) loses value: for a "
    "while the borrower is **upside down**, owing more than the collateral is worth. Once "
    "payments stop, interest and fees pile up every month until the sale."
)

side = time_sections.page_side()

st.subheader(f"The loan against the value of {side.collateral}")
view = time_sections.balance_section(side)

st.subheader("After the first missed payment")
if view is None:
    st.info("Fix the loan inputs above to see how the gap grows after default.")
else:
    time_sections.gap_section(side, view)

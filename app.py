"""Entrypoint: page setup, the state every page shares, and navigation over pages/."""

import streamlit as st

from ui.entry import mark_entrypoint
from ui.panels import footer
from ui.state import init_state

st.set_page_config(
    page_title="Deficiency balance explorer",
    page_icon=":material/balance:",
    layout="wide",
)
init_state(st.session_state)

page = st.navigation(
    [
        st.Page(
            "pages/compare.py",
            title="Compare",
            icon=":material/compare_arrows:",
            default=True,
        ),
        st.Page(
            "pages/mortgage.py",
            title="Mortgage exit",
            icon=":material/home:",
        ),
        st.Page(
            "pages/car.py",
            title="Car repossession",
            icon=":material/directions_car:",
        ),
    ],
    position="top",
)
mark_entrypoint()
page.run()
footer()

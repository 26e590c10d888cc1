"""Entrypoint: page setup, the state every page shares, and navigation over pages/."""

from pathlib import Path

# Imported whole before any page runs: a new server's first sessions run at once, and
# plotly's check for pandas could meet a pandas another session was still importing
# ("partially initialized module 'pandas' has no attribute 'Series"). An import here waits
# for the one in progress.
import pandas  # noqa: F401
import streamlit as st

from ui.explore.link_inputs import EXPLORE_INPUTS
from ui.kit.chart_view import publish_plotly_js
from ui.kit.copy_link import copy_link_button
from ui.kit.entry import mark_entrypoint
from ui.kit.history import one_history_entry_per_page
from ui.kit.i18n import _
from ui.kit.internals import keep_downloads_with_sessions
from ui.kit.language_choice import LANGUAGE_FIELD, language_choice
from ui.kit.link import read_url_once, url_notice, write_url
from ui.kit.load_history import keep_loads_in_history
from ui.kit.menu import label_phone_menu
from ui.kit.navigation import DEFAULT_PAGE, SECTIONS
from ui.kit.page_link import register
from ui.kit.reconnect import rerun_after_reconnect
from ui.kit.regions import page_shown
from ui.kit.state import init_state
from ui.next_steps.link_inputs import NEXT_STEPS_INPUTS
from ui.scenario.sections import footer

st.set_page_config(
    # A local file, served by the app: a Material icon would load from fonts.gstatic.com.
    page_icon=str(Path(__file__).parent / "ui" / "favicon.png"),
    layout="wide",
)
publish_plotly_js()
keep_downloads_with_sessions()  # once per server: a busy server lost downloads before the fetch
init_state(st.session_state)
register((LANGUAGE_FIELD, *EXPLORE_INPUTS, *NEXT_STEPS_INPUTS))  # the link holds them too
read_url_once()
# Titled once the link's language is read (a later call keeps the icon and layout).
st.set_page_config(page_title=_("Deficiency balance explorer"))

page = st.navigation(
    {
        # The unnamed first section stays unnamed ("" would read the catalog's header).
        (_(section) if section else ""): [
            st.Page(
                entry.path,
                title=_(entry.title),
                icon=entry.icon,
                help=_(entry.help),
                default=entry.path == DEFAULT_PAGE,
            )
            for entry in entries
        ]
        for section, entries in SECTIONS.items()
    },
    position="top",
)
url_notice()
mark_entrypoint()
page_shown()
page.run()
write_url()
copy_link_button()
language_choice()
footer()
one_history_entry_per_page()
keep_loads_in_history()
label_phone_menu()
rerun_after_reconnect()

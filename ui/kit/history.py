"""One browser-history entry per page, however often the inputs rewrite the URL's query.

The inputs keep the scenario in the URL's query (:mod:`ui.kit.link`) and Streamlit pushes
a history entry for every change of it, so Back would step through edits without undoing
any. ``history.js``, loaded once by ``app.py``, makes a change of the query alone replace
the current entry; a change of page still pushes one.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HISTORY_JS = Path(__file__).with_name("history.js").read_text(encoding="utf-8")

#: The component's key, and so its element's class (``st-key-history``).
HISTORY_KEY = "history"

# Registered once at import, like the chart component. It draws nothing, and its element
# is hidden so that it adds no gap below the footer (the style reaches the page because
# styles are not isolated).
_history = st.components.v2.component(
    "deficiency_history",
    js=HISTORY_JS,
    css=f".st-key-{HISTORY_KEY} {{ display: none; }}",
    isolate_styles=False,
)


def one_history_entry_per_page() -> None:
    """Called by ``app.py`` on every full run, so every page carries the script."""
    _history(key=HISTORY_KEY)

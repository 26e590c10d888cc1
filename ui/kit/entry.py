"""Make every page run through ``app.py``, even on a fresh server's first deep link.

With a ``pages/`` folder beside the entrypoint, Streamlit starts in its legacy
multipage mode until ``st.navigation`` is first called. If the first request a
server ever sees is a link such as ``/car``, that mode runs the page file alone,
without the shared state ``app.py`` sets up. :func:`require_entrypoint` notices and
reruns the app in ``st.navigation`` mode, so the link opens as it should.
"""

from __future__ import annotations

import streamlit as st

from ui.kit.internals import leave_pages_directory_mode

_ENTERED = "__entered_through_app"


def mark_entrypoint() -> None:
    """Called by ``app.py`` just before it runs the selected page."""
    st.session_state[_ENTERED] = True


def require_entrypoint() -> None:
    """Called first by every page: rerun through ``app.py`` if this run bypassed it."""
    if st.session_state.pop(_ENTERED, False):
        return
    leave_pages_directory_mode()
    st.rerun()

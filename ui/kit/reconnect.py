"""After a server dies, rebuild the page's session on the server it reconnects to at once.

Behind a balancer (scripts/cluster.py) a page whose server died reconnects its websocket to
another server, which starts a new, empty session. Streamlit's page asks for a run after a
reconnect only when it expects one (a run in flight, a fragment that reruns on a timer);
otherwise it waits for the next input. Until then the new server knows none of the page's
buttons: a download clicked first after a failover would do nothing. A
fragment on a timer makes the page ask for a full run as soon as it reconnects, and that
run rebuilds the whole scenario from the page's link (ui.kit.link).
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

#: The timer only has to exist; its rare runs draw nothing and cost next to nothing.
RERUN_EVERY = timedelta(hours=6)


@st.fragment(run_every=RERUN_EVERY)
def _rebuild_after_reconnect() -> None:
    """Draws nothing: its timer is what makes the page rerun after a reconnect."""


def rerun_after_reconnect() -> None:
    """Called by ``app.py`` on every full run, so the page keeps the timer."""
    _rebuild_after_reconnect()

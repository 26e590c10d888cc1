"""Redraw only what a change touches: named regions of a page that an input's callback reruns.

A slider move used to rerun the whole page, and the browser redrew every widget on it
(measured: about 8 ms per slider-and-box pair, 650 ms a move on Compare). A *region* is
a keyed ``st.fragment`` (Streamlit 1.67 lets a widget callback rerun fragments by key),
so a move redraws its own input and the results that read it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ui.sides import Side
from ui.url import write_url

#: The region of the Compare page that sets the two sides against each other.
COMPARISON = "comparison"


def results_key(side: Side) -> str:
    """The key of the region that draws a side's results, e.g. ``m_results``."""
    return f"{side.prefix}_results"


def region(key: str, draw: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Draw ``draw(*args, **kwargs)`` as a region a callback can redraw by ``key``.

    The arguments are kept from the last full run, so pass only what a full run
    changes (specs, titles); anything an input changes is read from session state.
    """
    return st.fragment(draw, key=key)(*args, **kwargs)


#: Called once a change is stored, for regions that depend on what the change did (say,
#: the message slot of a field that just became wrong).
Also = Callable[[], Sequence[str]] | None


def redraw(keys: Sequence[str], also: Also = None) -> None:
    """From a widget callback: keep the URL current, then rerun only the named regions.

    With no regions the callback just returns and Streamlit's usual rerun follows; with
    one that is not on the page this run, the whole page reruns: a change is never left
    undrawn. ``also()``, when given, adds regions known only after the change.
    """
    if not keys:
        return
    keys = (*keys, *(also() if also else ()))
    write_url()
    try:
        st.rerun(scope=list(keys))
    except StreamlitAPIException:
        st.rerun(scope="app")

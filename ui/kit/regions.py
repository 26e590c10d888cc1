"""Redraw only what a change touches: named regions of a page that an input's callback reruns.

A whole-page rerun makes the browser redraw every widget on the page, and each
slider-and-box pair costs time to redraw. A *region* is a keyed ``st.fragment`` (Streamlit
1.67 lets a widget callback rerun fragments by key), so a move redraws its own input and
the results that read it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ui.kit.internals import current_page_hash, rerun_page
from ui.kit.link import write_url
from ui.kit.sides import Side

#: The page the last full run drew (:func:`page_shown`); region reruns keep it.
_SHOWN_PAGE = "__page_shown"


def page_switched() -> bool:
    """In a callback: whether the change belongs to a page the user has left.

    A box edited and left for another page reaches the server after that page has run:
    its region's rerun then names the old page, and running it (or rerunning that page)
    would break the new page or send the user back.
    """
    page = current_page_hash()
    return page is not None and page != st.session_state.get(_SHOWN_PAGE)


def rerun_shown_page() -> NoReturn:
    """From a callback: run the page on screen whole instead of the left page's region."""
    shown = st.session_state.get(_SHOWN_PAGE)
    if current_page_hash() is None or not shown:
        st.rerun(scope="app")
    rerun_page(shown)


def page_shown() -> None:
    """Called by ``app.py`` as it runs a page: the page a later callback's change belongs to."""
    page = current_page_hash()
    if page is not None:
        st.session_state[_SHOWN_PAGE] = page


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
    if page_switched():
        rerun_shown_page()
    try:
        st.rerun(scope=list(keys))
    except StreamlitAPIException:
        st.rerun(scope="app")

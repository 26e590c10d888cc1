"""Widget callbacks that outlive their page: a change sent as the user leaves the page.

A box edited and left without Enter is sent with the click on another page's link;
Streamlit then runs the old page's callbacks before the new page, and may run them for
widgets whose values it no longer holds. Reading such a key raises KeyError: the new page
would show an exception and lose the earlier edits. A callback reads its widget with
:func:`widget_value` and is wrapped in :func:`on_change`, so a value that is gone is
skipped and one that is there is kept, and the new page then runs whole.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any, ParamSpec

import streamlit as st

from ui.kit import regions

P = ParamSpec("P")
_GONE = object()


class WidgetGone(Exception):
    """The widget's value is no longer in session state."""


def widget_value(key: str) -> Any:
    """The widget's value in its callback; raises :class:`WidgetGone` if Streamlit dropped it."""
    value = st.session_state.get(key, _GONE)
    if value is _GONE:
        raise WidgetGone(key)
    return value


def on_change(callback: Callable[P, None]) -> Callable[P, None]:
    """Run ``callback``, skipping it when the value it reads has gone."""

    @functools.wraps(callback)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        with contextlib.suppress(WidgetGone):
            callback(*args, **kwargs)
        if regions.page_switched():  # the edit is kept; the page on screen runs whole
            regions.rerun_shown_page()

    return guarded

"""Keep the scenario and every page's inputs in the page's URL: read them once per session,
write them after every run."""

from __future__ import annotations

import functools
import urllib.parse
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import streamlit as st

from ui.kit.i18n import _
from ui.kit.page_link import load_page_params, page_keys, page_params
from ui.kit.scenario_io import load_params, safe_names, url_params
from ui.kit.state import State

P = ParamSpec("P")
T = TypeVar("T")

_LOADED = "__url_loaded"
_NOTICE = "__url_notice"
_REWRITE = "__url_rewrite"


def read_url_once() -> None:
    """On a session's first run, restore every input the URL names; note what was ignored."""
    if st.session_state.get(_LOADED):
        return
    st.session_state[_LOADED] = True
    params = {key: st.query_params[key] for key in st.query_params}
    ignored = load_link(st.session_state, params)
    if ignored:
        st.session_state[_NOTICE] = safe_names(ignored)


def load_link(state: State, params: dict[str, str]) -> list[str]:
    """Load a link's scenario, then the page inputs it holds; return the names not used."""
    pages = page_keys()
    ignored = load_params(state, {key: raw for key, raw in params.items() if key not in pages})
    return ignored + load_page_params(state, params)


def restore_link(state: State, search: str) -> None:
    """Load the scenario a link's query (``?m_preset=...``) holds, as a first visit would,
    noting what could not be used."""
    params = dict(urllib.parse.parse_qsl(search.lstrip("?"), keep_blank_values=True))
    ignored = load_link(state, params)
    if ignored:
        state[_NOTICE] = safe_names(ignored)
    # The browser may have put the newer link back in the address meanwhile (Streamlit's own
    # Back handling rewrites it), so this run writes the link even where it looks unchanged.
    state[_REWRITE] = True


def write_url() -> None:
    """Put the current scenario and page inputs in the URL, so copying the address shares
    them exactly."""
    # One copy of the state: a link reads hundreds of values, and each read through
    # ``st.session_state`` takes its lock (about half of a slider move's link time).
    state = st.session_state.to_dict()
    wanted = url_params(state) | page_params(state)
    current = {key: st.query_params[key] for key in st.query_params}
    if st.session_state.pop(_REWRITE, False) or current != wanted:
        st.query_params.from_dict(wanted)


def writes_link(draw: Callable[P, T]) -> Callable[P, T]:
    """For a region whose controls rerun it alone (no callback of :mod:`ui.kit.regions`
    writes the link for them): after each of its runs, the link holds what they changed.
    Without it a failover or a reload brought back the value before the last move."""

    @functools.wraps(draw)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> T:
        result = draw(*args, **kwargs)
        write_url()
        return result

    return drawn


def _dismiss() -> None:
    st.session_state.pop(_NOTICE, None)


def url_notice() -> None:
    """Name the URL parameters that could not be used; their inputs kept their defaults."""
    names = st.session_state.get(_NOTICE)
    if not names:
        return
    listed = ", ".join(f"`{name}`" for name in names)
    with st.container(border=True):
        st.warning(
            _(
                "Some settings in this link could not be used and were left at their "
                "defaults: {names}."
            ).format(names=listed),
            icon=":material/link_off:",
        )
        st.button(_("Dismiss"), key="url_notice_dismiss", on_click=_dismiss)

"""Every use of Streamlit's internals, in one place: an upgrade that moves them breaks only here.

Each function or name below says which public API Streamlit 1.67 lacks for it.
``tests/repo/test_internals.py`` fails when any other module imports ``streamlit.runtime``
or a private Streamlit name, so a new use has to come here and say why.
"""

from __future__ import annotations

from typing import NoReturn, TypeAlias

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.runtime.state import SessionStateProxy
from streamlit.runtime.state.safe_session_state import SafeSessionState

__all__ = [
    "SafeSessionState",
    "SessionStateType",
    "current_page_hash",
    "fragment_rerun",
    "leave_pages_directory_mode",
    "rerun_page",
    "session_state_object",
]

#: The type of ``st.session_state``.
# Missing public API: a type for st.session_state, to annotate the functions that take it.
SessionStateType: TypeAlias = SessionStateProxy


def current_page_hash() -> str | None:
    """The script hash of the page this run (or callback) belongs to; None outside a run."""
    # Missing public API: the page a widget callback's change came from (st.context has no page).
    context = get_script_run_ctx()
    return context.page_script_hash if context is not None else None


def fragment_rerun() -> bool:
    """Whether this run reruns fragments only, not the whole page."""
    # Missing public API: whether the current run is a fragment rerun.
    context = get_script_run_ctx()
    return context is not None and bool(context.fragment_ids_this_run)


def rerun_page(page_hash: str) -> NoReturn:
    """From a callback: rerun the app on the page ``page_hash``, keeping the URL's query string.

    Outside a script run there is nothing to aim at, so the whole app reruns.
    """
    # Missing public API: st.rerun aimed at a page; st.switch_page(page, query_params=...)
    # takes a registered page rather than the hash a callback knows, and rewrites the URL.
    context = get_script_run_ctx()
    if context is None:
        st.rerun(scope="app")
    raise RerunException(
        RerunData(
            query_string=context.query_string,
            page_script_hash=page_hash,
            cached_message_hashes=context.cached_message_hashes,
            context_info=context.context_info,
        )
    )


def session_state_object() -> SafeSessionState | None:
    """This session's state, readable later from outside a script run; None outside one.

    A download button's data callable runs from Streamlit's file server, where
    ``st.session_state`` has no session: it reads this object instead.
    """
    # Missing public API: session state bound to a session, for a deferred download callable.
    context = get_script_run_ctx()
    return context.session_state if context is not None else None


def leave_pages_directory_mode() -> None:
    """Switch Streamlit out of its legacy ``pages/``-folder mode, as ``st.navigation`` does."""
    # Missing public API: running a deep link's first request through the entrypoint when a
    # pages/ folder sits beside it (st.navigation sets this flag only once it is called).
    PagesManager.uses_pages_directory = False

"""Every use of Streamlit's internals, in one place: an upgrade that moves them breaks only here.

Each function or name below says which public API Streamlit 1.67 lacks for it.
``tests/repo/test_internals.py`` fails when any other module imports ``streamlit.runtime``
or a private Streamlit name, so a new use has to come here and say why.
"""

from __future__ import annotations

import threading
from typing import Any, NoReturn, TypeAlias

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileKind
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
    "keep_downloads_with_sessions",
    "leave_pages_directory_mode",
    "rerun_page",
    "session_state_object",
]

#: The type of ``st.session_state``.
# Missing public API: a type for st.session_state, to annotate the functions that take it.
SessionStateType: TypeAlias = SessionStateProxy


def in_a_page_run() -> bool:
    """Whether this thread runs a page (or its callback) of a session, so that
    ``st.session_state`` has a session to read."""
    # Missing public API: st.session_state logs a warning, rather than answering, outside a run.
    return get_script_run_ctx(suppress_warning=True) is not None


def current_page_hash() -> str | None:
    """The script hash of the page this run (or callback) belongs to; None outside a run."""
    # Missing public API: the page a widget callback's change came from (st.context has no page).
    context = get_script_run_ctx()
    return context.page_script_hash if context is not None else None


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


#: The most download files one session keeps at once: its latest per button.
KEPT_PER_SESSION = 8
_KEEPS = "_deficiency_keeps_downloads"


def keep_downloads_with_sessions(manager: MediaFileManager | None = None) -> None:
    """Keep each session's downloads until the session ends: its latest file per button.

    Streamlit drops a download's file once no session's last run drew it: a clicked
    button's file (made then) right away, a drawn one when its session's next run starts.
    Every script run's end, in any session, sweeps such files (the second sweep deletes),
    so on a busy server the browser's fetch could come after the file was gone (404).
    Here a file a session made stays while the session lives; a newer file from the same
    button replaces it, and a session keeps at most :data:`KEPT_PER_SESSION`. Installed
    once per server (``manager``: the runtime's, unless a test gives its own).
    """
    # Missing public API: any control over how long a download's file is kept.
    if manager is None:
        if not Runtime.exists():
            return
        manager = Runtime.instance().media_file_mgr
    if getattr(manager, _KEEPS, False):
        return
    setattr(manager, _KEEPS, True)
    kept: dict[str, dict[str, str]] = {}  # session -> button's place -> file id
    making = threading.local()  # (session, place) of the download being stored
    storage: Any = manager._storage
    load, add, execute = storage.load_and_get_id, manager.add, manager.execute_deferred
    inactive, clear = manager._get_inactive_file_ids, manager.clear_session_refs

    # The wrappers keep Streamlit's parameter names: its callers pass some by name.
    def load_and_keep(
        path_or_data: bytes | str,
        mimetype: str,
        kind: MediaFileKind,
        filename: str | None = None,
    ) -> str:
        file_id: str = load(path_or_data, mimetype, kind, filename)
        owner = getattr(making, "owner", None)
        if owner is not None and kind is MediaFileKind.DOWNLOADABLE:
            session, place = owner
            files = kept.setdefault(session, {})
            files.pop(place, None)
            files[place] = file_id
            while len(files) > KEPT_PER_SESSION:
                del files[next(iter(files))]
        return file_id

    def add_and_keep(
        path_or_data: bytes | str,
        mimetype: str,
        coordinates: str,
        file_name: str | None = None,
        is_for_static_download: bool = False,
    ) -> str:
        context = get_script_run_ctx()
        session = context.session_id if context is not None else "dontcare"
        making.owner = (session, coordinates) if is_for_static_download else None
        try:
            url: str = add(path_or_data, mimetype, coordinates, file_name, is_for_static_download)
            return url
        finally:
            making.owner = None

    def execute_and_keep(file_id: str) -> str:
        entry = manager._deferred_callables.get(file_id)
        making.owner = (entry["session_id"], entry["coordinates"]) if entry else None
        try:
            url: str = execute(file_id)
            return url
        finally:
            making.owner = None

    def inactive_but_kept() -> set[str]:
        ids: set[str] = inactive()
        for files in kept.values():
            ids.difference_update(files.values())
        return ids

    def clear_and_forget(session_id: str | None = None) -> None:
        clear(session_id)
        if session_id is not None:  # only a session that ends is named: a run start is not
            with manager._lock:
                kept.pop(session_id, None)

    setattr(storage, "load_and_get_id", load_and_keep)  # noqa: B010
    setattr(manager, "add", add_and_keep)  # noqa: B010
    setattr(manager, "execute_deferred", execute_and_keep)  # noqa: B010
    setattr(manager, "_get_inactive_file_ids", inactive_but_kept)  # noqa: B010
    setattr(manager, "clear_session_refs", clear_and_forget)  # noqa: B010

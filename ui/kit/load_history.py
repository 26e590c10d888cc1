"""Back undoes a load: a load that replaces a scenario leaves the link before it in the
browser's history, and Back to it restores the scenario that link holds.

``load_history.js``, mounted once a run by ``app.py``, pushes the entry a load asks for
and, on Back or Forward to such an entry, sends its link here to be loaded.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.kit.link import restore_link
from ui.kit.scenario_io import url_params
from ui.kit.state import State

LOAD_HISTORY_JS = Path(__file__).with_name("load_history.js").read_text(encoding="utf-8")

#: The component's key, and so its element's class (``st-key-scenario_history``).
HISTORY_KEY = "scenario_history"
#: The last load's history entry, sent to the browser until the next load.
_ENTRY = "__load_entry"

_load_history = st.components.v2.component(
    "deficiency_load_history",
    js=LOAD_HISTORY_JS,
    css=f".st-key-{HISTORY_KEY} {{ display: none; }}",
    isolate_styles=False,
)


@dataclass(frozen=True)
class LoadEntry:
    """A load's history entry: its number this session, and the link's query before and after."""

    id: int
    before: str
    after: str


def query(params: dict[str, str]) -> str:
    """URL parameters as the query part of an address (``?m_preset=...``)."""
    return "?" + urllib.parse.urlencode(params)


def record_load(state: State, before: dict[str, str]) -> None:
    """After a load, ask the browser for a history entry: ``before`` is the link before it."""
    after = url_params(state)
    if after == before:
        return
    previous: LoadEntry | None = state.get(_ENTRY)
    number = previous.id + 1 if previous else 1
    state[_ENTRY] = LoadEntry(number, query(before), query(after))


def _restore() -> None:
    search = getattr(st.session_state[HISTORY_KEY], "restore", None)
    if isinstance(search, str):
        restore_link(st.session_state, search)


def keep_loads_in_history() -> None:
    """Called by ``app.py`` on every full run, so Back after a load works on every page."""
    entry: LoadEntry | None = st.session_state.get(_ENTRY)
    data = {"entry": vars(entry) if entry else None}
    _load_history(key=HISTORY_KEY, data=data, on_restore_change=_restore)

"""A session's downloads outlive other sessions' runs and its own next run, not the session.

Streamlit sweeps unreferenced download files at the end of every script run of any
session, deleting them at the second sweep: a clicked button's file was gone before a
slow browser fetched it whenever two runs ended on the server meanwhile.
``ui.kit.internals.keep_downloads_with_sessions`` keeps each session's latest file per
button until the session ends. Here on a media file manager of the test's own.
"""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from ui.kit.internals import KEPT_PER_SESSION, keep_downloads_with_sessions

#: The session id Streamlit uses outside a script run, as here.
SESSION = "dontcare"


@pytest.fixture
def manager() -> MediaFileManager:
    made = MediaFileManager(MemoryMediaFileStorage("/media"))
    keep_downloads_with_sessions(made)
    return made


def file_id(url: str) -> str:
    return url.rsplit("/", 1)[-1].split(".")[0]


def readable(manager: MediaFileManager, url: str) -> bool:
    return manager.read_file(file_id(url)) is not None


def other_sessions_run(manager: MediaFileManager, runs: int = 3) -> None:
    """The end of ``runs`` script runs of other sessions: one sweep each."""
    for _ in range(runs):
        manager.remove_orphaned_files()


def own_run_moves_on(manager: MediaFileManager) -> None:
    """The session's next full run starts (its buttons' references dropped) and ends."""
    manager.clear_session_refs()
    other_sessions_run(manager)


def clicked(manager: MediaFileManager, data: bytes, place: str = "1.(2.0)") -> str:
    """A deferred download button (a callable made at the click), clicked: the file's URL."""
    placeholder = manager.add_deferred(lambda: data, "application/json", place, "a.json")
    return manager.execute_deferred(placeholder)


def test_a_clicked_download_outlives_other_runs_and_its_own(manager: MediaFileManager) -> None:
    url = clicked(manager, b'{"sale_price": "9000.00"}')
    other_sessions_run(manager)
    assert readable(manager, url)
    own_run_moves_on(manager)
    assert readable(manager, url)


def test_a_drawn_download_outlives_its_sessions_next_run(manager: MediaFileManager) -> None:
    # Named as Streamlit's own callers name them (st.download_button, subtitles).
    url = manager.add(
        path_or_data=b"a,b\n1,2\n",
        mimetype="text/csv",
        coordinates="1.(3.1)",
        file_name="results.csv",
        is_for_static_download=True,
    )
    own_run_moves_on(manager)
    assert readable(manager, url)


def test_a_newer_file_from_the_same_button_replaces_the_kept_one(
    manager: MediaFileManager,
) -> None:
    first = clicked(manager, b"first")
    second = clicked(manager, b"second")
    other_sessions_run(manager)
    assert readable(manager, second) and not readable(manager, first)


def test_a_session_keeps_a_bounded_number_of_files(manager: MediaFileManager) -> None:
    urls = [clicked(manager, f"file {n}".encode(), f"1.({n}.0)") for n in range(12)]
    other_sessions_run(manager)
    assert [readable(manager, url) for url in urls] == [False] * 4 + [True] * KEPT_PER_SESSION


def test_the_files_go_when_the_session_ends(manager: MediaFileManager) -> None:
    url = clicked(manager, b"bye")
    manager.clear_session_refs(SESSION)  # Streamlit names the session only when it ends
    other_sessions_run(manager)
    assert not readable(manager, url)


def test_media_that_is_not_a_download_is_swept_as_before(manager: MediaFileManager) -> None:
    url = manager.add(b"\x89PNG", "image/png", "1.(4.0)")
    own_run_moves_on(manager)
    assert not readable(manager, url)

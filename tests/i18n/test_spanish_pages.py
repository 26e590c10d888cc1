"""AppTest: every page in Spanish runs clean and shows no English beyond citations, proper
names and the bracketed English terms (``tests/i18n/english.py``)."""

from __future__ import annotations

import pytest

from tests.helpers import start
from tests.i18n.english import english_pieces
from tests.i18n.pages import reader_pieces
from ui.kit.navigation import SECTIONS

PAGES = tuple(entry.path for entries in SECTIONS.values() for entry in entries)


@pytest.mark.parametrize("page", PAGES)
def test_page_in_spanish_shows_no_english(page: str) -> None:
    at = start(page, lang="es")
    left = english_pieces(reader_pieces(at))
    assert not left, f"{page} still shows English:\n" + "\n".join(left)

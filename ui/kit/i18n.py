"""The app's words in the reader's language: its gettext catalog and the session's choice.

Every string a page shows is written ``_("...")`` (``N_`` for constants defined at import,
translated where shown); placeholders are named (``_("You owe {amount}.").format(amount=...)``)
so a translation may put them in its own order. The language is the session's ``lang``,
kept in the link, so ``?lang=es`` opens the explorer in Spanish.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from deficiency import (
    ENGLISH,
    N_,
    Translator,
    current_language,
    read_language_from,
)
from ui.kit.internals import in_a_page_run

__all__ = [
    "LANGUAGE_KEY",
    "N_",
    "_",
    "current_language",
    "gettext",
    "ngettext",
    "pgettext",
]

#: The session state key (and link parameter) of the reader's language.
LANGUAGE_KEY = "lang"

#: The app's catalog (``locale/<lang>/LC_MESSAGES/messages.po``): pages, inputs, charts.
APP = Translator(Path(__file__).resolve().parents[2] / "locale", "messages")
_ = gettext = APP.gettext
pgettext = APP.pgettext
ngettext = APP.ngettext


def _session_language() -> object:
    """The session's language; English outside a page run (a worker thread, a batch in a
    test), where reading ``st.session_state`` would log a warning for every message."""
    if not in_a_page_run():
        return ENGLISH
    return st.session_state.get(LANGUAGE_KEY, ENGLISH)


read_language_from(_session_language)

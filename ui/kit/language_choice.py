"""The language choice in the top bar (English / Español) and the page's ``<html lang>``.

A choice sets the session's language (``lang``, kept in the link) and reruns the page in
it; every input keeps its value, since values live under their canonical keys.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from deficiency import ENGLISH, LANGUAGE_NAMES, LANGUAGES, current_language
from ui.kit.i18n import LANGUAGE_KEY, _
from ui.kit.page_link import Field, choice, constant

#: The language in the link: written only when it is not English.
LANGUAGE_FIELD = Field(LANGUAGE_KEY, choice(LANGUAGES), constant(ENGLISH))

LANGUAGE_CHOICE_JS = Path(__file__).with_name("language_choice.js").read_text(encoding="utf-8")

#: The component's key, and so its element's class (``st-key-language_choice``).
LANGUAGE_CHOICE_KEY = "language_choice"
CHOSEN = "chosen"

LANGUAGE_CHOICE_HTML = '<div class="deficiency-language" role="group"></div>'

# Fixed in the top bar, left of Streamlit's menu; drawn like the app's secondary buttons.
LANGUAGE_CHOICE_CSS = f"""
.st-key-{LANGUAGE_CHOICE_KEY} {{
  position: fixed; top: 0.625rem; right: 3.5rem; z-index: 999991; width: auto;
}}
/* The page links stop short of the choice: Streamlit folds the links that do not fit
   into "more", measured on this width. */
[data-testid="stTopNav"] {{ max-width: calc(100% - 12.5rem); margin-left: 0; margin-right: auto; }}
/* On a phone the open page list lies over the top bar, its close button where the choice
   sits: the choice steps aside until the list is closed. */
@media (max-width: 767.98px) {{
  body:has([data-testid="stSidebar"][data-collapsed="false"]) .st-key-{LANGUAGE_CHOICE_KEY} {{
    visibility: hidden;
  }}
}}
.deficiency-language {{ display: flex; gap: 0.25rem; }}
.deficiency-language-option {{
  font: inherit; font-family: var(--st-font); font-size: 0.875rem;
  color: var(--st-text-color); background: var(--st-background-color);
  border: 1px solid var(--st-border-color); border-radius: var(--st-button-radius, 0.5rem);
  padding: 0.25rem 0.625rem; min-height: 2.25rem; min-width: 2.75rem; cursor: pointer;
}}
.deficiency-language-option[aria-pressed="true"] {{
  background: var(--st-primary-color); border-color: var(--st-primary-color); color: #FFFFFF;
  cursor: default;
}}
.deficiency-language-option:focus-visible {{
  outline: 2px solid var(--st-primary-color); outline-offset: 2px;
}}
"""

_choice = st.components.v2.component(
    "deficiency_language_choice",
    html=LANGUAGE_CHOICE_HTML,
    css=LANGUAGE_CHOICE_CSS,
    js=LANGUAGE_CHOICE_JS,
    isolate_styles=False,
)


def _chosen() -> None:
    sent = st.session_state.get(LANGUAGE_CHOICE_KEY)
    code = sent.get(CHOSEN) if isinstance(sent, dict) else None
    if code in LANGUAGES:
        st.session_state[LANGUAGE_KEY] = code


def language_choice() -> None:
    """Draw the choice; called by ``app.py`` on every full run, so every page has it."""
    _choice(
        key=LANGUAGE_CHOICE_KEY,
        data={
            "current": current_language(),
            "label": _("Language"),
            "options": [{"code": code, "name": LANGUAGE_NAMES[code]} for code in LANGUAGES],
        },
        default={CHOSEN: None},
        on_chosen_change=_chosen,
    )

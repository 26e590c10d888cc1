"""The phone menu labelled: the button that opens the page list at phone width says "Menu".

Streamlit draws it as two arrows named "Expand sidebar"; ``menu.js``, mounted once a run by
``app.py``, gives it the visible label "Menu" and the same accessible name.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.kit.i18n import _

MENU_JS = Path(__file__).with_name("menu.js").read_text(encoding="utf-8")

#: The component's key, and so its element's class (``st-key-phone_menu``).
MENU_KEY = "phone_menu"

#: The label beside the button's arrows, in the theme's text colour; the component's own
#: element draws nothing and is hidden, so it adds no gap (styles are not isolated).
MENU_CSS = f"""
.st-key-{MENU_KEY} {{ display: none; }}
[data-testid="stExpandSidebarButton"]:has(.deficiency-menu-label) {{
  width: auto; gap: 0.25rem; padding-right: 0.5rem;
}}
.deficiency-menu-label {{
  font-family: var(--st-font); font-size: 1rem; font-weight: 600;
  color: var(--st-text-color);
}}
"""

_menu = st.components.v2.component(
    "deficiency_phone_menu", js=MENU_JS, css=MENU_CSS, isolate_styles=False
)


def label_phone_menu() -> None:
    """Called by ``app.py`` on every full run, so every page carries the label (its words
    in the reader's language)."""
    _menu(key=MENU_KEY, data={"label": _("Menu"), "close": _("Close menu")})

"""A "Copy link" button: copies the page's address, which holds the scenario on screen."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.kit.i18n import _

COPY_LINK_JS = Path(__file__).with_name("copy_link.js").read_text(encoding="utf-8")

#: The button, and a status line a screen reader announces after the click.
COPY_LINK_HTML = (
    '<div class="deficiency-copy">'
    '<button type="button" class="deficiency-copy-link">Copy link</button>'
    '<span class="deficiency-copy-status" role="status" aria-live="polite"></span>'
    "</div>"
)

# Drawn like Streamlit's secondary button, from the theme's own values.
COPY_LINK_CSS = """
.deficiency-copy { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
.deficiency-copy-link {
  font: inherit; font-family: var(--st-font); color: var(--st-text-color);
  background: var(--st-background-color); border: 1px solid var(--st-border-color);
  border-radius: var(--st-button-radius, 0.5rem); padding: 0.25rem 0.75rem;
  min-height: 2.5rem; cursor: pointer;
}
.deficiency-copy-link:hover {
  border-color: var(--st-primary-color); color: var(--st-primary-color);
}
.deficiency-copy-link:focus-visible {
  outline: 2px solid var(--st-primary-color); outline-offset: 2px;
}
.deficiency-copy-status { font-size: 0.875rem; }
"""

#: The component's key, and so its element's class (``st-key-copy_link``).
COPY_LINK_KEY = "copy_link"

_copy_link = st.components.v2.component(
    "deficiency_copy_link",
    html=COPY_LINK_HTML,
    css=COPY_LINK_CSS,
    js=COPY_LINK_JS,
    isolate_styles=False,
)


def copy_link_words() -> dict[str, str]:
    """The button's words in the reader's language: its label and the two status lines."""
    return {
        "label": _("Copy link"),
        "copied": _("Link copied. Paste it to share these figures."),
        "failed": _("Could not copy: copy the address from the address bar."),
    }


def copy_link_button() -> None:
    """Draw the button; the browser copies its own address, so only its words are sent."""
    _copy_link(key=COPY_LINK_KEY, data=copy_link_words())

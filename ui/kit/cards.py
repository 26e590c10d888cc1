"""Figure cards: a block of labelled figures drawn as one accessible HTML element.

``st.metric`` draws each card as several elements, and Streamlit's browser code
re-renders every element of a page on each slider move (docs/performance.md), so a
block of four to six metrics was a large share of a move's time. Here the whole block
is one ``st.html``: a description list (``<dl>``) in a labelled group, a card per
figure with its label (``<dt>``), its value and, where a figure needs one, a short
note in visible small text, so a screen reader and a keyboard user get every word.

:func:`cards_html` is pure and escapes every text it is given; :func:`show_cards`
draws it. Cards wrap: side by side where they fit, one a row on a phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import streamlit as st

#: A card's width, as ``st.metric(width=270)`` had it: two fit a half-page column at
#: 1366 px; on a phone a card takes the whole row.
CARD_WIDTH = "16.875rem"

#: The look of Streamlit's bordered metric card: its border colour (the theme's text at
#: 20 %), radius, padding, 14 px label and 36 px value. Notes are 14 px in the caption
#: colour (#6D7179 on white, 4.9:1).
STYLE = (
    # Prefixed by the group's class: Streamlit's own list style (a 2 rem indent) is more
    # specific than a single class.
    ".figure-group .figure-cards{display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}"
    f".figure-group .figure-card{{flex:0 1 {CARD_WIDTH};min-width:0;box-sizing:border-box;"
    "border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;"
    "padding:calc(1rem - 1px);background:#FFFFFF;color:#31333F}"
    ".figure-group dt{margin:0;padding:0;font-size:0.875rem;font-weight:400;line-height:1.4;"
    "overflow-wrap:anywhere}"
    ".figure-group dd{margin:0;padding:0}"
    ".figure-group .figure-value{font-size:2.25rem;line-height:1.25;overflow-wrap:anywhere}"
    ".figure-group .figure-note{font-size:0.875rem;line-height:1.4;color:#6D7179;"
    "margin-top:0.25rem}"
    "@media (max-width:640px){.figure-group .figure-card{flex-basis:100%}"
    ".figure-group .figure-value{font-size:1.875rem}}"
)


@dataclass(frozen=True)
class Card:
    """One figure: its label, its value as shown, and an optional one-line note."""

    label: str
    value: str
    note: str | None = None


def cards_html(cards: Sequence[Card], name: str) -> str:
    """The cards as one block: a group named ``name`` holding a ``<dl>``, a card per figure.

    Every text is escaped, so a label or note built from typed input shows as typed.
    """
    items = []
    for card in cards:
        note = f'<dd class="figure-note">{escape(card.note)}</dd>' if card.note else ""
        items.append(
            f'<div class="figure-card"><dt>{escape(card.label)}</dt>'
            f'<dd class="figure-value">{escape(card.value)}</dd>{note}</div>'
        )
    return (
        f"<style>{STYLE}</style>"
        f'<div class="figure-group" role="group" aria-label="{escape(name)}">'
        f'<dl class="figure-cards">{"".join(items)}</dl></div>'
    )


def show_cards(cards: Sequence[Card], name: str) -> None:
    """Draw the cards: one ``st.html``, every text in it escaped by :func:`cards_html`."""
    st.html(cards_html(cards, name))

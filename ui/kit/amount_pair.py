"""A slider-and-box pair as one element: a native range beside a text box, one value.

Two Streamlit widgets (``st.slider`` beside ``st.number_input``) are about 240 React
components a pair, and Streamlit's browser code re-renders the whole page several times
a move: on Mortgage exit, with 13 pairs, that was about a fifth of every move's time.
This small component (components v2, no iframe) draws the pair in a few plain elements
and sends the server one numbered *entry* a change: its state value, kept like any
widget's value, so an entry sent as the user leaves the page is read as a box's was.
:mod:`ui.kit.inputs` validates it with the package and answers with the value in use.
See ``amount_pair.js`` for the browser side.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypedDict

import streamlit as st

#: Suffix of the component's key (``m_sale_price-pair``): components v2 refuse "__" in keys.
PAIR_WIDGET: Final = "-pair"
#: The component's state: the last move of the range or entry in the box, numbered.
ENTRY: Final = "entry"

AMOUNT_PAIR_HTML = (
    '<div class="amount-pair">'
    '<div class="amount-pair-head"><label class="amount-pair-label"></label>'
    '<button type="button" class="amount-pair-help-button" aria-expanded="false" hidden>'
    "?</button></div>"
    '<div class="amount-pair-help" hidden></div>'
    '<div class="amount-pair-row">'
    '<input type="range" class="amount-pair-range">'
    '<div class="amount-pair-box"><span class="amount-pair-before" aria-hidden="true"></span>'
    '<input type="text" class="amount-pair-exact" autocomplete="off" spellcheck="false">'
    '<span class="amount-pair-after" aria-hidden="true"></span></div>'
    "</div></div>"
)

# Drawn like Streamlit's own label, slider and text input, from the theme's values.
AMOUNT_PAIR_CSS = """
.amount-pair { font-family: var(--st-font); color: var(--st-text-color); }
.amount-pair-head { display: flex; align-items: center; justify-content: space-between;
  gap: 0.5rem; min-height: 1.5rem; margin-bottom: 0.25rem; }
.amount-pair-label { font-size: 0.875rem; line-height: 1.4; }
.amount-pair-help-button { flex: none; width: 1.5rem; height: 1.5rem; padding: 0;
  border-radius: 50%; border: 1px solid var(--st-border-color, #D5DAE5);
  background: var(--st-background-color, #FFFFFF); color: var(--st-text-color);
  font: inherit; font-size: 0.8rem; line-height: 1; cursor: pointer; }
.amount-pair-help-button:hover, .amount-pair-help-button[aria-expanded="true"] {
  border-color: var(--st-primary-color); color: var(--st-primary-color); }
.amount-pair-help { font-size: 0.875rem; margin: 0 0 0.5rem; padding: 0.5rem 0.75rem;
  border-left: 3px solid var(--st-primary-color);
  background: var(--st-secondary-background-color, #F2F5F8); }
.amount-pair-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.amount-pair-range { flex: 1 1 10rem; min-width: 8rem; height: 2.5rem; margin: 0;
  accent-color: var(--st-primary-color); cursor: pointer; }
.amount-pair-box { flex: 1 1 10rem; min-width: 8rem; display: flex; align-items: center;
  gap: 0.4rem; height: 2.5rem; padding: 0 0.75rem; box-sizing: border-box;
  border: 1px solid var(--st-secondary-background-color, #F2F5F8);
  border-radius: var(--st-base-radius, 0.5rem);
  background: var(--st-secondary-background-color, #F2F5F8); }
.amount-pair-box:focus-within { border-color: var(--st-primary-color); }
.amount-pair-exact { flex: 1; min-width: 0; border: 0; outline: none; background: transparent;
  font: inherit; font-size: 1rem; color: var(--st-text-color); padding: 0; }
.amount-pair-exact[aria-invalid="true"] { color: #B3261E; }
.amount-pair-before, .amount-pair-after { font-size: 0.875rem; opacity: 0.75; }
.amount-pair-range:focus-visible, .amount-pair-help-button:focus-visible {
  outline: 2px solid var(--st-primary-color); outline-offset: 2px; }
"""

AMOUNT_PAIR_JS = (Path(__file__).parent / "amount_pair.js").read_text(encoding="utf-8")

# Registered once at import; styles not isolated, so the theme's variables reach it.
_pair = st.components.v2.component(
    "deficiency_amount_pair",
    html=AMOUNT_PAIR_HTML,
    css=AMOUNT_PAIR_CSS,
    js=AMOUNT_PAIR_JS,
    isolate_styles=False,
)


class PairView(TypedDict):
    """What the browser is sent to draw a pair."""

    label: str
    help: str
    kind: str  # "money", "percent", "count" or "months"
    max: float
    step: float
    value: float  # where the range sits (the value in use, within 0 and max)
    entry: str  # what the box shows: the value in use, or a refused entry as typed
    seen: int  # the number of the last entry the server has read
    invalid: bool  # the box holds a refused entry
    unit: str  # the unit after the box ("days", "months"; "" for money and percent)
    exactLabel: str  # the box's accessible name, e.g. "Sale price, exact"
    helpLabel: str  # the help button's accessible name, e.g. "About Sale price"


def amount_pair(key: str, view: PairView, on_entry: Callable[[], None]) -> None:
    """Draw the pair of canonical ``key``; ``on_entry`` runs for each entry sent."""
    _pair(key=key + PAIR_WIDGET, data=dict(view), default={ENTRY: None}, on_entry_change=on_entry)


def sent_entry(key: str) -> dict[str, Any] | None:
    """In ``on_entry``: the entry the pair of canonical ``key`` sent, ``{"n", "text",
    "source"}``, or None when there is none (or the pair has left the page)."""
    sent = st.session_state.get(key + PAIR_WIDGET)
    entry = sent.get(ENTRY) if isinstance(sent, dict) else None
    return entry if isinstance(entry, dict) else None

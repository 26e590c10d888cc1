"""Text from the package put into Markdown as written."""

from __future__ import annotations


def literal_dollars(text: str) -> str:
    """``text`` with its dollar signs kept literal: Streamlit's Markdown reads ``$...$`` as
    maths, so "$500 and $350" would lose both signs and italicise what lies between."""
    return text.replace("$", "\\$")

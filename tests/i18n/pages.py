"""What a reader reads on a page run through AppTest, charts included, for the Spanish tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.app.test_reading_level import _pieces, plain
from tests.helpers import charts


def chart_words(figure: dict[str, Any], alt: str) -> Iterator[str]:
    """A chart's words: title, axis and legend titles, trace names, hover text,
    annotations, tick labels given as text, and its alt text."""
    yield alt
    layout = figure.get("layout", {})
    for name, part in layout.items():
        if not isinstance(part, dict):
            continue
        title = part.get("title")
        text = title.get("text") if isinstance(title, dict) else title
        titled = name == "title" or name.startswith(("xaxis", "yaxis", "legend", "coloraxis"))
        if isinstance(text, str) and titled:
            yield text
        ticks = part.get("ticktext")
        if isinstance(ticks, list):
            yield from (str(tick) for tick in ticks)
    title = layout.get("title")
    if isinstance(title, str):
        yield title
    for annotation in layout.get("annotations", ()):
        if isinstance(annotation.get("text"), str):
            yield annotation["text"]
    for trace in figure.get("data", ()):
        for key in ("name", "hovertemplate", "text", "legendgrouptitle"):
            value = trace.get(key)
            if isinstance(value, dict):
                value = value.get("text")
            values = value if isinstance(value, list) else [value]
            for one in values:
                if isinstance(one, str):
                    yield re.sub(r"%\{[^}]*\}|<extra>.*?</extra>|<[^>]+>", " ", one)


def reader_pieces(at: AppTest) -> list[str]:
    """Every piece of text the last run showed, as plain words, charts and table headings
    included."""
    pieces = [plain(piece) for piece in _pieces(at)]
    for kind in ("table", "dataframe"):
        for table in at.get(kind):
            pieces.extend(str(column) for column in table.value.columns)
    for figure, alt in charts(at).values():
        pieces.extend(plain(words) for words in chart_words(figure, alt))
    return [piece for piece in pieces if re.search(r"[A-Za-z]", piece)]

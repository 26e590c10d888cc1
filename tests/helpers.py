"""Helpers shared by the AppTest and browser tests."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from html import unescape
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"


def decode(value: Any) -> Any:
    """Plotly 7 stores numeric arrays as base64 blobs; turn them back into lists."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return value


def charts(at: AppTest) -> dict[str, tuple[dict[str, Any], str]]:
    """Every chart the last run drew (``ui.kit.chart_view``): key -> (figure as a dict, alt text).

    A chart is a Streamlit component, which AppTest has no typed accessor for: its
    proto's ``json`` holds what ``show_chart`` sent, the figure's JSON and the alt text.
    """
    drawn = {}
    for element in at.get("bidi_component"):
        if not element.proto.component_name.endswith("deficiency_chart"):
            continue  # the history script (ui.kit.history) draws nothing
        sent = json.loads(element.proto.json)
        drawn[element.proto.id.rsplit("-", 1)[-1]] = (json.loads(sent["spec"]), sent["alt"])
    return drawn


class Pair:
    """A slider-and-box pair (``ui.kit.amount_pair``) as the last run drew it.

    A pair is a Streamlit component, which AppTest cannot drive: :meth:`enter` and
    :meth:`slide` send the component's entry as the browser does (its state value
    ``entry``) and run the app.
    """

    def __init__(self, at: AppTest, key: str) -> None:
        self.at = at
        self.key = key
        found = [
            element
            for element in at.get("bidi_component")
            if element.proto.component_name.endswith("deficiency_amount_pair")
            and element.proto.id.endswith(f"-{key}-pair")
        ]
        if len(found) != 1:
            raise AssertionError(f"no pair for {key!r} on the page")
        self.element = found[0]
        self.view: dict[str, Any] = json.loads(self.element.proto.json)

    @property
    def value(self) -> float:
        """Where the range sits."""
        return float(self.view["value"])

    @property
    def entry(self) -> str:
        """What the box shows."""
        return str(self.view["entry"])

    @property
    def entry_number(self) -> float | str | None:
        """The box's text as a number (None when empty, the text itself when not a number)."""
        try:
            return float(self.entry) if self.entry.strip() else None
        except ValueError:
            return self.entry

    def enter(self, typed: object) -> AppTest:
        """Type ``typed`` in the box and press Enter; returns the AppTest after the run."""
        return self._send(typed if isinstance(typed, str) else repr(typed), "box")

    def slide(self, value: object) -> AppTest:
        """Move the range to ``value`` (a number, sent as the range writes it: ``9000``,
        ``6.5``; or any text, as a tampered browser could); returns the AppTest after the run."""
        if not isinstance(value, str):
            value = format(Decimal(repr(value)).normalize(), "f")
        return self._send(value, "slider")

    def _send(self, text: str, source: str) -> AppTest:
        states = self.at._tree.get_widget_states()
        sent = states.widgets.add()
        sent.id = self.element.proto.id
        entry = {"n": int(self.view["seen"]) + 1, "text": text, "source": source}
        sent.json_value = json.dumps({"entry": entry})
        return self.at._run(states)


def pair(at: AppTest, key: str) -> Pair:
    """The slider-and-box pair of canonical ``key`` (``c_sale_price``) on the page."""
    return Pair(at, key)


def pair_keys(at: AppTest) -> list[str]:
    """The canonical keys of the pairs on the page, in page order."""
    return [
        element.proto.id.rsplit("-", 2)[-2]
        for element in at.get("bidi_component")
        if element.proto.component_name.endswith("deficiency_amount_pair")
    ]


def chart_keys(at: AppTest) -> set[str]:
    return set(charts(at))


def chart(at: AppTest, key: str) -> tuple[dict[str, Any], str]:
    """The figure (as a dict) and alt text of the chart with this key."""
    drawn = charts(at)
    if key not in drawn:
        raise AssertionError(f"no chart with key {key!r}")
    return drawn[key]


def trace_text(figure: dict[str, Any], index: int = 0) -> list[str]:
    return list(decode(figure["data"][index]["text"]))


#: A figure card's label and value in ``ui.kit.cards``' HTML.
_CARD = re.compile(
    r'<div class="figure-card"><dt>(.*?)</dt><dd class="figure-value">(.*?)</dd>', re.DOTALL
)


def metrics(at: AppTest) -> list[tuple[str, str]]:
    """(label, value) of every figure in page order: each ``st.metric`` and each figure card
    (``ui.kit.cards``, one HTML element a block), the cards' text unescaped."""
    found: list[tuple[str, str]] = []
    for node in _elements(at._tree):
        if node.type == "metric":
            found.append((node.label, node.value))
        elif node.type == "html":
            found += [
                (unescape(label), unescape(value))
                for label, value in _CARD.findall(node.proto.body)
            ]
    return found


def card_words(at: AppTest) -> list[str]:
    """Every figure card's label and note, unescaped: the words a reader reads on the cards."""
    words = re.compile(r'<dt>(.*?)</dt>|<dd class="figure-note">(.*?)</dd>')
    found: list[str] = []
    for node in _elements(at._tree):
        if node.type == "html":
            for label, note in words.findall(node.proto.body):
                found.append(unescape(label or note))
    return found


def _elements(node: Any) -> Iterator[Any]:
    """Every element under ``node`` in the order it is drawn."""
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _elements(child)


def whole_page(at: AppTest) -> AppTest:
    """Run the page once more, to read all of it after a change that redrew only regions.

    A slider or exact box reruns only its own pair and the regions that read it
    (``ui.kit.regions``); the browser keeps the rest of the page, but AppTest keeps only what
    the last run drew. A full run from the same state shows the page whole.
    """
    at.run()
    assert not at.exception, at.exception
    return at


def start(page: str | None = None, **query: str) -> AppTest:
    """Run the app from its entrypoint, optionally on another page, and check it ran clean."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    if page is not None:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def markdown_table(at: AppTest, first_column: str) -> list[dict[str, str]]:
    """The rows of the Markdown table whose first column is ``first_column``, cells as a
    reader sees them (``ui.kit.tables.markdown_table``)."""
    for element in at.markdown:
        lines = [line for line in element.value.splitlines() if line.startswith("|")]
        cells = [
            [rendered(cell.strip()) for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in lines
        ]
        if cells and cells[0][0] == first_column:
            return [dict(zip(cells[0], row, strict=True)) for row in cells[2:]]
    raise AssertionError(f"no table with a {first_column!r} column")


def rendered(markdown: str) -> str:
    """Markdown source as a reader sees it: backslash escapes and the invisible joiners of
    ``ui.kit.text.plain`` removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def keyed_markdown(at: AppTest, key: str) -> list[str]:
    """The Markdown inside the container with this key, as a reader sees it."""

    def blocks(node: Any) -> Iterator[Any]:
        for child in (getattr(node, "children", None) or {}).values():
            block_id = str(getattr(getattr(child, "proto", None), "id", ""))
            if type(child).__name__ == "Block" and block_id.endswith("-" + key):
                yield child
            yield from blocks(child)

    found = list(blocks(at._tree))
    assert found, f"no element keyed {key}"
    return [rendered(block.value) for block in found[0].markdown]

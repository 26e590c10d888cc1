"""Named scenarios (the worked examples and realistic variants), loaded from data.

The figures live in ``data/presets.toml`` with a note for every assumed figure: either an
illustrative assumption of this project, which cites nothing, or a figure read somewhere,
with its structured sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from deficiency.errors import InvalidInputError, shown
from deficiency.parsing import choice
from deficiency.resolution import Outcome
from deficiency.scenarios import LoanKind, evaluate
from deficiency.sources import Source, data_table, sources_of

#: What an illustrative note says of itself.
ILLUSTRATIVE = "An illustrative assumption, not a sourced figure."


@dataclass(frozen=True)
class Preset:
    """A named scenario: flat input values, the exit, the resolution and assumption notes.

    ``assumptions`` holds each assumed figure's note in words, saying whether it is an
    illustrative assumption and naming any source; ``sources`` holds those sources as
    data, and ``illustrative`` the fields that are this project's own assumptions.
    """

    id: str
    kind: LoanKind
    title: str
    summary: str
    exit: str
    resolution: str
    values: MappingProxyType[str, str]
    assumptions: MappingProxyType[str, str]
    sources: MappingProxyType[str, tuple[Source, ...]]
    illustrative: frozenset[str]

    def outcome(self) -> Outcome:
        """The preset's outcome, computed by the package like any other scenario."""
        return evaluate(self.kind, self.values, self.exit, self.resolution)


def _sources(name: str, raw: dict[str, Any]) -> tuple[Source, ...]:
    if "source" not in raw and "sources" not in raw:
        if not raw.get("illustrative"):
            raise ValueError(f"assumption {name}: give a source, or mark it illustrative")
        return ()
    return sources_of(raw)


def _note(raw: dict[str, Any], sources: tuple[Source, ...]) -> str:
    """The note as a reader sees it: the figure, whether it is assumed, and where it was read.

    >>> _note({"note": "30 days.", "illustrative": True}, ())
    '30 days. An illustrative assumption, not a sourced figure.'
    """
    words = [str(raw["note"])]
    if raw.get("illustrative"):
        words.append(ILLUSTRATIVE)
    words += [
        f"Source: {source.citation}; {source.confidence.label.lower()}." for source in sources
    ]
    return " ".join(words)


def _preset(raw: dict[str, Any]) -> Preset:
    assumptions = raw.get("assumptions", {})
    sources = {name: _sources(name, note) for name, note in assumptions.items()}
    return Preset(
        id=raw["id"],
        kind=LoanKind(raw["kind"]),
        title=raw["title"],
        summary=raw["summary"],
        exit=raw["exit"],
        resolution=raw["resolution"],
        values=MappingProxyType({key: str(value) for key, value in raw["values"].items()}),
        assumptions=MappingProxyType(
            {name: _note(note, sources[name]) for name, note in assumptions.items()}
        ),
        sources=MappingProxyType(sources),
        illustrative=frozenset(
            name for name, note in assumptions.items() if note.get("illustrative")
        ),
    )


@cache
def presets() -> tuple[Preset, ...]:
    """Every preset in file order (loaded once)."""
    return tuple(_preset(raw) for raw in data_table("presets.toml")["preset"])


def presets_for(kind: LoanKind | str) -> tuple[Preset, ...]:
    """The presets of one loan kind (a :class:`LoanKind` or its value), worked example first."""
    chosen = choice(LoanKind, kind, "Loan kind")
    return tuple(preset for preset in presets() if preset.kind is chosen)


def preset(preset_id: str) -> Preset:
    """The preset with this id; any other id raises ``InvalidInputError`` listing them.

    >>> preset("car-example").title
    'Car repossession: the worked example'
    """
    if isinstance(preset_id, str):
        for candidate in presets():
            if candidate.id == preset_id:
                return candidate
    known = ", ".join(candidate.id for candidate in presets())
    raise InvalidInputError("Preset", f"{shown(preset_id)} is not one of: {known}")

"""Named scenarios (the worked examples and realistic variants), loaded from data.

The figures live in ``data/presets.toml`` with a note for every assumed figure: either an
illustrative assumption of this project, which cites nothing, or a figure read somewhere,
with its structured sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _, pick
from deficiency.parsing import choice
from deficiency.resolution import Outcome
from deficiency.scenarios import LoanKind, evaluate
from deficiency.sources import Source, data_table, sources_of

#: What an illustrative note says of itself.
ILLUSTRATIVE = N_("An illustrative assumption, not a sourced figure.")


@dataclass(frozen=True)
class Preset:
    """A named scenario: flat input values, the exit, the resolution and assumption notes.

    ``assumptions`` holds each assumed figure's note in words, saying whether it is an
    illustrative assumption and naming any source; ``sources`` holds those sources as
    data, and ``illustrative`` the fields that are this project's own assumptions. The
    title, summary and notes read in the reader's language (the file's ``_es`` twins).
    """

    id: str
    kind: LoanKind
    title_en: str
    title_es: str
    summary_en: str
    summary_es: str
    exit: str
    resolution: str
    values: MappingProxyType[str, str]
    #: Each assumed figure's note as the file holds it (``note``, ``note_es``, ...).
    notes: MappingProxyType[str, MappingProxyType[str, Any]]
    sources: MappingProxyType[str, tuple[Source, ...]]
    illustrative: frozenset[str]

    @property
    def title(self) -> str:
        """The preset's name in the reader's language."""
        return pick(self.title_en, self.title_es)

    @property
    def summary(self) -> str:
        """The preset in one sentence, in the reader's language."""
        return pick(self.summary_en, self.summary_es)

    @property
    def assumptions(self) -> MappingProxyType[str, str]:
        """Each assumed figure's note in words, in the reader's language."""
        return MappingProxyType(
            {name: _note(note, self.sources[name]) for name, note in self.notes.items()}
        )

    def outcome(self) -> Outcome:
        """The preset's outcome, computed by the package like any other scenario."""
        return evaluate(self.kind, self.values, self.exit, self.resolution)


def _sources(name: str, raw: dict[str, Any]) -> tuple[Source, ...]:
    if "source" not in raw and "sources" not in raw:
        if not raw.get("illustrative"):
            raise ValueError(f"assumption {name}: give a source, or mark it illustrative")
        return ()
    return sources_of(raw)


def _note(raw: Mapping[str, Any], sources: tuple[Source, ...]) -> str:
    """The note as a reader sees it: the figure, whether it is assumed, and where it was read.

    >>> _note({"note": "30 days.", "illustrative": True}, ())
    '30 days. An illustrative assumption, not a sourced figure.'
    """
    words = [pick(str(raw["note"]), str(raw.get("note_es", "")))]
    if raw.get("illustrative"):
        words.append(_(ILLUSTRATIVE))
    words += [
        _("Source: {citation}; {confidence}.").format(
            citation=source.citation, confidence=source.confidence.label.lower()
        )
        for source in sources
    ]
    return " ".join(words)


def _preset(raw: dict[str, Any]) -> Preset:
    assumptions = raw.get("assumptions", {})
    sources = {name: _sources(name, note) for name, note in assumptions.items()}
    return Preset(
        id=raw["id"],
        kind=LoanKind(raw["kind"]),
        title_en=raw["title"],
        title_es=raw.get("title_es", ""),
        summary_en=raw["summary"],
        summary_es=raw.get("summary_es", ""),
        exit=raw["exit"],
        resolution=raw["resolution"],
        values=MappingProxyType({key: str(value) for key, value in raw["values"].items()}),
        notes=MappingProxyType(
            {name: MappingProxyType(dict(note)) for name, note in assumptions.items()}
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
    chosen = choice(LoanKind, kind, N_("Loan kind"))
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
    raise InvalidInputError(
        N_("Preset"),
        _("{value} is not one of: {allowed}").format(value=shown(preset_id), allowed=known),
    )

"""Named scenarios (the concept's worked examples and realistic variants), loaded from data.

The figures live in ``data/presets.toml`` with a note and source for every assumption.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from deficiency.errors import InvalidInputError, shown
from deficiency.narrative import public_source
from deficiency.parsing import choice
from deficiency.resolution import Outcome
from deficiency.scenarios import LoanKind, evaluate


@dataclass(frozen=True)
class Preset:
    """A named scenario: flat input values, the exit, the resolution and assumption notes."""

    id: str
    kind: LoanKind
    title: str
    summary: str
    exit: str
    resolution: str
    values: MappingProxyType[str, str]
    assumptions: MappingProxyType[str, str]

    def outcome(self) -> Outcome:
        """The preset's outcome, computed by the package like any other scenario."""
        return evaluate(self.kind, self.values, self.exit, self.resolution)


def _preset(raw: dict[str, Any]) -> Preset:
    return Preset(
        id=raw["id"],
        kind=LoanKind(raw["kind"]),
        title=raw["title"],
        summary=raw["summary"],
        exit=raw["exit"],
        resolution=raw["resolution"],
        values=MappingProxyType({key: str(value) for key, value in raw["values"].items()}),
        # Shown to readers: the data file's references to the team's notes are left out.
        assumptions=MappingProxyType(
            {name: public_source(note) for name, note in raw.get("assumptions", {}).items()}
        ),
    )


@cache
def presets() -> tuple[Preset, ...]:
    """Every preset in file order (loaded once)."""
    text = resources.files("deficiency").joinpath("data", "presets.toml").read_text("utf-8")
    return tuple(_preset(raw) for raw in tomllib.loads(text)["preset"])


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

"""What the law data covers: every jurisdiction against every topic, with how sure it is.

A borrower in any of the 50 states or DC must get a sourced answer on each topic, "no
special rule" included, never a gap. :func:`coverage` checks that, and
:func:`coverage_markdown` renders the table ``docs/coverage.md`` is generated from
(``scripts/coverage_table.py``), so the table is never written by hand.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from deficiency.auto import AutoExit
from deficiency.garnishment import state_garnishment_rows
from deficiency.i18n import N_, _
from deficiency.judgment_interest import interest_rules
from deficiency.limitations import Claim, limitations
from deficiency.mortgage import MortgageExit
from deficiency.scenarios import LoanKind
from deficiency.sources import Confidence, Source
from deficiency.state_law import (
    Effect,
    ForeclosureType,
    StateRule,
    Topic,
    judicial_only,
    jurisdiction_names,
    state_rules,
)


class CoverageTopic(enum.Enum):
    """A column of the coverage table."""

    MORTGAGE = "mortgage"
    CAR = "car"
    CURE = "cure"
    INTEREST = "interest"
    GARNISHMENT = "garnishment"
    TIME_LIMITS = "time_limits"

    @property
    def label(self) -> str:
        """The column heading, in the reader's language."""
        return _(_TOPIC_LABELS[self.value])


#: Each topic's column heading, translated where shown (:attr:`CoverageTopic.label`).
_TOPIC_LABELS = {
    "mortgage": N_("Mortgage deficiency"),
    "car": N_("Car deficiency"),
    "cure": N_("Right to cure (car)"),
    "interest": N_("Judgment interest"),
    "garnishment": N_("Wage garnishment"),
    "time_limits": N_("Time limits to sue"),
}


@dataclass(frozen=True)
class CoverageCell:
    """One jurisdiction on one topic: how many rows, their confidence marks, what is missing."""

    state: str
    topic: CoverageTopic
    sources: tuple[Source, ...]
    missing: tuple[str, ...]

    @property
    def marks(self) -> str:
        """The confidence marks of the rows, strongest first ("H", "H M", "M L")."""
        present = {source.confidence for source in self.sources}
        return " ".join(mark.value for mark in Confidence if mark in present)

    @property
    def complete(self) -> bool:
        """Whether every part of the topic has a row."""
        return bool(self.sources) and not self.missing


def _speaks(rule: StateRule) -> bool:
    """A row that answers what may be collected: a rule, "no special rule", or a rule we
    could not verify (shown as not checked). A verified context note does not answer."""
    return rule.effect is not Effect.INFO or rule.uncertain


def _mortgage_gaps(code: str, rules: Iterable[StateRule]) -> tuple[str, ...]:
    rules = [rule for rule in rules if _speaks(rule)]
    used = [ForeclosureType.JUDICIAL] if judicial_only(code) else list(ForeclosureType)
    missing = []
    for exit in MortgageExit:
        covering = [rule for rule in rules if exit.value in rule.exits]
        if exit is MortgageExit.FORECLOSURE:
            types = {rule.foreclosure_type for rule in covering}
            for kind in used:
                if None not in types and kind not in types:
                    missing.append(f"{kind.value} foreclosure")
        elif not covering:
            missing.append(exit.value.replace("_", " "))
    return tuple(missing)


def _car_gaps(rules: Iterable[StateRule]) -> tuple[str, ...]:
    rules = [rule for rule in rules if _speaks(rule)]
    return tuple(
        exit.value.replace("_", " ")
        for exit in AutoExit
        if not any(exit.value in rule.exits for rule in rules)
    )


def _cells(code: str) -> tuple[CoverageCell, ...]:
    rules = [rule for rule in state_rules() if rule.state == code]
    mortgage = [r for r in rules if r.loan_kind is LoanKind.MORTGAGE]
    car = [r for r in rules if r.loan_kind is LoanKind.AUTO and r.topic is Topic.DEFICIENCY]
    cure = [r for r in rules if r.topic is Topic.CURE]
    interest = [rule.source for rule in interest_rules() if rule.state == code]
    garnish = [row.source for row in state_garnishment_rows() if row.state == code]
    limits = [row for row in limitations() if row.state == code]
    claims = {row.claim for row in limits}
    needed = (Claim.WRITTEN_CONTRACT, Claim.SALE_OF_GOODS, Claim.JUDGMENT)
    return (
        CoverageCell(
            code,
            CoverageTopic.MORTGAGE,
            tuple(r.source for r in mortgage),
            _mortgage_gaps(code, mortgage) if mortgage else ("every exit",),
        ),
        CoverageCell(
            code,
            CoverageTopic.CAR,
            tuple(r.source for r in car),
            _car_gaps(car) if car else ("every exit",),
        ),
        CoverageCell(code, CoverageTopic.CURE, tuple(r.source for r in cure), ()),
        CoverageCell(code, CoverageTopic.INTEREST, tuple(interest), ()),
        CoverageCell(code, CoverageTopic.GARNISHMENT, tuple(garnish), ()),
        CoverageCell(
            code,
            CoverageTopic.TIME_LIMITS,
            tuple(row.source for row in limits),
            tuple(claim.value.replace("_", " ") for claim in needed if claim not in claims),
        ),
    )


def coverage() -> tuple[CoverageCell, ...]:
    """Every jurisdiction on every topic, in ``data/jurisdictions.csv`` order.

    Examples
    --------
    >>> cells = coverage()
    >>> len(cells) == len(jurisdiction_names()) * len(CoverageTopic)
    True
    """
    return tuple(cell for code in jurisdiction_names() for cell in _cells(code))


def gaps() -> tuple[CoverageCell, ...]:
    """The cells that lack a row or a part of one: the data is complete when this is empty."""
    return tuple(cell for cell in coverage() if not cell.complete)


def coverage_markdown() -> str:
    """The coverage table as Markdown: a row per jurisdiction, a column per topic.

    A file of the repository's docs, written in English: the headings are English whatever
    the caller's language."""
    names = jurisdiction_names()
    topics = list(CoverageTopic)
    headings = [_TOPIC_LABELS[topic.value] for topic in topics]
    lines = [
        "# What the law data covers",
        "",
        "Generated from `deficiency/data/` by `scripts/coverage_table.py`; do not edit by",
        "hand (`tests/package/test_coverage.py` fails when it is out of date).",
        "",
        "Each cell gives the confidence marks of the rows on that topic: **H** the law itself",
        "was read and its words are quoted in the row; **M** a trusted guide states it but the",
        "law's text was not found; **L** one weak source; **U** looked for and not found. L and",
        "U rows are shown to users as not checked and never change a figure. A cell lists what",
        "is missing, if anything.",
        "",
        "| Jurisdiction | " + " | ".join(headings) + " |",
        "|---" * (len(topics) + 1) + "|",
    ]
    by_state: dict[str, dict[CoverageTopic, CoverageCell]] = {}
    for cell in coverage():
        by_state.setdefault(cell.state, {})[cell.topic] = cell
    for code, cells in by_state.items():
        shown = []
        for topic in topics:
            cell = cells[topic]
            text = cell.marks or "none"
            if cell.missing:
                text += " (missing: " + ", ".join(cell.missing) + ")"
            shown.append(text)
        lines.append(f"| {names[code]} ({code}) | " + " | ".join(shown) + " |")
    totals = _totals()
    lines += [
        "",
        "Rows by confidence: "
        + ", ".join(f"{mark.value} {totals.get(mark, 0)}" for mark in Confidence)
        + ".",
        "",
    ]
    return "\n".join(lines)


def _totals() -> dict[Confidence, int]:
    counts: dict[Confidence, int] = {}
    sources = [rule.source for rule in state_rules()]
    sources += [rule.source for rule in interest_rules()]
    sources += [row.source for row in state_garnishment_rows()]
    sources += [row.source for row in limitations()]
    for source in sources:
        counts[source.confidence] = counts.get(source.confidence, 0) + 1
    return counts

"""How long a lender has to sue for a deficiency, and how long a judgment lasts.

Rows live in ``data/limitations.csv``: for every jurisdiction, the period to sue on a
written contract (what a lender suing for a mortgage deficiency usually faces), the
state's sale-of-goods period (UCC 2-725, which many courts apply to a car's retail
installment contract), a negotiable note's period where the state sets one (UCC 3-118),
and how long a money judgment can be enforced. :func:`time_limits` puts them beside the
special deadlines of the state's deficiency statutes, each counted from a date.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from functools import cache

from deficiency.i18n import N_, _, ngettext, pick
from deficiency.parsing import a_date, choice
from deficiency.periods import add_period
from deficiency.scenarios import LoanKind
from deficiency.sources import Source, rows_checked, source_from
from deficiency.state_law import deficiency_deadlines, exit_of, normalize_state


class Claim(enum.Enum):
    """What kind of suit a limitation period covers."""

    WRITTEN_CONTRACT = "written_contract"
    PROMISSORY_NOTE = "promissory_note"
    SALE_OF_GOODS = "sale_of_goods"
    MORTGAGE_DEFICIENCY = "mortgage_deficiency"
    JUDGMENT = "judgment"

    @property
    def label(self) -> str:
        """The claim in a reader's words."""
        return _(_CLAIM_LABELS[self.value])


#: Each claim in a reader's words, translated where shown (:attr:`Claim.label`).
_CLAIM_LABELS = {
    "written_contract": N_("A suit on a written contract or loan"),
    "promissory_note": N_("A suit on a promissory note"),
    "sale_of_goods": N_("A suit on a car's sale contract (sale of goods, UCC 2-725)"),
    "mortgage_deficiency": N_("A suit for a mortgage deficiency"),
    "judgment": N_("How long a judgment can be collected"),
}


@dataclass(frozen=True)
class Limitation:
    """One period a statute sets, for one kind of claim, with its source.

    The data gives years (1.5 for 18 months); ``months`` holds the period exactly, or None
    when none was found or the law sets no single one (Louisiana has no UCC Article 2).
    ``applies_to`` is None when the period covers either loan kind.
    """

    state: str
    state_name: str
    rule_id: str
    claim: Claim
    months: int | None
    applies_to: LoanKind | None
    summary: str
    source: Source
    #: The summary in Spanish (``summary_es``); :attr:`text` picks the reader's.
    summary_es: str = ""

    @property
    def text(self) -> str:
        """The summary in the reader's language."""
        return pick(self.summary, self.summary_es)

    @property
    def uncertain(self) -> bool:
        """Whether the source is too weak to present the period as the rule."""
        return self.source.uncertain

    @property
    def words(self) -> str:
        """The period in words: "6 years", "18 months"; without one, whether none was found
        or the law sets no single period (the summary says which applies)."""
        if self.months is None:
            return _("not found") if self.uncertain else _("no single period")
        if self.months % 12:
            return ngettext("{count} month", "{count} months", self.months).format(
                count=self.months
            )
        years = self.months // 12
        return ngettext("{count} year", "{count} years", years).format(count=years)


def _months(text: str) -> int | None:
    if not text.strip():
        return None
    value = float(text)
    months = round(value * 12)
    if months <= 0 or abs(months - value * 12) > 1e-9:
        raise ValueError(f"years must be a positive whole number of months, got {text!r}")
    return months


def _limitation(row: dict[str, str]) -> Limitation:
    applies = row["applies_to"].strip()
    limitation = Limitation(
        state=row["state"],
        state_name=row["state_name"],
        rule_id=row["rule_id"],
        claim=Claim(row["claim"]),
        months=_months(row["years"]),
        applies_to=None if applies == "any" else LoanKind(applies),
        summary=row["summary"],
        source=source_from(row),
        summary_es=row.get("summary_es", "").strip(),
    )
    return limitation


@cache
def limitations() -> tuple[Limitation, ...]:
    """Every row of ``data/limitations.csv`` (loaded once).

    Examples
    --------
    >>> sorted({row.claim.value for row in limitations() if row.state == "AZ"})[:2]
    ['judgment', 'sale_of_goods']
    """
    rows: tuple[Limitation, ...] = rows_checked("limitations.csv", _limitation, unique="rule_id")
    return rows


def limitations_for(state: str, kind: LoanKind | str | None = None) -> tuple[Limitation, ...]:
    """A jurisdiction's periods, those of one loan kind when ``kind`` is given."""
    code = normalize_state(state)
    chosen = None if kind is None else choice(LoanKind, kind, "Loan kind")
    rows = tuple(row for row in limitations() if row.state == code)
    return tuple(row for row in rows if chosen is None or row.applies_to in (None, chosen))


@dataclass(frozen=True)
class TimeLimit:
    """One time limit counted from a date: what it covers, when it ends, and its source."""

    label: str
    period: str
    deadline: date | None
    source: Source
    uncertain: bool
    summary: str

    @property
    def checked(self) -> str:
        """How sure the limit is, for a table cell: "not checked" for an uncertain rule."""
        return _("not checked") if self.uncertain else self.source.confidence.short

    def days_left(self, on: date) -> int | None:
        """Days from ``on`` to the deadline; negative once it has passed; None if unknown."""
        return None if self.deadline is None else (self.deadline - on).days


def time_limits(state: str, kind: LoanKind, exit: str, start: date) -> tuple[TimeLimit, ...]:
    """The time limits to sue for a deficiency in ``state``, counted from ``start`` (the
    sale, or the default), special deficiency deadlines first, then the general periods.

    A car's sale-of-goods period and a note's period are shown beside the contract
    period because courts differ on which governs; the judgment's life comes last.

    Examples
    --------
    >>> limits = time_limits("AZ", LoanKind.MORTGAGE, "foreclosure", date(2025, 1, 10))
    >>> limits[0].period, limits[0].deadline
    ("90 days after the trustee's sale", datetime.date(2025, 4, 10))
    """
    kind = choice(LoanKind, kind, "Loan kind")
    exit = exit_of(kind, exit).value
    start = a_date(start, "Start date")
    special = [
        TimeLimit(
            label=_("The lender must seek a deficiency ({citation})").format(
                citation=rule.citation
            ),
            period=deadline.words,
            deadline=deadline.due(start),
            source=rule.source,
            uncertain=rule.uncertain,
            summary=rule.summary_text,
        )
        for rule, deadline in deficiency_deadlines(state, kind)
        if exit in rule.exits
    ]
    order = list(Claim)
    rows = sorted(limitations_for(state, kind), key=lambda row: order.index(row.claim))
    general = [
        TimeLimit(
            label=row.claim.label,
            period=row.words,
            deadline=add_period(start, months=row.months) if row.months is not None else None,
            source=row.source,
            uncertain=row.uncertain,
            summary=row.text,
        )
        for row in rows
        if row.claim is not Claim.SALE_OF_GOODS or kind is LoanKind.AUTO
    ]
    return (*special, *general)

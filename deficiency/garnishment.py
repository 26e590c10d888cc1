"""Each jurisdiction's own limit on garnishing wages for an ordinary creditor's judgment.

Federal law caps a garnishment at 25% of disposable earnings or the amount above 30
times the federal minimum wage a week, whichever takes less (15 U.S.C. 1673(a)); a state
may protect more, and a few do not let a consumer creditor garnish wages at all. Rows
live in ``data/garnishment.csv``, one per jurisdiction, each with its source; only rows
read in the law itself or a trusted guide (H or M) change the figure.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from deficiency.i18n import pick
from deficiency.money import ZERO, cents_at_most, round_cents, to_money, to_percent
from deficiency.sources import Source, rows_checked, source_from
from deficiency.state_law import normalize_state

#: The federal limit's weekly multiple of the minimum wage (15 U.S.C. 1673(a)(2)); a
#: state's weekly multiple scales to other pay periods in the same proportion.
FEDERAL_WEEKLY_MULTIPLE = Decimal(30)


class WageGarnishment(enum.Enum):
    """Whether a consumer creditor's judgment can be collected from wages."""

    ALLOWED = "allowed"
    NOT_ALLOWED = "not_allowed"
    LIMITED = "limited"


class WageBasis(enum.Enum):
    """Which minimum wage a state's protected amount is a multiple of."""

    FEDERAL = "federal"
    STATE = "state"
    GREATER = "greater"


@dataclass(frozen=True)
class StateGarnishment:
    """A jurisdiction's wage-garnishment limit for an ordinary creditor, as data.

    Empty elements are None: a state that follows the federal limit has 25% of
    disposable earnings and 30 times the federal minimum wage. ``percent_of_excess`` takes
    a share of the pay above the protected floor instead of all of it (California CCP
    706.050); ``weekly_protected_amount`` is a fixed dollar amount a week the state protects.
    """

    state: str
    state_name: str
    rule_id: str
    wage_garnishment: WageGarnishment
    percent_of_disposable: Decimal | None
    percent_of_gross: Decimal | None
    percent_of_excess: Decimal | None
    min_wage_multiple: Decimal | None
    minimum_wage_basis: WageBasis | None
    state_minimum_wage: Decimal | None
    state_minimum_wage_year: str
    weekly_protected_amount: Decimal | None
    summary: str
    source: Source
    #: Where the state minimum wage the limit multiplies was read, when it uses one.
    wage_source: Source | None = None
    #: The summary in Spanish (``summary_es``); :attr:`text` picks the reader's.
    summary_es: str = ""

    @property
    def text(self) -> str:
        """The summary in the reader's language."""
        return pick(self.summary, self.summary_es)

    @property
    def applied(self) -> bool:
        """Whether the row may change a figure (read in the law or a trusted guide)."""
        return not self.source.uncertain

    @property
    def follows_federal(self) -> bool:
        """Whether the state's limit is just the federal one (25%, 30 x the federal wage)."""
        return (
            self.wage_garnishment is WageGarnishment.ALLOWED
            and self.percent_of_gross is None
            and self.percent_of_excess is None
            and self.weekly_protected_amount is None
            and self.percent_of_disposable in (None, Decimal(25))
            and self.min_wage_multiple in (None, FEDERAL_WEEKLY_MULTIPLE)
            and self.minimum_wage_basis in (None, WageBasis.FEDERAL)
        )

    def protected_wage(self, federal_wage: Decimal) -> Decimal | None:
        """The hourly minimum wage the state's protected amount multiplies, if it has one."""
        if self.min_wage_multiple is None:
            return None
        state_wage = self.state_minimum_wage
        if self.minimum_wage_basis is WageBasis.STATE and state_wage is not None:
            return state_wage
        if self.minimum_wage_basis is WageBasis.GREATER and state_wage is not None:
            return max(state_wage, federal_wage)
        return federal_wage


def _optional_percent(text: str, field: str) -> Decimal | None:
    return to_percent(text, field) if text.strip() else None


def _optional_money(text: str, field: str) -> Decimal | None:
    return to_money(text, field) if text.strip() else None


def _wage_source(row: dict[str, str]) -> Source | None:
    """The state minimum wage's own source: as sure as the row at most, and only H where
    its words are quoted from the law or the labor department itself."""
    if not row["wage_citation"].strip():
        return None
    quoted = bool(row["wage_quote"].strip() and row["wage_section_read"].strip())
    confidence = row["confidence"] if row["confidence"] != "H" or quoted else "M"
    return source_from(
        {
            "citation": row["wage_citation"],
            "section_read": row["wage_section_read"],
            "wage_source_url": row["wage_source_url"],
            "quote": row["wage_quote"],
            "confidence": confidence,
            "as_of": row["as_of"],
        },
        url_key="wage_source_url",
    )


def _row(row: dict[str, str]) -> StateGarnishment:
    basis = row["minimum_wage_basis"].strip()
    multiple = row["min_wage_multiple"].strip()
    wage = row["state_minimum_wage"].strip()
    parsed = StateGarnishment(
        state=row["state"],
        state_name=row["state_name"],
        rule_id=row["rule_id"],
        wage_garnishment=WageGarnishment(row["wage_garnishment"]),
        percent_of_disposable=_optional_percent(row["percent_of_disposable"], "percent"),
        percent_of_gross=_optional_percent(row["percent_of_gross"], "percent of gross"),
        percent_of_excess=_optional_percent(row["percent_of_excess"], "percent of excess"),
        min_wage_multiple=Decimal(multiple) if multiple else None,
        minimum_wage_basis=WageBasis(basis) if basis else None,
        state_minimum_wage=_optional_money(wage, "state minimum wage"),
        state_minimum_wage_year=row["state_minimum_wage_year"].strip(),
        weekly_protected_amount=_optional_money(row["weekly_protected_amount"], "weekly amount"),
        summary=row["summary"],
        source=source_from(row),
        wage_source=_wage_source(row),
        summary_es=row.get("summary_es", "").strip(),
    )
    needs_wage = parsed.minimum_wage_basis in (WageBasis.STATE, WageBasis.GREATER)
    if needs_wage and parsed.applied and wage == "":
        raise ValueError("a state minimum-wage basis needs the state's minimum wage")
    if parsed.percent_of_excess is not None and parsed.min_wage_multiple is None:
        raise ValueError("a share of the pay above the floor needs the floor's multiple")
    return parsed


@cache
def state_garnishment_rows() -> tuple[StateGarnishment, ...]:
    """Every row of ``data/garnishment.csv`` (loaded once)."""
    rows: tuple[StateGarnishment, ...] = rows_checked("garnishment.csv", _row, unique="state")
    return rows


def state_garnishment(state: str) -> StateGarnishment:
    """A jurisdiction's wage-garnishment row.

    >>> state_garnishment("tx").wage_garnishment.value
    'not_allowed'
    """
    code = normalize_state(state)
    return next(row for row in state_garnishment_rows() if row.state == code)


@dataclass(frozen=True)
class StateLimit:
    """What a state's own rule allows from one paycheck, beside the federal limit.

    ``cap`` is None when the state adds nothing the figures can use (it follows the
    federal limit, its row is unverified, or its limit needs gross pay not given).
    """

    rule: StateGarnishment
    cap: Decimal | None
    protected_amount: Decimal | None
    needs_gross_pay: bool


def state_limit(
    rule: StateGarnishment,
    disposable: Decimal,
    weekly_share: Decimal,
    federal_wage: Decimal,
    gross: Decimal | None,
) -> StateLimit:
    """The most a state's rule lets a creditor take from one paycheck.

    ``weekly_share`` is the pay period's federal multiple over the weekly one (1 for a
    week, 2 for two weeks, 65/30 twice a month, 130/30 a month), so a state's weekly
    multiple of the minimum wage scales as the federal one does (29 C.F.R. 870.10).
    """
    if not rule.applied:
        return StateLimit(rule, None, None, False)
    if rule.wage_garnishment is WageGarnishment.NOT_ALLOWED:
        return StateLimit(rule, ZERO, None, False)
    limits: list[Decimal] = []
    if rule.percent_of_disposable is not None:
        limits.append(cents_at_most(disposable * rule.percent_of_disposable / 100))
    protected = None
    wage = rule.protected_wage(federal_wage)
    if wage is not None and rule.min_wage_multiple is not None:
        protected = round_cents(wage * rule.min_wage_multiple * weekly_share)
        excess = max(disposable - protected, ZERO)
        share = rule.percent_of_excess
        limits.append(excess if share is None else cents_at_most(excess * share / 100))
    if rule.weekly_protected_amount is not None:
        floor = round_cents(rule.weekly_protected_amount * weekly_share)
        protected = floor if protected is None else max(protected, floor)
        limits.append(max(disposable - floor, ZERO))
    needs_gross = rule.percent_of_gross is not None and gross is None
    if rule.percent_of_gross is not None and gross is not None:
        limits.append(cents_at_most(gross * rule.percent_of_gross / 100))
    return StateLimit(rule, min(limits) if limits else None, protected, needs_gross)

"""Post-judgment interest: each jurisdiction's rate as data, and the rate a case gets.

Rows live in ``data/judgment_interest.csv``: one per rate a statute sets, several where
the rate depends on the judgment (California: 5% on a judgment entered on or after
1 January 2023 against a person for a personal debt under $50,000, 10% otherwise; CCP
685.010(a)). Rows of a state are ordered most specific first, and a case gets the first
row whose conditions it meets (:func:`judgment_rate`). A rate set by an index (the prime
rate, a Treasury yield) or by the contract has no fixed figure: the user enters it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import LOCALES, _, current_language, pick
from deficiency.money import Amount, format_usd, to_money, to_percent
from deficiency.parsing import a_date, choice, optional_flag
from deficiency.sources import Source, rows_checked, source_from

#: The rows for judgments of federal courts (28 U.S.C. 1961), beside the 50 states and DC.
FEDERAL = "US"


class Compounding(enum.Enum):
    """How judgment interest accrues."""

    SIMPLE = "simple"
    ANNUAL = "annual"


class DebtPurpose(enum.Enum):
    """What the debt behind a judgment was for: some states set a lower rate on a
    judgment for a person's personal, family or household debt."""

    PERSONAL = "personal"
    BUSINESS = "business"

    @property
    def label(self) -> str:
        """The choice in a reader's words."""
        if self is DebtPurpose.PERSONAL:
            return _("Personal, family or household use")
        return _("A business")


@dataclass(frozen=True)
class InterestRule:
    """One rate a statute sets on an unpaid judgment, and which judgments get it.

    ``rate`` is None when an index or the contract sets it (``index`` says how). The
    conditions are the judgment's date (``judged_on_or_after``, ``judged_before``), its
    amount (``principal_less_than``, ``principal_at_most``), whether it is a person's
    personal debt, and, for a ``contract_rate`` row, that the loan contract sets a rate.
    """

    state: str
    name: str
    rule_id: str
    rate: Decimal | None
    index: str
    compounding: Compounding
    compounding_stated: bool
    judged_on_or_after: date | None
    judged_before: date | None
    principal_less_than: Decimal | None
    principal_at_most: Decimal | None
    personal_debt_only: bool
    contract_rate: bool
    summary: str
    source: Source
    #: ``summary`` and ``index`` in Spanish (``summary_es``, ``index_es``); :attr:`text`
    #: and :attr:`index_text` pick the reader's.
    summary_es: str = ""
    index_es: str = ""

    @property
    def text(self) -> str:
        """The summary in the reader's language."""
        return pick(self.summary, self.summary_es)

    @property
    def index_text(self) -> str:
        """What sets the rate (``index``) in the reader's language."""
        return pick(self.index, self.index_es)

    @property
    def conditional(self) -> bool:
        """Whether only some judgments get this rate."""
        return any(
            (
                self.judged_on_or_after,
                self.judged_before,
                self.principal_less_than is not None,
                self.principal_at_most is not None,
                self.personal_debt_only,
                self.contract_rate,
            )
        )

    @property
    def rate_words(self) -> str:
        """The rate as a reader sees it: "10% simple" or how the index sets it."""
        if self.rate is None:
            # Translators: {index} says what sets the rate ("the rate fixed by the contract").
            return _("set by {index}").format(index=self.index_text)
        rate = f"{self.rate.normalize():f}"
        if self.compounding is Compounding.SIMPLE:
            return _("{rate}% a year, simple").format(rate=rate)
        return _("{rate}% a year, compounded yearly").format(rate=rate)

    @property
    def condition_words(self) -> str:
        """Which judgments get the rate, as a clause ("" when every judgment does): each
        condition a phrase that follows "a judgment", joined by commas."""
        # Translators: each phrase below follows "a judgment" ("una sentencia ..."); several
        # are joined by commas.
        parts = []
        if self.contract_rate:
            parts.append(_("on a loan contract that sets its own interest rate"))
        if self.personal_debt_only:
            parts.append(_("against a person for a personal, family or household debt"))
        if self.principal_less_than is not None:
            amount = format_usd(self.principal_less_than, cents=False)
            parts.append(_("under {amount}").format(amount=amount))
        if self.principal_at_most is not None:
            amount = format_usd(self.principal_at_most, cents=False)
            parts.append(_("of {amount} or less").format(amount=amount))
        if self.judged_on_or_after:
            day = _long_date(self.judged_on_or_after)
            parts.append(_("entered on or after {date}").format(date=day))
        if self.judged_before:
            day = _long_date(self.judged_before)
            parts.append(_("entered before {date}").format(date=day))
        return ", ".join(parts)

    def applies(
        self,
        judgment_date: date | None,
        principal: Decimal | None,
        debt_type: DebtPurpose | None,
        contract_sets_rate: bool | None = None,
    ) -> bool | None:
        """Whether a judgment gets this rate: True, False, or None when a fact it needs is
        not known."""
        checks: list[bool | None] = []
        if self.contract_rate:
            checks.append(contract_sets_rate)
        if self.judged_on_or_after or self.judged_before:
            if judgment_date is None:
                checks.append(None)
            else:
                after = self.judged_on_or_after is None or judgment_date >= self.judged_on_or_after
                before = self.judged_before is None or judgment_date < self.judged_before
                checks.append(after and before)
        if self.principal_less_than is not None:
            checks.append(None if principal is None else principal < self.principal_less_than)
        if self.principal_at_most is not None:
            checks.append(None if principal is None else principal <= self.principal_at_most)
        if self.personal_debt_only:
            checks.append(None if debt_type is None else debt_type is DebtPurpose.PERSONAL)
        if False in checks:
            return False
        return None if None in checks else True


def _long_date(day: date) -> str:
    """``day`` in full in the reader's language ("January 1, 2023", "1 de enero de 2023")."""
    from babel.dates import format_date  # only where a date is shown

    return str(format_date(day, "long", locale=LOCALES[current_language()]))


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _rule(row: dict[str, str]) -> InterestRule:
    if row["compounding_stated"] not in ("yes", "no"):
        raise ValueError("compounding_stated must be yes or no")
    rate = Decimal(row["rate_percent"]) if row["rate_percent"].strip() else None
    if rate is None and not row["index"].strip():
        raise ValueError("a row without a rate must say what sets it (index)")
    below = row["principal_less_than"].strip()
    at_most = row["principal_at_most"].strip()
    flags = {name: row[name].strip() for name in ("personal_debt_only", "contract_rate")}
    if any(value not in ("", "yes") for value in flags.values()):
        raise ValueError("personal_debt_only and contract_rate are yes or empty")
    return InterestRule(
        state=row["state"],
        name=row["state_name"],
        rule_id=row["rule_id"],
        rate=rate,
        index=row["index"].strip(),
        compounding=Compounding(row["compounding"]),
        compounding_stated=row["compounding_stated"] == "yes",
        judged_on_or_after=_optional_date(row["judged_on_or_after"]),
        judged_before=_optional_date(row["judged_before"]),
        principal_less_than=to_money(below, "principal_less_than") if below else None,
        principal_at_most=to_money(at_most, "principal_at_most") if at_most else None,
        personal_debt_only=flags["personal_debt_only"] == "yes",
        contract_rate=flags["contract_rate"] == "yes",
        summary=row["summary"],
        source=source_from(row),
        summary_es=row.get("summary_es", "").strip(),
        index_es=row.get("index_es", "").strip(),
    )


@cache
def interest_rules() -> tuple[InterestRule, ...]:
    """Every row of ``data/judgment_interest.csv``, in file order (loaded once).

    Examples
    --------
    >>> [rule.rate for rule in interest_rules() if rule.state == "CA"]
    [Decimal('5'), Decimal('10')]
    """
    rules: tuple[InterestRule, ...] = rows_checked("judgment_interest.csv", _rule, unique="rule_id")
    return rules


def interest_rules_for(state: str) -> tuple[InterestRule, ...]:
    """A jurisdiction's rows, most specific first ("US" for federal courts)."""
    code = state.strip().upper() if isinstance(state, str) else ""
    rules = tuple(rule for rule in interest_rules() if rule.state == code)
    if not rules:
        raise InvalidInputError(
            _("State"),
            _("{value} is not the code of a US state, DC or US").format(value=shown(state)),
        )
    return rules


@dataclass(frozen=True)
class RateChoice:
    """The rate a judgment gets under a jurisdiction's law, and why.

    ``rule`` is the row that applies; ``rate`` is None when an index or the contract
    sets it, so the user must enter it. ``may_apply`` lists rows that would apply
    instead if a fact not yet known (the judgment's date, the kind of debt) were known.
    """

    rule: InterestRule
    may_apply: tuple[InterestRule, ...]

    @property
    def rate(self) -> Decimal | None:
        """The rate in percent a year, or None when the user must enter it."""
        return self.rule.rate

    @property
    def reason(self) -> str:
        """One sentence saying which rate applies and why, with its citation."""
        rule = self.rule
        who = rule.condition_words
        if who:
            first = _("{state}: {rate} on a judgment {conditions} ({citation}).").format(
                state=rule.name,
                rate=rule.rate_words,
                conditions=who,
                citation=rule.source.citation,
            )
        else:
            first = _("{state}: {rate} ({citation}).").format(
                state=rule.name, rate=rule.rate_words, citation=rule.source.citation
            )
        others = [
            _("It would be {rate} on a judgment {conditions} ({citation}).").format(
                rate=other.rate_words,
                conditions=other.condition_words,
                citation=other.source.citation,
            )
            for other in self.may_apply
        ]
        return " ".join((first, *others))


def judgment_rate(
    state: str,
    *,
    judgment_date: date | None = None,
    principal: Amount | None = None,
    debt_type: DebtPurpose | str | None = None,
    contract_sets_rate: bool | None = None,
) -> RateChoice:
    """The post-judgment interest rate a judgment gets in ``state`` ("US": federal court).

    Parameters
    ----------
    state
        Two-letter postal code, or "US" for a federal court.
    judgment_date
        The day the judgment was (or will be) entered.
    principal
        The judgment's principal amount (the deficiency plus costs and fees awarded).
    debt_type
        ``"personal"`` (personal, family or household) or ``"business"``.
    contract_sets_rate
        Whether the loan contract sets an interest rate that the judgment may carry; many
        states give a judgment on such a contract the contract's rate.

    Notes
    -----
    The first row of the state, most specific first, whose conditions the judgment meets.
    A row whose condition needs a fact not given is skipped but named in ``may_apply``.

    References
    ----------
    Each row's source in ``data/judgment_interest.csv``; for California, Cal. Code Civ.
    Proc. 685.010(a)(1) and (a)(2).

    Examples
    --------
    A $12,000 car deficiency judgment entered in 2025 in California:

    >>> choice = judgment_rate("CA", judgment_date=date(2025, 6, 1), principal=12000,
    ...                        debt_type="personal")
    >>> choice.rate, choice.rule.rule_id
    (Decimal('5'), 'CA-685.010(a)(2)-personal')

    The same judgment entered in 2022 gets the general 10%:

    >>> judgment_rate("CA", judgment_date=date(2022, 6, 1), principal=12000,
    ...               debt_type="personal").rate
    Decimal('10')
    """
    amount = None if principal is None else to_money(principal, "Judgment amount")
    kind = None if debt_type is None else choice(DebtPurpose, debt_type, "What the debt was for")
    entered = None if judgment_date is None else a_date(judgment_date, "Judgment date")
    contract = optional_flag(contract_sets_rate, "Contract sets a rate")
    unknown: list[InterestRule] = []
    for rule in interest_rules_for(state):
        applies = rule.applies(entered, amount, kind, contract)
        if applies:
            return RateChoice(rule, tuple(unknown))
        if applies is None:
            unknown.append(rule)
    raise InvalidInputError(
        _("State"),
        _("no judgment interest rule of {state} fits this case").format(state=shown(state)),
    )


def rate_in_use(choice: RateChoice, entered: Amount | None) -> Decimal:
    """The rate to compute with: the law's fixed rate, else the one the user entered.

    >>> rate_in_use(judgment_rate("CA"), None)
    Decimal('10')
    """
    if choice.rate is not None:
        return choice.rate
    if entered is None:
        raise InvalidInputError(
            _("Post-judgment interest rate"),
            _("{state} sets the rate by {index}: enter the rate").format(
                state=choice.rule.name, index=choice.rule.index_text
            ),
        )
    return to_percent(entered, _("Post-judgment interest rate"))

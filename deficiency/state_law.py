"""State anti-deficiency and deficiency-limiting laws, applied to a gross deficiency.

Rules live in ``data/state_rules.csv``: one row per statute (or per part of one) for each
of the 50 states and DC and each loan kind, so that every exit of every loan kind in
every jurisdiction is spoken to by a sourced row, "no special rule" included. Each row
carries a structured :class:`~deficiency.sources.Source` (citation, subsection read,
address, the statute's words, confidence, the date it was read). ``docs/law.md`` explains
the rules and ``docs/coverage.md`` (generated) shows what the data covers.

Columns of ``state_rules.csv``
------------------------------
state, state_name
    Postal code and name (``data/jurisdictions.csv``).
loan_kind
    ``mortgage`` or ``auto``.
topic
    ``deficiency`` (what may be collected after the sale) or ``cure`` (a car buyer's right
    to cure a default before repossession).
rule_id
    Unique id, e.g. ``CA-580e``.
effect
    ``bar`` (nothing collectible when the conditions hold), ``fair_value`` (credit for the
    property's fair market value), ``deadline`` (a time limit only), ``allowed`` (a
    deficiency is expressly possible), ``none`` (no special rule: the summary says what
    was checked), ``info`` (shown, never changes a number) or ``cure`` (a right to cure).
exits
    ``|``-separated :class:`~deficiency.mortgage.MortgageExit` or
    :class:`~deficiency.auto.AutoExit` values, or ``all``.
foreclosure_type
    ``judicial``, ``nonjudicial`` or ``any`` (only for rows that apply to foreclosures).
conditions
    ``+``-separated yes/no facts of :class:`LoanFacts` that must all hold; ``!fact`` means
    the fact must be false. Empty: no condition.
threshold_measure, threshold_comparison, threshold_amount
    A dollar limit on one amount of :class:`LoanFacts` (``cash_price``,
    ``amount_financed``, ``amount_owing_at_default``, ``original_loan_amount``), compared
    ``at_most`` (the statute's "or less") or ``less_than``.
fair_value_method
    ``greater_of_fmv_or_price`` (credit the greater of fair market value or sale price) or
    ``fmv_less_surviving_liens`` (Texas: credit fair market value less surviving liens when
    that beats the sale price).
deadline_days, deadline_months, deadline_from
    The time limit to seek a deficiency (or, for ``cure``, the days to cure) and the event
    it runs from; ``deadline_from_es`` names the event in Spanish.
summary, summary_es
    The rule in plain words, in English and in Spanish (shown with
    :func:`~deficiency.i18n.pick` in the reader's language).
citation, section_read, source_url, quote, confidence, text_version, as_of
    The :class:`~deficiency.sources.Source`. Rows marked L or U may only be ``info``,
    ``none`` or ``cure``: an unverified rule is shown, never applied.
sources_conflict
    ``yes`` where sources disagree on the rule's scope.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from functools import cache

from deficiency.auto import AutoExit
from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _, ngettext, pick
from deficiency.money import ZERO, Amount, format_usd, to_money
from deficiency.mortgage import MortgageExit
from deficiency.parsing import choice, instance, optional_flag
from deficiency.periods import add_period
from deficiency.scenarios import LoanKind
from deficiency.sources import Confidence, Source, data_rows, rows_checked, source_from

#: Shown with every result: the package informs, it does not advise.
DISCLAIMER = N_("General information from public sources, not legal advice; laws change.")


class Effect(enum.Enum):
    """What a rule does to the deficiency when its conditions hold."""

    BAR = "bar"
    FAIR_VALUE = "fair_value"
    DEADLINE = "deadline"
    ALLOWED = "allowed"
    NONE = "none"
    INFO = "info"
    CURE = "cure"

    @property
    def changes_amount(self) -> bool:
        """Whether the rule can change the collectible amount."""
        return self in (Effect.BAR, Effect.FAIR_VALUE)


class Topic(enum.Enum):
    """What a row of ``state_rules.csv`` speaks to."""

    DEFICIENCY = "deficiency"
    CURE = "cure"


class ForeclosureType(enum.Enum):
    """Judicial (court action) or non-judicial (trustee's sale, power of sale, advertisement)."""

    JUDICIAL = "judicial"
    NONJUDICIAL = "nonjudicial"


class FairValueMethod(enum.Enum):
    """How a fair-value statute credits the property's value against the debt."""

    GREATER_OF_FMV_OR_PRICE = "greater_of_fmv_or_price"
    FMV_LESS_SURVIVING_LIENS = "fmv_less_surviving_liens"


class Comparison(enum.Enum):
    """How an amount is compared with a statute's dollar limit."""

    AT_MOST = "at_most"
    LESS_THAN = "less_than"

    def holds(self, amount: Decimal, limit: Decimal) -> bool:
        return amount <= limit if self is Comparison.AT_MOST else amount < limit


class Finding(enum.Enum):
    """What a rule did in one evaluation."""

    APPLIED = "applied"
    NOT_MET = "not_met"
    MAY_APPLY = "may_apply"
    INFORMATIONAL = "informational"


class Coverage(enum.Enum):
    """How far our data covers the state, loan kind and exit asked about."""

    NOT_IN_DATA = "not_in_data"
    NO_RULE_FOR_LOAN_KIND = "no_rule_for_loan_kind"
    NO_RULE_FOR_EXIT = "no_rule_for_exit"
    RULES_FOUND = "rules_found"


@dataclass(frozen=True)
class LoanFacts:
    """The facts state rules depend on; ``None`` means unknown, and an unknown fact never bars.

    Yes/no facts are named in ``state_rules.csv`` conditions; amounts are compared with
    dollar thresholds or used in fair-value credits. ``data/facts.csv`` holds each fact's
    question, as a borrower is asked it, and its clause, as a rule's reason says it.
    """

    foreclosure_type: ForeclosureType | None = None
    #: The loan paid for the home (CA 580b, AZ 33-729, NV, NC, OR).
    purchase_money: bool | None = None
    #: The borrower lived in the home.
    owner_occupied: bool | None = None
    #: A dwelling of one to four units.
    one_to_four_units: bool | None = None
    #: A dwelling for one or two families (Iowa 615.1, Ohio 2329.08).
    one_or_two_family: bool | None = None
    #: A single one- or two-family home on 2.5 acres or less (Arizona).
    one_or_two_family_on_2_5_acres: bool | None = None
    #: The seller carried back a note for part of the price.
    seller_financed: bool | None = None
    #: Secured by a deed of trust (trust indenture), not a mortgage.
    deed_of_trust: bool | None = None
    #: A second or other junior lien.
    junior_lien: bool | None = None
    #: The short-sale agreement carries a signed waiver of the deficiency (Nevada).
    signed_short_sale_waiver: bool | None = None
    #: The lender bought the property at the sale (North Carolina, Pennsylvania).
    lender_bought_at_sale: bool | None = None
    #: A court confirmed the sale brought true market value (Georgia).
    sale_confirmed: bool | None = None
    #: A nontraditional or rate-spread home loan (North Carolina 45-21.38A).
    nontraditional_home_loan: bool | None = None
    #: Car financed by the dealer's retail installment (credit sale) contract, not a direct loan.
    credit_sale: bool | None = None
    #: A consumer finance loan from a licensed small-loan lender (Florida ch. 516).
    consumer_finance_loan: bool | None = None
    #: The lender gave proper notice and sold in a commercially reasonable way.
    sale_compliant: bool | None = None
    #: The note is secured only by the home's deed of trust or mortgage (California 580e).
    secured_only_by_home: bool | None = None
    #: The borrower is a person, not a corporation, LLC or partnership (California 580e).
    individual_borrower: bool | None = None
    #: A foreclosure by advertisement with a 6-month or 5-week redemption period
    #: (Minnesota 582.30 subd. 2; most home foreclosures there).
    short_redemption_period: bool | None = None
    #: The loan was for personal, family or household use.
    consumer_purpose: bool | None = None
    #: A bank, credit union or other financial institution holds the loan (Nevada).
    lender_financial_institution: bool | None = None
    #: The lender took title without a sale (Connecticut strict foreclosure).
    strict_foreclosure: bool | None = None
    #: The lender reported the rest of the debt as cancelled on Form 1099-C (Oregon 86.157).
    lender_filed_1099c: bool | None = None
    #: A Texas home equity loan (Tex. Const. art. XVI, 50(a)(6)).
    texas_home_equity_loan: bool | None = None
    #: Title taken by a consent foreclosure (Illinois 15-1402).
    consent_foreclosure: bool | None = None
    #: With a deed in lieu, a written agreement to owe the rest (Illinois 15-1401).
    agreed_to_owe_balance: bool | None = None
    #: A filed waiver of the waiting period before the sheriff's sale (Indiana 32-29-7-5).
    waived_foreclosure_waiting_period: bool | None = None
    #: A car loan tied to the dealer (Kansas 16a-5-103, Wisconsin, South Carolina).
    seller_related_loan: bool | None = None
    #: Sold at a court sale without an appraisal (Louisiana R.S. 13:4106).
    sold_without_appraisal: bool | None = None
    #: A supervised loan under the state consumer credit code (Maine 9-A 5-103).
    supervised_loan: bool | None = None
    #: The lender mailed the deficiency notice 21 days before the sale (Massachusetts 244 17B).
    deficiency_notice_mailed: bool | None = None
    #: A car title loan (Virginia 6.2-2217).
    title_loan: bool | None = None
    #: A Mississippi credit availability loan.
    credit_availability_loan: bool | None = None
    #: Sale price the lender credited (used with a fair-value credit).
    sale_price: Decimal | None = None
    #: Fair market value of the property or car at the sale.
    fair_market_value: Decimal | None = None
    #: Liens that survive the foreclosure (Texas offset).
    surviving_liens: Decimal | None = None
    #: Original amount of the loan (Oregon 88.103).
    original_loan_amount: Decimal | None = None
    #: The car's cash price.
    cash_price: Decimal | None = None
    #: The amount financed on the car.
    amount_financed: Decimal | None = None
    #: Unpaid balance (amount owing) at default.
    amount_owing_at_default: Decimal | None = None

    def __post_init__(self) -> None:
        # Each fact as documented or refused: "nonjudicial" is the enum's value, and a
        # yes/no is True/False (or 1/0). A string once made a California trustee's sale
        # read as not covered by 580d, and a truthy "no" as an answer.
        if self.foreclosure_type is not None:
            kind = choice(ForeclosureType, self.foreclosure_type, "Foreclosure type")
            object.__setattr__(self, "foreclosure_type", kind)
        for name in BOOLEAN_FACTS:
            object.__setattr__(self, name, optional_flag(getattr(self, name), name))
        for name in AMOUNT_FACTS:
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, to_money(value, name.replace("_", " ")))


@dataclass(frozen=True)
class FactInfo:
    """One fact of ``data/facts.csv``: how a borrower is asked it and how a rule says it."""

    name: str
    kind: str
    question: str
    clause: str
    negated: str
    question_es: str = ""
    clause_es: str = ""
    negated_es: str = ""

    @property
    def question_text(self) -> str:
        """The question in the reader's language."""
        return pick(self.question, self.question_es)

    @property
    def clause_text(self) -> str:
        """The clause in the reader's language."""
        return pick(self.clause, self.clause_es)

    @property
    def negated_text(self) -> str:
        """The negated clause in the reader's language."""
        return pick(self.negated, self.negated_es)


@cache
def fact_catalog() -> dict[str, FactInfo]:
    """Every fact the state rules may ask, by name (``data/facts.csv``, loaded once)."""
    return {
        row["fact"]: FactInfo(
            row["fact"],
            row["kind"],
            row["question"],
            row["clause"],
            row["negated"],
            row["question_es"],
            row["clause_es"],
            row["negated_es"],
        )
        for row in data_rows("facts.csv")
    }


#: Facts that are amounts; every other fact but ``foreclosure_type`` is yes/no.
AMOUNT_FACTS = (
    "sale_price",
    "fair_market_value",
    "surviving_liens",
    "original_loan_amount",
    "cash_price",
    "amount_financed",
    "amount_owing_at_default",
)
BOOLEAN_FACTS = tuple(
    item.name
    for item in fields(LoanFacts)
    if item.name not in AMOUNT_FACTS and item.name != "foreclosure_type"
)


def fact_words(fact: str) -> str:
    """A fact as a clause in a rule's reason, e.g. "you lived in the home"."""
    return fact_catalog()[fact].clause_text


def fact_question(fact: str) -> str:
    """A fact as a borrower is asked it, answerable from their papers."""
    catalog = fact_catalog()
    if not isinstance(fact, str) or fact not in catalog:
        raise InvalidInputError(
            _("Fact"), _("{value} is not a fact the state rules use").format(value=shown(fact))
        )
    return catalog[fact].question_text


@dataclass(frozen=True)
class Condition:
    """A yes/no fact a rule needs: ``fact`` must equal ``required``."""

    fact: str
    required: bool

    @property
    def words(self) -> str:
        """The condition as a clause: "the home has 1 to 4 units", or its negation."""
        info = fact_catalog()[self.fact]
        return info.clause_text if self.required else info.negated_text


@dataclass(frozen=True)
class Threshold:
    """A statute's dollar limit on one amount (a small-balance bar)."""

    measure: str
    comparison: Comparison
    amount: Decimal

    @property
    def words(self) -> str:
        limit = format_usd(self.amount, cents=False)
        if self.comparison is Comparison.AT_MOST:
            # Translators: {fact} is an amount, e.g. "the amount financed"; {limit} is "$1,000".
            return _("{fact} is {limit} or less").format(fact=fact_words(self.measure), limit=limit)
        # Translators: {fact} is an amount, e.g. "the amount financed"; {limit} is "$1,000".
        return _("{fact} is less than {limit}").format(fact=fact_words(self.measure), limit=limit)


@dataclass(frozen=True)
class Deadline:
    """Time allowed to seek a deficiency, counted from an event (a sale, a deed)."""

    days: int
    months: int
    starts_at: str
    #: The event in Spanish (``deadline_from_es``); empty reads in English.
    starts_at_es: str = ""

    @property
    def words(self) -> str:
        """The time limit in the reader's language, e.g. "90 days after the trustee's sale"."""
        starts_at = pick(self.starts_at, self.starts_at_es)
        if self.days:
            # Translators: {starts_at} is an event, e.g. "the trustee's sale".
            text = ngettext(
                "{count} day after {starts_at}", "{count} days after {starts_at}", self.days
            )
            return text.format(count=self.days, starts_at=starts_at)
        if self.months % 12 == 0:
            years = self.months // 12
            text = ngettext(
                "{count} year after {starts_at}", "{count} years after {starts_at}", years
            )
            return text.format(count=years, starts_at=starts_at)
        text = ngettext(
            "{count} month after {starts_at}", "{count} months after {starts_at}", self.months
        )
        return text.format(count=self.months, starts_at=starts_at)

    def due(self, start: date) -> date:
        """The last day, given the date of the event it runs from.

        Examples
        --------
        >>> Deadline(days=90, months=0, starts_at="the trustee's sale").due(date(2025, 1, 10))
        datetime.date(2025, 4, 10)
        """
        return add_period(start, months=self.months, days=self.days)


@dataclass(frozen=True)
class StateRule:
    """One row of ``state_rules.csv``."""

    state: str
    state_name: str
    loan_kind: LoanKind
    topic: Topic
    rule_id: str
    effect: Effect
    exits: frozenset[str]
    foreclosure_type: ForeclosureType | None
    conditions: tuple[Condition, ...]
    threshold: Threshold | None
    fair_value_method: FairValueMethod | None
    deadline: Deadline | None
    summary: str
    source: Source
    sources_conflict: bool
    #: The summary in Spanish (``summary_es``).
    summary_es: str = ""

    @property
    def summary_text(self) -> str:
        """The rule in plain words, in the reader's language."""
        return pick(self.summary, self.summary_es)

    @property
    def citation(self) -> str:
        """The law the rule comes from, as cited."""
        return self.source.citation

    @property
    def confidence(self) -> Confidence:
        """How well the rule is sourced."""
        return self.source.confidence

    @property
    def uncertain(self) -> bool:
        """Low or unverified confidence, or sources disagree: say so wherever it is shown."""
        return self.source.uncertain or self.sources_conflict

    def covers(self, kind: LoanKind, exit: MortgageExit | AutoExit) -> bool:
        """Whether the rule speaks to what may be collected on this loan kind and exit."""
        if self.topic is not Topic.DEFICIENCY or self.loan_kind is not kind:
            return False
        return exit.value in self.exits


def _split(text: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


def _exits(text: str, kind: LoanKind) -> frozenset[str]:
    enum_type: type[MortgageExit] | type[AutoExit] = (
        MortgageExit if kind is LoanKind.MORTGAGE else AutoExit
    )
    known = {item.value for item in enum_type}
    if text == "all":
        return frozenset(known)
    chosen = frozenset(_split(text, "|"))
    if not chosen or not chosen <= known:
        raise ValueError(f"unknown exits {text!r}")
    return chosen


def _conditions(text: str) -> tuple[Condition, ...]:
    conditions = []
    for part in _split(text, "+"):
        name = part.removeprefix("!")
        if name not in BOOLEAN_FACTS:
            raise ValueError(f"unknown condition {part!r}")
        conditions.append(Condition(name, not part.startswith("!")))
    return tuple(conditions)


def _threshold(row: dict[str, str]) -> Threshold | None:
    if not row["threshold_measure"]:
        return None
    if row["threshold_measure"] not in AMOUNT_FACTS:
        raise ValueError(f"unknown threshold measure {row['threshold_measure']!r}")
    return Threshold(
        row["threshold_measure"],
        Comparison(row["threshold_comparison"]),
        to_money(row["threshold_amount"], "threshold_amount"),
    )


def _deadline(row: dict[str, str]) -> Deadline | None:
    if not (row["deadline_days"] or row["deadline_months"]):
        return None
    return Deadline(
        int(row["deadline_days"] or 0),
        int(row["deadline_months"] or 0),
        row["deadline_from"],
        row["deadline_from_es"],
    )


def _check_row(rule: StateRule) -> None:
    """The format's rules a row must keep (each raises ``ValueError``)."""
    if rule.foreclosure_type is not None and rule.exits != {MortgageExit.FORECLOSURE.value}:
        raise ValueError("a foreclosure type needs exits = foreclosure")
    if (rule.effect is Effect.FAIR_VALUE) != (rule.fair_value_method is not None):
        raise ValueError("fair_value rows, and only they, need a fair_value_method")
    if rule.effect.changes_amount and rule.uncertain:
        raise ValueError("an L or U rule, or one whose sources conflict, must not change a number")
    if rule.effect is Effect.CURE and rule.topic is not Topic.CURE:
        raise ValueError("effect cure belongs to topic cure")
    if rule.topic is Topic.CURE and rule.effect not in (Effect.CURE, Effect.NONE, Effect.INFO):
        raise ValueError("a cure row's effect is cure, none or info")
    if rule.topic is Topic.CURE and rule.loan_kind is not LoanKind.AUTO:
        raise ValueError("a right to cure is a car-loan row")


def _rule(row: dict[str, str]) -> StateRule:
    if row["sources_conflict"] not in ("yes", "no"):
        raise ValueError("sources_conflict must be yes or no")
    kind = LoanKind(row["loan_kind"])
    foreclosure = row["foreclosure_type"]
    rule = StateRule(
        state=row["state"],
        state_name=row["state_name"],
        loan_kind=kind,
        topic=Topic(row["topic"]),
        rule_id=row["rule_id"],
        effect=Effect(row["effect"]),
        exits=_exits(row["exits"], kind),
        foreclosure_type=None if foreclosure == "any" else ForeclosureType(foreclosure),
        conditions=_conditions(row["conditions"]),
        threshold=_threshold(row),
        fair_value_method=(
            FairValueMethod(row["fair_value_method"]) if row["fair_value_method"] else None
        ),
        deadline=_deadline(row),
        summary=row["summary"],
        source=source_from(row),
        sources_conflict=row["sources_conflict"] == "yes",
        summary_es=row["summary_es"],
    )
    _check_row(rule)
    return rule


@cache
def state_rules() -> tuple[StateRule, ...]:
    """Every row of ``data/state_rules.csv``, parsed and checked (loaded once).

    Raises ``ValueError`` naming the row if the file breaks a rule of its format, for
    example an L-confidence row that would change a number.

    Examples
    --------
    >>> rule = next(r for r in state_rules() if r.rule_id == "WI-425.209(2)")
    >>> rule.threshold.amount
    Decimal('1000.00')
    """
    rules: tuple[StateRule, ...] = rows_checked("state_rules.csv", _rule, unique="rule_id")
    names = jurisdiction_names()
    for rule in rules:
        if names.get(rule.state) != rule.state_name:
            raise ValueError(f"state_rules.csv: {rule.rule_id} names an unknown jurisdiction")
    return rules


@dataclass(frozen=True)
class StateInfo:
    """A jurisdiction: its postal code, name and the loan kinds the data has rules for."""

    code: str
    name: str
    loan_kinds: frozenset[LoanKind]


@cache
def jurisdiction_names() -> dict[str, str]:
    """The 50 states and DC by postal code (``data/jurisdictions.csv``), in file order."""
    return {row["code"]: row["name"] for row in data_rows("jurisdictions.csv")}


def judicial_only(state: str) -> bool:
    """Whether every home foreclosure in the state goes through a court, so the type of a
    foreclosure there is known without asking (``foreclosure`` in jurisdictions.csv).

    >>> judicial_only("NY"), judicial_only("CA")
    (True, False)
    """
    code = normalize_state(state)
    return any(
        row["code"] == code and row["foreclosure"] == "judicial"
        for row in data_rows("jurisdictions.csv")
    )


@cache
def states() -> tuple[StateInfo, ...]:
    """Every jurisdiction (the 50 states and DC), sorted by name, for a selectbox.

    Examples
    --------
    >>> [s.code for s in states()][:3]
    ['AL', 'AK', 'AZ']
    >>> len(states())
    51
    """
    names = jurisdiction_names()
    kinds: dict[str, set[LoanKind]] = {code: set() for code in names}
    for rule in state_rules():
        kinds[rule.state].add(rule.loan_kind)
    return tuple(
        StateInfo(code, names[code], frozenset(kinds[code]))
        for code in sorted(names, key=lambda code: names[code])
    )


def normalize_state(state: str) -> str:
    """A jurisdiction's postal code, upper case; raises ``InvalidInputError`` for anything
    that is not one of the 50 states or DC.

    >>> normalize_state(" ca ")
    'CA'
    """
    code = state.strip().upper() if isinstance(state, str) else ""
    if code not in jurisdiction_names():
        raise InvalidInputError(
            _("State"), _("{value} is not the code of a US state or DC").format(value=shown(state))
        )
    return code


def rules_for(
    state: str, kind: LoanKind | None = None, topic: Topic = Topic.DEFICIENCY
) -> tuple[StateRule, ...]:
    """The rules of one state on one topic, optionally of one loan kind."""
    code = normalize_state(state)
    return tuple(
        rule
        for rule in state_rules()
        if rule.state == code and rule.topic is topic and (kind is None or rule.loan_kind is kind)
    )


def cure_rules(state: str) -> tuple[StateRule, ...]:
    """The state's rules on a car buyer's right to cure a default before repossession.

    Examples
    --------
    >>> all(rule.topic is Topic.CURE for rule in cure_rules("WI"))
    True
    """
    return rules_for(state, LoanKind.AUTO, Topic.CURE)


def owing_at_default(
    state: str, kind: LoanKind | str, answered: Amount | None, owed_now: Amount
) -> Decimal | None:
    """The amount owing at default for a small-balance bar: as answered, else proven by
    what is owed now, else unknown (so the rule asks for it rather than guess).

    What is owed now (a statement, a lender's letter) adds interest and fees charged since
    default, so it bounds the amount at default from above; every limit on that amount
    (Wis. Stat. 425.209, Fla. Stat. 516.31) caps it from above, so a bound within every
    limit proves each one is met.

    Examples
    --------
    >>> owing_at_default("WI", LoanKind.AUTO, None, 950)
    Decimal('950.00')
    >>> owing_at_default("WI", LoanKind.AUTO, None, 1050) is None
    True
    >>> owing_at_default("WI", LoanKind.AUTO, 980, 1050)
    Decimal('980.00')
    """
    kind = choice(LoanKind, kind, "Loan kind")
    if answered is not None:
        return to_money(answered, "Amount owing at default")
    bound = to_money(owed_now, "Amount owed")
    limits = [
        rule.threshold
        for rule in rules_for(state, kind)
        if rule.threshold is not None and rule.threshold.measure == "amount_owing_at_default"
    ]
    if limits and all(limit.comparison.holds(bound, limit.amount) for limit in limits):
        return bound
    return None


def deficiency_deadlines(state: str, kind: LoanKind) -> tuple[tuple[StateRule, Deadline], ...]:
    """Each known time limit to seek a deficiency in ``state``, with the rule that sets it.

    Rules marked L or U carry their deadline too; check ``rule.uncertain`` before showing it.

    Examples
    --------
    >>> [(rule.rule_id, deadline.words) for rule, deadline in deficiency_deadlines("AZ",
    ...  LoanKind.MORTGAGE)]
    [('AZ-33-814A', "90 days after the trustee's sale")]
    """
    return tuple(
        (rule, rule.deadline) for rule in rules_for(state, kind) if rule.deadline is not None
    )


@dataclass(frozen=True)
class RuleFinding:
    """One rule's result: what it did, by how much it cut the deficiency, and why."""

    rule: StateRule
    finding: Finding
    reduction: Decimal
    reason: str
    #: Whether the rule's scope (foreclosure type, conditions, threshold) holds; None if unknown.
    scope_met: bool | None


@dataclass(frozen=True, kw_only=True)
class StateLawResult:
    """A gross deficiency after the state's rules in our data.

    Notes
    -----
    ``0 <= collectible_deficiency <= gross_deficiency`` always. Only rules marked H or M
    change the number; L and U rules appear in ``findings`` as informational.
    """

    state: str
    state_name: str
    loan_kind: LoanKind
    exit: MortgageExit | AutoExit
    gross_deficiency: Decimal
    collectible_deficiency: Decimal
    coverage: Coverage
    findings: tuple[RuleFinding, ...]
    explanation: str

    @property
    def reduction(self) -> Decimal:
        """How much state law takes off the gross deficiency."""
        return self.gross_deficiency - self.collectible_deficiency

    @property
    def applied(self) -> tuple[RuleFinding, ...]:
        """The findings of rules that applied (a bar or a fair-value credit)."""
        return tuple(item for item in self.findings if item.finding is Finding.APPLIED)

    @property
    def may_apply(self) -> tuple[RuleFinding, ...]:
        """Rules that could change the result if an unknown fact were known."""
        return tuple(item for item in self.findings if item.finding is Finding.MAY_APPLY)

    @property
    def barred(self) -> bool:
        """Whether a bar applied, so nothing of the deficiency is collectible."""
        return any(item.rule.effect is Effect.BAR for item in self.applied)


#: Each foreclosure type in a rule's reason: unknown, and not the rule's.
_FORECLOSURE_UNKNOWN = {
    ForeclosureType.JUDICIAL: N_("whether the foreclosure was judicial"),
    ForeclosureType.NONJUDICIAL: N_("whether the foreclosure was nonjudicial"),
}
_FORECLOSURE_ONLY = {
    ForeclosureType.JUDICIAL: N_("it covers only judicial foreclosures"),
    ForeclosureType.NONJUDICIAL: N_("it covers only nonjudicial foreclosures"),
}


def _check(rule: StateRule, facts: LoanFacts) -> tuple[bool | None, str]:
    """Whether the rule's scope holds: True, False (with why not) or None (with what is missing)."""
    missing = []
    if rule.foreclosure_type is not None:
        if facts.foreclosure_type is None:
            missing.append(_(_FORECLOSURE_UNKNOWN[rule.foreclosure_type]))
        elif facts.foreclosure_type is not rule.foreclosure_type:
            return False, _(_FORECLOSURE_ONLY[rule.foreclosure_type])
    for condition in rule.conditions:
        value = getattr(facts, condition.fact)
        if value is None:
            # Translators: {fact} is a clause, e.g. "you lived in the home".
            missing.append(_("whether {fact}").format(fact=fact_words(condition.fact)))
        elif value is not condition.required:
            # Translators: {condition} is a clause, e.g. "you lived in the home".
            return False, _("it applies only when {condition}").format(condition=condition.words)
    if rule.threshold is not None:
        amount = getattr(facts, rule.threshold.measure)
        if amount is None:
            missing.append(fact_words(rule.threshold.measure))
        elif not rule.threshold.comparison.holds(amount, rule.threshold.amount):
            return False, _("it applies only when {condition}").format(
                condition=rule.threshold.words
            )
    if missing:
        # Translators: {facts} lists what is unknown, separated by semicolons.
        return None, _("we need to know {facts}").format(facts="; ".join(missing))
    return True, ""


def _fair_value_credit(rule: StateRule, facts: LoanFacts) -> Decimal | None:
    """Extra credit over the sale price a fair-value rule gives; None when an amount is unknown."""
    if facts.fair_market_value is None or facts.sale_price is None:
        return None
    value = facts.fair_market_value
    if rule.fair_value_method is FairValueMethod.FMV_LESS_SURVIVING_LIENS:
        if facts.surviving_liens is None:
            return None
        value = value - facts.surviving_liens
    return max(value - facts.sale_price, ZERO)


def _informational(rule: StateRule, holds: bool | None, why: str) -> str:
    """The reason of a rule shown but never applied: unverified or for information."""
    summary = rule.summary_text
    if holds is None:
        if rule.uncertain:
            # Translators: {why} says what we need to know; {summary} is the rule in plain words.
            text = _("Unverified, not applied (may be relevant; {why}): {summary}")
        else:
            text = _("For information (may be relevant; {why}): {summary}")
        return text.format(why=why, summary=summary)
    if rule.uncertain:
        return _("Unverified, not applied: {summary}").format(summary=summary)
    return _("For information: {summary}").format(summary=summary)


def _find(rule: StateRule, facts: LoanFacts, gross: Decimal) -> RuleFinding:
    holds, why = _check(rule, facts)
    if holds is False:
        return RuleFinding(
            rule, Finding.NOT_MET, ZERO, _("Does not apply: {why}.").format(why=why), False
        )
    if not rule.effect.changes_amount:
        return RuleFinding(
            rule, Finding.INFORMATIONAL, ZERO, _informational(rule, holds, why), holds
        )
    if holds is None:
        return RuleFinding(
            rule, Finding.MAY_APPLY, ZERO, _("May apply: {why}.").format(why=why), None
        )
    if rule.effect is Effect.BAR:
        applies = _("Applies: {summary}").format(summary=rule.summary_text)
        return RuleFinding(rule, Finding.APPLIED, gross, applies, True)
    credit = _fair_value_credit(rule, facts)
    if credit is None:
        if rule.fair_value_method is FairValueMethod.FMV_LESS_SURVIVING_LIENS:
            enter = _(
                "May reduce the deficiency: enter the fair market value and the sale price "
                "and any surviving liens."
            )
        else:
            enter = _("May reduce the deficiency: enter the fair market value and the sale price.")
        return RuleFinding(rule, Finding.MAY_APPLY, ZERO, enter, True)
    reduction = min(credit, gross)
    return RuleFinding(
        rule,
        Finding.APPLIED,
        reduction,
        _("Applies: {summary} Credit beyond the sale price: {credit}.").format(
            summary=rule.summary_text, credit=format_usd(reduction)
        ),
        True,
    )


def _explain(
    name: str,
    gross: Decimal,
    collectible: Decimal,
    findings: Iterable[RuleFinding],
) -> str:
    findings = tuple(findings)
    applied = [item for item in findings if item.finding is Finding.APPLIED]
    citations = "; ".join(dict.fromkeys(item.rule.citation for item in applied))
    if applied and collectible == ZERO:
        # Translators: {state} is a state's name in English, e.g. "California".
        head = _(
            "{state} law bars this deficiency ({citations}): the lender cannot collect "
            "the {gross} shortfall."
        ).format(state=name, citations=citations, gross=format_usd(gross))
    elif applied and collectible < gross:
        head = _(
            "{state} law limits this deficiency ({citations}): {gross} falls to {collectible}."
        ).format(
            state=name,
            citations=citations,
            gross=format_usd(gross),
            collectible=format_usd(collectible),
        )
    elif any(item.finding is Finding.MAY_APPLY for item in findings):
        head = _(
            "No {state} rule reduces this {gross} deficiency with the facts given so far."
        ).format(state=name, gross=format_usd(gross))
    else:
        general = [
            item.rule.citation
            for item in findings
            if item.rule.effect in (Effect.NONE, Effect.ALLOWED) and not item.rule.uncertain
        ]
        if general:
            head = _(
                "No {state} law we found bars or limits this {gross} deficiency ({citations}): "
                "the lender may try to collect it."
            ).format(
                state=name,
                gross=format_usd(gross),
                citations="; ".join(dict.fromkeys(general)),
            )
        else:
            head = _(
                "No {state} law we found bars or limits this {gross} deficiency: "
                "the lender may try to collect it."
            ).format(state=name, gross=format_usd(gross))
    parts = [head]
    parts += [f"{item.rule.citation}: {item.reason}" for item in applied]
    if collectible > ZERO:
        parts += [
            f"{item.rule.citation}: {item.reason}"
            for item in findings
            if item.finding is Finding.MAY_APPLY
        ]
        for item in findings:
            deadline = item.rule.deadline
            if deadline is not None and item.scope_met and not item.rule.uncertain:
                # Translators: {period} is e.g. "90 days after the trustee's sale".
                parts.append(
                    _(
                        "Deadline: the lender must seek a deficiency within {period} ({citation})."
                    ).format(period=deadline.words, citation=item.rule.citation)
                )
    parts.append(_(DISCLAIMER))
    return " ".join(parts)


#: The explanation where the data has rules for the loan kind but none for its exit.
_NO_RULE_FOR_EXIT = {
    MortgageExit.SHORT_SALE.value: N_(
        "Our data has no {state} rule for a short sale, so the {gross} deficiency stands "
        "as calculated."
    ),
    MortgageExit.FORECLOSURE.value: N_(
        "Our data has no {state} rule for a foreclosure, so the {gross} deficiency stands "
        "as calculated."
    ),
    MortgageExit.DEED_IN_LIEU.value: N_(
        "Our data has no {state} rule for a deed in lieu, so the {gross} deficiency stands "
        "as calculated."
    ),
    AutoExit.REPOSSESSION.value: N_(
        "Our data has no {state} rule for a repossession, so the {gross} deficiency stands "
        "as calculated."
    ),
    AutoExit.VOLUNTARY_SURRENDER.value: N_(
        "Our data has no {state} rule for a voluntary surrender, so the {gross} deficiency "
        "stands as calculated."
    ),
}


def exit_of(kind: LoanKind, exit: MortgageExit | AutoExit | str) -> MortgageExit | AutoExit:
    """The exit of a loan kind, given itself or its value; anything else is refused."""
    if kind is LoanKind.MORTGAGE:
        return choice(MortgageExit, exit, "Exit")
    return choice(AutoExit, exit, "Exit")


def apply_state_law(
    state: str,
    kind: LoanKind | str,
    exit: MortgageExit | AutoExit | str,
    gross_deficiency: Amount,
    facts: LoanFacts | None = None,
) -> StateLawResult:
    """Apply a state's anti-deficiency rules in our data to a gross deficiency.

    Parameters
    ----------
    state
        Two-letter postal code ("CA", "wi").
    kind
        Mortgage or car loan (a :class:`LoanKind` or its value).
    exit
        A :class:`MortgageExit` or :class:`AutoExit` (or its value).
    gross_deficiency
        The deficiency before state law (``Statement.deficiency``).
    facts
        What the rules depend on; unknown facts are ``None`` and never bar a deficiency.

    Returns
    -------
    StateLawResult
        The gross and collectible deficiency, how the data covers the case, each rule's
        finding (citation, source, confidence, reason) and a plain-language explanation.

    Notes
    -----
    ``collectible = 0`` when a bar applies; otherwise
    ``collectible = max(0, gross - credit)`` where a fair-value credit is
    ``max(0, FMV - sale price)`` (AZ 33-814(A), NY RPAPL 1371, NV 40.459: debt minus the
    greater of FMV or price) or ``max(0, FMV - surviving liens - sale price)`` (Tex. Prop.
    Code 51.003). Every state and DC has rows for every exit, "no special rule" included;
    rules marked L or U are shown but never change the number.

    References
    ----------
    Each rule's source (citation, subsection read, address, quoted words) in
    ``data/state_rules.csv``; ``docs/law.md``.

    Examples
    --------
    A California short sale of a purchase-money, owner-occupied home (CCP 580b, 580e):

    >>> home = LoanFacts(purchase_money=True, owner_occupied=True, one_to_four_units=True,
    ...                  secured_only_by_home=True, individual_borrower=True)
    >>> result = apply_state_law("CA", LoanKind.MORTGAGE, MortgageExit.SHORT_SALE, 74525, home)
    >>> result.collectible_deficiency, [f.rule.rule_id for f in result.applied]
    (Decimal('0.00'), ['CA-580b', 'CA-580e'])

    A car bought on a Wisconsin dealer's credit contract with $1,000 owing at default
    (Wis. Stat. 425.209(2)):

    >>> car = LoanFacts(credit_sale=True, amount_owing_at_default=Decimal("1000"))
    >>> apply_state_law("WI", LoanKind.AUTO, "repossession", 2000, car).collectible_deficiency
    Decimal('0.00')

    An Arizona trustee's sale: debt minus the greater of the sale price or the fair market
    value less prior liens (A.R.S. 33-814(A)).

    >>> sale = LoanFacts(foreclosure_type=ForeclosureType.NONJUDICIAL,
    ...                  one_or_two_family_on_2_5_acres=False, sale_price=Decimal("180000"),
    ...                  fair_market_value=Decimal("200000"), surviving_liens=Decimal("0"))
    >>> apply_state_law("AZ", LoanKind.MORTGAGE, "foreclosure", 50000, sale).collectible_deficiency
    Decimal('30000.00')

    A code that is not a state is refused:

    >>> apply_state_law("ZZ", LoanKind.AUTO, "repossession", 500)
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: State: 'ZZ' is not the code of a US state or DC
    """
    code = normalize_state(state)
    kind = choice(LoanKind, kind, "Loan kind")
    chosen_exit = exit_of(kind, exit)
    gross = to_money(gross_deficiency, "Gross deficiency")
    facts = instance(facts, LoanFacts, "Facts") if facts is not None else LoanFacts()
    if facts.foreclosure_type is None and judicial_only(code):
        facts = replace(facts, foreclosure_type=ForeclosureType.JUDICIAL)
    in_state = rules_for(code)
    name = jurisdiction_names()[code]
    of_kind = [rule for rule in in_state if rule.loan_kind is kind]
    covering = [rule for rule in of_kind if rule.covers(kind, chosen_exit)]
    if not covering:
        coverage = Coverage.NO_RULE_FOR_EXIT if of_kind else Coverage.NO_RULE_FOR_LOAN_KIND
        if of_kind:
            what = _(_NO_RULE_FOR_EXIT[chosen_exit.value])
        elif kind is LoanKind.MORTGAGE:
            what = _(
                "Our data has no {state} rule for mortgages, so the {gross} deficiency stands "
                "as calculated."
            )
        else:
            what = _(
                "Our data has no {state} rule for car loans, so the {gross} deficiency stands "
                "as calculated."
            )
        explanation = " ".join((what.format(state=name, gross=format_usd(gross)), _(DISCLAIMER)))
        return StateLawResult(
            state=code,
            state_name=name,
            loan_kind=kind,
            exit=chosen_exit,
            gross_deficiency=gross,
            collectible_deficiency=gross,
            coverage=coverage,
            findings=(),
            explanation=explanation,
        )
    findings = tuple(_find(rule, facts, gross) for rule in covering)
    applied = [item for item in findings if item.finding is Finding.APPLIED]
    if any(item.rule.effect is Effect.BAR for item in applied):
        collectible = ZERO
    else:
        credit = max((item.reduction for item in applied), default=ZERO)
        collectible = max(gross - credit, ZERO)
    return StateLawResult(
        state=code,
        state_name=name,
        loan_kind=kind,
        exit=chosen_exit,
        gross_deficiency=gross,
        collectible_deficiency=collectible,
        coverage=Coverage.RULES_FOUND,
        findings=findings,
        explanation=_explain(name, gross, collectible, findings),
    )

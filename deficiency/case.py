"""One case and its whole outcome: the answer every page, the report, the caseload and a link show.

A :class:`Case` holds everything a scenario says (the loan, sale, costs and credits, the
resolution, the state and its facts, the dates, the borrower's tax facts);
:func:`case_outcome` turns it into a :class:`CaseOutcome`: the statement, the state-law
finding, who pays what, what is cancelled, what may be taxable and which forms to expect,
the credit timeline, and a :class:`Headline` that says the answer first. A surface renders
the outcome and computes nothing of its own, so one case gives one answer everywhere.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from deficiency.assessment import assess, loan_facts, rule_facts
from deficiency.credit import MAX_GAP_MONTHS, EventKind, TimelineEvent, timeline
from deficiency.errors import InvalidInputError
from deficiency.i18n import N_, _, ngettext
from deficiency.money import ZERO, Amount, format_usd, to_money
from deficiency.parsing import a_date, choice, flag, instance, mapping, whole_number
from deficiency.paths import DeficiencyPath, parse_path
from deficiency.resolution import Outcome, Resolution, resolve
from deficiency.scenarios import LoanKind, parse_field, resolution_fields, scenario_fields
from deficiency.state_law import Effect, StateLawResult, exit_of, normalize_state
from deficiency.tax import (
    CancelledDebtTax,
    DebtType,
    ExpectedForm,
    ForeclosureWorksheet,
    expected_forms,
    foreclosure_worksheet,
    taxable_cancelled_debt,
)


class Answers(Mapping[str, Any]):
    """A read-only mapping that hashes by its items, so a :class:`Case` can key a cache."""

    def __init__(self, items: Mapping[str, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset((key, str(value)) for key, value in self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return repr(self._items)


#: The collateral as a sentence names it.
#: (Translators: with its article, as it fits "after {collateral} is sold".)
COLLATERAL = {LoanKind.MORTGAGE: N_("the home"), LoanKind.AUTO: N_("the car")}


@dataclass(frozen=True)
class CaseDates:
    """When the case happens: the first missed payment and the months to the sale and after.

    ``None`` months take the data's illustrative defaults (see :func:`deficiency.timeline`);
    ``first_missed_assumed`` says the borrower gave no date, so ``first_missed_payment`` is
    a stand-in and every date built on it is assumed too.
    """

    first_missed_payment: date
    months_default_to_sale: int | None = None
    months_sale_to_resolution: int | None = None
    first_missed_assumed: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(
            self,
            "first_missed_payment",
            a_date(self.first_missed_payment, N_("First missed payment")),
        )
        for name, label in (
            ("months_default_to_sale", N_("Months from default to sale")),
            ("months_sale_to_resolution", N_("Months from sale to resolution")),
        ):
            months = getattr(self, name)
            if months is not None:
                set_(self, name, whole_number(months, label, 0, MAX_GAP_MONTHS))
        set_(
            self,
            "first_missed_assumed",
            flag(self.first_missed_assumed, N_("First missed assumed")),
        )


@dataclass(frozen=True)
class TaxFacts:
    """The borrower's own facts the cancelled-debt rules read (IRC 108; IRS Pub. 4681).

    ``main_home_loan`` means the loan bought, built or substantially improved the main home
    and is secured by it; it applies only to a mortgage. ``liabilities`` and ``assets`` are
    the totals just before the cancellation, for the insolvency test: both or neither.
    """

    main_home_loan: bool = False
    title_11_case: bool = False
    married_filing_separately: bool = False
    liabilities: Decimal | None = None
    assets: Decimal | None = None
    elect_insolvency: bool = False
    #: Purchase price plus improvements, less depreciation: for the gain or loss lines.
    adjusted_basis: Decimal | None = None
    #: A written arrangement for the discharge, made before the main-home exclusion ended.
    written_arrangement_date: date | None = None
    #: The property was for personal use (a home lived in, a personal car), not business or
    #: investment: a loss on it is not deductible, and a repossessed personal car gets no
    #: Form 1099-A.
    personal_use: bool = True

    def __post_init__(self) -> None:
        for name, label in (
            ("main_home_loan", N_("main home loan")),
            ("title_11_case", N_("title 11 case")),
            ("married_filing_separately", N_("married filing separately")),
            ("personal_use", N_("personal use")),
        ):
            object.__setattr__(self, name, flag(getattr(self, name), label))
        object.__setattr__(
            self, "elect_insolvency", flag(self.elect_insolvency, N_("Elect insolvency"))
        )
        for name, money_label in (
            ("liabilities", N_("Liabilities")),
            ("assets", N_("Assets")),
            ("adjusted_basis", N_("Adjusted basis")),
        ):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, to_money(value, money_label))
        if (self.liabilities is None) != (self.assets is None):
            raise InvalidInputError(
                N_("Insolvency"), _("give both liabilities and assets, or neither")
            )
        if self.written_arrangement_date is not None:
            written = a_date(self.written_arrangement_date, N_("Written arrangement date"))
            object.__setattr__(self, "written_arrangement_date", written)


@dataclass(frozen=True)
class Case:
    """One scenario, whole: what every surface of the explorer reads.

    ``amounts`` holds the scenario's fields by name (:func:`deficiency.scenario_fields`,
    the exit's and the resolution's), as numbers or text; ``facts`` the state questions'
    answers ("yes", "no", "unknown", an amount or a foreclosure type).
    """

    kind: LoanKind
    exit: str
    amounts: Mapping[str, Amount]
    resolution: Resolution
    dates: CaseDates
    state: str = ""
    facts: Mapping[str, str] = field(default_factory=dict, hash=True)
    tax: TaxFacts = TaxFacts()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        kind = choice(LoanKind, self.kind, N_("Loan kind"))
        set_(self, "kind", kind)
        set_(self, "resolution", choice(Resolution, self.resolution, N_("Resolution")))
        exit = exit_of(kind, self.exit).value
        set_(self, "exit", exit)
        set_(self, "dates", instance(self.dates, CaseDates, N_("Dates")))
        set_(self, "tax", instance(self.tax, TaxFacts, N_("Tax facts")))
        no_state = self.state is None or (isinstance(self.state, str) and not self.state)
        set_(self, "state", "" if no_state else normalize_state(self.state))
        set_(self, "amounts", Answers(_amounts(kind, exit, mapping(self.amounts, N_("Amounts")))))
        facts = dict(mapping(self.facts, N_("Facts")))
        loan_facts(facts)  # refuses a fact or an answer the rules do not know
        set_(self, "facts", Answers(facts))
        if self.tax.main_home_loan and kind is not LoanKind.MORTGAGE:
            raise InvalidInputError(N_("Main home loan"), _("applies only to a mortgage"))

    @property
    def collateral(self) -> str:
        """What was sold, as a sentence names it ("the home", "the car"), in the reader's
        language ("la casa", "el auto")."""
        return _(COLLATERAL[self.kind])


def _amounts(kind: LoanKind, exit: str, given: Mapping[Any, Any]) -> dict[str, Amount]:
    """The scenario's amounts, each checked as its field reads it; unknown names refused."""
    infos = {info.name: info for info in scenario_fields(kind)}
    infos.update((info.name, info) for info in resolution_fields())
    for name, raw in given.items():
        info = infos.get(name) if isinstance(name, str) else None
        if info is None:
            raise InvalidInputError(str(name), _("is not a field of this loan"))
        parse_field(info, raw)
    return dict(given)


class AnswerKind(enum.Enum):
    """What the headline says: an amount owed, nothing owed, or an answer still open."""

    OWES = "owes"
    OWES_NOTHING = "owes_nothing"
    DEPENDS = "depends"


@dataclass(frozen=True)
class Headline:
    """The answer first: what the borrower would still owe, or that they owe nothing and why.

    When an unanswered state question could change it, ``kind`` is ``DEPENDS`` and
    ``lowest`` is what they would owe if the answers went their way (``None`` when that
    turns on an amount, such as the home's fair market value, and cannot be bounded).
    """

    kind: AnswerKind
    owes: Decimal
    lowest: Decimal | None
    title: str
    reason: str
    open_questions: tuple[str, ...] = ()
    rule: str = ""


@dataclass(frozen=True)
class TaxReconciliation:
    """Why the worksheet's cancelled-debt income differs from the case's cancelled figure.

    ``value_gap`` is the part of the difference from a fair market value other than the
    sale price; ``sentence`` says the whole of it in words.
    """

    cancelled: Decimal
    worksheet_income: Decimal
    value_gap: Decimal
    sentence: str


@dataclass(frozen=True)
class WorksheetStart:
    """The figures Pub. 4681's worksheet starts from for a case: the Taxes page's defaults.

    A part of the deficiency state law bars is debt the borrower is not personally liable
    for, so it is left out of the debt; a wholly barred deficiency makes the loan
    nonrecourse (no cancellation income).
    """

    debt_before_transfer: Decimal
    still_owed_after_transfer: Decimal
    fair_market_value: Decimal
    debt_type: DebtType


@dataclass(frozen=True)
class CaseOutcome:
    """Everything one case comes to; ``law`` is ``None`` when no state is chosen."""

    case: Case
    outcome: Outcome
    law: StateLawResult | None
    headline: Headline
    cancelled_tax: CancelledDebtTax
    #: Pub. 4681's worksheet, when the borrower's adjusted basis is given.
    worksheet: ForeclosureWorksheet | None
    reconciliation: TaxReconciliation | None
    forms: tuple[ExpectedForm, ExpectedForm]
    events: tuple[TimelineEvent, ...]

    @property
    def resolved_on(self) -> date:
        """The date the deficiency is resolved (waived, judged, settled): the tax event."""
        return next(event.when for event in self.events if event.kind is EventKind.RESOLUTION)

    @property
    def worksheet_start(self) -> WorksheetStart:
        """The figures the worksheet starts from (the case's own worksheet uses them)."""
        return _worksheet_start(self.case, self.outcome)

    @property
    def fair_market_value(self) -> Decimal:
        """The property's value the tax worksheet uses: the answered one, else the sale price."""
        return _fair_market_value(self.case, self.outcome)

    def timeline_on(self, path: str | enum.Enum) -> tuple[TimelineEvent, ...]:
        """The case's credit timeline had its deficiency taken ``path`` instead.

        The case's own path gives :attr:`events`; another path keeps the case's dates and
        shows no Form 1099-C figure, since the case's cancelled amount belongs to its own
        path.

        Examples
        --------
        >>> car = Case(LoanKind.AUTO, "repossession", {"unpaid_principal": "10000",
        ...            "sale_price": "8000"}, Resolution.WAIVED, CaseDates(date(2025, 1, 15)))
        >>> result = case_outcome(car)
        >>> result.timeline_on("waived") is result.events
        True
        >>> [event.label for event in result.timeline_on("judgment")][:3]
        ['First missed payment', 'Car repossessed and sold', 'Deficiency judgment']
        """
        the_path = parse_path(path)
        if the_path.value == self.outcome.terms.resolution.value:
            return self.events
        dates = self.case.dates
        return _dated(
            dates,
            timeline(
                dates.first_missed_payment,
                self.case.exit,
                the_path,
                months_default_to_sale=dates.months_default_to_sale,
                months_sale_to_resolution=dates.months_sale_to_resolution,
            ),
        )

    def settlement_form(self, cancelled: Amount) -> ExpectedForm:
        """The Form 1099-C a settlement that cancels ``cancelled`` would bring.

        Its tax year is the year the case would be settled: the resolution date of the
        case's timeline on the settled path (:meth:`timeline_on`), so the page that plans a
        settlement reads the same dates as the credit timeline and the tax worksheet.

        Examples
        --------
        >>> car = Case(LoanKind.AUTO, "repossession", {"unpaid_principal": "10000",
        ...            "sale_price": "8000"}, Resolution.JUDGMENT, CaseDates(date(2024, 1, 15)))
        >>> form = case_outcome(car).settlement_form("1000")
        >>> form.form, form.status.value, form.verified
        ('1099-C', 'expected', True)
        """
        settled = next(
            event.when
            for event in self.timeline_on(DeficiencyPath.SETTLED)
            if event.kind is EventKind.RESOLUTION
        )
        return expected_forms(
            self.case.exit,
            DeficiencyPath.SETTLED,
            cancelled,
            personal_use=self.case.tax.personal_use,
            tax_year=settled.year,
        )[1]

    @property
    def sold_on(self) -> date:
        """The date of the sale, surrender or repossession sale."""
        return next(event.when for event in self.events if event.kind is EventKind.SALE)


def case_outcome(case: Case) -> CaseOutcome:
    """The whole outcome of one case, computed once for every surface that shows it.

    Examples
    --------
    A California short sale of a purchase-money home the owner lived in: the deficiency
    is barred (Cal. Code Civ. Proc. 580e), so the answer is $0, not the arithmetic.

    >>> home = {"unpaid_principal": "312000", "sale_price": "275000"}
    >>> facts = {"purchase_money": "yes", "owner_occupied": "yes", "one_to_four_units": "yes",
    ...          "secured_only_by_home": "yes"}
    >>> case = Case(LoanKind.MORTGAGE, "short_sale", home, Resolution.JUDGMENT,
    ...             CaseDates(date(2025, 1, 15)), "CA", facts)
    >>> result = case_outcome(case)
    >>> result.outcome.deficiency, result.headline.owes, result.headline.kind.value
    (Decimal('37000.00'), Decimal('0.00'), 'owes_nothing')
    """
    if not isinstance(case, Case):
        raise InvalidInputError(N_("Case"), _("expected a Case"))
    assessment = assess(
        case.kind, case.amounts, case.exit, case.resolution.value, case.state, case.facts
    )
    outcome = assessment.outcome
    events = _dated(
        case.dates,
        timeline(
            case.dates.first_missed_payment,
            case.exit,
            case.resolution.value,
            months_default_to_sale=case.dates.months_default_to_sale,
            months_sale_to_resolution=case.dates.months_sale_to_resolution,
            cancelled=outcome.cancelled,
        ),
    )
    resolved = next(event.when for event in events if event.kind is EventKind.RESOLUTION)
    basis = case.tax.adjusted_basis
    return CaseOutcome(
        case=case,
        outcome=outcome,
        law=assessment.law,
        headline=headline(case, outcome, assessment.law),
        cancelled_tax=_cancelled_tax(case, outcome, resolved),
        worksheet=None if basis is None else _worksheet(case, outcome, basis),
        reconciliation=_reconciliation(case, outcome),
        forms=expected_forms(
            case.exit,
            case.resolution.value,
            outcome.cancelled,
            personal_use=case.tax.personal_use,
            tax_year=resolved.year,
        ),
        events=events,
    )


def _dated(dates: CaseDates, events: tuple[TimelineEvent, ...]) -> tuple[TimelineEvent, ...]:
    """The events as the case's dates make them: every one is built on the first missed
    payment, so while that date is assumed every date is (``illustrative``)."""
    if not dates.first_missed_assumed:
        return events
    return tuple(replace(event, illustrative=True) for event in events)


def _cancelled_tax(case: Case, outcome: Outcome, resolved: date) -> CancelledDebtTax:
    tax = case.tax
    home_debt = outcome.statement.owed if tax.main_home_loan else ZERO
    return taxable_cancelled_debt(
        outcome.cancelled,
        discharge_date=resolved,
        title_11_case=tax.title_11_case,
        qualified_home_debt=home_debt,
        loan_balance=outcome.statement.owed,
        written_arrangement_date=tax.written_arrangement_date,
        married_filing_separately=tax.married_filing_separately,
        liabilities=tax.liabilities,
        assets=tax.assets,
        elect_insolvency=tax.elect_insolvency,
    )


def _fair_market_value(case: Case, outcome: Outcome) -> Decimal:
    """The value the worksheet uses: the answered fair market value, else the sale price."""
    answer = loan_facts(case.facts).fair_market_value
    return answer if answer is not None else outcome.statement.proceeds


def _worksheet_start(case: Case, outcome: Outcome) -> WorksheetStart:
    """What the borrower stays liable for after the sale is their share of the deficiency
    (see :class:`WorksheetStart`)."""
    statement = outcome.statement
    value = _fair_market_value(case, outcome)
    if outcome.barred > ZERO and outcome.collectible == ZERO:
        return WorksheetStart(statement.owed, ZERO, value, DebtType.NONRECOURSE)
    liable = max(ZERO, statement.owed - outcome.barred)
    still_owed = min(liable, outcome.paid_toward_deficiency)
    return WorksheetStart(liable, still_owed, value, DebtType.RECOURSE)


def _worksheet(case: Case, outcome: Outcome, basis: Decimal) -> ForeclosureWorksheet:
    """Pub. 4681's worksheet filled from the case (:func:`_worksheet_start`)."""
    start = _worksheet_start(case, outcome)
    return foreclosure_worksheet(
        debt_before_transfer=start.debt_before_transfer,
        fair_market_value=start.fair_market_value,
        adjusted_basis=basis,
        debt_type=start.debt_type,
        still_owed_after_transfer=start.still_owed_after_transfer,
        personal_use=case.tax.personal_use,
    )


def _reconciliation(case: Case, outcome: Outcome) -> TaxReconciliation | None:
    """One sentence on why the worksheet's income and the cancelled figure differ, if they do.

    Notes
    -----
    ``cancelled - income = expenses - credits + (fair market value - sale price)`` whenever
    the worksheet's line 3 is above zero: the deficiency carries the lender's costs and
    credits, the worksheet measures the loan against the property's value. Line 3 does
    not read the basis, so the value stands in for it here.
    """
    value = _fair_market_value(case, outcome)
    income = _worksheet(case, outcome, value).ordinary_income
    if income == outcome.cancelled:
        return None
    statement = outcome.statement
    value_gap = value - statement.proceeds
    collateral = case.collateral
    # Each reason is a whole clause; the reasons are listed with semicolons.
    parts = []
    if outcome.cancelled - income == statement.expenses - statement.credits + value_gap:
        if statement.expenses:
            parts.append(
                _(
                    "the deficiency includes {expenses} of the costs of selling {collateral}, "
                    "which the worksheet does not count as part of the loan"
                ).format(expenses=format_usd(statement.expenses), collateral=collateral)
            )
        if statement.credits:
            parts.append(
                _("it is lowered by {credits} of credits the worksheet does not take off").format(
                    credits=format_usd(statement.credits)
                )
            )
        if value_gap:
            parts.append(
                _(
                    "the worksheet measures the loan against the fair market value "
                    "({value}), not the sale price"
                ).format(value=format_usd(value))
            )
    else:
        parts.append(
            _(
                "the worksheet measures the loan against the value of {collateral} "
                "({value}), and the income cannot fall below zero"
            ).format(collateral=collateral, value=format_usd(value))
        )
    # Translators: {reasons} is one or more clauses joined by "; ".
    sentence = _(
        "IRS Publication 4681's worksheet puts the income at {income}, not the "
        "{cancelled} cancelled: {reasons}. The lender's Form 1099-C shows the figure it "
        "reports; a tax professional can say which applies to you."
    ).format(
        income=format_usd(income),
        cancelled=format_usd(outcome.cancelled),
        reasons=_("; ").join(parts),
    )
    return TaxReconciliation(outcome.cancelled, income, value_gap, sentence)


def headline(case: Case, outcome: Outcome, law: StateLawResult | None) -> Headline:
    """The answer a borrower opens the page for, in one title and one reason."""
    owes = outcome.borrower_owes
    rule = rule_cited(law)
    if law is not None and law.may_apply and outcome.collectible > ZERO:
        return _depends(case, outcome, law)
    if owes > ZERO:
        return Headline(
            AnswerKind.OWES,
            owes,
            owes,
            _("You would still owe {owes}").format(owes=format_usd(owes)),
            _owes_reason(case, outcome),
            rule=rule,
        )
    return Headline(
        AnswerKind.OWES_NOTHING,
        ZERO,
        ZERO,
        _("You would owe nothing"),
        _nothing_reason(case, outcome, law),
        rule=rule,
    )


def rule_cited(law: StateLawResult | None) -> str:
    """The citations of the state rules that applied, ``"; "``-joined (``""`` for none)."""
    if law is None or not law.applied:
        return ""
    return "; ".join(dict.fromkeys(item.rule.citation for item in law.applied))


def _owes_reason(case: Case, outcome: Outcome) -> str:
    figures = {
        "collateral": case.collateral,
        "shortfall": format_usd(outcome.collectible),
        "paid": format_usd(outcome.paid_toward_deficiency),
        "cancelled": format_usd(outcome.cancelled),
        "costs": format_usd(outcome.judgment_costs),
        "barred": format_usd(outcome.barred),
    }
    resolution = outcome.terms.resolution
    if resolution is Resolution.SETTLED:
        message = _(
            "The sale of {collateral} left {shortfall} unpaid; the settlement has you pay "
            "{paid} and cancels the other {cancelled}."
        )
        return message.format(**figures)
    in_court = outcome.judgment_costs > ZERO
    barred = outcome.barred > ZERO
    if in_court and barred:
        message = _(
            "The sale of {collateral} left {shortfall} unpaid, and the lender pursues it in "
            "court, adding {costs} of costs and fees (state law takes {barred} off the "
            "arithmetic)."
        )
    elif in_court:
        message = _(
            "The sale of {collateral} left {shortfall} unpaid, and the lender pursues it in "
            "court, adding {costs} of costs and fees."
        )
    elif barred:
        message = _(
            "The sale of {collateral} left {shortfall} unpaid, and the lender pursues it "
            "(state law takes {barred} off the arithmetic)."
        )
    else:
        message = _("The sale of {collateral} left {shortfall} unpaid, and the lender pursues it.")
    return message.format(**figures)


def _nothing_reason(case: Case, outcome: Outcome, law: StateLawResult | None) -> str:
    if outcome.surplus > ZERO:
        return _(
            "The sale of {collateral} brought {surplus} more than the debt and costs; that "
            "surplus goes to any later lienholder who claims it, then to you."
        ).format(collateral=case.collateral, surplus=format_usd(outcome.surplus))
    if outcome.deficiency == ZERO:
        return _("The sale of {collateral} covered the debt and the lender's costs.").format(
            collateral=case.collateral
        )
    if outcome.collectible == ZERO and law is not None:
        return _(
            "{state} law bars the lender from collecting the {deficiency} the sale left unpaid."
        ).format(state=law.state_name, deficiency=format_usd(outcome.deficiency))
    return _(
        "The lender waives the {collectible} the sale left unpaid. "
        "Forgiven debt may count as taxable income."
    ).format(collectible=format_usd(outcome.collectible))


def _depends(case: Case, outcome: Outcome, law: StateLawResult) -> Headline:
    """An answer that unanswered state questions could still change: give both ends."""
    bars = any(item.rule.effect is Effect.BAR for item in law.may_apply)
    lowest = resolve(outcome.statement, outcome.terms, ZERO).borrower_owes if bars else None
    questions = _open_questions(case, law)
    owes = format_usd(outcome.borrower_owes)
    count = len(questions)
    if lowest is not None:
        title = ngettext(
            "{lowest} or {owes}: it depends on one question below",
            "{lowest} or {owes}: it depends on {count} questions below",
            count,
        ).format(lowest=format_usd(lowest), owes=owes, count=count)
    else:
        title = ngettext(
            "Up to {owes}: it depends on one question below",
            "Up to {owes}: it depends on {count} questions below",
            count,
        ).format(owes=owes, count=count)
    reason = _(
        "{state} law may bar or cut what the lender can collect, depending on "
        "answers not given yet. Unanswered questions never lower the figure."
    ).format(state=law.state_name)
    return Headline(
        AnswerKind.DEPENDS,
        outcome.borrower_owes,
        lowest,
        title,
        reason,
        questions,
        rule_cited(law),
    )


def _open_questions(case: Case, law: StateLawResult) -> tuple[str, ...]:
    """The unanswered facts of the rules that may still apply: the questions that matter."""
    answered = {
        name
        for name, value in case.facts.items()
        if str(value).strip().lower() not in ("", "unknown")
    }
    needed: dict[str, None] = {}
    for item in law.may_apply:
        needed.update(dict.fromkeys(rule_facts(case.state, item.rule)))
    return tuple(name for name in needed if name not in answered)

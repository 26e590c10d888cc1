"""The letter checker's form, turned into the package's inputs and back into per-field messages.

Pure: the page passes what the user typed (text, table rows, dates, choices); every
number and every flag comes from :mod:`deficiency.letter_check`, :mod:`deficiency.statement`
and :mod:`deficiency.state_law`. A problem is returned under the form field it belongs to,
so the page can show it right beside that field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from deficiency import (
    Flag,
    InvalidInputError,
    InvalidScenarioError,
    LenderLetter,
    LetterFacts,
    LoanFacts,
    LoanKind,
    MortgageLetter,
    NoticeStatus,
    Severity,
    StateLawResult,
    Statement,
    apply_state_law,
    check_letter,
    check_mortgage_letter,
    explain_items,
    format_usd,
    minimum_statutory_damages,
    owing_at_default,
)
from ui.kit.i18n import N_, _

#: Form fields of the six lines, in letter order, with their labels.
LINE_FIELDS: tuple[tuple[str, str], ...] = (
    ("balance_owed", N_("1. Balance owed")),
    ("sale_proceeds", N_("2. Sale proceeds")),
    ("balance_after_proceeds", N_("3. Balance after the sale proceeds")),
    ("expenses", N_("4. Expenses")),
    ("credits", N_("5. Credits")),
    ("line_6", N_("6. Deficiency or surplus")),
)
#: Optional facts typed as amounts; blank means not known.
FACT_AMOUNTS: tuple[tuple[str, str], ...] = (
    ("believed_value", N_("What you believe the car was worth")),
    ("finance_charge", N_("Finance charge (from the contract)")),
    ("principal_amount", N_("Amount financed (principal)")),
    ("time_price_differential", N_("Time-price differential")),
    ("cash_price", N_("Cash price")),
)
NOTICES: tuple[tuple[str, str], ...] = (
    (NoticeStatus.UNKNOWN.value, N_("Not sure")),
    (NoticeStatus.RECEIVED.value, N_("Received")),
    (NoticeStatus.MISSING.value, N_("Never received")),
    (NoticeStatus.LATE.value, N_("Came late")),
)
#: The usual expense and credit types, offered as examples in the tables.
EXPENSE_EXAMPLES = (
    N_("Repossession fee"),
    N_("Storage"),
    N_("Towing or transport"),
    N_("Auction fee"),
    N_("Reconditioning"),
    N_("Attorney fees"),
)
CREDIT_EXAMPLES = (
    N_("GAP refund"),
    N_("Service contract refund"),
    N_("Credit insurance refund"),
    N_("Unearned interest rebate"),
)
#: The worked example letter (docs/law.md, the car): it adds up.
EXAMPLE = {
    "balance_owed": "10,000.00",
    "sale_proceeds": "8,500.00",
    "balance_after_proceeds": "1,500.00",
    "line_6": "2,000.00",
}
EXAMPLE_EXPENSES: tuple[tuple[str, float], ...] = ((N_("Repossession fee"), 500.0),)


@dataclass(frozen=True)
class LetterForm:
    """What the user typed: the six lines as text, the item tables as (type, amount) rows."""

    balance_owed: str
    sale_proceeds: str
    balance_after_proceeds: str
    expenses: tuple[tuple[object, object], ...]
    credits: tuple[tuple[object, object], ...]
    line_6: str
    line_6_is_surplus: bool = False


#: The dates a letter can carry: anything outside is a typo, said beside its box.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2099, 12, 31)
#: The date fields, typed as text: a date picker refuses a date outside its range in the
#: browser, and the check would go on with the previous date without a word.
DATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("repossession_date", N_("Repossession date")),
    ("sale_date", N_("Sale date")),
)
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def typed_date(text: str, field: str) -> date | None:
    """A date typed the US way (MM/DD/YYYY; ISO 2025-03-15 too); blank is not known.

    Raises ``InvalidInputError`` naming ``field`` for text that is not a date or a date
    outside 1970 to 2099, so the check never goes on with an earlier date.

    >>> typed_date(" 3/15/2025 ", "Sale date")
    datetime.date(2025, 3, 15)
    >>> typed_date("03/15/1902", "Sale date")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Sale date: 03/15/1902 is outside 01/01/1970 to \
12/31/2099; check the year
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    shown = cleaned if len(cleaned) <= 20 else cleaned[:20] + "..."
    try:
        match = _US_DATE.fullmatch(cleaned)
        if match is not None:
            month, day, year = (int(part) for part in match.groups())
            chosen = date(year, month, day)
        elif cleaned.isascii():
            chosen = date.fromisoformat(cleaned)
        else:
            raise ValueError(cleaned)
    except ValueError:
        raise InvalidInputError(
            field, _("{date} is not a date; write it as MM/DD/YYYY").format(date=shown)
        ) from None
    if not EARLIEST_DATE <= chosen <= LATEST_DATE:
        raise InvalidInputError(
            field,
            _("{date} is outside {earliest} to {latest}; check the year").format(
                date=shown, earliest=f"{EARLIEST_DATE:%m/%d/%Y}", latest=f"{LATEST_DATE:%m/%d/%Y}"
            ),
        )
    return chosen


@dataclass(frozen=True)
class FactsForm:
    """What the user knows besides the letter; blank text and ``None`` mean not known."""

    believed_value: str = ""
    repossession_date: str = ""
    sale_date: str = ""
    state: str | None = None
    notice: str = NoticeStatus.UNKNOWN.value
    finance_charge: str = ""
    principal_amount: str = ""
    time_price_differential: str = ""
    cash_price: str = ""


@dataclass(frozen=True)
class LetterCheck:
    """The result: flags and the recomputed statement, or the problems by form field."""

    problems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    statement: Statement | None = None
    stated_line_6: Decimal | None = None
    stated_is_surplus: bool = False
    letter: LenderLetter | None = None
    damages: Decimal | None = None
    notice_flagged: bool = False
    law: StateLawResult | None = None

    @property
    def questions(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.severity is Severity.QUESTION)

    @property
    def notes(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.severity is Severity.INFO)


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def item_mapping(rows: Iterable[tuple[object, object]]) -> dict[str, object]:
    """Table rows as type -> amount for the package; empty rows dropped, repeats kept apart.

    A type typed twice stays two lines (the second gets " (2)"), so a repeated charge
    is checked as a possible duplicate rather than silently merged. A blank amount is
    passed as empty text so the package names it; a blank type is passed as is and the
    package rejects it.

    Examples
    --------
    >>> item_mapping([("Storage", 300.0), (None, None), ("Storage", 300.0)])
    {'Storage': 300.0, 'Storage (2)': 300.0}
    """
    items: dict[str, object] = {}
    for label, amount in rows:
        if _blank(label) and _blank(amount):
            continue
        text = "" if _blank(label) else str(label).strip()
        name, count = text, 1
        while name in items:
            count += 1
            name = f"{text} ({count})"
        items[name] = "" if _blank(amount) else amount
    return items


def _slot(problem: InvalidInputError) -> str:
    """The form field a package problem belongs to."""
    name = problem.field
    if name.startswith("expenses"):
        return "expenses"
    if name.startswith("credits"):
        return "credits"
    if name in ("deficiency", "surplus"):
        return "line_6"
    return name


def _message(problem: InvalidInputError) -> str:
    name = problem.field
    for prefix in ("expenses ", "credits "):
        if name.startswith(prefix):
            return f"{name[len(prefix) :]}: {problem.problem}"
    return problem.problem


def _collect(problems: Iterable[InvalidInputError]) -> dict[str, tuple[str, ...]]:
    by_slot: dict[str, list[str]] = {}
    for problem in problems:
        by_slot.setdefault(_slot(problem), []).append(_message(problem))
    return {slot: tuple(messages) for slot, messages in by_slot.items()}


def _letter(form: LetterForm) -> LenderLetter:
    zero = "0"
    return LenderLetter(
        balance_owed=form.balance_owed,  # type: ignore[arg-type]  # text is validated there
        sale_proceeds=form.sale_proceeds,  # type: ignore[arg-type]
        balance_after_proceeds=form.balance_after_proceeds,  # type: ignore[arg-type]
        expenses=item_mapping(form.expenses),  # type: ignore[arg-type]
        credits=item_mapping(form.credits),  # type: ignore[arg-type]
        deficiency=(zero if form.line_6_is_surplus else form.line_6),  # type: ignore[arg-type]
        surplus=(form.line_6 if form.line_6_is_surplus else zero),  # type: ignore[arg-type]
    )


def _facts(form: FactsForm) -> LetterFacts:
    amounts: dict[str, Any] = {
        name: (None if not getattr(form, name).strip() else getattr(form, name))
        for name, _label in FACT_AMOUNTS
    }
    dates: dict[str, date | None] = {}
    problems: list[InvalidInputError] = []
    for name, label in DATE_FIELDS:
        try:
            dates[name] = typed_date(getattr(form, name), label)
        except InvalidInputError as problem:
            problems.append(InvalidInputError(name, problem.problem))
    if problems:
        raise InvalidScenarioError(problems)
    return LetterFacts(
        repossession_date=dates["repossession_date"],
        sale_date=dates["sale_date"],
        state=form.state,
        notice=NoticeStatus(form.notice),
        **amounts,
    )


def _state_law(letter: LenderLetter, facts: LetterFacts) -> StateLawResult | None:
    """The state's rules applied to the letter's deficiency, with the facts the user gave."""
    if not facts.state or letter.deficiency == 0:
        return None
    loan = LoanFacts(
        sale_price=letter.sale_proceeds,
        fair_market_value=facts.believed_value,  # type: ignore[arg-type]  # validated above
        amount_owing_at_default=owing_at_default(
            facts.state, LoanKind.AUTO, None, letter.balance_owed
        ),
        cash_price=facts.cash_price,  # type: ignore[arg-type]
        amount_financed=facts.principal_amount,  # type: ignore[arg-type]
    )
    return apply_state_law(facts.state, LoanKind.AUTO, "repossession", letter.deficiency, loan)


def check_form(form: LetterForm, facts_form: FactsForm) -> LetterCheck:
    """Validate the form through the package and check the letter, or name every problem."""
    problems: list[InvalidInputError] = []
    letter = facts = None
    try:
        letter = _letter(form)
    except InvalidScenarioError as error:
        problems.extend(error.problems)
    try:
        facts = _facts(facts_form)
    except InvalidScenarioError as error:
        problems.extend(error.problems)
    if problems or letter is None or facts is None:
        return LetterCheck(problems=_collect(problems))
    law = _state_law(letter, facts)
    flags = check_letter(
        letter,
        facts,
        state_note=law.explanation if law else None,
        state_sources=tuple(dict.fromkeys(item.rule.source for item in law.findings))
        if law
        else (),
    )
    statement = explain_items(
        {_("Balance owed"): letter.balance_owed},
        letter.sale_proceeds,
        dict(letter.expenses),
        dict(letter.credits),
        proceeds_label=_("Sale proceeds"),
    )
    notice_flagged = facts.notice in (NoticeStatus.MISSING, NoticeStatus.LATE)
    damages = None
    if notice_flagged:
        damages = minimum_statutory_damages(
            finance_charge=facts.finance_charge,
            principal_amount=facts.principal_amount,
            time_price_differential=facts.time_price_differential,
            cash_price=facts.cash_price,
        )
    return LetterCheck(
        flags=flags,
        statement=statement,
        stated_line_6=letter.surplus if form.line_6_is_surplus else letter.deficiency,
        stated_is_surplus=form.line_6_is_surplus,
        letter=letter,
        damages=damages,
        notice_flagged=notice_flagged,
        law=law,
    )


def _usd(amount: Decimal) -> str:
    return format_usd(amount)


def _line_6(surplus: bool, amount: Decimal) -> str:
    if surplus:
        return _("Surplus {amount}").format(amount=_usd(amount))
    return _("Deficiency {amount}").format(amount=_usd(amount))


def _arithmetic(check: LetterCheck) -> list[tuple[str, str, str]]:
    """(line, as the letter states it, as its own figures add up) for each of the six lines."""
    letter, statement = check.letter, check.statement
    if letter is None or statement is None:
        return []
    if statement.surplus > 0:
        computed_6 = _line_6(True, statement.surplus)
    else:
        computed_6 = _line_6(False, statement.deficiency)
    stated_6 = _line_6(
        check.stated_is_surplus,
        check.stated_line_6 if check.stated_line_6 is not None else Decimal(0),
    )
    return [
        (_("1. Balance owed"), _usd(letter.balance_owed), _usd(statement.owed)),
        (_("2. Sale proceeds"), _usd(letter.sale_proceeds), _usd(statement.proceeds)),
        (
            _("3. Balance after proceeds (1 - 2)"),
            _usd(letter.balance_after_proceeds),
            _usd(statement.owed_after_proceeds),
        ),
        (_("4. Expenses (sum of items)"), _usd(statement.expenses), _usd(statement.expenses)),
        (_("5. Credits (sum of items)"), _usd(statement.credits), _usd(statement.credits)),
        (_("6. Result (3 + 4 - 5)"), stated_6, computed_6),
    ]


def differing_lines(check: LetterCheck) -> list[str]:
    """The lines whose stated figure is not what the letter's own figures give."""
    return [line for line, stated, computed in _arithmetic(check) if stated != computed]


def arithmetic_rows(check: LetterCheck) -> list[dict[str, str]]:
    """The six lines as the letter states them beside what its own figures add up to.

    Lines 4 and 5 are the sums of the items typed, so they always agree; lines 3 and 6
    are where a letter's arithmetic can go wrong.
    """
    line_key, stated_key, computed_key = arithmetic_columns()
    return [
        {
            line_key: line,
            stated_key: stated,
            computed_key: (
                _("{amount} (matches)") if stated == computed else _("{amount} (differs)")
            ).format(amount=computed),
        }
        for line, stated, computed in _arithmetic(check)
    ]


def arithmetic_columns() -> tuple[str, str, str]:
    """The headers of :func:`arithmetic_rows`: the line, the letter's figure, the recomputed one."""
    return _("Line"), _("The letter says"), _("Its own figures give")


# --- A mortgage servicer's letter ----------------------------------------------------

#: Which letter the borrower has: the page shows that letter's lines.
LETTER_KINDS: tuple[tuple[str, str], ...] = (
    ("car", N_("A car lender's explanation (UCC 9-616)")),
    ("mortgage", N_("A mortgage servicer's payoff or deficiency letter")),
)
#: Form fields of a mortgage letter, in the order the servicer adds them, with their labels.
MORTGAGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("unpaid_principal", N_("Unpaid principal")),
    ("interest", N_("Interest")),
    ("escrow_advances", N_("Escrow advances (taxes and insurance paid for you)")),
    ("mortgage_fees", N_("Fees")),
    ("sale_price", N_("Sale price")),
    ("mortgage_costs", N_("Costs of sale")),
    ("mortgage_credits", N_("Credits")),
    ("deficiency_claimed", N_("Deficiency claimed")),
)
FEE_EXAMPLES = (N_("Property inspections"), N_("Attorney fees"), N_("Late fees"))
COST_EXAMPLES = (N_("Real estate commission"), N_("Seller closing costs"), N_("Transfer tax"))
MORTGAGE_CREDIT_EXAMPLES = (N_("Relocation assistance"), N_("Escrow balance refund"))
#: The issue's California short sale as its servicer would state it: it adds up.
MORTGAGE_EXAMPLE = {
    "unpaid_principal": "312,000.00",
    "interest": "0.00",
    "escrow_advances": "0.00",
    "sale_price": "275,000.00",
    "deficiency_claimed": "56,500.00",
}
MORTGAGE_EXAMPLE_COSTS: tuple[tuple[str, float], ...] = (
    (N_("Real estate commission"), 16500.0),
    (N_("Seller closing costs"), 3000.0),
)
#: The package's field of each item table, by the form's slot.
_MORTGAGE_TABLES = {
    "fees": "mortgage_fees",
    "costs_of_sale": "mortgage_costs",
    "credits": "mortgage_credits",
}


@dataclass(frozen=True)
class MortgageForm:
    """What the user typed from a servicer's letter: amounts as text, items as rows."""

    unpaid_principal: str
    interest: str
    escrow_advances: str
    fees: tuple[tuple[object, object], ...]
    sale_price: str
    costs_of_sale: tuple[tuple[object, object], ...]
    credits: tuple[tuple[object, object], ...]
    deficiency_claimed: str


@dataclass(frozen=True)
class MortgageCheck:
    """The result: the letter read and its flags, or the problems by form field."""

    problems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    letter: MortgageLetter | None = None

    @property
    def questions(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.severity is Severity.QUESTION)

    @property
    def notes(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.severity is Severity.INFO)


def _mortgage_slot(problem: InvalidInputError) -> tuple[str, str]:
    """The form field of a package problem, and its message there."""
    for name, slot in _MORTGAGE_TABLES.items():
        if problem.field.startswith(name):
            item = problem.field[len(name) :].strip()
            return slot, f"{item}: {problem.problem}" if item else problem.problem
    return problem.field, problem.problem


def check_mortgage_form(form: MortgageForm, law: StateLawResult | None) -> MortgageCheck:
    """Read the servicer's letter through the package and check it under the case's state law."""
    try:
        letter = MortgageLetter(
            unpaid_principal=form.unpaid_principal,  # type: ignore[arg-type]  # checked there
            interest=form.interest,  # type: ignore[arg-type]
            escrow_advances=form.escrow_advances,  # type: ignore[arg-type]
            fees=item_mapping(form.fees),  # type: ignore[arg-type]
            sale_price=form.sale_price,  # type: ignore[arg-type]
            costs_of_sale=item_mapping(form.costs_of_sale),  # type: ignore[arg-type]
            credits=item_mapping(form.credits),  # type: ignore[arg-type]
            deficiency_claimed=form.deficiency_claimed,  # type: ignore[arg-type]
        )
    except InvalidScenarioError as error:
        by_slot: dict[str, list[str]] = {}
        for problem in error.problems:
            slot, message = _mortgage_slot(problem)
            by_slot.setdefault(slot, []).append(message)
        return MortgageCheck(problems={slot: tuple(found) for slot, found in by_slot.items()})
    return MortgageCheck(flags=check_mortgage_letter(letter, state_law=law), letter=letter)


def mortgage_rows(letter: MortgageLetter) -> list[dict[str, str]]:
    """The letter's lines added up, two columns wide so they fit a phone; in words, as a
    table cell reads a leading "+" or "-" as a Markdown list."""
    fees = sum(letter.fees.values(), Decimal(0))
    costs = letter.sale_price - letter.net_proceeds
    credits = sum(letter.credits.values(), Decimal(0))
    computed = letter.deficiency
    result = (
        _usd(computed)
        if computed >= 0
        else _("Surplus of {amount} owed to you").format(amount=_usd(-computed))
    )
    line, amount = _("Line"), _("Amount")
    return [
        {line: _("Unpaid principal"), amount: _usd(letter.unpaid_principal)},
        {line: _("Plus interest"), amount: _usd(letter.interest)},
        {line: _("Plus escrow advances"), amount: _usd(letter.escrow_advances)},
        {line: _("Plus fees"), amount: _usd(fees)},
        {line: _("Owed before the sale"), amount: _usd(letter.owed)},
        {line: _("Less the sale price"), amount: _usd(letter.sale_price)},
        {line: _("Plus the costs of sale"), amount: _usd(costs)},
        {line: _("Less credits"), amount: _usd(credits)},
        {line: _("Deficiency from these lines"), amount: result},
        {line: _("The letter claims"), amount: _usd(letter.deficiency_claimed)},
    ]

"""Check a lender's deficiency letter: its arithmetic, its expenses and credits, and its dates.

Two kinds of letter: a car lender's UCC 9-616(c) explanation (:func:`check_letter`) and a
mortgage servicer's payoff or deficiency letter (:func:`check_mortgage_letter`).

The input is the six items of a UCC 9-616(c) explanation as the lender stated them, plus
facts the borrower knows (a value for the car, dates, whether the notice of sale came).
The output is a list of :class:`Flag`: each says why it was raised, its source and what
to ask the lender. The checks inform and prompt questions; none of them concludes that a
lender broke the law, and a flag is not legal advice.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import _, pick
from deficiency.money import MAX_AMOUNT, ZERO, Amount, format_usd, round_cents, to_decimal, to_money
from deficiency.parsing import a_date, choice, instance, optional_flag, text
from deficiency.serialize import InvalidScenarioError
from deficiency.sources import Source, data_table, sources_of
from deficiency.state_law import StateLawResult

#: No published figure says how far below value an auction price is "too low"
#: (no published figure was found); half the value is a starting point the user can change.
DEFAULT_LOW_PRICE_FRACTION = Decimal("0.5")
#: UCC 9-620(e)-(f): 90 days to dispose of consumer goods where 60% was paid.
DEFAULT_LONG_SALE_DAYS = 90
#: UCC 9-616(c)(1): the obligation's date may be at most 35 days before possession.
BALANCE_DATE_DAYS = 35
MAX_ITEMS = 50
MAX_LABEL_CHARS = 100
_DATE_FACTS = ("repossession_date", "sale_date", "balance_date")


class Severity(enum.Enum):
    """How a flag reads: a note (``info``) or something to ask the lender (``question``)."""

    INFO = "info"
    QUESTION = "question"


class NoticeStatus(enum.Enum):
    """What the borrower knows about the notice of sale (UCC 9-611 to 9-614)."""

    UNKNOWN = "unknown"
    RECEIVED = "received"
    MISSING = "missing"
    LATE = "late"


@dataclass(frozen=True)
class Flag:
    """One finding: why it matters, where its rule or figure was read, what to ask, and a
    figure where there is one."""

    check: str
    severity: Severity
    title: str
    why: str
    sources: tuple[Source, ...]
    ask: str
    figure: Decimal | None = None


def _signed_money(value: Amount, name: str) -> Decimal:
    number = to_decimal(value, name)
    if not -MAX_AMOUNT <= number <= MAX_AMOUNT:  # abs() of 1e999999999 overflows the context
        raise InvalidInputError(name, "is above $1 trillion; check the amount")
    return round_cents(number)


def _items(raw: Mapping[str, Amount], name: str, problems: list[InvalidInputError]) -> Any:
    items: dict[str, Decimal] = {}
    if not isinstance(raw, Mapping):
        problems.append(InvalidInputError(name, "must be a mapping of type -> amount"))
        return MappingProxyType(items)
    if len(raw) > MAX_ITEMS:
        problems.append(InvalidInputError(name, f"lists more than {MAX_ITEMS} items"))
        return MappingProxyType(items)
    for label, amount in raw.items():
        text = label.strip() if isinstance(label, str) else ""
        if not text or len(text) > MAX_LABEL_CHARS or not text.isprintable():
            problems.append(InvalidInputError(name, f"item label {label!r:.40} is not usable"))
            continue
        try:
            items[text] = to_money(amount, f"{name} '{text}'")
        except InvalidInputError as problem:
            problems.append(problem)
    return MappingProxyType(items)


@dataclass(frozen=True)
class LenderLetter:
    """The six items of a UCC 9-616(c) explanation as the lender stated them.

    ``balance_after_proceeds`` (line 3) may be negative when the sale covered the debt;
    line 6 is ``deficiency`` or, if the letter shows one, ``surplus``. The optional totals
    are the letter's own line 4 and line 5 figures when it prints them.
    """

    balance_owed: Decimal
    sale_proceeds: Decimal
    balance_after_proceeds: Decimal
    expenses: Mapping[str, Decimal]
    credits: Mapping[str, Decimal]
    deficiency: Decimal
    surplus: Decimal = ZERO
    expenses_total: Decimal | None = None
    credits_total: Decimal | None = None

    def __post_init__(self) -> None:
        problems: list[InvalidInputError] = []

        def money(name: str, signed: bool = False, optional: bool = False) -> None:
            raw = getattr(self, name)
            if optional and raw is None:
                return
            try:
                value = _signed_money(raw, name) if signed else to_money(raw, name)
            except InvalidInputError as problem:
                problems.append(problem)
                return
            object.__setattr__(self, name, value)

        for name in ("balance_owed", "sale_proceeds", "deficiency", "surplus"):
            money(name)
        money("balance_after_proceeds", signed=True)
        money("expenses_total", optional=True)
        money("credits_total", optional=True)
        object.__setattr__(self, "expenses", _items(self.expenses, "expenses", problems))
        object.__setattr__(self, "credits", _items(self.credits, "credits", problems))
        if problems:
            raise InvalidScenarioError(problems)

    @property
    def expenses_sum(self) -> Decimal:
        """Line 4 from the items, or the stated total when no items are given."""
        if self.expenses:
            return sum(self.expenses.values(), ZERO)
        return self.expenses_total if self.expenses_total is not None else ZERO

    @property
    def credits_sum(self) -> Decimal:
        """Line 5 from the items, or the stated total when no items are given."""
        if self.credits:
            return sum(self.credits.values(), ZERO)
        return self.credits_total if self.credits_total is not None else ZERO


@dataclass(frozen=True)
class LetterFacts:
    """What the borrower knows besides the letter; every field is optional.

    ``add_ons`` lists the add-ons the borrower had (``gap``, ``service_contract``,
    ``credit_insurance``); ``None`` means not known. ``precomputed`` says whether the
    contract is precomputed (``None``: not known). For the minimum statutory damages give
    ``finance_charge`` and ``principal_amount``, or ``time_price_differential`` and
    ``cash_price`` (UCC 9-625(c)(2)).
    """

    believed_value: Amount | None = None
    low_price_fraction: Amount = DEFAULT_LOW_PRICE_FRACTION
    repossession_date: date | None = None
    sale_date: date | None = None
    balance_date: date | None = None
    state: str | None = None
    notice: NoticeStatus = NoticeStatus.UNKNOWN
    finance_charge: Amount | None = None
    principal_amount: Amount | None = None
    time_price_differential: Amount | None = None
    cash_price: Amount | None = None
    precomputed: bool | None = None
    add_ons: frozenset[str] | None = None
    late_fees_after_repossession: Amount | None = None
    long_sale_days: int = DEFAULT_LONG_SALE_DAYS

    def __post_init__(self) -> None:
        problems: list[InvalidInputError] = []
        for name in (
            "believed_value",
            "finance_charge",
            "principal_amount",
            "time_price_differential",
            "cash_price",
            "late_fees_after_repossession",
        ):
            raw = getattr(self, name)
            if raw is None:
                continue
            try:
                object.__setattr__(self, name, to_money(raw, name))
            except InvalidInputError as problem:
                problems.append(problem)
        try:
            fraction = to_decimal(self.low_price_fraction, "low_price_fraction")
            if not ZERO < fraction <= 1:
                raise InvalidInputError("low_price_fraction", "must be above 0 and at most 1")
            object.__setattr__(self, "low_price_fraction", fraction)
        except InvalidInputError as problem:
            problems.append(problem)
        checks: list[tuple[str, Callable[[Any], Any]]] = [
            *((name, lambda value, name=name: a_date(value, name)) for name in _DATE_FACTS),
            ("notice", lambda value: choice(NoticeStatus, value, "notice")),
            ("precomputed", lambda value: optional_flag(value, "precomputed")),
            ("state", lambda value: None if value is None else text(value, "state", 20)),
        ]
        for name, check in checks:
            value = getattr(self, name)
            if value is None and name != "notice":
                continue
            try:
                object.__setattr__(self, name, check(value))
            except InvalidInputError as problem:
                problems.append(problem)
        known = {credit["id"] for credit in _reference()["credit"]} - {"unearned_interest"}
        if self.add_ons is not None:
            given = self.add_ons if isinstance(self.add_ons, Set) else None
            if given is None or not all(isinstance(item, str) for item in given):
                problems.append(InvalidInputError("add_ons", "expected a set of add-on names"))
            elif not given <= known:
                unknown = ", ".join(sorted(shown(item) for item in given - known))
                problems.append(InvalidInputError("add_ons", f"unknown add-ons: {unknown}"))
        if isinstance(self.long_sale_days, bool) or not isinstance(self.long_sale_days, int):
            problems.append(InvalidInputError("long_sale_days", "must be a whole number"))
        elif not 1 <= self.long_sale_days <= 3650:
            problems.append(InvalidInputError("long_sale_days", "must be between 1 and 3650"))
        if problems:
            raise InvalidScenarioError(problems)


def _reference() -> dict[str, Any]:
    return data_table("typical_costs.toml")


def _text(raw: Mapping[str, Any], key: str) -> str:
    """A reference row's field in the reader's language: ``key``, or its ``<key>_es`` twin."""
    return pick(str(raw.get(key, "")), str(raw.get(f"{key}_es", "")))


def _source(check: str) -> tuple[Source, ...]:
    return sources_of(_reference()["check"][check])


def minimum_statutory_damages(
    *,
    finance_charge: Amount | None = None,
    principal_amount: Amount | None = None,
    time_price_differential: Amount | None = None,
    cash_price: Amount | None = None,
) -> Decimal | None:
    """The minimum statutory damages of UCC 9-625(c)(2) for consumer goods, if computable.

    An educational estimate for an attorney to check, not a figure a court has awarded.

    Notes
    -----
    ``finance charge + 10% x principal amount of the obligation``, or, for a credit sale
    stated that way, ``time-price differential + 10% x cash price``; rounded half-up to
    cents. Recoverable once per obligation and not for a 9-616 explanation failure
    (9-628(d)-(e)).

    References
    ----------
    UCC 9-625(c)(2).

    Examples
    --------
    $15,000 amount financed with a $4,000 finance charge (an illustration):

    >>> minimum_statutory_damages(finance_charge=4000, principal_amount=15000)
    Decimal('5500.00')
    >>> minimum_statutory_damages(finance_charge=4000) is None
    True
    """
    if finance_charge is not None and principal_amount is not None:
        charge = to_money(finance_charge, "finance_charge")
        base = to_money(principal_amount, "principal_amount")
    elif time_price_differential is not None and cash_price is not None:
        charge = to_money(time_price_differential, "time_price_differential")
        base = to_money(cash_price, "cash_price")
    else:
        return None
    return round_cents(charge + base / 10)


def _expense_type(label: str) -> dict[str, Any] | None:
    padded = f" {label.lower()} "
    for expense in _reference()["expense"]:
        if any(keyword in padded for keyword in expense["keywords"]):
            return dict(expense)
    return None


def _has_credit(letter: LenderLetter, keywords: list[str]) -> bool:
    return any(
        any(keyword in f" {label.lower()} " for keyword in keywords) for label in letter.credits
    )


def _arithmetic(letter: LenderLetter) -> list[Flag]:
    source = _source("arithmetic")
    flags: list[Flag] = []
    line3 = letter.balance_owed - letter.sale_proceeds
    if letter.balance_after_proceeds != line3:
        flags.append(
            Flag(
                "line_3",
                Severity.QUESTION,
                _("Line 3 does not equal line 1 minus line 2"),
                _("{owed} - {proceeds} = {line3}, but the letter shows {shown}.").format(
                    owed=format_usd(letter.balance_owed),
                    proceeds=format_usd(letter.sale_proceeds),
                    line3=format_usd(line3),
                    shown=format_usd(letter.balance_after_proceeds),
                ),
                source,
                _("Please explain how line 3 was calculated, or send a corrected explanation."),
                line3,
            )
        )
    for total, items, line in (
        (letter.expenses_total, letter.expenses, "line_4"),
        (letter.credits_total, letter.credits, "line_5"),
    ):
        if total is not None and items:
            item_sum = sum(items.values(), ZERO)
            if item_sum != total:
                if line == "line_4":
                    title = _("The expenses do not add up to the letter's total")
                    why = _(
                        "The listed expenses add up to {items}, but the letter's total is {total}."
                    )
                    ask = _("Please list every item of the expenses total.")
                else:
                    title = _("The credits do not add up to the letter's total")
                    why = _(
                        "The listed credits add up to {items}, but the letter's total is {total}."
                    )
                    ask = _("Please list every item of the credits total.")
                flags.append(
                    Flag(
                        line,
                        Severity.QUESTION,
                        title,
                        why.format(items=format_usd(item_sum), total=format_usd(total)),
                        source,
                        ask,
                        item_sum,
                    )
                )
    result = line3 + letter.expenses_sum - letter.credits_sum
    stated = letter.deficiency - letter.surplus
    if stated != result:
        label = (
            _("a deficiency of {amount}").format(amount=format_usd(result))
            if result >= 0
            else _("a surplus of {amount} owed to you").format(amount=format_usd(-result))
        )
        shows = (
            _("a surplus of {amount}").format(amount=format_usd(letter.surplus))
            if letter.surplus
            else _("a deficiency of {amount}").format(amount=format_usd(letter.deficiency))
        )
        flags.append(
            Flag(
                "line_6",
                Severity.QUESTION,
                _("Line 6 does not equal line 3 plus line 4 minus line 5"),
                # Translators: {result} and {shown} read "a deficiency of $2,000.00" or
                # "a surplus of $150.00 (owed to you)".
                _(
                    "({owed} - {proceeds}) + {expenses} - {credits} gives {result}; the letter "
                    "shows {shown}."
                ).format(
                    owed=format_usd(letter.balance_owed),
                    proceeds=format_usd(letter.sale_proceeds),
                    expenses=format_usd(letter.expenses_sum),
                    credits=format_usd(letter.credits_sum),
                    result=label,
                    shown=shows,
                ),
                source,
                _("Please explain the difference, or send a corrected explanation."),
                result,
            )
        )
    if not flags:
        flags.append(
            Flag(
                "arithmetic_ok",
                Severity.INFO,
                _("The letter's arithmetic adds up"),
                _(
                    "Each line follows from the ones before it to the cent. That checks the sums "
                    "only, not whether each amount is right."
                ),
                source,
                _("Ask for the invoices behind each expense if any amount looks high."),
            )
        )
    return flags


def _storage_days(facts: LetterFacts) -> int | None:
    if facts.repossession_date and facts.sale_date and facts.sale_date > facts.repossession_date:
        return (facts.sale_date - facts.repossession_date).days
    return None


def _expense_checks(letter: LenderLetter, facts: LetterFacts) -> list[Flag]:
    flags: list[Flag] = []
    for label, amount in letter.expenses.items():
        if "late" in label.lower():
            continue
        kind = _expense_type(label)
        if kind is None:
            flags.append(
                Flag(
                    "expense_other",
                    Severity.QUESTION,
                    _("What is '{label}'?").format(label=label),
                    _(
                        "'{label}' ({amount}) is not one of the usual expense types; "
                        "only reasonable expenses of retaking, holding, preparing, processing and "
                        "selling the car (and attorney fees the contract allows) can be charged."
                    ).format(label=label, amount=format_usd(amount)),
                    _source("expense_other"),
                    _("What is '{label}' for, and can you send the invoice?").format(label=label),
                )
            )
            continue
        limit = kind.get("question_above")
        sources = sources_of(kind)
        low = " " + _("(a low-confidence illustration)") if sources[0].uncertain else ""
        why, ask = _text(kind, "why"), _text(kind, "ask")
        if limit is None:
            flags.append(
                Flag(
                    f"expense_{kind['id']}",
                    Severity.INFO,
                    _("{label}: ask for the invoice").format(label=label),
                    why,
                    sources,
                    ask,
                )
            )
            continue
        reference = round_cents(Decimal(limit))
        if kind.get("per_day"):
            days = _storage_days(facts)
            if days is None:
                flags.append(
                    Flag(
                        f"expense_{kind['id']}",
                        Severity.INFO,
                        _("{label}: the daily rate cannot be checked without dates").format(
                            label=label
                        ),
                        _(
                            "{why} Enter the repossession and sale dates to compare the daily rate."
                        ).format(why=why),
                        sources,
                        ask,
                    )
                )
                continue
            daily = round_cents(amount / days)
            if daily > reference:
                flags.append(
                    Flag(
                        f"expense_{kind['id']}",
                        Severity.QUESTION,
                        _("{label}: {daily} a day is above {reference} a day").format(
                            label=label, daily=format_usd(daily), reference=format_usd(reference)
                        )
                        + low,
                        _(
                            "{amount} over {days} days between repossession and sale "
                            "is {daily} a day. {why}"
                        ).format(
                            amount=format_usd(amount),
                            days=days,
                            daily=format_usd(daily),
                            why=why,
                        ),
                        sources,
                        ask,
                        daily,
                    )
                )
        elif amount > reference:
            flags.append(
                Flag(
                    f"expense_{kind['id']}",
                    Severity.QUESTION,
                    _("{label}: {amount} is above {reference}").format(
                        label=label, amount=format_usd(amount), reference=format_usd(reference)
                    )
                    + low,
                    why,
                    sources,
                    ask,
                    reference,
                )
            )
    return flags


def _normal(label: str) -> str:
    return " ".join("".join(c for c in label.lower() if c.isalnum() or c == " ").split())


def _duplicates(letter: LenderLetter) -> list[Flag]:
    flags: list[Flag] = []
    items = list(letter.expenses.items())
    for index, (label_a, amount_a) in enumerate(items):
        for label_b, amount_b in items[index + 1 :]:
            similar = difflib.SequenceMatcher(None, _normal(label_a), _normal(label_b)).ratio()
            type_a, type_b = _expense_type(label_a), _expense_type(label_b)
            same_type = type_a is not None and type_b is not None and type_a["id"] == type_b["id"]
            if similar >= 0.8 or (same_type and abs(amount_a - amount_b) <= 1):
                flags.append(
                    Flag(
                        "duplicate",
                        Severity.QUESTION,
                        _("'{first}' and '{second}' may be the same charge").format(
                            first=label_a, second=label_b
                        ),
                        _(
                            "'{first}' ({first_amount}) and '{second}' ({second_amount}) look "
                            "alike. A charge listed twice would raise the deficiency by its amount."
                        ).format(
                            first=label_a,
                            first_amount=format_usd(amount_a),
                            second=label_b,
                            second_amount=format_usd(amount_b),
                        ),
                        _source("duplicate"),
                        _(
                            "Are '{first}' and '{second}' separate charges? Please send the "
                            "invoice for each."
                        ).format(first=label_a, second=label_b),
                        min(amount_a, amount_b),
                    )
                )
    return flags


def _late_fees(letter: LenderLetter, facts: LetterFacts) -> list[Flag]:
    late = {label: amount for label, amount in letter.expenses.items() if "late" in label.lower()}
    total = sum(late.values(), ZERO)
    after = facts.late_fees_after_repossession
    if isinstance(after, Decimal) and after > 0:
        total = max(total, after)
    if total == ZERO:
        return []
    return [
        Flag(
            "late_fees",
            Severity.QUESTION,
            _("Late fees after repossession?"),
            _(
                "The letter includes {total} of late fees after the car was "
                "repossessed. Once a loan is accelerated and the car repossessed, no monthly "
                "payment is due any more; CFPB examiners found servicers charging late fees after "
                "that point. Late fees are also not an expense of retaking or selling the car."
            ).format(total=format_usd(total)),
            _source("late_fees"),
            _(
                "Which missed payments are these late fees for, and were any charged after the "
                "loan was accelerated or the car repossessed?"
            ),
            total,
        )
    ]


def _credit_checks(letter: LenderLetter, facts: LetterFacts) -> list[Flag]:
    flags: list[Flag] = []
    for credit in _reference()["credit"]:
        if _has_credit(letter, credit["keywords"]):
            continue
        if credit["id"] == "unearned_interest":
            if facts.precomputed is False:
                continue
            known = facts.precomputed is True
        else:
            if facts.add_ons is not None and credit["id"] not in facts.add_ons:
                continue
            known = facts.add_ons is not None
        flags.append(
            Flag(
                f"credit_{credit['id']}",
                Severity.QUESTION if known else Severity.INFO,
                (
                    _("No {credit} on the letter")
                    if known
                    else _("No {credit} on the letter (if it applies to you)")
                ).format(credit=_text(credit, "name").lower()),
                _text(credit, "why"),
                sources_of(credit),
                _text(credit, "ask"),
            )
        )
    return flags


def _price_check(letter: LenderLetter, facts: LetterFacts) -> list[Flag]:
    value = facts.believed_value
    if not isinstance(value, Decimal) or value == ZERO:
        return []
    fraction = Decimal(str(facts.low_price_fraction))
    floor = round_cents(value * fraction)
    if letter.sale_proceeds >= floor:
        return []
    share = letter.sale_proceeds / value
    return [
        Flag(
            "low_price",
            Severity.QUESTION,
            _("The sale brought {share} of the value you entered").format(share=f"{share:.0%}"),
            _(
                "The car sold for {proceeds}, below {fraction} of the "
                "{value} value you entered ({floor}). A low price alone "
                "does not make a sale commercially unreasonable (UCC 9-627(a)), but every aspect "
                "of the sale must be (9-610), and a sale to the lender or a related buyer at a "
                "price well below market is recalculated (9-615(f)). Auction prices are often "
                "below retail guide prices."
            ).format(
                proceeds=format_usd(letter.sale_proceeds),
                fraction=f"{fraction:.0%}",
                value=format_usd(value),
                floor=format_usd(floor),
            ),
            _source("low_price"),
            _(
                "How and where was the car sold (auction, dealer, private sale), how was it "
                "advertised, and who bought it? Was the buyer related to the lender?"
            ),
            floor,
        )
    ]


def _date_checks(facts: LetterFacts) -> list[Flag]:
    flags: list[Flag] = []
    taken, sold = facts.repossession_date, facts.sale_date
    if taken and sold and sold < taken:
        flags.append(
            Flag(
                "dates",
                Severity.INFO,
                _("The sale date is before the repossession date"),
                _("Check the dates entered; a car cannot be sold before it is repossessed."),
                _source("long_sale"),
                _("What were the repossession and sale dates?"),
            )
        )
    days = _storage_days(facts)
    if days is not None and days > facts.long_sale_days:
        flags.append(
            Flag(
                "long_sale",
                Severity.QUESTION,
                _("The car was sold {days} days after repossession").format(days=days),
                _(
                    "That is longer than {days} days. The timing of a sale must be "
                    "commercially reasonable (UCC 9-610), and where 60% of the price or loan was "
                    "paid the lender generally has 90 days to sell (9-620(e)-(f)). A long wait "
                    "also adds storage charges."
                ).format(days=facts.long_sale_days),
                _source("long_sale"),
                _(
                    "Why did the sale take this long, and how much storage was charged for the "
                    "wait?"
                ),
                Decimal(days),
            )
        )
    if facts.balance_date and taken and (taken - facts.balance_date).days > BALANCE_DATE_DAYS:
        flags.append(
            Flag(
                "balance_date",
                Severity.QUESTION,
                _("Line 1 is dated more than 35 days before the repossession"),
                _(
                    "UCC 9-616(c)(1) asks for the amount owed as of a date not more than 35 days "
                    "before the lender took the car."
                ),
                _source("balance_date"),
                _("What was the amount owed on a date within 35 days before the repossession?"),
            )
        )
    return flags


def _notice_check(facts: LetterFacts) -> list[Flag]:
    if facts.notice is NoticeStatus.RECEIVED:
        return []
    if facts.notice is NoticeStatus.UNKNOWN:
        return [
            Flag(
                "notice",
                Severity.INFO,
                _("Did you get a notice before the sale?"),
                _(
                    "Before selling, the lender must send a reasonable notice of the sale (UCC "
                    "9-611 to 9-614) saying how and when the car will be sold and how to get it "
                    "back. Whether it came, and when, matters for what can be collected."
                ),
                _source("notice"),
                _("When was the notice of sale sent, to which address, and can you send a copy?"),
            )
        ]
    estimate = minimum_statutory_damages(
        finance_charge=facts.finance_charge,
        principal_amount=facts.principal_amount,
        time_price_differential=facts.time_price_differential,
        cash_price=facts.cash_price,
    )
    missing = facts.notice is NoticeStatus.MISSING
    said = (
        _("You said the notice of sale was not received.")
        if missing
        else _("You said the notice of sale came late.")
    )
    why = " ".join(
        (
            said,
            _(
                "If the lender did not send a reasonable notice, "
                "a court may reduce or bar the deficiency (UCC 9-626; consumer cases follow each "
                "state's courts), and for consumer goods the borrower may recover at least the "
                "minimum statutory damages of UCC 9-625(c)(2): the finance charge plus 10% of the "
                "principal, or the time-price differential plus 10% of the cash price."
            ),
        )
    )
    if estimate is None:
        why += " " + _("Enter the finance charge and amount financed to see that minimum.")
    else:
        why += " " + _(
            "Educational estimate for an attorney to check: {estimate}. "
            "It is recoverable once per loan and depends on facts and state law."
        ).format(estimate=format_usd(estimate))
    return [
        Flag(
            "notice",
            Severity.QUESTION,
            _("Notice of sale not received") if missing else _("Notice of sale late"),
            why,
            _source("notice"),
            _(
                "On what date and to what address was the notice of sale sent? Please send a copy "
                "and proof of mailing."
            ),
            estimate,
        )
    ]


def _sources_given(value: object) -> tuple[Source, ...]:
    """The state rules' sources as given: a sequence of :class:`Source`, nothing else."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise InvalidInputError("State sources", f"expected a list of sources, got {shown(value)}")
    return tuple(instance(item, Source, "State source") for item in value)


def check_letter(
    letter: LenderLetter,
    facts: LetterFacts | None = None,
    *,
    state_note: str | None = None,
    state_sources: Sequence[Source] = (),
) -> tuple[Flag, ...]:
    """Check a deficiency letter and return flags: notes and questions to ask the lender.

    Parameters
    ----------
    letter
        The six UCC 9-616(c) items as the lender stated them.
    facts
        What the borrower knows (value, dates, notice, add-ons, finance charge); optional.
    state_note
        A note on the state's deficiency rule computed elsewhere; passed through as a flag.
    state_sources
        Where the state's rules behind ``state_note`` were read (their rows' sources).

    Notes
    -----
    Arithmetic to the cent: ``line 3 = line 1 - line 2`` and
    ``line 6 = line 3 + line 4 - line 5`` (a negative result is a surplus), with the right
    figure on the flag. Then expenses against the reference figures of
    ``data/typical_costs.toml``, charges that look duplicated, late fees after
    repossession, missing credits, a price far below the value entered, a long wait
    before the sale, the notice of sale and the state note. A flag never concludes that
    the lender broke the law.

    References
    ----------
    UCC 9-610, 9-611 to 9-616, 9-620, 9-625 to 9-627; docs/law.md.

    Examples
    --------
    The car example letter adds up; a wrong line 6 is flagged with the right figure.

    >>> letter = LenderLetter(Decimal(10000), Decimal(8500), Decimal(1500),
    ...                       {"Repossession": Decimal(500)}, {}, Decimal(2000))
    >>> [f.check for f in check_letter(letter) if f.check.startswith(("line", "arith"))]
    ['arithmetic_ok']
    >>> wrong = LenderLetter(Decimal(10000), Decimal(8500), Decimal(1500),
    ...                      {"Repossession": Decimal(500)}, {}, Decimal(2500))
    >>> [(f.check, f.figure) for f in check_letter(wrong) if f.check == "line_6"]
    [('line_6', Decimal('2000.00'))]
    """
    letter = instance(letter, LenderLetter, "Letter")
    if facts is not None:
        facts = instance(facts, LetterFacts, "Facts")
    if state_note is not None:
        state_note = text(state_note, "State note", 5000)
    sources = _sources_given(state_sources)
    facts = LetterFacts() if facts is None else facts
    flags = [
        *_arithmetic(letter),
        *_expense_checks(letter, facts),
        *_duplicates(letter),
        *_late_fees(letter, facts),
        *_credit_checks(letter, facts),
        *_price_check(letter, facts),
        *_date_checks(facts),
        *_notice_check(facts),
    ]
    if state_note:
        flags.append(
            Flag(
                "state_rule",
                Severity.INFO,
                _("State rule ({state})").format(state=facts.state)
                if facts.state
                else _("State rule"),
                state_note,
                sources,
                _("Does this state rule apply to my loan, and how does it change the deficiency?"),
            )
        )
    return tuple(flags)


# --- A mortgage servicer's payoff or deficiency letter --------------------------------


@dataclass(frozen=True)
class MortgageLetter:
    """A mortgage servicer's payoff or deficiency letter, line by line, as it states them.

    What was owed (``unpaid_principal``, ``interest``, ``escrow_advances`` and the
    ``fees`` by type), the ``sale_price`` less the ``costs_of_sale`` by type, the
    ``credits`` by type, and the ``deficiency_claimed``. Article 9 does not govern a
    house; the servicer's letter follows the payoff's own order, which this mirrors.
    """

    unpaid_principal: Decimal
    interest: Decimal
    escrow_advances: Decimal
    fees: Mapping[str, Decimal]
    sale_price: Decimal
    costs_of_sale: Mapping[str, Decimal]
    credits: Mapping[str, Decimal]
    deficiency_claimed: Decimal

    def __post_init__(self) -> None:
        problems: list[InvalidInputError] = []
        for name in (
            "unpaid_principal",
            "interest",
            "escrow_advances",
            "sale_price",
            "deficiency_claimed",
        ):
            try:
                object.__setattr__(self, name, to_money(getattr(self, name), name))
            except InvalidInputError as problem:
                problems.append(problem)
        for name in ("fees", "costs_of_sale", "credits"):
            object.__setattr__(self, name, _items(getattr(self, name), name, problems))
        if problems:
            raise InvalidScenarioError(problems)

    @property
    def owed(self) -> Decimal:
        """Principal, interest, escrow advances and fees: the payoff before the sale."""
        fees = sum(self.fees.values(), ZERO)
        return self.unpaid_principal + self.interest + self.escrow_advances + fees

    @property
    def net_proceeds(self) -> Decimal:
        """The sale price less the costs of sale: what reached the servicer."""
        return self.sale_price - sum(self.costs_of_sale.values(), ZERO)

    @property
    def deficiency(self) -> Decimal:
        """What the letter's own lines add up to (negative: a surplus)."""
        return self.owed - self.net_proceeds - sum(self.credits.values(), ZERO)


def _mortgage_source(check: str) -> tuple[Source, ...]:
    return sources_of(_reference()["check"][f"mortgage_{check}"])


def _is_commission(label: str) -> bool:
    padded = f" {label.lower()} "
    return any(word in padded for word in _reference()["mortgage"]["commission_keywords"])


def _mortgage_arithmetic(letter: MortgageLetter) -> Flag:
    computed = letter.deficiency
    figures = {
        "owed": format_usd(letter.owed),
        "net": format_usd(letter.net_proceeds),
        "credits": format_usd(sum(letter.credits.values(), ZERO)),
    }
    if computed == letter.deficiency_claimed:
        return Flag(
            "mortgage_arithmetic_ok",
            Severity.INFO,
            _("The letter's arithmetic adds up"),
            _(
                "{owed} owed - {net} from the sale after its costs - {credits} of credits = "
                "{deficiency}, the deficiency it claims. That checks the sums "
                "only, not whether each amount is right."
            ).format(**figures, deficiency=format_usd(computed)),
            _mortgage_source("arithmetic"),
            _(
                "Ask for a payoff history showing how the interest, escrow advances and fees "
                "were charged."
            ),
        )
    result = (
        _("a deficiency of {amount}").format(amount=format_usd(computed))
        if computed >= 0
        else _("a surplus of {amount} owed to you").format(amount=format_usd(-computed))
    )
    return Flag(
        "mortgage_arithmetic",
        Severity.QUESTION,
        _("The deficiency claimed does not follow from the letter's lines"),
        # Translators: {result} reads "a deficiency of $2,000.00" or "a surplus of ... owed to you".
        _(
            "{owed} owed - {net} from the sale after its costs - {credits} of credits gives "
            "{result}; the letter claims {claimed}."
        ).format(**figures, result=result, claimed=format_usd(letter.deficiency_claimed)),
        _mortgage_source("arithmetic"),
        _("Please explain the difference, or send a corrected statement."),
        computed,
    )


def _mortgage_costs(letter: MortgageLetter) -> list[Flag]:
    limits = _reference()["mortgage"]
    flags: list[Flag] = []
    commission = sum(
        (amount for label, amount in letter.costs_of_sale.items() if _is_commission(label)), ZERO
    )
    others = sum(letter.costs_of_sale.values(), ZERO) - commission
    for amount, key, check in (
        (commission, "commission_question_above_percent", "commission"),
        (others, "other_costs_question_above_percent", "other_costs"),
    ):
        percent = Decimal(limits[key])
        reference = round_cents(letter.sale_price * percent / 100)
        if amount <= reference:
            continue
        sources = _mortgage_source(check)
        low = sources[0].uncertain
        figures = {
            "amount": format_usd(amount),
            "percent": percent,
            "price": format_usd(letter.sale_price),
            "reference": format_usd(reference),
        }
        if check == "commission":
            why = (
                (
                    _(
                        "The commission come to {amount}, above {percent}% of the {price} sale "
                        "price ({reference}) (a low-confidence illustration, not a limit)."
                    )
                    if low
                    else _(
                        "The commission come to {amount}, above {percent}% of the {price} sale "
                        "price ({reference})."
                    )
                ).format(**figures)
                + " "
                + _("Fannie Mae's short-sale guide allows a commission of at most 6% of the price.")
            )
            title = _("The commission look high")
            ask = _(
                "Please send the settlement statement (closing disclosure) that shows the "
                "commission."
            )
        else:
            why = (
                _(
                    "The other costs of sale come to {amount}, above {percent}% of the {price} "
                    "sale price ({reference}) (a low-confidence illustration, not a limit)."
                )
                if low
                else _(
                    "The other costs of sale come to {amount}, above {percent}% of the {price} "
                    "sale price ({reference})."
                )
            ).format(**figures)
            title = _("The other costs of sale look high")
            ask = _(
                "Please send the settlement statement (closing disclosure) that shows the "
                "other costs of sale."
            )
        flags.append(
            Flag(f"mortgage_{check}", Severity.QUESTION, title, why, sources, ask, reference)
        )
    return flags


def _mortgage_state_law(letter: MortgageLetter, law: StateLawResult | None) -> list[Flag]:
    """The case's state-law finding applied to the letter: a bar questions any claim."""
    if law is None:
        return []
    sources = tuple(dict.fromkeys(item.rule.source for item in law.findings))
    citation = "; ".join(dict.fromkeys(item.rule.citation for item in law.applied))
    if law.barred and letter.deficiency_claimed > ZERO:
        return [
            Flag(
                "mortgage_state_bar",
                Severity.QUESTION,
                _("{state} law bars this deficiency").format(state=law.state_name),
                _(
                    "With the answers given for your home, {state} law ({citation}) bars "
                    "the lender from collecting a deficiency, yet the letter claims {claimed}."
                ).format(
                    state=law.state_name,
                    citation=citation,
                    claimed=format_usd(letter.deficiency_claimed),
                ),
                sources,
                _(
                    "On what basis do you claim a deficiency that {state} law "
                    "({citation}) bars after this sale?"
                ).format(state=law.state_name, citation=citation),
            )
        ]
    return [
        Flag(
            "state_rule",
            Severity.INFO,
            _("State rule ({state})").format(state=law.state),
            law.explanation,
            sources,
            _("Does this state rule apply to my loan, and how does it change the deficiency?"),
        )
    ]


def check_mortgage_letter(
    letter: MortgageLetter, *, state_law: StateLawResult | None = None
) -> tuple[Flag, ...]:
    """Check a mortgage servicer's payoff or deficiency letter: notes and questions to ask.

    ``state_law`` is the case's state-law finding (:func:`deficiency.case_outcome`'s
    ``law``): a bar that applies to the home turns any deficiency claimed into a question.

    Notes
    -----
    ``deficiency = principal + interest + escrow advances + fees - (sale price - costs of
    sale) - credits``, to the cent, with the right figure on the flag; the commission
    against Fannie Mae's 6% short-sale ceiling and the other costs of sale against 3% of
    the price (one weak source). A flag never concludes that the servicer broke the law.

    Examples
    --------
    The issue's California short sale: $312,000 owed, sold for $275,000 with a 6%
    commission and $3,000 of closing costs, leaves $56,500.

    >>> letter = MortgageLetter(Decimal(312000), ZERO, ZERO, {}, Decimal(275000),
    ...     {"Commission": Decimal(16500), "Closing costs": Decimal(3000)}, {}, Decimal(56500))
    >>> [flag.check for flag in check_mortgage_letter(letter)]
    ['mortgage_arithmetic_ok']
    """
    letter = instance(letter, MortgageLetter, "Letter")
    if state_law is not None:
        state_law = instance(state_law, StateLawResult, "State law")
    return (
        _mortgage_arithmetic(letter),
        *_mortgage_costs(letter),
        *_mortgage_state_law(letter, state_law),
    )

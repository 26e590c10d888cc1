"""Collecting a deficiency: wage garnishment, judgment interest, payoff time and the options.

Limits, rates and thresholds are dated data in ``data/collection.toml`` (loaded once),
each with its citation, source and confidence (shared/domain.md sections 0.E, 4.1, 5, 6).
Dates are inputs; nothing here reads the clock.
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from deficiency.errors import InvalidInputError
from deficiency.money import (
    ZERO,
    Amount,
    cents_at_most,
    format_usd,
    percent_of,
    round_cents,
    to_count,
    to_money,
    to_percent,
)
from deficiency.parsing import a_date, choice, instance, text
from deficiency.periods import add_period
from deficiency.state_law import Confidence, garnishment_rules
from deficiency.tax import form_1099c_threshold

#: Longest schedule computed: a judgment that has not paid off in 30 years is reported as such.
MAX_YEARS = 30
DAYS_PER_YEAR = Decimal(365)


@cache
def _data() -> dict[str, Any]:
    text = resources.files("deficiency").joinpath("data", "collection.toml").read_text("utf-8")
    return tomllib.loads(text)


class PayPeriod(enum.Enum):
    """How often wages are paid (DOL Fact Sheet #30 gives a protected amount for each)."""

    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    SEMIMONTHLY = "semimonthly"
    MONTHLY = "monthly"

    @property
    def multiplier(self) -> int:
        """Protected amount in multiples of the hourly federal minimum wage (30, 60, 65, 130)."""
        return int(_data()["garnishment"]["periods"][self.value]["multiplier"])

    @property
    def per_year(self) -> int:
        return int(_data()["garnishment"]["periods"][self.value]["per_year"])

    @property
    def label(self) -> str:
        return str(_data()["garnishment"]["periods"][self.value]["label"])

    @property
    def days(self) -> Decimal:
        """Days of interest in one pay period: 7 or 14, else 365 / periods per year."""
        if self is PayPeriod.WEEKLY:
            return Decimal(7)
        if self is PayPeriod.BIWEEKLY:
            return Decimal(14)
        return DAYS_PER_YEAR / self.per_year


def pay_period(value: PayPeriod | str) -> PayPeriod:
    """A pay period, or its value ("weekly"); anything else raises ``InvalidInputError``."""
    return choice(PayPeriod, value, "Pay period")


class Compounding(enum.Enum):
    """How judgment interest accrues."""

    SIMPLE = "simple"
    ANNUAL = "annual"


@dataclass(frozen=True)
class Source:
    """Where a dated figure comes from."""

    citation: str
    source_url: str
    confidence: Confidence
    as_of: date
    note: str


def federal_minimum_wage() -> Decimal:
    """The federal minimum wage per hour used for the garnishment limit (dated data).

    >>> federal_minimum_wage()
    Decimal('7.25')
    """
    return Decimal(_data()["garnishment"]["federal_minimum_wage"])


def garnishment_source() -> Source:
    """Citation, source and date of the garnishment limit."""
    raw = _data()["garnishment"]
    return Source(
        raw["citation"],
        raw["source_url"],
        Confidence(raw["confidence"]),
        _data()["as_of"],
        raw["note"],
    )


class Limit(enum.Enum):
    """Which side of the federal limit binds."""

    PERCENT = "percent"
    EXCESS = "excess"
    PROTECTED = "protected"


@dataclass(frozen=True)
class GarnishmentCap:
    """The most an ordinary creditor may garnish from one paycheck (15 U.S.C. 1673(a)).

    Notes
    -----
    ``cap = min(25% x disposable, max(0, disposable - multiplier x minimum wage))``.
    """

    disposable_earnings: Decimal
    period: PayPeriod
    minimum_wage: Decimal
    protected_amount: Decimal
    percent_limit: Decimal
    excess_over_protected: Decimal
    cap: Decimal
    binding: Limit
    state_notes: tuple[str, ...]

    @property
    def explanation(self) -> str:
        """The limit in words."""
        if self.binding is Limit.PROTECTED:
            return (
                f"Garnishment cannot collect: {format_usd(self.disposable_earnings)} of disposable "
                f"earnings is at or below the protected {format_usd(self.protected_amount)} "
                f"({self.period.multiplier} x the {format_usd(self.minimum_wage)} federal "
                "minimum wage)."
            )
        which, other = (
            ("25% of disposable earnings", "the amount above the protected minimum")
            if self.binding is Limit.PERCENT
            else (
                f"the amount above the protected {format_usd(self.protected_amount)}",
                "25% of disposable earnings",
            )
        )
        return (
            f"At most {format_usd(self.cap)} per paycheck ({self.period.label.lower()}): "
            f"{which}, which is less than {other}."
        )


def garnishment_cap(
    disposable_earnings: Amount,
    period: PayPeriod = PayPeriod.WEEKLY,
    *,
    minimum_wage: Amount | None = None,
    state: str | None = None,
) -> GarnishmentCap:
    """The federal limit on wage garnishment for an ordinary creditor's judgment.

    Parameters
    ----------
    disposable_earnings
        Pay for the period after legally required deductions (taxes, FICA), not voluntary ones.
    period
        The pay period; the protected amount is 30, 60, 65 or 130 x the minimum wage.
    minimum_wage
        Hourly federal minimum wage; defaults to the dated figure in the data ($7.25).
    state
        Optional state code: its wage-garnishment notes (informational) are attached.

    Notes
    -----
    ``cap = min(0.25 x disposable, max(0, disposable - multiplier x minimum_wage))``: the
    25% rounded down to cents (a maximum must not be exceeded), the protected amount half-up.
    The limit does not apply to support orders, bankruptcy orders or tax levies, and states
    may protect more.

    References
    ----------
    15 U.S.C. 1673(a); U.S. DOL Wage and Hour Division Fact Sheet #30; shared/domain.md 0.E, 6.

    Examples
    --------
    The DOL example: $368 of weekly disposable earnings.

    >>> garnishment_cap(368).cap
    Decimal('92.00')
    >>> garnishment_cap(290).cap, garnishment_cap("217.50").cap
    (Decimal('72.50'), Decimal('0.00'))
    >>> garnishment_cap("290.02").cap  # 25% is $72.505: rounded down, never above the limit
    Decimal('72.50')
    >>> garnishment_cap(2000, PayPeriod.MONTHLY).protected_amount
    Decimal('942.50')
    """
    earnings = to_money(disposable_earnings, "Disposable earnings")
    period = pay_period(period)
    state = None if state is None else text(state, "State", 20)
    wage = (
        federal_minimum_wage() if minimum_wage is None else to_money(minimum_wage, "Minimum wage")
    )
    percent = Decimal(_data()["garnishment"]["percent_limit"])
    protected = round_cents(wage * period.multiplier)
    by_percent = cents_at_most(earnings * percent / 100)  # a maximum: never rounded up
    excess = max(earnings - protected, ZERO)
    cap = min(by_percent, excess)
    if excess == ZERO:
        binding = Limit.PROTECTED
    elif by_percent <= excess:
        binding = Limit.PERCENT
    else:
        binding = Limit.EXCESS
    notes = (
        tuple(f"{rule.summary} ({rule.confidence.label})" for rule in garnishment_rules(state))
        if state
        else ()
    )
    return GarnishmentCap(
        earnings, period, wage, protected, by_percent, excess, cap, binding, notes
    )


@dataclass(frozen=True)
class InterestPreset:
    """A state's post-judgment interest rate as data; ``rate`` is None when it is indexed."""

    state: str
    name: str
    rate: Decimal | None
    compounding: Compounding
    compounding_stated: bool
    source: Source


@cache
def interest_presets() -> tuple[InterestPreset, ...]:
    """Post-judgment interest presets in file order (loaded once).

    Examples
    --------
    >>> ca = interest_preset("CA")
    >>> ca.rate, ca.compounding.value, ca.source.citation
    (Decimal('10'), 'simple', 'Cal. Code Civ. Proc. 685.010')
    """
    data = _data()
    return tuple(
        InterestPreset(
            state=raw["state"],
            name=raw["name"],
            rate=Decimal(raw["rate"]) if raw["rate"] else None,
            compounding=Compounding(raw["compounding"]),
            compounding_stated=bool(raw["compounding_stated"]),
            source=Source(
                raw["citation"],
                raw["source_url"],
                Confidence(raw["confidence"]),
                data["as_of"],
                raw["note"],
            ),
        )
        for raw in data["post_judgment_interest"]
    )


def interest_preset(state: str) -> InterestPreset | None:
    """The preset for a state code ("US" for federal courts), or None when we have none."""
    code = text(state, "State", 20).strip().upper()
    return next((preset for preset in interest_presets() if preset.state == code), None)


def post_judgment_interest(
    principal: Amount,
    annual_rate: Amount,
    days: int,
    compounding: Compounding = Compounding.SIMPLE,
) -> Decimal:
    """Interest on an unpaid judgment over ``days`` at ``annual_rate`` percent.

    Notes
    -----
    Simple: ``principal x rate / 100 x days / 365`` (shared/domain.md 6, engine note).
    Annual: each full 365-day year compounds, ``principal x (1 + rate/100)^years``, and the
    remaining days accrue simple interest on that amount. Rounded half-up to cents once.

    ``compounding`` is a :class:`Compounding` or its value ("simple", "annual").

    Examples
    --------
    California, 10% simple, on $2,000 for a year:

    >>> post_judgment_interest(2000, 10, 365)
    Decimal('200.00')
    >>> post_judgment_interest(2000, 10, 730, "simple")
    Decimal('400.00')
    >>> post_judgment_interest(2000, 8, 730, Compounding.ANNUAL)
    Decimal('332.80')
    """
    amount = to_money(principal, "Judgment amount")
    rate = to_percent(annual_rate, "Interest rate") / 100
    day_count = to_count(days, "Days", maximum=MAX_YEARS * 366 * 2)
    # Its value too ("simple"): any string once silently meant annual compounding.
    if choice(Compounding, compounding, "Compounding") is Compounding.SIMPLE:
        return round_cents(amount * rate * day_count / DAYS_PER_YEAR)
    years, rest = divmod(day_count, 365)
    grown = amount * (1 + rate) ** years
    return round_cents(grown * (1 + rate * rest / DAYS_PER_YEAR) - amount)


class PayoffStatus(enum.Enum):
    """How a payment schedule ends."""

    PAID_OFF = "paid_off"
    NOT_WITHIN_LIMIT = "not_within_limit"
    CANNOT_COLLECT = "cannot_collect"


@dataclass(frozen=True)
class PayoffRow:
    """One pay period of a schedule: interest accrued, payment made, balance after."""

    period: int
    interest: Decimal
    payment: Decimal
    balance: Decimal


@dataclass(frozen=True)
class PayoffSchedule:
    """A balance paid down period by period while simple interest accrues.

    Notes
    -----
    ``total_paid = principal + total_interest - final_balance`` to the cent.
    """

    principal: Decimal
    payment: Decimal
    annual_rate: Decimal
    period: PayPeriod
    rows: tuple[PayoffRow, ...]
    status: PayoffStatus
    message: str

    @property
    def periods(self) -> int:
        """Pay periods with a payment (the schedule's length)."""
        return len(self.rows)

    @property
    def total_paid(self) -> Decimal:
        return sum((row.payment for row in self.rows), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((row.interest for row in self.rows), ZERO)

    @property
    def final_balance(self) -> Decimal:
        return self.rows[-1].balance if self.rows else self.principal

    @property
    def paid_off(self) -> bool:
        return self.status is PayoffStatus.PAID_OFF

    @property
    def months(self) -> int | None:
        """Whole months to pay off (rounded up), or None when it does not pay off."""
        if not self.paid_off:
            return None
        return -(-self.periods * 12 // self.period.per_year)


def payoff_schedule(
    principal: Amount,
    payment: Amount,
    annual_rate: Amount = 0,
    period: PayPeriod = PayPeriod.WEEKLY,
    *,
    max_years: int = MAX_YEARS,
    final_period: int | None = None,
) -> PayoffSchedule:
    """Pay a balance down by a fixed payment each period while simple interest accrues.

    Parameters
    ----------
    principal
        The balance to pay (a judgment or a deficiency).
    payment
        The payment each period (for a garnishment, the cap).
    annual_rate
        Simple annual interest in percent on the unpaid principal.
    period
        Weekly, every two weeks, twice a month or monthly.
    max_years
        Stop after this many years and report that it does not pay off.
    final_period
        If given, that period's payment clears whatever is left (a level plan's last
        payment absorbs the residual cents).

    Notes
    -----
    Each period: ``interest = round_cents(principal_left x rate/100 x days / 365)`` with
    7 days a week, 14 a fortnight, 365/24 or 365/12 otherwise. The payment goes to unpaid
    interest first, then principal; unpaid interest does not itself earn interest (simple
    interest). ``payment = min(payment, balance)``.

    Examples
    --------
    >>> s = payoff_schedule(1000, 92, 10)
    >>> s.periods, s.total_paid, s.total_interest, s.rows[-1].balance
    (11, Decimal('1011.55'), Decimal('11.55'), Decimal('0.00'))
    >>> payoff_schedule(1000, 0).message
    'Nothing is collected: the payment is $0.00, so the balance never falls.'
    """
    start = to_money(principal, "Balance")
    pay = to_money(payment, "Payment")
    rate = to_percent(annual_rate, "Interest rate")
    years = to_count(max_years, "Years", maximum=100)
    period = pay_period(period)
    if final_period is not None:
        final_period = to_count(final_period, "Final period", maximum=years * period.per_year)
    limit = years * period.per_year
    if pay == ZERO and start > ZERO:
        return PayoffSchedule(
            start,
            pay,
            rate,
            period,
            (),
            PayoffStatus.CANNOT_COLLECT,
            "Nothing is collected: the payment is $0.00, so the balance never falls.",
        )
    principal_left, interest_due = start, ZERO
    rows: list[PayoffRow] = []
    number = 0
    while principal_left + interest_due > ZERO and number < limit:
        number += 1
        interest = round_cents(principal_left * rate / 100 * period.days / DAYS_PER_YEAR)
        interest_due += interest
        owed = principal_left + interest_due
        paid = owed if number == final_period else min(pay, owed)
        to_interest = min(paid, interest_due)
        interest_due -= to_interest
        principal_left -= paid - to_interest
        rows.append(PayoffRow(number, interest, paid, principal_left + interest_due))
    balance = principal_left + interest_due
    if balance == ZERO:
        status = PayoffStatus.PAID_OFF
        message = (
            f"Paid off after {number} {period.label.lower()} payments, "
            f"{format_usd(sum((row.payment for row in rows), ZERO))} in all."
        )
    else:
        status = PayoffStatus.NOT_WITHIN_LIMIT
        message = (
            f"Not paid off within {years} years: {format_usd(balance)} would still be owed "
            f"after {number} payments of up to {format_usd(pay)}."
        )
    return PayoffSchedule(start, pay, rate, period, tuple(rows), status, message)


#: Shown when the garnishment limit is zero.
CANNOT_COLLECT_MESSAGE = "Garnishment cannot collect: earnings are below the protected amount."


@dataclass(frozen=True)
class GarnishmentPayoff:
    """A judgment paid by wage garnishment at the federal cap, with interest accruing."""

    judgment: Decimal
    cap: GarnishmentCap
    schedule: PayoffSchedule

    @property
    def status(self) -> PayoffStatus:
        return self.schedule.status

    @property
    def message(self) -> str:
        if self.schedule.status is PayoffStatus.CANNOT_COLLECT:
            return f"{CANNOT_COLLECT_MESSAGE} {self.cap.explanation}"
        return self.schedule.message


def garnishment_payoff(
    judgment: Amount,
    disposable_earnings: Amount,
    annual_rate: Amount = 0,
    period: PayPeriod = PayPeriod.WEEKLY,
    *,
    max_years: int = MAX_YEARS,
    state: str | None = None,
) -> GarnishmentPayoff:
    """How long garnishment at the federal cap takes to pay a judgment, period by period.

    Notes
    -----
    The payment each pay period is :func:`garnishment_cap`; interest is simple on the unpaid
    judgment (see :func:`payoff_schedule`). A cap of zero never collects; a schedule that
    has not paid off after ``max_years`` (30) reports the balance left.

    Examples
    --------
    A $2,000 judgment at 10% simple, $368 a week of disposable earnings ($92 cap):

    >>> result = garnishment_payoff(2000, 368, 10)
    >>> result.schedule.periods, result.schedule.total_paid
    (23, Decimal('2044.90'))
    >>> garnishment_payoff(2000, 200).message.split(":")[0]
    'Garnishment cannot collect'
    """
    amount = to_money(judgment, "Judgment amount")
    cap = garnishment_cap(disposable_earnings, period, state=state)
    schedule = payoff_schedule(amount, cap.cap, annual_rate, period, max_years=max_years)
    return GarnishmentPayoff(amount, cap, schedule)


def level_payment(principal: Amount, annual_rate: Amount, months: int) -> Decimal:
    """The monthly payment that pays ``principal`` in ``months`` at ``annual_rate`` percent.

    Notes
    -----
    ``payment = P x i / (1 - (1 + i)^-n)`` with ``i = rate / 1200``; ``P / n`` at 0%.
    Rounded half-up to cents; the schedule's last payment absorbs the residual.

    Examples
    --------
    >>> level_payment(2000, 0, 12), level_payment(2000, 6, 12)
    (Decimal('166.67'), Decimal('172.13'))
    """
    amount = to_money(principal, "Balance")
    rate = to_percent(annual_rate, "Plan interest rate")
    count = to_count(months, "Plan months", maximum=MAX_YEARS * 12)
    if count == 0:
        raise InvalidInputError("Plan months", "must be at least 1")
    monthly = rate / 1200
    discount = 1 - (1 + monthly) ** -count
    if discount == ZERO:
        # No rate: the finest one read (0.0001 %) still compounds in 28 digits.
        return round_cents(amount / count)
    return round_cents(amount * monthly / discount)


class Option(enum.Enum):
    """Ways a deficiency can end."""

    LUMP_SUM = "lump_sum"
    PAYMENT_PLAN = "payment_plan"
    GARNISHMENT = "garnishment"
    BANKRUPTCY = "bankruptcy"

    @property
    def label(self) -> str:
        return {
            "lump_sum": "Lump-sum settlement",
            "payment_plan": "Payment plan",
            "garnishment": "Judgment collected by wage garnishment",
            "bankruptcy": "Bankruptcy discharge",
        }[self.value]


@dataclass(frozen=True)
class PlannerInputs:
    """The choices the settlement planner compares for one deficiency.

    ``settlement_percent`` has no reliable typical value (shared/domain.md 6): it is the
    user's illustrative input. Give the plan either a monthly payment or a number of months.
    """

    deficiency: Decimal
    settlement_percent: Decimal
    plan_monthly_payment: Decimal | None = None
    plan_months: int | None = None
    plan_annual_rate: Decimal = ZERO
    disposable_earnings: Decimal = ZERO
    pay_period: PayPeriod = PayPeriod.WEEKLY
    judgment_rate: Decimal = ZERO
    judgment_costs: Decimal = ZERO
    state: str | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "pay_period", pay_period(self.pay_period))
        if self.state is not None:
            set_(self, "state", text(self.state, "State", 20))
        set_(self, "deficiency", to_money(self.deficiency, "Deficiency"))
        set_(self, "settlement_percent", to_percent(self.settlement_percent, "Settlement share"))
        if self.plan_monthly_payment is not None:
            set_(
                self,
                "plan_monthly_payment",
                to_money(self.plan_monthly_payment, "Plan monthly payment"),
            )
        if self.plan_months is not None:
            set_(self, "plan_months", to_count(self.plan_months, "Plan months", MAX_YEARS * 12))
        if (self.plan_monthly_payment is None) == (self.plan_months is None):
            raise InvalidInputError(
                "Payment plan", "give either a monthly payment or a number of months"
            )
        set_(self, "plan_annual_rate", to_percent(self.plan_annual_rate, "Plan interest rate"))
        set_(self, "disposable_earnings", to_money(self.disposable_earnings, "Disposable earnings"))
        set_(self, "judgment_rate", to_percent(self.judgment_rate, "Judgment interest rate"))
        set_(self, "judgment_costs", to_money(self.judgment_costs, "Judgment costs"))


@dataclass(frozen=True)
class OptionResult:
    """One way out of the deficiency: what is paid, over how long, and what is cancelled.

    ``months`` is None when the option never pays off (garnishment) or has no payment
    period (bankruptcy). ``may_be_taxable`` flags cancelled debt that may be income;
    the tax itself is computed elsewhere.
    """

    option: Option
    total_paid: Decimal
    months: int | None
    amount_cancelled: Decimal
    still_owed: Decimal
    may_be_taxable: bool
    form_1099c_likely: bool
    tax_note: str
    credit_report: str
    notes: str
    schedule: PayoffSchedule | None = None

    @property
    def label(self) -> str:
        return self.option.label

    @property
    def possibly_taxable(self) -> Decimal:
        """The cancelled amount that may count as income: zero when none of it can."""
        return self.amount_cancelled if self.may_be_taxable else ZERO


_DELINQUENCY = (
    "the original delinquency stays on credit reports for 7 years from 180 days after it began"
)


def _cancelled_tax(cancelled: Decimal) -> tuple[bool, bool, str]:
    threshold = form_1099c_threshold()
    if cancelled == ZERO:
        return False, False, "Nothing is cancelled, so there is no cancelled-debt income."
    likely = cancelled >= threshold
    note = (
        f"The {format_usd(cancelled)} cancelled may be taxable income unless an exclusion "
        "(insolvency, qualified principal residence debt) applies"
    )
    note += (
        f"; a Form 1099-C is expected at {format_usd(threshold, cents=False)} or more."
        if likely
        else f"; below {format_usd(threshold, cents=False)} no Form 1099-C is required, "
        "but it may still be taxable."
    )
    return True, likely, note


def compare_options(inputs: PlannerInputs) -> tuple[OptionResult, ...]:
    """Compare a lump-sum settlement, a payment plan, garnishment and bankruptcy.

    Notes
    -----
    - Lump sum: pay ``settlement_percent`` of the deficiency now; the rest is cancelled and
      may be taxable (1099-C at $600+); reported as settled for less (special comment AU).
    - Payment plan: the whole deficiency (plus any plan interest) over the months the
      payment takes, or a level payment over the given months; nothing cancelled.
    - Garnishment: the lender wins a judgment (deficiency + costs) and garnishes at the
      federal cap while judgment interest accrues; may never pay off.
    - Bankruptcy: the deficiency is dischargeable in Chapter 7 or 13; nothing is paid on it
      and the cancellation is excluded from income (title 11 exclusion).

    References
    ----------
    shared/domain.md 4.1, 4.3 (bankruptcy exclusion), 5 (credit reporting), 6.

    Examples
    --------
    >>> plan = PlannerInputs(Decimal(2000), Decimal(40), plan_months=12,
    ...                      disposable_earnings=Decimal(368), judgment_rate=Decimal(10))
    >>> [(r.option.value, r.total_paid, r.amount_cancelled) for r in compare_options(plan)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('lump_sum', Decimal('800.00'), Decimal('1200.00')),
     ('payment_plan', Decimal('2000.00'), Decimal('0.00')),
     ('garnishment', Decimal('2044.90'), Decimal('0.00')),
     ('bankruptcy', Decimal('0.00'), Decimal('2000.00'))]
    """
    inputs = instance(inputs, PlannerInputs, "Planner inputs")
    deficiency = inputs.deficiency
    paid = percent_of(deficiency, inputs.settlement_percent)
    cancelled = deficiency - paid
    taxable, likely, note = _cancelled_tax(cancelled)
    lump = OptionResult(
        Option.LUMP_SUM,
        paid,
        0,
        cancelled,
        ZERO,
        taxable,
        likely,
        note,
        "Reported as paid for less than the full balance (special comment AU); "
        + _DELINQUENCY
        + ".",
        "The settlement share is your assumption: no reliable typical figure exists. "
        "Get the agreement in writing before paying.",
    )

    if inputs.plan_months is not None:
        months = inputs.plan_months
        payment = level_payment(deficiency, inputs.plan_annual_rate, months)
        plan_schedule = payoff_schedule(
            deficiency,
            payment,
            inputs.plan_annual_rate,
            PayPeriod.MONTHLY,
            final_period=months,
        )
    else:
        payment = inputs.plan_monthly_payment or ZERO
        plan_schedule = payoff_schedule(
            deficiency, payment, inputs.plan_annual_rate, PayPeriod.MONTHLY
        )
    plan_left = plan_schedule.final_balance
    plan = OptionResult(
        Option.PAYMENT_PLAN,
        plan_schedule.total_paid,
        plan_schedule.months,
        ZERO,
        plan_left,
        False,
        False,
        "Nothing is cancelled, so there is no cancelled-debt income.",
        "Reported as paid in full once the last payment is made (for example status 62-64, "
        "paid in full after a collection, repossession or charge-off); " + _DELINQUENCY + ".",
        plan_schedule.message,
        plan_schedule,
    )

    judgment = deficiency + inputs.judgment_costs
    garnish = garnishment_payoff(
        judgment,
        inputs.disposable_earnings,
        inputs.judgment_rate,
        inputs.pay_period,
        state=inputs.state,
    )
    garnish_notes = " ".join((garnish.message, *garnish.cap.state_notes))
    garnishment = OptionResult(
        Option.GARNISHMENT,
        garnish.schedule.total_paid,
        garnish.schedule.months,
        ZERO,
        garnish.schedule.final_balance,
        False,
        False,
        "Nothing is cancelled while the lender collects, so there is no cancelled-debt income.",
        "Civil judgments have not appeared on the three nationwide credit reports since July "
        "2017, but they remain public court records; " + _DELINQUENCY + ".",
        garnish_notes,
        garnish.schedule,
    )

    _, bankrupt_likely, _ = _cancelled_tax(deficiency)
    bankruptcy = OptionResult(
        Option.BANKRUPTCY,
        ZERO,
        None,
        deficiency,
        ZERO,
        False,
        bankrupt_likely,
        "Debt discharged in a bankruptcy case is excluded from income (title 11 exclusion), "
        "even if a Form 1099-C is filed; tax attributes are reduced.",
        "A bankruptcy may be reported for up to 10 years (FCRA 605(a)(1)); the bureaus remove "
        "completed Chapter 13 cases after 7 years.",
        "The deficiency is dischargeable in Chapter 7 or 13. Filing and attorney costs are not "
        "included, and a bankruptcy covers all your debts, not just this one.",
    )
    return (lump, plan, garnishment, bankruptcy)


@dataclass(frozen=True)
class LimitationNote:
    """What our sources say about a statute of limitations; never a settled fact."""

    id: str
    scope: str
    years: tuple[int, ...]
    kind: str
    confidence: Confidence
    sources_conflict: bool
    source_url: str
    note: str
    as_of: date

    @property
    def uncertain(self) -> bool:
        """Always shown as uncertain when low-confidence or the sources disagree."""
        return self.confidence.uncertain or self.sources_conflict


@cache
def limitation_notes() -> tuple[LimitationNote, ...]:
    """Every statute-of-limitations note in the data (all informational).

    Examples
    --------
    >>> [(n.id, n.years, n.sources_conflict) for n in limitation_notes() if n.id == "CO"]
    [('CO', (3, 6), True)]
    """
    data = _data()
    return tuple(
        LimitationNote(
            raw["id"],
            raw["scope"],
            tuple(int(year) for year in raw["years"]),
            raw["kind"],
            Confidence(raw["confidence"]),
            bool(raw["sources_conflict"]),
            raw["source_url"],
            raw["note"],
            data["as_of"],
        )
        for raw in data["limitation"]
    )


def limitation_notes_for(state: str) -> tuple[LimitationNote, ...]:
    """The notes naming a state ("CO", "WI"...) plus the general ones that cover every state."""
    code = state.strip().upper()
    general = ("written-contract-range", "UCC-2-725", "judgments")
    return tuple(
        note
        for note in limitation_notes()
        if note.id in general or note.id == code or code in note.id.split("-")
    )


@dataclass(frozen=True)
class Countdown:
    """Time left before a limitation period runs out, as of a given date."""

    start: date
    deadline: date
    on: date

    @property
    def days_left(self) -> int:
        """Days from ``on`` to the deadline; negative once it has passed."""
        return (self.deadline - self.on).days

    @property
    def expired(self) -> bool:
        return self.on > self.deadline


def countdown(
    start: date, on: date, *, years: int = 0, months: int = 0, days: int = 0
) -> Countdown:
    """Count down a limitation period that began on ``start``, as seen on date ``on``.

    The period is the user's choice (sources conflict on per-state values); both dates are
    inputs, never today's date.

    Examples
    --------
    >>> c = countdown(date(2024, 3, 1), date(2026, 3, 1), years=4)
    >>> c.deadline, c.days_left, c.expired
    (datetime.date(2028, 3, 1), 731, False)
    """
    start, on = a_date(start, "Start"), a_date(on, "As of")
    total_months = to_count(years, "Years", maximum=100) * 12 + to_count(
        months, "Months", maximum=1200
    )
    deadline = add_period(start, months=total_months, days=to_count(days, "Days", maximum=36500))
    return Countdown(start, deadline, on)

"""Collecting a deficiency: wage garnishment, judgment interest, payoff time and the options.

The federal garnishment limit is dated data in ``data/collection.toml``; each state's
own limit, judgment interest rate and time limits are rows of ``garnishment.csv``,
``judgment_interest.csv`` and ``limitations.csv``, each with its source. Dates are inputs;
nothing here reads the clock.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from deficiency.errors import InvalidInputError
from deficiency.garnishment import (
    FEDERAL_WEEKLY_MULTIPLE,
    StateLimit,
    WageGarnishment,
    state_garnishment,
    state_limit,
)
from deficiency.i18n import N_, _, ngettext, pick
from deficiency.judgment_interest import (
    Compounding,
    DebtPurpose,
    RateChoice,
    judgment_rate,
    rate_in_use,
)
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
from deficiency.sources import Source, data_table, source_from
from deficiency.tax import form_1099c_threshold

#: Longest schedule computed: a judgment that has not paid off in 30 years is reported as such.
MAX_YEARS = 30
DAYS_PER_YEAR = Decimal(365)

#: The judgment rate's name in a message about it (translated by the error itself).
_RATE_FIELD = N_("Judgment interest rate")


def _data() -> dict[str, Any]:
    return data_table("collection.toml")


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
        raw = _data()["garnishment"]["periods"][self.value]
        return pick(str(raw["label"]), str(raw.get("label_es", "")))

    def payments(self, count: int) -> str:
        """``count`` payments of this period in words: "12 weekly payments"."""
        forms = {
            PayPeriod.WEEKLY: ngettext("{count} weekly payment", "{count} weekly payments", count),
            PayPeriod.BIWEEKLY: ngettext(
                "{count} every two weeks payment", "{count} every two weeks payments", count
            ),
            PayPeriod.SEMIMONTHLY: ngettext(
                "{count} twice a month payment", "{count} twice a month payments", count
            ),
            PayPeriod.MONTHLY: ngettext(
                "{count} monthly payment", "{count} monthly payments", count
            ),
        }
        return forms[self].format(count=count)

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


def federal_minimum_wage() -> Decimal:
    """The federal minimum wage per hour used for the garnishment limit (dated data).

    >>> federal_minimum_wage()
    Decimal('7.25')
    """
    return Decimal(_data()["garnishment"]["federal_minimum_wage"])


def garnishment_source() -> Source:
    """Where the federal garnishment limit was read (15 U.S.C. 1673(a))."""
    return source_from(_data()["garnishment"]["source"], url_key="url")


def garnishment_note() -> str:
    """What the federal limit does not cover, in plain words."""
    raw = _data()["garnishment"]
    return pick(str(raw["note"]), str(raw.get("note_es", "")))


class Limit(enum.Enum):
    """Which limit binds: the federal 25%, the federal protected amount, or the state's."""

    PERCENT = "percent"
    EXCESS = "excess"
    PROTECTED = "protected"
    STATE = "state"


@dataclass(frozen=True, kw_only=True)
class GarnishmentCap:
    """The most an ordinary creditor may garnish from one paycheck.

    Notes
    -----
    Federal: ``min(25% x disposable, max(0, disposable - multiplier x minimum wage))``
    (15 U.S.C. 1673(a)). Where the state's own rule takes less (a lower percentage, a
    larger protected amount, a share of gross pay, or no wage garnishment for this kind of
    debt), ``cap`` is the state's figure and ``binding`` is ``Limit.STATE``.
    """

    disposable_earnings: Decimal
    period: PayPeriod
    minimum_wage: Decimal
    protected_amount: Decimal
    percent_limit: Decimal
    excess_over_protected: Decimal
    federal_cap: Decimal
    cap: Decimal
    binding: Limit
    state: StateLimit | None = None

    @property
    def state_notes(self) -> tuple[str, ...]:
        """What the state's rule says, for the reader, when it is more than the federal
        limit and is not already the figure (``explanation`` says that)."""
        if self.state is None or self.binding is Limit.STATE:
            return ()
        rule = self.state.rule
        if rule.follows_federal and rule.applied:
            return ()
        note = f"{rule.text} ({rule.source.citation}; {rule.source.confidence.label.lower()})"
        return (note,)

    @property
    def explanation(self) -> str:
        """The limit in words, and what a state rule still needs to apply."""
        text = self._limit_words()
        share = self.state.rule.percent_of_gross if self.state is not None else None
        if self.state is not None and self.state.needs_gross_pay and share is not None:
            rule = self.state.rule
            text += " " + _(
                "{state} also limits it to {percent}% of gross pay "
                "({citation}): enter your gross pay to apply it."
            ).format(
                state=rule.state_name,
                percent=f"{share.normalize():f}",
                citation=rule.source.citation,
            )
        return text

    def _limit_words(self) -> str:
        if self.binding is Limit.STATE and self.state is not None:
            rule = self.state.rule
            if rule.wage_garnishment is WageGarnishment.NOT_ALLOWED:
                return _(
                    "{state} does not let a creditor garnish wages for a debt like "
                    "this ({citation}), so nothing can be taken from your pay. "
                    "Other ways to collect (a bank levy, a lien) may still be open."
                ).format(state=rule.state_name, citation=rule.source.citation)
            if self.cap == ZERO:
                protected = self.state.protected_amount
                if protected:
                    return _(
                        "Nothing can be taken from this paycheck: {state} protects the first "
                        "{protected} of each paycheck ({citation}), more than the "
                        "federal limit does."
                    ).format(
                        state=rule.state_name,
                        protected=format_usd(protected),
                        citation=rule.source.citation,
                    )
                return _(
                    "Nothing can be taken from this paycheck: {state} protects more of your "
                    "pay ({citation}), more than the federal limit does."
                ).format(state=rule.state_name, citation=rule.source.citation)
            return _(
                "At most {cap} per paycheck ({period}): "
                "{state}'s own limit ({citation}), which takes less "
                "than the federal limit of {federal_cap}."
            ).format(
                cap=format_usd(self.cap),
                period=self.period.label.lower(),
                state=rule.state_name,
                citation=rule.source.citation,
                federal_cap=format_usd(self.federal_cap),
            )
        if self.binding is Limit.PROTECTED:
            return _(
                "Garnishment cannot collect: {earnings} of disposable "
                "earnings is at or below the protected {protected} "
                "({multiplier} x the {minimum_wage} federal minimum wage)."
            ).format(
                earnings=format_usd(self.disposable_earnings),
                protected=format_usd(self.protected_amount),
                multiplier=self.period.multiplier,
                minimum_wage=format_usd(self.minimum_wage),
            )
        if self.binding is Limit.PERCENT:
            return _(
                "At most {cap} per paycheck ({period}): 25% of disposable earnings, which is "
                "less than the amount above the protected minimum."
            ).format(cap=format_usd(self.cap), period=self.period.label.lower())
        return _(
            "At most {cap} per paycheck ({period}): the amount above the protected "
            "{protected}, which is less than 25% of disposable earnings."
        ).format(
            cap=format_usd(self.cap),
            period=self.period.label.lower(),
            protected=format_usd(self.protected_amount),
        )


def garnishment_cap(
    disposable_earnings: Amount,
    period: PayPeriod = PayPeriod.WEEKLY,
    *,
    minimum_wage: Amount | None = None,
    state: str | None = None,
    gross_earnings: Amount | None = None,
) -> GarnishmentCap:
    """The limit on wage garnishment for an ordinary creditor's judgment: federal, and the
    state's where it protects more.

    Parameters
    ----------
    disposable_earnings
        Pay for the period after legally required deductions (taxes, FICA), not voluntary ones.
    period
        The pay period; the protected amount is 30, 60, 65 or 130 x the minimum wage.
    minimum_wage
        Hourly federal minimum wage; defaults to the dated figure in the data ($7.25).
    state
        Optional state code: its own limit (``data/garnishment.csv``) applies where it
        takes less.
    gross_earnings
        Pay for the period before deductions, for a state that limits a share of it.

    Notes
    -----
    ``cap = min(0.25 x disposable, max(0, disposable - multiplier x minimum_wage))``: the
    25% rounded down to cents (a maximum must not be exceeded), the protected amount half-up;
    then the state's figure if it is lower. The limit does not apply to support orders,
    bankruptcy orders or tax levies.

    References
    ----------
    15 U.S.C. 1673(a); U.S. DOL Wage and Hour Division Fact Sheet #30; each state's row in
    ``data/garnishment.csv``.

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
    gross = None if gross_earnings is None else to_money(gross_earnings, "Gross earnings")
    percent = Decimal(_data()["garnishment"]["percent_limit"])
    protected = round_cents(wage * period.multiplier)
    by_percent = cents_at_most(earnings * percent / 100)  # a maximum: never rounded up
    excess = max(earnings - protected, ZERO)
    federal = min(by_percent, excess)
    if excess == ZERO:
        binding = Limit.PROTECTED
    elif by_percent <= excess:
        binding = Limit.PERCENT
    else:
        binding = Limit.EXCESS
    local = None
    cap = federal
    if state:
        share = Decimal(period.multiplier) / FEDERAL_WEEKLY_MULTIPLE
        local = state_limit(state_garnishment(state), earnings, share, wage, gross)
        if local.cap is not None and local.cap < federal:
            cap, binding = local.cap, Limit.STATE
    return GarnishmentCap(
        disposable_earnings=earnings,
        period=period,
        minimum_wage=wage,
        protected_amount=protected,
        percent_limit=by_percent,
        excess_over_protected=excess,
        federal_cap=federal,
        cap=cap,
        binding=binding,
        state=local,
    )


def post_judgment_interest(
    principal: Amount,
    annual_rate: Amount,
    days: int,
    compounding: Compounding = Compounding.SIMPLE,
) -> Decimal:
    """Interest on an unpaid judgment over ``days`` at ``annual_rate`` percent.

    Notes
    -----
    Simple: ``principal x rate / 100 x days / 365``: interest on the unpaid principal only,
    the usual statutory reading.
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
    # Its value too ("simple"): any other string is refused, never read as annual compounding.
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
            principal=start,
            payment=pay,
            annual_rate=rate,
            period=period,
            rows=(),
            status=PayoffStatus.CANNOT_COLLECT,
            message=_("Nothing is collected: the payment is $0.00, so the balance never falls."),
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
        message = _("Paid off after {payments}, {total} in all.").format(
            payments=period.payments(number),
            total=format_usd(sum((row.payment for row in rows), ZERO)),
        )
    else:
        status = PayoffStatus.NOT_WITHIN_LIMIT
        message = ngettext(
            "Not paid off within {years} years: {balance} would still be owed "
            "after {count} payment of up to {payment}.",
            "Not paid off within {years} years: {balance} would still be owed "
            "after {count} payments of up to {payment}.",
            number,
        ).format(years=years, balance=format_usd(balance), count=number, payment=format_usd(pay))
    return PayoffSchedule(
        principal=start,
        payment=pay,
        annual_rate=rate,
        period=period,
        rows=tuple(rows),
        status=status,
        message=message,
    )


#: Shown when the garnishment limit is zero (translated where shown: ``_(CANNOT_COLLECT_MESSAGE)``).
CANNOT_COLLECT_MESSAGE = N_("Garnishment cannot collect: earnings are below the protected amount.")


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
            return f"{_(CANNOT_COLLECT_MESSAGE)} {self.cap.explanation}"
        return self.schedule.message


def garnishment_payoff(
    judgment: Amount,
    disposable_earnings: Amount,
    annual_rate: Amount = 0,
    period: PayPeriod = PayPeriod.WEEKLY,
    *,
    max_years: int = MAX_YEARS,
    state: str | None = None,
    gross_earnings: Amount | None = None,
) -> GarnishmentPayoff:
    """How long garnishment at the legal limit takes to pay a judgment, period by period.

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
    cap = garnishment_cap(disposable_earnings, period, state=state, gross_earnings=gross_earnings)
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
        return _(_OPTION_LABELS[self.value])


#: Each :class:`Option` in words, translated where shown.
_OPTION_LABELS = {
    "lump_sum": N_("Lump-sum settlement"),
    "payment_plan": N_("Payment plan"),
    "garnishment": N_("Judgment collected by wage garnishment"),
    "bankruptcy": N_("Bankruptcy discharge"),
}


@dataclass(frozen=True)
class PlannerInputs:
    """The choices the settlement planner compares for one deficiency.

    ``settlement_percent`` has no reliable typical value: it is the user's illustrative
    input. Give the plan either a monthly payment or a number of months.

    ``judgment_rate=None`` takes the post-judgment interest rate from the law of
    ``interest_state`` (default: ``state``; "US" for a federal court) for this judgment
    (:func:`deficiency.judgment_interest.judgment_rate`: its date, its amount, what the debt
    was for); where an index or the contract sets the rate, enter it. ``rate_choice`` then
    says which rule gave the rate. ``state`` also sets the garnishment limit.
    """

    deficiency: Decimal
    settlement_percent: Decimal
    plan_monthly_payment: Decimal | None = None
    plan_months: int | None = None
    plan_annual_rate: Decimal = ZERO
    disposable_earnings: Decimal = ZERO
    pay_period: PayPeriod = PayPeriod.WEEKLY
    judgment_rate: Decimal | None = ZERO
    judgment_costs: Decimal = ZERO
    state: str | None = None
    interest_state: str | None = None
    judgment_date: date | None = None
    debt_type: DebtPurpose | None = DebtPurpose.PERSONAL
    gross_earnings: Decimal | None = None
    rate_choice: RateChoice | None = field(default=None, init=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "pay_period", pay_period(self.pay_period))
        if self.state is not None:
            set_(self, "state", text(self.state, "State", 20))
        if self.interest_state is not None:
            set_(self, "interest_state", text(self.interest_state, "Interest set by", 20))
        if self.judgment_date is not None:
            set_(self, "judgment_date", a_date(self.judgment_date, "Judgment date"))
        if self.debt_type is not None:
            set_(self, "debt_type", choice(DebtPurpose, self.debt_type, "What the debt was for"))
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
        set_(self, "judgment_costs", to_money(self.judgment_costs, "Judgment costs"))
        if self.gross_earnings is not None:
            set_(self, "gross_earnings", to_money(self.gross_earnings, "Gross earnings"))
        law = self.interest_state or self.state
        if law is not None:
            law_rate = judgment_rate(
                law,
                judgment_date=self.judgment_date,
                principal=self.deficiency + self.judgment_costs,
                debt_type=self.debt_type,
            )
            set_(self, "rate_choice", law_rate)
        if self.judgment_rate is not None:
            set_(self, "judgment_rate", to_percent(self.judgment_rate, _RATE_FIELD))
        elif self.rate_choice is None:
            raise InvalidInputError(
                _RATE_FIELD, _("enter a rate, or choose a state whose law sets it")
            )
        else:
            set_(self, "judgment_rate", rate_in_use(self.rate_choice, None))

    @property
    def interest_rate(self) -> Decimal:
        """The post-judgment interest rate the planner uses, in percent a year."""
        return self.judgment_rate if self.judgment_rate is not None else ZERO


@dataclass(frozen=True, kw_only=True)
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


class _CancelledIncome(NamedTuple):
    """Whether an option's cancelled amount may be income, whether a Form 1099-C is
    likely, and the sentence that says so."""

    may_be_taxable: bool
    form_1099c_likely: bool
    note: str


def _cancelled_tax(cancelled: Decimal) -> _CancelledIncome:
    threshold = form_1099c_threshold()
    if cancelled == ZERO:
        return _CancelledIncome(
            may_be_taxable=False,
            form_1099c_likely=False,
            note=_("Nothing is cancelled, so there is no cancelled-debt income."),
        )
    likely = cancelled >= threshold
    if likely:
        note = _(
            "The {cancelled} cancelled may be taxable income unless an exclusion "
            "(insolvency, qualified principal residence debt) applies; a Form 1099-C is "
            "expected at {threshold} or more."
        )
    else:
        note = _(
            "The {cancelled} cancelled may be taxable income unless an exclusion "
            "(insolvency, qualified principal residence debt) applies; below {threshold} no "
            "Form 1099-C is required, but it may still be taxable."
        )
    note = note.format(
        cancelled=format_usd(cancelled), threshold=format_usd(threshold, cents=False)
    )
    return _CancelledIncome(may_be_taxable=True, form_1099c_likely=likely, note=note)


def _lump_sum(inputs: PlannerInputs) -> OptionResult:
    """Pay the settlement share now; the rest is cancelled and may be taxable."""
    deficiency = inputs.deficiency
    paid = percent_of(deficiency, inputs.settlement_percent)
    cancelled = deficiency - paid
    income = _cancelled_tax(cancelled)
    return OptionResult(
        option=Option.LUMP_SUM,
        total_paid=paid,
        months=0,
        amount_cancelled=cancelled,
        still_owed=ZERO,
        may_be_taxable=income.may_be_taxable,
        form_1099c_likely=income.form_1099c_likely,
        tax_note=income.note,
        credit_report=_(
            "Reported as paid for less than the full balance (special comment AU); the "
            "original delinquency stays on credit reports for 7 years from 180 days after it "
            "began."
        ),
        notes=_(
            "The settlement share is your assumption: no reliable typical figure exists. "
            "Get the agreement in writing before paying."
        ),
    )


def _payment_plan(inputs: PlannerInputs) -> OptionResult:
    """The whole deficiency, with any plan interest, paid monthly: the payment given, or a
    level one over the months given; nothing cancelled."""
    deficiency = inputs.deficiency
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
    return OptionResult(
        option=Option.PAYMENT_PLAN,
        total_paid=plan_schedule.total_paid,
        months=plan_schedule.months,
        amount_cancelled=ZERO,
        still_owed=plan_left,
        may_be_taxable=False,
        form_1099c_likely=False,
        tax_note=_("Nothing is cancelled, so there is no cancelled-debt income."),
        credit_report=_(
            "Reported as paid in full once the last payment is made (for example status "
            "62-64, paid in full after a collection, repossession or charge-off); the "
            "original delinquency stays on credit reports for 7 years from 180 days after it "
            "began."
        ),
        notes=plan_schedule.message,
        schedule=plan_schedule,
    )


def _garnishment(inputs: PlannerInputs) -> OptionResult:
    """A judgment (deficiency + costs) garnished at the cap while interest accrues."""
    deficiency = inputs.deficiency
    judgment = deficiency + inputs.judgment_costs
    garnish = garnishment_payoff(
        judgment,
        inputs.disposable_earnings,
        inputs.interest_rate,
        inputs.pay_period,
        state=inputs.state,
        gross_earnings=inputs.gross_earnings,
    )
    garnish_notes = " ".join((garnish.message, *garnish.cap.state_notes))
    return OptionResult(
        option=Option.GARNISHMENT,
        total_paid=garnish.schedule.total_paid,
        months=garnish.schedule.months,
        amount_cancelled=ZERO,
        still_owed=garnish.schedule.final_balance,
        may_be_taxable=False,
        form_1099c_likely=False,
        tax_note=_(
            "Nothing is cancelled while the lender collects, so there is no cancelled-debt income."
        ),
        credit_report=_(
            "Civil judgments have not appeared on the three nationwide credit reports since "
            "July 2017, but they remain public court records; the original delinquency stays "
            "on credit reports for 7 years from 180 days after it began."
        ),
        notes=garnish_notes,
        schedule=garnish.schedule,
    )


def _bankruptcy(inputs: PlannerInputs) -> OptionResult:
    """Discharged in Chapter 7 or 13: nothing paid on it, the cancellation excluded."""
    deficiency = inputs.deficiency
    return OptionResult(
        option=Option.BANKRUPTCY,
        total_paid=ZERO,
        months=None,
        amount_cancelled=deficiency,
        still_owed=ZERO,
        may_be_taxable=False,
        form_1099c_likely=_cancelled_tax(deficiency).form_1099c_likely,
        tax_note=_(
            "Debt discharged in a bankruptcy case is excluded from income (title 11 "
            "exclusion), even if a Form 1099-C is filed; tax attributes are reduced."
        ),
        credit_report=_(
            "A bankruptcy may be reported for up to 10 years (FCRA 605(a)(1)); the bureaus "
            "remove completed Chapter 13 cases after 7 years."
        ),
        notes=_(
            "The deficiency is dischargeable in Chapter 7 or 13. Filing and attorney costs "
            "are not included, and a bankruptcy covers all your debts, not just this one."
        ),
    )


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
    IRC 61(a)(11), 108(a)(1)(A) (bankruptcy exclusion); 15 U.S.C. 1681c; docs/law.md.

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
    return (_lump_sum(inputs), _payment_plan(inputs), _garnishment(inputs), _bankruptcy(inputs))


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

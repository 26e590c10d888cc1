"""How the gap grows: the loan balance against the collateral's value, month by month.

Three pieces feed the "balance vs value" chart: the amortized balance from
origination (:func:`amortization`), the value of the car or the house over the same
months (:func:`car_values`, :func:`home_values`), and the months the borrower is
"upside down", owing more than the collateral is worth (:func:`underwater_spans`).

Month ``0`` is the start date (origination, before any payment); month ``k`` is ``k``
months later, after ``k`` payments. Dates are inputs, never today's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
import numpy.typing as npt
import numpy_financial as npf

from deficiency.errors import InvalidInputError
from deficiency.i18n import N_, _
from deficiency.money import ZERO, Amount, round_cents, to_count, to_decimal, to_money, to_percent
from deficiency.parsing import a_date, instance, instances
from deficiency.periods import add_months

#: Longest term or horizon accepted, in months (50 years).
MAX_MONTHS = 600

#: Illustrative (not sourced): a new car's value drop over its first year, percent.
#: Published rules of thumb range from about 10% to 30%; edit to match the car.
ILLUSTRATIVE_CAR_FIRST_YEAR_DROP = Decimal("20")
#: Illustrative (not sourced): the yearly drop after the first year, percent.
ILLUSTRATIVE_CAR_LATER_YEARLY_DROP = Decimal("15")


def months_field(value: Amount, field: str, minimum: int = 1) -> int:
    """A whole number of months from ``minimum`` to :data:`MAX_MONTHS`."""
    months = to_count(value, field, maximum=MAX_MONTHS)
    if months < minimum:
        raise InvalidInputError(
            field, _("must be at least {minimum} month(s)").format(minimum=minimum)
        )
    return months


def _float_to_money(value: float) -> Decimal:
    return round_cents(Decimal(repr(float(value))))


@dataclass(frozen=True)
class BalanceRow:
    """The loan after ``month`` payments: its date and unpaid principal."""

    month: int
    date: date
    balance: Decimal


@dataclass(frozen=True)
class Amortization:
    """A fixed-rate loan's level payment and its balance at every month of the term."""

    payment: Decimal
    rows: tuple[BalanceRow, ...]

    def balance_after(self, payments: int) -> Decimal:
        """The unpaid principal after ``payments`` monthly payments (0 at the end of the term)."""
        count = to_count(payments, N_("Payments made"), maximum=len(self.rows) - 1)
        return self.rows[count].balance


def amortization(
    principal: Amount, annual_rate: Amount, term_months: Amount, start: date
) -> Amortization:
    """A fixed-rate loan's monthly payment and unpaid balance after each payment.

    Parameters
    ----------
    principal
        Amount borrowed, dollars.
    annual_rate
        Nominal yearly rate in percent (compounded monthly), 0 to 100.
    term_months
        Number of monthly payments, 1 to 600.
    start
        Origination date; row ``k`` is dated ``k`` months later.

    Returns
    -------
    Amortization
        ``payment`` rounded to cents and ``term_months + 1`` rows from the principal
        down to zero; use :meth:`Amortization.balance_after` with the payments made.

    Raises
    ------
    InvalidInputError
        Naming the field: a term of zero or less, a rate above 100%, a bad amount, or
        a loan so small that its payment rounded to cents would not cover the interest.

    Notes
    -----
    ``payment = round_cents(-npf.pmt(i, n, principal))`` with ``i = rate / 1200``, and
    the balance after ``k`` payments is ``-npf.fv(i, k, -payment, principal)``, rounded
    to cents. Because the payment is rounded, the final payment absorbs the leftover
    cents and the balance after it is zero (the row type and residual rule of
    roniemartinez/amortization).

    References
    ----------
    numpy-financial ``pmt`` and ``fv``; roniemartinez/amortization (the last-payment residual).

    Examples
    --------
    $200,000 at 6% for 30 years:

    >>> loan = amortization(200000, 6, 360, date(2020, 1, 1))
    >>> loan.payment
    Decimal('1199.10')
    >>> loan.balance_after(12), loan.balance_after(360), loan.rows[-1].date
    (Decimal('197543.99'), Decimal('0.00'), datetime.date(2050, 1, 1))
    """
    start = a_date(start, N_("Start date"))
    amount = to_money(principal, N_("Loan amount"))
    rate = to_percent(annual_rate, N_("Interest rate (%/yr)"))
    months = months_field(term_months, N_("Term (months)"))
    monthly = float(rate) / 1200
    if (1 + monthly) ** months == 1.0:
        # A rate too small to change a float's compounding is zero: numpy-financial's
        # formula would divide 0 by 0 and return NaN. (0.0001 %, the finest rate read, does.)
        monthly = 0.0
    payment = _float_to_money(-npf.pmt(monthly, months, float(amount)))
    if amount > 0 and payment <= amount * rate / 1200:
        raise InvalidInputError(
            N_("Loan amount"),
            _(
                "is too small for {months} months at {rate}%: the payment rounds to "
                "{payment} and would not cover the interest"
            ).format(months=months, rate=rate, payment=f"${payment}"),
        )
    paid = np.arange(months + 1)
    with np.errstate(divide="ignore", invalid="ignore"):  # npf evaluates rate == 0 both ways
        future = npf.fv(monthly, paid, -float(payment), float(amount))
    balances = -np.asarray(future, dtype=float)
    rows = tuple(
        BalanceRow(
            int(k),
            add_months(start, int(k)),
            ZERO if k == months else max(_float_to_money(balances[k]), ZERO),
        )
        for k in paid
    )
    return Amortization(payment, rows)


def _monthly_factors(
    months: int, yearly_change: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Value multipliers for months 0..months given each month's yearly change (a fraction)."""
    monthly = (1.0 + yearly_change) ** (1.0 / 12.0)
    factors: npt.NDArray[np.float64] = np.concatenate(([1.0], np.cumprod(monthly[:months])))
    return factors


def car_values(
    price: Amount,
    months: Amount,
    first_year_drop: Amount = ILLUSTRATIVE_CAR_FIRST_YEAR_DROP,
    later_yearly_drop: Amount = ILLUSTRATIVE_CAR_LATER_YEARLY_DROP,
) -> tuple[Decimal, ...]:
    """A car's estimated value at months 0..``months``: a first-year drop, then a steady rate.

    Notes
    -----
    ``value(m) = price x (1 - d1)^(m / 12)`` for ``m <= 12`` and
    ``price x (1 - d1) x (1 - d)^((m - 12) / 12)`` after, each rounded to cents; the
    drops compound month by month. The defaults (20% then 15% a year) are
    illustrative, not sourced: a real car's value comes from a pricing guide.

    Examples
    --------
    >>> values = car_values(30000, 24)
    >>> values[0], values[12], values[24]
    (Decimal('30000.00'), Decimal('24000.00'), Decimal('20400.00'))
    """
    amount = to_money(price, N_("Car price"))
    horizon = months_field(months, N_("Months"), minimum=0)
    first = float(to_percent(first_year_drop, N_("First-year value drop (%)"))) / 100
    later = float(to_percent(later_yearly_drop, N_("Yearly value drop after year one (%)"))) / 100
    change = np.where(np.arange(horizon) < 12, -first, -later)
    return _values(amount, _monthly_factors(horizon, change))


def home_values(price: Amount, months: Amount, yearly_change: Amount) -> tuple[Decimal, ...]:
    """A home's estimated value at months 0..``months`` at a steady yearly price change.

    ``yearly_change`` is a percentage from -99.99 (a near-total loss) to 100.

    Notes
    -----
    ``value(m) = price x (1 + g)^(m / 12)``, rounded to cents.

    Examples
    --------
    >>> values = home_values(250000, 24, -10)
    >>> values[12], values[24]
    (Decimal('225000.00'), Decimal('202500.00'))
    """
    amount = to_money(price, N_("Home value"))
    horizon = months_field(months, N_("Months"), minimum=0)
    change = to_decimal(yearly_change, N_("Home price change (%/yr)"))
    if change <= -100 or change > 100:
        raise InvalidInputError(
            N_("Home price change (%/yr)"), _("must be above -100% and at most 100%")
        )
    rates = np.full(horizon, float(change) / 100)
    return _values(amount, _monthly_factors(horizon, rates))


def _values(amount: Decimal, factors: npt.NDArray[np.float64]) -> tuple[Decimal, ...]:
    return tuple(_float_to_money(float(amount) * factor) for factor in factors)


@dataclass(frozen=True)
class EquityRow:
    """One month of the balance-vs-value chart; ``equity`` is negative when upside down."""

    month: int
    date: date
    balance: Decimal
    value: Decimal

    @property
    def equity(self) -> Decimal:
        """Value minus balance: what a sale at this value would leave the borrower."""
        return self.value - self.balance

    @property
    def underwater(self) -> bool:
        """Owing more than the collateral is worth (negative equity)."""
        return self.balance > self.value


def equity_rows(schedule: Amortization, values: Sequence[Decimal]) -> tuple[EquityRow, ...]:
    """Pair each month's balance with the collateral's value, over the shorter of the two.

    Examples
    --------
    >>> loan = amortization(30000, 7, 60, date(2024, 3, 1))
    >>> rows = equity_rows(loan, car_values(30000, 60))
    >>> rows[12].underwater, rows[48].underwater
    (True, False)
    """
    schedule = instance(schedule, Amortization, N_("Schedule"))
    values = instances(values, Decimal, N_("Values"))
    return tuple(
        EquityRow(row.month, row.date, row.balance, value)
        for row, value in zip(schedule.rows, values, strict=False)
    )


@dataclass(frozen=True)
class UnderwaterSpan:
    """Months ``start`` up to (not including) ``end`` owe more than the value.

    ``end`` is ``None`` when the loan is still upside down at the last month shown.
    """

    start: int
    start_date: date
    end: int | None
    end_date: date | None


def underwater_spans(rows: Sequence[EquityRow]) -> tuple[UnderwaterSpan, ...]:
    """Each run of upside-down months: where it begins and the month equity returns.

    Usually one span (a car from its first months, a house after prices fall); empty
    when the balance never exceeds the value.

    Examples
    --------
    >>> loan = amortization(30000, 7, 60, date(2024, 3, 1))
    >>> span, = underwater_spans(equity_rows(loan, car_values(30000, 60)))
    >>> span.start, span.end, span.end_date
    (1, 18, datetime.date(2025, 9, 1))
    """
    rows = instances(rows, EquityRow, N_("Equity rows"))
    spans: list[UnderwaterSpan] = []
    opened: EquityRow | None = None
    for row in rows:
        if row.underwater and opened is None:
            opened = row
        elif not row.underwater and opened is not None:
            spans.append(UnderwaterSpan(opened.month, opened.date, row.month, row.date))
            opened = None
    if opened is not None:
        spans.append(UnderwaterSpan(opened.month, opened.date, None, None))
    return tuple(spans)

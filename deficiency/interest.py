"""Simple interest and pro-rata refunds: the helpers behind the presets' assumptions."""

from __future__ import annotations

from decimal import Decimal

from deficiency.i18n import N_
from deficiency.money import Amount, round_cents, to_count, to_money, to_percent


def simple_interest_days(
    principal: Amount, annual_rate: Amount, days: int, basis: int = 365
) -> Decimal:
    """Interest accrued on ``principal`` over ``days`` at ``annual_rate`` percent, simple.

    Notes
    -----
    ``interest = principal x rate / 100 x days / basis``, rounded half-up to cents.
    Simple-interest car loans accrue this way day by day (the worked car example, docs/law.md).

    Examples
    --------
    90 days at 12% on $10,000 (the worked car example):

    >>> simple_interest_days(10000, 12, 90)
    Decimal('295.89')
    """
    amount = to_money(principal, N_("principal"))
    rate = to_percent(annual_rate, N_("interest rate"))
    day_count = to_count(days, N_("days"), maximum=36500)
    return round_cents(amount * rate / 100 * day_count / basis)


def simple_interest_months(principal: Amount, annual_rate: Amount, months: int) -> Decimal:
    """Interest on ``principal`` for whole ``months`` at ``annual_rate`` percent, a twelfth a month.

    Examples
    --------
    Six months of missed mortgage interest at 6.5% on $250,000 (the worked house example):

    >>> simple_interest_months(250000, "6.5", 6)
    Decimal('8125.00')
    """
    amount = to_money(principal, N_("principal"))
    rate = to_percent(annual_rate, N_("interest rate"))
    month_count = to_count(months, N_("months"), maximum=1200)
    return round_cents(amount * rate / 100 * month_count / 12)


def pro_rata_refund(price: Amount, remaining_months: int, total_months: int) -> Decimal:
    """Refund of a cancelled add-on (GAP, service contract) for its unused months.

    Notes
    -----
    ``refund = price x remaining / total``; a real contract may use another method or
    deduct a cancellation fee (UCC 9-616(c)(5)), so the result is an estimate.

    Examples
    --------
    >>> pro_rata_refund(800, 42, 72)
    Decimal('466.67')
    """
    amount = to_money(price, N_("add-on price"))
    total = to_count(total_months, N_("total months"), maximum=1200)
    remaining = to_count(remaining_months, N_("remaining months"), maximum=total)
    if total == 0:
        return round_cents(Decimal(0))
    return round_cents(amount * remaining / total)

"""Cached calls for the "Over time" page: balance against value, and the gap after default.

Each function is cached per distinct input (bounded); figures are built fresh from
the results on every run. Every figure comes from :mod:`deficiency.growth` and
:mod:`deficiency.default_timeline`; this module only picks and packs them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from deficiency import (
    CarDefault,
    CarRoute,
    EquityRow,
    GapRow,
    MortgageDefault,
    MortgageExit,
    UnderwaterSpan,
    amortization,
    car_gap_by_month,
    car_values,
    equity_rows,
    home_gap_by_month,
    home_values,
    typical_car_plan,
    typical_home_plan,
    underwater_spans,
)
from ui.kit.cache import frozen_result_cache

HOUSE = "m"
CAR = "c"


@dataclass(frozen=True)
class BalanceView:
    """The loan month by month against the collateral, its upside-down spans and the default row."""

    payment: Decimal
    rows: tuple[EquityRow, ...]
    spans: tuple[UnderwaterSpan, ...]
    at_default: EquityRow


@frozen_result_cache(max_entries=128)
def balance_view(
    side: str,
    loan: str,
    rate: str,
    term: int,
    start: date,
    payments: int,
    price: str,
    change: str,
    later_change: str,
) -> BalanceView:
    """Amortize the loan and value the car (``change``, ``later_change`` drops) or house.

    For the house ``change`` is the yearly price change in percent (may be negative)
    and ``later_change`` is unused. ``payments`` marks the month the borrower stops paying.
    """
    schedule = amortization(loan, rate, term, start)
    schedule.balance_after(payments)  # names "Payments made" if it is past the term
    if side == CAR:
        values = car_values(price, term, change, later_change)
    else:
        values = home_values(price, term, change)
    rows = equity_rows(schedule, values)
    return BalanceView(schedule.payment, rows, underwater_spans(rows), rows[payments])


@dataclass(frozen=True)
class ExitSeries:
    """One exit's deficiency by month of sale and its illustrative typical month of sale."""

    label: str
    rows: tuple[GapRow, ...]
    typical_month: int

    def through(self, month: int) -> tuple[GapRow, ...]:
        """The rows from default to ``month``."""
        return self.rows[: month + 1]

    @property
    def typical(self) -> GapRow:
        """The row at the exit's typical month of sale."""
        return self.rows[self.typical_month]


@dataclass(frozen=True)
class GapView:
    """Every exit of one loan, each run to the chosen month (and at least to its typical month)."""

    months: int
    series: tuple[ExitSeries, ...]


def _last_month(months: int, typical: int) -> int:
    """How far to run an exit: the chosen month, or its typical month if that is later.

    A negative choice is passed through unchanged so the package rejects it by name.
    """
    return months if months < 0 else max(months, typical)


@frozen_result_cache(max_entries=128)
def home_gap_view(
    default_date: date,
    balance: str,
    rate: str,
    value: str,
    late_fee: str,
    escrow: str,
    price_change: str,
    months: int,
) -> GapView:
    """Short sale, foreclosure and deed in lieu of the same house, month by month from default."""
    situation = MortgageDefault(
        default_date,
        Decimal(balance),
        Decimal(rate),
        Decimal(value),
        Decimal(late_fee),
        Decimal(escrow),
        Decimal(price_change),
    )
    series = []
    for exit in MortgageExit:
        plan = typical_home_plan(exit)
        run = replace(plan, months_to_sale=_last_month(months, plan.months_to_sale))
        series.append(
            ExitSeries(exit.label, home_gap_by_month(situation, run), plan.months_to_sale)
        )
    return GapView(months, tuple(series))


@frozen_result_cache(max_entries=128)
def car_gap_view(
    default_date: date,
    balance: str,
    rate: str,
    value: str,
    late_fee: str,
    yearly_drop: str,
    months: int,
) -> GapView:
    """Private sale, voluntary surrender and repossession of the same car, month by month."""
    situation = CarDefault(
        default_date,
        Decimal(balance),
        Decimal(rate),
        Decimal(value),
        Decimal(late_fee),
        Decimal(yearly_drop),
    )
    series = []
    for route in CarRoute:
        plan = typical_car_plan(route)
        run = replace(plan, months_to_sale=_last_month(months, plan.months_to_sale))
        series.append(
            ExitSeries(route.label, car_gap_by_month(situation, run), plan.months_to_sale)
        )
    return GapView(months, tuple(series))

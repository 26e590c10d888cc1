"""From the first missed payment to the sale: the deficiency for each month the sale waits.

Every month between default and sale adds interest (simple, a twelfth of the yearly
rate on the unpaid principal), a late fee and, on a mortgage, an escrow advance for
taxes and insurance; a repossessed car adds storage for every day from repossession
to sale. Meanwhile the collateral's value moves. Each row is "the statement if the
sale closed in month ``m``", built by the same exact statement as everything else.

The typical timelines and costs below are **illustrative** defaults for the demo,
not sourced facts (docs/law.md marks them as assumptions), except where a
constant names its source; the UI shows them as editable inputs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from deficiency.auto import AutoExit
from deficiency.errors import InvalidInputError
from deficiency.growth import MAX_MONTHS
from deficiency.i18n import N_, _
from deficiency.inputs import count_field, money_field, percent_field, validate
from deficiency.interest import simple_interest_months
from deficiency.money import Amount, round_cents, to_decimal
from deficiency.mortgage import MortgageExit
from deficiency.parsing import choice, instance
from deficiency.periods import add_months
from deficiency.scenarios import LoanKind, statement_for
from deficiency.statement import Statement

MONTHS_TO_SALE = N_("Months from default to sale")


class CarRoute(enum.Enum):
    """How a car behind on its loan is sold."""

    PRIVATE_SALE = "private_sale"
    VOLUNTARY_SURRENDER = "voluntary_surrender"
    REPOSSESSION = "repossession"

    @property
    def label(self) -> str:
        """The route in the reader's language."""
        return _(_ROUTE_LABELS[self.value])


_ROUTE_LABELS = {
    "private_sale": N_("Private sale before default"),
    "voluntary_surrender": N_("Voluntary surrender"),
    "repossession": N_("Repossession"),
}


@dataclass(frozen=True)
class GapRow:
    """The statement's totals if the sale closed ``month`` months after the first missed payment."""

    month: int
    date: date
    owed: Decimal
    sale_price: Decimal
    costs: Decimal
    credits: Decimal
    deficiency: Decimal
    surplus: Decimal


def _row(month: int, when: date, statement: Statement) -> GapRow:
    return GapRow(
        month=month,
        date=when,
        owed=statement.owed,
        sale_price=statement.proceeds,
        costs=statement.expenses,
        credits=statement.credits,
        deficiency=statement.deficiency,
        surplus=statement.surplus,
    )


def _change_percent(value: Amount, field: str) -> Decimal:
    change = to_decimal(value, field)
    if change <= -100 or change > 100:
        raise InvalidInputError(field, _("must be above -100% and at most 100%"))
    return change


def _value_at(value: Decimal, yearly_change: Decimal, month: int, percent: Decimal) -> Decimal:
    """``value x (1 + g)^(month / 12) x percent / 100``, rounded to cents."""
    factor = (1 + float(yearly_change) / 100) ** (month / 12)
    return round_cents(value * Decimal(repr(factor)) * percent / 100)


def _check_sale_not_before_default(months_to_sale: Amount) -> None:
    if to_decimal(months_to_sale, MONTHS_TO_SALE) < 0:
        raise InvalidInputError(
            MONTHS_TO_SALE,
            _("cannot be negative: the sale cannot come before the first missed payment"),
        )


@dataclass(frozen=True)
class MortgageDefault:
    """The mortgage and the house at the first missed payment.

    ``yearly_price_change`` is the home's price change in percent a year (may be
    negative, above -100%).
    """

    default_date: date
    unpaid_principal: Decimal = money_field(N_("Loan balance at default"))
    annual_rate: Decimal = percent_field(N_("Interest rate (%/yr)"))
    home_value: Decimal = money_field(N_("Home value at default"))
    late_fee: Decimal = money_field(N_("Late fee per missed month"))
    escrow_per_month: Decimal = money_field(N_("Escrow advance per month"))
    yearly_price_change: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        validate(self)
        change = _change_percent(self.yearly_price_change, N_("Home price change (%/yr)"))
        object.__setattr__(self, "yearly_price_change", change)


@dataclass(frozen=True)
class HomeExitPlan:
    """One exit's timeline and costs; see :func:`typical_home_plan` for illustrative defaults.

    ``price_percent`` is the price (or value credited) as a percentage of the home's
    market value in the month of sale; the commission and seller costs apply to a
    short sale, the legal costs to a foreclosure or a deed in lieu.
    """

    exit: MortgageExit
    months_to_sale: int = count_field(MONTHS_TO_SALE, maximum=MAX_MONTHS)
    price_percent: Decimal = percent_field(N_("Price (% of market value)"), "100")
    commission_rate: Decimal = percent_field(N_("Commission (% of price)"))
    seller_costs: Decimal = money_field(N_("Seller closing costs"))
    legal_costs: Decimal = money_field(N_("Foreclosure or deed-in-lieu legal costs"))

    def __post_init__(self) -> None:
        _check_sale_not_before_default(self.months_to_sale)
        validate(self)


#: Fannie Mae's maximum allowable attorney fee for a routine non-judicial foreclosure
#: in, for example, Arizona, California and Georgia (Servicing Guide exhibit, Dec 2022;
#: an assumption). Judicial states run higher (Florida $4,750).
FANNIE_MAE_NONJUDICIAL_ATTORNEY_FEE = Decimal("1900")

#: Illustrative defaults for each mortgage exit (timelines vary by state and servicer):
#: months to sale, price as % of market value, commission %, seller costs, legal costs.
_TYPICAL_HOME: dict[MortgageExit, tuple[int, str, str, str, Decimal]] = {
    # 6% commission (Fannie Mae's cap) and $2,000 of seller costs: the worked house example.
    MortgageExit.SHORT_SALE: (6, "100", "6", "2000", Decimal(0)),
    # Auction or REO discount of 15% and $1,000 of trustee and sale costs: illustrative.
    MortgageExit.FORECLOSURE: (12, "85", "0", "0", FANNIE_MAE_NONJUDICIAL_ATTORNEY_FEE + 1000),
    # Lender credits 90% of value, $500 of title and recording: illustrative.
    MortgageExit.DEED_IN_LIEU: (8, "90", "0", "0", Decimal(500)),
}


def typical_home_plan(exit: MortgageExit | str) -> HomeExitPlan:
    """Illustrative (not sourced, except the attorney fee) timeline and costs for an exit.

    Examples
    --------
    >>> typical_home_plan("foreclosure").months_to_sale
    12
    """
    chosen = choice(MortgageExit, exit, N_("Exit"))
    months, percent, commission, seller, legal = _TYPICAL_HOME[chosen]
    return HomeExitPlan(
        exit=chosen,
        months_to_sale=months,
        price_percent=Decimal(percent),
        commission_rate=Decimal(commission),
        seller_costs=Decimal(seller),
        legal_costs=legal,
    )


def home_gap_by_month(situation: MortgageDefault, plan: HomeExitPlan) -> tuple[GapRow, ...]:
    """The deficiency if the house sold in each month from default (0) to ``plan.months_to_sale``.

    Raises
    ------
    InvalidInputError
        Naming the field (from the dataclasses): a negative month count, a rate above
        100%, a bad amount.

    Notes
    -----
    In month ``m``: ``owed = principal + principal x rate / 12 x m + escrow x m +
    late_fee x m``; ``price = value x (1 + g)^(m / 12) x price% / 100``; the statement
    then deducts the commission and seller costs (short sale) or adds the legal costs
    (foreclosure, deed in lieu), as :func:`deficiency.mortgage.mortgage_statement` does.

    Examples
    --------
    The worked house example (docs/law.md) sold short six months after default:

    >>> house = MortgageDefault(date(2025, 1, 1), 250000, Decimal("6.5"), 200000,
    ...                         escrow_per_month=400)
    >>> rows = home_gap_by_month(house, typical_home_plan("short_sale"))
    >>> rows[0].deficiency, rows[-1].owed, rows[-1].deficiency
    (Decimal('64000.00'), Decimal('260525.00'), Decimal('74525.00'))
    """
    situation = instance(situation, MortgageDefault, N_("Mortgage at default"))
    plan = instance(plan, HomeExitPlan, N_("Exit plan"))
    rows = []
    for month in range(plan.months_to_sale + 1):
        values = {
            "unpaid_principal": situation.unpaid_principal,
            "accrued_interest": simple_interest_months(
                situation.unpaid_principal, situation.annual_rate, month
            ),
            "escrow_advances": situation.escrow_per_month * month,
            "late_fees": situation.late_fee * month,
            "sale_price": _value_at(
                situation.home_value, situation.yearly_price_change, month, plan.price_percent
            ),
            "commission_rate": plan.commission_rate,
            "seller_closing_costs": plan.seller_costs,
            "attorney_fees": plan.legal_costs,
        }
        statement = statement_for(LoanKind.MORTGAGE, values, plan.exit)
        rows.append(_row(month, add_months(situation.default_date, month), statement))
    return tuple(rows)


def home_gap_by_exit(
    situation: MortgageDefault, plans: dict[MortgageExit, HomeExitPlan] | None = None
) -> dict[MortgageExit, tuple[GapRow, ...]]:
    """:func:`home_gap_by_month` for every exit, with the typical plan where none is given."""
    chosen = plans or {}
    return {
        exit: home_gap_by_month(situation, chosen.get(exit, typical_home_plan(exit)))
        for exit in MortgageExit
    }


@dataclass(frozen=True)
class CarDefault:
    """The car loan and the car at the first missed payment.

    ``car_value`` is the private-party value at default; ``yearly_value_drop`` the
    percentage it loses a year from then on.
    """

    default_date: date
    unpaid_principal: Decimal = money_field(N_("Loan balance at default"))
    annual_rate: Decimal = percent_field(N_("Interest rate (%/yr)"))
    car_value: Decimal = money_field(N_("Car value at default (private sale)"))
    late_fee: Decimal = money_field(N_("Late fee per missed month"))
    yearly_value_drop: Decimal = percent_field(N_("Yearly value drop (%)"), "15")

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class CarRoutePlan:
    """One route's timeline and costs; see :func:`typical_car_plan` for illustrative defaults.

    ``handover_month`` is when the lender takes the car (repossession or surrender);
    storage runs by the day from then to the sale. ``price_percent`` is the price as a
    percentage of the car's private-sale value: below 100 for an auction.
    """

    route: CarRoute
    months_to_sale: int = count_field(MONTHS_TO_SALE, maximum=MAX_MONTHS)
    handover_month: int = count_field(N_("Months from default to handover"), maximum=MAX_MONTHS)
    price_percent: Decimal = percent_field(N_("Price (% of private-sale value)"), "100")
    retaking_fee: Decimal = money_field(N_("Repossession (retaking) fee"))
    transport: Decimal = money_field(N_("Transport"))
    storage_daily_rate: Decimal = money_field(N_("Storage per day"))
    reconditioning: Decimal = money_field(N_("Reconditioning"))
    auction_fee: Decimal = money_field(N_("Auction or sale fees"))
    credits: Decimal = money_field(N_("Rebates and add-on refunds"))

    def __post_init__(self) -> None:
        _check_sale_not_before_default(self.months_to_sale)
        validate(self)
        if self.handover_month > self.months_to_sale:
            raise InvalidInputError(
                N_("Months from default to handover"), _("cannot be after the month of sale")
            )


#: Illustrative defaults: months to sale, handover month, price % of private value,
#: retaking, transport, storage per day, reconditioning, auction fee.
_TYPICAL_CAR: dict[CarRoute, tuple[int, int, str, str, str, str, str, str]] = {
    CarRoute.PRIVATE_SALE: (0, 0, "100", "0", "0", "0", "0", "0"),
    # Auction at 80% of private value (illustrative; the typical auction share is
    # unverified); $25 a day storage is the worked car example's assumption.
    CarRoute.VOLUNTARY_SURRENDER: (3, 2, "80", "0", "150", "25", "300", "250"),
    # Retaking about $350: the CFPB examiners' average (data/typical_costs.toml).
    CarRoute.REPOSSESSION: (4, 3, "80", "350", "150", "25", "300", "250"),
}


def typical_car_plan(route: CarRoute | str) -> CarRoutePlan:
    """Illustrative (not sourced, except the retaking fee) timeline and costs for a route.

    Examples
    --------
    >>> typical_car_plan("repossession").retaking_fee
    Decimal('350.00')
    """
    chosen = choice(CarRoute, route, N_("Route"))
    months, handover, percent, *costs = _TYPICAL_CAR[chosen]
    retaking, transport, storage, recondition, auction = (Decimal(cost) for cost in costs)
    return CarRoutePlan(
        route=chosen,
        months_to_sale=months,
        handover_month=handover,
        price_percent=Decimal(percent),
        retaking_fee=retaking,
        transport=transport,
        storage_daily_rate=storage,
        reconditioning=recondition,
        auction_fee=auction,
    )


def car_gap_by_month(situation: CarDefault, plan: CarRoutePlan) -> tuple[GapRow, ...]:
    """The deficiency if the car sold in each month from default (0) to ``plan.months_to_sale``.

    Notes
    -----
    In month ``m``: ``owed = principal + principal x rate / 12 x m + late_fee x min(m, h)``,
    where ``h`` is the handover month (late fees stop once the car is taken);
    ``price = value x (1 - d)^(m / 12) x price% / 100``; storage days are the calendar
    days from the handover month to month ``m`` (none before the handover); the
    statement follows UCC 9-615 as :func:`deficiency.auto.auto_statement` does, with
    no retaking fee on a voluntary surrender or a private sale.

    Examples
    --------
    $18,000 owed on a car worth $15,000 at default, repossessed:

    >>> car = CarDefault(date(2025, 3, 1), 18000, 12, 15000, late_fee=40)
    >>> rows = car_gap_by_month(car, typical_car_plan("repossession"))
    >>> rows[0].deficiency, rows[-1].costs, rows[-1].deficiency
    (Decimal('7050.00'), Decimal('1800.00'), Decimal('9272.78'))
    >>> car_gap_by_month(car, typical_car_plan("private_sale"))[0].deficiency
    Decimal('3000.00')
    """
    situation = instance(situation, CarDefault, N_("Car at default"))
    plan = instance(plan, CarRoutePlan, N_("Route plan"))
    exit = (
        AutoExit.REPOSSESSION
        if plan.route is CarRoute.REPOSSESSION
        else (AutoExit.VOLUNTARY_SURRENDER)
    )
    handover = add_months(situation.default_date, plan.handover_month)
    rows = []
    for month in range(plan.months_to_sale + 1):
        when = add_months(situation.default_date, month)
        values: dict[str, Amount] = {
            "unpaid_principal": situation.unpaid_principal,
            "accrued_interest": simple_interest_months(
                situation.unpaid_principal, situation.annual_rate, month
            ),
            # No late fee once the lender has the car and the loan is accelerated: no
            # payment falls due after that (CFPB examiners; data/typical_costs.toml).
            "late_fees": situation.late_fee * min(month, plan.handover_month),
            "sale_price": _value_at(
                situation.car_value, -situation.yearly_value_drop, month, plan.price_percent
            ),
            "retaking_fee": plan.retaking_fee,
            "transport": plan.transport,
            "storage_days": max((when - handover).days, 0),
            "storage_daily_rate": plan.storage_daily_rate,
            "reconditioning": plan.reconditioning,
            "auction_fee": plan.auction_fee,
            "unearned_interest": plan.credits,
        }
        statement = statement_for(LoanKind.AUTO, values, exit)
        rows.append(_row(month, when, statement))
    return tuple(rows)


def car_gap_by_route(
    situation: CarDefault, plans: dict[CarRoute, CarRoutePlan] | None = None
) -> dict[CarRoute, tuple[GapRow, ...]]:
    """:func:`car_gap_by_month` for every route, with the typical plan where none is given."""
    chosen = plans or {}
    return {
        route: car_gap_by_month(situation, chosen.get(route, typical_car_plan(route)))
        for route in CarRoute
    }

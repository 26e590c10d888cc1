"""Balance vs value over time, and the gap from the first missed payment to the sale."""

import itertools
from datetime import date
from decimal import Decimal, localcontext

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, LoanKind, MortgageExit, evaluate
from deficiency.default_timeline import (
    CarDefault,
    CarRoute,
    CarRoutePlan,
    HomeExitPlan,
    MortgageDefault,
    car_gap_by_month,
    car_gap_by_route,
    home_gap_by_exit,
    home_gap_by_month,
    typical_home_plan,
)
from deficiency.growth import (
    EquityRow,
    amortization,
    car_values,
    equity_rows,
    home_values,
    underwater_spans,
)
from deficiency.money import round_cents
from deficiency.periods import add_months

START = date(2020, 1, 15)


def test_published_payment_200k_at_6_percent_for_30_years():
    loan = amortization(200000, 6, 360, START)
    assert loan.payment == Decimal("1199.10")
    assert round(-npf.pmt(0.005, 360, 200000), 2) == 1199.10
    assert loan.rows[0].balance == Decimal("200000.00")
    assert loan.rows[-1].balance == Decimal("0.00")
    assert len(loan.rows) == 361
    assert loan.rows[12].date == date(2021, 1, 15)


def decimal_balance(principal, annual_rate, payment, paid):
    """Independent oracle: the closed-form balance in 50-digit Decimal arithmetic."""
    with localcontext() as context:
        context.prec = 50
        i = Decimal(annual_rate) / 1200
        growth = (1 + i) ** paid
        if i == 0:
            return round_cents(Decimal(principal) - payment * paid)
        return round_cents(Decimal(principal) * growth - payment * (growth - 1) / i)


@pytest.mark.parametrize(
    ("principal", "rate", "term"),
    [(200000, 6, 360), (30000, "7.5", 72), (12345.67, 0, 48), (500000, "3.25", 180)],
)
def test_balances_match_the_closed_form_to_the_cent(principal, rate, term):
    loan = amortization(principal, rate, term, START)
    for paid in range(term):
        assert loan.balance_after(paid) == decimal_balance(principal, rate, loan.payment, paid)


def test_balance_falls_every_month_and_zero_rate_is_straight_line():
    loan = amortization(12000, 0, 12, START)
    assert loan.payment == Decimal("1000.00")
    assert [row.balance for row in loan.rows][:3] == [Decimal(12000), Decimal(11000), 10000]
    balances = [row.balance for row in amortization(30000, 9, 60, START).rows]
    assert all(later < earlier for earlier, later in itertools.pairwise(balances))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"term_months": 0}, "Term (months)"),
        ({"term_months": -12}, "Term (months)"),
        ({"annual_rate": 101}, "Interest rate (%/yr)"),
        ({"principal": -5}, "Loan amount"),
    ],
)
def test_bad_loan_inputs_name_the_field(kwargs, field):
    args = {"principal": 1000, "annual_rate": 5, "term_months": 12, "start": START} | kwargs
    with pytest.raises(InvalidInputError) as error:
        amortization(**args)
    assert error.value.field == field


def test_balance_after_refuses_more_payments_than_the_term():
    with pytest.raises(InvalidInputError, match="Payments made"):
        amortization(1000, 5, 12, START).balance_after(13)


def test_car_values_first_year_drop_then_steady_rate():
    values = car_values(40000, 36, first_year_drop=25, later_yearly_drop=10)
    assert values[0] == Decimal("40000.00")
    assert values[12] == Decimal("30000.00")
    assert values[24] == Decimal("27000.00")
    assert values[36] == Decimal("24300.00")
    assert all(later <= earlier for earlier, later in itertools.pairwise(values))


def test_home_values_and_bad_change():
    assert home_values(300000, 12, 5)[12] == Decimal("315000.00")
    assert home_values(300000, 0, 5) == (Decimal("300000.00"),)
    for bad in (-100, 150):
        with pytest.raises(InvalidInputError, match="Home price change"):
            home_values(300000, 12, bad)


def test_upside_down_span_of_a_car_loan_with_no_money_down():
    loan = amortization(35000, 8, 72, START)
    rows = equity_rows(loan, car_values(35000, 72))
    (span,) = underwater_spans(rows)
    assert span.start == 1
    assert span.end is not None
    assert all(row.underwater for row in rows[span.start : span.end])
    assert not rows[span.end].underwater
    assert rows[span.end].date == span.end_date


def test_spans_open_and_close_and_stay_open_at_the_end():
    def row(month, balance, value):
        return EquityRow(month, add_months(START, month), Decimal(balance), Decimal(value))

    rows = [row(0, 10, 20), row(1, 30, 20), row(2, 30, 20), row(3, 10, 20), row(4, 30, 20)]
    spans = underwater_spans(rows)
    assert [(s.start, s.end) for s in spans] == [(1, 3), (4, None)]
    assert spans[1].end_date is None
    assert underwater_spans([row(0, 20, 20)]) == ()  # owing exactly the value is not underwater


HOUSE = MortgageDefault(
    date(2025, 1, 1),
    unpaid_principal=250000,
    annual_rate=Decimal("6.5"),
    home_value=200000,
    late_fee=100,
    escrow_per_month=400,
    yearly_price_change=-5,
)


def test_home_gap_rows_match_the_exact_evaluate():
    plan = typical_home_plan(MortgageExit.FORECLOSURE)
    rows = home_gap_by_month(HOUSE, plan)
    assert [row.month for row in rows] == list(range(13))
    last = rows[-1]
    assert last.date == date(2026, 1, 1)
    # 12 months: interest 250,000 x 6.5%, 12 escrow advances and late fees.
    assert last.owed == Decimal(250000 + 16250 + 4800 + 1200)
    assert last.sale_price == Decimal("161500.00")  # 200,000 x 0.95 x 85%
    values = {
        "unpaid_principal": 250000,
        "accrued_interest": 16250,
        "escrow_advances": 4800,
        "late_fees": 1200,
        "sale_price": last.sale_price,
        "attorney_fees": 2900,
    }
    outcome = evaluate(LoanKind.MORTGAGE, values, "foreclosure", "judgment")
    assert last.deficiency == outcome.deficiency == Decimal("113650.00")


def test_every_month_of_waiting_raises_the_gap():
    for rows in home_gap_by_exit(HOUSE).values():
        gaps = [row.deficiency for row in rows]
        assert all(later > earlier for earlier, later in itertools.pairwise(gaps))
    assert set(home_gap_by_exit(HOUSE)) == set(MortgageExit)


def test_short_sale_deducts_commission_and_foreclosure_adds_legal_costs():
    short = home_gap_by_month(HOUSE, typical_home_plan("short_sale"))[0]
    assert short.costs == Decimal("14000.00")  # 6% of 200,000 + 2,000
    foreclosure = home_gap_by_month(HOUSE, typical_home_plan("foreclosure"))[0]
    assert foreclosure.costs == Decimal("2900.00")


CAR = CarDefault(date(2025, 3, 1), 18000, 12, 15000, late_fee=40)


def test_car_routes_known_answers():
    by_route = car_gap_by_route(CAR)
    private = by_route[CarRoute.PRIVATE_SALE]
    assert len(private) == 1 and private[0].deficiency == Decimal("3000.00")
    repo = by_route[CarRoute.REPOSSESSION][-1]
    # Storage from 1 June (handover, month 3) to 1 July (sale, month 4): 30 days x $25.
    assert repo.costs == Decimal(350 + 150 + 750 + 300 + 250)
    surrender = by_route[CarRoute.VOLUNTARY_SURRENDER][-1]
    assert surrender.costs == Decimal(150 + 31 * 25 + 300 + 250)  # 1 May to 1 June
    assert private[0].deficiency < surrender.deficiency < repo.deficiency


def test_late_fees_stop_when_the_lender_takes_the_car():
    # Taken in month 1, sold in month 6: one late fee, none while the car waits for sale
    # (no payment is due on an accelerated loan; CFPB examiners).
    plan = CarRoutePlan(CarRoute.REPOSSESSION, 6, 1, Decimal(80))
    rows = car_gap_by_month(CAR, plan)
    interest = Decimal("180.00") * 6  # $18,000 x 12% / 12 a month
    assert rows[-1].owed == Decimal(18000) + interest + Decimal(40)
    assert rows[0].owed == Decimal(18000)


def test_storage_runs_by_calendar_day_from_handover():
    plan = CarRoutePlan(CarRoute.REPOSSESSION, 2, 1, Decimal(80), storage_daily_rate=10)
    rows = car_gap_by_month(CAR, plan)
    assert [row.costs for row in rows] == [Decimal(0), Decimal(0), Decimal(300)]  # April: 30


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: HomeExitPlan(MortgageExit.SHORT_SALE, months_to_sale=-1), "Months from default"),
        (lambda: CarRoutePlan(CarRoute.REPOSSESSION, months_to_sale=-2), "Months from default"),
        (lambda: CarRoutePlan(CarRoute.REPOSSESSION, 2, 3), "Months from default to handover"),
        (lambda: MortgageDefault(START, annual_rate=120), "Interest rate"),
        (lambda: MortgageDefault(START, yearly_price_change=-100), "Home price change"),
        (lambda: CarDefault(START, yearly_value_drop=101), "Yearly value drop"),
        (lambda: HomeExitPlan(MortgageExit.SHORT_SALE, commission_rate=101), "Commission"),
    ],
)
def test_bad_timeline_inputs_name_the_field(build, field):
    with pytest.raises(InvalidInputError) as error:
        build()
    assert error.value.field.startswith(field)


def test_a_sale_before_default_has_a_clear_message():
    with pytest.raises(InvalidInputError, match="cannot come before the first missed payment"):
        HomeExitPlan(MortgageExit.FORECLOSURE, months_to_sale=-3)


@given(
    st.decimals(min_value=1, max_value=Decimal("1e6"), places=2),
    st.decimals(min_value=0, max_value=30, places=3),
    st.integers(min_value=1, max_value=480),
)
def test_schedule_starts_at_principal_ends_at_zero_and_never_rises(principal, rate, term):
    try:
        loan = amortization(principal, rate, term, START)
    except InvalidInputError as error:
        # Only a loan whose rounded payment misses the first month's interest is refused.
        payment = round_cents(
            Decimal(repr(float(-npf.pmt(float(rate) / 1200, term, float(principal)))))
        )
        assert payment <= principal * rate / 1200, error
        return
    balances = [row.balance for row in loan.rows]
    assert balances[0] == principal and balances[-1] == 0
    assert all(0 <= later <= earlier for earlier, later in itertools.pairwise(balances))


def test_a_loan_whose_rounded_payment_misses_the_interest_is_refused():
    # $1 over 201 months at 0.03%: the payment is half a cent, below the first month's interest.
    with pytest.raises(InvalidInputError, match="would not cover the interest"):
        amortization(1, "0.03", 201, START)
    assert amortization(0, 5, 12, START).payment == Decimal("0.00")


@pytest.mark.parametrize("rate", ["3.464315114119295e-121", "1e-15", "5e-324"])
def test_a_rate_finer_than_four_places_is_refused(rate):
    # Found by the app fuzz: 1e-121 % made numpy-financial divide 0 by 0 (NaN payment);
    # the one precision rule for percentages now refuses it.
    with pytest.raises(InvalidInputError, match="at most 4 decimal places"):
        amortization(12000, rate, 12, date(2024, 1, 1))


def test_the_smallest_rate_amortizes_to_the_cent():
    loan = amortization(12000, "0.0001", 12, date(2024, 1, 1))
    assert loan.payment == Decimal("1000.00")
    assert loan.balance_after(6) == Decimal("6000.00")
    assert loan.balance_after(12) == Decimal("0.00")

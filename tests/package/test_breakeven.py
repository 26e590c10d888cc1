"""Break-even price: no deficiency at it, a deficiency one cent below."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, LoanKind, evaluate
from deficiency.breakeven import break_even_price

CENT = Decimal("0.01")
amounts = st.decimals(min_value=0, max_value=Decimal("1e8"), places=2, allow_nan=False)
rates = st.decimals(min_value=0, max_value=Decimal("99.9"), places=4, allow_nan=False)


def deficiency_at(kind, values, exit, price):
    return evaluate(kind, {**values, "sale_price": price}, exit, "judgment").deficiency


def assert_lowest_price_without_deficiency(kind, values, exit):
    price = break_even_price(kind, values, exit)
    assert price is not None
    assert deficiency_at(kind, values, exit, price) == 0
    if price > 0:
        assert deficiency_at(kind, values, exit, price - CENT) > 0
    return price


def test_car_known_answer_is_debt_plus_costs_minus_credits():
    car = {"unpaid_principal": 10000, "retaking_fee": 500, "storage_days": 30}
    car |= {"storage_daily_rate": 25, "gap_refund": "466.67"}
    price = assert_lowest_price_without_deficiency(LoanKind.AUTO, car, "repossession")
    assert price == Decimal("10783.33")
    # A voluntary surrender has no retaking fee.
    assert break_even_price("auto", car, "voluntary_surrender") == Decimal("10283.33")


def test_short_sale_known_answer_and_one_cent_check():
    house = {"unpaid_principal": 250000, "accrued_interest": 8125, "escrow_advances": 2400}
    house |= {"commission_rate": 6, "seller_closing_costs": 2000}
    price = assert_lowest_price_without_deficiency(LoanKind.MORTGAGE, house, "short_sale")
    assert price == Decimal("279281.91")  # 262,525 / 0.94 = 279,281.914...


def test_foreclosure_ignores_the_commission_and_adds_legal_costs():
    house = {"unpaid_principal": 250000, "commission_rate": 6, "attorney_fees": 1900}
    price = assert_lowest_price_without_deficiency(LoanKind.MORTGAGE, house, "foreclosure")
    assert price == Decimal("251900.00")


def test_credits_covering_everything_give_zero():
    car = {"unpaid_principal": 100, "unearned_interest": 150}
    assert break_even_price(LoanKind.AUTO, car, "repossession") == Decimal("0.00")


def test_commission_step_where_a_higher_rate_hits_a_rounding_tie():
    # 5.5% of x.x0 prices: the commission jumps at half cents; check the step exactly.
    house = {"unpaid_principal": "0.95", "commission_rate": "5.5"}
    price = assert_lowest_price_without_deficiency(LoanKind.MORTGAGE, house, "short_sale")
    assert price == Decimal("1.01")  # 1.01 - 0.06 = 0.95; 1.00 - 0.06 = 0.94 (0.055 rounds up)


def test_no_price_clears_a_full_commission():
    house = {"unpaid_principal": 1000, "commission_rate": 100}
    assert break_even_price(LoanKind.MORTGAGE, house, "short_sale") is None
    assert break_even_price(LoanKind.MORTGAGE, {**house, "unpaid_principal": 0}, "short_sale") == 0


def test_bad_input_names_the_field():
    with pytest.raises(InvalidInputError, match="Commission"):
        break_even_price(LoanKind.MORTGAGE, {"commission_rate": 120}, "short_sale")
    with pytest.raises(InvalidInputError, match="Loan type"):
        break_even_price("boat", {}, "repossession")


@given(amounts, amounts, amounts, rates)
def test_short_sale_break_even_is_exact(principal, interest, closing, rate):
    house = {
        "unpaid_principal": principal,
        "late_fees": interest,
        "transfer_taxes": closing,
        "commission_rate": rate,
    }
    assert_lowest_price_without_deficiency(LoanKind.MORTGAGE, house, "short_sale")


@given(amounts, amounts, amounts, st.sampled_from(["repossession", "voluntary_surrender"]))
def test_car_break_even_is_exact(principal, retaking, refund, exit):
    car = {"unpaid_principal": principal, "retaking_fee": retaking, "gap_refund": refund}
    assert_lowest_price_without_deficiency(LoanKind.AUTO, car, exit)

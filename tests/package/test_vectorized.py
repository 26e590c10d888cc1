"""The vectorized cents path agrees with the exact Decimal statement to the cent."""

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, LoanKind, evaluate, explain
from deficiency.money import percent_of, to_money
from deficiency.vectorized import (
    MAX_GRID_POINTS,
    cents_steps,
    cents_to_money,
    deficiency_cents,
    deficiency_grid,
    dollars_to_cents,
    percent_of_cents,
    rate_units,
)

amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False)
raw_amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=4, allow_nan=False)
item_lists = st.lists(raw_amounts, max_size=4)
rates = st.decimals(min_value=0, max_value=100, places=4, allow_nan=False)


def cents(value: Decimal) -> int:
    return int(value * 100)


@given(raw_amounts, raw_amounts, item_lists, item_lists)
def test_agrees_with_explain(owed, price, expenses, credits):
    statement = explain(
        owed=owed,
        sale_price=price,
        expenses={str(i): amount for i, amount in enumerate(expenses)},
        credits={str(i): amount for i, amount in enumerate(credits)},
    )
    # Items are rounded to cents one by one before they are added, as on the statement.
    result = deficiency_cents(
        dollars_to_cents([owed], "owed"),
        dollars_to_cents([price], "price"),
        sum(cents(to_money(amount, "e")) for amount in expenses),
        sum(cents(to_money(amount, "c")) for amount in credits),
    )
    assert cents_to_money(result.deficiency[0]) == statement.deficiency
    assert cents_to_money(result.surplus[0]) == statement.surplus


@given(amounts, amounts, rates, amounts, amounts)
def test_agrees_with_a_mortgage_short_sale(principal, price, rate, closing, interest):
    values = {
        "unpaid_principal": principal,
        "accrued_interest": interest,
        "sale_price": price,
        "commission_rate": rate,
        "seller_closing_costs": closing,
    }
    outcome = evaluate(LoanKind.MORTGAGE, values, "short_sale", "judgment")
    result = deficiency_cents(
        cents(principal) + cents(interest), cents(price), cents(closing), commission_rate=rate
    )
    assert cents_to_money(result.deficiency) == outcome.deficiency
    assert cents_to_money(result.surplus) == outcome.surplus


@given(st.decimals(min_value=0, max_value=Decimal("1e12"), places=2), rates)
def test_commission_rounds_like_percent_of_up_to_one_trillion(price, rate):
    expected = percent_of(price, rate)
    assert cents_to_money(percent_of_cents(cents(price), rate_units(rate))) == expected


def test_commission_half_cent_ties_round_up():
    # 5% of 10 cents, 0.5% of 1 cent x 100, 2.5% of 2 cents: exactly half a cent each.
    assert percent_of_cents(np.array([10]), rate_units(5)).tolist() == [1]
    assert percent_of_cents(np.array([100]), rate_units("0.5")).tolist() == [1]
    assert percent_of_cents(np.array([2]), rate_units(25)).tolist() == [1]
    assert percent_of_cents(np.array([3]), rate_units("16.6666")).tolist() == [0]


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_float_dollars_convert_like_to_money(value):
    assert dollars_to_cents(np.array([value]), "x")[0] == cents(to_money(value, "x"))


def test_float_half_cent_ties_take_the_decimal_path():
    values = np.array([0.125, 1.005, 2.675, 0.015, 999999999999.995, 1e12])
    expected = [cents(to_money(float(v), "x")) for v in values]
    assert (
        dollars_to_cents(values, "x").tolist()
        == expected
        == [
            13,
            101,
            268,
            2,
            99999999999999 + 1,
            100000000000000,
        ]
    )


@pytest.mark.parametrize("bad", [[-1.0], [float("nan")], [1e13], ["abc"], [-5]])
def test_bad_dollar_amounts_name_the_field(bad):
    with pytest.raises(InvalidInputError) as error:
        dollars_to_cents(bad, "Sale price")
    assert error.value.field == "Sale price"


def test_bad_cents_and_rates_name_the_field():
    with pytest.raises(InvalidInputError, match="owed"):
        deficiency_cents([-1], [0])
    with pytest.raises(InvalidInputError, match="sale price"):
        deficiency_cents([0], [1.5])
    with pytest.raises(InvalidInputError, match="Commission"):
        deficiency_cents([0], [0], commission_rate="101")
    with pytest.raises(InvalidInputError, match="4 decimal places"):
        deficiency_cents([0], [0], commission_rate="6.00001")


def test_grid_known_answers_and_orientation():
    grid = deficiency_grid(
        250000,
        cents_steps(200000, 260000, 4, "Sale price"),
        cents_steps(0, 3000, 3, "Fees"),
        commission_rate=6,
    )
    assert grid.deficiency.shape == (3, 4)
    assert grid.sale_prices.tolist() == [20_000_000, 22_000_000, 24_000_000, 26_000_000]
    # Top-left: 250,000 - 200,000 + 12,000 commission; bottom-left adds $3,000 of fees.
    assert grid.deficiency[0, 0] == 6_200_000
    assert grid.deficiency[2, 0] == 6_500_000
    # $260,000 less 6% is $244,400: a $5,600 deficiency, $8,600 with fees.
    assert grid.deficiency[0, 3] == 560_000
    assert grid.deficiency[2, 3] == 860_000
    assert grid.deficiency_dollars()[2, 3] == 8600.0


def test_grid_cells_match_explain():
    prices = cents_steps("9000.01", "10999.99", 37, "Sale price")
    fees = cents_steps(0, "733.33", 11, "Fees")
    grid = deficiency_grid("10000.00", prices, fees, credits="123.45")
    for i, fee in enumerate(fees.tolist()):
        for j, price in enumerate(prices.tolist()):
            statement = explain(
                "10000", cents_to_money(price), {"fees": cents_to_money(fee)}, {"c": "123.45"}
            )
            assert cents_to_money(grid.deficiency[i, j]) == statement.deficiency
            assert cents_to_money(grid.surplus[i, j]) == statement.surplus


def test_grid_above_the_limit_is_refused_naming_the_field():
    prices = np.zeros(MAX_GRID_POINTS // 1000 + 1, dtype=np.int64)
    fees = np.zeros(1000, dtype=np.int64)
    with pytest.raises(InvalidInputError) as error:
        deficiency_grid(1000, prices, fees)
    assert error.value.field == "grid size"
    assert "4,000,000" in error.value.problem
    exactly_at_limit = deficiency_grid(1000, prices[:-1], fees)
    assert exactly_at_limit.deficiency.size == MAX_GRID_POINTS


def test_cents_steps_refuses_reversed_ranges_and_zero_steps():
    with pytest.raises(InvalidInputError, match="Fees"):
        cents_steps(10, 5, 3, "Fees")
    with pytest.raises(InvalidInputError, match="Fees"):
        cents_steps(0, 5, 0, "Fees")
    assert cents_steps(5, 5, 1, "Fees").tolist() == [500]

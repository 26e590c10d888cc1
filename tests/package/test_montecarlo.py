"""Monte Carlo sale prices and the one-at-a-time tornado."""

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, LoanKind, evaluate, explain
from deficiency.money import percent_of
from deficiency.montecarlo import (
    PriceDistribution,
    draw_prices,
    simulate_sale,
    tornado,
    validate_spread,
)
from deficiency.vectorized import cents_to_money

HOUSE = {"owed": 250000, "expected_price": 260000, "expenses": 2000, "commission_rate": 6}


def test_same_seed_same_result_and_another_seed_differs():
    first = simulate_sale(**HOUSE, spread_percent=10, seed=42)
    again = simulate_sale(**HOUSE, spread_percent=10, seed=42)
    other = simulate_sale(**HOUSE, spread_percent=10, seed=43)
    assert np.array_equal(first.prices, again.prices)
    assert (first.probability, first.median_deficiency, first.p90_deficiency) == (
        again.probability,
        again.median_deficiency,
        again.p90_deficiency,
    )
    assert not np.array_equal(first.prices, other.prices)
    assert first.prices.size == 100_000


@pytest.mark.parametrize(
    ("expected_price", "probability", "deficiency"),
    [(200000, 1.0, Decimal("64000.00")), (300000, 0.0, Decimal("0.00"))],
)
def test_zero_spread_is_degenerate_with_probability_exactly_0_or_1(
    expected_price, probability, deficiency
):
    sim = simulate_sale(250000, expected_price, 0, 2000, commission_rate=6, draws=1000)
    assert sim.probability == probability
    assert sim.median_deficiency == sim.p90_deficiency == deficiency
    assert np.all(sim.prices == expected_price * 100)


def test_every_draw_agrees_with_the_exact_statement():
    sim = simulate_sale(**HOUSE, spread_percent=12, seed=5, draws=2000)
    for price, deficiency in zip(sim.prices[:300], sim.deficiency[:300], strict=True):
        dollars = cents_to_money(price)
        statement = explain(250000, dollars, {"c": 2000, "commission": percent_of(dollars, 6)})
        assert cents_to_money(deficiency) == statement.deficiency


def test_summary_figures_are_draws_and_consistent():
    sim = simulate_sale(**HOUSE, spread_percent=10, seed=3)
    assert sim.probability == sim.deficiency_count / sim.prices.size
    assert sim.deficiency_count == int(np.count_nonzero(sim.deficiency))
    assert 0 < sim.probability < 1
    assert sim.median_deficiency <= sim.p90_deficiency
    values = {cents_to_money(value) for value in np.unique(sim.deficiency)}
    assert sim.median_deficiency in values and sim.p90_deficiency in values
    # 90% of draws are at or below the 90th percentile, and no fewer.
    share = np.mean(sim.deficiency <= int(sim.p90_deficiency * 100))
    assert share >= 0.9


def test_lognormal_mean_and_spread_match_the_inputs():
    prices = draw_prices(100000, 20, draws=200_000, seed=11) / 100
    assert prices.min() > 0
    assert abs(prices.mean() / 100000 - 1) < 0.005
    assert abs(prices.std() / prices.mean() - 0.20) < 0.005


def test_normal_draws_are_clamped_at_zero():
    prices = draw_prices(1000, 100, draws=50_000, seed=2, distribution=PriceDistribution.NORMAL)
    assert prices.min() == 0
    assert np.mean(prices == 0) == pytest.approx(0.1587, abs=0.01)  # P(Z < -1)


def test_the_ui_validator_flags_a_zero_spread_and_out_of_range_spreads():
    with pytest.raises(InvalidInputError) as error:
        validate_spread(0)
    assert error.value.field == "Price spread (%)"
    assert "0% or 100%" in error.value.problem
    for bad in (-1, 101, "abc"):
        with pytest.raises(InvalidInputError, match="Price spread"):
            validate_spread(bad)
    assert validate_spread("7.5") == Decimal("7.5")


@pytest.mark.parametrize("draws", [0, -5, 10_000_001, 2.5, True])
def test_bad_draw_counts_are_refused(draws):
    with pytest.raises(InvalidInputError, match="Number of draws"):
        draw_prices(1000, 10, draws=draws)


def test_bad_distribution_and_price_name_the_field():
    with pytest.raises(InvalidInputError, match="Price distribution"):
        draw_prices(1000, 10, distribution="uniform")
    with pytest.raises(InvalidInputError, match="Expected sale price"):
        draw_prices(-1, 10)


@given(
    st.decimals(min_value=0, max_value=Decimal("1e7"), places=2),
    st.decimals(min_value=0, max_value=Decimal("1e7"), places=2),
    st.decimals(min_value=0, max_value=10, places=2),
)
def test_degenerate_probability_matches_the_statement(owed, price, rate):
    sim = simulate_sale(owed, price, 0, commission_rate=rate, draws=10)
    statement = explain(owed, price, {"commission": percent_of(price, rate)})
    assert sim.probability == (1.0 if statement.deficiency > 0 else 0.0)
    assert sim.median_deficiency == statement.deficiency


def test_tornado_sorts_by_swing_and_matches_evaluate():
    house = {
        "unpaid_principal": 250000,
        "sale_price": 220000,
        "commission_rate": 6,
        "seller_closing_costs": 2000,
    }
    ranges = {
        "seller_closing_costs": (1000, 4000),
        "sale_price": (200000, 240000),
        "commission_rate": (5, 6),
    }
    rows = tornado(LoanKind.MORTGAGE, house, "short_sale", ranges)
    assert [row.field for row in rows] == ["sale_price", "seller_closing_costs", "commission_rate"]
    top = rows[0]
    assert top.label == "Sale price"
    at_low = evaluate(LoanKind.MORTGAGE, {**house, "sale_price": 200000}, "short_sale", "waived")
    assert top.deficiency_at_low == at_low.deficiency == Decimal("64000.00")
    assert top.deficiency_at_high == Decimal("26400.00")  # 250,000 - 225,600 + 2,000
    assert top.swing == Decimal("37600.00")
    assert rows[2].swing == Decimal("2200.00")  # 1% of $220,000


def test_tornado_clips_at_zero_when_a_range_reaches_a_surplus():
    car = {"unpaid_principal": 10000, "sale_price": 8500, "retaking_fee": 500}
    (row,) = tornado("auto", car, "repossession", {"sale_price": (9000, 20000)})
    assert row.deficiency_at_low == Decimal("1500.00")
    assert row.deficiency_at_high == Decimal("0.00")
    assert row.swing == Decimal("1500.00")


def test_tornado_bad_ranges_name_the_field():
    car = {"unpaid_principal": 10000}
    with pytest.raises(InvalidInputError) as error:
        tornado("auto", car, "repossession", {"commission_rate": (1, 2)})
    assert error.value.field == "commission_rate"
    with pytest.raises(InvalidInputError, match="Sale price"):
        tornado("auto", car, "repossession", {"sale_price": (9000, 8000)})
    with pytest.raises(InvalidInputError, match="Repossession"):
        tornado("auto", car, "repossession", {"retaking_fee": (-1, 5)})

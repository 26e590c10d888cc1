"""Time limits to sue for a deficiency, and how long a judgment lasts, in every jurisdiction."""

from datetime import date

import pytest

from deficiency import InvalidInputError, LoanKind
from deficiency.limitations import Claim, limitations, limitations_for, time_limits
from deficiency.state_law import jurisdiction_names

NEEDED = (Claim.WRITTEN_CONTRACT, Claim.SALE_OF_GOODS, Claim.JUDGMENT)


@pytest.mark.parametrize("state", list(jurisdiction_names()))
def test_every_jurisdiction_has_a_contract_a_sale_of_goods_and_a_judgment_row(state):
    claims = {row.claim for row in limitations_for(state)}
    assert set(NEEDED) <= claims


def test_rows_are_unique_and_every_period_is_plausible():
    rows = limitations()
    assert len({row.rule_id for row in rows}) == len(rows)
    for row in rows:
        if row.months is not None:
            assert 0 < row.months <= 30 * 12


def test_colorado_gives_six_years_on_a_loan_balance():
    """C.R.S. 13-80-103.5(1)(a): six years for "all actions to recover a liquidated debt or
    an unliquidated, determinable amount of money due"; the three years of 13-80-101 are
    for other contract actions."""
    (contract,) = [row for row in limitations_for("CO") if row.claim is Claim.WRITTEN_CONTRACT]
    assert contract.months == 72 and not contract.uncertain


def test_a_car_shows_the_sale_of_goods_period_and_a_house_does_not():
    start = date(2025, 1, 10)
    car = {limit.label for limit in time_limits("WI", LoanKind.AUTO, "repossession", start)}
    house = {limit.label for limit in time_limits("WI", LoanKind.MORTGAGE, "foreclosure", start)}
    assert Claim.SALE_OF_GOODS.label in car and Claim.SALE_OF_GOODS.label not in house
    assert Claim.JUDGMENT.label in car and Claim.JUDGMENT.label in house


def test_a_special_deficiency_deadline_comes_first_with_its_date():
    limits = time_limits("AZ", LoanKind.MORTGAGE, "foreclosure", date(2025, 1, 10))
    assert limits[0].period == "90 days after the trustee's sale"
    assert limits[0].deadline == date(2025, 4, 10)
    assert limits[0].days_left(date(2025, 4, 1)) == 9


def test_a_period_not_found_has_no_deadline_and_says_so():
    unknown = [row for row in limitations() if row.months is None]
    for row in unknown:
        assert row.words == ("not found" if row.uncertain else "no single period")


def test_an_unknown_code_is_refused():
    with pytest.raises(InvalidInputError, match="State"):
        limitations_for("ZZ")


def test_a_limit_says_how_sure_it_is_and_an_uncertain_one_is_not_checked() -> None:
    limits = time_limits("WY", LoanKind.AUTO, "repossession", date(2025, 1, 10))
    assert {limit.uncertain for limit in limits} == {True, False}
    for limit in limits:
        if limit.uncertain:
            assert limit.checked == "not checked"
        else:
            assert limit.checked == limit.source.confidence.short != "not checked"

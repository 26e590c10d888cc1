"""Post-judgment interest: each jurisdiction's rows, and the rate a judgment gets."""

from datetime import date
from decimal import Decimal

import pytest

from deficiency import InvalidInputError, PlannerInputs, compare_options
from deficiency.judgment_interest import (
    Compounding,
    DebtPurpose,
    interest_rules,
    interest_rules_for,
    judgment_rate,
    rate_in_use,
)
from deficiency.state_law import jurisdiction_names

CAR_JUDGMENT = Decimal("12000")


@pytest.mark.parametrize("state", [*jurisdiction_names(), "US"])
def test_every_jurisdiction_and_the_federal_courts_have_a_rate_rule(state):
    rules = interest_rules_for(state)
    assert rules
    # With every fact known, some row always applies: the data has no gap.
    for debt in DebtPurpose:
        for contract in (True, False):
            choice = judgment_rate(
                state,
                judgment_date=date(2025, 6, 1),
                principal=CAR_JUDGMENT,
                debt_type=debt,
                contract_sets_rate=contract,
            )
            assert choice.rule in rules


def test_california_5_percent_on_a_personal_debt_judgment_under_50000_since_2023():
    """CCP 685.010(a)(2): "For judgments entered on or after January 1, 2023 ... interest
    accrues at the rate of 5 percent per annum on the principal amount ... under fifty
    thousand dollars ($50,000) ... for a claim related to personal debt", which includes a
    conditional sale contract (Civ. Code 2981), the car's retail installment contract."""
    choice = judgment_rate(
        "CA", judgment_date=date(2025, 3, 1), principal=CAR_JUDGMENT, debt_type="personal"
    )
    assert choice.rate == Decimal(5) and choice.may_apply == ()
    assert choice.rule.compounding is Compounding.SIMPLE
    assert "685.010(a)(2)" in choice.rule.source.section_read


@pytest.mark.parametrize(
    ("entered", "principal", "debt"),
    [
        (date(2022, 12, 31), CAR_JUDGMENT, "personal"),  # entered before 2023
        (date(2025, 3, 1), Decimal("50000"), "personal"),  # not under $50,000
        (date(2025, 3, 1), CAR_JUDGMENT, "business"),  # not a personal debt
    ],
)
def test_california_10_percent_otherwise(entered, principal, debt):
    """CCP 685.010(a)(1): "Except as provided in paragraph (2), interest accrues at the
    rate of 10 percent per annum on the principal amount of a money judgment"."""
    choice = judgment_rate("CA", judgment_date=entered, principal=principal, debt_type=debt)
    assert choice.rate == Decimal(10)


def test_an_unknown_fact_gives_the_general_rate_and_names_the_lower_one():
    choice = judgment_rate("CA")
    assert choice.rate == Decimal(10)
    assert [rule.rate for rule in choice.may_apply] == [Decimal(5)]
    assert "It would be 5% a year" in choice.reason


def test_the_federal_rate_is_set_by_the_treasury_yield_and_must_be_entered():
    """28 U.S.C. 1961(a): "a rate equal to the weekly average 1-year constant maturity
    Treasury yield ... for the calendar week preceding the date of the judgment"."""
    choice = judgment_rate("US")
    assert choice.rate is None and choice.rule.compounding is Compounding.ANNUAL
    with pytest.raises(InvalidInputError, match="enter the rate"):
        rate_in_use(choice, None)
    assert rate_in_use(choice, "4.1") == Decimal("4.1")


def test_new_york_2_percent_on_a_consumer_debt_judgment():
    """CPLR 5004(a): interest at two per centum per annum "in an action arising out of a
    consumer debt where a natural person is a defendant"."""
    choice = judgment_rate("NY", principal=CAR_JUDGMENT, debt_type="personal")
    assert choice.rate == Decimal(2)


def test_a_contract_rate_row_applies_only_when_the_contract_sets_a_rate():
    texas = interest_rules_for("TX")
    assert any(rule.contract_rate for rule in texas)
    general = judgment_rate("TX")
    assert not general.rule.contract_rate
    assert any(rule.contract_rate for rule in general.may_apply)
    contract = judgment_rate("TX", contract_sets_rate=True)
    assert contract.rule.contract_rate and contract.rate is None


def test_rows_are_unique_and_every_fixed_rate_is_a_plain_percentage():
    ids = [rule.rule_id for rule in interest_rules()]
    assert len(ids) == len(set(ids))
    for rule in interest_rules():
        assert rule.rate is None or Decimal(0) < rule.rate <= Decimal(25)
        assert rule.rate is not None or rule.index


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: judgment_rate("ZZ"), "State"),
        (lambda: judgment_rate("CA", debt_type="household"), "What the debt was for"),
        (lambda: judgment_rate("CA", principal=-1), "Judgment amount"),
        (lambda: judgment_rate("CA", judgment_date="2025-01-01"), "Judgment date"),
        (lambda: judgment_rate("CA", contract_sets_rate="maybe"), "Contract sets a rate"),
    ],
)
def test_bad_input_is_refused_naming_the_field(call, field):
    with pytest.raises(InvalidInputError, match=field):
        call()


def test_the_planner_takes_the_rate_from_the_scenario():
    plan = PlannerInputs(
        Decimal(2000),
        Decimal(40),
        plan_months=12,
        disposable_earnings=Decimal(368),
        judgment_rate=None,
        state="CA",
        judgment_date=date(2025, 6, 1),
        debt_type=DebtPurpose.PERSONAL,
    )
    assert plan.judgment_rate == Decimal(5) and plan.rate_choice is not None
    garnishment = compare_options(plan)[2]
    assert garnishment.schedule is not None and garnishment.schedule.annual_rate == Decimal(5)


def test_the_planner_refuses_an_indexed_rate_it_cannot_know():
    with pytest.raises(InvalidInputError, match="enter the rate"):
        PlannerInputs(
            Decimal(2000), Decimal(40), plan_months=12, judgment_rate=None, interest_state="US"
        )

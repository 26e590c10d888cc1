from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, LoanKind
from deficiency.assessment import assess, facts_asked, loan_facts
from deficiency.state_law import states

HOME = {"unpaid_principal": "250000", "sale_price": "200000"}
CA_HOME = {"purchase_money": "yes", "owner_occupied": "yes", "one_to_four_units": "yes"}


def test_california_purchase_money_short_sale_cannot_be_pursued():
    result = assess(LoanKind.MORTGAGE, HOME, "short_sale", "judgment", "CA", CA_HOME)
    assert result.outcome.deficiency == Decimal("50000.00")
    assert result.outcome.collectible == Decimal("0.00")
    assert result.outcome.barred == Decimal("50000.00")
    assert result.outcome.borrower_owes == Decimal("0.00")
    assert result.outcome.cancelled == Decimal("0.00")
    citations = [finding.rule.citation for finding in result.law.applied]
    assert any("580e" in citation or "580b" in citation for citation in citations)


@pytest.mark.parametrize(
    ("owed", "collectible"),
    [("1000", "0.00"), ("999.99", "0.00"), ("1000.01", "1000.01")],
)
def test_wisconsin_small_car_loan_has_no_deficiency(owed, collectible):
    car = {"unpaid_principal": owed, "sale_price": "0"}
    dealer_contract = {"credit_sale": "yes"}
    result = assess(LoanKind.AUTO, car, "repossession", "judgment", "WI", dealer_contract)
    assert result.outcome.collectible == Decimal(collectible)
    assert result.outcome.borrower_owes == Decimal(collectible)


# $980 owed at default; $70 of interest and late fees since then put the statement over $1,000.
SMALL_CAR = {
    "unpaid_principal": "980",
    "accrued_interest": "40",
    "late_fees": "30",
    "sale_price": "500",
    "retaking_fee": "300",
}


@pytest.mark.parametrize(
    ("state", "facts", "collectible"),
    [
        ("WI", {"credit_sale": "yes", "amount_owing_at_default": "980"}, "0.00"),
        ("WI", {"credit_sale": "yes", "amount_owing_at_default": "1000.01"}, "850.00"),
        ("WI", {"credit_sale": "yes"}, "850.00"),
        ("FL", {"consumer_finance_loan": "yes", "amount_owing_at_default": "980"}, "0.00"),
        ("FL", {"consumer_finance_loan": "yes", "amount_owing_at_default": "2000"}, "850.00"),
    ],
)
def test_small_balance_bars_use_the_amount_owing_at_default_not_the_amount_owed_now(
    state, facts, collectible
):
    # Wis. Stat. 425.209 ($1,000 or less) and Fla. Stat. 516.31 (less than $2,000).
    result = assess(LoanKind.AUTO, SMALL_CAR, "repossession", "judgment", state, facts)
    assert result.outcome.deficiency == Decimal("850.00")
    assert result.outcome.collectible == Decimal(collectible)
    bar = next(item for item in result.law.findings if item.rule.threshold is not None)
    if "amount_owing_at_default" not in facts:
        assert "amount owing at default" in bar.reason  # asked, not guessed


def test_unknown_facts_never_bar_and_a_state_without_a_bar_says_what_was_checked():
    may = assess(LoanKind.MORTGAGE, HOME, "short_sale", "judgment", "CA", {})
    assert may.outcome.collectible == Decimal("50000.00")
    assert may.law.may_apply
    ohio = assess(LoanKind.MORTGAGE, HOME, "short_sale", "judgment", "OH", {})
    assert ohio.outcome.collectible == Decimal("50000.00")
    assert ohio.law.explanation.startswith("No Ohio law we found bars or limits")
    assert "2329.08" in ohio.law.explanation


def test_no_state_is_the_arithmetic_alone():
    result = assess(LoanKind.MORTGAGE, HOME, "short_sale", "waived")
    assert result.law is None
    assert result.outcome.cancelled == Decimal("50000.00")


def test_settlement_applies_to_the_collectible_part_only():
    home = {**HOME, "settlement_percent": "40"}
    facts = {
        "fair_market_value": "230000",
        "surviving_liens": "0",
        "foreclosure_type": "nonjudicial",
        "one_or_two_family_on_2_5_acres": "no",
    }
    result = assess(LoanKind.MORTGAGE, home, "foreclosure", "settled", "AZ", facts)
    # Arizona credits the greater of fair market value or price: 250,000 - 230,000.
    assert result.outcome.collectible == Decimal("20000.00")
    assert result.outcome.paid_toward_deficiency == Decimal("8000.00")
    assert result.outcome.cancelled == Decimal("12000.00")
    assert result.outcome.barred == Decimal("30000.00")


def test_facts_asked_are_the_states_conditions():
    assert facts_asked("WI", LoanKind.AUTO, "repossession") == (
        "credit_sale",
        "amount_owing_at_default",
        "sale_compliant",
        "seller_related_loan",
    )
    # Every home foreclosure in New York goes through a court: the type is not asked.
    assert "foreclosure_type" not in facts_asked("NY", LoanKind.MORTGAGE, "foreclosure")
    assert "fair_market_value" in facts_asked("AZ", LoanKind.MORTGAGE, "foreclosure")


def test_fact_parsing_names_the_bad_field():
    with pytest.raises(InvalidInputError, match="purchase_money"):
        loan_facts({"purchase_money": "maybe"})
    with pytest.raises(InvalidInputError, match="not a fact"):
        loan_facts({"favourite_colour": "yes"})
    assert loan_facts({"owner_occupied": "unknown", "deed_of_trust": ""}).owner_occupied is None


@given(
    st.sampled_from([info.code for info in states()]),
    st.decimals(min_value=0, max_value=Decimal("1e7"), places=2),
    st.decimals(min_value=0, max_value=Decimal("1e7"), places=2),
    st.sampled_from(["waived", "judgment", "settled"]),
    st.sampled_from(["yes", "no", "unknown"]),
)
def test_the_obligation_is_always_fully_accounted_for(state, owed, price, resolution, fact):
    values = {"unpaid_principal": owed, "sale_price": price}
    facts = {"purchase_money": fact, "owner_occupied": fact, "one_to_four_units": fact}
    outcome = assess(LoanKind.MORTGAGE, values, "short_sale", resolution, state, facts).outcome
    assert 0 <= outcome.collectible <= outcome.deficiency
    total = outcome.covered_by_sale + outcome.paid_toward_deficiency
    assert total + outcome.cancelled + outcome.barred == outcome.statement.owed

from decimal import Decimal

import pytest

from deficiency import (
    InvalidInputError,
    LoanKind,
    Resolution,
    ResolutionTerms,
    evaluate,
    explain,
    preset,
    presets,
    presets_for,
    resolve,
    scenario_fields,
)
from deficiency.narrative import formula, how_it_builds, takeaway


def test_short_sale_worked_example_is_waived_and_borrower_pays_nothing():
    outcome = preset("short-sale-example").outcome()
    assert outcome.deficiency == Decimal("50000.00")
    assert outcome.borrower_owes == Decimal("0.00")
    assert outcome.cancelled == Decimal("50000.00")
    assert outcome.lender_recovers == Decimal("200000.00")


def test_car_worked_example_judgment_borrower_owes_2000():
    outcome = preset("car-example").outcome()
    assert outcome.statement.owed_after_proceeds == Decimal("1500.00")
    assert outcome.deficiency == Decimal("2000.00")
    assert outcome.borrower_owes == Decimal("2000.00")
    assert outcome.cancelled == Decimal("0.00")
    assert takeaway(outcome, "the car") == "You would still owe $2,000 after the car is sold."


def test_realistic_presets_and_their_assumptions():
    short_sale = preset("short-sale-realistic")
    assert short_sale.outcome().deficiency == Decimal("74525.00")
    car = preset("car-realistic")
    assert car.outcome().deficiency == Decimal("2629.22")
    for realistic in (short_sale, car):
        assert realistic.assumptions
        fields = {info.name for info in scenario_fields(realistic.kind)}
        assert set(realistic.assumptions) <= fields
        assert set(realistic.values) <= fields


def test_every_preset_loads_and_belongs_to_its_kind():
    assert next(p.id for p in presets_for(LoanKind.MORTGAGE)) == "short-sale-example"
    assert next(p.id for p in presets_for(LoanKind.AUTO)) == "car-example"
    assert len(presets()) == 4
    with pytest.raises(InvalidInputError, match="'nope' is not one of: short-sale-example"):
        preset("nope")


def test_judgment_adds_court_costs_and_fees():
    statement = explain(owed=10000, sale_price=8500, expenses={"Repossession": 500})
    terms = ResolutionTerms(Resolution.JUDGMENT, court_costs=350, judgment_attorney_fees=600)
    outcome = resolve(statement, terms)
    assert outcome.borrower_owes == Decimal("2950.00")
    assert outcome.judgment_costs == Decimal("950.00")
    assert outcome.cancelled == Decimal("0.00")
    assert "including $950 of court costs and fees" in takeaway(outcome, "the car")


def test_settlement_splits_paid_and_cancelled_to_the_cent():
    statement = explain(owed="10000.01", sale_price=0)
    outcome = resolve(statement, ResolutionTerms(Resolution.SETTLED, settlement_percent="33.3"))
    assert outcome.paid_toward_deficiency == Decimal("3330.00")
    assert outcome.cancelled == Decimal("6670.01")
    assert outcome.paid_toward_deficiency + outcome.cancelled == statement.deficiency


def test_surplus_means_nothing_owed_or_cancelled_whatever_the_resolution():
    statement = explain(owed=5000, sale_price=8000)
    for resolution in Resolution:
        outcome = resolve(statement, ResolutionTerms(resolution, court_costs=500))
        assert outcome.borrower_owes == Decimal("0.00")
        assert outcome.cancelled == Decimal("0.00")
        assert outcome.surplus == Decimal("3000.00")
    assert "surplus of $3,000" in takeaway(outcome, "the car")


def test_evaluate_rejects_unknown_choices_with_a_field_name():
    with pytest.raises(InvalidInputError, match="Resolution: 'forgive' is not one of"):
        evaluate(LoanKind.AUTO, {"unpaid_principal": 1}, "repossession", "forgive")
    with pytest.raises(InvalidInputError, match="Mortgage exit"):
        evaluate(LoanKind.MORTGAGE, {"unpaid_principal": 1}, "repossession", "waived")


def test_sentences_for_students():
    statement = preset("car-realistic").outcome().statement
    assert formula(statement) == (
        "$10,295.89 owed - $8,500.00 sale + $1,300.00 expenses - $466.67 credits"
        " = $2,629.22 deficiency"
    )
    assert how_it_builds(statement) == (
        "The sale leaves $1,795.89 of the debt unpaid; $1,300 of expenses and $466.67 of"
        " credits bring it to a $2,629.22 deficiency."
    )


def test_expenses_above_the_sale_never_make_the_lender_recover_a_negative_amount():
    statement = explain(owed=1000, sale_price=100, expenses={"Fees": 2000})
    outcome = resolve(statement, ResolutionTerms(Resolution.WAIVED))
    assert statement.deficiency == Decimal("2900.00")
    assert outcome.covered_by_sale == Decimal("0.00")
    assert outcome.unrecovered_expenses == Decimal("1900.00")
    assert outcome.lender_recovers == Decimal("0.00")
    assert outcome.cancelled == Decimal("2900.00")
    assert (
        outcome.covered_by_sale + outcome.cancelled == statement.owed + outcome.unrecovered_expenses
    )

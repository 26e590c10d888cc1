"""Properties of the statement that must hold for every input, checked with hypothesis."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import LoanKind, Resolution, ResolutionTerms, evaluate, explain, resolve
from deficiency.money import CENT

amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False)
raw_amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=4, allow_nan=False)
item_maps = st.dictionaries(st.text(min_size=1, max_size=12), amounts, max_size=5)


def is_cents(value: Decimal) -> bool:
    return value == value.quantize(CENT)


@given(raw_amounts, raw_amounts, item_maps, item_maps)
def test_deficiency_and_surplus_never_both_positive_and_whole_cents(owed, price, exp, cred):
    statement = explain(owed=owed, sale_price=price, expenses=exp, credits=cred)
    assert statement.deficiency >= 0 and statement.surplus >= 0
    assert statement.deficiency == 0 or statement.surplus == 0
    for _, amount in statement.lines:
        assert is_cents(amount)
    assert statement.deficiency - statement.surplus == (
        statement.owed - statement.proceeds + statement.expenses - statement.credits
    )


@given(amounts, amounts, item_maps, amounts)
def test_more_expenses_never_lower_the_deficiency(owed, price, expenses, extra):
    before = explain(owed=owed, sale_price=price, expenses=expenses)
    after = explain(owed=owed, sale_price=price, expenses={**expenses, "\x00extra": extra})
    assert after.deficiency >= before.deficiency
    assert after.surplus <= before.surplus


@given(amounts, amounts, amounts, item_maps)
def test_a_higher_sale_price_never_raises_the_deficiency(owed, price, raise_by, expenses):
    low = explain(owed=owed, sale_price=price, expenses=expenses)
    high = explain(owed=owed, sale_price=price + raise_by, expenses=expenses)
    assert high.deficiency <= low.deficiency
    assert high.surplus >= low.surplus


@given(
    amounts,
    amounts,
    item_maps,
    st.sampled_from(list(Resolution)),
    amounts,
    st.decimals(min_value=0, max_value=100, places=2),
)
def test_every_resolution_accounts_for_the_whole_obligation(
    owed, price, expenses, resolution, costs, pct
):
    statement = explain(owed=owed, sale_price=price, expenses=expenses)
    outcome = resolve(
        statement, ResolutionTerms(resolution, court_costs=costs, settlement_percent=pct)
    )
    parts = outcome.covered_by_sale + outcome.paid_toward_deficiency + outcome.cancelled
    assert parts == statement.owed + outcome.unrecovered_expenses
    assert outcome.covered_by_sale >= 0 and outcome.unrecovered_expenses >= 0
    assert min(outcome.borrower_owes, outcome.cancelled, outcome.lender_recovers) >= 0
    assert is_cents(outcome.borrower_owes) and is_cents(outcome.cancelled)


@settings(max_examples=50)
@given(amounts, amounts, amounts, st.integers(0, 365), amounts)
def test_flat_car_scenario_matches_explain(principal, price, retaking, days, gap):
    values = {
        "unpaid_principal": principal,
        "sale_price": price,
        "retaking_fee": retaking,
        "storage_days": days,
        "storage_daily_rate": "25",
        "gap_refund": gap,
    }
    outcome = evaluate(LoanKind.AUTO, values, "repossession", "judgment")
    direct = explain(
        owed=principal,
        sale_price=price,
        expenses={"retaking": retaking, "storage": Decimal(25) * days},
        credits={"gap": gap},
    )
    assert outcome.deficiency == direct.deficiency
    assert outcome.surplus == direct.surplus

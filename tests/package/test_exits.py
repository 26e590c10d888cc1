from decimal import Decimal

import pytest

from deficiency import (
    AddOnCredits,
    AutoExit,
    AutoLoan,
    AutoScenario,
    ForeclosureCosts,
    InvalidInputError,
    MortgageExit,
    MortgagePayoff,
    MortgageScenario,
    RepossessionCosts,
    SaleCosts,
    auto_statement,
    mortgage_statement,
)
from deficiency.interest import pro_rata_refund, simple_interest_days, simple_interest_months
from deficiency.resolution import Resolution, resolve
from deficiency.scenarios import (
    LoanKind,
    exit_fields,
    resolution_fields,
    resolution_terms,
    scenario_fields,
    statement_for,
)


def test_realistic_short_sale_from_the_reference():
    # The worked short sale: payoff 260,525; net proceeds 186,000; shortfall 74,525.
    scenario = MortgageScenario(
        MortgagePayoff(250000, accrued_interest=8125, escrow_advances=2400),
        Decimal(200000),
        sale_costs=SaleCosts(commission_rate=6, seller_closing_costs=2000),
    )
    statement = mortgage_statement(scenario)
    assert statement.owed == Decimal("260525.00")
    assert statement.proceeds - statement.expenses == Decimal("186000.00")
    assert statement.deficiency == Decimal("74525.00")
    assert ("Commission (6% of price)", Decimal("12000.00")) in statement.expense_items


def test_short_sale_net_proceeds_deduct_every_allowed_cost():
    costs = SaleCosts(
        commission_rate="5.5",
        seller_closing_costs=3000,
        transfer_taxes=1100,
        junior_lien_payments=6000,
        hoa_arrears=850,
        seller_concessions=1500,
    )
    scenario = MortgageScenario(MortgagePayoff(247318.55), Decimal("231000"), sale_costs=costs)
    statement = mortgage_statement(scenario)
    assert statement.expenses == Decimal("12705.00") + Decimal("12450.00")
    assert statement.deficiency == Decimal("247318.55") - Decimal("231000") + Decimal("25155.00")


def test_foreclosure_adds_legal_costs_and_ignores_selling_costs():
    scenario = MortgageScenario(
        MortgagePayoff(250000, accrued_interest=16250),
        Decimal(180000),
        exit=MortgageExit.FORECLOSURE,
        sale_costs=SaleCosts(commission_rate=6),
        foreclosure_costs=ForeclosureCosts(
            attorney_fees=1900, trustee_fees=750, costs_of_sale=1200
        ),
    )
    statement = mortgage_statement(scenario)
    assert statement.proceeds_label == "Foreclosure sale price"
    assert statement.expenses == Decimal("3850.00")
    assert statement.deficiency == Decimal("90100.00")


def test_deed_in_lieu_credits_the_accepted_value():
    scenario = MortgageScenario(
        MortgagePayoff(250000), Decimal(215000), exit=MortgageExit.DEED_IN_LIEU
    )
    statement = mortgage_statement(scenario)
    assert statement.proceeds_label == "Value credited for the deed"
    assert statement.deficiency == Decimal("35000.00")


def test_car_realistic_statement():
    scenario = AutoScenario(
        AutoLoan(10000, accrued_interest="295.89"),
        Decimal(8500),
        RepossessionCosts(
            retaking_fee=350, storage_days=30, storage_daily_rate=25, auction_fee=200
        ),
        AddOnCredits(gap_refund="466.67"),
    )
    statement = auto_statement(scenario)
    assert ("Storage (30 days x $25.00)", Decimal("750.00")) in statement.expense_items
    assert statement.deficiency == Decimal("2629.22")


def test_voluntary_surrender_has_no_retaking_fee():
    costs = RepossessionCosts(retaking_fee=500, auction_fee=200)
    taken = auto_statement(AutoScenario(AutoLoan(10000), Decimal(8500), costs))
    surrendered = auto_statement(
        AutoScenario(AutoLoan(10000), Decimal(8500), costs, exit=AutoExit.VOLUNTARY_SURRENDER)
    )
    assert taken.deficiency - surrendered.deficiency == Decimal("500.00")
    assert all("Repossession" not in label for label, _ in surrendered.expense_items)


def test_zero_items_are_left_off_the_statement():
    statement = auto_statement(AutoScenario(AutoLoan(10000), Decimal(8500)))
    assert statement.expense_items == ()
    assert statement.credit_items == ()
    assert [label for label, _ in statement.obligation_items] == ["Unpaid principal"]


def test_inputs_are_validated_with_their_labels():
    with pytest.raises(InvalidInputError, match="Storage per day: cannot be negative"):
        RepossessionCosts(storage_daily_rate=-25)
    with pytest.raises(InvalidInputError, match=r"Commission \(% of price\): cannot be above 100"):
        SaleCosts(commission_rate=150)
    with pytest.raises(InvalidInputError, match="Sale price: 'lots' is not a number"):
        AutoScenario(AutoLoan(1), "lots")  # type: ignore[arg-type]


def test_interest_and_refund_helpers_match_the_reference_assumptions():
    assert simple_interest_days(10000, 12, 90) == Decimal("295.89")
    assert simple_interest_months(250000, "6.5", 6) == Decimal("8125.00")
    assert pro_rata_refund(800, 42, 72) == Decimal("466.67")
    assert pro_rata_refund(800, 0, 0) == Decimal("0.00")
    with pytest.raises(InvalidInputError, match="remaining months"):
        pro_rata_refund(800, 80, 72)


EXITS = [(LoanKind.MORTGAGE, exit.value) for exit in MortgageExit] + [
    (LoanKind.AUTO, exit.value) for exit in AutoExit
]


@pytest.mark.parametrize(("kind", "exit"), EXITS)
def test_exit_fields_are_exactly_the_inputs_that_move_the_statement(kind, exit):
    # A page shows only these inputs for the exit: each one must count, and no other.
    base = {
        "unpaid_principal": "100000",
        "sale_price": "50000",
        "storage_days": "10",  # days and daily rate move the cost only together
        "storage_daily_rate": "25",
    }
    before = statement_for(kind, base, exit).deficiency
    used = {info.name for info in exit_fields(kind, exit)}
    for info in scenario_fields(kind):
        value = "5" if info.kind == "percent" else "20" if info.kind == "count" else "700"
        moved = statement_for(kind, {**base, info.name: value}, exit).deficiency != before
        assert moved == (info.name in used), info.name


@pytest.mark.parametrize("resolution", list(Resolution))
def test_resolution_fields_are_those_the_resolution_reads(resolution):
    statement = statement_for(LoanKind.AUTO, {"unpaid_principal": "9000"}, "repossession")

    def figures(values: dict[str, str]) -> tuple[Decimal, ...]:
        outcome = resolve(statement, resolution_terms(values, resolution))
        return (outcome.borrower_owes, outcome.lender_recovers, outcome.cancelled)

    used = {info.name for info in resolution_fields(resolution)}
    for info in resolution_fields():
        assert (figures({info.name: "40"}) != figures({})) == (info.name in used), info.name

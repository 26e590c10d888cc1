"""The line items are the one list of what makes up a deficiency: every money input of a
scenario is on it (or feeds a worked-out item), and every path reads it."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from deficiency import (
    AddOnCredits,
    AutoExit,
    AutoLoan,
    AutoScenario,
    ForeclosureCosts,
    MortgageExit,
    MortgagePayoff,
    MortgageScenario,
    RepossessionCosts,
    SaleCosts,
    auto_statement,
    fixed_totals,
    mortgage_statement,
    percent_of,
    statement_for,
)
from deficiency.batch import _AUTO_MONEY, _MORTGAGE_MONEY, TEMPLATE_COLUMNS
from deficiency.inputs import field_amounts
from deficiency.line_items import (
    AUTO_ITEMS,
    COMMISSION,
    MORTGAGE_ITEMS,
    STORAGE,
    Group,
    items_of,
    signed_balance,
)


def money_inputs(*types: type) -> set[str]:
    return {name for kind in types for name in field_amounts(kind())}


def test_every_money_input_of_a_mortgage_is_a_line_item() -> None:
    names = {item.name for item in MORTGAGE_ITEMS}
    assert money_inputs(MortgagePayoff, SaleCosts, ForeclosureCosts) == names - {COMMISSION}


def test_every_money_input_of_a_car_is_a_line_item_or_the_storage_rate() -> None:
    names = {item.name for item in AUTO_ITEMS}
    inputs = money_inputs(AutoLoan, RepossessionCosts, AddOnCredits)
    assert inputs == (names - {STORAGE}) | {"storage_daily_rate"}


def test_every_item_names_exits_of_its_own_loan() -> None:
    for items, exits in ((MORTGAGE_ITEMS, MortgageExit), (AUTO_ITEMS, AutoExit)):
        for item in items:
            assert item.exits <= {exit.value for exit in exits}, item


def test_the_batch_reads_every_line_item_from_a_template_column() -> None:
    for items, money, worked_out in (
        (MORTGAGE_ITEMS, _MORTGAGE_MONEY, COMMISSION),
        (AUTO_ITEMS, _AUTO_MONEY, STORAGE),
    ):
        assert {item.name for item in items} - {worked_out} <= set(money)
        assert set(money) <= set(TEMPLATE_COLUMNS)


def test_the_statement_lists_the_items_of_its_exit_in_order() -> None:
    one = Decimal(1)
    payoff = MortgagePayoff(*[one] * 6)
    costs = SaleCosts(Decimal(6), *[one] * 5)
    legal = ForeclosureCosts(one, one, one)
    for exit in ("short_sale", "foreclosure", "deed_in_lieu"):
        scenario = MortgageScenario(payoff, Decimal(100), exit, costs, legal)
        statement = mortgage_statement(scenario)
        expected = [item.label for item in items_of(MORTGAGE_ITEMS, exit, Group.EXPENSE)]
        labels = [line.label for line in statement.expense_items]
        assert [label.split(" (")[0] for label in labels] == expected
        assert len(statement.obligation_items) == 6
    loan = AutoLoan(*[one] * 4)
    repo = RepossessionCosts(one, one, 2, one, one, one, one)
    credits = AddOnCredits(*[one] * 4)
    surrender = auto_statement(AutoScenario(loan, Decimal(1), repo, credits, "voluntary_surrender"))
    assert "Repossession (retaking)" not in [line.label for line in surrender.expense_items]
    assert surrender.expenses == Decimal(6)  # transport, 2 days of storage, three fees
    assert surrender.credits == Decimal(4)


def test_the_balance_is_one_formula_for_dollars_cents_and_arrays() -> None:
    assert signed_balance(Decimal("100.00"), Decimal("80.00"), Decimal(5), Decimal(1)) == 24
    assert signed_balance(10_000, 8_000, 500, 100) == 2_400
    arrays = signed_balance(
        np.array([10_000, 5]), np.array([8_000, 10]), np.array([0, 0]), np.array([0, 0])
    )
    assert arrays.tolist() == [2_000, -5]


@pytest.mark.parametrize(
    ("kind", "values", "exit"),
    [
        (
            "mortgage",
            {"unpaid_principal": 250000, "commission_rate": "5.5", "hoa_arrears": 900},
            "short_sale",
        ),
        (
            "mortgage",
            {"unpaid_principal": 250000, "commission_rate": 6, "trustee_fees": 700},
            "foreclosure",
        ),
        (
            "auto",
            {"unpaid_principal": 10000, "retaking_fee": 400, "gap_refund": 300},
            "repossession",
        ),
    ],
)
def test_the_fixed_totals_and_the_commission_give_the_statement_at_any_price(
    kind: str, values: dict[str, object], exit: str
) -> None:
    totals = fixed_totals(kind, values, exit)
    commission_applies = exit == "short_sale"
    assert (totals.commission_rate != 0) is commission_applies
    for price in (Decimal(0), Decimal("123456.78"), Decimal(300000)):
        statement = statement_for(kind, {**values, "sale_price": price}, exit)
        expenses = totals.expenses + percent_of(price, totals.commission_rate)
        assert statement.balance == signed_balance(totals.owed, price, expenses, totals.credits)

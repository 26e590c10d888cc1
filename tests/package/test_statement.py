from decimal import Decimal

import pytest

from deficiency import InvalidInputError, explain, explain_items


def test_car_worked_example_in_the_9_616_order():
    statement = explain(owed=10000, sale_price=8500, expenses={"Repossession": 500})
    assert statement.deficiency == Decimal("2000.00")
    assert statement.surplus == Decimal("0.00")
    assert [amount for _, amount in statement.lines] == [
        Decimal("10000.00"),
        Decimal("8500.00"),
        Decimal("1500.00"),
        Decimal("500.00"),
        Decimal("0.00"),
        Decimal("2000.00"),
    ]
    assert [label for label, _ in statement.lines] == [
        "Amount owed (obligation secured)",
        "Sale proceeds",
        "Owed after the sale proceeds",
        "Lender's expenses",
        "Credits",
        "Deficiency",
    ]


def test_short_sale_worked_example():
    statement = explain(owed=250000, sale_price=200000)
    assert statement.deficiency == Decimal("50000.00")


def test_nolo_example_formula_gives_6600_not_the_printed_6400():
    # Nolo's example, recomputed: ($8,000 + $100) - $1,500 = $6,600.
    statement = explain(owed=8000, sale_price=1500, expenses={"Expenses": 100})
    assert statement.deficiency == Decimal("6600.00")


def test_surplus_is_its_own_line_never_a_negative_deficiency():
    statement = explain(owed=5000, sale_price=8000, expenses={"Auction": 300}, credits={"GAP": 100})
    assert statement.deficiency == Decimal("0.00")
    assert statement.surplus == Decimal("2800.00")
    assert statement.lines[-1] == (
        "Surplus (to junior lienholders, then the borrower)",
        Decimal("2800.00"),
    )
    assert statement.lines[2].amount == Decimal("-3000.00")


def test_credits_reduce_the_deficiency():
    statement = explain(
        owed="10295.89",
        sale_price=8500,
        expenses={"Retaking": 350, "Storage": 750, "Auction": 200},
        credits={"GAP refund": "466.67"},
    )
    assert statement.expenses == Decimal("1300.00")
    assert statement.credits == Decimal("466.67")
    assert statement.deficiency == Decimal("2629.22")


def test_exact_cents_where_floats_would_drift():
    statement = explain(owed="0.3", sale_price="0.1", expenses={"a": "0.1"}, credits={"b": "0.2"})
    assert statement.deficiency == Decimal("0.10")


def test_amounts_are_rounded_to_cents_before_arithmetic():
    statement = explain(owed="100.005", sale_price="0.004")
    assert statement.owed == Decimal("100.01")
    assert statement.proceeds == Decimal("0.00")


def test_dict_values_accept_all_amount_types():
    statement = explain(
        owed=Decimal("1000"), sale_price="$500", expenses={"a": 1, "b": "2.50", "c": Decimal("3")}
    )
    assert statement.expenses == Decimal("6.50")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"owed": -1, "sale_price": 0}, "Amount owed"),
        ({"owed": 1, "sale_price": "NaN"}, "sale price"),
        ({"owed": 1, "sale_price": 0, "expenses": {"Storage": "x"}}, "expense 'Storage'"),
        ({"owed": 1, "sale_price": 0, "credits": {"GAP": "inf"}}, "credit 'GAP'"),
        ({"owed": "2e12", "sale_price": 0}, "Amount owed"),
    ],
)
def test_invalid_input_names_the_field(kwargs, field):
    with pytest.raises(ValueError) as caught:
        explain(**kwargs)
    assert isinstance(caught.value, InvalidInputError)
    assert field in str(caught.value)


def test_itemised_obligation_sums_to_line_one():
    statement = explain_items(
        {"Unpaid principal": 250000, "Accrued interest": 8125, "Escrow advances": 2400},
        200000,
    )
    assert statement.owed == Decimal("260525.00")
    assert statement.lines[0].amount == Decimal("260525.00")


def test_a_home_statement_names_the_payoff_order_never_article_9():
    """UCC Article 9 covers the car, not the house: each statement names the order it keeps."""
    from deficiency import LoanKind, evaluate
    from deficiency.statement import PAYOFF_ORDER, UCC_ORDER

    home = evaluate(
        LoanKind.MORTGAGE, {"unpaid_principal": "100", "sale_price": "50"}, "short_sale", "waived"
    )
    car = evaluate(
        LoanKind.AUTO, {"unpaid_principal": "100", "sale_price": "50"}, "repossession", "waived"
    )
    assert home.statement.order == PAYOFF_ORDER and "9-616" not in PAYOFF_ORDER
    assert car.statement.order == UCC_ORDER == "UCC 9-616(c) order"
    for exit in ("foreclosure", "deed_in_lieu"):
        values = {"unpaid_principal": "100", "sale_price": "50"}
        assert evaluate(LoanKind.MORTGAGE, values, exit, "waived").statement.order == PAYOFF_ORDER

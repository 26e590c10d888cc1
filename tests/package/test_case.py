"""One case, one outcome: deficiency.case builds every figure a surface shows from one object."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import InvalidInputError
from deficiency.case import AnswerKind, Case, CaseDates, TaxFacts, case_outcome
from deficiency.credit import EventKind
from deficiency.resolution import Resolution
from deficiency.scenarios import LoanKind
from deficiency.tax import FormStatus

#: The issue's California short sale: $312,000 owed, sold for $275,000, 6% commission
#: ($16,500) and $3,000 of closing costs: 312,000 + 16,500 + 3,000 - 275,000 = 56,500.
CA_HOME = {
    "unpaid_principal": "312000",
    "sale_price": "275000",
    "commission_rate": "6",
    "seller_closing_costs": "3000",
}
CA_FACTS = {
    "purchase_money": "yes",
    "owner_occupied": "yes",
    "one_to_four_units": "yes",
    "secured_only_by_home": "yes",
    "individual_borrower": "yes",
}
JAN_2025 = CaseDates(date(2025, 1, 15))


def home_case(resolution: str = "judgment", state: str = "CA", facts=None, **tax: object) -> Case:
    return Case(
        LoanKind.MORTGAGE,
        "short_sale",
        CA_HOME,
        Resolution(resolution),
        JAN_2025,
        state,
        CA_FACTS if facts is None else facts,
        TaxFacts(**tax),  # type: ignore[arg-type]
    )


def test_a_barred_california_short_sale_says_nothing_is_owed_and_names_the_rule() -> None:
    result = case_outcome(home_case())
    assert result.outcome.deficiency == Decimal("56500.00")
    assert result.outcome.collectible == Decimal("0.00")
    assert result.law is not None and result.law.barred
    headline = result.headline
    assert headline.kind is AnswerKind.OWES_NOTHING
    assert headline.owes == Decimal("0.00")
    assert "580" in headline.rule
    assert "California law bars" in headline.reason
    assert "$56,500.00" in headline.reason


def test_unanswered_questions_give_both_ends_never_a_large_figure_alone() -> None:
    result = case_outcome(home_case(facts={}))
    headline = result.headline
    assert headline.kind is AnswerKind.DEPENDS
    assert headline.owes == Decimal("56500.00")
    assert headline.lowest == Decimal("0.00")
    assert headline.title.startswith("$0.00 or $56,500.00: it depends on")
    assert "owner_occupied" in headline.open_questions
    assert f"{len(headline.open_questions)} questions below" in headline.title


def test_answering_the_questions_removes_them_from_the_open_ones() -> None:
    partial = {"purchase_money": "yes", "owner_occupied": "unknown"}
    questions = case_outcome(home_case(facts=partial)).headline.open_questions
    assert "purchase_money" not in questions
    assert "owner_occupied" in questions


def test_no_state_is_the_arithmetic_alone() -> None:
    result = case_outcome(home_case(state=""))
    assert result.law is None
    assert result.headline.kind is AnswerKind.OWES
    assert result.headline.title == "You would still owe $56,500.00"


def test_a_waiver_owes_nothing_and_says_forgiven_debt_may_be_taxable() -> None:
    result = case_outcome(home_case("waived", state=""))
    assert result.headline.kind is AnswerKind.OWES_NOTHING
    assert "taxable income" in result.headline.reason
    assert result.outcome.cancelled == Decimal("56500.00")
    assert result.forms[1].status is FormStatus.EXPECTED


def test_the_tax_year_and_the_credit_timeline_read_the_same_resolution_date() -> None:
    dates = CaseDates(date(2025, 1, 15), months_default_to_sale=10, months_sale_to_resolution=2)
    case = Case(LoanKind.MORTGAGE, "short_sale", CA_HOME, Resolution.WAIVED, dates)
    result = case_outcome(case)
    assert result.sold_on == date(2025, 11, 15)
    assert result.resolved_on == date(2026, 1, 15)
    form_event = next(e for e in result.events if e.kind is EventKind.FORM_1099C)
    assert form_event.when == date(2027, 2, 1)  # 31 January 2027 is a Sunday


def test_a_main_home_waiver_in_2025_is_excluded_as_qualified_principal_residence_debt() -> None:
    # First missed payment January 2024, sold and waived 12 months later (the default).
    dates = CaseDates(date(2024, 1, 15))
    home = Case(
        LoanKind.MORTGAGE,
        "short_sale",
        CA_HOME,
        Resolution.WAIVED,
        dates,
        tax=TaxFacts(main_home_loan=True),
    )
    result = case_outcome(home)
    assert result.resolved_on == date(2025, 1, 15)
    assert result.cancelled_tax.taxable == Decimal("0.00")
    other = Case(LoanKind.MORTGAGE, "short_sale", CA_HOME, Resolution.WAIVED, dates)
    assert case_outcome(other).cancelled_tax.taxable == Decimal("56500.00")


def test_a_written_arrangement_before_2026_keeps_a_2026_main_home_discharge_excluded() -> None:
    dates = CaseDates(date(2025, 3, 1))  # sold and waived 1 March 2026
    home = Case(
        LoanKind.MORTGAGE,
        "short_sale",
        CA_HOME,
        Resolution.WAIVED,
        dates,
        tax=TaxFacts(main_home_loan=True),
    )
    assert case_outcome(home).cancelled_tax.taxable == Decimal("56500.00")
    written = TaxFacts(main_home_loan=True, written_arrangement_date=date(2025, 11, 20))
    agreed = Case(LoanKind.MORTGAGE, "short_sale", CA_HOME, Resolution.WAIVED, dates, tax=written)
    assert case_outcome(agreed).cancelled_tax.taxable == Decimal("0.00")
    with pytest.raises(InvalidInputError, match="Written arrangement date"):
        TaxFacts(written_arrangement_date="2025-11-20")  # type: ignore[arg-type]


def test_the_fair_market_value_is_the_answered_one_else_the_sale_price() -> None:
    assert case_outcome(home_case(state="")).fair_market_value == Decimal("275000.00")
    valued = home_case(state="AZ", facts={"fair_market_value": "290000"})
    assert case_outcome(valued).fair_market_value == Decimal("290000")


#: A car settled at 50%: $12,000 owed, sold for $8,000, $350 retaking and 30 days of
#: storage at $25 ($750): deficiency 12,000 + 1,100 - 8,000 = 5,100; half paid, 2,550
#: cancelled. Pub. 4681's worksheet: line 1 = 12,000 - 2,550 = 9,450, line 2 = 8,000,
#: line 3 = 1,450. The 1,100 between them is the lender's costs.
CAR = {
    "unpaid_principal": "12000",
    "sale_price": "8000",
    "retaking_fee": "350",
    "storage_days": "30",
    "storage_daily_rate": "25",
    "settlement_percent": "50",
}


def car_case(amounts=CAR, **tax: object) -> Case:
    return Case(
        LoanKind.AUTO, "repossession", amounts, Resolution.SETTLED, JAN_2025, tax=TaxFacts(**tax)
    )  # type: ignore[arg-type]


def test_a_settled_car_says_in_one_sentence_why_the_worksheet_differs() -> None:
    result = case_outcome(car_case())
    assert result.outcome.cancelled == Decimal("2550.00")
    assert result.headline.owes == Decimal("2550.00")
    reconciliation = result.reconciliation
    assert reconciliation is not None
    assert reconciliation.worksheet_income == Decimal("1450.00")
    assert "$1,100.00 of the costs of selling the car" in reconciliation.sentence
    assert reconciliation.sentence.startswith(
        "IRS Publication 4681's worksheet puts the income at $1,450.00, not the $2,550.00"
    )


def test_credits_are_named_in_the_reconciliation() -> None:
    amounts = {**CAR, "gap_refund": "100"}
    sentence = case_outcome(car_case(amounts)).reconciliation.sentence  # type: ignore[union-attr]
    assert "$1,100.00 of the costs" in sentence
    assert "$100.00 of credits" in sentence


def test_the_worksheet_is_shown_only_with_the_borrowers_basis() -> None:
    assert case_outcome(car_case()).worksheet is None
    sheet = case_outcome(car_case(adjusted_basis="15000")).worksheet
    assert sheet is not None
    assert sheet.ordinary_income == Decimal("1450.00")
    assert sheet.loss == Decimal("7000.00")  # basis 15,000 less line 4 (8,000)


def test_a_barred_deficiency_is_nonrecourse_so_the_worksheet_agrees_there_is_no_income() -> None:
    result = case_outcome(home_case("waived"))
    assert result.outcome.cancelled == Decimal("0.00")
    assert result.reconciliation is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "boat"}, "Loan kind"),
        ({"exit": "repossession"}, "Exit"),
        ({"state": "XX"}, "State"),
        ({"amounts": {"retaking_fee": "5"}}, "retaking_fee"),
        ({"facts": {"owner_occupied": "maybe"}}, "owner_occupied"),
        (
            {
                "tax": TaxFacts(main_home_loan=True),
                "kind": "auto",
                "exit": "repossession",
                "amounts": {},
            },
            "Main home loan",
        ),
    ],
)
def test_a_case_refuses_what_does_not_fit_naming_the_field(change: dict, field: str) -> None:
    base = {
        "kind": LoanKind.MORTGAGE,
        "exit": "short_sale",
        "amounts": CA_HOME,
        "resolution": Resolution.JUDGMENT,
        "dates": JAN_2025,
    }
    with pytest.raises(InvalidInputError, match=field):
        Case(**{**base, **change})


def test_insolvency_needs_both_totals() -> None:
    with pytest.raises(InvalidInputError, match="Insolvency"):
        TaxFacts(liabilities="1000")


@settings(max_examples=60, deadline=None)
@given(
    owed=st.integers(1, 500_000),
    price=st.integers(0, 500_000),
    resolution=st.sampled_from(list(Resolution)),
    answer=st.sampled_from(["yes", "no", "unknown"]),
)
def test_the_headline_is_always_the_outcome_and_never_above_it(
    owed: int, price: int, resolution: Resolution, answer: str
) -> None:
    amounts = {"unpaid_principal": str(owed), "sale_price": str(price)}
    facts = dict.fromkeys(CA_FACTS, answer)
    case = Case(LoanKind.MORTGAGE, "short_sale", amounts, resolution, JAN_2025, "CA", facts)
    result = case_outcome(case)
    headline = result.headline
    assert headline.owes == result.outcome.borrower_owes
    if headline.kind is AnswerKind.DEPENDS:
        assert headline.lowest is not None and headline.lowest <= headline.owes
        assert headline.open_questions
    elif headline.kind is AnswerKind.OWES_NOTHING:
        assert headline.owes == 0
    else:
        assert headline.owes > 0


def test_equal_cases_are_one_cache_key() -> None:
    first, second = home_case(), home_case()
    assert first == second
    assert hash(first) == hash(second)
    assert {first: 1}[second] == 1
    assert home_case(facts={}) != first


def test_an_assumed_first_missed_payment_makes_every_date_assumed() -> None:
    home = {"unpaid_principal": "200000", "sale_price": "150000"}

    def dated(dates: CaseDates):
        return case_outcome(Case(LoanKind.MORTGAGE, "short_sale", home, Resolution.WAIVED, dates))

    known = dated(CaseDates(date(2025, 1, 15)))
    assumed = dated(CaseDates(date(2025, 1, 15), first_missed_assumed=True))
    assert [event.when for event in assumed.events] == [event.when for event in known.events]
    assert not known.events[0].illustrative
    assert all(event.illustrative for event in assumed.events)
    assert all(event.illustrative for event in assumed.timeline_on("judgment"))


def test_the_cases_worksheet_reads_personal_use() -> None:
    """A car held for business: its loss is deductible on the case's worksheet too."""
    car = {"unpaid_principal": "10000", "sale_price": "6000"}

    def worksheet(personal: bool):
        tax = TaxFacts(adjusted_basis=Decimal("9000"), personal_use=personal)
        case = Case(LoanKind.AUTO, "repossession", car, Resolution.WAIVED,
                    CaseDates(date(2025, 1, 15)), tax=tax)  # fmt: skip
        sheet = case_outcome(case).worksheet
        assert sheet is not None
        return sheet

    assert worksheet(True).loss == worksheet(False).loss > 0
    personal = " ".join(worksheet(True).explanation())
    business = " ".join(worksheet(False).explanation())
    assert "not deductible" in personal and "not deductible" not in business

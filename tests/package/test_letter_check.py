"""Letter check: 9-616(c) arithmetic known answers, reference costs, credits, dates, notice;
a mortgage servicer's letter: its sums, its costs of sale and the case's state bar."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency.case import Case, CaseDates, case_outcome
from deficiency.letter_check import (
    LenderLetter,
    LetterFacts,
    MortgageLetter,
    NoticeStatus,
    Severity,
    check_letter,
    check_mortgage_letter,
    minimum_statutory_damages,
)
from deficiency.resolution import Resolution
from deficiency.scenarios import LoanKind
from deficiency.serialize import InvalidScenarioError

D = Decimal


def car_letter(**changes: object) -> LenderLetter:
    fields: dict[str, object] = {
        "balance_owed": D(10000),
        "sale_proceeds": D(8500),
        "balance_after_proceeds": D(1500),
        "expenses": {"Repossession": D(500)},
        "credits": {},
        "deficiency": D(2000),
    }
    fields.update(changes)
    return LenderLetter(**fields)  # type: ignore[arg-type]


def by_check(flags, check):
    return [flag for flag in flags if flag.check == check]


def test_the_car_example_letter_adds_up():
    flags = check_letter(car_letter())
    assert not [f for f in flags if f.check.startswith("line_")]
    assert by_check(flags, "arithmetic_ok")[0].severity is Severity.INFO


def test_a_wrong_line_6_is_flagged_with_the_right_figure():
    (flag,) = by_check(check_letter(car_letter(deficiency=D(2500))), "line_6")
    assert flag.severity is Severity.QUESTION
    assert flag.figure == D("2000.00")
    assert "$2,000.00" in flag.why and "$2,500.00" in flag.why
    assert not by_check(check_letter(car_letter(deficiency=D(2500))), "arithmetic_ok")


def test_a_wrong_line_3_and_a_wrong_total_are_flagged():
    flags = check_letter(car_letter(balance_after_proceeds=D(1400), expenses_total=D(600)))
    assert by_check(flags, "line_3")[0].figure == D("1500.00")
    assert by_check(flags, "line_4")[0].figure == D("500.00")
    assert not by_check(flags, "line_6")


def test_a_surplus_letter_is_checked_as_a_surplus():
    surplus = car_letter(
        sale_proceeds=D(11000), balance_after_proceeds=D(-1000), deficiency=D(0), surplus=D(500)
    )
    assert by_check(check_letter(surplus), "arithmetic_ok")
    wrong = car_letter(sale_proceeds=D(11000), balance_after_proceeds=D(-1000), deficiency=D(0))
    (flag,) = by_check(check_letter(wrong), "line_6")
    assert flag.figure == D("-500.00") and "surplus of $500.00 owed to you" in flag.why


amounts = st.decimals(0, D("1e7"), places=2)


@settings(max_examples=100, deadline=None)
@given(amounts, amounts, st.lists(amounts, max_size=4), st.lists(amounts, max_size=3), amounts)
def test_consistent_letters_pass_and_any_change_to_line_6_is_caught(
    owed, price, costs, rebates, bump
):
    expenses = {f"Expense {i}": a for i, a in enumerate(costs)}
    credits = {f"Credit {i}": a for i, a in enumerate(rebates)}
    result = owed - price + sum(costs, D(0)) - sum(rebates, D(0))
    letter = LenderLetter(
        owed, price, owed - price, expenses, credits, max(result, D(0)), max(-result, D(0))
    )
    assert by_check(check_letter(letter), "arithmetic_ok")
    if bump:
        wrong = LenderLetter(
            owed,
            price,
            owed - price,
            expenses,
            credits,
            max(result, D(0)) + bump,
            max(-result, D(0)),
        )
        (flag,) = by_check(check_letter(wrong), "line_6")
        assert flag.figure == result


def test_minimum_statutory_damages_known_answer():
    assert minimum_statutory_damages(finance_charge=4000, principal_amount=15000) == D("5500.00")
    assert minimum_statutory_damages(time_price_differential="3000", cash_price="20000.05") == D(
        "5000.01"
    )
    assert minimum_statutory_damages(cash_price=20000) is None


def test_missing_or_late_notice_shows_the_estimate_as_education():
    facts = LetterFacts(notice=NoticeStatus.MISSING, finance_charge=4000, principal_amount=15000)
    (flag,) = by_check(check_letter(car_letter(), facts), "notice")
    assert flag.severity is Severity.QUESTION and flag.figure == D("5500.00")
    assert "Educational estimate for an attorney to check: $5,500.00" in flag.why
    assert "9-625" in flag.sources[0].citation
    late = by_check(check_letter(car_letter(), LetterFacts(notice=NoticeStatus.LATE)), "notice")
    assert late[0].figure is None and "Enter the finance charge" in late[0].why
    received = LetterFacts(notice=NoticeStatus.RECEIVED)
    assert not by_check(check_letter(car_letter(), received), "notice")
    assert by_check(check_letter(car_letter()), "notice")[0].severity is Severity.INFO


def test_expenses_are_compared_with_the_reference_figures():
    high = car_letter(
        expenses={"Repossession fee": D(1000), "Towing": D(300), "Auction fee": D(900)},
        balance_after_proceeds=D(1500),
        deficiency=D(3700),
    )
    flags = check_letter(high)
    (repo,) = by_check(flags, "expense_repossession")
    assert repo.severity is Severity.QUESTION and repo.figure == D("350.00")
    assert "CFPB" in repo.why and "$1,000" in repo.why
    assert not by_check(flags, "expense_tow")  # $300 is inside the illustrative range
    (auction,) = by_check(flags, "expense_auction")
    assert auction.severity is Severity.INFO  # no published range: a note, not a comparison
    assert not by_check(
        check_letter(car_letter(expenses={"Repossession": D(350)}, deficiency=D(1850))),
        "expense_repossession",
    )


def test_storage_is_compared_per_day_when_dates_are_known():
    letter = car_letter(expenses={"Storage": D(1200)}, deficiency=D(2700))
    facts = LetterFacts(repossession_date=date(2024, 1, 1), sale_date=date(2024, 1, 21))
    (flag,) = by_check(check_letter(letter, facts), "expense_storage")
    assert flag.figure == D("60.00") and flag.severity is Severity.QUESTION
    (undated,) = by_check(check_letter(letter), "expense_storage")
    assert undated.severity is Severity.INFO


def test_duplicates_late_fees_and_unknown_expenses_are_questions():
    letter = car_letter(
        expenses={
            "Repo fee": D(400),
            "Repossession charge": D(400),
            "Late charges": D(90),
            "Misc": D(10),
        },
        deficiency=D(2400),
    )
    flags = check_letter(letter)
    assert by_check(flags, "duplicate")[0].figure == D("400.00")
    assert by_check(flags, "late_fees")[0].figure == D("90.00")
    assert by_check(flags, "expense_other")[0].title == "What is 'Misc'?"
    after = LetterFacts(late_fees_after_repossession=D(150))
    assert by_check(check_letter(car_letter(), after), "late_fees")[0].figure == D("150.00")


def test_missing_credits_follow_what_the_borrower_had():
    had = LetterFacts(add_ons=frozenset({"gap"}), precomputed=True)
    flags = check_letter(car_letter(), had)
    assert by_check(flags, "credit_gap")[0].severity is Severity.QUESTION
    assert by_check(flags, "credit_unearned_interest")[0].severity is Severity.QUESTION
    assert not by_check(flags, "credit_service_contract")
    credited = check_letter(
        car_letter(credits={"GAP refund": D(466.67)}, deficiency=D("1533.33")), had
    )
    assert not by_check(credited, "credit_gap")
    unknown = check_letter(car_letter())
    assert {f.severity for f in unknown if f.check.startswith("credit_")} == {Severity.INFO}
    simple = check_letter(car_letter(), LetterFacts(precomputed=False, add_ons=frozenset()))
    assert not [f for f in simple if f.check.startswith("credit_")]


def test_a_low_price_is_a_question_that_cites_9_627_and_the_threshold_is_an_input():
    facts = LetterFacts(believed_value=D(20000))
    (flag,) = by_check(check_letter(car_letter(), facts), "low_price")
    assert flag.figure == D("10000.00")
    assert "does not make a sale commercially unreasonable" in flag.why and "9-627" in flag.why
    lenient = LetterFacts(believed_value=D(20000), low_price_fraction="0.4")
    assert not by_check(check_letter(car_letter(), lenient), "low_price")


def test_a_long_wait_before_the_sale_and_an_old_balance_date_are_questions():
    facts = LetterFacts(
        repossession_date=date(2024, 1, 1),
        sale_date=date(2024, 5, 1),
        balance_date=date(2023, 11, 1),
    )
    flags = check_letter(car_letter(), facts)
    assert by_check(flags, "long_sale")[0].figure == D(121)
    assert by_check(flags, "balance_date")
    short = LetterFacts(repossession_date=date(2024, 1, 1), sale_date=date(2024, 3, 1))
    assert not by_check(check_letter(car_letter(), short), "long_sale")


def test_the_state_note_is_passed_through():
    facts = LetterFacts(state="CA")
    flags = check_letter(car_letter(), facts, state_note="Rees-Levering: notice within 60 days.")
    (flag,) = by_check(flags, "state_rule")
    assert flag.why == "Rees-Levering: notice within 60 days." and "(CA)" in flag.title
    assert not by_check(check_letter(car_letter()), "state_rule")


def test_the_wording_informs_and_never_concludes_the_lender_broke_the_law():
    facts = LetterFacts(
        believed_value=D(30000),
        repossession_date=date(2024, 1, 1),
        sale_date=date(2024, 9, 1),
        notice=NoticeStatus.MISSING,
        finance_charge=4000,
        principal_amount=15000,
    )
    letter = car_letter(expenses={"Repo": D(1000), "Repo fee": D(1000), "Late fee": D(50)})
    text = " ".join(f"{f.title} {f.why} {f.ask}" for f in check_letter(letter, facts)).lower()
    for verdict in ("illegal", "unlawful", "broke the law", "violated", "you are owed", "fraud"):
        assert verdict not in text
    assert all(flag.sources and flag.ask for flag in check_letter(letter, facts))


def test_bad_letters_and_facts_name_every_problem():
    with pytest.raises(InvalidScenarioError) as caught:
        LenderLetter("abc", D(-1), D(0), {"": D(1), "Tow": "-5"}, {}, D("NaN"))  # type: ignore[arg-type]
    assert set(caught.value.fields) == {
        "balance_owed",
        "sale_proceeds",
        "deficiency",
        "expenses",
        "expenses 'Tow'",
    }
    with pytest.raises(InvalidScenarioError) as caught:
        LetterFacts(
            believed_value="-1", low_price_fraction=2, add_ons=frozenset({"boat"}), long_sale_days=0
        )
    assert set(caught.value.fields) == {
        "believed_value",
        "low_price_fraction",
        "add_ons",
        "long_sale_days",
    }


# --- A mortgage servicer's letter ------------------------------------------------------


#: The issue's California short sale as a servicer's letter: 312,000 owed, 275,000 price
#: less a 6% commission (16,500) and 3,000 of closing costs: 56,500 claimed.
CA_COSTS = {"Real estate commission": D(16500), "Seller closing costs": D(3000)}


def home_letter(**changes: object) -> MortgageLetter:
    fields: dict[str, object] = {
        "unpaid_principal": D(312000),
        "interest": D(0),
        "escrow_advances": D(0),
        "fees": {},
        "sale_price": D(275000),
        "costs_of_sale": CA_COSTS,
        "credits": {},
        "deficiency_claimed": D(56500),
    }
    fields.update(changes)
    return MortgageLetter(**fields)  # type: ignore[arg-type]


def california_law(facts: dict[str, str]):
    amounts = {
        "unpaid_principal": "312000",
        "sale_price": "275000",
        "commission_rate": "6",
        "seller_closing_costs": "3000",
    }
    case = Case(
        LoanKind.MORTGAGE,
        "short_sale",
        amounts,
        Resolution.JUDGMENT,
        CaseDates(date(2025, 1, 15)),
        "CA",
        facts,
    )
    return case_outcome(case).law


def test_the_california_letter_adds_up_and_its_costs_are_within_the_references():
    flags = check_mortgage_letter(home_letter())
    assert [flag.check for flag in flags] == ["mortgage_arithmetic_ok"]
    assert "$56,500.00, the deficiency it claims" in flags[0].why
    assert flags[0].sources[0].citation.startswith("Fannie Mae Servicing Guide D2-3.3-01")


def test_a_claim_that_does_not_follow_gives_the_right_figure():
    letter = home_letter(
        interest=D(1200),
        escrow_advances=D(2400),
        fees={"Inspections": D(90)},
        deficiency_claimed=D(61000),
    )
    (flag,) = by_check(check_mortgage_letter(letter), "mortgage_arithmetic")
    assert flag.severity is Severity.QUESTION
    assert flag.figure == D("60190.00")  # 56,500 + 1,200 + 2,400 + 90
    credited = home_letter(credits={"Relocation credit": D(3000)}, deficiency_claimed=D(56500))
    (flag,) = by_check(check_mortgage_letter(credited), "mortgage_arithmetic")
    assert flag.figure == D("53500.00")
    surplus = home_letter(sale_price=D(400000), deficiency_claimed=D(0))
    (flag,) = by_check(check_mortgage_letter(surplus), "mortgage_arithmetic")
    assert "a surplus of $68,500.00 owed to you" in flag.why


def test_costs_beyond_the_references_are_questions_with_their_sources():
    costs = {"Broker commission": D(22000), "Closing costs": D(9000)}
    letter = home_letter(costs_of_sale=costs, deficiency_claimed=D(68000))
    flags = check_mortgage_letter(letter)
    (commission,) = by_check(flags, "mortgage_commission")
    assert commission.figure == D("16500.00")  # 6% of 275,000
    assert "Fannie Mae" in commission.sources[0].citation
    (others,) = by_check(flags, "mortgage_other_costs")
    assert others.figure == D("8250.00")  # 3% of 275,000
    assert "low-confidence illustration" in others.why  # one weak source


def test_a_state_bar_from_the_case_questions_any_deficiency_claimed():
    barred = california_law(
        {
            "purchase_money": "yes",
            "owner_occupied": "yes",
            "one_to_four_units": "yes",
            "secured_only_by_home": "yes",
            "individual_borrower": "yes",
        }
    )
    (flag,) = by_check(check_mortgage_letter(home_letter(), state_law=barred), "mortgage_state_bar")
    assert flag.severity is Severity.QUESTION
    assert "California law" in flag.title and "580" in flag.why
    assert flag.sources
    open_questions = california_law({})
    flags = check_mortgage_letter(home_letter(), state_law=open_questions)
    assert not by_check(flags, "mortgage_state_bar") and by_check(flags, "state_rule")


def test_a_mortgage_letter_names_every_unreadable_line():
    with pytest.raises(InvalidScenarioError) as raised:
        home_letter(interest="abc", fees={"": D(1)}, sale_price=D(-1))
    fields = {problem.field for problem in raised.value.problems}
    assert fields == {"interest", "fees", "sale_price"}

"""The kit builds one deficiency.Case per side from session state, so every page shows one case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from deficiency import AnswerKind
from ui.kit.cache import case_dates, side_case, tax_facts
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import values

TODAY = date(2026, 12, 2)


def scenario(side, **changes: str) -> dict[str, str]:
    """A session holding a side's worked-example inputs, with ``changes`` applied."""
    state: dict[str, str] = {spec.key: "0" for spec in side.specs}
    state.update({spec.key: "0" for spec in side.resolution_specs.values()})
    state[side.exit_key] = side.exits[0][0]
    state[side.resolution_key] = "judgment"
    state.update(changes)
    return state


def test_a_side_becomes_one_case_with_the_sessions_state_facts_and_dates() -> None:
    state = scenario(
        MORTGAGE,
        m_unpaid_principal="312000",
        m_sale_price="275000",
        m_commission_rate="6",
        m_seller_closing_costs="3000",
        state="CA",
        m_f_purchase_money="yes",
        m_f_owner_occupied="yes",
        m_f_one_to_four_units="yes",
        m_f_secured_only_by_home="yes",
        m_f_individual_borrower="yes",
        r_first_missed="2025-01-15",
    )
    result, error = side_case(state, MORTGAGE, TODAY)
    assert error is None and result is not None
    assert result.outcome.deficiency == Decimal("56500.00")
    assert result.headline.kind is AnswerKind.OWES_NOTHING
    assert result.case.dates.first_missed_payment == date(2025, 1, 15)
    assert dict(result.case.amounts) == values(state, MORTGAGE)


def test_unset_dates_start_this_month_and_take_the_datas_gaps() -> None:
    dates = case_dates({}, TODAY)
    assert dates.first_missed_payment == date(2026, 12, 1)
    assert dates.first_missed_assumed
    assert dates.months_default_to_sale is None
    assert not case_dates({"r_first_missed": "2025-01-15"}, TODAY).first_missed_assumed
    dates = case_dates({"r_months_to_sale": "7", "r_months_to_resolution": ""}, TODAY)
    assert dates.months_default_to_sale == 7
    assert dates.months_sale_to_resolution is None


def test_a_car_is_never_a_main_home_loan_and_a_mortgage_is_one_until_switched_off() -> None:
    assert tax_facts({"x_home_loan": "yes"}, CAR).main_home_loan is False
    assert tax_facts({}, MORTGAGE).main_home_loan is True
    assert tax_facts({"x_home_loan": "no"}, MORTGAGE).main_home_loan is False
    assert tax_facts({"x_liabilities": "1,000", "x_assets": "10"}, CAR).liabilities == 1000


def test_a_bad_entry_keeps_the_last_good_case_and_names_the_field() -> None:
    state = scenario(CAR, c_unpaid_principal="10000", c_sale_price="8500")
    good, _ = side_case(state, CAR, TODAY)
    state["c_sale_price"] = "-5"
    kept, error = side_case(state, CAR, TODAY)
    assert kept is good
    assert error is not None and "ale price" in str(error)
    state["c_sale_price"] = "8500"
    state["r_first_missed"] = "not a date"
    kept, error = side_case(state, CAR, TODAY)
    assert kept is good and error is not None


def test_a_bad_date_is_named_in_plain_words_and_a_first_run_still_has_a_case() -> None:
    """A link's first run with a refused date or tax fact: no last good case yet, so the
    case falls back on a new session's dates and tax facts, and the error names the input."""
    state = scenario(CAR, c_unpaid_principal="10000", c_sale_price="8500")
    state["r_first_missed"] = "15/01/2025"
    result, error = side_case(state, CAR, TODAY)
    assert str(error) == "First missed payment: is not a date; pick one from the calendar"
    assert result is not None and result.case.dates.first_missed_assumed
    state = scenario(CAR, c_unpaid_principal="10000", c_sale_price="8500")
    state["x_liabilities"] = "1000"
    result, error = side_case(state, CAR, TODAY)
    assert error is not None and "assets" in str(error)
    assert result is not None and result.outcome.deficiency == Decimal("1500.00")
    result, error = side_case(scenario(CAR, c_sale_price="-5", x_liabilities="1"), CAR, TODAY)
    assert result is None and error is not None

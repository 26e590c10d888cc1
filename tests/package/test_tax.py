"""Known answers for the Pub. 4681 worksheet, the exclusions and the 1099 rules, plus invariants."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import InvalidInputError, Resolution
from deficiency.sources import sources_of
from deficiency.tax import (
    DebtType,
    ExclusionKind,
    FormStatus,
    disclaimer,
    estimated_extra_tax,
    expected_forms,
    federal_brackets,
    foreclosure_worksheet,
    form_1099_due,
    insolvency,
    qpri_period_for,
    qpri_periods,
    rules,
    taxable_cancelled_debt,
)

amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))


# --- Worksheet -------------------------------------------------------------------------


def test_recourse_example_has_20000_income_and_a_10000_loss_not_deductible():
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000, fair_market_value=80000, adjusted_basis=90000
    )
    assert sheet.line_1_debt_cancelled_by_transfer == Decimal("100000.00")
    assert sheet.line_2_fair_market_value == Decimal("80000.00")
    assert sheet.line_3_ordinary_income == Decimal("20000.00")
    assert sheet.line_4_realized_from_transfer == Decimal("80000.00")
    assert sheet.line_5_proceeds_received == Decimal("0.00")
    assert sheet.line_6_amount_realized == Decimal("80000.00")
    assert sheet.line_7_adjusted_basis == Decimal("90000.00")
    assert sheet.line_8_gain_or_loss == Decimal("-10000.00")
    assert sheet.loss == Decimal("10000.00") and sheet.gain == Decimal("0.00")
    assert sheet.loss_deductible is False
    assert any("not deductible" in sentence for sentence in sheet.explanation())


def test_the_same_loss_on_business_property_may_be_deductible():
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000,
        fair_market_value=80000,
        adjusted_basis=90000,
        personal_use=False,
    )
    assert sheet.loss_deductible is True


def test_lines_come_numbered_1_to_8_with_the_worksheet_wording():
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000, fair_market_value=80000, adjusted_basis=90000
    )
    lines = sheet.lines()
    assert [line.number for line in lines] == list(range(1, 9))
    assert lines[2].amount == Decimal("20000.00")
    assert "Fair market value" in lines[1].label
    assert lines[7].label.startswith("Gain or loss")


def test_nonrecourse_debt_skips_part_1_and_realizes_the_whole_debt():
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000,
        fair_market_value=80000,
        adjusted_basis=90000,
        debt_type=DebtType.NONRECOURSE,
    )
    assert sheet.line_1_debt_cancelled_by_transfer is None
    assert sheet.line_2_fair_market_value is None
    assert sheet.line_3_ordinary_income is None
    assert sheet.ordinary_income == Decimal("0.00")
    assert sheet.line_4_realized_from_transfer == Decimal("100000.00")
    assert sheet.line_8_gain_or_loss == Decimal("10000.00")
    assert sheet.gain == Decimal("10000.00")


def test_a_deficiency_still_owed_reduces_line_1_and_the_income():
    # The lender keeps pursuing $15,000 of the $20,000 shortfall: only $5,000 is cancelled.
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000,
        fair_market_value=80000,
        adjusted_basis=90000,
        still_owed_after_transfer=15000,
    )
    assert sheet.line_1_debt_cancelled_by_transfer == Decimal("85000.00")
    assert sheet.line_3_ordinary_income == Decimal("5000.00")
    assert sheet.line_4_realized_from_transfer == Decimal("80000.00")


def test_when_the_lender_pursues_everything_above_value_there_is_no_income():
    sheet = foreclosure_worksheet(
        debt_before_transfer=100000,
        fair_market_value=80000,
        adjusted_basis=70000,
        still_owed_after_transfer=30000,
        proceeds_received=1000,
    )
    assert sheet.line_3_ordinary_income == Decimal("0.00")
    assert sheet.line_4_realized_from_transfer == Decimal("70000.00")
    assert sheet.line_6_amount_realized == Decimal("71000.00")
    assert sheet.line_8_gain_or_loss == Decimal("1000.00")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"still_owed_after_transfer": 100001}, "Still owed after the transfer"),
        ({"debt_type": "nonrecourse", "still_owed_after_transfer": 1}, "Still owed"),
        ({"debt_type": "partial"}, "Debt type"),
        ({"adjusted_basis": -1}, "Adjusted basis"),
    ],
)
def test_worksheet_rejects_bad_input_naming_the_field(kwargs, field):
    arguments = {"debt_before_transfer": 100000, "fair_market_value": 80000, "adjusted_basis": 1}
    with pytest.raises(InvalidInputError) as caught:
        foreclosure_worksheet(**{**arguments, **kwargs})
    assert caught.value.field.startswith(field)


@given(amounts, amounts, amounts, amounts, st.sampled_from(list(DebtType)))
def test_worksheet_identities_hold_for_every_input(debt, value, basis, proceeds, kind):
    sheet = foreclosure_worksheet(
        debt_before_transfer=debt,
        fair_market_value=value,
        adjusted_basis=basis,
        proceeds_received=proceeds,
        debt_type=kind,
    )
    assert sheet.ordinary_income >= 0
    assert sheet.line_6_amount_realized == sheet.line_4_realized_from_transfer + proceeds
    assert sheet.line_8_gain_or_loss == sheet.line_6_amount_realized - basis
    assert sheet.gain - sheet.loss == sheet.line_8_gain_or_loss
    if kind is DebtType.RECOURSE:
        # Income plus the amount realized from debt relief equals the debt cancelled.
        assert sheet.ordinary_income + sheet.line_4_realized_from_transfer == debt
    else:
        assert sheet.line_4_realized_from_transfer == debt


# --- Insolvency and exclusions -----------------------------------------------------------


def test_jill_insolvent_by_8000_excludes_all_5000():
    jill = insolvency(liabilities=15000, assets=7000)
    assert jill.amount == Decimal("8000.00")
    assert jill.excluded(5000) == Decimal("5000.00")


def test_jill_insolvent_by_3000_excludes_only_3000_of_5000():
    jill = insolvency(liabilities=10000, assets=7000)
    assert jill.amount == Decimal("3000.00")
    assert jill.excluded(5000) == Decimal("3000.00")
    result = taxable_cancelled_debt(
        5000, discharge_date=date(2024, 5, 1), liabilities=10000, assets=7000
    )
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("3000.00")
    assert result.taxable == Decimal("2000.00")


def test_solvent_taxpayer_is_not_insolvent():
    assert insolvency(liabilities=7000, assets=10000).amount == Decimal("0.00")
    result = taxable_cancelled_debt(
        5000, discharge_date=date(2024, 5, 1), liabilities=7000, assets=10000
    )
    assert result.taxable == Decimal("5000.00")
    assert "not insolvent" in result.exclusions[2].reason


def test_bankruptcy_excludes_everything_and_takes_precedence():
    result = taxable_cancelled_debt(
        50000,
        discharge_date=date(2024, 5, 1),
        title_11_case=True,
        qualified_home_debt=250000,
        liabilities=100000,
        assets=0,
    )
    assert [item.kind for item in result.exclusions] == list(ExclusionKind)
    assert result.amount_of(ExclusionKind.BANKRUPTCY) == Decimal("50000.00")
    assert result.amount_of(ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE) == Decimal("0.00")
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("0.00")
    assert result.taxable == Decimal("0.00")


@pytest.mark.parametrize(
    ("discharged", "arrangement", "excluded"),
    [
        (date(2025, 12, 31), None, "50000.00"),
        (date(2026, 1, 1), None, "0.00"),
        (date(2026, 6, 1), date(2025, 12, 31), "50000.00"),
        (date(2026, 6, 1), date(2026, 1, 1), "0.00"),
        (date(2026, 6, 1), date(2019, 4, 1), "50000.00"),
        (date(2006, 12, 31), None, "0.00"),
        (date(2007, 1, 1), None, "50000.00"),
    ],
)
def test_qpri_date_rule_and_written_arrangement(discharged, arrangement, excluded):
    result = taxable_cancelled_debt(
        50000,
        discharge_date=discharged,
        qualified_home_debt=250000,
        written_arrangement_date=arrangement,
    )
    assert result.amount_of(ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE) == Decimal(excluded)


def test_qpri_after_2025_is_marked_unverified_with_a_check_current_law_note():
    result = taxable_cancelled_debt(
        50000, discharge_date=date(2026, 2, 1), qualified_home_debt=250000
    )
    qpri = result.exclusions[1]
    assert qpri.verified is False
    assert "Check current law" in qpri.reason
    assert qpri.sources and all(source.uncertain for source in qpri.sources)


def test_an_arrangement_after_the_discharge_does_not_count():
    assert qpri_period_for(date(2026, 3, 1), written_arrangement_date=date(2026, 4, 1)) is None


@pytest.mark.parametrize(
    ("discharged", "separately", "limit"),
    [
        (date(2020, 12, 31), False, "2000000"),
        (date(2020, 12, 31), True, "1000000"),
        (date(2021, 1, 1), False, "750000"),
        (date(2021, 1, 1), True, "375000"),
    ],
)
def test_qpri_limits_by_period_and_filing_status(discharged, separately, limit):
    period = qpri_period_for(discharged)
    assert period is not None
    chosen = period.limit_married_filing_separately if separately else period.limit
    assert chosen == Decimal(limit)


def test_qpri_limit_makes_the_excess_debt_cancelled_first():
    # $1,000,000 purchase loan, $750,000 limit: $250,000 does not qualify and is
    # treated as cancelled first, so of $300,000 cancelled only $50,000 is excluded.
    result = taxable_cancelled_debt(
        300000, discharge_date=date(2024, 3, 1), qualified_home_debt=1000000
    )
    assert result.amount_of(ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE) == Decimal("50000.00")
    assert result.taxable == Decimal("250000.00")
    separately = taxable_cancelled_debt(
        300000,
        discharge_date=date(2024, 3, 1),
        qualified_home_debt=1000000,
        married_filing_separately=True,
    )
    assert separately.taxable == Decimal("300000.00")


def test_ordering_rule_with_a_partly_qualifying_loan_then_insolvency_on_the_rest():
    # $100,000 loan, $80,000 of it acquisition debt; $30,000 cancelled: the $20,000 that
    # does not qualify is cancelled first, so $10,000 is QPRI; insolvency covers $5,000.
    result = taxable_cancelled_debt(
        30000,
        discharge_date=date(2024, 3, 1),
        qualified_home_debt=80000,
        loan_balance=100000,
        liabilities=105000,
        assets=100000,
    )
    assert result.amount_of(ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE) == Decimal("10000.00")
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("5000.00")
    assert result.taxable == Decimal("15000.00")


def test_electing_insolvency_replaces_qpri():
    result = taxable_cancelled_debt(
        50000,
        discharge_date=date(2024, 3, 1),
        qualified_home_debt=250000,
        liabilities=60000,
        assets=30000,
        elect_insolvency=True,
    )
    assert result.amount_of(ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE) == Decimal("0.00")
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("30000.00")
    assert result.taxable == Decimal("20000.00")
    assert "elected" in result.exclusions[1].reason


def test_after_qpri_expiry_insolvency_still_applies():
    result = taxable_cancelled_debt(
        50000,
        discharge_date=date(2026, 3, 1),
        qualified_home_debt=250000,
        liabilities=60000,
        assets=30000,
    )
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("30000.00")
    assert result.taxable == Decimal("20000.00")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"liabilities": 1000}, "Total assets"),
        ({"assets": 1000}, "Total liabilities"),
        ({"qualified_home_debt": 200, "loan_balance": 100}, "Qualified home debt"),
        ({"qualified_home_debt": 100}, "Cancelled debt"),
    ],
)
def test_exclusions_reject_inconsistent_input(kwargs, field):
    with pytest.raises(InvalidInputError) as caught:
        taxable_cancelled_debt(500, discharge_date=date(2024, 1, 1), **kwargs)
    assert caught.value.field.startswith(field)


@given(
    amounts,
    dates,
    st.booleans(),
    amounts,
    amounts,
    st.none() | st.tuples(amounts, amounts),
    st.booleans(),
    st.booleans(),
    st.none() | dates,
)
def test_exclusions_never_exceed_the_cancelled_debt_and_taxable_is_never_negative(
    cancelled, discharged, bankrupt, home_debt, extra_loan, balance_sheet, elect, separately, deal
):
    balance = cancelled + home_debt + extra_loan
    liabilities, assets = balance_sheet if balance_sheet else (None, None)
    result = taxable_cancelled_debt(
        cancelled,
        discharge_date=discharged,
        title_11_case=bankrupt,
        qualified_home_debt=home_debt,
        loan_balance=balance,
        written_arrangement_date=deal,
        married_filing_separately=separately,
        liabilities=liabilities,
        assets=assets,
        elect_insolvency=elect,
    )
    assert all(item.amount >= 0 for item in result.exclusions)
    assert result.excluded <= result.cancelled
    assert 0 <= result.taxable <= cancelled
    if liabilities is not None and assets is not None:
        assert result.amount_of(ExclusionKind.INSOLVENCY) <= max(liabilities - assets, 0)


@given(amounts, amounts, amounts)
def test_insolvency_exclusion_is_the_smaller_of_the_two(liabilities, assets, cancelled):
    measured = insolvency(liabilities=liabilities, assets=assets)
    assert measured.amount >= 0
    assert measured.excluded(cancelled) == min(cancelled, max(liabilities - assets, 0))


# --- Estimated tax ----------------------------------------------------------------------


def test_brackets_are_the_seven_federal_rates():
    assert federal_brackets() == tuple(
        Decimal(r) for r in ("10", "12", "22", "24", "32", "35", "37")
    )


@pytest.mark.parametrize(("rate", "tax"), [(10, "2000.00"), (22, "4400.00"), (37, "7400.00")])
def test_estimated_tax_is_taxable_times_rate(rate, tax):
    assert estimated_extra_tax(20000, rate) == Decimal(tax)


@pytest.mark.parametrize("rate", [0, "9.99", "37.01", 50])
def test_estimated_tax_rejects_rates_outside_the_brackets(rate):
    with pytest.raises(InvalidInputError, match="Marginal tax rate"):
        estimated_extra_tax(20000, rate)


def test_estimated_tax_rounds_half_up_to_cents():
    assert estimated_extra_tax("0.05", 10) == Decimal("0.01")


# --- Forms 1099-A and 1099-C ------------------------------------------------------------


@pytest.mark.parametrize(("amount", "status"), [("599.99", "not_expected"), ("600", "expected")])
def test_1099c_threshold_is_600(amount, status):
    _, form_c = expected_forms("short_sale", "waived", amount, tax_year=2025)
    assert form_c.status is FormStatus(status)
    assert form_c.verified is True


def test_under_600_may_still_be_taxable():
    _, form_c = expected_forms("repossession", "settled", "599.99", tax_year=2025)
    assert "may still be taxable" in form_c.explanation


def test_1099c_threshold_after_2026_is_flagged_unverified():
    _, form_c = expected_forms("short_sale", "waived", 50000, tax_year=2027)
    assert form_c.status is FormStatus.EXPECTED
    assert [status.label for status in FormStatus] == ["Expected", "Possible", "Not expected"]
    assert form_c.verified is False
    assert "last confirmed threshold (through 2026)" in form_c.explanation
    _, unknown_year = expected_forms("short_sale", "waived", 50000)
    assert unknown_year.verified is False


def test_no_1099c_while_the_lender_pursues_a_judgment_or_when_paid():
    for path in (Resolution.JUDGMENT, "paid"):
        _, form_c = expected_forms("repossession", path, 2000, tax_year=2025)
        assert form_c.status is FormStatus.NOT_EXPECTED
    _, pursued = expected_forms("foreclosure", "judgment", 0, tax_year=2025)
    assert "keeps collecting" in pursued.explanation


def test_a_charge_off_alone_makes_a_1099c_only_possible():
    _, form_c = expected_forms("repossession", "charged_off", 2000, tax_year=2025)
    assert form_c.status is FormStatus.POSSIBLE


@pytest.mark.parametrize(
    ("exit", "path", "amount", "same_year", "form_a"),
    [
        ("foreclosure", "judgment", 0, True, "expected"),
        ("deed_in_lieu", "paid", 0, True, "expected"),
        ("foreclosure", "waived", 50000, True, "possible"),
        ("foreclosure", "waived", 50000, False, "expected"),
        ("foreclosure", "waived", 500, True, "expected"),
        ("short_sale", "waived", 50000, True, "not_expected"),
        ("repossession", "judgment", 0, True, "not_expected"),
        ("voluntary_surrender", "settled", 1200, True, "not_expected"),
    ],
)
def test_1099a_for_an_acquisition_and_the_same_year_shortcut(exit, path, amount, same_year, form_a):
    found, _ = expected_forms(exit, path, amount, same_year=same_year, tax_year=2025)
    assert found.form == "1099-A"
    assert found.status is FormStatus(form_a)


def test_a_business_car_repossession_gets_a_1099a():
    found, _ = expected_forms("repossession", "judgment", 0, personal_use=False)
    assert found.status is FormStatus.EXPECTED


def test_forms_reject_unknown_exits_and_paths():
    with pytest.raises(InvalidInputError, match="Exit"):
        expected_forms("auction", "waived", 100)
    with pytest.raises(InvalidInputError, match="Deficiency path"):
        expected_forms("foreclosure", "forgotten", 100)


def test_1099_copies_are_due_january_31_of_the_next_year_or_the_next_business_day():
    assert form_1099_due(2024) == date(2025, 1, 31)
    assert form_1099_due(2025) == date(2026, 2, 2)  # 31 January 2026 is a Saturday


# --- Sources ---------------------------------------------------------------------------


def test_every_rule_section_has_structured_sources_and_the_module_says_not_tax_advice():
    data = rules()
    for section in (
        "worksheet",
        "bankruptcy",
        "insolvency",
        "qpri",
        "form_1099c",
        "form_1099a",
        "federal_brackets",
    ):
        sources = sources_of(data[section])
        assert sources[0].url.startswith("http") and not sources[0].uncertain
    for period in qpri_periods():
        assert period.sources and not period.sources[0].uncertain
    assert "not tax advice" in disclaimer()

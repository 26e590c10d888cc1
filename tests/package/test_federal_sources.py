"""The federal and reference rows, each checked against the words of the source it was read in.

One test per corrected row of the federal review (credit reporting, tax, typical costs,
presets), with the source's own words in the docstring; then the structure every one of
those data files keeps: structured sources only, no free-text citations, nothing uncertain
shown as fact.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from deficiency import Confidence, preset
from deficiency.credit import (
    credit_reporting,
    new_mortgage_dates,
    timeline,
    unchecked_rules,
    waiting_periods,
)
from deficiency.letter_check import LenderLetter, check_letter
from deficiency.money import round_cents
from deficiency.sources import Source, data_table, sources_of
from deficiency.tax import (
    ExclusionKind,
    expected_forms,
    form_1099_due,
    form_1099c_threshold,
    qpri_period_for,
    rules,
    taxable_cancelled_debt,
)

FEDERAL_FILES = ("credit_reporting.toml", "tax_rules.toml", "typical_costs.toml", "presets.toml")


def _period(program: str, exit: str, path: str = "waived", event: str | None = None):
    return next(
        period
        for period in waiting_periods(exit, path)
        if period.program == program and period.event == (event or exit)
    )


def _quotes(sources: tuple[Source, ...]) -> str:
    return " ".join(source.quote for source in sources)


# --- Credit reporting ----------------------------------------------------------------------


def test_fannie_mae_charge_off_is_4_years_and_2_with_extenuating_circumstances():
    """Fannie Mae Selling Guide B3-5.3-07, summary table: "Deed-in-Lieu of Foreclosure,
    Preforeclosure Sale, or Charge-Off of Mortgage Account 4 years 2 years". The row had
    no extenuating figure."""
    charge_off = _period("Fannie Mae", "short_sale", "charged_off", "charged_off")
    assert (charge_off.years, charge_off.extenuating_years) == (4, 2)
    assert "Charge-Off of Mortgage Account 4 years 2 years" in charge_off.sources[0].quote
    assert charge_off.sources[0].citation.startswith("Fannie Mae Selling Guide B3-5.3-07")
    # Counted from the charge-off: short sale 2022-11-01, charge-off 2023-11-01.
    events = timeline(
        date(2022, 1, 1),
        "short_sale",
        "charged_off",
        months_default_to_sale=10,
        months_sale_to_resolution=12,
    )
    found = {event.label: event.when for event in events}
    assert found["Earliest Fannie Mae mortgage"] == date(2027, 11, 1)
    assert found["Earliest Fannie Mae mortgage (extenuating circumstances)"] == date(2025, 11, 1)


def test_fannie_mae_charge_off_counts_from_the_charge_off():
    """DU 9.1 release notes: "require a four-year waiting period after the charge-off
    occurred". The row said its start date was not verified."""
    charge_off = _period("Fannie Mae", "short_sale", "charged_off", "charged_off")
    assert charge_off.counted_from == "the date the mortgage account was charged off"
    assert "four-year waiting period after the charge-off occurred" in _quotes(charge_off.sources)
    assert "not verified" not in charge_off.note


@pytest.mark.parametrize("exit", ["foreclosure", "deed_in_lieu"])
def test_fha_foreclosure_exception_is_case_by_case_with_no_set_period(exit):
    """HUD KA-02138 (Handbook 4000.1 II.A.5.a.iii(I)): "The Mortgagee may grant an exception
    to the three-year requirement if the Foreclosure was the result of documented
    extenuating circumstances that were beyond the control of the Borrower". No shorter
    period is set, so none is invented."""
    fha = _period("FHA", exit)
    assert fha.years == 3 and fha.extenuating_years is None
    assert fha.extenuating == "case by case: no shorter period is set"
    assert "may grant an exception to the three-year requirement" in _quotes(fha.sources)
    assert fha.sources[0].citation.startswith("HUD Handbook 4000.1 II.A.5.a.iii(I)")
    assert fha.confidence is Confidence.HIGH
    assert fha.counted_from == "the date title transferred from you"


def test_fha_short_sale_counts_from_the_title_transfer_with_its_two_exceptions():
    """HUD Handbook 4000.1 as reproduced by a lender: "This three-year period begins on the
    date of transfer of title by short sale." Exceptions: current for the 12 months before
    the sale; documented extenuating circumstances, case by case. The 4155.1-era blog is
    no longer cited."""
    fha = _period("FHA", "short_sale")
    assert fha.years == 3 and fha.extenuating_years is None
    assert fha.counted_from == "the date title transferred by the short sale"
    assert "begins on the date of transfer of title by short sale" in fha.sources[0].quote
    assert "12 months" in fha.note and "case by case" in fha.note
    assert not any("fhanewsblog" in source.url for source in fha.sources)
    assert fha.confidence is Confidence.MEDIUM


@pytest.mark.parametrize("exit", ["foreclosure", "deed_in_lieu"])
def test_va_is_2_years_and_1_with_re_established_credit_never_the_headline(exit):
    """VA Lenders Handbook ch. 4 (quoted): a foreclosure or deed in lieu follows the
    bankruptcy rule, "You may disregard a bankruptcy discharged more than 2 years ago";
    1 to 2 years only with re-established credit and a cause beyond the borrower's control."""
    va = _period("VA", exit)
    assert (va.years, va.extenuating_years, va.open_to_all) == (2, 1, False)
    assert "disregard a bankruptcy discharged more than 2 years ago" in va.sources[0].quote
    events = timeline(date(2024, 1, 15), exit, "waived", months_default_to_sale=12)
    labels = {event.label for event in events}
    assert "Earliest VA mortgage" in labels
    standard, extenuating = new_mortgage_dates(events)
    assert standard is not None and standard.label == "Earliest FHA mortgage"
    assert extenuating is None or "VA" not in extenuating.label


def test_va_after_a_short_sale_usda_and_freddie_mac_are_shown_as_not_checked():
    """USDA (7 CFR 3555.151(i)) was looked for and not found; Freddie Mac 5202.5 has one
    weak source; no VA short-sale rule was found. None of them becomes a date."""
    unchecked = {rule.program: rule for rule in unchecked_rules("short_sale")}
    assert unchecked["USDA"].sources[0].confidence is Confidence.UNVERIFIED
    assert unchecked["Freddie Mac"].sources[0].confidence is Confidence.LOW
    assert unchecked["VA"].sources[0].confidence is Confidence.UNVERIFIED
    assert {p.program for p in waiting_periods("short_sale", "waived")} == {"Fannie Mae", "FHA"}
    events = timeline(date(2024, 1, 15), "short_sale", "waived")
    assert not any("USDA" in e.label or "Freddie" in e.label or "VA" in e.label for e in events)


def test_judgments_left_credit_reports_per_the_cfpb_and_the_law_still_allows_them():
    """CFPB: "When the NCAP was implemented, all civil judgments and about half of the tax
    liens on consumer credit records were removed." Bureau practice under a settlement:
    FCRA 605(a)(2) still allows judgments."""
    report = credit_reporting("repossession", "judgment")
    first = report.judgment_sources[0]
    assert first.confidence is Confidence.HIGH and first.site == "consumerfinance.gov"
    assert "all civil judgments" in first.quote and "were removed" in first.quote
    assert report.judgment_note is not None and "still allows" in report.judgment_note
    assert not any("nclc" in s.url or "scherzer" in s.url for s in report.judgment_sources)


@pytest.mark.parametrize(
    ("exit", "path", "words"),
    [
        ("foreclosure", "waived", "94 Foreclosure completed"),
        ("deed_in_lieu", "waived", "89 Deed received in lieu of foreclosure"),
        ("repossession", "waived", "96 | Repossession"),
        ("voluntary_surrender", "waived", "95 | Voluntary surrender"),
        ("repossession", "charged_off", "97 | Unpaid balance reported as loss"),
        ("voluntary_surrender", "paid", "61 | Account paid in full, was voluntary surrender"),
        ("repossession", "paid", "63 | Account paid in full, was repossession"),
        ("foreclosure", "paid", "65 Account paid in full. A foreclosure was started"),
        ("short_sale", "paid", "13 | Paid or closed account, zero balance"),
    ],
)
def test_each_metro2_code_carries_the_words_it_was_read_in(exit, path, words):
    """Metro 2 Appendix A in a vendor's copy (the CDIA guide itself is licensed): M."""
    report = credit_reporting(exit, path)
    status = report.statuses[1] if path != "waived" else report.statuses[0]
    assert status.code == words.split()[0]
    assert words in status.sources[0].quote
    assert status.confidence is Confidence.MEDIUM


def test_the_paid_code_after_a_deed_in_lieu_is_unverified_with_a_u_source():
    final = credit_reporting("deed_in_lieu", "paid").statuses[-1]
    assert final.code is None and not final.verified
    assert final.sources[0].confidence is Confidence.UNVERIFIED


def test_every_waiting_period_names_its_extenuating_figure():
    for exit in ("foreclosure", "short_sale", "deed_in_lieu"):
        for period in waiting_periods(exit, "charged_off"):
            assert period.extenuating, (period.program, period.event)
            assert not period.confidence.uncertain


# --- Tax -----------------------------------------------------------------------------------


def test_the_1099c_threshold_is_600_in_irc_6050p_b_and_confirmed_for_2026():
    """26 U.S.C. 6050P(b): "Subsection (a) shall not apply to any discharge of less than
    $600." P.L. 119-21 sec. 70433 raised the 1099-NEC and 1099-MISC thresholds, not this
    one, so 2026 is confirmed (it was unverified)."""
    assert form_1099c_threshold() == Decimal("600")
    first = sources_of(rules()["form_1099c"])[0]
    assert first.citation == "26 U.S.C. 6050P(b)" and first.confidence is Confidence.HIGH
    assert "shall not apply to any discharge of less than $600" in first.quote
    _, form_2026 = expected_forms("short_sale", "waived", 600, tax_year=2026)
    assert form_2026.verified is True
    _, under = expected_forms("short_sale", "waived", "599.99", tax_year=2026)
    assert under.status.value == "not_expected"
    _, form_2027 = expected_forms("short_sale", "waived", 600, tax_year=2027)
    assert form_2027.verified is False and "6050P(b)" in form_2027.explanation


def test_the_borrowers_copy_moves_to_the_next_business_day():
    """IRC 7503: when the last day "falls on Saturday, Sunday, or a legal holiday, the
    performance of such act shall be considered timely if it is performed on the next
    succeeding day which is not a Saturday, Sunday, or a legal holiday"."""
    assert form_1099_due(2025) == date(2026, 2, 2)  # 31 Jan 2026: Saturday
    assert form_1099_due(2026) == date(2027, 2, 1)  # 31 Jan 2027: Sunday
    due = rules()["form_1099c"]["recipient_due"]
    assert "next business day" in due["note"]
    assert "next succeeding day which is not a Saturday" in _quotes(sources_of(due))
    form_a, form_c = expected_forms("foreclosure", "waived", 50000, same_year=False, tax_year=2025)
    assert "due by Monday 2 February 2026" in form_c.explanation
    assert "due by Monday 2 February 2026" in form_a.explanation
    _, unknown = expected_forms("short_sale", "waived", 50000)
    assert "next business day" in unknown.explanation


def test_the_charge_off_rule_rests_on_td_9793():
    """T.D. 9793, 81 FR 78908: the final regulations "remove the rule that a deemed
    discharge ... occurs at the expiration of a 36-month non-payment testing period"."""
    _, form_c = expected_forms("repossession", "charged_off", 2000, tax_year=2025)
    first = form_c.sources[0]
    assert first.citation.startswith("T.D. 9793") and first.confidence is Confidence.HIGH
    assert "36-month non-payment testing period" in first.quote


def test_the_insolvency_formula_is_read_in_irc_108():
    """IRC 108(d)(3): "insolvent" is "the excess of liabilities over the fair market value of
    assets", measured "immediately before the discharge"; 108(a)(3): the exclusion "shall
    not exceed the amount by which the taxpayer is insolvent"."""
    result = taxable_cancelled_debt(
        5000, discharge_date=date(2025, 6, 1), liabilities=10000, assets=7000
    )
    assert result.amount_of(ExclusionKind.INSOLVENCY) == Decimal("3000.00")
    sources = result.exclusions[2].sources
    assert sources[0].confidence is Confidence.HIGH
    assert "immediately before the discharge" in sources[0].quote
    assert "shall not exceed the amount by which the taxpayer is insolvent" in _quotes(sources)


def test_the_2021_to_2025_qpri_limits_are_read_in_the_statute_and_form_982():
    """108(h)(2) substitutes "$750,000 ($375,000" for "$1,000,000 ($500,000"; 108(a)(1)(E):
    discharged "before January 1, 2026, or ... subject to an arrangement that is entered
    into and evidenced in writing before January 1, 2026"."""
    period = qpri_period_for(date(2025, 12, 31))
    assert period is not None
    assert (period.limit, period.limit_married_filing_separately) == (750000, 375000)
    assert all(source.confidence is Confidence.HIGH for source in period.sources)
    assert "before January 1, 2026" in _quotes(period.sources)
    assert "$375,000 if married filing separately" in _quotes(period.sources)
    assert qpri_period_for(date(2026, 1, 1)) is None
    after = taxable_cancelled_debt(
        50000, discharge_date=date(2026, 1, 2), qualified_home_debt=250000
    )
    assert after.exclusions[1].verified is False


def test_form_1099a_rests_on_the_january_2022_instructions():
    """Instructions for Forms 1099-A and 1099-C (Rev. January 2022): "No reporting is
    required for tangible personal property (such as a car) held only for personal use."
    The 2011 copy is no longer cited."""
    form_a, _ = expected_forms("repossession", "judgment", 0, tax_year=2025)
    assert form_a.status.value == "not_expected"
    assert "Rev. January 2022" in form_a.sources[0].citation
    assert "(such as a car) held only for personal use" in form_a.sources[0].quote
    assert not any("omb.report" in source.url for source in form_a.sources)


def test_the_federal_rates_are_permanent_from_2018():
    """P.L. 119-21 made the individual rates permanent (Bloomberg Tax on Rev. Proc.
    2025-32): M, the rate table itself was not read."""
    brackets = rules()["federal_brackets"]
    assert brackets["tax_years"].startswith("2018 onward")
    assert sources_of(brackets)[0].confidence is Confidence.MEDIUM


# --- Typical costs (letter check) -----------------------------------------------------------


def _letter(expenses: dict[str, int]) -> LenderLetter:
    total = sum(expenses.values())
    return LenderLetter(
        Decimal(10000),
        Decimal(8500),
        Decimal(1500),
        {label: Decimal(amount) for label, amount in expenses.items()},
        {},
        Decimal(1500 + total),
    )


def test_the_repossession_fee_finding_says_what_the_cfpb_found():
    """CFPB Supervisory Highlights Issue 29 sec. 2.2: "Servicers, before returning vehicles
    to some consumers, charged inflated estimated repossession fees of $1,000. The average
    cost to repossess a vehicle is $350." """
    (flag,) = [f for f in check_letter(_letter({"Repossession": 1000})) if f.check.endswith("sion")]
    assert flag.figure == Decimal("350.00")
    assert "estimated $1,000 repossession fee before returning cars" in flag.why
    assert "The average cost to repossess a vehicle is $350." in flag.sources[0].quote
    assert "Issue 29" in flag.sources[0].citation


def test_the_gap_refund_finding_is_spring_2022_and_the_2019_one_is_the_service_contracts():
    """The GAP-refund finding is Supervisory Highlights Issue 26 (Spring 2022); Issue 18
    (Winter 2019) sec. 2.1.1 was about extended-warranty rebates: "the rebate is payable
    first to the servicer to cover any deficiency balance and then to the borrower"."""
    credits = {
        entry["id"]: sources_of(entry) for entry in data_table("typical_costs.toml")["credit"]
    }
    assert "Issue 26 (Spring 2022)" in credits["gap"][0].citation
    assert not any("Winter 2019" in source.citation for source in credits["gap"])
    assert "Issue 18 (Winter 2019)" in credits["service_contract"][0].citation
    assert "payable first to the servicer" in credits["service_contract"][0].quote


def test_weak_comparison_figures_say_so_and_a_missing_one_compares_nothing():
    flags = {f.check: f for f in check_letter(_letter({"Towing": 400, "Auction fee": 900}))}
    assert "low-confidence illustration" in flags["expense_tow"].title
    assert flags["expense_tow"].sources[0].confidence is Confidence.LOW
    assert flags["expense_auction"].figure is None
    assert flags["expense_auction"].sources[0].confidence is Confidence.UNVERIFIED


def test_a_state_flag_cites_the_state_rows_it_came_from():
    state = Source(
        "Cal. Civ. Code 2983.8",
        "https://example.org/2983.8",
        Confidence.HIGH,
        date(2026, 12, 2),
        section_read="2983.8(a)",
        quote="...",
    )
    flags = check_letter(_letter({}), state_note="No deficiency.", state_sources=[state])
    assert [f.sources for f in flags if f.check == "state_rule"] == [(state,)]


# --- Presets -------------------------------------------------------------------------------


def test_the_presets_commission_is_fannie_maes_ceiling_not_a_typical_rate():
    """Fannie Mae Servicing Guide D2-3.3-01 (as reproduced): the commission is "customary
    for the market, which must not exceed 6% of the sales price of the property"."""
    realistic = preset("short-sale-realistic")
    assert realistic.values["commission_rate"] == "6"
    note = realistic.assumptions["commission_rate"]
    assert "Fannie Mae's ceiling" in note and "not a typical rate" in note
    (source,) = realistic.sources["commission_rate"]
    assert source.citation.startswith("Fannie Mae Servicing Guide D2-3.3-01")
    assert "must not exceed 6% of the sales price" in source.quote
    assert "commission_rate" not in realistic.illustrative


@pytest.mark.parametrize(
    ("preset_id", "field", "value", "arithmetic"),
    [
        ("short-sale-realistic", "accrued_interest", "8125", Decimal(250000) * 65 / 1000 / 2),
        ("car-realistic", "accrued_interest", "295.89", Decimal(10000) * 12 / 100 * 90 / 365),
        ("car-realistic", "gap_refund", "466.67", Decimal(800) * 42 / 72),
    ],
)
def test_illustrative_figures_say_so_cite_nothing_and_add_up(preset_id, field, value, arithmetic):
    loaded = preset(preset_id)
    assert loaded.values[field] == value
    assert Decimal(value) == round_cents(arithmetic)
    assert field in loaded.illustrative and loaded.sources[field] == ()
    assert "An illustrative assumption, not a sourced figure." in loaded.assumptions[field]


def test_the_retaking_fee_cites_the_cfpb_and_weak_figures_are_marked_not_checked():
    car = preset("car-realistic")
    assert "Issue 29" in car.sources["retaking_fee"][0].citation
    assert "retaking_fee" not in car.illustrative
    assert car.sources["storage_daily_rate"][0].confidence is Confidence.LOW
    assert "not checked: only one weak source" in car.assumptions["storage_daily_rate"]


# --- What every federal and reference file keeps -------------------------------------------


def _walk(value: Any, path: str = "") -> list[tuple[str, Any]]:
    found = [(path, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _walk(item, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("name", FEDERAL_FILES)
def test_sources_are_structured_tables_never_free_text(name):
    sources = 0
    for path, value in _walk(data_table(name)):
        if isinstance(value, dict) and ("source" in value or "sources" in value):
            sources += len(sources_of(value))  # raises on a malformed source
        if isinstance(value, str):
            assert not path.endswith(("source", "_source", "seen_at")), path
            if "http" in value:
                assert path.endswith(".url"), f"{name}: {path} holds an address outside a url"
    assert sources >= 3


@pytest.mark.parametrize("name", FEDERAL_FILES)
def test_every_source_was_read_on_a_known_day_and_h_sources_quote_their_words(name):
    for _path, value in _walk(data_table(name)):
        if isinstance(value, dict) and ("source" in value or "sources" in value):
            for source in sources_of(value):
                assert source.as_of <= date(2026, 12, 31)
                if source.confidence is Confidence.HIGH:
                    assert source.quote and source.section_read and source.url

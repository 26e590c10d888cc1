"""Known answers for credit reporting, waiting periods and the timeline, plus date invariants."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency import AutoExit, InvalidInputError, MortgageExit, Resolution
from deficiency.credit import (
    EventKind,
    credit_reporting,
    disclaimer,
    new_mortgage_dates,
    path_choices,
    removal_date,
    rules,
    timeline,
    timeline_gaps,
    waiting_periods,
)
from deficiency.paths import DeficiencyPath
from deficiency.periods import add_months
from deficiency.tax import form_1099_due

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
exits = st.sampled_from([*MortgageExit, *AutoExit])
paths = st.sampled_from(list(DeficiencyPath))
gaps = st.none() | st.integers(min_value=0, max_value=240)


# --- Reporting per exit and path -------------------------------------------------------


@pytest.mark.parametrize(
    ("exit", "code"),
    [
        ("foreclosure", "94"),
        ("deed_in_lieu", "89"),
        ("repossession", "96"),
        ("voluntary_surrender", "95"),
        ("short_sale", None),
    ],
)
def test_exit_status_codes(exit, code):
    assert credit_reporting(exit, "judgment").statuses[0].code == code


@pytest.mark.parametrize(
    ("exit", "path", "code", "comment"),
    [
        ("short_sale", "waived", None, "AU"),
        ("short_sale", "settled", None, "AU"),
        ("repossession", "settled", None, "AU"),
        ("repossession", "charged_off", "97", None),
        ("short_sale", "charged_off", "97", None),
        ("repossession", "paid", "63", None),
        ("voluntary_surrender", "paid", "61", None),
        ("foreclosure", "paid", "65", None),
        ("short_sale", "paid", "13", None),
        ("foreclosure", "judgment", None, None),
    ],
)
def test_deficiency_path_status(exit, path, code, comment):
    final = credit_reporting(exit, path).statuses[-1]
    assert final.code == code
    assert final.special_comment == comment


def test_every_exit_and_path_has_a_status_with_words():
    for exit in [*MortgageExit, *AutoExit]:
        for path in DeficiencyPath:
            report = credit_reporting(exit, path)
            assert len(report.statuses) == 2
            assert all(status.status for status in report.statuses)
            for status in report.statuses:
                assert status.sources
                assert status.verified is bool(status.sources[0].url)


def test_unverified_paid_code_after_a_deed_in_lieu_is_not_presented_as_fact():
    final = credit_reporting("deed_in_lieu", "paid").statuses[-1]
    assert final.code is None
    assert final.verified is False
    assert "not verified" in final.note


def test_a_judgment_path_explains_judgments_left_the_big_three_in_july_2017():
    report = credit_reporting("repossession", Resolution.JUDGMENT)
    assert report.judgment_note is not None and "July 2017" in report.judgment_note
    assert rules()["judgments"]["removed_from"] == date(2017, 7, 1)
    assert credit_reporting("repossession", "waived").judgment_note is None


def test_seven_year_rule_is_stated_with_its_statute():
    report = credit_reporting("foreclosure", "waived")
    assert "7 years" in report.stays and "180 days" in report.stays
    assert [source.citation[:15] for source in report.stays_sources[:2]] == [
        "15 U.S.C. 1681c",
        "15 U.S.C. 1681c",
    ]


# --- Waiting periods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exit", "fannie", "fannie_extenuating", "fha", "va"),
    [
        ("foreclosure", 7, 3, 3, (2, 1)),
        ("short_sale", 4, 2, 3, None),
        ("deed_in_lieu", 4, 2, 3, (2, 1)),
    ],
)
def test_fannie_mae_fha_and_va_waiting_periods(exit, fannie, fannie_extenuating, fha, va):
    periods = {period.program: period for period in waiting_periods(exit, "waived")}
    assert set(periods) == {"Fannie Mae", "FHA"} | ({"VA"} if va else set())
    assert periods["Fannie Mae"].years == fannie
    assert periods["Fannie Mae"].extenuating_years == fannie_extenuating
    assert periods["FHA"].years == fha
    assert periods["FHA"].extenuating_years is None
    if va:
        assert (periods["VA"].years, periods["VA"].extenuating_years) == va


def test_charged_off_mortgage_adds_fannie_maes_four_years():
    periods = waiting_periods("short_sale", "charged_off")
    assert [(p.program, p.event, p.years) for p in periods if p.event == "charged_off"] == [
        ("Fannie Mae", "charged_off", 4)
    ]


def test_unverified_programs_are_never_returned_and_a_car_has_none():
    for exit in MortgageExit:
        programs = {period.program for period in waiting_periods(exit, "charged_off")}
        assert programs <= {"Fannie Mae", "FHA", "VA"}
        unchecked = credit_reporting(exit, "charged_off").unchecked
        assert {"Freddie Mac", "USDA"} <= {rule.program for rule in unchecked}
        assert all(rule.sources[0].uncertain for rule in unchecked)
    assert waiting_periods("repossession", "judgment") == ()
    report = credit_reporting("repossession", "judgment")
    assert [rule.program for rule in report.unchecked] == ["Any mortgage program"]
    assert "car repossession" in report.unchecked[0].text


def test_fha_short_sale_mentions_the_12_months_current_exception():
    fha = next(p for p in waiting_periods("short_sale", "waived") if p.program == "FHA")
    assert "12 months" in fha.note


# --- Dates -----------------------------------------------------------------------------


def test_removal_is_180_days_then_7_years_after_the_first_missed_payment():
    assert removal_date(date(2024, 1, 15)) == date(2031, 7, 13)
    # 180 days after 2 Sep 2023 is 29 Feb 2024; seven years on there is no 29 Feb.
    assert date(2023, 9, 2) + timedelta(days=180) == date(2024, 2, 29)
    assert removal_date(date(2023, 9, 2)) == date(2031, 2, 28)


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert add_months(date(2025, 8, 31), 18) == date(2027, 2, 28)


def test_timeline_rejects_a_non_date_and_bad_gaps():
    with pytest.raises(InvalidInputError, match="First missed payment"):
        timeline("2024-01-15", "foreclosure", "waived")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="Months from default to sale"):
        timeline(date(2024, 1, 15), "foreclosure", "waived", months_default_to_sale=-1)
    with pytest.raises(InvalidInputError, match="Months from sale to resolution"):
        timeline(date(2024, 1, 15), "foreclosure", "waived", months_sale_to_resolution=241)


# --- Timeline known answers --------------------------------------------------------------


def _by_label(events):
    return {event.label: event.when for event in events}


def test_foreclosure_then_judgment_timeline():
    events = timeline(
        date(2023, 3, 10),
        "foreclosure",
        "judgment",
        months_default_to_sale=14,
        months_sale_to_resolution=8,
    )
    found = _by_label(events)
    assert found["First missed payment"] == date(2023, 3, 10)
    assert found["Foreclosure sale"] == date(2024, 5, 10)
    assert found["Deficiency judgment"] == date(2025, 1, 10)
    assert found["Earliest Fannie Mae mortgage"] == date(2031, 5, 10)
    assert found["Earliest Fannie Mae mortgage (extenuating circumstances)"] == date(2027, 5, 10)
    assert found["Earliest FHA mortgage"] == date(2027, 5, 10)
    assert found["Off credit reports"] == removal_date(date(2023, 3, 10))
    assert not any(event.kind is EventKind.FORM_1099C for event in events)
    assert not any(event.illustrative for event in events)


def test_settled_car_puts_the_1099c_in_january_after_the_settlement_year():
    events = timeline(
        date(2024, 9, 1),
        "repossession",
        "settled",
        months_default_to_sale=3,
        months_sale_to_resolution=2,
        cancelled=1200,
    )
    found = _by_label(events)
    assert found["Car repossessed and sold"] == date(2024, 12, 1)
    assert found["Deficiency settled for less"] == date(2025, 2, 1)
    assert found["Form 1099-C expected"] == date(2026, 2, 2)  # 31 Jan 2026 is a Saturday
    assert not any(event.kind is EventKind.NEW_MORTGAGE for event in events)


def test_no_1099c_event_under_600_cancelled():
    events = timeline(date(2024, 9, 1), "repossession", "settled", cancelled="599.99")
    assert not any(event.kind is EventKind.FORM_1099C for event in events)


def test_charge_off_shows_a_possible_1099c_and_counts_fannie_from_the_charge_off():
    events = timeline(
        date(2022, 1, 1),
        "short_sale",
        "charged_off",
        months_default_to_sale=10,
        months_sale_to_resolution=12,
    )
    found = _by_label(events)
    assert found["Form 1099-C possible"] == date(2024, 1, 31)
    # Short sale on 2022-11-01 (4 years) versus charge-off on 2023-11-01 (4 years).
    assert found["Earliest Fannie Mae mortgage"] == date(2027, 11, 1)
    assert found["Earliest FHA mortgage"] == date(2025, 11, 1)


def test_default_gaps_are_marked_illustrative():
    events = timeline(date(2024, 1, 15), "repossession", "judgment")
    found = {event.kind: event for event in events}
    assert found[EventKind.SALE].when == date(2024, 4, 15)
    assert found[EventKind.SALE].illustrative
    assert found[EventKind.RESOLUTION].when == date(2024, 10, 15)
    assert "Illustrative" in found[EventKind.RESOLUTION].detail


@given(dates, exits, paths, gaps, gaps)
def test_timeline_is_ordered_and_anchored(first, exit, path, to_sale, to_resolution):
    events = timeline(
        first,
        exit,
        path,
        months_default_to_sale=to_sale,
        months_sale_to_resolution=to_resolution,
    )
    whens = [event.when for event in events]
    assert whens == sorted(whens)
    assert events[0].kind is EventKind.FIRST_MISSED_PAYMENT and events[0].when == first
    kinds = {event.kind: event.when for event in events}
    assert kinds[EventKind.SALE] <= kinds[EventKind.RESOLUTION]
    assert kinds[EventKind.REPORT_REMOVAL] == removal_date(first)
    for event in events:
        if event.kind is EventKind.NEW_MORTGAGE:
            assert event.when > kinds[EventKind.SALE]
        if event.kind is EventKind.FORM_1099C:
            assert event.when == form_1099_due(kinds[EventKind.RESOLUTION].year)


@given(dates)
def test_removal_is_about_seven_and_a_half_years_later(first):
    days = (removal_date(first) - first).days
    assert 180 + 7 * 365 <= days <= 180 + 7 * 366


@given(dates, st.integers(min_value=0, max_value=600))
def test_add_months_lands_in_the_right_month_and_never_overshoots(start, months):
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day


def test_disclaimer_points_to_the_free_reports():
    assert "annualcreditreport.com" in disclaimer()


def test_the_headline_mortgage_date_is_open_to_anyone_and_the_best_case_only_if_earlier():
    short_sale = timeline(date(2024, 1, 15), "short_sale", "waived", months_default_to_sale=12)
    standard, extenuating = new_mortgage_dates(short_sale)
    assert (standard.label, standard.when) == ("Earliest FHA mortgage", date(2028, 1, 15))
    assert extenuating is not None and extenuating.when == date(2027, 1, 15)
    # A foreclosure: Fannie Mae's extenuating date equals FHA's own, so it adds nothing.
    foreclosure = timeline(
        date(2023, 3, 10),
        "foreclosure",
        "judgment",
        months_default_to_sale=14,
        months_sale_to_resolution=8,
    )
    standard, extenuating = new_mortgage_dates(foreclosure)
    assert standard.when == date(2027, 5, 10) and extenuating is None


# --- What the credit page asks the package for -------------------------------------------


@pytest.mark.parametrize(
    ("exit", "path", "to_sale", "to_resolution"),
    [
        ("short_sale", "judgment", 12, 6),
        ("foreclosure", "waived", 12, 0),
        ("repossession", "charged_off", 3, 6),
        ("voluntary_surrender", "waived", 3, 0),
    ],
)
def test_the_assumed_gaps_depend_on_the_collateral_and_a_waiver(
    exit: str, path: str, to_sale: int, to_resolution: int
) -> None:
    gaps = timeline_gaps(exit, path)
    assert (gaps.months_to_sale, gaps.months_to_resolution) == (to_sale, to_resolution)
    assert "Illustrative" in gaps.note


def test_a_timeline_without_gaps_uses_the_assumed_ones() -> None:
    start = date(2024, 1, 15)
    gaps = timeline_gaps("foreclosure", "judgment")
    assumed = timeline(start, "foreclosure", "judgment")
    given_gaps = timeline(
        start,
        "foreclosure",
        "judgment",
        months_default_to_sale=gaps.months_to_sale,
        months_sale_to_resolution=gaps.months_to_resolution,
    )
    assert [event.when for event in assumed] == [event.when for event in given_gaps]


def test_the_scenario_path_comes_first_and_every_path_once() -> None:
    for resolution in Resolution:
        paths = path_choices(resolution)
        assert paths[0].value == resolution.value
        assert sorted(path.value for path in paths) == sorted(path.value for path in DeficiencyPath)
    with pytest.raises(InvalidInputError, match="Resolution"):
        path_choices("forgiven")


def test_a_status_code_says_why_there_is_none() -> None:
    words = [
        status.code_words for status in credit_reporting("repossession", "charged_off").statuses
    ]
    assert words == ["96", "97"]
    waived = credit_reporting("short_sale", "waived").statuses[-1]
    assert waived.code_words.endswith("; special comment AU")
    unverified = credit_reporting("deed_in_lieu", "paid").statuses[-1]
    assert not unverified.verified and unverified.code_words == "not verified"

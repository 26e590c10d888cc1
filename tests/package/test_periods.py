"""Calendar rules for deadlines: legal holidays and the next business day (IRC 7503)."""

from datetime import date

import pytest

from deficiency.periods import legal_holidays, next_business_day
from deficiency.tax import form_1099_due


@pytest.mark.parametrize(
    ("year", "due"),
    [
        (2024, date(2025, 1, 31)),  # a Friday
        (2025, date(2026, 2, 2)),  # 31 January 2026 is a Saturday
        (2026, date(2027, 2, 1)),  # 31 January 2027 is a Sunday
        (2031, date(2032, 2, 2)),  # 31 January 2032 is a Saturday
    ],
)
def test_the_borrowers_1099_is_due_on_the_next_business_day_after_a_weekend(year, due):
    """IRC 7503: when the last day falls on a Saturday, Sunday or legal holiday, the act is
    timely "if it is performed on the next succeeding day which is not a Saturday, Sunday,
    or a legal holiday"."""
    assert form_1099_due(year) == due


def test_holidays_follow_5_usc_6103_and_the_district_of_columbia():
    days = legal_holidays(2026)
    assert date(2026, 1, 1) in days  # New Year's Day
    assert date(2026, 4, 16) in days  # DC Emancipation Day
    assert date(2026, 7, 3) in days  # 4 July is a Saturday: observed Friday
    assert date(2026, 11, 26) in days  # Thanksgiving, 4th Thursday
    assert date(2027, 12, 24) in legal_holidays(2027)  # 25 December 2027 is a Saturday
    assert date(2013, 1, 21) in legal_holidays(2013)  # Inauguration Day fell on a Sunday
    assert date(2020, 6, 19) not in legal_holidays(2020)  # Juneteenth: from 2021


def test_a_holiday_moves_a_deadline_too():
    assert next_business_day(date(2026, 1, 19)) == date(2026, 1, 20)  # MLK Day
    assert next_business_day(date(2026, 4, 16)) == date(2026, 4, 17)

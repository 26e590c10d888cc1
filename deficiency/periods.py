"""Calendar arithmetic for legal deadlines: a start date plus months and days.

Dates are always inputs; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from deficiency.errors import InvalidInputError
from deficiency.i18n import N_, _


def add_months(start: date, months: int) -> date:
    """The same day ``months`` calendar months after ``start``, clamped to the month's end.

    Notes
    -----
    A deadline "3 months after 30 November" lands on the last day of February when
    February has no 30th; this is the usual way to count calendar months.

    Examples
    --------
    >>> add_months(date(2024, 11, 30), 3)
    datetime.date(2025, 2, 28)
    >>> add_months(date(2024, 1, 15), 24)
    datetime.date(2026, 1, 15)
    """
    if months < 0:
        raise InvalidInputError(N_("months"), _("cannot be negative"))
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > date.max.year:
        raise InvalidInputError(N_("months"), _("the date would be past the year 9999"))
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def add_period(start: date, *, months: int = 0, days: int = 0) -> date:
    """``start`` plus whole calendar months, then plus days.

    Examples
    --------
    >>> add_period(date(2025, 3, 1), days=90)
    datetime.date(2025, 5, 30)
    """
    if days < 0:
        raise InvalidInputError(N_("days"), _("cannot be negative"))
    return add_months(start, months) + timedelta(days=days)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` given weekday of a month (``nth=-1``: the last)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the
    Monday after (5 U.S.C. 6103(b); D.C. Code 28-2701)."""
    if day.weekday() == calendar.SATURDAY:
        return day - timedelta(days=1)
    if day.weekday() == calendar.SUNDAY:
        return day + timedelta(days=1)
    return day


def legal_holidays(year: int) -> frozenset[date]:
    """The legal holidays in the District of Columbia in ``year``, as observed: the federal
    holidays of 5 U.S.C. 6103(a), DC Emancipation Day (16 April) and, every four years,
    Inauguration Day (D.C. Code 28-2701). IRC 7503 counts these.

    >>> date(2026, 1, 19) in legal_holidays(2026)  # Martin Luther King Jr. Day
    True
    """
    fixed = [(1, 1), (7, 4), (11, 11), (12, 25)]
    if year >= 2005:
        fixed.append((4, 16))  # DC Emancipation Day
    if year >= 2021:
        fixed.append((6, 19))  # Juneteenth National Independence Day
    days = {_observed(date(year, month, day)) for month, day in fixed}
    days |= {
        _nth_weekday(year, 1, calendar.MONDAY, 3),  # Martin Luther King Jr. Day
        _nth_weekday(year, 2, calendar.MONDAY, 3),  # Washington's Birthday
        _nth_weekday(year, 5, calendar.MONDAY, -1),  # Memorial Day
        _nth_weekday(year, 9, calendar.MONDAY, 1),  # Labor Day
        _nth_weekday(year, 10, calendar.MONDAY, 2),  # Columbus Day
        _nth_weekday(year, 11, calendar.THURSDAY, 4),  # Thanksgiving Day
    }
    if year % 4 == 1:  # Inauguration Day, 20 January after a presidential election
        inauguration = date(year, 1, 20)
        if inauguration.weekday() == calendar.SUNDAY:
            inauguration += timedelta(days=1)
        days.add(inauguration)
    return frozenset(days)


def next_business_day(day: date) -> date:
    """``day``, or the next day that is not a Saturday, Sunday or legal holiday: when a
    federal tax deadline falls on such a day, acting on the next one is timely (IRC 7503).

    Examples
    --------
    >>> next_business_day(date(2026, 1, 31))  # a Saturday
    datetime.date(2026, 2, 2)
    >>> next_business_day(date(2027, 1, 29))
    datetime.date(2027, 1, 29)
    """
    while day.weekday() >= calendar.SATURDAY or day in legal_holidays(day.year):
        day += timedelta(days=1)
    return day

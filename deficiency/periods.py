"""Calendar arithmetic for legal deadlines: a start date plus months and days.

Dates are always inputs; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from deficiency.errors import InvalidInputError


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
        raise InvalidInputError("months", "cannot be negative")
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > date.max.year:
        raise InvalidInputError("months", "the date would be past the year 9999")
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
        raise InvalidInputError("days", "cannot be negative")
    return add_months(start, months) + timedelta(days=days)

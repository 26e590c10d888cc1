"""How the package reads each kind of input: one parser per kind, shared by every public function.

A documented input is accepted in each of its documented forms (an enum member or its
value, ``1``/``0`` for a yes/no); anything else raises :class:`InvalidInputError` naming
the field, never a Python error and never a silent other meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import _

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def choice(enum_type: type[E], value: object, field: str) -> E:
    """An enum member, given itself or its value ("simple" for ``Compounding.SIMPLE``).

    Anything else, another spelling included, raises :class:`InvalidInputError` naming
    ``field``, so a near miss such as "Simple" never silently means another member.

    >>> from deficiency.resolution import Resolution
    >>> choice(Resolution, "settled", "Resolution")
    <Resolution.SETTLED: 'settled'>
    >>> choice(Resolution, "Settled", "Resolution")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Resolution: 'Settled' is not one of: waived, judgment, \
settled
    """
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str):
        for member in enum_type:
            if member.value == value:
                return member
    allowed = ", ".join(str(member.value) for member in enum_type)
    raise InvalidInputError(
        field, _("{value} is not one of: {allowed}").format(value=shown(value), allowed=allowed)
    )


def flag(value: object, field: str) -> bool:
    """A yes/no input: ``True`` or ``False``, or ``1`` or ``0``; anything else is refused
    (a truthy "no" once read as yes).

    >>> flag(1, "Personal use"), flag(False, "Personal use")
    (True, False)
    """
    if isinstance(value, bool):
        return value
    if type(value) is int and value in (0, 1):
        return bool(value)
    raise InvalidInputError(
        field, _("expected True or False (or 1 or 0), got {value}").format(value=shown(value))
    )


def optional_flag(value: object, field: str) -> bool | None:
    """A yes/no input that may be unknown (``None``)."""
    return None if value is None else flag(value, field)


def whole_number(value: object, field: str, minimum: int, maximum: int) -> int:
    """A whole number given as an ``int`` (never a bool, a float or text) in a range.

    >>> whole_number(2025, "Tax year", 1900, 2200)
    2025
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(
            field, _("expected a whole number, got {value}").format(value=shown(value))
        )
    if not minimum <= value <= maximum:
        raise InvalidInputError(
            field, _("must be from {minimum} to {maximum}").format(minimum=minimum, maximum=maximum)
        )
    return value


#: Dates read: a century either side of today's loans, so date arithmetic (seven years
#: on, a deadline) never leaves the calendar.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def a_date(value: object, field: str) -> date:
    """A calendar date from 1900 to 2199; a ``datetime`` counts as its day.

    >>> a_date(datetime(2025, 3, 1, 14, 30), "Sale date")
    datetime.date(2025, 3, 1)
    """
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise InvalidInputError(field, _("expected a date, got {value}").format(value=shown(value)))
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InvalidInputError(field, _("must be a date from 1900 to 2199"))
    return value


def text(value: object, field: str, maximum: int = 1000) -> str:
    """Text of at most ``maximum`` characters."""
    if not isinstance(value, str):
        raise InvalidInputError(field, _("expected text, got {value}").format(value=shown(value)))
    if len(value) > maximum:
        raise InvalidInputError(
            field, _("is longer than {maximum:,} characters").format(maximum=maximum)
        )
    return value


def instance(value: object, expected: type[T], field: str) -> T:
    """An object of the type a function documents (a ``Statement``, a ``LenderLetter``...).

    >>> instance(3, str, "Letter")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Letter: expected a str, got 3
    """
    if not isinstance(value, expected):
        raise InvalidInputError(
            field,
            _("expected a {type_name}, got {value}").format(
                type_name=expected.__name__, value=shown(value)
            ),
        )
    return value


def instances(value: object, expected: type[T], field: str) -> tuple[T, ...]:
    """A list or tuple of objects of one documented type (timeline events, equity rows...)."""
    if not isinstance(value, list | tuple):
        raise InvalidInputError(field, _("expected a list, got {value}").format(value=shown(value)))
    return tuple(instance(item, expected, field) for item in value)


def mapping(value: object, field: str) -> Mapping[Any, Any]:
    """A mapping (a dict of name -> value)."""
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            field, _("expected a mapping of name -> value, got {value}").format(value=shown(value))
        )
    return value

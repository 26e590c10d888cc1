"""Money: the one place where amounts are parsed, validated, rounded and formatted.

Every amount in the package is a ``Decimal`` rounded half-up to whole cents by
:func:`round_cents`. Floats never carry a figure a user reads.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _
from deficiency.parsing import flag, text

#: What callers may pass as an amount. A float is accepted through its shortest
#: repr (``0.1`` -> ``Decimal("0.1")``) so widget values convert without drift.
Amount = Decimal | int | float | str

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
#: Largest amount accepted: $1 trillion is above any consumer loan, so anything
#: larger is a typo, and it keeps every figure within a float's exact range for charts.
MAX_AMOUNT = Decimal("1000000000000")
#: Largest percentage accepted for rates (commission, settlement share, interest).
MAX_PERCENT = Decimal("100")
#: Longest number, as text, that is read (after "$" and commas go): anything longer is
#: refused before Decimal parses it, so pasted junk never becomes a figure.
MAX_NUMBER_TEXT = 40
#: The finest percentage read anywhere (links, files, caseloads, widgets, the package):
#: 0.0001 %, the unit the vectorized engine computes in exactly. Anything finer is a typo
#: or junk (1E-999999 % printed as a megabyte of zeros), so it is refused, never rounded.
PERCENT_PLACES = 4
PERCENT_STEP = Decimal(1).scaleb(-PERCENT_PLACES)
#: Commas are read only as thousands separators in their places: "1,234,567.89".
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def round_cents(value: Decimal | int) -> Decimal:
    """Round a Decimal half-up to whole cents: the package's rounding rule, except for a
    statutory maximum (:func:`cents_at_most`).

    Examples
    --------
    >>> round_cents(Decimal("295.8904"))
    Decimal('295.89')
    >>> round_cents(Decimal("0.005"))
    Decimal('0.01')
    """
    number = _exact(value, "value")
    try:
        return number.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise InvalidInputError("value", _("is too large to round to cents")) from None


def _exact(value: object, field: str) -> Decimal:
    """A finite exact number (a Decimal or an int), as figures the package computed are."""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    else:
        raise InvalidInputError(
            field, _("expected a Decimal or an int, got {value}").format(value=shown(value))
        )
    if not number.is_finite():
        raise InvalidInputError(field, _("must be a finite number"))
    return number


def cents_at_most(value: Decimal) -> Decimal:
    """Round a non-negative limit down to whole cents, so a statutory maximum (the 25% of
    15 U.S.C. 1673) is never exceeded by rounding.

    >>> cents_at_most(Decimal("72.505"))
    Decimal('72.50')
    """
    return value.quantize(CENT, rounding=ROUND_DOWN)


def to_decimal(value: Amount, field: str) -> Decimal:
    """Convert an input to a finite Decimal, or raise :class:`InvalidInputError` naming ``field``.

    Strings may carry a leading ``$``, thousands commas and surrounding spaces
    ("$247,318.55"), because that is how people copy amounts from letters.
    """
    field = text(field, "field", 200)
    if isinstance(value, bool) or value is None:
        raise InvalidInputError(
            field, _("expected an amount, got {value}").format(value=repr(value))
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # float(): a subclass (numpy's float64) writes its repr as "np.float64(1.5)".
        plain = float(value)
        number = Decimal(repr(plain)) if math.isfinite(plain) else Decimal("NaN")
    elif isinstance(value, str):
        number = _parse_text(value, field)
    else:
        raise InvalidInputError(
            field, _("expected an amount, got {value}").format(value=shown(value))
        )
    if not number.is_finite():
        raise InvalidInputError(field, _("must be a finite number"))
    return number


def _parse_text(text: str, field: str) -> Decimal:
    shown = repr(text) if len(text) <= 20 else repr(text[:20]) + "..."
    cleaned = text.strip()
    if cleaned.startswith("$"):
        cleaned = cleaned[1:].strip()
    elif cleaned.startswith("-$"):
        cleaned = "-" + cleaned[2:].strip()
    if not cleaned:
        raise InvalidInputError(field, _("is empty; enter an amount (0 if none)"))
    if len(cleaned) > MAX_NUMBER_TEXT + MAX_NUMBER_TEXT // 3:
        raise InvalidInputError(field, _("is too long to be an amount"))
    if "," in cleaned:
        # "8.500,00" is not $8.50 and "1,00" is not $100: a comma anywhere but between
        # thousands means the text was written for another convention, or mistyped.
        if _THOUSANDS.fullmatch(cleaned) is None:
            raise InvalidInputError(
                field,
                _("{value} has a comma out of place; write it as 1,234.56 or 1234.56").format(
                    value=shown
                ),
            )
        cleaned = cleaned.replace(",", "")
    if len(cleaned) > MAX_NUMBER_TEXT:
        raise InvalidInputError(field, _("is too long to be an amount"))
    # Decimal also reads "1_000" and other scripts' digits; a typed amount is plain ASCII.
    if not cleaned.isascii() or "_" in cleaned:
        raise InvalidInputError(field, _("{value} is not a number").format(value=shown))
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInputError(field, _("{value} is not a number").format(value=shown)) from None


def to_money(value: Amount, field: str) -> Decimal:
    """Validate a non-negative amount of at most $1 trillion and round it to cents.

    Examples
    --------
    >>> to_money("$1,234.565", "sale price")
    Decimal('1234.57')
    >>> to_money(-1, "sale price")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: sale price: cannot be negative
    """
    number = to_decimal(value, field)
    if number < 0:
        raise InvalidInputError(field, _("cannot be negative"))
    if number > MAX_AMOUNT:
        raise InvalidInputError(field, _("is above $1 trillion; check the amount"))
    # abs: a typed -0 is zero, never a "-0.00" in a file or a link.
    return round_cents(abs(number))


def to_percent(value: Amount, field: str, maximum: Decimal = MAX_PERCENT) -> Decimal:
    """Validate a percentage between 0 and ``maximum`` (100 unless stated) with at most
    :data:`PERCENT_PLACES` decimal places; kept unrounded.

    >>> to_percent("5.5", "Commission")
    Decimal('5.5')
    >>> to_percent("1E-999999", "Commission")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Commission: use at most 4 decimal places
    """
    number = to_decimal(value, field)
    if number < 0:
        raise InvalidInputError(field, _("cannot be negative"))
    if number > maximum:
        raise InvalidInputError(field, _("cannot be above {maximum}%").format(maximum=maximum))
    if number != number.quantize(PERCENT_STEP):
        raise InvalidInputError(
            field, _("use at most {places} decimal places").format(places=PERCENT_PLACES)
        )
    return abs(number)  # a typed -0 is zero


def number_text(number: Decimal | int) -> str:
    """``number`` as text that reads back as the same number: fixed-point, unless that is
    longer than :data:`MAX_NUMBER_TEXT` (a Decimal such as 1E-39 that no input accepts),
    then scientific, so every accepted value survives a link or a file.

    >>> number_text(Decimal("8500.00")), number_text(Decimal("1E-39"))
    ('8500.00', '1E-39')
    """
    exact = _exact(number, "number")
    fixed = f"{exact:f}" if abs(exact.adjusted()) <= MAX_NUMBER_TEXT else ""
    return fixed if 0 < len(fixed) <= MAX_NUMBER_TEXT else str(exact)


def to_count(value: Amount, field: str, maximum: int) -> int:
    """Validate a whole count (days, months) between 0 and ``maximum``."""
    number = to_decimal(value, field)
    if number != number.to_integral_value():
        raise InvalidInputError(field, _("must be a whole number"))
    if number < 0:
        raise InvalidInputError(field, _("cannot be negative"))
    if number > maximum:
        raise InvalidInputError(field, _("cannot be above {maximum}").format(maximum=maximum))
    return int(number)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, rounded to cents.

    >>> percent_of(Decimal("200000"), Decimal("6"))
    Decimal('12000.00')
    """
    amount = to_decimal(amount, N_("Amount"))
    percent = to_decimal(percent, N_("Percent"))
    try:
        return round_cents(amount * percent / 100)
    except ArithmeticError:  # an exponent beyond Decimal's range
        raise InvalidInputError(N_("Amount"), _("is too large to take a percentage of")) from None


def format_usd(amount: Decimal | int, *, cents: bool = True) -> str:
    """Format dollars for people: ``$1,234.50``; ``cents=False`` drops ``.00`` on whole dollars.

    ``amount`` is an exact figure, a ``Decimal`` or an ``int`` (a float has no exact cents);
    anything else, or a figure too large to round to cents, raises ``InvalidInputError``.

    >>> format_usd(Decimal("2000"), cents=False)
    '$2,000'
    >>> format_usd(Decimal("-74525.5"))
    '-$74,525.50'
    """
    rounded = round_cents(_exact(amount, "amount"))
    sign = "-" if rounded < 0 else ""
    magnitude = abs(rounded)
    if not flag(cents, "cents") and magnitude == magnitude.to_integral_value():
        return f"{sign}${magnitude:,.0f}"
    return f"{sign}${magnitude:,.2f}"

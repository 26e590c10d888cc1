"""Whole arrays of scenarios at once, in integer cents, agreeing with :func:`deficiency.explain`.

Grids, sweeps and simulations evaluate millions of scenarios; a Python loop over
``Decimal`` statements is too slow for that, and floats would drift from the exact
statement by a cent here and there. This module keeps every amount as NumPy
``int64`` cents and rounds exactly like :mod:`deficiency.money` (half-up to cents), so
each element equals the exact statement's figure to the cent.

Sign convention: every input is a non-negative amount; the signed ``balance`` is
positive for a deficiency and negative for a surplus, and the two are reported as
separate non-negative arrays, as on the statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _
from deficiency.line_items import signed_balance
from deficiency.money import MAX_AMOUNT, PERCENT_PLACES, Amount, to_money, to_percent
from deficiency.parsing import text

#: An array of whole cents.
Cents: TypeAlias = npt.NDArray[np.int64]
#: What the vectorized functions accept as amounts in cents: an int, an int array,
#: or anything ``np.asarray`` turns into whole numbers.
CentsLike: TypeAlias = int | Sequence[int] | npt.NDArray[np.integer]

#: Largest single amount, in cents ($1 trillion, as :data:`deficiency.money.MAX_AMOUNT`).
MAX_CENTS = int(MAX_AMOUNT) * 100
#: Largest total (expenses or credits added up), in cents: 1,000 items at the
#: single-amount limit. Four such totals still sum far inside ``int64``.
MAX_TOTAL_CENTS = MAX_CENTS * 1000
#: Rates are carried as integers in units of 0.0001 percent (a hundredth of a basis point).
RATE_SCALE = 10**PERCENT_PLACES
#: ``RATE_SCALE`` x 100: dividing ``amount x rate_units`` by this gives the percentage.
_RATE_DIVISOR = RATE_SCALE * 100
#: Largest grid :func:`deficiency_grid` builds: 4,000,000 points is a 2,000 x 2,000 heat
#: map, about 32 MB per int64 array, and more detail than any screen shows.
MAX_GRID_POINTS = 4_000_000


def cents_to_money(cents: int | np.integer) -> Decimal:
    """One amount in cents as a ``Decimal`` of dollars, for display.

    Examples
    --------
    >>> cents_to_money(7452500)
    Decimal('74525.00')
    """
    if isinstance(cents, np.ndarray) and cents.shape == () and cents.dtype.kind in "iu":
        cents = int(cents)  # one cell of a grid
    if isinstance(cents, bool) or not isinstance(cents, int | np.integer):
        raise InvalidInputError(
            N_("Cents"),
            _("expected a whole number of cents, got {value}").format(value=shown(cents)),
        )
    if abs(int(cents)) > MAX_AMOUNT * 100:
        raise InvalidInputError(
            N_("Cents"), _("{value} is beyond the largest amount").format(value=shown(cents))
        )
    return Decimal(int(cents)).scaleb(-2).quantize(Decimal("0.01"))


def money_to_cents(value: Amount, field: str) -> int:
    """One amount validated by :func:`deficiency.money.to_money` and returned in whole cents.

    Examples
    --------
    >>> money_to_cents("$1,234.565", "sale price")
    123457
    """
    return int(to_money(value, field) * 100)


def cents_array(values: CentsLike, field: str, maximum: int = MAX_CENTS) -> Cents:
    """Validate amounts already in cents: whole, non-negative, at most ``maximum`` cents.

    Raises
    ------
    InvalidInputError
        Naming ``field`` when an element is fractional, negative or too large.

    Examples
    --------
    >>> cents_array([0, 150, 2500], "fees")
    array([   0,  150, 2500])
    """
    array = np.asarray(values)
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or np.any(array != np.floor(array)):
            raise InvalidInputError(field, _("amounts in cents must be whole numbers"))
        if array.size and (array.min() < 0 or array.max() > maximum):
            raise InvalidInputError(field, _range_problem(maximum))
        return array.astype(np.int64)
    if array.dtype.kind not in "iu":
        raise InvalidInputError(
            field, _("expected whole cents, got {dtype} values").format(dtype=array.dtype)
        )
    if array.size and (array.min() < 0 or array.max() > maximum):
        raise InvalidInputError(field, _range_problem(maximum))
    return array.astype(np.int64)


def _range_problem(maximum: int) -> str:
    return _("amounts must be between 0 and {maximum:,} cents").format(maximum=maximum)


def dollars_to_cents(values: Sequence[Amount] | npt.ArrayLike, field: str) -> Cents:
    """Convert dollar amounts to cents exactly as :func:`deficiency.money.to_money` would.

    Float arrays take a fast path: ``floor(x * 100 + 0.5)`` is exact except within a
    float's error of a half cent, and only those elements (rare, but ``0.125`` is one)
    go through ``Decimal``, so the result equals ``to_money`` element by element.
    Other inputs (``Decimal``, ``str``, mixed lists) are converted one by one.

    Raises
    ------
    InvalidInputError
        Naming ``field``: negative, NaN, infinite, non-numeric or above $1 trillion.

    Notes
    -----
    ``cents = round_half_up(100 x shortest_decimal(x))``; the float product
    ``100 x`` differs from the exact one by at most about ``2e-16 x |100 x|`` plus the
    gap between the float and its shortest decimal, so a tolerance of
    ``1e-9 + 1e-15 |100 x|`` around each half cent catches every doubtful element.

    Examples
    --------
    >>> dollars_to_cents(np.array([0.125, 1.005, 2.675, 10.0]), "price")
    array([  13,  101,  268, 1000])
    >>> dollars_to_cents(["$1,000.50", Decimal("2.345")], "price")
    array([100050,    235])
    """
    array = np.asarray(values)
    if array.dtype.kind in "iu":
        if array.size and (array.min() < 0 or array.max() > int(MAX_AMOUNT)):
            # Out of range: let to_money word the problem for the first bad element.
            bad = array[(array < 0) | (array > int(MAX_AMOUNT))][0]
            to_money(int(bad), field)
        return array.astype(np.int64) * 100
    if array.dtype.kind == "f":
        return _float_dollars_to_cents(array.astype(np.float64), field)
    flat = [money_to_cents(value, field) for value in array.ravel().tolist()]
    return np.array(flat, dtype=np.int64).reshape(array.shape)


def _float_dollars_to_cents(array: npt.NDArray[np.float64], field: str) -> Cents:
    bad = ~np.isfinite(array) | (array < 0) | (array > float(MAX_AMOUNT))
    if np.any(bad):
        # to_money raises with the right wording (NaN, negative, too large).
        to_money(float(array[bad][0]), field)
    scaled = array * 100.0
    cents = np.floor(scaled + 0.5)
    distance = np.abs(scaled - np.floor(scaled) - 0.5)
    doubtful = distance <= 1e-9 + 1e-15 * scaled
    result = cents.astype(np.int64)
    if np.any(doubtful):
        exact = [money_to_cents(float(value), field) for value in array[doubtful]]
        result[doubtful] = np.array(exact, dtype=np.int64)
    return result


def rate_units(rate: Amount, field: str = N_("Commission (% of price)")) -> int:
    """A percentage as an integer count of 0.0001 % (``RATE_SCALE`` units per percent).

    Raises
    ------
    InvalidInputError
        Naming ``field`` when the rate is below 0, above 100, or has more than four
        decimal places (finer than the vectorized path rounds exactly).

    Examples
    --------
    >>> rate_units("5.5")
    55000
    >>> rate_units("5.12345")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Commission (% of price): use at most 4 decimal places
    """
    return int(to_percent(rate, field) * RATE_SCALE)  # whole: at most PERCENT_PLACES places


def percent_of_cents(amount: Cents | int, units: int) -> Cents:
    """``units`` / ``RATE_SCALE`` percent of amounts in cents, rounded half-up to cents.

    Equals :func:`deficiency.money.percent_of` on every element, without overflow for
    amounts up to :data:`MAX_TOTAL_CENTS`.

    Notes
    -----
    With ``D = 1,000,000`` (percent x ``RATE_SCALE``) and ``amount = q D + r``:
    ``amount x units / D = q x units + r x units / D``; the first term is whole and the
    second is rounded half-up as ``(2 r units + D) // (2 D)``. Splitting keeps every
    product below ``2^63``.

    Examples
    --------
    6% of $200,000; 5.5% of 9 cents is 0.495 cents (down to 0); 5% of 10 cents is
    exactly half a cent (up to 1):

    >>> percent_of_cents(np.array([20_000_000]), rate_units(6))
    array([1200000])
    >>> percent_of_cents(np.array([9, 10]), rate_units("5.5")), percent_of_cents(10, rate_units(5))
    (array([0, 1]), array(1))
    """
    quotient, remainder = np.divmod(np.asarray(amount, dtype=np.int64), _RATE_DIVISOR)
    rounded = (2 * remainder * units + _RATE_DIVISOR) // (2 * _RATE_DIVISOR)
    result: Cents = np.asarray(quotient * units + rounded, dtype=np.int64)
    return result


@dataclass(frozen=True)
class CentsResult:
    """Deficiency and surplus for many scenarios at once, in cents (arrays of one shape).

    Notes
    -----
    ``balance = owed - sale_price + expenses + commission - credits``;
    ``deficiency = max(balance, 0)`` and ``surplus = max(-balance, 0)``, so at most one
    is non-zero per scenario, as on :class:`deficiency.statement.Statement`.
    """

    balance: Cents
    deficiency: Cents
    surplus: Cents


def deficiency_cents(
    owed: CentsLike,
    sale_price: CentsLike,
    expenses: CentsLike = 0,
    credits: CentsLike = 0,
    *,
    commission_rate: Amount = 0,
) -> CentsResult:
    """Deficiency and surplus of every scenario, in cents, broadcasting the inputs.

    Parameters
    ----------
    owed, sale_price
        Amounts in cents, each at most $1 trillion.
    expenses, credits
        Totals in cents (each at most :data:`MAX_TOTAL_CENTS`); rounding of the single
        items to cents happens before they are added up, as on the statement.
    commission_rate
        Percent of the sale price added to the expenses (a mortgage short sale's
        commission), at most four decimal places; 0 for a car or a foreclosure.

    Returns
    -------
    CentsResult
        ``balance``, ``deficiency`` and ``surplus`` in cents, broadcast together.

    Raises
    ------
    InvalidInputError
        Naming the field of an amount out of range or a malformed rate.

    Notes
    -----
    ``balance = owed - sale_price + expenses + round_half_up(sale_price x rate / 100)
    - credits``: the UCC 9-616(c) order of :func:`deficiency.explain`, with the
    commission rounded like :func:`deficiency.money.percent_of`.

    Examples
    --------
    The worked short sale and car (docs/law.md):

    >>> r = deficiency_cents([26_052_500, 1_000_000], [20_000_000, 850_000],
    ...                      [200_000, 50_000], commission_rate=0)
    >>> r.deficiency
    array([6252500,  200000])
    >>> deficiency_cents(26_052_500, 20_000_000, 200_000, commission_rate=6).deficiency
    array(7452500)
    """
    owed_c = cents_array(owed, N_("owed"))
    price_c = cents_array(sale_price, N_("sale price"))
    expenses_c = cents_array(expenses, N_("expenses"), MAX_TOTAL_CENTS)
    credits_c = cents_array(credits, N_("credits"), MAX_TOTAL_CENTS)
    units = rate_units(commission_rate)
    if units:
        expenses_c = expenses_c + percent_of_cents(price_c, units)
    return _result(signed_balance(owed_c, price_c, expenses_c, credits_c))


def _result(balance: Cents) -> CentsResult:
    signed: Cents = np.asarray(balance, dtype=np.int64)
    zero = np.int64(0)
    deficiency: Cents = np.asarray(np.maximum(signed, zero))
    surplus: Cents = np.asarray(np.maximum(-signed, zero))
    return CentsResult(signed, deficiency, surplus)


#: Most amounts :func:`cents_steps` makes (8 MB of cents); more is a typo, not a chart.
MAX_STEPS = 1_000_000


def cents_steps(low: Amount, high: Amount, steps: int, field: str) -> Cents:
    """``steps`` evenly spaced amounts from ``low`` to ``high`` dollars, in whole cents.

    Integer division spaces them, so the ends are exactly ``low`` and ``high``.

    Examples
    --------
    >>> cents_steps(0, "1", 5, "fees")
    array([  0,  25,  50,  75, 100])
    """
    field = text(field, N_("field"), 200)
    low_c = money_to_cents(low, field)
    high_c = money_to_cents(high, field)
    if high_c < low_c:
        raise InvalidInputError(field, _("the high end is below the low end"))
    if isinstance(steps, bool) or not isinstance(steps, int):
        raise InvalidInputError(field, _("the number of steps must be a whole number"))
    if steps < 1:
        raise InvalidInputError(field, _("needs at least one step"))
    if steps > MAX_STEPS:
        raise InvalidInputError(
            field, _("cannot have more than {maximum:,} steps").format(maximum=MAX_STEPS)
        )
    if steps == 1:
        return np.array([low_c], dtype=np.int64)
    index = np.arange(steps, dtype=np.int64)
    return low_c + (high_c - low_c) * index // (steps - 1)


@dataclass(frozen=True)
class DeficiencyGrid:
    """Deficiency over sale price (columns) x total fees (rows), for a heat map.

    ``deficiency[i, j]`` and ``surplus[i, j]`` are in cents for ``fees[i]`` and
    ``sale_prices[j]``; :meth:`deficiency_dollars` gives floats for a chart axis.
    """

    sale_prices: Cents
    fees: Cents
    deficiency: Cents
    surplus: Cents

    def deficiency_dollars(self) -> npt.NDArray[np.float64]:
        """The deficiency in dollars as floats, exact for plotting (below 2^53 cents)."""
        result: npt.NDArray[np.float64] = self.deficiency / 100.0
        return result


def deficiency_grid(
    owed: Amount,
    sale_prices: CentsLike,
    fees: CentsLike,
    credits: Amount = 0,
    *,
    commission_rate: Amount = 0,
) -> DeficiencyGrid:
    """The deficiency at every sale price x total fees pair, sized by the caller.

    Parameters
    ----------
    owed, credits
        Dollar amounts, the same for every cell.
    sale_prices, fees
        One-dimensional axes in cents (see :func:`cents_steps`).
    commission_rate
        Percent of each sale price charged on top of the fees (0 unless a short sale).

    Raises
    ------
    InvalidInputError
        ``grid size`` when ``len(sale_prices) x len(fees)`` exceeds
        :data:`MAX_GRID_POINTS` (4,000,000), or naming a bad amount.

    Notes
    -----
    ``deficiency[i, j] = max(0, owed - price_j + fee_i + commission(price_j) - credits)``.

    Examples
    --------
    >>> g = deficiency_grid(10000, cents_steps(8000, 9000, 3, "price"),
    ...                     cents_steps(0, 500, 2, "fees"))
    >>> g.deficiency
    array([[200000, 150000, 100000],
           [250000, 200000, 150000]])
    """
    prices = np.asarray(sale_prices)
    fee_axis = np.asarray(fees)
    if prices.ndim != 1 or fee_axis.ndim != 1:
        raise InvalidInputError(N_("grid size"), _("sale prices and fees must each be a 1-D axis"))
    points = prices.size * fee_axis.size
    if points > MAX_GRID_POINTS:
        raise InvalidInputError(
            N_("grid size"),
            _(
                "{prices:,} prices x {fees:,} fees = {points:,} points is above "
                "the {limit:,} limit; use fewer steps"
            ).format(prices=prices.size, fees=fee_axis.size, points=points, limit=MAX_GRID_POINTS),
        )
    price_c = cents_array(prices, N_("sale price"))
    fee_c = cents_array(fee_axis, N_("fees"), MAX_TOTAL_CENTS)
    units = rate_units(commission_rate)
    # Everything that depends on the price alone is worked out once per column; the fees
    # are expenses, so each row adds its fee to that column's balance.
    commission_c = percent_of_cents(price_c, units) if units else np.zeros_like(price_c)
    per_price = signed_balance(
        np.full_like(price_c, money_to_cents(owed, N_("owed"))),
        price_c,
        commission_c,
        np.full_like(price_c, money_to_cents(credits, N_("credits"))),
    )
    balance = fee_c[:, np.newaxis] + per_price[np.newaxis, :]
    result = _result(balance)
    return DeficiencyGrid(price_c, fee_c, result.deficiency, result.surplus)

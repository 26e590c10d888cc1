"""Uncertain sale price: the chance of a deficiency, and which input moves it most.

:func:`simulate_sale` draws sale prices around the value the user expects and runs
every draw through the vectorized cents path (:mod:`deficiency.vectorized`), so each
draw's deficiency is the exact statement's figure for that price. :func:`tornado`
moves one input at a time between a low and a high the user sets.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _
from deficiency.money import Amount, to_decimal, to_percent
from deficiency.parsing import choice, mapping
from deficiency.scenarios import LoanKind, scenario_fields, statement_for
from deficiency.vectorized import (
    MAX_CENTS,
    Cents,
    cents_to_money,
    deficiency_cents,
    money_to_cents,
)

#: Default number of draws: enough for the 90th percentile to be stable to about 0.3%.
DEFAULT_DRAWS = 100_000
#: Most draws accepted (about 80 MB of int64 arrays).
MAX_DRAWS = 10_000_000
#: Largest spread accepted, as a coefficient of variation in percent.
MAX_SPREAD_PERCENT = Decimal("100")
SPREAD_FIELD = N_("Price spread (%)")


class PriceDistribution(enum.Enum):
    """How sale prices scatter around the expected price."""

    #: Lognormal with the given mean and coefficient of variation: never negative, and
    #: skewed the way sale prices are (a price can double more easily than fall to zero).
    LOGNORMAL = "lognormal"
    #: Normal with the given mean and standard deviation (= spread x mean), clamped at $0.
    NORMAL = "normal"


@dataclass(frozen=True)
class SaleSimulation:
    """Simulated sale prices and the deficiency each leaves, in cents.

    ``probability`` is the share of draws with a deficiency (exactly 0.0 or 1.0 when
    the spread is zero). ``median_deficiency`` and ``p90_deficiency`` are over all
    draws, a draw with no deficiency counting as $0; each is an actual draw's value
    (NumPy's ``inverted_cdf`` percentile), so no interpolation creates a figure.
    """

    prices: Cents
    deficiency: Cents
    deficiency_count: int
    probability: float
    median_deficiency: Decimal
    p90_deficiency: Decimal
    seed: int | None


def validate_spread(spread_percent: Amount, field: str = SPREAD_FIELD) -> Decimal:
    """The UI's check on the spread: above 0 and at most 100 percent.

    A zero spread is allowed by :func:`simulate_sale` (every draw is the same price,
    so the chance is exactly 0 or 1), but on screen it is a question better answered
    by the statement itself, so the UI flags it.

    Examples
    --------
    >>> validate_spread("12.5")
    Decimal('12.5')
    >>> validate_spread(0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Price spread (%): is zero, so every simulated price ...
    """
    spread = to_percent(spread_percent, field, MAX_SPREAD_PERCENT)
    if spread == 0:
        raise InvalidInputError(
            field,
            _(
                "is zero, so every simulated price is the same and the chance of a deficiency "
                "is simply 0% or 100%; enter a spread above 0 to see a range"
            ),
        )
    return spread


def draw_prices(
    expected_price: Amount,
    spread_percent: Amount,
    draws: int = DEFAULT_DRAWS,
    seed: int | None = None,
    distribution: PriceDistribution | str = PriceDistribution.LOGNORMAL,
) -> Cents:
    """Sale prices in cents drawn around ``expected_price``; the same seed gives the same draws.

    Notes
    -----
    With mean ``m`` and coefficient of variation ``c`` (``spread_percent / 100``):
    lognormal ``sigma^2 = ln(1 + c^2)``, ``mu = ln(m) - sigma^2 / 2`` (so the mean is
    ``m`` and the standard deviation ``c m``); normal ``N(m, (c m)^2)`` clamped at 0.
    Each draw is rounded half-up to cents and capped at $1 trillion. A zero spread
    returns ``m`` for every draw.

    Examples
    --------
    >>> draw_prices(1000, 0, draws=3).tolist()
    [100000, 100000, 100000]
    >>> bool((draw_prices(1000, 10, draws=5, seed=1) == draw_prices(1000, 10, 5, 1)).all())
    True
    """
    price = money_to_cents(expected_price, N_("Expected sale price"))
    spread = to_percent(spread_percent, SPREAD_FIELD, MAX_SPREAD_PERCENT)
    count = _draw_count(draws)
    kind = choice(PriceDistribution, distribution, N_("Price distribution"))
    if spread == 0 or price == 0:
        return np.full(count, price, dtype=np.int64)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise InvalidInputError(N_("Seed"), _("must be a whole number, 0 or more"))
    generator = np.random.default_rng(seed)
    cv = float(spread) / 100
    if kind is PriceDistribution.LOGNORMAL:
        sigma = math.sqrt(math.log1p(cv * cv))
        mu = math.log(price) - sigma * sigma / 2
        raw = generator.lognormal(mu, sigma, count)
    else:
        raw = np.maximum(generator.normal(price, cv * price, count), 0.0)
    return np.minimum(np.floor(raw + 0.5), MAX_CENTS).astype(np.int64)


def _draw_count(draws: int) -> int:
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 1:
        raise InvalidInputError(N_("Number of draws"), _("must be a whole number of at least 1"))
    if draws > MAX_DRAWS:
        raise InvalidInputError(
            N_("Number of draws"), _("cannot be above {maximum:,}").format(maximum=MAX_DRAWS)
        )
    return draws


def simulate_sale(
    owed: Amount,
    expected_price: Amount,
    spread_percent: Amount,
    expenses: Amount = 0,
    credits: Amount = 0,
    *,
    commission_rate: Amount = 0,
    draws: int = DEFAULT_DRAWS,
    seed: int | None = None,
    distribution: PriceDistribution | str = PriceDistribution.LOGNORMAL,
) -> SaleSimulation:
    """The chance of a deficiency when the sale price is uncertain, and its size.

    Parameters
    ----------
    owed, expenses, credits
        Dollar totals as on the statement (``Statement.owed`` and so on, without the
        commission, which is charged per draw at ``commission_rate``).
    expected_price, spread_percent
        The mean sale price and its coefficient of variation in percent (0 to 100).
    draws, seed, distribution
        How many prices, the NumPy ``Generator`` seed, lognormal (default) or normal.

    Returns
    -------
    SaleSimulation
        The draws and deficiencies in cents for a histogram, and the summary.

    Notes
    -----
    For each draw ``p``: ``deficiency = max(0, owed - p + expenses + commission(p) -
    credits)`` in exact cents (:func:`deficiency.vectorized.deficiency_cents`).

    Examples
    --------
    The worked car example at an expected $8,500 auction price, 15% spread:

    >>> sim = simulate_sale(10000, 8500, 15, expenses=500, seed=7)
    >>> sim.probability > 0.9, sim.median_deficiency > 1500
    (True, True)
    >>> simulate_sale(10000, 8500, 0, expenses=500).probability
    1.0
    """
    prices = draw_prices(expected_price, spread_percent, draws, seed, distribution)
    result = deficiency_cents(
        money_to_cents(owed, N_("Amount owed")),
        prices,
        money_to_cents(expenses, N_("Expenses")),
        money_to_cents(credits, N_("Credits")),
        commission_rate=commission_rate,
    )
    deficiency = result.deficiency
    count = int(np.count_nonzero(deficiency))
    median, p90 = np.percentile(deficiency, [50, 90], method="inverted_cdf")
    return SaleSimulation(
        prices=prices,
        deficiency=deficiency,
        deficiency_count=count,
        probability=count / deficiency.size,
        median_deficiency=cents_to_money(int(median)),
        p90_deficiency=cents_to_money(int(p90)),
        seed=seed,
    )


@dataclass(frozen=True)
class TornadoRow:
    """One input moved alone from ``low`` to ``high``: the deficiency at each end and the swing."""

    field: str
    label: str
    low: Decimal
    high: Decimal
    deficiency_at_low: Decimal
    deficiency_at_high: Decimal

    @property
    def swing(self) -> Decimal:
        """How far the deficiency moves across the range: ``|at_high - at_low|``."""
        return abs(self.deficiency_at_high - self.deficiency_at_low)


def tornado(
    kind: LoanKind | str,
    values: Mapping[str, Amount],
    exit: str | enum.Enum,
    ranges: Mapping[str, tuple[Amount, Amount]],
) -> tuple[TornadoRow, ...]:
    """Which input moves the deficiency most: each input alone at its low and its high.

    Parameters
    ----------
    kind, values, exit
        The scenario, as for :func:`deficiency.scenarios.evaluate`.
    ranges
        ``field name -> (low, high)`` for the inputs to test (names from
        :func:`deficiency.scenarios.scenario_fields`); the others keep their values.

    Returns
    -------
    tuple of TornadoRow
        Largest swing first (ties in the order of ``ranges``): the bars of a tornado chart.

    Raises
    ------
    InvalidInputError
        Naming the field: an unknown name, a low above its high, or a bad value.

    Notes
    -----
    One-at-a-time sensitivity on the exact statement: the deficiency (0 when there is
    a surplus) with input ``x`` set to its low, then its high, all else at ``values``.

    Examples
    --------
    >>> car = {"unpaid_principal": 10000, "sale_price": 8500, "retaking_fee": 500}
    >>> rows = tornado("auto", car, "repossession",
    ...                {"sale_price": (7000, 10000), "retaking_fee": (300, 900)})
    >>> [(row.field, row.swing) for row in rows]
    [('sale_price', Decimal('3000.00')), ('retaking_fee', Decimal('600.00'))]
    """
    loan_kind = choice(LoanKind, kind, N_("Loan type"))
    values = mapping(values, N_("Scenario values"))
    labels = {info.name: info.label for info in scenario_fields(loan_kind)}
    rows = []
    if not isinstance(ranges, Mapping):
        raise InvalidInputError(N_("Ranges"), _("expected a low and a high end for each input"))
    for name, pair in ranges.items():
        if name not in labels:
            field = name if isinstance(name, str) and 0 < len(name.strip()) <= 60 else shown(name)
            raise InvalidInputError(
                field,
                _("is not an input of a mortgage scenario")
                if loan_kind is LoanKind.MORTGAGE
                else _("is not an input of a car (auto) scenario"),
            )
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidInputError(labels[name], _("expected a low and a high end"))
        low, high = pair
        label = labels[name]
        low_value, high_value = to_decimal(low, label), to_decimal(high, label)
        if low_value > high_value:
            raise InvalidInputError(label, _("the low end is above the high end"))
        at_low = statement_for(loan_kind, {**values, name: low_value}, exit).deficiency
        at_high = statement_for(loan_kind, {**values, name: high_value}, exit).deficiency
        rows.append(
            TornadoRow(
                field=name,
                label=label,
                low=low_value,
                high=high_value,
                deficiency_at_low=at_low,
                deficiency_at_high=at_high,
            )
        )
    return tuple(sorted(rows, key=lambda row: row.swing, reverse=True))

"""Cached calls for the "Break-even and odds" page: break-even, heat map, tornado, Monte Carlo.

A scenario arrives as its flat inputs (``ui.kit.state.values``) in a sorted tuple so it
can be a cache key. Every amount comes from the package: :func:`break_even_price`,
:func:`deficiency_grid`, :func:`tornado`, :func:`simulate_sale`. :func:`fixed_totals`
gives the totals that do not depend on the price (owed, fixed expenses, credits) and the
commission rate the vectorized path charges per price.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt
import streamlit as st

from deficiency import (
    DEFAULT_DRAWS,
    ENGLISH,
    InvalidInputError,
    LoanKind,
    TornadoRow,
    break_even_price,
    cents_steps,
    cents_to_money,
    deficiency_grid,
    fixed_totals,
    money_to_cents,
    percent_of,
    simulate_sale,
    statement_for,
    tornado,
    validate_spread,
)
from ui.kit.i18n import N_, _

Pairs = tuple[tuple[str, str], ...]
Floats = npt.NDArray[np.float64]

#: Most heat-map cells sent to the browser: a 500 x 500 grid already exceeds a screen.
MAX_DRAWN_CELLS = 250_000
GRID_STEPS = N_("Steps per axis")
#: Bars of the Monte Carlo histogram.
HISTOGRAM_BINS = 60


@dataclass(frozen=True)
class BreakEven:
    """The break-even price and the deficiency across sale prices from $0 up, for its chart."""

    price: Decimal | None
    sale_price: Decimal
    deficiency_at_sale: Decimal
    prices: Floats
    deficiency: Floats


@st.cache_data(max_entries=256, show_spinner=False)
def break_even(kind: LoanKind, inputs: Pairs, exit: str) -> BreakEven:
    """The lowest price with no deficiency, and the curve from $0 to half again above it.

    The deficiency falls in a straight line to the break-even price and stays at $0
    after it, so the curve is drawn through its corners: $0, the break-even price and
    the top of the axis (the commission's rounding moves no corner by more than a cent).
    """
    values = dict(inputs)
    price = break_even_price(kind, values, exit)
    sale_price = Decimal(values["sale_price"])
    totals = fixed_totals(kind, dict(inputs), exit)
    top = percent_of(max(price or totals.owed, sale_price, Decimal(1)), Decimal(150))
    corners = [0, money_to_cents(top, "Sale price")]
    if price is not None:
        corners.insert(1, money_to_cents(price, "Sale price"))
    prices = np.array(corners, dtype=np.int64)
    grid = deficiency_grid(
        totals.owed,
        prices,
        [money_to_cents(totals.expenses, N_("Expenses"))],
        totals.credits,
        commission_rate=totals.commission_rate,
    )
    at_sale = statement_for(kind, values, exit).deficiency
    return BreakEven(price, sale_price, at_sale, prices / 100.0, grid.deficiency_dollars()[0])


def default_band(amount: Decimal, low_percent: int, high_percent: int) -> tuple[str, str]:
    """A starting range around an amount (``low_percent`` to ``high_percent`` of it), as text."""
    return (
        str(percent_of(amount, Decimal(low_percent))),
        str(percent_of(amount, Decimal(high_percent))),
    )


@dataclass(frozen=True)
class HeatMap:
    """Deficiency in dollars over sale price (columns) x total fees (rows)."""

    prices: Floats
    fees: Floats
    deficiency: Floats
    worst: Decimal
    fees_now: Decimal
    break_even: Decimal | None


@st.cache_data(max_entries=64, show_spinner=False)
def heat_map(
    kind: LoanKind,
    inputs: Pairs,
    exit: str,
    prices: tuple[str, str],
    fees: tuple[str, str],
    steps: int,
) -> HeatMap:
    """The deficiency at every sale price x total fees pair, ``steps`` x ``steps`` cells.

    Raises ``InvalidInputError`` naming "Steps per axis" when the grid is too small or
    too large to draw, or the price or fee range when its high end is below its low.
    """
    if steps < 2:
        raise InvalidInputError(GRID_STEPS, _("must be at least 2"))
    if steps * steps > MAX_DRAWN_CELLS:
        raise InvalidInputError(
            GRID_STEPS,
            _("of {steps} makes {cells} cells, too many to draw; use at most {most}").format(
                steps=f"{steps:,}",
                cells=f"{steps * steps:,}",
                most=f"{int(MAX_DRAWN_CELLS**0.5):,}",
            ),
        )
    totals = fixed_totals(kind, dict(inputs), exit)
    grid = deficiency_grid(
        totals.owed,
        cents_steps(*prices, steps, "Heat map sale prices"),
        cents_steps(*fees, steps, "Heat map fees"),
        totals.credits,
        commission_rate=totals.commission_rate,
    )
    return HeatMap(
        grid.sale_prices / 100.0,
        grid.fees / 100.0,
        grid.deficiency_dollars(),
        cents_to_money(grid.deficiency.max()),
        totals.expenses,
        break_even_price(kind, dict(inputs), exit),
    )


@dataclass(frozen=True)
class Tornado:
    """The tornado's rows (largest swing first) and the deficiency they swing around."""

    rows: tuple[TornadoRow, ...]
    baseline: Decimal


@st.cache_data(max_entries=64, show_spinner=False)
def tornado_rows(
    kind: LoanKind,
    inputs: Pairs,
    exit: str,
    ranges: tuple[tuple[str, str, str], ...],
    language: str = ENGLISH,
) -> Tornado:
    """Each input alone at its low and its high, with the current deficiency as the baseline.

    The rows carry each input's label in ``language`` (the reader's): a cache key.
    """
    values = dict(inputs)
    rows = tornado(kind, values, exit, {name: (low, high) for name, low, high in ranges})
    return Tornado(rows, statement_for(kind, values, exit).deficiency)


@dataclass(frozen=True)
class Simulation:
    """A Monte Carlo summary small enough to cache: the histogram and the headline figures."""

    draws: int
    seed: int
    expected_price: Decimal
    spread: Decimal
    distribution: str
    probability: float
    median: Decimal
    p90: Decimal
    break_even: Decimal | None
    edges: Floats
    with_deficiency: npt.NDArray[np.int64]
    without_deficiency: npt.NDArray[np.int64]


@st.cache_data(max_entries=64, show_spinner=False)
def simulation(
    kind: LoanKind,
    inputs: Pairs,
    exit: str,
    expected_price: str,
    spread: str,
    distribution: str,
    seed: int,
) -> Simulation:
    """100,000 sale prices around the expected price, the deficiency each leaves, binned.

    The histogram counts the draws that leave a deficiency and those that do not
    separately, over the same price bins, so the split is each draw's own result.
    """
    checked_spread = validate_spread(spread)
    totals = fixed_totals(kind, dict(inputs), exit)
    result = simulate_sale(
        totals.owed,
        expected_price,
        checked_spread,
        totals.expenses,
        totals.credits,
        commission_rate=totals.commission_rate,
        draws=DEFAULT_DRAWS,
        seed=seed,
        distribution=distribution,
    )
    edges = np.linspace(result.prices.min(), result.prices.max() + 1, HISTOGRAM_BINS + 1)
    owing = result.deficiency > 0
    with_deficiency, _edges = np.histogram(result.prices[owing], bins=edges)
    without_deficiency, _edges = np.histogram(result.prices[~owing], bins=edges)
    return Simulation(
        draws=DEFAULT_DRAWS,
        seed=seed,
        expected_price=cents_to_money(money_to_cents(expected_price, "Expected sale price")),
        spread=checked_spread,
        distribution=distribution,
        probability=result.probability,
        median=result.median_deficiency,
        p90=result.p90_deficiency,
        break_even=break_even_price(kind, dict(inputs), exit),
        edges=edges / 100.0,
        with_deficiency=with_deficiency.astype(np.int64),
        without_deficiency=without_deficiency.astype(np.int64),
    )

"""Cached calls into the package for the "What happens next" pages, bounded.

Each wrapper takes hashable arguments (strings, dates, Decimals) so one computation
serves every rerun with the same inputs; figures are built fresh from the results.
"""

from __future__ import annotations

from decimal import Decimal

from deficiency import (
    GarnishmentPayoff,
    OptionResult,
    PayPeriod,
    PlannerInputs,
    compare_options,
    garnishment_payoff,
)
from ui.kit.cache import frozen_result_cache


@frozen_result_cache(max_entries=256)
def garnishment(
    judgment: Decimal, earnings: Decimal, rate: Decimal, period: str, state: str
) -> GarnishmentPayoff:
    """A judgment paid by garnishment at the federal cap (see :func:`garnishment_payoff`)."""
    return garnishment_payoff(judgment, earnings, rate, PayPeriod(period), state=state or None)


@frozen_result_cache(max_entries=64)
def planner(inputs: PlannerInputs) -> tuple[OptionResult, ...]:
    """The four ways out of one deficiency (see :func:`compare_options`)."""
    return compare_options(inputs)

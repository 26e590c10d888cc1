"""Cached calls into the package: one computation per distinct input, bounded."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from deficiency import (
    Assessment,
    InvalidInputError,
    LoanKind,
    Outcome,
    StateLawResult,
    assess,
    facts_asked,
)
from ui.kit.scenario_io import Saved
from ui.kit.sides import Side
from ui.kit.state import LAST_GOOD, STATE_KEY, State, facts, values

Pairs = tuple[tuple[str, str], ...]
Call = TypeVar("Call", bound=Callable[..., Any])


def frozen_result_cache(max_entries: int) -> Callable[[Call], Call]:
    """Cache a pure call with hashable arguments whose result is frozen: shared, never copied.

    ``st.cache_data`` hashes every argument with its own hasher and unpickles a fresh copy
    on every hit, several calls a slider move, which costs most for a payoff schedule of
    hundreds of rows. A frozen result (frozen dataclasses and tuples) cannot be changed by
    the page that reads it, so every run and session can share one object, found by
    Python's own hash.
    Results holding numpy arrays (the odds page's) stay on ``st.cache_data``.
    """
    return cast("Callable[[Call], Call]", functools.lru_cache(maxsize=max_entries))


@frozen_result_cache(max_entries=1024)
def cached_assessment(
    kind: LoanKind, inputs: Pairs, exit: str, resolution: str, state_code: str, answers: Pairs
) -> Assessment:
    """The package's assessment of one scenario under one state's law, cached by its inputs."""
    return assess(kind, dict(inputs), exit, resolution, state_code or None, dict(answers))


@frozen_result_cache(max_entries=256)
def asked_facts(state_code: str, kind: LoanKind, exit: str) -> tuple[str, ...]:
    """The facts a state's rules ask about for this loan and exit (none without a state)."""
    return facts_asked(state_code, kind, exit) if state_code else ()


@dataclass(frozen=True)
class SideResult:
    """The outcome to show, its state-law finding, and the error that kept a newer one away."""

    outcome: Outcome | None
    law: StateLawResult | None
    error: InvalidInputError | None


def side_outcome(state: State, side: Side) -> SideResult:
    """Compute a side's outcome; on bad input keep the last good outcome and return the error."""
    state_code = str(state.get(STATE_KEY, ""))
    exit = str(state[side.exit_key])
    asked = asked_facts(state_code, side.kind, exit)
    try:
        assessment = cached_assessment(
            side.kind,
            tuple(sorted(values(state, side).items())),
            exit,
            str(state[side.resolution_key]),
            state_code,
            tuple(sorted(facts(state, side, asked).items())),
        )
    except InvalidInputError as error:
        last: Assessment | None = state.get(side.prefix + LAST_GOOD)
        return SideResult(last.outcome if last else None, last.law if last else None, error)
    state[side.prefix + LAST_GOOD] = assessment
    return SideResult(assessment.outcome, assessment.law, None)


def saved_outcome(saved: Saved) -> Outcome:
    """The outcome of a saved scenario, under its state's law with its saved answers."""
    document = saved.document
    return cached_assessment(
        document.kind,
        tuple(sorted(document.values.items())),
        document.exit.value,
        document.resolution.value,
        document.state or "",
        saved.facts,
    ).outcome

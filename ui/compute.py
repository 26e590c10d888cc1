"""Cached calls into the package: one computation per distinct input, bounded."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from deficiency import InvalidInputError, LoanKind, Outcome, evaluate
from ui.sides import Side
from ui.state import LAST_GOOD, State, values


@st.cache_data(max_entries=1024, show_spinner=False)
def cached_outcome(
    kind: LoanKind, inputs: tuple[tuple[str, str], ...], exit: str, resolution: str
) -> Outcome:
    """The package's outcome for one scenario, cached by its inputs."""
    return evaluate(kind, dict(inputs), exit, resolution)


@dataclass(frozen=True)
class SideResult:
    """The outcome to show, and the error that kept a newer one from being computed."""

    outcome: Outcome | None
    error: InvalidInputError | None


def side_outcome(state: State, side: Side) -> SideResult:
    """Compute a side's outcome; on bad input keep the last good outcome and return the error."""
    inputs = tuple(sorted(values(state, side).items()))
    try:
        outcome = cached_outcome(
            side.kind, inputs, str(state[side.exit_key]), str(state[side.resolution_key])
        )
    except InvalidInputError as error:
        return SideResult(state.get(side.prefix + LAST_GOOD), error)
    state[side.prefix + LAST_GOOD] = outcome
    return SideResult(outcome, None)

"""Loading a worked example over a side's scenario, and taking the load back.

A load replaces every figure of the side on every page; the scenario it replaced is kept
in the session, so "Undo" (and the browser's Back, through the link) restores it.
"""

from __future__ import annotations

from typing import Any

from ui.kit.sides import Side
from ui.kit.state import EXACT, State, accept, figures_are_preset, load_preset


def loaded_key(side: Side) -> str:
    """The example last loaded on a side from Learn (its preset id)."""
    return f"l_loaded_{side.prefix}"


def replaced_key(side: Side) -> str:
    """The side's scenario as it stood before the last load, kept for "Undo"."""
    return f"l_replaced_{side.prefix}"


def side_scenario(state: State, side: Side) -> dict[str, Any]:
    """Every choice and figure of a side: its preset, exit, resolution and inputs."""
    keys = (side.preset_key, side.exit_key, side.resolution_key)
    inputs = (spec.key for spec in (*side.specs, *side.resolution_specs.values()))
    return {key: state[key] for key in (*keys, *inputs)}


def load_example(state: State, side: Side, preset_id: str) -> None:
    """Load the example into the side; keep what it replaced when that differed."""
    before = side_scenario(state, side)
    load_preset(state, side, preset_id)
    state[loaded_key(side)] = preset_id
    if side_scenario(state, side) != before:
        state[replaced_key(side)] = before
    else:
        state.pop(replaced_key(side), None)


def can_undo(state: State, side: Side) -> bool:
    """Whether the side still shows the example just loaded over another scenario: once
    its figures are edited, or Back has restored the link before the load, there is
    nothing left to undo."""
    loaded = state.get(loaded_key(side))
    return (
        replaced_key(side) in state
        and state[side.preset_key] == loaded
        and figures_are_preset(state, side)
    )


def undo_load(state: State, side: Side) -> None:
    """Put back the scenario the last load replaced."""
    before: dict[str, Any] | None = state.pop(replaced_key(side), None)
    if before is None:
        return
    for key, value in before.items():
        state[key] = value
        accept(state, key)
        state.pop(key + EXACT, None)
    state.pop(loaded_key(side), None)

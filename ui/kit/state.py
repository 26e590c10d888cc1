"""Session state every page shares: one canonical value per input, loaded from presets.

Canonical values are plain keys (``c_sale_price``) holding exact decimal strings;
widgets use derived keys and write back through callbacks, so a value survives page
switches and a bad entry never overwrites the last good one.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

from deficiency import (
    ILLUSTRATIVE_SETTLEMENT_PERCENT,
    InvalidInputError,
    parse_field,
    preset,
    presets_for,
)
from ui.kit.i18n import _
from ui.kit.internals import SessionStateType
from ui.kit.sides import SIDES, Side

#: Session state, or any mapping standing in for it in a test.
State: TypeAlias = MutableMapping[str, Any] | SessionStateType

#: Suffixes of the keys derived from a canonical key.
EXACT = "__exact"
WIDGET = "__widget"
ERROR = "__error"
REFUSED = "__refused"
LAST_GOOD = "__last_good"

DEFAULTS: dict[str, str] = {"settlement_percent": str(ILLUSTRATIVE_SETTLEMENT_PERCENT)}

#: The borrower's state (a postal code, or "" for none chosen), shared by both sides.
STATE_KEY = "state"


def refuse(state: State, key: str, problem: str, entry: Any) -> None:
    """Record that an entry for ``key`` was refused: the message, and the entry as typed.

    A box is a new widget on every page (Streamlit keys a widget's value by page), so the
    entry itself is kept here to put back in the box wherever the input shows next.
    """
    state[key + ERROR] = problem
    state[key + REFUSED] = entry


def accept(state: State, key: str) -> None:
    """Forget a refused entry of ``key``: its input's value is good again."""
    state.pop(key + ERROR, None)
    state.pop(key + REFUSED, None)


def box_entry(state: State, key: str, good: Any) -> Any:
    """What the exact box of ``key`` shows: the refused entry while its message stands,
    else ``good``, the value in use."""
    return state.get(key + REFUSED, good) if key + ERROR in state else good


def default_preset_id(side: Side) -> str:
    """The worked example of a side: what a first visit shows."""
    return presets_for(side.kind)[0].id


def load_preset(state: State, side: Side, preset_id: str) -> None:
    """Load a preset into the canonical keys; inputs it does not name go back to defaults."""
    chosen = preset(preset_id)
    for spec in (*side.specs, *side.resolution_specs.values()):
        name = spec.info.name
        state[spec.key] = str(parse_field(spec.info, preset_default(chosen.id, name)))
        accept(state, spec.key)
        state.pop(spec.key + EXACT, None)
    state[side.exit_key] = chosen.exit
    state[side.resolution_key] = chosen.resolution
    state[side.preset_key] = chosen.id


def preset_default(preset_id: str, name: str) -> str:
    """What the preset ``preset_id`` gives the input ``name`` (a default where it names none)."""
    return preset(preset_id).values.get(name, DEFAULTS.get(name, "0"))


def figures_are_preset(state: State, side: Side) -> bool:
    """Whether every choice and figure in use on the side is still its loaded preset's.

    Only inputs that count on the chosen exit and resolution are compared: a settlement
    share edited, then left by choosing a judgment, changes no figure on screen.
    """
    chosen = preset(str(state[side.preset_key]))
    exit, resolution = str(state[side.exit_key]), str(state[side.resolution_key])
    if (exit, resolution) != (chosen.exit, chosen.resolution):
        return False
    in_use = (*side.specs_for(exit), *side.resolution_specs_for(resolution))
    return all(
        Decimal(str(state[spec.key])) == Decimal(preset_default(chosen.id, spec.info.name))
        for spec in in_use
    )


def loaded_caption(state: State, side: Side) -> str:
    """The line above a side's inputs: "As loaded: <preset>" while the figures are the
    preset's, "Changed from: <preset>" once any differs."""
    summary = preset(str(state[side.preset_key])).summary
    if figures_are_preset(state, side):
        return _("As loaded: {summary}").format(summary=summary)
    return _("Changed from: {summary}").format(summary=summary)


def init_state(state: State) -> None:
    """Load each side's worked example on a session's first run; later runs keep what is there."""
    ensure(state, STATE_KEY, "")
    for side in SIDES:
        if side.preset_key not in state:
            load_preset(state, side, default_preset_id(side))


def ensure(state: State, key: str, default: str) -> None:
    """Give a page's own input its default on first use; later runs keep what is there."""
    if key not in state:
        state[key] = default


def fact_key(side: Side, fact: str) -> str:
    """The state key of a state-law fact of one side, e.g. ``m_f_purchase_money``."""
    return side.key(f"f_{fact}")


def facts(state: State, side: Side, asked: tuple[str, ...]) -> dict[str, str]:
    """The side's answers to the facts its state's rules ask about ("unknown" if unanswered)."""
    return {fact: str(state.get(fact_key(side, fact), "")) for fact in asked}


def values(state: State, side: Side) -> dict[str, str]:
    """The flat inputs of a side (scenario and resolution terms) as exact strings."""
    specs = (*side.specs, *side.resolution_specs.values())
    return {spec.info.name: str(state[spec.key]) for spec in specs}


T = TypeVar("T")


def last_good(
    state: State, key: str, compute: Callable[[], T]
) -> tuple[T | None, InvalidInputError | None]:
    """Run ``compute()``; on bad input return the last good result and the package's error.

    The last good result is kept under ``key + LAST_GOOD``, so a figure stays on screen
    while an input is being corrected.
    """
    try:
        result = compute()
    except InvalidInputError as error:
        kept: T | None = state.get(key + LAST_GOOD)
        return kept, error
    state[key + LAST_GOOD] = result
    return result, None

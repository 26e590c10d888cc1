"""The scenario outside the page: in the URL, in a downloaded file, in a saved snapshot.

Every input has one short, stable name (its state key, e.g. ``c_sale_price``), used in
the URL and matching the flat names of :mod:`deficiency.serialize` documents. Anything
read from outside is validated by the package; what cannot be used is named in a notice
and left at its default, never shown as a traceback or echoed as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal

from deficiency import (
    DERIVED_FACTS,
    STATE_CODES,
    InvalidInputError,
    InvalidScenarioError,
    LoanFacts,
    LoanKind,
    Resolution,
    ScenarioDocument,
    fact_answer,
    from_json,
    number_text,
    parse_field,
    preset,
    presets_for,
    scenario_document,
)
from ui.kit.i18n import _, ngettext
from ui.kit.sides import SIDES, InputSpec, Side
from ui.kit.state import (
    EXACT,
    STATE_KEY,
    State,
    accept,
    fact_key,
    load_preset,
    preset_default,
    values,
)

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_]{1,40}$")
_FACT = re.compile(r"^(?P<prefix>[mc])_f_(?P<fact>[a-z0-9_]+)$")
#: The facts a state's rules can ask (LoanFacts' fields, less those read from the scenario).
FACT_NAMES = frozenset(item.name for item in fields(LoanFacts)) - frozenset(DERIVED_FACTS)


def fact_answers(state: State, prefix: str | None = None) -> dict[str, str]:
    """Every state-law answer held in the state, by key (``m_f_purchase_money`` -> "yes"),
    optionally of one side. Only the keys of real facts are read, so a widget's own keys
    beside them (``c_f_credit_sale__widget``, ``m_f_fair_market_value__exact``,
    ``__refused``, ``__error``) never reach a link or a file."""
    answers = {}
    for side in SIDES:
        if prefix is not None and side.prefix != prefix:
            continue
        for fact in FACT_NAMES:
            key = fact_key(side, fact)
            answer = state.get(key)
            if isinstance(answer, str) and answer not in ("", "unknown"):
                answers[key] = answer
    return dict(sorted(answers.items()))


def _specs(side: Side) -> dict[str, InputSpec]:
    return {spec.key: spec for spec in (*side.specs, *side.resolution_specs.values())}


def _default(side: Side, spec: InputSpec, state: State) -> str:
    return preset_default(str(state[side.preset_key]), spec.info.name)


def compact(text: str) -> str:
    """A number as a link writes it: no trailing zeros (``"250000.00"`` -> ``"250000"``)."""
    number = Decimal(text)
    if number == number.to_integral_value():
        return str(int(number))
    return number_text(number.normalize())


def url_params(state: State) -> dict[str, str]:
    """The current scenario as short URL parameters: each side's preset, then what differs."""
    params: dict[str, str] = {}
    for side in SIDES:
        chosen = preset(str(state[side.preset_key]))
        params[side.preset_key] = chosen.id
        if state[side.exit_key] != chosen.exit:
            params[side.exit_key] = str(state[side.exit_key])
        if state[side.resolution_key] != chosen.resolution:
            params[side.resolution_key] = str(state[side.resolution_key])
        for key, spec in _specs(side).items():
            current = str(state[key])
            if Decimal(current) != Decimal(_default(side, spec, state)):
                params[key] = compact(current)
    if state.get(STATE_KEY):
        params[STATE_KEY] = str(state[STATE_KEY])
    params.update(fact_answers(state))
    return params


def link_keys() -> frozenset[str]:
    """Every name a link may hold: each side's preset, exit, resolution, inputs and facts,
    and the state. Bookkeeping keys (``__widget``, ``__exact``, ``__error``, ...) never."""
    keys = {STATE_KEY}
    for side in SIDES:
        keys |= {side.preset_key, side.exit_key, side.resolution_key, *_specs(side)}
        keys |= {fact_key(side, fact) for fact in FACT_NAMES}
    return frozenset(keys)


def load_params(state: State, params: Mapping[str, str]) -> list[str]:
    """Apply URL parameters to the state; return the names of those that were ignored.

    Presets load first, then every other parameter is validated on its own, so one bad
    value costs only that input.
    """
    ignored: list[str] = []
    remaining = dict(params)
    for side in SIDES:
        wanted = remaining.pop(side.preset_key, None)
        if wanted is None:
            continue
        if wanted in {option.id for option in presets_for(side.kind)}:
            load_preset(state, side, wanted)
        else:
            ignored.append(side.preset_key)
    by_key = {key: (side, spec) for side in SIDES for key, spec in _specs(side).items()}
    exits = {side.exit_key: side for side in SIDES}
    resolutions = {side.resolution_key: side for side in SIDES}
    for key, raw in remaining.items():
        try:
            if key in by_key:
                state[key] = str(parse_field(by_key[key][1].info, raw))
            elif key in exits:
                allowed = dict(exits[key].exits)
                if raw not in allowed:
                    raise InvalidInputError(key, "is not an exit of this loan")
                state[key] = raw
            elif key in resolutions:
                if raw not in {resolution.value for resolution in Resolution}:
                    raise InvalidInputError(key, "is not a resolution")
                state[key] = raw
            elif key == STATE_KEY:
                code = raw.strip().upper()
                if code not in STATE_CODES:
                    raise InvalidInputError(key, "is not a US state code")
                state[key] = code
            elif (match := _FACT.match(key)) is not None:
                state[key] = fact_answer(match["fact"], raw)
            else:
                raise InvalidInputError(key, "is not a scenario input")
        except InvalidInputError:
            ignored.append(key)
    return ignored


#: Names a notice lists before it counts the rest: a link with 300 bad names filled the page.
MAX_SHOWN_NAMES = 10


def safe_names(names: list[str]) -> list[str]:
    """Parameter names fit to show: plain short names, at most :data:`MAX_SHOWN_NAMES`;
    anything else is counted."""
    readable = [name for name in names if _SAFE_NAME.match(name)]
    shown = readable[:MAX_SHOWN_NAMES]
    unreadable = len(names) - len(readable)
    if unreadable:
        shown.append(
            ngettext("{count} unreadable name", "{count} unreadable names", unreadable).format(
                count=unreadable
            )
        )
    more = len(readable) - MAX_SHOWN_NAMES
    if more > 0:
        # Translators: ends a list of setting names, e.g. "a, b, c, 5 more".
        shown.append(_("{count} more").format(count=more))
    return shown


def side_document(state: State, side: Side, name: str | None = None) -> ScenarioDocument:
    """The side's current scenario as a validated document (for JSON and CSV export)."""
    code = str(state.get(STATE_KEY, "")) or None
    return scenario_document(
        side.kind,
        str(state[side.exit_key]),
        str(state[side.resolution_key]),
        values(state, side),
        name=name,
        state=code if code in STATE_CODES else None,
        facts=side_facts(state, side),
    )


def side_facts(state: State, side: Side) -> dict[str, str]:
    """Every state-law answer given on a side (``m_f_purchase_money`` -> ``purchase_money``),
    so a saved file restores the collectible figure as well as the arithmetic."""
    start = len(fact_key(side, ""))
    return {key[start:]: answer for key, answer in fact_answers(state, side.prefix).items()}


def apply_document(state: State, side: Side, document: ScenarioDocument) -> None:
    """Load a document into a side: every input, the exit, the resolution and the state."""
    for key, spec in _specs(side).items():
        state[key] = document.values.get(spec.info.name, _default(side, spec, state))
        accept(state, key)
        if key + EXACT in state:
            del state[key + EXACT]
    state[side.exit_key] = document.exit.value
    state[side.resolution_key] = document.resolution.value
    if document.state:
        state[STATE_KEY] = document.state
    for fact in side_facts(state, side):  # the file's answers replace the side's
        state[fact_key(side, fact)] = "unknown"
    for fact, answer in document.facts.items():
        state[fact_key(side, fact)] = answer


#: Where the session keeps its saved scenarios, and how many it keeps at most.
SAVED_KEY = "saved_scenarios"
MAX_SAVED = 24


#: Scenario files are a few kilobytes; anything far larger is not one of ours.
MAX_UPLOAD_BYTES = 200_000


def load_upload(state: State, side: Side, data: bytes) -> str | None:
    """Load an uploaded scenario file into a side; return why not, changing nothing, if it fails."""
    if len(data) > MAX_UPLOAD_BYTES:
        return _(
            "This file is {size} bytes; a scenario file is a few kilobytes. Nothing was changed."
        ).format(size=f"{len(data):,}")
    try:
        document = from_json(data)
    except InvalidScenarioError as error:
        listed = "; ".join(str(problem) for problem in error.problems[:8])
        return _("This file could not be loaded: {problems}. Nothing was changed.").format(
            problems=listed
        )
    if document.kind is not side.kind:
        other = next(candidate for candidate in SIDES if candidate.kind is document.kind)
        if other.kind is LoanKind.MORTGAGE:
            return _(
                "This file holds a mortgage scenario; load it on that page. Nothing was changed."
            )
        return _("This file holds a car loan scenario; load it on that page. Nothing was changed.")
    apply_document(state, side, document)
    return None


@dataclass(frozen=True)
class Saved:
    """A named snapshot of one side's scenario, with its answers to state-law facts."""

    side_prefix: str
    document: ScenarioDocument
    facts: tuple[tuple[str, str], ...]

    @property
    def name(self) -> str:
        return self.document.name or _("Unnamed")


def save_snapshot(
    state: State, side: Side, name: str, check: Callable[[Saved], object] | None = None
) -> Saved:
    """Save the side's current scenario under ``name``.

    Nothing saved is ever replaced or dropped without a word: a name already saved (on
    either side) and a save past :data:`MAX_SAVED` are refused, the message saying what
    to do. Raises ``InvalidScenarioError`` for those, when an input cannot be used, and
    when ``check`` (the page computing the saved case) refuses the snapshot.
    """
    document = side_document(state, side, name=name.strip() or None)
    saved = Saved(side.prefix, document, tuple(side_facts(state, side).items()))
    if check is not None:
        try:
            check(saved)
        except InvalidInputError as error:
            raise InvalidScenarioError([error]) from error
    kept = saved_list(state)
    taken = next((item for item in kept if item.name == saved.name), None)
    if taken is not None:
        if taken.side_prefix == side.prefix:
            problem = _(
                "“{name}” is already saved (this loan); choose another name, "
                "or delete the saved one first"
            )
        else:
            problem = _(
                "“{name}” is already saved (the other loan); choose another name, "
                "or delete the saved one first"
            )
        raise InvalidScenarioError([InvalidInputError("name", problem.format(name=saved.name))])
    if len(kept) >= MAX_SAVED:
        raise InvalidScenarioError(
            [
                InvalidInputError(
                    "name",
                    _(
                        "{count} scenarios are saved, the most this page keeps; delete one first"
                    ).format(count=MAX_SAVED),
                )
            ]
        )
    state[SAVED_KEY] = [*kept, saved]
    return saved


def saved_list(state: State) -> list[Saved]:
    """The session's saved scenarios, oldest first."""
    return list(state.get(SAVED_KEY, []))


def load_snapshot(state: State, saved: Saved) -> Side:
    """Load a saved scenario back into its side; returns that side."""
    side = next(side for side in SIDES if side.prefix == saved.side_prefix)
    apply_document(state, side, saved.document)
    for fact, answer in saved.facts:
        state[side.key(f"f_{fact}")] = answer
    return side


def delete_snapshot(state: State, name: str) -> None:
    state[SAVED_KEY] = [item for item in saved_list(state) if item.name != name]

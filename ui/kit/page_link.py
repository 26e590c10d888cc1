"""Each page's own inputs in the link, beside the scenario's keys (:mod:`ui.kit.scenario_io`).

Over time (``t_``), Break-even and odds (``o_``) and the "What happens next" pages
(``n_side``, ``r_``, ``x_``, ``p_``) keep inputs of their own. Each menu folder lists them
once as :class:`Field` rows (``ui/explore/link_inputs.py``, ``ui/next_steps/link_inputs.py``)
and ``app.py`` registers the lists, so a reload, a shared link or a failover to another
server shows every page as it was.

A field is written only once its page has set it and only when it differs from the value
that page would start at, so an untouched page adds nothing to the link. Read back, every
parameter is checked on its own by its kind (the package's own checks for money, percents
and counts): a bad one is named in the link's notice and keeps its default, the rest load.
Widget keys (``__widget``, ``__exact``, ...) are never written: only canonical keys are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from deficiency import FieldInfo, InvalidInputError, parse_field, to_money
from ui.kit.scenario_io import compact
from ui.kit.state import State

__all__ = [
    "Default",
    "Field",
    "Kind",
    "choice",
    "constant",
    "day",
    "load_page_params",
    "money",
    "number",
    "page_keys",
    "page_params",
    "percent",
    "register",
    "span",
    "whole",
    "yes_no",
]

#: A field's starting value: a constant as the state holds it, or read from the state (a
#: figure that starts at the scenario's).
Default = Callable[[State], object]


@dataclass(frozen=True)
class Kind:
    """How one input's value goes to the link and comes back.

    ``text`` turns the value the state holds into the link's text; ``parse`` checks a
    link's text and returns the value the state holds, raising ``InvalidInputError``.
    """

    text: Callable[[object], str]
    parse: Callable[[str, str], object]


@dataclass(frozen=True)
class Field:
    """One page input kept in the link: its state key (the parameter name), kind and default."""

    key: str
    kind: Kind
    default: Default


def constant(value: object) -> Default:
    """A default that does not depend on the scenario."""
    return lambda state: value


def _compact(value: object) -> str:
    return compact(str(value))


def _optional(kind: Kind) -> Kind:
    """The same kind, where an empty value ("") means not given and round-trips as empty."""

    def text(value: object) -> str:
        return "" if value in ("", None) else kind.text(value)

    def parse(raw: str, key: str) -> object:
        return "" if raw.strip() == "" else kind.parse(raw, key)

    return Kind(text, parse)


def money(optional: bool = False) -> Kind:
    """A dollar amount held as exact text (``"250000.00"``); checked by the package."""
    kind = Kind(_compact, lambda raw, key: str(to_money(raw, key)))
    return _optional(kind) if optional else kind


def percent() -> Kind:
    """A percentage from 0 to 100 held as exact text; checked by the package."""
    return Kind(
        _compact, lambda raw, key: str(parse_field(FieldInfo(key, key, "percent", "page"), raw))
    )


def whole(low: int, high: int, optional: bool = False, as_int: bool = False) -> Kind:
    """A whole number from ``low`` to ``high``, held as text (or as an int for a number box
    that owns its key)."""

    def parse(raw: str, key: str) -> object:
        value = _finite(raw, key)
        if not low <= value <= high:
            raise InvalidInputError(key, f"is not between {low} and {high}")
        if value != value.to_integral_value():
            raise InvalidInputError(key, "must be a whole number")
        return int(value) if as_int else str(int(value))

    kind = Kind(lambda value: str(int(str(value))), parse)
    return _optional(kind) if optional else kind


def _finite(raw: str, key: str) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except ArithmeticError:
        raise InvalidInputError(key, "is not a number") from None
    if not value.is_finite():
        raise InvalidInputError(key, "is not a number")
    return value


def number(low: float, high: float) -> Kind:
    """A decimal number from ``low`` to ``high`` held as a float (a number box's own key)."""

    def parse(raw: str, key: str) -> object:
        value = _finite(raw, key)
        if not Decimal(str(low)) <= value <= Decimal(str(high)):
            raise InvalidInputError(key, f"is not between {low:g} and {high:g}")
        return float(value)

    return Kind(_compact, parse)


def day(low: date, high: date, optional: bool = False, as_date: bool = False) -> Kind:
    """A date written YYYY-MM-DD from ``low`` to ``high``, held as ISO text (or as a date for
    a date picker that owns its key)."""

    def text(value: object) -> str:
        return value.isoformat() if isinstance(value, date) else str(value)

    def parse(raw: str, key: str) -> object:
        try:
            chosen = date.fromisoformat(raw.strip())
        except ValueError:
            raise InvalidInputError(key, "is not a date written YYYY-MM-DD") from None
        if not low <= chosen <= high:
            raise InvalidInputError(key, f"is not between {low.year} and {high.year}")
        return chosen if as_date else chosen.isoformat()

    kind = Kind(text, parse)
    return _optional(kind) if optional else kind


def choice(options: Iterable[object]) -> Kind:
    """One of a fixed set of choices, held as text."""
    allowed = frozenset(str(option) for option in options)

    def parse(raw: str, key: str) -> object:
        if raw not in allowed:
            raise InvalidInputError(key, "is not one of its choices")
        return raw

    return Kind(str, parse)


#: A toggle held as "yes" or "no".
yes_no = choice(("yes", "no"))


def span(high: float) -> Kind:
    """A low-high range of two sliders' ends, written ``low~high``, held as two floats."""

    def text(value: object) -> str:
        ends = tuple(value) if isinstance(value, (tuple, list)) else ()
        return "~".join(_compact(end) for end in ends)

    def parse(raw: str, key: str) -> object:
        ends = raw.split("~")
        if len(ends) != 2:
            raise InvalidInputError(key, "is not a range written low~high")
        low, top = (_finite(end, key) for end in ends)
        if not 0 <= low <= top <= Decimal(str(high)):
            raise InvalidInputError(key, f"is not a range from 0 to {high:g}")
        return (float(low), float(top))

    return Kind(text, parse)


_FIELDS: dict[str, Field] = {}


def register(fields: Sequence[Field]) -> None:
    """Keep these fields in the link (``app.py`` registers each menu folder's list)."""
    for field in fields:
        _FIELDS[field.key] = field


def page_keys() -> frozenset[str]:
    """Every page input a link may hold."""
    return frozenset(_FIELDS)


def page_params(state: State) -> dict[str, str]:
    """The page inputs set in this session that differ from where their page starts them."""
    params: dict[str, str] = {}
    for key, field in _FIELDS.items():
        if key not in state:
            continue
        current = _text(field, state[key])
        if current is not None and current != _text(field, field.default(state)):
            params[key] = current
    return params


def _text(field: Field, value: object) -> str | None:
    """The value as the link writes it; None where it has no such form (no default yet)."""
    try:
        return field.kind.text(value)
    except (ArithmeticError, ValueError, TypeError):
        return None


def load_page_params(state: State, params: Mapping[str, str]) -> list[str]:
    """Set every page input the parameters name, each checked on its own; return the names of
    those that were refused (they keep their defaults). Other names are left alone."""
    refused = []
    for key, raw in params.items():
        field = _FIELDS.get(key)
        if field is None:
            continue
        try:
            state[key] = field.kind.parse(raw, key)
        except InvalidInputError:
            refused.append(key)
    return refused

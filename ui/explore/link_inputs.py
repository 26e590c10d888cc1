"""The explore pages' inputs in the link: Over time (``t_``) and Break-even and odds (``o_``).

Registered by ``app.py`` (:mod:`ui.kit.page_link`); each default is where the page
starts the input, so only what the user changed is written.
"""

from __future__ import annotations

from datetime import date

from deficiency import (
    ILLUSTRATIVE_CAR_FIRST_YEAR_DROP,
    ILLUSTRATIVE_CAR_LATER_YEARLY_DROP,
    PriceDistribution,
)
from ui.explore import odds, over_time
from ui.kit.page_link import (
    Default,
    Field,
    Kind,
    choice,
    constant,
    day,
    money,
    number,
    percent,
    span,
    whole,
)
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.kit.state import State, values

_SIDES = choice(("m", "c"))


def _scenario_figure(side: Side, name: str) -> Default:
    """Starts at the side's scenario figure ``name``, as the page does on first use."""
    return lambda state: values(state, side)[name]


def _over_time(side: Side) -> list[Field]:
    starts = over_time.DEFAULTS[side.prefix]
    principal = _scenario_figure(side, "unpaid_principal")

    def field(name: str, kind: Kind, default: Default) -> Field:
        return Field(over_time.key(side, name), kind, default)

    fields = [
        field("loan", money(), principal),
        field("rate", percent(), constant(starts.rate)),
        field("term", whole(0, 1200), constant(str(starts.term))),
        field(
            "start", day(date(1970, 1, 1), date(2075, 12, 31), as_date=True), constant(starts.start)
        ),
        field("payments", whole(0, 1200), constant(str(starts.payments))),
        field("price", money(), principal),
        field("months", whole(0, 600), constant(str(starts.months))),
        field("late_fee", money(), constant(starts.late_fee)),
    ]
    if side is MORTGAGE:
        fields.append(field("change", number(-99.0, 100.0), constant(float(starts.change))))
        fields.append(field("escrow", money(), constant(starts.escrow)))
    else:
        fields.append(field("drop1", percent(), constant(str(ILLUSTRATIVE_CAR_FIRST_YEAR_DROP))))
        fields.append(field("drop2", percent(), constant(str(ILLUSTRATIVE_CAR_LATER_YEARLY_DROP))))
    return fields


def _range(side: Side, name: str) -> Field:
    maximum = odds.range_max(side, name)

    def default(state: State) -> object:
        return odds.clamped(odds.range_start(side, name, values(state, side)), maximum)

    stored = name if name in ("prices", "fees") else f"{name}_range"
    return Field(odds.key(side, stored), span(maximum), default)


def _odds(side: Side) -> list[Field]:
    tested = odds.TORNADO_FIELDS[side.prefix]
    return [
        _range(side, "prices"),
        _range(side, "fees"),
        Field(odds.key(side, "tornado_field"), choice(tested), constant(tested[0])),
        *(_range(side, name) for name in tested),
        Field(odds.key(side, "expected"), money(), _scenario_figure(side, "sale_price")),
        Field(odds.key(side, "spread"), percent(), constant(odds.DEFAULT_SPREAD[side.prefix])),
    ]


#: Every input of Over time and of Break-even and odds.
EXPLORE_INPUTS: tuple[Field, ...] = (
    Field(over_time.SIDE_KEY, _SIDES, constant("m")),
    *_over_time(MORTGAGE),
    *_over_time(CAR),
    Field(odds.SIDE_KEY, _SIDES, constant("m")),
    Field(odds.STEPS_KEY, whole(2, 500, as_int=True), constant(odds.DEFAULT_STEPS)),
    Field(odds.SEED_KEY, whole(0, 2**32 - 1, as_int=True), constant(odds.DEFAULT_SEED)),
    Field(
        odds.DISTRIBUTION_KEY,
        choice(item.value for item in PriceDistribution),
        constant(PriceDistribution.LOGNORMAL.value),
    ),
    *_odds(MORTGAGE),
    *_odds(CAR),
)

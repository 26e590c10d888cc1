"""Sections of the "Break-even and odds" page: break-even, heat map, tornado and Monte Carlo.

Keys start with ``o_`` (``o_m_price_low``, ``o_c_sale_price_high``, ``o_seed``). The
scenario itself is the one on the Compare, Mortgage and Car pages; this page only
adds the ranges and the spread it explores.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import streamlit as st

from deficiency import (
    SPREAD_FIELD,
    AutoExit,
    FieldInfo,
    MortgageExit,
    PriceDistribution,
    current_language,
    exit_fields,
    format_usd,
    scenario_fields,
)
from ui.explore.inputs import CheckedSlots, ErrorSlots, collateral
from ui.explore.odds_charts import (
    break_even_figure,
    break_even_takeaway,
    heat_map_figure,
    heat_map_takeaway,
    histogram_figure,
    histogram_takeaway,
    tornado_figure,
    tornado_takeaway,
)
from ui.explore.odds_compute import (
    GRID_STEPS,
    HeatMap,
    Pairs,
    Simulation,
    break_even,
    default_band,
    heat_map,
    simulation,
    tornado_rows,
)
from ui.kit.callbacks import on_change, widget_value
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.i18n import N_, _, pgettext
from ui.kit.inputs import COLUMN_GAP, choice_input, money_spec, percent_spec
from ui.kit.link import writes_link
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.kit.state import WIDGET, ensure, values

SIDE_KEY = "o_side"
STEPS_KEY = "o_steps"
SEED_KEY = "o_seed"
DISTRIBUTION_KEY = "o_distribution"
DEFAULT_STEPS = 120
DEFAULT_SEED = 2024
#: Illustrative spread of the sale price (coefficient of variation, %): a house sells
#: nearer its appraisal than a car sells at auction. An assumption, not a statistic.
DEFAULT_SPREAD = {"m": "10", "c": "15"}
#: The package's name of the spread input (``SPREAD_FIELD``), marked for the app's catalog:
#: the control shows it, and an error naming it is matched to its slot.
SPREAD_LABEL = N_("Price spread (%)")
assert SPREAD_LABEL == SPREAD_FIELD
#: The package's names of the heat map's ranges in its errors, marked for the catalog.
RANGE_FIELDS = (N_("Heat map sale prices"), N_("Heat map fees"))
#: How the price distributions are named on the page.
DISTRIBUTIONS = {"lognormal": N_("Lognormal"), "normal": N_("Normal")}

#: The inputs the tornado moves, by side.
TORNADO_FIELDS = {
    "m": ("unpaid_principal", "sale_price", "accrued_interest", "commission_rate", "attorney_fees"),
    "c": (
        "unpaid_principal",
        "sale_price",
        "accrued_interest",
        "retaking_fee",
        "auction_fee",
        "reconditioning",
    ),
}
#: Illustrative high ends for inputs that are $0 in the scenario (low end $0).
ZERO_HIGHS = {
    "unpaid_principal": {"m": "250000", "c": "20000"},
    "sale_price": {"m": "250000", "c": "15000"},
    "accrued_interest": {"m": "15000", "c": "600"},
    "commission_rate": {"m": "6", "c": "6"},
    "attorney_fees": {"m": "5000", "c": "1000"},
    "retaking_fee": {"m": "0", "c": "500"},
    "auction_fee": {"m": "0", "c": "500"},
    "reconditioning": {"m": "0", "c": "1000"},
}


def key(side: Side, name: str) -> str:
    """``o_<side>_<name>``: a state key of this page."""
    return f"o_{side.prefix}_{name}"


def scenario(side: Side) -> tuple[Pairs, str]:
    """The side's current scenario as a cache key, and its exit."""
    return tuple(sorted(values(st.session_state, side).items())), str(
        st.session_state[side.exit_key]
    )


def page_side() -> Side:
    """The scenario the lower sections explore."""
    ensure(st.session_state, SIDE_KEY, "m")
    chosen = choice_input(
        SIDE_KEY,
        pgettext("explore", "Explore"),
        (("m", _("The mortgage scenario")), ("c", _("The car scenario"))),
    )
    return MORTGAGE if chosen == "m" else CAR


def break_even_panel(side: Side) -> None:
    """The side's break-even price as a metric, on its curve, with a one-line reading."""
    inputs, exit = scenario(side)
    slots = ErrorSlots()
    slot = st.container()
    result = slots.keep_last_good(
        key(side, "break_even"), lambda: break_even(side.kind, inputs, exit), slot
    )
    if result is None:
        return
    exit_label = _exit_label(side, exit).lower()
    thing = collateral(side)
    price = pgettext("price", "none") if result.price is None else format_usd(result.price)
    with slot:
        if side is MORTGAGE:
            card = _("Mortgage: break-even sale price ({exit})").format(exit=exit_label)
            cards = _("Mortgage: break-even")
        else:
            card = _("Car loan: break-even sale price ({exit})").format(exit=exit_label)
            cards = _("Car loan: break-even")
        show_cards([Card(card, price)], cards)
        show_chart(
            break_even_figure(
                result,
                thing,
                _("Deficiency by sale price of {collateral}").format(collateral=thing),
            ),
            key=key(side, "break_even_chart"),
            alt=break_even_takeaway(result, thing),
        )
        st.caption(break_even_takeaway(result, thing))


def _exit_label(side: Side, exit: str) -> str:
    """The exit's name in the reader's language (the package's enum names it)."""
    try:
        return (MortgageExit(exit) if side is MORTGAGE else AutoExit(exit)).label
    except ValueError:  # not one of the enum's: the side's own list names it
        return dict(side.exits)[exit]


def clamped(default: tuple[str, str], maximum: float) -> tuple[float, float]:
    """A range's two ends as the slider holds them, neither past its maximum."""
    low, high = (min(float(end), maximum) for end in default)
    return low, high


def money_range(side: Side) -> tuple[float, float]:
    """The sale-price sliders' maximum and step on this side."""
    return (1_000_000.0, 1_000.0) if side is MORTGAGE else (100_000.0, 100.0)


def range_max(side: Side, name: str) -> float:
    """The slider's maximum of the range ``name`` ("prices", "fees" or a tornado field)."""
    slider_max, _step = money_range(side)
    if name == "prices":
        return slider_max
    if name == "fees":
        return slider_max / 5
    info = next(info for info in scenario_fields(side.kind) if info.name == name)
    return side.spec(info).slider_max


def range_start(side: Side, name: str, flat: Mapping[str, str]) -> tuple[str, str]:
    """Where the range ``name`` starts for the scenario ``flat`` (before :func:`clamped`)."""
    if name == "prices":
        return default_band(Decimal(flat["sale_price"]), 50, 150)
    if name == "fees":
        return default_band(Decimal(flat["unpaid_principal"]), 0, 20)
    return _default_range(side, name, flat[name])


@on_change
def _range_changed(name: str, changed: Callable[[], None] | None) -> None:
    st.session_state[name] = tuple(widget_value(name + WIDGET))
    if changed is not None:
        changed()


def range_slider(
    name: str,
    label: str,
    default: tuple[str, str],
    maximum: float,
    step: float,
    kind: str,
    help: str,
    changed: Callable[[], None] | None = None,
) -> tuple[str, str]:
    """One two-ended slider for a low-high range; returns both ends as exact text.

    The range is kept under ``name`` (it survives page switches and other ranges being
    edited); the slider itself uses ``name + "__widget"`` and writes back on change, then
    calls ``changed`` (say, to redraw a region; without it, what encloses the slider reruns).
    """
    state = st.session_state
    if name not in state:
        state[name] = clamped(default, maximum)
    state[name + WIDGET] = state[name]
    st.slider(
        label,
        min_value=0.0,
        max_value=maximum,
        step=step,
        format="dollar" if kind == "money" else "%.1f%%",
        key=name + WIDGET,
        on_change=_range_changed,
        args=(name, changed),
        help=help,
    )
    return range_text(name)


def range_text(name: str) -> tuple[str, str]:
    """The range kept under ``name`` as exact text, both ends to the cent."""
    low, high = st.session_state[name]
    return f"{low:.2f}", f"{high:.2f}"


#: The heat map's result region: a change of its inputs redraws it and the slots it touches.
HEAT_MAP = "o_heat_map"


def _heat_map(side: Side) -> HeatMap:
    """The heat map for the ranges and grid size in session state (cached by its arguments)."""
    inputs, exit = scenario(side)
    return heat_map(
        side.kind,
        inputs,
        exit,
        range_text(key(side, "prices")),
        range_text(key(side, "fees")),
        int(st.session_state[STEPS_KEY]),
    )


def heat_map_slots(side: Side) -> CheckedSlots:
    """The error slots of the heat map's inputs: a change redraws the map and the slots."""

    return CheckedSlots.computing(key(side, "heat"), lambda: _heat_map(side), (HEAT_MAP,))


def heat_map_inputs(side: Side, slots: CheckedSlots) -> None:
    """The price and fee ranges and the grid size.

    None of them is in a region: a move redraws its own slider, the heat map and the
    slots it touches, not the other inputs.
    """
    flat = dict(scenario(side)[0])
    _slider_max, step = money_range(side)
    state = st.session_state
    # Every input holds a value before the first error slot checks them all.
    for name in ("prices", "fees"):
        range_key = key(side, name)
        if range_key not in state:
            state[range_key] = clamped(range_start(side, name, flat), range_max(side, name))
    if STEPS_KEY not in state:
        state[STEPS_KEY] = DEFAULT_STEPS
    range_slider(
        key(side, "prices"),
        _("Sale prices shown"),
        range_start(side, "prices", flat),
        range_max(side, "prices"),
        step,
        "money",
        _("The sale-price axis; starts at half to one and a half times the scenario's price."),
        slots.changed,
    )
    slots.add(_(RANGE_FIELDS[0]))
    range_slider(
        key(side, "fees"),
        _("Total fees shown"),
        range_start(side, "fees", flat),
        range_max(side, "fees"),
        step / 10,
        "money",
        _(
            "The fee axis: every cost the lender adds, in total; starts at $0 to {share} of "
            "the loan."
        ).format(share="20%"),
        slots.changed,
    )
    slots.add(_(RANGE_FIELDS[1]))
    st.number_input(
        _(GRID_STEPS),
        key=STEPS_KEY,
        step=20,
        help=_("Cells along each axis; up to 500 (250,000 cells) can be drawn."),
        persist_state="session",
        on_change=slots.changed,
    )
    slots.add(_(GRID_STEPS))


def heat_map_result(side: Side, slots: CheckedSlots) -> None:
    """Region: the heat map of the deficiency over sale price and total fees."""
    chart_slot = st.container()
    result = slots.keep_last_good(key(side, "heat"), lambda: _heat_map(side), chart_slot)
    if result is None:
        return
    with chart_slot:
        show_chart(
            heat_map_figure(result, _("Deficiency by sale price and total fees")),
            key=key(side, "heat_chart"),
            alt=heat_map_takeaway(result),
        )
        st.caption(heat_map_takeaway(result))


def _tornado_infos(side: Side, exit: str) -> dict[str, FieldInfo]:
    """The tested inputs that count on this exit (a short sale has no foreclosure fees)."""
    infos = {info.name: info for info in exit_fields(side.kind, exit)}
    return {name: infos[name] for name in TORNADO_FIELDS[side.prefix] if name in infos}


def _default_range(side: Side, name: str, current: str) -> tuple[str, str]:
    amount = Decimal(current)
    if amount == 0:
        return "0", ZERO_HIGHS[name][side.prefix]
    return default_band(amount, 80, 120)


@st.fragment
@writes_link
def tornado_section(side: Side) -> None:
    """Low and high of each tested input (one edited at a time) and the tornado chart."""
    inputs, exit = scenario(side)
    flat = dict(inputs)
    infos = _tornado_infos(side, exit)
    state = st.session_state
    slots = ErrorSlots()
    controls, chart_column = st.columns([2, 3], gap=COLUMN_GAP)
    with controls:
        field_key = key(side, "tornado_field")
        if field_key not in state:
            state[field_key] = next(iter(infos))
        chosen = st.selectbox(
            _("Range to set"),
            options=list(infos),
            # Labels read in this run, in its language: a format_func may be called outside it.
            format_func={name: info.label for name, info in infos.items()}.__getitem__,
            key=field_key,
            help=_("Pick an input, then set the low and high ends the chart tests it at."),
            persist_state="session",
        )
        ranges = []
        for name, info in infos.items():
            range_key = key(side, f"{name}_range")
            default = _default_range(side, name, flat[name])
            shape = side.spec(info)
            if name == chosen:
                low, high = range_slider(
                    range_key,
                    _("{input}: low and high ends").format(input=info.label),
                    default,
                    shape.slider_max,
                    shape.step,
                    info.kind,
                    _(
                        "The chart sets this input to each end in turn, all else as in the "
                        "scenario."
                    ),
                )
                slots.add(info.label)
            else:
                if range_key not in state:
                    state[range_key] = clamped(default, shape.slider_max)
                low, high = range_text(range_key)
            ranges.append((name, low, high))
    with chart_column:
        chart_slot = st.container()
        result = slots.keep_last_good(
            key(side, "tornado"),
            lambda: tornado_rows(side.kind, inputs, exit, tuple(ranges), current_language()),
            chart_slot,
        )
        if result is None:
            return
        with chart_slot:
            show_chart(
                tornado_figure(result, _("Which input moves the deficiency most")),
                key=key(side, "tornado_chart"),
                alt=tornado_takeaway(result),
            )
            st.caption(tornado_takeaway(result))
            tested = _("{input} {low} to {high}")
            ranges_tested = "; ".join(
                tested.format(
                    input=row.label,
                    low=_shown(infos[row.field], row.low),
                    high=_shown(infos[row.field], row.high),
                )
                for row in result.rows
            )
            st.caption(_("Ranges tested: {ranges}.").format(ranges=ranges_tested))


def _shown(info: FieldInfo, amount: Decimal) -> str:
    return f"{amount.normalize():f}%" if info.kind == "percent" else format_usd(amount)


#: The odds' result region: a change of its inputs redraws it and the slots it touches.
ODDS = "o_odds"


def _simulate(side: Side) -> Simulation:
    """The Monte Carlo run for the inputs in session state (cached by its arguments)."""
    inputs, exit = scenario(side)
    state = st.session_state
    return simulation(
        side.kind,
        inputs,
        exit,
        str(state[key(side, "expected")]),
        str(state[key(side, "spread")]),
        str(state.get(DISTRIBUTION_KEY) or PriceDistribution.LOGNORMAL.value),
        int(state[SEED_KEY]),
    )


def odds_slots(side: Side) -> CheckedSlots:
    """The error slots of the odds inputs: a change redraws the odds and the slots."""

    return CheckedSlots.computing(key(side, "odds"), lambda: _simulate(side), (ODDS,))


def odds_inputs(side: Side, slots: CheckedSlots) -> None:
    """Expected price, spread, distribution and seed.

    None of them is in a region: a change redraws its own control, the odds and the slots
    it touches, not the other inputs.
    """
    # Every input holds a value before the first error slot checks them all.
    state = st.session_state
    ensure(state, key(side, "expected"), dict(scenario(side)[0])["sale_price"])
    ensure(state, key(side, "spread"), DEFAULT_SPREAD[side.prefix])
    ensure(state, DISTRIBUTION_KEY, PriceDistribution.LOGNORMAL.value)
    if SEED_KEY not in state:
        state[SEED_KEY] = DEFAULT_SEED
    slider_max, step = money_range(side)
    slots.amount(
        money_spec(key(side, "expected"), _("Expected sale price"), slider_max, step),
        None,
        help=_("Starts at the scenario's sale price: for a house, its appraised value."),
    )
    slots.amount(
        percent_spec(key(side, "spread"), _(SPREAD_LABEL), 50.0, 0.5),
        None,
        help=_(
            "How far prices scatter: the standard deviation as a share of the expected "
            "price. Your assumption."
        ),
    )
    st.segmented_control(
        _("Price distribution"),
        options=[item.value for item in PriceDistribution],
        format_func={value: _(name) for value, name in DISTRIBUTIONS.items()}.__getitem__,
        key=DISTRIBUTION_KEY,
        wrap=True,
        persist_state="session",
        on_change=slots.changed,
        help=_(
            "Lognormal never goes below $0 and is skewed like real prices; normal is "
            "symmetric (clamped at $0)."
        ),
    )
    st.number_input(
        _("Random seed"),
        key=SEED_KEY,
        min_value=0,
        max_value=2**32 - 1,
        step=1,
        help=_("The same seed gives the same 100,000 draws."),
        persist_state="session",
        on_change=slots.changed,
    )
    st.info(
        _(
            "The spread is an assumption you set, not a forecast: nobody knows in advance what "
            "the sale will bring. Try a few spreads to see how much the odds depend on it."
        ),
        icon=":material/info:",
    )


def odds_result(side: Side, slots: CheckedSlots) -> None:
    """Region: the chance of a deficiency, its median and 90th percentile, the histogram."""
    chart_slot = st.container()
    result = slots.keep_last_good(key(side, "odds"), lambda: _simulate(side), chart_slot)
    if result is None:
        return
    with chart_slot:
        show_cards(
            [
                Card(_("Chance of a deficiency"), f"{result.probability:.1%}"),
                Card(_("Median deficiency"), format_usd(result.median)),
                Card(_("90th percentile"), format_usd(result.p90)),
            ],
            _("Mortgage: the odds") if side is MORTGAGE else _("Car loan: the odds"),
        )
        show_chart(
            histogram_figure(
                result, _("{draws} simulated sale prices").format(draws=f"{result.draws:,}")
            ),
            key=key(side, "odds_chart"),
            alt=histogram_takeaway(result),
        )
        st.caption(histogram_takeaway(result))

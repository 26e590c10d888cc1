"""Figures of the "Break-even and odds" page: break-even curve, heat map, tornado, Monte Carlo.

Pure builders (results in, Plotly figures and sentences out; no Streamlit). Colours
are Okabe-Ito; the break-even price is a dashed vertical line named ``break-even`` on
every chart that has a sale-price axis.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any

import numpy as np
import plotly.graph_objects as go

from deficiency import ZERO, format_usd
from ui.explore.odds_compute import BreakEven, HeatMap, Simulation, Tornado
from ui.kit.figures import (
    DOLLAR_AXIS,
    DOLLAR_FORMAT,
    FIGURE_CHAR_PX,
    base_figure,
    beside_room,
    dollar_room,
)
from ui.kit.i18n import _

OWING = "#D55E00"  # vermillion: a deficiency is left
CLEAR = "#0072B2"  # blue: no deficiency
MARK = "#3B3B3B"  # dark grey: break-even and today's scenario
#: Zero is white; any deficiency starts pale orange and darkens to brown (one hue ramp).
HEAT_SCALE = [[0.0, "#FFFFFF"], [1e-9, "#FDE9C9"], [0.5, "#E69F00"], [1.0, "#7A2E00"]]
MONEY_HOVER = "$%{x:,.2f}"


def break_even_line(
    price: Decimal | None, prices: tuple[float, float], label: str | None = None
) -> dict[str, Any]:
    """The dashed vertical line at the break-even price and its label, and the price axis's
    range, as layout entries.

    The range is set from ``prices`` (widened to the line): left to itself, Plotly widened
    the axis until the label fitted beside the line, so on a phone the curve took half the
    chart and empty prices up to $700,000 the rest. The label sits on the roomier side.
    """
    label = _("Break-even") if label is None else label
    low, high = prices
    if price is None:
        return {"shapes": [], "annotations": [], "xaxis": {"range": [low, high]}}
    x = float(price)
    if not low <= x <= high:
        pad = (max(high, x) - min(low, x)) * 0.03
        low, high = min(low, x - pad), max(high, x + pad)
    return {
        "xaxis": {"range": [low, high]},
        "shapes": [
            {
                "type": "line",
                "name": "break-even",
                "xref": "x",
                "yref": "paper",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"color": MARK, "width": 2, "dash": "dash"},
            }
        ],
        "annotations": [
            {
                "x": x,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                # Two short lines, so the label fits beside the line on a phone.
                "text": f"{label}<br>{format_usd(price)}",
                "showarrow": False,
                "xanchor": "right" if x - low > high - x else "left",
                "yanchor": "top",
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        ],
    }


def break_even_figure(result: BreakEven, collateral: str, title: str) -> go.Figure:
    """The deficiency across sale prices, the break-even price and today's sale price marked."""
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": _("Deficiency"),
            "x": result.prices,
            "y": result.deficiency,
            "line": {"color": OWING, "width": 3},
            # Translators: Plotly's hover text; keep every %{...} as it is.
            "hovertemplate": _("Sale price $%{x:,.2f}<br>Deficiency $%{y:,.2f}<extra></extra>"),
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": _("Today's sale price"),
            "x": [float(result.sale_price)],
            "y": [float(result.deficiency_at_sale)],
            "marker": {"color": CLEAR, "size": 13, "symbol": "circle"},
            # Translators: Plotly's hover text; keep every %{{...}} as it is.
            "hovertemplate": _(
                "Today's sale price of {collateral}: $%{{x:,.2f}}"
                "<br>Deficiency $%{{y:,.2f}}<extra></extra>"
            ).format(collateral=collateral),
        },
    ]
    marks = break_even_line(result.price, (0.0, float(result.prices[-1])))
    for label in marks["annotations"]:
        # Right of the line, where the deficiency is $0: on the left the label would sit on
        # the curve's peak, which a phone's narrow plot brings right under it. Whole dollars,
        # rounded up to a price that clears the debt, keep it inside the third of the axis
        # past the line (the axis runs to 1.5 times the break-even or more).
        label["xanchor"] = "left"
        price = (result.price or ZERO).to_integral_value(rounding=ROUND_CEILING)
        label["text"] = _("Break-even<br>{price}").format(price=format_usd(price, cents=False))
    layout = {
        **marks,
        "xaxis": {**DOLLAR_AXIS, "title": {"text": _("Sale price")}, **marks["xaxis"]},
        "yaxis": {**DOLLAR_AXIS, "title": {"text": _("Deficiency")}, "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.25, "x": 0},
        # Below: the prices, their title, then the legend (measured).
        "margin": {"l": dollar_room(*result.deficiency, titled=True), "b": 89},
    }
    return base_figure(data, layout, title, height=330)


def break_even_takeaway(result: BreakEven, collateral: str) -> str:
    """One line: the lowest price with nothing left owing, against today's price."""
    if result.price is None:
        return _(
            "No sale price of {collateral} clears the debt: the costs take the whole price."
        ).format(collateral=collateral)
    if result.deficiency_at_sale > 0:
        return _(
            "{collateral} must sell for at least {price} to leave nothing owing; at today's "
            "{today} the deficiency is {deficiency}."
        ).format(
            collateral=collateral.capitalize(),
            price=format_usd(result.price),
            today=format_usd(result.sale_price),
            deficiency=format_usd(result.deficiency_at_sale),
        )
    return _(
        "{collateral} must sell for at least {price} to leave nothing owing; today's {today} does."
    ).format(
        collateral=collateral.capitalize(),
        price=format_usd(result.price),
        today=format_usd(result.sale_price),
    )


def heat_map_figure(result: HeatMap, title: str) -> go.Figure:
    """Deficiency over sale price x total fees; white where nothing is owed, break-even marked."""
    data: list[dict[str, Any]] = [
        {
            "type": "heatmap",
            "x": result.prices,
            "y": result.fees,
            "z": result.deficiency,
            "colorscale": HEAT_SCALE,
            "zmin": 0,
            # Below the map, across its width: beside it, the bar and its ticks take a third
            # of a phone's width and leave the map about 130 px wide.
            "colorbar": {
                "title": {"text": _("Deficiency"), "side": "top"},
                "tickformat": DOLLAR_FORMAT,
                "nticks": 3,  # level labels on a phone
                "orientation": "h",
                "y": -0.26,
                "yanchor": "top",
                "thickness": 14,
                "len": 1,
                "lenmode": "fraction",
            },
            # Translators: Plotly's hover text; keep every %{...} as it is.
            "hovertemplate": _(
                "Sale price $%{x:,.2f}<br>Total fees $%{y:,.2f}"
                "<br>Deficiency $%{z:,.2f}<extra></extra>"
            ),
        }
    ]
    if result.break_even is not None:
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": _("Break-even at today's fees"),
                "x": [float(result.break_even)],
                "y": [float(result.fees_now)],
                # Two short lines: one long line near the map's edge is cut off on a phone.
                "text": [
                    _("Break-even<br>{price}").format(
                        price=format_usd(result.break_even, cents=False)
                    )
                ],
                "textposition": "top center",
                "cliponaxis": False,
                "marker": {"color": MARK, "size": 13, "symbol": "x"},
                # Translators: Plotly's hover text; keep every %{...} as it is.
                "hovertemplate": _(
                    "Break-even at today's fees: $%{x:,.2f}<br>Total fees $%{y:,.2f}<extra></extra>"
                ),
            }
        )
    layout = {
        # Few ticks: beside the colour bar on a phone, more of them tilt and get cut off.
        "xaxis": {**DOLLAR_AXIS, "title": {"text": _("Sale price")}, "nticks": 5},
        "yaxis": {**DOLLAR_AXIS, "title": {"text": _("Total fees")}},
        "showlegend": False,
        # Below: prices, their title, then the colour bar with its title and ticks (measured).
        # Left: the cells reach half a step past the last fee, so allow a wider top tick.
        "margin": {
            "l": dollar_room(*result.fees, titled=True) + FIGURE_CHAR_PX,
            "b": 156,
            "r": 40,  # half the last price's tick label, which Plotly hides past the edge
        },
    }
    return base_figure(data, layout, title, height=500)


def heat_map_takeaway(result: HeatMap) -> str:
    """One line: the range of deficiencies on the map and the break-even at today's fees."""
    worst = format_usd(result.worst)
    fees = format_usd(result.fees_now)
    if result.break_even is None:
        return _(
            "Deficiencies up to {worst}; no price clears the debt at today's fees of {fees}."
        ).format(worst=worst, fees=fees)
    return _(
        "Deficiencies range up to {worst} (darkest corner: lowest price, highest fees); at "
        "today's fees of {fees} a sale needs at least {price} to leave nothing owing."
    ).format(worst=worst, fees=fees, price=format_usd(result.break_even))


def tornado_figure(result: Tornado, title: str) -> go.Figure:
    """Each input alone from its low to its high: a bar from today's deficiency to each end."""
    labels = [row.label for row in result.rows]
    base = float(result.baseline)
    data: list[dict[str, Any]] = []
    for end, name, hover, colour in (
        (
            "low",
            _("Input at its low"),
            # Translators: Plotly's hover text; keep every %{...} as it is.
            _("%{y} at its low (%{customdata})<br>Deficiency $%{x:,.2f}<extra></extra>"),
            CLEAR,
        ),
        (
            "high",
            _("Input at its high"),
            # Translators: Plotly's hover text; keep every %{...} as it is.
            _("%{y} at its high (%{customdata})<br>Deficiency $%{x:,.2f}<extra></extra>"),
            OWING,
        ),
    ):
        x: list[float | None] = []
        y: list[str | None] = []
        for row in result.rows:
            x += [base, float(getattr(row, f"deficiency_at_{end}")), None]
            y += [row.label, row.label, None]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": name,
                "legendgroup": name,
                "x": x,
                "y": y,
                "line": {"color": colour, "width": 22},
                "hoverinfo": "skip",
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "legendgroup": name,
                "showlegend": False,
                "x": [float(getattr(row, f"deficiency_at_{end}")) for row in result.rows],
                "y": labels,
                "customdata": [format_usd(getattr(row, end)) for row in result.rows],
                "marker": {"color": colour, "size": 6, "opacity": 0},
                "hovertemplate": hover,
            }
        )
    layout = {
        "xaxis": {**DOLLAR_AXIS, "title": {"text": _("Deficiency")}, "rangemode": "tozero"},
        "yaxis": {"categoryorder": "array", "categoryarray": labels[::-1], "automargin": True},
        "shapes": [
            {
                "type": "line",
                "name": "baseline",
                "xref": "x",
                "yref": "paper",
                "x0": base,
                "x1": base,
                "y0": 0,
                "y1": 1,
                "line": {"color": MARK, "width": 2, "dash": "dot"},
            }
        ],
        "legend": {"orientation": "h", "y": -0.25, "x": 0},
        # Below: the dollar ticks, their title, then the legend (measured).
        "margin": {"l": beside_room(labels), "b": 110},
    }
    return base_figure(data, layout, title, height=160 + 55 * max(len(labels), 1))


def tornado_takeaway(result: Tornado) -> str:
    """One line: the input that moves the deficiency most, and across what range."""
    if not result.rows:
        return _("No input to test.")
    top = result.rows[0]
    low, high = sorted((top.deficiency_at_low, top.deficiency_at_high))
    return _(
        "{input} moves the deficiency most: from {low} to {high} as it goes from {start} to {end}."
    ).format(
        input=top.label,
        low=format_usd(low),
        high=format_usd(high),
        start=format_usd(top.low),
        end=format_usd(top.high),
    )


def histogram_figure(result: Simulation, title: str) -> go.Figure:
    """Simulated sale prices, split by whether each leaves a deficiency, break-even marked."""
    edges = result.edges
    centres = (edges[:-1] + edges[1:]) / 2  # bar positions on the chart, not money figures
    widths = np.diff(edges)
    data = [
        {
            "type": "bar",
            "name": name,
            "x": centres,
            "y": counts,
            "width": widths,
            "marker": {"color": colour, "line": {"width": 0}},
            # Translators: Plotly's hover text; keep every %{{...}} as it is.
            "hovertemplate": _(
                "{name}<br>Price near $%{{x:,.2f}}: %{{y:,}} draws<extra></extra>"
            ).format(name=name),
        }
        for name, counts, colour in (
            (_("Leaves a deficiency"), result.with_deficiency, OWING),
            (_("No deficiency"), result.without_deficiency, CLEAR),
        )
    ]
    marks = break_even_line(result.break_even, (float(edges[0]), float(edges[-1])))
    layout = {
        **marks,
        "barmode": "stack",
        "bargap": 0,
        "xaxis": {**DOLLAR_AXIS, "title": {"text": _("Simulated sale price")}, **marks["xaxis"]},
        "yaxis": {"title": {"text": _("Simulated sales")}, "gridcolor": "#E4E7EB"},
        "legend": {"orientation": "h", "y": -0.22, "x": 0},
        # Counts are short ("20k"); below: prices, their title, then the legend (measured).
        "margin": {"l": 84, "b": 97, "r": 23},
    }
    return base_figure(data, layout, title, height=400)


def histogram_takeaway(result: Simulation) -> str:
    """One line: the chance of a deficiency, its median and 90th percentile."""
    chance = f"{result.probability:.1%}"
    figures = {
        "chance": chance,
        "draws": f"{result.draws:,}",
        "median": format_usd(result.median),
        "p90": format_usd(result.p90),
    }
    if result.break_even is None:
        return _(
            "In {chance} of {draws} simulated sales the price falls below the no price "
            "break-even and a deficiency is left; the median deficiency is {median} and 1 in "
            "10 sales leaves {p90} or more."
        ).format(**figures)
    return _(
        "In {chance} of {draws} simulated sales the price falls below the {price} break-even "
        "and a deficiency is left; the median deficiency is {median} and 1 in 10 sales "
        "leaves {p90} or more."
    ).format(price=format_usd(result.break_even), **figures)

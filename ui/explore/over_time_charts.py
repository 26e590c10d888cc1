"""Figures of the "Over time" page: balance against value, and the gap by exit after default.

Pure builders (results in, Plotly figures and sentences out; no Streamlit). Colours
are Okabe-Ito and every line also has its own dash pattern, so colour is never the
only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go

from deficiency import EquityRow, UnderwaterSpan, format_usd
from ui.explore.over_time_compute import BalanceView, ExitSeries, GapView
from ui.kit.figures import DOLLAR_AXIS, base_figure, dollar_room

BALANCE = "#D55E00"  # vermillion: what is owed
VALUE = "#0072B2"  # blue: what the collateral is worth
UNDERWATER = "rgba(213, 94, 0, 0.12)"  # vermillion, faint: the upside-down months
MARKER = "#3B3B3B"  # dark grey: the month payments stop
EXIT_STYLES = (
    ("#009E73", "solid", "circle"),  # bluish green
    ("#E69F00", "dash", "square"),  # orange
    ("#CC79A7", "dot", "diamond"),  # reddish purple
)
MONTH_AXIS = {"title": {"text": "Months after the first missed payment"}, "gridcolor": "#E4E7EB"}


def month_label(when: date) -> str:
    """``Jul 2021``: how the page names a month."""
    return when.strftime("%b %Y")


def _span_end(span: UnderwaterSpan, last: date) -> date:
    return span.end_date if span.end_date is not None else last


def spans_sentence(spans: Sequence[UnderwaterSpan], collateral: str) -> str:
    """When the loan is upside down, e.g. "from month 1 (Feb 2024) to month 18 (Sep 2025)"."""
    if not spans:
        return f"The loan balance never rises above {collateral}'s value over the term."
    parts = []
    for span in spans:
        begins = f"from month {span.start} ({month_label(span.start_date)})"
        if span.end is None or span.end_date is None:
            parts.append(f"{begins} to the end of the chart")
        else:
            parts.append(f"{begins} until month {span.end} ({month_label(span.end_date)})")
    return f"Upside down {' and '.join(parts)}: the loan is above {collateral}'s value."


#: The legend's name for a shaded band of months when the loan is above the value.
UPSIDE_DOWN = "Upside down"


def _month_line(
    name: str, rows: Sequence[EquityRow], figure: str, line: dict[str, Any]
) -> dict[str, Any]:
    """One line of the balance chart: ``figure`` ("balance" or "value") of ``rows`` by date."""
    return {
        "type": "scatter",
        "mode": "lines",
        "name": name,
        "x": [row.date.isoformat() for row in rows],
        "y": [float(getattr(row, figure)) for row in rows],
        "customdata": [row.month for row in rows],
        "line": line,
        "hovertemplate": (
            "Month %{customdata} (%{x|%b %Y})<br>%{fullData.name}: $%{y:,.2f}<extra></extra>"
        ),
    }


def balance_value_figure(view: BalanceView, collateral: str, title: str) -> go.Figure:
    """Loan balance and collateral value by month from origination, upside-down months shaded.

    Each shaded band runs from the first upside-down month to the month equity
    returns (or the last month shown); a dotted rule marks the month payments stop, and
    the balance after it is the schedule had payments gone on, dotted.
    """
    # The schedule after the last payment is what the balance would have been, not what is
    # owed: it is drawn apart, dotted, so the falling line does not read as a debt paid down.
    paid = [row for row in view.rows if row.month <= view.at_default.month]
    unpaid = [row for row in view.rows if row.month >= view.at_default.month]
    data: list[dict[str, Any]] = [
        _month_line("Loan balance", paid, "balance", {"color": BALANCE, "width": 3}),
        _month_line(
            f"Value of {collateral}",
            view.rows,
            "value",
            {"color": VALUE, "width": 3, "dash": "dash"},
        ),
        _month_line(
            "If payments had gone on",
            unpaid,
            "balance",
            {"color": BALANCE, "width": 2, "dash": "dot"},
        ),
    ]
    last = view.rows[-1].date
    shapes: list[dict[str, Any]] = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": span.start_date.isoformat(),
            "x1": _span_end(span, last).isoformat(),
            "y0": 0,
            "y1": 1,
            "fillcolor": UNDERWATER,
            "line": {"width": 0},
            "layer": "below",
            "name": UPSIDE_DOWN,
            # Named in the legend, not by a label on the band: the lines start at the
            # band's top corner, and a label there hid them.
            "showlegend": index == 0,
            "legendgroup": "upside-down",
        }
        for index, span in enumerate(view.spans)
    ]
    stop = view.at_default.date.isoformat()
    shapes.append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": stop,
            "x1": stop,
            "y0": 0,
            "y1": 1,
            "line": {"color": MARKER, "width": 2, "dash": "dot"},
            "name": "default",
        }
    )
    # In the later half of the loan the words lean left, so they stay on a phone's screen.
    late = view.at_default.date > view.rows[0].date + (last - view.rows[0].date) / 2
    annotations: list[dict[str, Any]] = [
        {
            "x": stop,
            "y": 0.02,
            "xref": "x",
            "yref": "paper",
            "text": f"Payments stop after {view.at_default.month} payments",
            "showarrow": False,
            "xanchor": "right" if late else "left",
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.8)",
        }
    ]
    layout = {
        "xaxis": {"type": "date", "gridcolor": "#E4E7EB"},
        "yaxis": {**DOLLAR_AXIS, "rangemode": "tozero"},
        "shapes": shapes,
        "annotations": annotations,
        "hovermode": "x unified",
        "legend": {"orientation": "h", "y": -0.12, "x": 0},
        # Below: the dates, then the legend (measured, as in ui.kit.figures.EDGE_PX's note).
        "margin": {
            "l": dollar_room(*(max(row.balance, row.value) for row in view.rows)),
            "b": 74,
        },
    }
    return base_figure(data, layout, title, height=420)


def balance_value_alt(view: BalanceView, collateral: str) -> str:
    """The chart's takeaway: when the loan is upside down, and the gap when payments stop."""
    row = view.at_default
    return (
        f"{spans_sentence(view.spans, collateral)} After {row.month} payments "
        f"({month_label(row.date)}) the balance is {format_usd(row.balance)} against a value "
        f"of {format_usd(row.value)}."
    )


def gap_figure(view: GapView, title: str) -> go.Figure:
    """The deficiency by month of sale after default, one line per exit, typical months marked."""
    data: list[dict[str, Any]] = []
    for series, (colour, dash, symbol) in zip(view.series, EXIT_STYLES, strict=False):
        rows = series.through(view.months)
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": series.label,
                "legendgroup": series.label,
                "x": [row.month for row in rows],
                "y": [float(row.deficiency) for row in rows],
                "customdata": [month_label(row.date) for row in rows],
                "line": {"color": colour, "width": 3, "dash": dash},
                "hovertemplate": (
                    f"{series.label}<br>Sold in month %{{x}} (%{{customdata}})"
                    "<br>Deficiency: $%{y:,.2f}<extra></extra>"
                ),
            }
        )
        if series.typical_month <= view.months:
            typical = series.typical
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": f"{series.label}: typical month",
                    "legendgroup": series.label,
                    "showlegend": False,
                    "x": [typical.month],
                    "y": [float(typical.deficiency)],
                    "cliponaxis": False,
                    "marker": {
                        "color": colour,
                        "size": 14,
                        "symbol": symbol,
                        "line": {"color": "white", "width": 2},
                    },
                    "hovertemplate": (
                        f"{series.label}, typical month of sale %{{x}}"
                        "<br>Deficiency: $%{y:,.2f}<extra></extra>"
                    ),
                }
            )
    layout = {
        "xaxis": {**MONTH_AXIS, "range": [0, max(view.months, 1)], "dtick": _tick(view.months)},
        "yaxis": {**DOLLAR_AXIS, "rangemode": "tozero", "title": {"text": "Deficiency"}},
        "legend": {"orientation": "h", "y": -0.2, "x": 0},
        # Below: the months, their title and the legend; right: the last month's label.
        "margin": {
            "l": dollar_room(*(trace_y for trace in data for trace_y in trace["y"]), titled=True),
            "b": 93,
            "r": 21,
        },
    }
    return base_figure(data, layout, title, height=400)


def _tick(months: int) -> int:
    return 1 if months <= 12 else 3 if months <= 36 else 12


def _fastest_first(series: Sequence[ExitSeries]) -> list[ExitSeries]:
    return sorted(series, key=lambda item: item.typical_month)


def gap_takeaway(view: GapView) -> str:
    """One line: each exit at its typical month, and whether the fastest leaves the least."""
    ordered = _fastest_first(view.series)
    parts = [
        f"{item.label.lower()} in month {item.typical_month} leaves "
        f"{format_usd(item.typical.deficiency, cents=False)}"
        for item in ordered
    ]
    least = min(ordered, key=lambda item: item.typical.deficiency)
    if least is ordered[0]:
        verdict = f"the fastest exit, {least.label.lower()}, leaves the least"
    else:
        verdict = f"here {least.label.lower()} leaves the least"
    sentence = "; ".join(parts)
    return f"At their typical timelines, {sentence}: {verdict}."


def gap_alt(view: GapView) -> str:
    """The chart's takeaway and each exit's deficiency at the month chosen on the slider."""
    at_month = "; ".join(
        f"{item.label.lower()} {format_usd(item.through(view.months)[-1].deficiency)}"
        for item in view.series
    )
    return (
        f"Deficiency grows every month the sale waits. Sold in month {view.months}: "
        f"{at_month}. {gap_takeaway(view)}"
    )

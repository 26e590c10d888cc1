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
from babel.dates import format_date

from deficiency import ENGLISH, LOCALES, EquityRow, UnderwaterSpan, current_language, format_usd
from ui.explore.over_time_compute import BalanceView, ExitSeries, GapView
from ui.kit.figures import DOLLAR_AXIS, base_figure, dollar_room
from ui.kit.i18n import N_, _, ngettext

BALANCE = "#D55E00"  # vermillion: what is owed
VALUE = "#0072B2"  # blue: what the collateral is worth
UNDERWATER = "rgba(213, 94, 0, 0.12)"  # vermillion, faint: the upside-down months
MARKER = "#3B3B3B"  # dark grey: the month payments stop
EXIT_STYLES = (
    ("#009E73", "solid", "circle"),  # bluish green
    ("#E69F00", "dash", "square"),  # orange
    ("#CC79A7", "dot", "diamond"),  # reddish purple
)
MONTH_AXIS_TITLE = N_("Months after the first missed payment")


def month_axis() -> dict[str, Any]:
    """The months-after-default axis, titled in the reader's language."""
    return {"title": {"text": _(MONTH_AXIS_TITLE)}, "gridcolor": "#E4E7EB"}


def _date_axis() -> dict[str, Any]:
    """The balance chart's date axis. The browser names months in English (Plotly's own
    month names), so another language reads its ticks as numbers: 07/2021."""
    axis: dict[str, Any] = {"type": "date", "gridcolor": "#E4E7EB"}
    if current_language() != ENGLISH:
        axis["tickformat"] = "%m/%Y"
    return axis


def month_label(when: date) -> str:
    """``Jul 2021``: how the page names a month (``jul 2021`` in Spanish).

    >>> month_label(date(2021, 7, 1))
    'Jul 2021'
    """
    return format_date(when, "MMM y", locale=LOCALES[current_language()])


def _span_end(span: UnderwaterSpan, last: date) -> date:
    return span.end_date if span.end_date is not None else last


def spans_sentence(spans: Sequence[UnderwaterSpan], collateral: str) -> str:
    """When the loan is upside down, e.g. "from month 1 (Feb 2024) to month 18 (Sep 2025)"."""
    if not spans:
        return _("The loan balance never rises above {collateral}'s value over the term.").format(
            collateral=collateral
        )
    parts = []
    for span in spans:
        start, start_month = span.start, month_label(span.start_date)
        if span.end is None or span.end_date is None:
            parts.append(
                _("from month {start} ({start_month}) to the end of the chart").format(
                    start=start, start_month=start_month
                )
            )
        else:
            parts.append(
                _("from month {start} ({start_month}) until month {end} ({end_month})").format(
                    start=start,
                    start_month=start_month,
                    end=span.end,
                    end_month=month_label(span.end_date),
                )
            )
    # Translators: {spans} lists periods ("from month 1 (Feb 2024) until month 18 (Sep 2025)"),
    # joined by the word "and".
    return _("Upside down {spans}: the loan is above {collateral}'s value.").format(
        spans=_(" and ").join(parts), collateral=collateral
    )


#: The legend's name for a shaded band of months when the loan is above the value.
UPSIDE_DOWN = N_("Upside down")


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
        # Translators: Plotly's hover text; keep every %{...} as it is. %b %Y is the month
        # and year (the browser names the month in English: %m/%Y reads as 07/2021).
        "hovertemplate": _(
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
        _month_line(_("Loan balance"), paid, "balance", {"color": BALANCE, "width": 3}),
        _month_line(
            _("Value of {collateral}").format(collateral=collateral),
            view.rows,
            "value",
            {"color": VALUE, "width": 3, "dash": "dash"},
        ),
        _month_line(
            _("If payments had gone on"),
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
            "name": _(UPSIDE_DOWN),
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
            "text": ngettext(
                "Payments stop after {count} payment",
                "Payments stop after {count} payments",
                view.at_default.month,
            ).format(count=view.at_default.month),
            "showarrow": False,
            "xanchor": "right" if late else "left",
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.8)",
        }
    ]
    layout = {
        "xaxis": _date_axis(),
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
    after = ngettext(
        "After {count} payment ({month}) the balance is {balance} against a value of {value}.",
        "After {count} payments ({month}) the balance is {balance} against a value of {value}.",
        row.month,
    ).format(
        count=row.month,
        month=month_label(row.date),
        balance=format_usd(row.balance),
        value=format_usd(row.value),
    )
    return f"{spans_sentence(view.spans, collateral)} {after}"


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
                # Translators: Plotly's hover text; keep every %{{...}} as it is.
                "hovertemplate": _(
                    "{exit}<br>Sold in month %{{x}} (%{{customdata}})"
                    "<br>Deficiency: $%{{y:,.2f}}<extra></extra>"
                ).format(exit=series.label),
            }
        )
        if series.typical_month <= view.months:
            typical = series.typical
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": _("{exit}: typical month").format(exit=series.label),
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
                    # Translators: Plotly's hover text; keep every %{{...}} as it is.
                    "hovertemplate": _(
                        "{exit}, typical month of sale %{{x}}"
                        "<br>Deficiency: $%{{y:,.2f}}<extra></extra>"
                    ).format(exit=series.label),
                }
            )
    layout = {
        "xaxis": {**month_axis(), "range": [0, max(view.months, 1)], "dtick": _tick(view.months)},
        "yaxis": {**DOLLAR_AXIS, "rangemode": "tozero", "title": {"text": _("Deficiency")}},
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
    each = _("{exit} in month {month} leaves {amount}")
    parts = [
        each.format(
            exit=item.label.lower(),
            month=item.typical_month,
            amount=format_usd(item.typical.deficiency, cents=False),
        )
        for item in ordered
    ]
    least = min(ordered, key=lambda item: item.typical.deficiency)
    sentence = "; ".join(parts)
    if least is ordered[0]:
        return _(
            "At their typical timelines, {each}: the fastest exit, {exit}, leaves the least."
        ).format(each=sentence, exit=least.label.lower())
    return _("At their typical timelines, {each}: here {exit} leaves the least.").format(
        each=sentence, exit=least.label.lower()
    )


def gap_alt(view: GapView) -> str:
    """The chart's takeaway and each exit's deficiency at the month chosen on the slider."""
    at_month = "; ".join(
        f"{item.label.lower()} {format_usd(item.through(view.months)[-1].deficiency)}"
        for item in view.series
    )
    grows = _("Deficiency grows every month the sale waits. Sold in month {month}: {each}.")
    return f"{grows.format(month=view.months, each=at_month)} {gap_takeaway(view)}"

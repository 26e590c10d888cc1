"""Pure figure builders: results in, Plotly figures and their alt text out (no Streamlit).

Colours are Okabe-Ito (colour-blind safe); every bar also carries its amount as
text, so colour is never the only signal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Any

import plotly.graph_objects as go

from deficiency import N_, ZERO, Outcome, Statement, format_usd
from ui.kit.i18n import _
from ui.kit.text import plotly_text

CHARGE = "#D55E00"  # vermillion: adds to what is owed
CREDIT = "#0072B2"  # blue: reduces what is owed
TOTAL = "#3B3B3B"  # dark grey: starting amount and result
SALE = "#009E73"  # bluish green: covered by the sale
BORROWER = "#E69F00"  # orange: the borrower pays
JUDGMENT = "#CC79A7"  # reddish purple: court costs and fees
CANCELLED = "#56B4E9"  # sky blue: cancelled, the lender absorbs
SURPLUS = "#F0E442"  # yellow: surplus back to the borrower
BARRED = "#7F7F7F"  # grey: state law bars collection

FONT = {"family": "Source Sans Pro, sans-serif", "size": 14, "color": "#1F2933"}


#: Streamlit's page font (its own name for the web font it loads), for chart titles.
HEADING_FONT = '"Source Sans", sans-serif'
GRID = "#E4E7EB"
#: Waterfall connectors and timeline stems: a light grey that stays behind the bars.
STEM = "#9AA5B1"
#: Tick, legend and axis-title text: the theme's text colour at 60 % on white, as
#: Streamlit draws captions (4.9:1 contrast, WCAG AA).
MUTED = "#6D7179"
#: Dollars in the format itself, not as a prefix: a prefix puts the sign after it ("$-100,000").
DOLLAR_FORMAT = "$,.0f"
DOLLAR_AXIS = {"tickformat": DOLLAR_FORMAT, "gridcolor": GRID}

#: The look of Streamlit's chart theme for ``st.plotly_chart``, made explicit because the
#: charts are drawn by ``ui/kit/chart_view.py``: 12 px muted ticks, 12 px legend, a 16 px bold
#: title, light grid and zero lines, labels 8 px off the plot. The label sizes of the
#: room helpers below were fitted to this look. A template only fills what a figure
#: leaves unset.
_AXIS = {
    "tickfont": {"size": 12, "color": MUTED},
    "tickcolor": GRID,
    "gridcolor": GRID,
    "zerolinecolor": GRID,
}
_AXIS_TITLE_FONT = {"size": 14, "color": MUTED}
TEMPLATE = {
    "layout": {
        "title": {
            "font": {
                "family": HEADING_FONT,
                "size": 16,
                "weight": "bold",
                "color": FONT["color"],
            }
        },
        "legend": {"font": {"size": 12, "color": FONT["color"]}},
        "xaxis": {
            **_AXIS,
            "showgrid": False,
            "zeroline": False,
            "title": {"standoff": 20, "font": _AXIS_TITLE_FONT},
        },
        "yaxis": {**_AXIS, "title": {"standoff": 24, "font": _AXIS_TITLE_FONT}},
        "hoverlabel": {"bgcolor": "white", "bordercolor": GRID},
        "margin": {"pad": 8},
    },
    # A heat map's colour bar reads as its third axis: the same ticks and title.
    "data": {
        "heatmap": [
            {"colorbar": {"tickfont": _AXIS["tickfont"], "title": {"font": _AXIS_TITLE_FONT}}}
        ]
    },
}

#: One size for every figure on a waterfall, never below 11 px: Plotly shrinks a figure
#: to its bar's width, so on a phone "$10,000.00" would come out at 9 px beside a 14 px
#: "+$500.00", and a lone first bar's figure at 6 px.
BAR_TEXT = {"uniformtext": {"mode": "show", "minsize": 11}}

#: Characters per line of a chart title and of a category label: Plotly does not wrap
#: text, and on a 390 px phone a longer line is cut off or runs into its neighbour.
TITLE_WIDTH = 40
LABEL_WIDTH = 10


#: Room for labels, given up front so Plotly draws a chart in one pass. Left to
#: ``automargin``, Plotly draws, measures its labels and draws again, on every slider move
#: and first load. The sizes are fitted to those automargin itself chose for the chart
#: font (14 px) at desktop width, rounded up; it stays on, so a longer label, or a legend
#: that wraps on a phone, still gets its room, one redraw later. Per character of a tick
#: label (figures are wider than letters), then the gap to the plot and the page edge:
FIGURE_CHAR_PX = 7
LETTER_PX = 6
EDGE_PX = 15
_FIGURE_CHARS = frozenset("0123456789$,.−-")
#: An axis title beside its tick labels.
AXIS_TITLE_PX = 34
#: One line of tick labels below the plot, and the gap under them.
LINE_PX = 17
BELOW_PX = 16


def dollar_label(amount: float) -> str:
    """A whole-dollar tick label as Plotly writes it, e.g. ``$250,000``."""
    return f"{'−' if amount < 0 else ''}${abs(amount):,.0f}"


def beside_room(labels: Iterable[str], *, titled: bool = False) -> int:
    """Left margin for tick labels (each possibly several ``<br>`` lines) and an axis title."""
    widest = max((_text_px(line) for label in labels for line in label.split("<br>")), default=0)
    return widest + EDGE_PX + (AXIS_TITLE_PX if titled else 0)


def _text_px(text: str) -> int:
    return sum(FIGURE_CHAR_PX if char in _FIGURE_CHARS else LETTER_PX for char in text)


def dollar_room(*amounts: float | Decimal, titled: bool = False) -> int:
    """Left margin for a dollar axis reaching ``amounts``: Plotly pads its range past them."""
    low = min((float(amount) for amount in amounts), default=0.0)
    high = max((float(amount) for amount in amounts), default=0.0)
    return beside_room([dollar_label(low * 1.1), dollar_label(high * 1.1)], titled=titled)


def below_room(lines: int) -> int:
    """Bottom margin for tick labels of ``lines`` lines (no axis title, no legend below)."""
    return LINE_PX * lines + BELOW_PX


def lines_in(labels: Iterable[str]) -> int:
    """The most lines any one label takes."""
    return max((label.count("<br>") + 1 for label in labels), default=1)


def wrap(text: str, width: int) -> str:
    """Break text at spaces into lines of at most ``width`` characters, joined by Plotly's <br>."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def category_axis(labels: Sequence[str]) -> dict[str, Any]:
    """A category x axis whose labels stay level and wrap, so neighbours never overlap."""
    return {
        "tickangle": 0,
        "automargin": True,
        "tickvals": list(labels),
        "ticktext": [wrap(label, LABEL_WIDTH) for label in labels],
    }


#: One scenario's bar in the who-pays figure, the gap under it (its dollar ticks and the
#: next scenario's name), the room below the last one (ticks, then the legend) and where
#: the legend starts under the plot.
OUTCOME_PANEL_PX = 66
OUTCOME_GAP_PX = 66
OUTCOME_BOTTOM_PX = 74
OUTCOME_LEGEND_PX = 32
TITLE_PX = 60
TITLE_LINE_PX = 36


def title_room(title: str) -> int:
    """The top margin a title takes: one line, plus each line it wraps onto."""
    return TITLE_PX + TITLE_LINE_PX * wrap(title, TITLE_WIDTH).count("<br>")


def _figure(
    data: list[dict[str, Any]], layout: dict[str, Any], title: str, height: int
) -> go.Figure:
    """A figure from plain dicts with the shared look.

    The traces are built from already-validated package results, so Plotly's own
    property validation (most of the build time on a slider move) is skipped.
    """
    title_text = wrap(title, TITLE_WIDTH)
    extra = dict(layout)
    margin = {"l": 10, "r": 10, "t": TITLE_PX, "b": 10, **extra.pop("margin", {})}
    # Room for every line of a wrapped title above the plot.
    margin["t"] = max(margin["t"], title_room(title))
    layout = {
        "title": {"text": title_text, "x": 0, "xanchor": "left"},
        "font": FONT,
        "height": height,
        "margin": margin,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "uirevision": "constant",
        "hoverlabel": {"font": {"size": 14}},
        "template": TEMPLATE,
        **extra,
    }
    return go.Figure({"data": data, "layout": layout}, _validate=False)


#: Public name of :func:`_figure` for the other figure modules.
base_figure = _figure


def trace_dicts(figure: go.Figure) -> list[dict[str, Any]]:
    """The figure's traces as the plain dicts it was built from, read in place.

    ``figure.data`` builds a validated copy of every trace, which on a slider move cost
    more than drawing the chart; the figures here are plain dicts (:func:`base_figure`).
    """
    return list(figure._data)


def layout_dict(figure: go.Figure) -> dict[str, Any]:
    """The figure's layout as the plain dict it was built from (see :func:`trace_dicts`)."""
    return dict(figure._layout)


def _signed(amount: Decimal, sign: str) -> str:
    return f"{sign}{format_usd(amount)}"


#: Appended to repeat a category label invisibly, so two bars never share a category.
_INVISIBLE = "\u200b"


def distinct_labels(labels: Sequence[str]) -> list[str]:
    """Category labels that read as given but are all different: a repeat gets invisible
    characters appended. On a category axis, a lender's expense named "Deficiency" would be
    the same category as the result bar, and Plotly would draw the two as one.

    >>> [len(label) for label in distinct_labels(["Fee", "Deficiency", "Deficiency"])]
    [3, 10, 11]
    """
    seen: set[str] = set()
    result = []
    for label in labels:
        while label in seen:
            label += _INVISIBLE
        seen.add(label)
        result.append(label)
    return result


#: How every waterfall looks: charges in vermillion, credits in blue, totals dark grey, each
#: bar's figure above it and in its hover.
WATERFALL_STYLE: dict[str, Any] = {
    "textposition": "outside",
    "cliponaxis": False,
    "hovertemplate": "%{x}: %{text}<extra></extra>",
    "increasing": {"marker": {"color": CHARGE}},
    "decreasing": {"marker": {"color": CREDIT}},
    "totals": {"marker": {"color": TOTAL}},
    "connector": {"line": {"color": STEM, "width": 1}},
}


def waterfall_figure(statement: Statement, title: str) -> go.Figure:
    """The statement as a waterfall: owed, less the sale, plus expenses, less credits, = result.

    The first bar is absolute, the steps relative and the last bar the total, so a
    reader follows the UCC 9-616(c) order from left to right. Item labels (a lender's
    letter names them) are shown as typed and each has its own bar.
    """
    labels = [_("Amount owed"), statement.proceeds_label]
    measures = ["absolute", "relative"]
    values = [statement.owed, -statement.proceeds]
    texts = [format_usd(statement.owed), _signed(statement.proceeds, "−")]
    for label, amount in statement.expense_items:
        labels.append(label)
        measures.append("relative")
        values.append(amount)
        texts.append(_signed(amount, "+"))
    for label, amount in statement.credit_items:
        labels.append(label)
        measures.append("relative")
        values.append(-amount)
        texts.append(_signed(amount, "−"))
    if statement.surplus > ZERO:
        labels.append(_("Surplus"))
        texts.append(format_usd(statement.surplus))
    else:
        labels.append(_("Deficiency"))
        texts.append(format_usd(statement.deficiency))
    measures.append("total")
    values.append(ZERO)
    labels = distinct_labels([plotly_text(label) for label in labels])
    trace = {
        "type": "waterfall",
        "x": labels,
        "y": [float(value) for value in values],
        "measure": measures,
        "text": texts,
        **WATERFALL_STYLE,
    }
    axis = category_axis(labels)
    running = list(accumulate(values[:-1]))
    layout = {
        "yaxis": {**DOLLAR_AXIS, "zeroline": True},
        "xaxis": axis,
        "showlegend": False,
        "margin": {"l": dollar_room(0, *running), "b": below_room(lines_in(axis["ticktext"]))},
        **BAR_TEXT,
    }
    return _figure([trace], layout, title, height=380)


def waterfall_alt(statement: Statement, collateral: str) -> str:
    """What the waterfall shows, in one sentence for screen readers (``collateral`` with
    its article, in the reader's language: "the car")."""
    amounts = {
        "collateral": collateral,
        "owed": format_usd(statement.owed),
        "sale": format_usd(statement.proceeds),
        "expenses": format_usd(statement.expenses),
        "credits": format_usd(statement.credits),
    }
    if statement.surplus > ZERO:
        return _(
            "Waterfall for {collateral}: {owed} owed, less the {sale} sale, plus {expenses} of "
            "expenses, less {credits} of credits, leaves a surplus of {result} for the borrower."
        ).format(result=format_usd(statement.surplus), **amounts)
    return _(
        "Waterfall for {collateral}: {owed} owed, less the {sale} sale, plus {expenses} of "
        "expenses, less {credits} of credits, leaves a deficiency of {result}."
    ).format(result=format_usd(statement.deficiency), **amounts)


_SEGMENTS = (
    # "After costs": a $8,500 car sale with a $500 retaking fee covers $8,000 of the debt.
    # The names are English, marked: translated where a figure is built.
    (N_("Covered by the sale and credits, after costs"), SALE, "covered_by_sale"),
    (N_("Borrower pays"), BORROWER, "paid_toward_deficiency"),
    (N_("Judgment costs"), JUDGMENT, "judgment_costs"),
    (N_("Cancelled (lender absorbs)"), CANCELLED, "cancelled"),
    (N_("Barred by state law"), BARRED, "barred"),
    (N_("Surplus"), SURPLUS, "surplus"),
)


def outcome_figure(rows: Sequence[tuple[str, Outcome]], title: str) -> go.Figure:
    """Who ends up with what, one panel per scenario on its own dollar scale.

    Each bar splits the obligation into what the sale covered, what the borrower pays
    and what is cancelled, plus judgment costs or a surplus where they arise.
    """
    count = max(len(rows), 1)
    # Sized in pixels, so any number of panels fits: a panel and the gap under it (its
    # dollar ticks, the next panel's name) keep their height and the figure grows. Shares
    # of a fixed height go negative from the fifth panel, and plotly refuses the figure.
    plot = count * OUTCOME_PANEL_PX + (count - 1) * OUTCOME_GAP_PX
    panel, gap = OUTCOME_PANEL_PX / plot, OUTCOME_GAP_PX / plot
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {
        "barmode": "stack",
        # The legend sits a fixed distance under the plot, below the last dollar ticks.
        "legend": {
            "orientation": "h",
            "y": -OUTCOME_LEGEND_PX / plot,
            "x": 0,
            "traceorder": "normal",
        },
        "annotations": [],
        # No tick labels beside the bars; dollar ticks, then the legend, below them.
        "margin": {"l": 17, "b": OUTCOME_BOTTOM_PX},
    }
    shown: set[str] = set()
    segments = [(_(segment), colour, attribute) for segment, colour, attribute in _SEGMENTS]
    for index, (name, outcome) in enumerate(rows):
        suffix = "" if index == 0 else str(index + 1)
        shown_name = _hover_literal(plotly_text(name))
        top = max(1 - index * (panel + gap), panel)  # never below the last panel's floor
        layout[f"xaxis{suffix}"] = {**DOLLAR_AXIS, "anchor": f"y{suffix}", "rangemode": "tozero"}
        layout[f"yaxis{suffix}"] = {
            "domain": [max(top - panel, 0.0), top],
            "anchor": f"x{suffix}",
            "showticklabels": False,
        }
        layout["annotations"].append(
            {
                "text": plotly_text(name),
                "x": 0.5,
                "y": top,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 15},
            }
        )
        for segment, colour, attribute in segments:
            amount: Decimal = getattr(outcome, attribute)
            if amount == ZERO:
                continue
            data.append(
                {
                    "type": "bar",
                    "x": [float(amount)],
                    "y": [""],
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                    "orientation": "h",
                    "name": segment,
                    "legendgroup": segment,
                    "showlegend": segment not in shown,
                    "marker": {"color": colour, "line": {"color": "white", "width": 1}},
                    "text": [format_usd(amount, cents=False)],
                    "textposition": "inside",
                    "insidetextanchor": "middle",
                    "hovertemplate": f"{shown_name}<br>{segment}: %{{text}}<extra></extra>",
                }
            )
            shown.add(segment)
    return _figure(data, layout, title, height=plot + OUTCOME_BOTTOM_PX + title_room(title))


def _hover_literal(text: str) -> str:
    """Text put into a hover template as is: ``%{`` there would be read as a placeholder."""
    return text.replace("%{", "%\u200b{")


def outcome_alt(rows: Sequence[tuple[str, Outcome]]) -> str:
    """Per scenario: what the sale covered, what the borrower pays, what is cancelled."""
    sentences = []
    for name, outcome in rows:
        amounts = {
            "name": name,
            "owed": format_usd(outcome.statement.owed),
            "covered": format_usd(outcome.covered_by_sale),
            "pays": format_usd(outcome.borrower_owes),
            "cancelled": format_usd(outcome.cancelled),
            "barred": format_usd(outcome.barred),
            "surplus": format_usd(outcome.surplus),
        }
        barred, surplus = outcome.barred > ZERO, outcome.surplus > ZERO
        if barred and surplus:
            sentence = _(
                "{name}: of {owed} owed, {covered} is covered by the sale and credits after "
                "costs, the borrower pays {pays} and {cancelled} is cancelled; state law bars "
                "{barred}; {surplus} surplus goes to the borrower."
            )
        elif barred:
            sentence = _(
                "{name}: of {owed} owed, {covered} is covered by the sale and credits after "
                "costs, the borrower pays {pays} and {cancelled} is cancelled; state law bars "
                "{barred}."
            )
        elif surplus:
            sentence = _(
                "{name}: of {owed} owed, {covered} is covered by the sale and credits after "
                "costs, the borrower pays {pays} and {cancelled} is cancelled; {surplus} "
                "surplus goes to the borrower."
            )
        else:
            sentence = _(
                "{name}: of {owed} owed, {covered} is covered by the sale and credits after "
                "costs, the borrower pays {pays} and {cancelled} is cancelled."
            )
        sentences.append(sentence.format(**amounts))
    return " ".join(sentences)

"""The Learn page's figure: the statement as a waterfall, one step at a time (no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go

from deficiency import Statement, format_usd
from ui.kit.figures import (
    BAR_TEXT,
    DOLLAR_AXIS,
    WATERFALL_STYLE,
    base_figure,
    below_room,
    category_axis,
    dollar_room,
    lines_in,
)
from ui.kit.i18n import _

_STEP_MEASURES = ("absolute", "relative", "total", "relative", "relative", "total")
_STEP_SIGNS = (1, -1, 1, 1, -1, 1)


def step_waterfall(statement: Statement, steps: int, title: str) -> go.Figure:
    """The six UCC 9-616(c) lines as a waterfall, showing only the first ``steps`` of them.

    Totals (line 3 and the result) are drawn by Plotly from the bars before them; their
    labels are the package's own figures for those lines.
    """
    shown = statement.lines[: max(1, min(steps, 6))]
    measures = list(_STEP_MEASURES[: len(shown)])
    trace = {
        "type": "waterfall",
        "x": [line.label for line in shown],
        "y": [
            0.0 if measure == "total" else float(line.amount) * sign
            for line, measure, sign in zip(shown, measures, _STEP_SIGNS, strict=False)
        ],
        "measure": measures,
        "text": [format_usd(line.amount) for line in shown],
        **WATERFALL_STYLE,
    }
    # A fixed scale, so the bars do not jump as steps are added.
    top = max(float(statement.owed), float(statement.deficiency)) * 1.15
    bottom = min(0.0, float(statement.owed_after_proceeds)) * 1.15
    axis = category_axis([line.label for line in shown])
    layout = {
        "yaxis": {**DOLLAR_AXIS, "range": [bottom, top]},
        "xaxis": {**axis, "range": [-0.5, 5.5]},
        "showlegend": False,
        "margin": {"l": dollar_room(bottom, top), "b": below_room(lines_in(axis["ticktext"]))},
        **BAR_TEXT,
    }
    return base_figure([trace], layout, title, height=380)


def step_alt(statement: Statement, steps: int, collateral: str) -> str:
    """The chart in words, for a screen reader; ``collateral`` in the reader's language."""
    shown = statement.lines[: max(1, min(steps, 6))]
    listed = "; ".join(f"{line.label}: {format_usd(line.amount)}" for line in shown)
    # Translators: {collateral} is "the house" or "the car" with its article; {lines} lists
    # the statement's lines shown so far ("Deficiency: $2,000.00; ...").
    return _("The statement for {collateral}, step {step} of 6. {lines}.").format(
        collateral=collateral, step=len(shown), lines=listed
    )

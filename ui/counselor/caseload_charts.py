"""Pure figure builders for a caseload: totals and counts by loan kind and resolution.

Same look as :mod:`ui.kit.figures` (Okabe-Ito colours, dollar axes, a constant
``uirevision``); every bar carries its figure as text so colour is never the only signal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from deficiency import format_usd
from ui.counselor.caseload import KIND_LABELS, RESOLUTION_LABELS, CaseloadTotals
from ui.kit.figures import (
    BORROWER,
    CANCELLED,
    DOLLAR_AXIS,
    JUDGMENT,
    base_figure,
    beside_room,
    dollar_room,
)

#: One colour per resolution, and grey for rows that could not be computed.
RESOLUTION_COLOURS = {"waived": CANCELLED, "judgment": JUDGMENT, "settled": BORROWER}
ERROR_COLOUR = "#999999"


def _figure(data: list[dict[str, Any]], layout: dict[str, Any], title: str) -> go.Figure:
    """The shared look (:func:`ui.kit.figures.base_figure`), stacked bars with a legend below."""
    stacked = {"barmode": "stack", "legend": {"orientation": "h", "y": -0.15, "x": 0}, **layout}
    return base_figure(data, stacked, title, height=340)


def _kinds(totals: CaseloadTotals) -> list[str]:
    present = {group.kind for group in totals.groups} | set(totals.failed_by_kind)
    return [kind for kind in KIND_LABELS if kind in present]


def deficiency_figure(totals: CaseloadTotals) -> go.Figure:
    """Total deficiency per loan kind, stacked by who bears it (the resolution)."""
    kinds = _kinds(totals)
    data = []
    for resolution, label in RESOLUTION_LABELS.items():
        amounts = {
            group.kind: group.deficiency
            for group in totals.groups
            if group.resolution == resolution
        }
        if not any(amounts.values()):
            continue
        values = [amounts.get(kind, Decimal(0)) for kind in kinds]
        data.append(
            {
                "type": "bar",
                "x": [KIND_LABELS[kind] for kind in kinds],
                "y": [float(value) for value in values],
                "name": label,
                "marker": {"color": RESOLUTION_COLOURS[resolution]},
                "text": [format_usd(value, cents=False) if value else "" for value in values],
                "textposition": "inside",
                "hovertemplate": f"%{{x}}, {label}: %{{text}}<extra></extra>",
            }
        )
    title = f"Total deficiency {format_usd(totals.deficiency)} across {totals.ok:,} cases"
    title += _barred_clause(totals)
    # Room for the tallest stack's tick label beside the plot (the base margin is 10 px).
    layout = {
        "yaxis": {**DOLLAR_AXIS, "automargin": True},
        "xaxis": {"automargin": True},
        "margin": {"l": dollar_room(0, _tallest_stack(data))},
    }
    return _figure(data, layout, title)


def _barred_clause(totals: CaseloadTotals) -> str:
    """What state law bars of the total, when it bars any: the total is the arithmetic."""
    if totals.barred <= 0:
        return ""
    return f"; state law bars {format_usd(totals.barred)} of it"


def deficiency_alt(totals: CaseloadTotals) -> str:
    parts = [
        f"{KIND_LABELS.get(group.kind, group.kind)}, "
        f"{RESOLUTION_LABELS.get(group.resolution, group.resolution).lower()}: "
        f"{format_usd(group.deficiency)} over {group.cases:,} cases"
        for group in totals.groups
    ]
    return (
        f"Total deficiency of {format_usd(totals.deficiency)} across {totals.ok:,} computed "
        f"cases{_barred_clause(totals)}. " + ("; ".join(parts) + "." if parts else "")
    )


def cases_figure(totals: CaseloadTotals) -> go.Figure:
    """How many cases of each loan kind take each resolution, and how many had errors."""
    kinds = _kinds(totals)
    data = []
    for resolution, label in RESOLUTION_LABELS.items():
        counts = {g.kind: g.cases for g in totals.groups if g.resolution == resolution}
        if not counts:
            continue
        values = [counts.get(kind, 0) for kind in kinds]
        data.append(
            {
                "type": "bar",
                "x": [KIND_LABELS[kind] for kind in kinds],
                "y": values,
                "name": label,
                "marker": {"color": RESOLUTION_COLOURS[resolution]},
                "text": [f"{value:,}" if value else "" for value in values],
                "textposition": "inside",
                "hovertemplate": f"%{{x}}, {label}: %{{y:,}} cases<extra></extra>",
            }
        )
    failed = [totals.failed_by_kind.get(kind, 0) for kind in kinds]
    other = sum(n for kind, n in totals.failed_by_kind.items() if kind not in KIND_LABELS)
    if any(failed) or other:
        x = [KIND_LABELS[kind] for kind in kinds] + (["Kind not readable"] if other else [])
        y = failed + ([other] if other else [])
        data.append(
            {
                "type": "bar",
                "x": x,
                "y": y,
                "name": "Error: not computed",
                "marker": {"color": ERROR_COLOUR, "pattern": {"shape": "/"}},
                "text": [f"{value:,}" if value else "" for value in y],
                "textposition": "inside",
                "hovertemplate": "%{x}, errors: %{y:,} rows<extra></extra>",
            }
        )
    most = max(
        [group.cases for group in totals.groups] + list(totals.failed_by_kind.values()) + [1]
    )
    layout = {
        "yaxis": {
            "tickformat": ",d",
            "gridcolor": DOLLAR_AXIS["gridcolor"],
            **({"dtick": 1} if most <= 10 else {}),
            "automargin": True,
        },
        "xaxis": {"automargin": True},
        "margin": {"l": beside_room([f"{round(_tallest_stack(data) * 1.1):,}"])},
    }
    return _figure(data, layout, f"Cases by loan kind and resolution ({totals.rows:,} rows)")


def _tallest_stack(data: list[dict[str, Any]]) -> float:
    """The highest total of stacked bars at one x, for the room its tick label needs."""
    stacks: dict[str, float] = {}
    for trace in data:
        for x, y in zip(trace["x"], trace["y"], strict=True):
            stacks[x] = stacks.get(x, 0) + float(y)
    return max(stacks.values(), default=0.0)


def cases_alt(totals: CaseloadTotals) -> str:
    parts = [
        f"{KIND_LABELS.get(group.kind, group.kind)}, "
        f"{RESOLUTION_LABELS.get(group.resolution, group.resolution).lower()}: {group.cases:,}"
        for group in totals.groups
    ]
    errors = f" {totals.failed:,} rows had errors and were not computed." if totals.failed else ""
    return f"{totals.rows:,} rows. " + "; ".join(parts) + "." + errors

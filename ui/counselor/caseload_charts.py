"""Pure figure builders for a caseload: totals and counts by loan kind and resolution.

Same look as :mod:`ui.kit.figures` (Okabe-Ito colours, dollar axes, a constant
``uirevision``); every bar carries its figure as text so colour is never the only signal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from deficiency import format_usd
from ui.counselor.caseload import (
    KIND_LABELS,
    RESOLUTION_LABELS,
    CaseloadTotals,
    kind_label,
    resolution_label,
)
from ui.kit.figures import (
    BORROWER,
    CANCELLED,
    DOLLAR_AXIS,
    JUDGMENT,
    base_figure,
    beside_room,
    dollar_room,
)
from ui.kit.i18n import _, ngettext

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
    for resolution in RESOLUTION_LABELS:
        label = resolution_label(resolution)
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
                "x": [kind_label(kind) for kind in kinds],
                "y": [float(value) for value in values],
                "name": label,
                "marker": {"color": RESOLUTION_COLOURS[resolution]},
                "text": [format_usd(value, cents=False) if value else "" for value in values],
                "textposition": "inside",
                "hovertemplate": f"%{{x}}, {label}: %{{text}}<extra></extra>",
            }
        )
    if totals.barred > 0:
        title = ngettext(
            "Total deficiency {amount} across {count} case; state law bars {barred} of it",
            "Total deficiency {amount} across {count} cases; state law bars {barred} of it",
            totals.ok,
        )
    else:
        title = ngettext(
            "Total deficiency {amount} across {count} case",
            "Total deficiency {amount} across {count} cases",
            totals.ok,
        )
    title = title.format(
        amount=format_usd(totals.deficiency),
        count=f"{totals.ok:,}",
        barred=format_usd(totals.barred),
    )
    # Room for the tallest stack's tick label beside the plot (the base margin is 10 px).
    layout = {
        "yaxis": {**DOLLAR_AXIS, "automargin": True},
        "xaxis": {"automargin": True},
        "margin": {"l": dollar_room(0, _tallest_stack(data))},
    }
    return _figure(data, layout, title)


def deficiency_alt(totals: CaseloadTotals) -> str:
    """The deficiency chart in words: the total (and what state law bars), then each group."""
    parts = [
        ngettext(
            "{kind}, {resolution}: {amount} over {count} case",
            "{kind}, {resolution}: {amount} over {count} cases",
            group.cases,
        ).format(
            kind=kind_label(group.kind),
            resolution=resolution_label(group.resolution).lower(),
            amount=format_usd(group.deficiency),
            count=f"{group.cases:,}",
        )
        for group in totals.groups
    ]
    if totals.barred > 0:
        total = ngettext(
            "Total deficiency of {amount} across {count} computed case; state law bars "
            "{barred} of it.",
            "Total deficiency of {amount} across {count} computed cases; state law bars "
            "{barred} of it.",
            totals.ok,
        )
    else:
        total = ngettext(
            "Total deficiency of {amount} across {count} computed case.",
            "Total deficiency of {amount} across {count} computed cases.",
            totals.ok,
        )
    total = total.format(
        amount=format_usd(totals.deficiency),
        count=f"{totals.ok:,}",
        barred=format_usd(totals.barred),
    )
    return total + " " + ("; ".join(parts) + "." if parts else "")


def cases_figure(totals: CaseloadTotals) -> go.Figure:
    """How many cases of each loan kind take each resolution, and how many had errors."""
    kinds = _kinds(totals)
    data = []
    for resolution in RESOLUTION_LABELS:
        label = resolution_label(resolution)
        counts = {g.kind: g.cases for g in totals.groups if g.resolution == resolution}
        if not counts:
            continue
        values = [counts.get(kind, 0) for kind in kinds]
        data.append(
            {
                "type": "bar",
                "x": [kind_label(kind) for kind in kinds],
                "y": values,
                "name": label,
                "marker": {"color": RESOLUTION_COLOURS[resolution]},
                "text": [f"{value:,}" if value else "" for value in values],
                "textposition": "inside",
                "hovertemplate": _("%{{x}}, {label}: %{{y:,}} cases").format(label=label)
                + "<extra></extra>",
            }
        )
    failed = [totals.failed_by_kind.get(kind, 0) for kind in kinds]
    other = sum(n for kind, n in totals.failed_by_kind.items() if kind not in KIND_LABELS)
    if any(failed) or other:
        x = [kind_label(kind) for kind in kinds] + ([_("Kind not readable")] if other else [])
        y = failed + ([other] if other else [])
        data.append(
            {
                "type": "bar",
                "x": x,
                "y": y,
                "name": _("Error: not computed"),
                "marker": {"color": ERROR_COLOUR, "pattern": {"shape": "/"}},
                "text": [f"{value:,}" if value else "" for value in y],
                "textposition": "inside",
                "hovertemplate": _("%{x}, errors: %{y:,} rows") + "<extra></extra>",
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
    title = ngettext(
        "Cases by loan kind and resolution ({count} row)",
        "Cases by loan kind and resolution ({count} rows)",
        totals.rows,
    ).format(count=f"{totals.rows:,}")
    return _figure(data, layout, title)


def _tallest_stack(data: list[dict[str, Any]]) -> float:
    """The highest total of stacked bars at one x, for the room its tick label needs."""
    stacks: dict[str, float] = {}
    for trace in data:
        for x, y in zip(trace["x"], trace["y"], strict=True):
            stacks[x] = stacks.get(x, 0) + float(y)
    return max(stacks.values(), default=0.0)


def cases_alt(totals: CaseloadTotals) -> str:
    """The cases chart in words: the rows, each group's count, then the rows with errors."""
    parts = [
        _("{kind}, {resolution}: {count}").format(
            kind=kind_label(group.kind),
            resolution=resolution_label(group.resolution).lower(),
            count=f"{group.cases:,}",
        )
        for group in totals.groups
    ]
    errors = (
        " "
        + ngettext(
            "{count} row had errors and was not computed.",
            "{count} rows had errors and were not computed.",
            totals.failed,
        ).format(count=f"{totals.failed:,}")
        if totals.failed
        else ""
    )
    rows = ngettext("{count} row.", "{count} rows.", totals.rows).format(count=f"{totals.rows:,}")
    return rows + " " + "; ".join(parts) + "." + errors

"""Figures of the "What happens next" pages (no Streamlit).

Pure builders: package results in, Plotly figures and one-sentence readings out.
Each chart has an ``*_alt`` sentence that states its takeaway for screen readers,
and the pages print a takeaway caption beside it. Colours are Okabe-Ito and every
mark also carries its figure as text, so colour is never the only signal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
from babel.dates import format_date
from babel.lists import format_list

from deficiency import (
    ENGLISH,
    LOCALES,
    ZERO,
    CancelledDebtTax,
    EventKind,
    OptionResult,
    PayoffSchedule,
    PayoffStatus,
    TimelineEvent,
    current_language,
    format_usd,
    new_mortgage_dates,
)
from ui.kit.figures import (
    BORROWER,
    CANCELLED,
    CHARGE,
    CREDIT,
    DOLLAR_AXIS,
    GRID,
    JUDGMENT,
    LABEL_WIDTH,
    SALE,
    STEM,
    TOTAL,
    base_figure,
    below_room,
    beside_room,
    dollar_room,
    trace_dicts,
    wrap,
)
from ui.kit.i18n import N_, _, ngettext

#: Timeline marker colour and legend group by event kind.
_EVENT_STYLE: dict[EventKind, tuple[str, str]] = {
    EventKind.FIRST_MISSED_PAYMENT: (CHARGE, N_("Missed payment")),
    EventKind.SALE: (BORROWER, N_("Sale and what became of the deficiency")),
    EventKind.RESOLUTION: (BORROWER, N_("Sale and what became of the deficiency")),
    EventKind.FORM_1099C: (JUDGMENT, N_("Tax form")),
    EventKind.NEW_MORTGAGE: (SALE, N_("New mortgage possible")),
    EventKind.REPORT_REMOVAL: (CREDIT, N_("Off credit reports")),
}


def day(when: date) -> str:
    """A date for people in the reader's language: ``15 Jan 2025``, ``15 ene 2025``."""
    language = current_language()
    if language == ENGLISH:
        return f"{when.day} {when:%b %Y}"
    return format_date(when, "d MMM y", locale=LOCALES[language])


def joined(items: Sequence[str]) -> str:
    """Items as one list in the reader's language: "a and b", "a y b"."""
    language = current_language()
    if language == ENGLISH:
        return " and ".join(items)
    return format_list(list(items), locale=LOCALES[language])


def _years_between(start: date, end: date) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month
    years, rest = divmod(months, 12)
    if rest == 0:
        return ngettext("{years} years", "{years} years", years).format(years=years)
    if years:
        return ngettext(
            "{years} years {months} months", "{years} years {months} months", years
        ).format(years=years, months=rest)
    return ngettext("{months} months", "{months} months", rest).format(months=rest)


# --- Credit timeline ------------------------------------------------------------------


#: Characters per line of a timeline row's label and of a legend entry (phone width).
TIMELINE_LABEL_WIDTH = 18
LEGEND_WIDTH = 30
#: Year labels on the date axis: few enough that four-digit years never touch on a phone.
MAX_YEAR_TICKS = 6


def timeline_figure(events: Sequence[TimelineEvent], title: str) -> go.Figure:
    """One row per event, earliest on top: a marker at its date, a stem from the first miss.

    Dates built on assumed gaps (``illustrative``) have hollow markers and say so on hover.
    Each date is written above its marker, leaning away from the nearer edge, so no
    label runs off a narrow chart.
    """
    start = events[0].when
    last = max(event.when for event in events)
    middle = start + (last - start) / 2
    labels = [event.label for event in events]
    stems: dict[str, list[Any]] = {"x": [], "y": []}
    for event in events[1:]:
        stems["x"] += [start.isoformat(), event.when.isoformat(), None]
        stems["y"] += [event.label, event.label, None]
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": stems["x"],
            "y": stems["y"],
            "line": {"color": STEM, "width": 2},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]
    groups: dict[tuple[str, bool], list[TimelineEvent]] = {}
    for event in events:
        name = _(_EVENT_STYLE[event.kind][1])
        groups.setdefault((name, event.illustrative), []).append(event)
    for (name, illustrative), members in groups.items():
        colour = _EVENT_STYLE[members[0].kind][0]
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [event.when.isoformat() for event in members],
                "y": [event.label for event in members],
                "text": [day(event.when) for event in members],
                "textposition": [
                    "top right" if event.when <= middle else "top left" for event in members
                ],
                "cliponaxis": False,
                "customdata": [_hover_detail(event) for event in members],
                "hovertemplate": "<b>%{y}</b><br>%{text}<br>%{customdata}<extra></extra>",
                "marker": {
                    "size": 14,
                    "color": "white" if illustrative else colour,
                    "symbol": "circle",
                    "line": {"color": colour, "width": 3},
                },
                "name": wrap(
                    _("{name} (assumed date)").format(name=name) if illustrative else name,
                    LEGEND_WIDTH,
                ),
            }
        )
    ticktext = [wrap(label, TIMELINE_LABEL_WIDTH) for label in labels]
    lines = max(text.count("<br>") + 1 for text in ticktext)
    years = last.year - start.year + 2
    layout = {
        "xaxis": {
            "type": "date",
            "gridcolor": GRID,
            "range": [
                (start - timedelta(days=120)).isoformat(),
                (last + timedelta(days=120)).isoformat(),
            ],
            "tickformat": "%Y",
            "dtick": f"M{12 * -(-years // MAX_YEAR_TICKS)}",
        },
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": labels[::-1],
            "tickvals": labels,
            "ticktext": ticktext,
            "automargin": True,
            "gridcolor": GRID,
        },
        "legend": {"orientation": "h", "y": -0.12, "x": 0},
        "margin": {"l": 10, "r": 20, "t": 60, "b": 10},
    }
    row_height = 20 + 13 * lines
    return base_figure(data, layout, title, height=200 + row_height * len(events))


def _hover_detail(event: TimelineEvent) -> str:
    words = event.detail.split()
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


def timeline_takeaway(events: Sequence[TimelineEvent]) -> str:
    """When the account leaves credit reports, and when a new mortgage is first possible."""
    start = events[0].when
    removal = next(event for event in events if event.kind is EventKind.REPORT_REMOVAL)
    words = {
        "until": day(removal.when),
        "years": _years_between(start, removal.when),
    }
    standard, extenuating = new_mortgage_dates(events)
    if standard:
        words |= {"mortgage": standard.label, "date": day(standard.when)}
    if extenuating:
        # The package's English label names the circumstances; the sentence says them.
        label = extenuating.label.removesuffix(" (extenuating circumstances)")
        words |= {"best": f"{label[:1].lower()}{label[1:]}", "best_date": day(extenuating.when)}
    if standard and extenuating:
        sentence = _(
            "The account can stay on your credit reports until {until}, {years} after the "
            "first missed payment; {mortgage}: {date} (with documented extenuating "
            "circumstances, {best}: {best_date})."
        )
    elif standard:
        sentence = _(
            "The account can stay on your credit reports until {until}, {years} after the "
            "first missed payment; {mortgage}: {date}."
        )
    elif extenuating:
        sentence = _(
            "The account can stay on your credit reports until {until}, {years} after the "
            "first missed payment (with documented extenuating circumstances, {best}: "
            "{best_date})."
        )
    else:
        sentence = _(
            "The account can stay on your credit reports until {until}, {years} after the "
            "first missed payment."
        )
    return sentence.format(**words)


def timeline_alt(events: Sequence[TimelineEvent]) -> str:
    """The takeaway, then every event with its date."""
    listed = "; ".join(
        _("{event}: {date}").format(event=event.label, date=day(event.when)) for event in events
    )
    return _("{takeaway} Events: {events}.").format(
        takeaway=timeline_takeaway(events), events=listed
    )


# --- Taxes --------------------------------------------------------------------------


def tax_figure(result: CancelledDebtTax, extra_tax: Decimal, rate: Decimal) -> go.Figure:
    """Cancelled debt, each exclusion that applies, what stays taxable and the extra tax."""
    rows: list[tuple[str, Decimal, str]] = [(_("Cancelled debt"), result.cancelled, CANCELLED)]
    for exclusion in result.exclusions:
        if exclusion.amount > ZERO:
            excluded = _("Excluded: {exclusion}").format(exclusion=exclusion.kind.label.lower())
            rows.append((excluded, exclusion.amount, CREDIT))
    rows.append((_("Taxable"), result.taxable, CHARGE))
    rows.append((_("Extra federal tax at {rate}%").format(rate=rate), extra_tax, TOTAL))
    trace = {
        "type": "bar",
        "orientation": "h",
        "x": [float(amount) for _, amount, _ in rows],
        "y": [label for label, _, _ in rows],
        "marker": {"color": [colour for _, _, colour in rows]},
        "text": [format_usd(amount) for _, amount, _ in rows],
        "textposition": "auto",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    layout = {
        "xaxis": {**DOLLAR_AXIS, "rangemode": "tozero"},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "showlegend": False,
        "margin": {"l": beside_room(label for label, _, _ in rows), "b": below_room(1)},
    }
    title = _("From cancelled debt to extra tax")
    return base_figure([trace], layout, title, 120 + 48 * len(rows))


def tax_takeaway(result: CancelledDebtTax, extra_tax: Decimal, rate: Decimal) -> str:
    if result.cancelled == ZERO:
        return _("No debt is cancelled on this path, so there is no cancelled-debt income.")
    if result.taxable == ZERO:
        return _(
            "All {cancelled} of cancelled debt is excluded: no extra federal tax on it."
        ).format(cancelled=format_usd(result.cancelled))
    return _(
        "{taxable} of the {cancelled} cancelled stays taxable: about {tax} of extra federal "
        "tax at {rate}%."
    ).format(
        taxable=format_usd(result.taxable),
        cancelled=format_usd(result.cancelled),
        tax=format_usd(extra_tax),
        rate=rate,
    )


def tax_alt(result: CancelledDebtTax, extra_tax: Decimal, rate: Decimal) -> str:
    excluded = "; ".join(
        _("{exclusion} excludes {amount}").format(
            exclusion=item.kind.label, amount=format_usd(item.amount)
        )
        for item in result.exclusions
        if item.amount > ZERO
    )
    return f"{tax_takeaway(result, extra_tax, rate)} {excluded}".strip()


# --- Paying it off -------------------------------------------------------------------


#: Most dollar labels on an axis given its own top: five or six, as Plotly picks by itself.
MAX_DOLLAR_TICKS = 5


def dollar_axis_top(peak: float) -> tuple[float, float]:
    """The top of a dollar axis starting at zero and its label step: the top is a labelled
    round figure at or above ``peak``, so no line rises above the axis's highest label.

    >>> dollar_axis_top(56_500.0)
    (60000.0, 20000.0)
    >>> dollar_axis_top(60_000.0)
    (60000.0, 20000.0)
    >>> dollar_axis_top(0.0)
    (1.0, 1.0)
    """
    if peak <= 0:
        return 1.0, 1.0
    power = 10.0 ** math.floor(math.log10(peak / MAX_DOLLAR_TICKS))
    step = next(
        power * factor
        for factor in (1, 2, 2.5, 5, 10)
        if math.ceil(peak / (power * factor) - 1e-9) <= MAX_DOLLAR_TICKS
    )
    return math.ceil(peak / step - 1e-9) * step, step


def shows_nothing(figure: go.Figure) -> bool:
    """Whether every mark of a figure is zero or missing: a chart to replace with words."""
    for trace in trace_dicts(figure):
        values = trace.get("x") if trace.get("orientation") == "h" else trace.get("y")
        if values is not None and any(float(value or 0) != 0 for value in values):
            return False
    return True


#: The most paychecks a payoff line plots. A 30-year weekly schedule has 1,560, more than
#: the chart is pixels wide: every k-th paycheck and the last draw the same line, faster.
PAYOFF_POINTS = 400


def plotted_paychecks(count: int, most: int = PAYOFF_POINTS) -> range | list[int]:
    """Which of ``count`` points (the start, then each paycheck) a payoff line plots: all of
    them up to ``most``, else every k-th from the first, and always the last.

    >>> list(plotted_paychecks(5))
    [0, 1, 2, 3, 4]
    >>> picked = plotted_paychecks(1561)
    >>> len(picked), picked[:3], picked[-2:]
    (391, [0, 4, 8], [1556, 1560])
    """
    if count <= most:
        return range(count)
    step = -(-count // most)
    picked = list(range(0, count, step))
    if picked[-1] != count - 1:
        picked.append(count - 1)
    return picked


def payoff_figure(schedule: PayoffSchedule, title: str) -> go.Figure:
    """The balance after each garnished paycheck, from the judgment down to zero (or not)."""
    balances = [schedule.principal, *(row.balance for row in schedule.rows)]
    picked = plotted_paychecks(len(balances))
    x = list(picked)
    y = [float(balances[index]) for index in picked]
    trace = {
        "type": "scatter",
        "mode": "lines",
        "x": x,
        "y": y,
        "line": {"color": CHARGE, "width": 3},
        "fill": "tozeroy",
        "fillcolor": "rgba(213, 94, 0, 0.12)",
        "name": _("Balance"),
        # Translators: %{x} and %{y:,.2f} are Plotly's placeholders; keep them as written.
        "hovertemplate": _("After paycheck %{x}: $%{y:,.2f}") + "<extra></extra>",
    }
    top, step = dollar_axis_top(max(y))
    layout = {
        "xaxis": {
            "title": {
                "text": _("{period} paychecks garnished").format(period=schedule.period.label)
            },
            "gridcolor": GRID,
            "rangemode": "tozero",
        },
        "yaxis": {
            **DOLLAR_AXIS,
            "range": [0, top],
            "dtick": step,
            "title": {"text": _("Still owed")},
        },
        "showlegend": False,
        # Below: the paycheck numbers and their title (measured).
        "margin": {"l": dollar_room(top, titled=True), "b": 68},
    }
    return base_figure([trace], layout, title, height=340)


def payoff_takeaway(schedule: PayoffSchedule) -> str:
    if schedule.status is PayoffStatus.PAID_OFF:
        return _(
            "Garnishment pays off the {judgment} judgment after {periods} {period} paychecks "
            "(about {months} months), {paid} in all with {interest} of interest."
        ).format(
            judgment=format_usd(schedule.principal),
            periods=schedule.periods,
            period=schedule.period.label.lower(),
            months=schedule.months,
            paid=format_usd(schedule.total_paid),
            interest=format_usd(schedule.total_interest),
        )
    return schedule.message


def payoff_alt(schedule: PayoffSchedule) -> str:
    return _("Balance of the judgment after each garnished paycheck. {takeaway}").format(
        takeaway=payoff_takeaway(schedule)
    )


def settlement_figure(paid: Decimal, cancelled: Decimal, tax: Decimal) -> go.Figure:
    """The deficiency split into what you pay and what is cancelled, and the tax beside it."""
    deficiency_row, tax_row = _("The deficiency"), _("Tax")
    rows = (
        (_("You pay"), paid, BORROWER, False),
        (_("Cancelled"), cancelled, CANCELLED, False),
        (_("Extra tax on the cancelled part"), tax, CHARGE, True),
    )
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "x": [float(amount)],
            "y": [tax_row if is_tax else deficiency_row],
            "name": name,
            "marker": {"color": colour, "line": {"color": "white", "width": 1}},
            # The tax bar is short, so its label sits outside: the amount alone, as the
            # row says "Tax" (a long label ran off a phone's screen); hover names it.
            "text": [
                format_usd(amount, cents=False)
                if is_tax
                else f"{name}<br>{format_usd(amount, cents=False)}"
            ],
            "textposition": "outside" if is_tax else "inside",
            "cliponaxis": False,
            "insidetextanchor": "middle",
            "hovertemplate": f"{name}: %{{x:$,.2f}}<extra></extra>",
        }
        for name, amount, colour, is_tax in rows
    ]
    layout = {
        "barmode": "stack",
        "xaxis": {**DOLLAR_AXIS, "rangemode": "tozero"},
        "yaxis": {"autorange": "reversed", "automargin": True},
        # No legend: each bar names itself (and the row says "Tax"). On a phone a legend
        # takes three rows and covers the dollar ticks.
        "showlegend": False,
        "margin": {"l": beside_room([deficiency_row]), "r": 70, "t": 60, "b": below_room(1)},
    }
    title = _("What a settlement splits, and the tax that follows")
    return base_figure(data, layout, title, 280)


def settlement_alt(percent: Decimal, paid: Decimal, cancelled: Decimal, tax: Decimal) -> str:
    return _(
        "Settling at {percent}%: you pay {paid}, {cancelled} is cancelled, and the cancelled "
        "part may add about {tax} of federal tax."
    ).format(
        percent=percent,
        paid=format_usd(paid),
        cancelled=format_usd(cancelled),
        tax=format_usd(tax),
    )


def months_words(option: OptionResult) -> str:
    """How long a way out takes, in words: "24 months", "at once", "not paid off"."""
    if option.months is None:
        return _("not paid off") if option.still_owed > ZERO else _("no payments")
    if option.months == 0:
        return _("at once")
    return ngettext("{months} months", "{months} months", option.months).format(
        months=option.months
    )


def planner_rows(options: Sequence[OptionResult], taxes: Sequence[Decimal]) -> list[dict[str, str]]:
    """The ways out side by side, one row each, amounts as exact text in the chart's order.

    Three columns, so a 390 px phone shows every one: the way out, what you pay and how
    long it takes, and what follows (cancelled, tax, still owed).
    """
    way_out, you_pay, then = _("Way out"), _("You pay"), _("Then")
    paying = _("{paid}, {months}")
    after = _("{cancelled} cancelled; about {tax} extra tax; {owed} still owed")
    return [
        {
            way_out: option.label,
            you_pay: paying.format(paid=format_usd(option.total_paid), months=months_words(option)),
            then: after.format(
                cancelled=format_usd(option.amount_cancelled),
                tax=format_usd(tax),
                owed=format_usd(option.still_owed),
            ),
        }
        for option, tax in zip(options, taxes, strict=True)
    ]


def planner_figure(options: Sequence[OptionResult], taxes: Sequence[Decimal]) -> go.Figure:
    """For each way out: total you pay, what is cancelled, tax, and anything still owed."""
    names = [
        f"{wrap(option.label, LABEL_WIDTH + 4)}<br>({months_words(option)})" for option in options
    ]
    series = (
        (_("You pay in total"), [option.total_paid for option in options], BORROWER),
        (_("Cancelled"), [option.amount_cancelled for option in options], CANCELLED),
        (_("Extra tax (estimate)"), list(taxes), CHARGE),
        (_("Still owed at the end"), [option.still_owed for option in options], TOTAL),
    )
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "x": [float(amount) for amount in amounts],
            "y": names,
            "name": name,
            "marker": {"color": colour},
            "text": [
                format_usd(amount, cents=False) if amount > ZERO else "" for amount in amounts
            ],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": f"%{{y}}<br>{name}: %{{x:$,.2f}}<extra></extra>",
        }
        for name, amounts, colour in series
    ]
    layout = {
        "barmode": "group",
        "xaxis": {**DOLLAR_AXIS, "rangemode": "tozero"},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "legend": {"orientation": "h", "y": -0.12, "x": 0},
        # Below: the dollar ticks, then the legend (measured).
        "margin": {"l": beside_room(names), "r": 70, "t": 60, "b": 88},
    }
    return base_figure(data, layout, _("Four ways out of the same deficiency"), 520)


def planner_takeaway(options: Sequence[OptionResult]) -> str:
    """Which option costs the least cash, and which never pays off."""
    paying = [option for option in options if option.total_paid > ZERO]
    cheapest = min(paying, key=lambda option: option.total_paid) if paying else None
    stuck = [option.label.lower() for option in options if option.still_owed > ZERO]
    if cheapest is None and not stuck:
        return _("Nothing is owed.")
    words = {"stuck": joined(stuck)}
    if cheapest is not None:
        words |= {
            "cheapest": cheapest.label.lower(),
            "cost": format_usd(cheapest.total_paid, cents=False),
        }
    if cheapest is not None and stuck:
        sentence = ngettext(
            "Of the options that pay something, {cheapest} costs the least cash ({cost}); "
            "{stuck} leaves a balance unpaid.",
            "Of the options that pay something, {cheapest} costs the least cash ({cost}); "
            "{stuck} leaves a balance unpaid.",
            len(stuck),
        )
    elif cheapest is not None:
        sentence = _("Of the options that pay something, {cheapest} costs the least cash ({cost}).")
    else:
        sentence = ngettext(
            "{stuck} leaves a balance unpaid.", "{stuck} leaves a balance unpaid.", len(stuck)
        )
    return sentence.format(**words)


def planner_alt(options: Sequence[OptionResult], taxes: Sequence[Decimal]) -> str:
    row = _("{option}: pay {paid} ({months}), {cancelled} cancelled, about {tax} tax")
    rows = "; ".join(
        row.format(
            option=option.label,
            paid=format_usd(option.total_paid),
            months=months_words(option),
            cancelled=format_usd(option.amount_cancelled),
            tax=format_usd(tax),
        )
        for option, tax in zip(options, taxes, strict=True)
    )
    return _("{takeaway} {rows}.").format(takeaway=planner_takeaway(options), rows=rows)

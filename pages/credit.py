"""Credit report: how the chosen scenario is reported, for how long, and what it blocks."""

from datetime import date

import streamlit as st

from deficiency import (
    DeficiencyPath,
    EventKind,
    credit_disclaimer,
    credit_reporting,
    new_mortgage_dates,
    path_choices,
    timeline_gaps,
)
from ui.kit.cache import MONTHS_LABELS, side_case
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.inputs import COLUMN_GAP, choice_input
from ui.kit.sources import source_markdown, source_note, sources_markdown
from ui.kit.text import literal_dollars
from ui.next_steps import inputs
from ui.next_steps.charts import day, timeline_alt, timeline_figure, timeline_takeaway

require_entrypoint()


def metro2_words(code: str | None, verified: bool, special_comment: str | None) -> str:
    """A status's Metro 2 code in brackets, as the borrower may find it on their report."""
    words = f"code {code}" if code else ("no code of its own" if verified else "code not checked")
    if special_comment:
        words += f", special comment {special_comment}"
    return f"[Metro 2: {words}]"


def waiting_words(years: int, extenuating: str) -> str:
    """The wait in years, and the wait with extenuating circumstances."""
    return f"{years} year{'' if years == 1 else 's'}; with extenuating circumstances: {extenuating}"


st.title("What it does to your credit report")
st.caption(
    "What your credit report will likely say after the sale, how long it stays there, and "
    "when you could get a new mortgage. It uses the scenario from the other pages."
)

side, _, exit = inputs.page_scenario()
case, case_error = side_case(st.session_state, side, date.today())
if case is None:
    st.error(f"{case_error}.", icon=":material/error:")
    st.stop()
own_path, *other_paths = path_choices(case.outcome.terms.resolution)
path_options = [("scenario", f"As in the scenario: {own_path.label.lower()}")] + [
    (path.value, path.label) for path in other_paths
]
st.session_state.setdefault("r_path", "scenario")
if st.session_state["r_path"] not in dict(path_options):
    st.session_state["r_path"] = "scenario"
chosen = choice_input("r_path", "What became of the deficiency", path_options)
path = own_path if chosen == "scenario" else DeficiencyPath(chosen)

report = credit_reporting(exit, path)

st.header("What the report will likely say")
rows = [
    {
        "When": status.stage,
        "What the report shows": f"{status.status} "
        + metro2_words(status.code, status.verified, status.special_comment),
        "How sure": status.confidence.short,
    }
    for status in report.statuses
]
st.table(rows, alt="How the account is typically reported, stage by stage")
for status in report.statuses:
    if status.note:
        st.caption(status.note)
if report.judgment_note:
    st.info(report.judgment_note, icon=":material/gavel:")
    st.markdown(source_note(report.judgment_sources))

st.header("Dates, from your first missed payment")
left, right = st.columns([1, 2], gap=COLUMN_GAP)
gaps = timeline_gaps(exit, path)
with left:
    inputs.first_missed_input(case, case_error)
    inputs.months_box(
        "r_months_to_sale",
        MONTHS_LABELS[0],
        240,
        help=gaps.note,
        assumed=gaps.months_to_sale,
    )
    inputs.months_box(
        "r_months_to_resolution",
        MONTHS_LABELS[1],
        240,
        help=gaps.note,
        assumed=gaps.months_to_resolution,
    )
    if case_error is not None and case_error.field in MONTHS_LABELS:
        st.error(f"{case_error}.", icon=":material/error:")
    st.caption(
        "Left empty, each gap is an illustrative assumption, not a typical figure: enter "
        "your own. Dates built on an assumed date or gap show as hollow markers."
    )

# The case's own events; another path keeps the case's dates (CaseOutcome.timeline_on).
events = case.timeline_on(path)
with right:
    removal = next(e for e in events if e.kind is EventKind.REPORT_REMOVAL)
    standard, extenuating = new_mortgage_dates(events)
    show_cards(
        [
            Card("Off credit reports by", day(removal.when)),
            # The rule behind the date is long: the list of every date below gives it.
            Card(
                "Earliest new mortgage",
                day(standard.when),
                f"{standard.label}. The rule is under Every date below.",
            )
            if standard
            else Card("Earliest new mortgage", "No set wait found"),
        ],
        "Credit report: the dates",
    )
    if standard and extenuating:
        st.caption(f"{extenuating.label}: {day(extenuating.when)}.")
    show_chart(
        timeline_figure(events, "From the first missed payment to a clean report"),
        key="r_timeline_chart",
        alt=timeline_alt(events),
    )
    st.caption(timeline_takeaway(events))

start_assumed = case.case.dates.first_missed_assumed
with st.expander("Every date, with the rule behind it", icon=":material/event:"):
    st.table(
        [
            {
                "Date": day(event.when)
                + (", assumed" if event.illustrative or start_assumed else ""),
                "What happens, and why": f"**{event.label}.** "
                + literal_dollars(event.detail)
                + " Source: "
                + (sources_markdown(event.sources) or "an assumption, no source"),
            }
            for event in events
        ],
        alt="Every date on the timeline, why it falls there, and where its rule was read",
    )

st.header("How long it stays")
st.markdown(report.stays)
st.markdown(source_note(report.stays_sources))

st.header("Waiting periods before a new mortgage")
if report.waiting_periods:
    st.table(
        [
            {
                "Program": f"{period.program}, after a {period.event.replace('_', ' ')}",
                "Wait": waiting_words(period.years, period.extenuating),
                "Details": " ".join(
                    part
                    for part in (
                        f"Counted from {period.counted_from}.",
                        period.note,
                        f"({period.confidence.short})",
                    )
                    if part
                ),
            }
            for period in report.waiting_periods
        ],
        alt="Years to wait before a new Fannie Mae, FHA or VA mortgage",
    )
for rule in report.unchecked:
    st.warning(
        f"**{rule.program}**: {rule.text} {rule.sources[0].confidence.label}; do not rely on it.",
        icon=":material/help:",
    )
    st.markdown(source_note(rule.sources, "Looked for in"))

with st.expander("Sources", icon=":material/menu_book:"):
    for status in report.statuses:
        for source in status.sources:
            st.markdown(f"- **{literal_dollars(status.status)}**: {source_markdown(source)}")
    for period in report.waiting_periods:
        event = period.event.replace("_", " ")
        for source in period.sources:
            st.markdown(f"- **{period.program}, {event}**: {source_markdown(source)}")
st.caption(credit_disclaimer())

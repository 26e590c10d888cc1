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
from ui.kit.i18n import N_, _, ngettext
from ui.kit.inputs import COLUMN_GAP, radio_input
from ui.kit.sources import source_markdown, source_note, sources_markdown
from ui.kit.text import literal_dollars
from ui.next_steps import inputs
from ui.next_steps.charts import day, timeline_alt, timeline_figure, timeline_takeaway

require_entrypoint()


def metro2_words(code: str | None, verified: bool, special_comment: str | None) -> str:
    """A status's Metro 2 code in brackets, as the borrower may find it on their report."""
    if code:
        words = _("code {code}").format(code=code)
    else:
        words = _("no code of its own") if verified else _("code not checked")
    if special_comment:
        words = _("{words}, special comment {comment}").format(words=words, comment=special_comment)
    return f"[Metro 2: {words}]"


def waiting_words(years: int, extenuating: str) -> str:
    """The wait in years, and the wait with extenuating circumstances."""
    return ngettext(
        "{years} year; with extenuating circumstances: {extenuating}",
        "{years} years; with extenuating circumstances: {extenuating}",
        years,
    ).format(years=years, extenuating=extenuating)


#: The event a waiting period is counted from, as the data names it.
WAITING_EVENTS = {
    "foreclosure": N_("foreclosure"),
    "short_sale": N_("short sale"),
    "deed_in_lieu": N_("deed in lieu"),
    "charged_off": N_("charged off"),
}


def event_words(event: str) -> str:
    """A waiting period's event in words ("short_sale" -> "short sale")."""
    known = WAITING_EVENTS.get(event)
    return _(known) if known else event.replace("_", " ")


st.title(_("What it does to your credit report"))
st.caption(
    _(
        "What your credit report will likely say after the sale, how long it stays there, and "
        "when you could get a new mortgage. It uses the scenario from the other pages."
    )
)

side, _outcome, exit = inputs.page_scenario()
case, case_error = side_case(st.session_state, side, date.today())
if case is None:
    st.error(_("{error}.").format(error=case_error), icon=":material/error:")
    st.stop()
own_path, *other_paths = path_choices(case.outcome.terms.resolution)
as_scenario = _("As in the scenario: {path}").format(path=own_path.label.lower())
path_options = [("scenario", as_scenario)] + [(path.value, path.label) for path in other_paths]
st.session_state.setdefault("r_path", "scenario")
if st.session_state["r_path"] not in dict(path_options):
    st.session_state["r_path"] = "scenario"
# Radio buttons: each path wraps on its own line on a phone (a segmented control cut them).
chosen = radio_input("r_path", _("What became of the deficiency"), path_options)
path = own_path if chosen == "scenario" else DeficiencyPath(chosen)

report = credit_reporting(exit, path)

st.header(_("What the report will likely say"))
when, shows, sure = _("When"), _("What the report shows"), _("How sure")
rows = [
    {
        when: status.stage,
        shows: f"{status.status} "
        + metro2_words(status.code, status.verified, status.special_comment),
        sure: status.confidence.short,
    }
    for status in report.statuses
]
st.table(rows, alt=_("How the account is typically reported, stage by stage"))
for status in report.statuses:
    if status.note:
        st.caption(status.note)
if report.judgment_note:
    st.info(report.judgment_note, icon=":material/gavel:")
    st.markdown(source_note(report.judgment_sources))

st.header(_("Dates, from your first missed payment"))
left, right = st.columns([1, 2], gap=COLUMN_GAP)
gaps = timeline_gaps(exit, path)
with left:
    inputs.first_missed_input(case, case_error)
    inputs.months_box(
        "r_months_to_sale",
        _(MONTHS_LABELS[0]),
        240,
        help=gaps.note,
        assumed=gaps.months_to_sale,
    )
    inputs.months_box(
        "r_months_to_resolution",
        _(MONTHS_LABELS[1]),
        240,
        help=gaps.note,
        assumed=gaps.months_to_resolution,
    )
    if case_error is not None and case_error.field in MONTHS_LABELS:
        st.error(_("{error}.").format(error=case_error), icon=":material/error:")
    st.caption(
        _(
            "Left empty, each gap is an illustrative assumption, not a typical figure: enter "
            "your own. Dates built on an assumed date or gap show as hollow markers."
        )
    )

# The case's own events; another path keeps the case's dates (CaseOutcome.timeline_on).
events = case.timeline_on(path)
with right:
    removal = next(e for e in events if e.kind is EventKind.REPORT_REMOVAL)
    standard, extenuating = new_mortgage_dates(events)
    show_cards(
        [
            Card(_("Off credit reports by"), day(removal.when)),
            # The rule behind the date is long: the list of every date below gives it.
            Card(
                _("Earliest new mortgage"),
                day(standard.when),
                _("{mortgage}. The rule is under Every date below.").format(
                    mortgage=standard.label
                ),
            )
            if standard
            else Card(_("Earliest new mortgage"), _("No set wait found")),
        ],
        _("Credit report: the dates"),
    )
    if standard and extenuating:
        st.caption(
            _("{mortgage}: {date}.").format(mortgage=extenuating.label, date=day(extenuating.when))
        )
    show_chart(
        timeline_figure(events, _("From the first missed payment to a clean report")),
        key="r_timeline_chart",
        alt=timeline_alt(events),
    )
    st.caption(timeline_takeaway(events))

start_assumed = case.case.dates.first_missed_assumed
with st.expander(_("Every date, with the rule behind it"), icon=":material/event:"):
    date_column, why_column = _("Date"), _("What happens, and why")
    assumed_date = _("{date}, assumed")
    happens = _("**{event}.** {detail} Source: {sources}")
    st.table(
        [
            {
                date_column: assumed_date.format(date=day(event.when))
                if event.illustrative or start_assumed
                else day(event.when),
                why_column: happens.format(
                    event=event.label,
                    detail=literal_dollars(event.detail),
                    sources=sources_markdown(event.sources) or _("an assumption, no source"),
                ),
            }
            for event in events
        ],
        alt=_("Every date on the timeline, why it falls there, and where its rule was read"),
    )

st.header(_("How long it stays"))
st.markdown(report.stays)
st.markdown(source_note(report.stays_sources))

st.header(_("Waiting periods before a new mortgage"))
if report.waiting_periods:
    program, wait, details = _("Program"), _("Wait"), _("Details")
    st.table(
        [
            {
                program: _("{program}, after a {event}").format(
                    program=period.program, event=event_words(period.event)
                ),
                wait: waiting_words(period.years, period.extenuating),
                details: " ".join(
                    part
                    for part in (
                        _("Counted from {start}.").format(start=period.counted_from),
                        period.note,
                        f"({period.confidence.short})",
                    )
                    if part
                ),
            }
            for period in report.waiting_periods
        ],
        alt=_("Years to wait before a new Fannie Mae, FHA or VA mortgage"),
    )
for rule in report.unchecked:
    st.warning(
        _("**{program}**: {text} {confidence}; do not rely on it.").format(
            program=rule.program, text=rule.text, confidence=rule.sources[0].confidence.label
        ),
        icon=":material/help:",
    )
    st.markdown(source_note(rule.sources, _("Looked for in")))

with st.expander(_("Sources"), icon=":material/menu_book:"):
    for status in report.statuses:
        for source in status.sources:
            st.markdown(f"- **{literal_dollars(status.status)}**: {source_markdown(source)}")
    for period in report.waiting_periods:
        event = event_words(period.event)
        for source in period.sources:
            st.markdown(f"- **{period.program}, {event}**: {source_markdown(source)}")
st.caption(credit_disclaimer())

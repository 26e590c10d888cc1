"""Printable report: the Compare scenarios on one letter-size PDF page, with a preview."""

from datetime import date

import streamlit as st

from deficiency import current_language
from ui.counselor.report import (
    ReportError,
    ReportSide,
    answer_of,
    build_report,
    long_date,
    report_side,
    statement_heading,
    who_pays_title,
)
from ui.kit.cache import side_case
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.figures import outcome_alt, outcome_figure, waterfall_alt, waterfall_figure
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP, DATE_FORMAT
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.tables import statement_table
from ui.kit.text import literal_dollars

require_entrypoint()

#: The PDF last built this visit: the scenarios and date it shows, its bytes or its error.
PDF_KEY = "rp_pdf"


def _build(wanted: tuple[tuple[ReportSide, ...], date, str]) -> None:
    """Build the PDF of these scenarios and date, or keep why it could not be built."""
    sides, prepared_on, _language = wanted
    try:
        st.session_state[PDF_KEY] = (wanted, build_report(sides, prepared_on=prepared_on), None)
    except ReportError as error:
        st.session_state[PDF_KEY] = (wanted, None, str(error))


st.title(_("Printable report"))
st.caption(
    _(
        "One letter-size page with both Compare scenarios: the inputs, the itemized "
        "statements, the charts, the assumptions and the date. Change the figures on Compare, "
        "Mortgage exit or Car repossession; this page follows them."
    )
)

sides = []
for side in (MORTGAGE, CAR):
    answer, error = side_case(st.session_state, side, date.today())
    if error is not None:
        st.warning(
            _("{loan}: {problem}. The report uses the last figures that could be computed.").format(
                loan=_(side.title), problem=error
            ),
            icon=":material/warning:",
        )
    if answer is not None:
        sides.append(report_side(side, st.session_state, answer))

with st.container(horizontal=True, vertical_alignment="bottom"):
    prepared_on = st.date_input(
        _("Date printed on the report"),
        value="today",
        key="rp_date",
        format=DATE_FORMAT,
        width=220,
        persist_state="session",
    )
    # Built in the page's run, not when a download is clicked: a download whose data
    # fails vanishes without a word. A PDF built is kept for the figures it shows.
    # The language too: the PDF is written in the reader's language.
    wanted = (tuple(sides), prepared_on, current_language())
    built = st.session_state.get(PDF_KEY)
    if built is not None and built[0] != wanted:
        built = None
    st.button(
        _("Build the PDF"),
        key="rp_build",
        icon=":material/picture_as_pdf:",
        type="secondary" if built else "primary",
        disabled=not sides or (built is not None and built[1] is not None),
        on_click=_build,
        args=(wanted,),
    )
    built = st.session_state.get(PDF_KEY)
    if built is not None and built[0] != wanted:
        built = None
    if built is not None and built[1] is not None:
        st.download_button(
            _("Download the PDF"),
            built[1],
            file_name=f"deficiency-report-{prepared_on.isoformat()}.pdf",
            mime="application/pdf",
            icon=":material/download:",
            key="rp_download",
            type="primary",
            on_click="ignore",
        )
if built is not None and built[2] is not None:
    st.error(
        _(
            "The PDF could not be built: {problem}. Nothing was downloaded; try again, and if "
            "it keeps failing, print this page from the browser instead."
        ).format(problem=built[2]),
        icon=":material/error:",
    )
st.caption(
    _(
        "The PDF is built when you ask: its charts take a few seconds to draw, on this "
        "machine only. Change a figure and build it again."
    )
)

st.header(_("What the page contains"))
st.markdown(_("**Deficiency balance report**, prepared {date}").format(date=long_date(prepared_on)))
for item, column in zip(sides, st.columns(len(sides), gap=COLUMN_GAP), strict=True):
    with column:
        st.subheader(item.name)
        st.caption(_("Starting scenario: {title}").format(title=item.preset_title))
        outcome = item.outcome
        answer = answer_of(item.answer)
        # The same answer the PDF's headline prints, keyed so a test can read it.
        with st.container(key=f"rp_answer_{item.slug}", border=True):
            st.markdown(literal_dollars(f"**{answer.title}**"))
            st.markdown(literal_dollars(answer.reason))
            for label, value in answer.figures:
                st.markdown(literal_dollars(f"{label}: **{value}**"))
        st.markdown(
            _("**Inputs**: {inputs}").format(
                inputs=literal_dollars(
                    "; ".join(f"{label}: {value}" for label, value in item.inputs)
                )
            )
        )
        st.markdown(f"**{statement_heading(outcome)}**")
        st.table(
            statement_table(outcome.statement),
            alt=_("Itemized statement for {collateral}").format(collateral=item.collateral),
        )
        show_chart(
            waterfall_figure(
                outcome.statement,
                _("How the figure for {collateral} builds").format(collateral=item.collateral),
            ),
            key=f"rp_waterfall_{item.slug}",
            alt=waterfall_alt(outcome.statement, item.collateral),
        )
rows = [(item.name, item.outcome) for item in sides]
show_chart(
    outcome_figure(rows, who_pays_title()),
    key="rp_outcomes",
    alt=outcome_alt(rows),
)
notes = [(label, note) for item in sides for label, note in item.assumptions]
st.markdown(_("**Assumptions**"))
if notes:
    for label, note in notes:
        st.markdown(literal_dollars(f"- **{label}**: {note}"))
else:
    st.caption(_("The worked examples assume nothing beyond the figures shown."))
# Not quoted here: this page's own foot already shows the same line, just below.
st.caption(_("The PDF ends with the not-advice line shown at the foot of this page."))

"""Caseload: upload a CSV of cases, compute every row, download the results."""

from functools import partial

import pandas as pd
import streamlit as st

from deficiency import column_descriptions, current_language, format_usd, template_csv
from ui.counselor.caseload import (
    DISPLAY_ROWS,
    FIGURE_LABELS,
    FIGURES,
    LISTED_ERRORS,
    MAX_UPLOAD_MB,
    UPLOAD_TYPES,
    CaseloadFileError,
    code_labels,
    example_upload,
    json_lines,
    run_caseload,
    upload_format,
)
from ui.counselor.caseload_charts import cases_alt, cases_figure, deficiency_alt, deficiency_figure
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _, ngettext, pgettext
from ui.kit.text import plain

require_entrypoint()

st.title(_("Caseload: many clients at once"))
st.caption(
    _(
        "One row per client, mortgage and car rows mixed. Every row is checked and computed; a "
        "row with a problem comes back with each bad field named, never dropped or silently fixed."
    )
)

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.download_button(
        _("Download the template"),
        template_csv(),
        file_name="caseload-template.csv",
        mime="text/csv",
        icon=":material/download:",
        key="cl_template",
        on_click="ignore",
    )
    columns_open = st.toggle(
        _("Show the columns the file can have"),
        key="cl_show_columns",
        persist_state="session",
        wrap=True,
    )
if columns_open:
    applies_to = {
        "both": pgettext("applies to", "both"),
        "mortgage": pgettext("applies to", "mortgage"),
        "auto": pgettext("applies to", "auto"),
    }
    kinds = {
        "text": pgettext("column kind", "text"),
        "choice": pgettext("column kind", "choice"),
        "money": pgettext("column kind", "money"),
        "percent": pgettext("column kind", "percent"),
        "count": pgettext("column kind", "count"),
    }
    st.dataframe(
        pd.DataFrame(
            [
                (
                    c.name,
                    applies_to.get(c.applies_to, c.applies_to),
                    c.label,
                    kinds.get(c.kind, c.kind),
                )
                for c in column_descriptions()
            ],
            columns=[_("Column"), _("Applies to"), _("What it holds"), _("Kind")],
        ),
        hide_index=True,
        key="cl_columns",
        alt=_("The columns of a caseload file"),
    )
    st.caption(
        _(
            "Only case_id, kind, exit and resolution are required; a blank cell or a column "
            "left out takes the default (zero, or 50% for the settlement share). Amounts may be "
            "written as 1234.56 or $1,234.56. The state and its fact_ columns are optional: a "
            "blank state applies no state law, a blank answer counts as unknown (it never bars "
            "a deficiency)."
        )
    )
    if current_language() != "en":
        st.caption(
            _(
                "The file's column names and its codes (mortgage, auto, short_sale, waived...) "
                "stay in English, in the template and in the results file: they are names a "
                "program reads. The results file's messages are in Spanish."
            )
        )

uploaded = st.file_uploader(
    _("Upload a caseload (CSV in UTF-8, or Parquet)"),
    type=list(UPLOAD_TYPES),
    key="cl_upload",
    max_upload_size=MAX_UPLOAD_MB,
    help=_("Up to {limit} MB. Larger files: python -m deficiency batch cases.csv").format(
        limit=MAX_UPLOAD_MB
    ),
)

if uploaded is None:
    source, size, name, kind = example_upload(), None, "caseload", "csv"
    st.info(
        _("Showing the template's two worked examples until you upload a file."),
        icon=":material/info:",
    )
else:
    source, size = uploaded, uploaded.size
    name, kind = uploaded.name.rsplit(".", 1)[0], upload_format(uploaded.name)

# One processed upload per session and language, reused until another file is chosen.
token = (uploaded.file_id if uploaded is not None else "example", current_language())
cached = st.session_state.get("cl_run")
if cached is None or cached[0] != token:
    try:
        with st.spinner(_("Computing every row...")):
            cached = (token, run_caseload(source, size, kind), None)
    except CaseloadFileError as error:
        cached = (token, None, str(error))
    st.session_state["cl_run"] = cached
_token, run, problem = cached

if problem is not None:
    st.error(plain(problem), icon=":material/error:")
elif run is not None and run.summary.rows == 0:
    st.warning(_("The file has a header row but no cases."), icon=":material/warning:")
elif run is not None:
    totals = run.totals
    show_cards(
        [
            Card(_("Cases"), f"{totals.rows:,}"),
            Card(_("Computed"), f"{totals.ok:,}"),
            Card(_("With errors"), f"{totals.failed:,}"),
            Card(_("Total deficiency"), format_usd(totals.deficiency), _("Before any state law.")),
            Card(_("Barred by state law"), format_usd(totals.barred)),
            Card(_("Borrowers owe"), format_usd(totals.borrower_owes)),
            Card(_("Cancelled"), format_usd(totals.cancelled), _("Forgiven by the lenders.")),
        ],
        _("Caseload: the totals"),
    )

    with st.container(horizontal=True):
        st.download_button(
            _("Download results (CSV)"),
            run.results_csv,
            file_name=f"{name}-results.csv",
            mime="text/csv",
            icon=":material/download:",
            key="cl_results_csv",
            on_click="ignore",
        )
        if kind == "csv":  # JSON Lines are written from CSV rows only
            st.download_button(
                _("Download results (JSON Lines)"),
                # Built when the download is asked for: in the language of this run.
                partial(json_lines, source, current_language()),
                file_name=f"{name}-results.jsonl",
                mime="application/jsonl",
                icon=":material/download:",
                key="cl_results_json",
                on_click="ignore",
            )

    if run.errors:
        if totals.failed > LISTED_ERRORS:
            heading = ngettext(
                "{count} row could not be computed (the first {listed} are listed)",
                "{count} rows could not be computed (the first {listed} are listed)",
                totals.failed,
            ).format(count=f"{totals.failed:,}", listed=LISTED_ERRORS)
        else:
            heading = ngettext(
                "{count} row could not be computed",
                "{count} rows could not be computed",
                totals.failed,
            ).format(count=f"{totals.failed:,}")
        no_id = _("(no case id)")
        with st.container(border=True):
            st.markdown(f"**{heading}**")
            for case_id, problems in run.errors:
                st.markdown(f"- **{plain(case_id) or no_id}**: " + plain("; ".join(problems)))

    # Who and how first, the figures next, the (often empty) errors last; codes in words.
    order = ["case_id", "kind", "state", "exit", "resolution", "status", *FIGURES, "rule", "errors"]
    table = pd.DataFrame(list(run.shown), columns=order)
    for column, labels in code_labels().items():
        table[column] = table[column].replace(labels)
    for column in FIGURES:
        table[column] = pd.to_numeric(table[column], errors="coerce")
    shown = len(run.shown)
    st.header(_("Every case"))
    if totals.rows > shown:
        st.caption(
            _("Showing the first {shown} of {rows} rows; the downloads hold all.").format(
                shown=f"{DISPLAY_ROWS:,}", rows=f"{totals.rows:,}"
            )
        )
    st.dataframe(
        table,
        hide_index=True,
        key="cl_table",
        column_config={
            "case_id": st.column_config.TextColumn(_("Case"), pinned=True),
            "kind": _("Kind"),
            "state": _("State"),
            "status": _("Status"),
            "rule": st.column_config.TextColumn(_("State rule that applied")),
            "errors": st.column_config.TextColumn(_("Errors")),
            **{
                column: st.column_config.NumberColumn(_(FIGURE_LABELS[column]), format="dollar")
                for column in FIGURES
            },
            "exit": _("Exit"),
            "resolution": _("Resolution"),
        },
        alt=ngettext(
            "Results of {count} case: status, errors, the state's rule and the figures of each",
            "Results of {count} cases: status, errors, the state's rule and the figures of each",
            shown,
        ).format(count=f"{shown:,}"),
    )

    left, right = st.columns(2)
    with left:
        show_chart(
            deficiency_figure(totals),
            key="cl_deficiency_chart",
            alt=deficiency_alt(totals),
        )
    with right:
        show_chart(
            cases_figure(totals),
            key="cl_cases_chart",
            alt=cases_alt(totals),
        )

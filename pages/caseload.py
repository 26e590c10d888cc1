"""Caseload: upload a CSV of cases, compute every row, download the results."""

import pandas as pd
import streamlit as st

from deficiency import column_descriptions, format_usd, template_csv
from ui.counselor.caseload import (
    CODE_LABELS,
    DISPLAY_ROWS,
    FIGURES,
    LISTED_ERRORS,
    MAX_UPLOAD_MB,
    UPLOAD_TYPES,
    CaseloadFileError,
    example_upload,
    json_lines,
    run_caseload,
    upload_format,
)
from ui.counselor.caseload_charts import cases_alt, cases_figure, deficiency_alt, deficiency_figure
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.text import plain

require_entrypoint()

st.title("Caseload: many clients at once")
st.caption(
    "One row per client, mortgage and car rows mixed. Every row is checked and computed; a row "
    "with a problem comes back with each bad field named, never dropped or silently fixed."
)

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.download_button(
        "Download the template",
        template_csv(),
        file_name="caseload-template.csv",
        mime="text/csv",
        icon=":material/download:",
        key="cl_template",
        on_click="ignore",
    )
    columns_open = st.toggle(
        "Show the columns the file can have",
        key="cl_show_columns",
        persist_state="session",
        wrap=True,
    )
if columns_open:
    st.dataframe(
        pd.DataFrame(
            [(c.name, c.applies_to, c.label, c.kind) for c in column_descriptions()],
            columns=["Column", "Applies to", "What it holds", "Kind"],
        ),
        hide_index=True,
        key="cl_columns",
        alt="The columns of a caseload file",
    )
    st.caption(
        "Only case_id, kind, exit and resolution are required; a blank cell or a column left "
        "out takes the default (zero, or 50% for the settlement share). Amounts may be written "
        "as 1234.56 or $1,234.56. The state and its fact_ columns are optional: a blank state "
        "applies no state law, a blank answer counts as unknown (it never bars a deficiency)."
    )

uploaded = st.file_uploader(
    "Upload a caseload (CSV in UTF-8, or Parquet)",
    type=list(UPLOAD_TYPES),
    key="cl_upload",
    max_upload_size=MAX_UPLOAD_MB,
    help=f"Up to {MAX_UPLOAD_MB} MB. Larger files: python -m deficiency batch cases.csv",
)

if uploaded is None:
    source, size, name, kind = example_upload(), None, "caseload", "csv"
    st.info(
        "Showing the template's two worked examples until you upload a file.",
        icon=":material/info:",
    )
else:
    source, size = uploaded, uploaded.size
    name, kind = uploaded.name.rsplit(".", 1)[0], upload_format(uploaded.name)

# One processed upload per session, reused until another file is chosen.
token = uploaded.file_id if uploaded is not None else "example"
cached = st.session_state.get("cl_run")
if cached is None or cached[0] != token:
    try:
        with st.spinner("Computing every row..."):
            cached = (token, run_caseload(source, size, kind), None)
    except CaseloadFileError as error:
        cached = (token, None, str(error))
    st.session_state["cl_run"] = cached
_, run, problem = cached

if problem is not None:
    st.error(plain(problem), icon=":material/error:")
elif run is not None and run.summary.rows == 0:
    st.warning("The file has a header row but no cases.", icon=":material/warning:")
elif run is not None:
    totals = run.totals
    show_cards(
        [
            Card("Cases", f"{totals.rows:,}"),
            Card("Computed", f"{totals.ok:,}"),
            Card("With errors", f"{totals.failed:,}"),
            Card("Total deficiency", format_usd(totals.deficiency), "Before any state law."),
            Card("Barred by state law", format_usd(totals.barred)),
            Card("Borrowers owe", format_usd(totals.borrower_owes)),
            Card("Cancelled", format_usd(totals.cancelled), "Forgiven by the lenders."),
        ],
        "Caseload: the totals",
    )

    with st.container(horizontal=True):
        st.download_button(
            "Download results (CSV)",
            run.results_csv,
            file_name=f"{name}-results.csv",
            mime="text/csv",
            icon=":material/download:",
            key="cl_results_csv",
            on_click="ignore",
        )
        if kind == "csv":  # JSON Lines are written from CSV rows only
            st.download_button(
                "Download results (JSON Lines)",
                lambda: json_lines(source),
                file_name=f"{name}-results.jsonl",
                mime="application/jsonl",
                icon=":material/download:",
                key="cl_results_json",
                on_click="ignore",
            )

    if run.errors:
        more = f" (the first {LISTED_ERRORS} are listed)" if totals.failed > LISTED_ERRORS else ""
        with st.container(border=True):
            st.markdown(f"**{totals.failed:,} rows could not be computed{more}**")
            for case_id, problems in run.errors:
                st.markdown(
                    f"- **{plain(case_id) or '(no case id)'}**: " + plain("; ".join(problems))
                )

    # Who and how first, the figures next, the (often empty) errors last; codes in words.
    order = ["case_id", "kind", "state", "exit", "resolution", "status", *FIGURES, "rule", "errors"]
    table = pd.DataFrame(list(run.shown), columns=order)
    for column, labels in CODE_LABELS.items():
        table[column] = table[column].replace(labels)
    for column in FIGURES:
        table[column] = pd.to_numeric(table[column], errors="coerce")
    shown = len(run.shown)
    st.header("Every case")
    if totals.rows > shown:
        st.caption(
            f"Showing the first {DISPLAY_ROWS:,} of {totals.rows:,} rows; the downloads hold all."
        )
    st.dataframe(
        table,
        hide_index=True,
        key="cl_table",
        column_config={
            "case_id": st.column_config.TextColumn("Case", pinned=True),
            "kind": "Kind",
            "state": "State",
            "status": "Status",
            "rule": st.column_config.TextColumn("State rule that applied"),
            "errors": st.column_config.TextColumn("Errors"),
            **{
                column: st.column_config.NumberColumn(
                    column.replace("_", " ").capitalize(), format="dollar"
                )
                for column in FIGURES
            },
            "exit": "Exit",
            "resolution": "Resolution",
        },
        alt=f"Results of {shown:,} cases: status, errors, the state's rule and the figures of each",
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

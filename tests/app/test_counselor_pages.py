"""AppTest of the counselor pages: check a letter, caseload upload, printable report."""

from __future__ import annotations

from datetime import date

import pytest

from deficiency import template_csv
from tests.helpers import (
    card_words,
    chart,
    charts,
    keyed_markdown,
    metrics,
    pair,
    rendered,
    start,
    trace_text,
)

LETTER = "pages/letter.py"
CASELOAD = "pages/caseload.py"
REPORT = "pages/report.py"


def flag_titles(at) -> list[str]:
    return [rendered(block.value) for block in at.markdown if block.value.startswith(":material/")]


def frame_with(at, column: str):
    """The table (as a DataFrame) that has this column."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def table_with(at, column: str):
    """The static table (as a DataFrame) that has this column."""
    return next(table.value for table in at.table if column in table.value.columns)


def errors(at) -> list[str]:
    return [rendered(element.value) for element in at.error]


def test_the_example_letter_adds_up_and_its_repossession_fee_is_questioned():
    at = start(LETTER)
    assert any("Each line follows" in element.value for element in at.success)
    figure, alt = chart(at, "lt_waterfall")
    assert trace_text(figure) == ["$10,000.00", "−$8,500.00", "+$500.00", "$2,000.00"]
    assert "deficiency of $2,000.00" in alt
    titles = " ".join(flag_titles(at))
    assert "Repossession fee: $500.00 is above $350.00" in titles
    assert "arithmetic adds up" in titles


def test_every_flag_shows_where_its_rule_or_figure_was_read():
    at = start(LETTER)
    sources = [block.value for block in at.markdown if block.value.startswith(":small[Sources:")]
    assert sources and all("read 2 Dec 2026" in line for line in sources)
    shown = " ".join(sources)
    assert "CFPB Supervisory Highlights, Junk Fees Special Edition, Issue 29" in shown
    assert "([usedcarnews.com](https://usedcarnews.com/" in shown
    assert "from a trusted guide: the law itself was not read" in shown


def test_a_wrong_line_6_is_flagged_with_the_right_figure():
    at = start(LETTER)
    at.text_input(key="lt_line_6").set_value("$2,500.00").run()
    assert not at.exception
    assert any("do not add up on 6." in message for message in errors(at))
    table = table_with(at, "Its own figures give")
    row = table[table["Line"].str.startswith("6.")].iloc[0]
    assert (row["The letter says"], row["Its own figures give"]) == (
        "Deficiency $2,500.00",
        "Deficiency $2,000.00 (differs)",
    )
    assert any("Line 6 does not equal" in title for title in flag_titles(at))


def test_a_mortgage_servicers_letter_is_checked_under_the_cases_state_law():
    at = start(LETTER)
    at.radio(key="lt_kind").set_value("mortgage").run()
    assert not at.exception
    rows = table_with(at, "Amount").set_index("Line")["Amount"]
    assert rows["Deficiency from these lines"] == "$56,500.00"
    assert rows["The letter claims"] == "$56,500.00"
    assert "The letter's arithmetic adds up" in " ".join(flag_titles(at))
    assert not charts(at)  # the car's six-line waterfall is not drawn for a house
    at.text_input(key="lt_interest").set_value("1,200").run()
    assert any("does not follow" in title for title in flag_titles(at))
    # The California home, its questions answered on Mortgage exit: barred.
    state = at.session_state
    state["state"] = "CA"
    for fact in (
        "purchase_money",
        "owner_occupied",
        "one_to_four_units",
        "secured_only_by_home",
        "individual_borrower",
    ):
        state[f"m_f_{fact}"] = "yes"
    at.run()
    assert any("California law bars this deficiency" in title for title in flag_titles(at))
    at.text_input(key="lt_sale_price").set_value("lots").run()
    assert "'lots' is not a number" in errors(at)


def test_a_wrong_line_3_and_a_surplus_letter():
    at = start(LETTER)
    at.text_input(key="lt_balance_after_proceeds").set_value("1,600").run()
    assert any("Line 3 does not equal" in title for title in flag_titles(at))
    at.text_input(key="lt_balance_after_proceeds").set_value("1500").run()
    at.text_input(key="lt_sale_proceeds").set_value("11000").run()
    at.text_input(key="lt_balance_after_proceeds").set_value("-1000").run()
    at.segmented_control(key="lt_line_6_kind").set_value("surplus").run()
    at.text_input(key="lt_line_6").set_value("500").run()
    assert not at.exception
    assert any("Each line follows" in element.value for element in at.success)


def test_bad_figures_get_a_message_beside_the_field_and_no_traceback():
    at = start(LETTER)
    at.text_input(key="lt_balance_owed").set_value("ten thousand").run()
    at.text_input(key="lt_sale_proceeds").set_value("-5").run()
    at.text_input(key="lt_believed_value").set_value("$abc").run()
    assert not at.exception
    found = errors(at)
    assert "'ten thousand' is not a number" in found
    assert "cannot be negative" in found
    assert "'$abc' is not a number" in found
    assert any("cannot be read yet" in element.value for element in at.warning)
    assert not charts(at)


def test_a_date_out_of_range_says_so_and_the_check_does_not_go_on_with_the_old_one():
    """Issue 22: a date the picker refused as out of range left the previous date in use,
    without a word (a sale "184 days after repossession" stayed after the date changed)."""
    at = start(LETTER)
    at.text_input(key="lt_repossession_date").set_value("01/02/2025").run()
    at.text_input(key="lt_sale_date").set_value("07/04/2025").run()
    assert any("183 days after repossession" in title for title in flag_titles(at))
    at.text_input(key="lt_repossession_date").set_value("01/02/1902").run()
    assert not at.exception
    assert "01/02/1902 is outside 01/01/1970 to 12/31/2099; check the year" in errors(at)
    assert not any("days after repossession" in title for title in flag_titles(at))
    assert any("cannot be read yet" in element.value for element in at.warning)
    at.text_input(key="lt_repossession_date").set_value("13/45/2025").run()
    assert "13/45/2025 is not a date; write it as MM/DD/YYYY" in errors(at)
    at.text_input(key="lt_repossession_date").set_value("").run()
    assert not errors(at)


def test_an_expense_named_like_a_fixed_line_keeps_its_own_bar_and_shows_as_typed():
    """Issue 22: an expense named "Deficiency" merged with the result bar, and an expense
    type ![x](http://127.0.0.2/a.png) made the browser fetch that image."""
    at = start(LETTER)
    hostile = "![x](http://127.0.0.2/a.png)"
    at.session_state["lt_expenses_table"] = {
        "edited_rows": {},
        "added_rows": [
            {"Type": "Deficiency", "Amount": 100.0},
            {"Type": "Amount owed", "Amount": 50.0},
            {"Type": hostile, "Amount": 25.0},
        ],
        "deleted_rows": [],
    }
    at.text_input(key="lt_line_6").set_value("2175").run()
    assert not at.exception
    figure, _ = chart(at, "lt_waterfall")
    labels = list(figure["data"][0]["x"])
    assert len(labels) == len(set(labels)) == 7, "every bar its own category"
    assert [label.replace("\u200b", "") for label in labels] == [
        "Amount owed", "Sale proceeds", "Repossession fee", "Deficiency", "Amount owed",
        hostile, "Deficiency",
    ]  # fmt: skip
    assert trace_text(figure) == [
        "$10,000.00", "−$8,500.00", "+$500.00", "+$100.00", "+$50.00", "+$25.00", "$2,175.00"
    ]  # fmt: skip
    markdown = " ".join(block.value for block in at.markdown)
    assert not [b.value for b in at.markdown if "![x]" in b.value or "](http://127" in b.value]
    assert hostile in " ".join(flag_titles(at)) or hostile in rendered(markdown)


def test_a_letter_amount_with_a_comma_out_of_place_is_named_not_misread():
    """Issue 22: "8.500,00" was read as $8.50 in the letter form."""
    at = start(LETTER)
    at.text_input(key="lt_sale_proceeds").set_value("8.500,00").run()
    assert not at.exception
    assert "'8.500,00' has a comma out of place; write it as 1,234.56 or 1234.56" in errors(at)
    assert not charts(at)


def test_expense_and_credit_tables_feed_the_checks():
    at = start(LETTER)
    at.session_state["lt_expenses_table"] = {
        "edited_rows": {},
        "added_rows": [{"Type": "Storage", "Amount": 900.0}, {"Type": "Storage", "Amount": 900.0}],
        "deleted_rows": [],
    }
    at.session_state["lt_credits_table"] = {
        "edited_rows": {},
        "added_rows": [{"Type": "GAP refund", "Amount": 300.0}],
        "deleted_rows": [],
    }
    at.text_input(key="lt_line_6").set_value("3500").run()
    assert not at.exception
    titles = " ".join(flag_titles(at))
    assert "'Storage' and 'Storage (2)' may be the same charge" in titles
    assert "No gap refund" not in titles  # the credit is on the letter
    assert "No service contract" in titles
    assert any("Each line follows" in element.value for element in at.success)


def test_dates_value_state_and_a_missing_notice_give_their_flags_and_the_estimate():
    at = start(LETTER)
    at.text_input(key="lt_repossession_date").set_value("01/02/2025").run()
    at.text_input(key="lt_sale_date").set_value("6/1/2025").run()
    at.text_input(key="lt_believed_value").set_value("20000").run()
    at.selectbox(key="lt_state").set_value("WI").run()
    at.segmented_control(key="lt_notice").set_value("missing").run()
    assert not at.exception
    assert any(
        "Enter the finance charge" in block.value or "enter the finance" in block.value
        for block in at.markdown
    )
    at.text_input(key="lt_finance_charge").set_value("4000").run()
    at.text_input(key="lt_principal_amount").set_value("15000").run()
    assert not at.exception
    titles = " ".join(flag_titles(at))
    assert "sold 150 days after repossession" in titles
    assert "The sale brought 42% of the value you entered" in titles
    assert "Notice of sale not received" in titles
    assert "State rule (WI)" in titles
    estimate = [value for label, value in metrics(at) if label == "Minimum statutory damages"]
    assert estimate == ["$5,500.00"]
    assert "An estimate under UCC 9-625(c)(2), not an award." in card_words(at)
    at.segmented_control(key="lt_notice").set_value("received").run()
    assert not [label for label, _ in metrics(at) if label == "Minimum statutory damages"]


def test_caseload_opens_on_the_template_and_an_upload_of_it_gives_the_worked_examples():
    at = start(CASELOAD)
    assert any("template's two worked examples" in element.value for element in at.info)
    at.file_uploader(key="cl_upload").set_value(
        ("cases.csv", template_csv().encode("utf-8"), "text/csv")
    ).run()
    assert not at.exception
    assert not at.info
    shown = dict(metrics(at))
    assert shown["Cases"] == "2" and shown["With errors"] == "0"
    assert shown["Total deficiency"] == "$52,000.00"
    table = frame_with(at, "case_id")
    assert dict(zip(table["case_id"], table["deficiency"], strict=True)) == {
        "example-short-sale": 50000.0,
        "example-car": 2000.0,
    }
    # Codes read as words; the errors column comes last.
    assert list(table["kind"]) == ["Mortgage", "Car loan"]
    assert list(table["exit"]) == ["Short sale", "Repossession"]
    assert list(table.columns)[-1] == "errors"
    labels = [button.label for button in at.download_button]
    assert "Download results (CSV)" in labels and "Download results (JSON Lines)" in labels
    figure, alt = chart(at, "cl_deficiency_chart")
    assert "$52,000.00" in figure["layout"]["title"]["text"] and "$52,000.00" in alt


def test_caseload_error_rows_are_shown_with_each_field_named():
    header = template_csv().splitlines()[0].split(",")
    bad = {
        "case_id": "client-7",
        "kind": "auto",
        "exit": "short_sale",
        "resolution": "judgment",
        "sale_price": "abc",
    }
    body = template_csv() + ",".join(bad.get(name, "") for name in header) + "\n"
    at = start(CASELOAD)
    at.file_uploader(key="cl_upload").set_value(("c.csv", body.encode(), "text/csv")).run()
    assert not at.exception
    shown = dict(metrics(at))
    assert (shown["Cases"], shown["With errors"]) == ("3", "1")
    listed = " ".join(rendered(block.value) for block in at.markdown)
    assert "**client-7**" in listed
    assert "exit: 'short_sale' is not one of" in listed
    assert "sale_price: 'abc' is not a number" in listed
    table = frame_with(at, "case_id")
    assert list(table["status"]) == ["ok", "ok", "error"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"who,what\n1,2\n", "unknown columns"),
        (b"case_id,kind,exit,resolution\n\xff\xfe,auto,x,y\n", "not UTF-8"),
    ],
    ids=["empty", "wrong-header", "not-utf8"],
)
def test_caseload_malformed_upload_gives_a_clear_message(content, message):
    at = start(CASELOAD)
    at.file_uploader(key="cl_upload").set_value(("bad.csv", content, "text/csv")).run()
    assert not at.exception
    assert any(message in rendered(element.value) for element in at.error)
    assert not charts(at)


def test_caseload_takes_a_parquet_upload_and_shows_what_its_csv_gives():
    """The page runs the columnar engine, so a Parquet file (which the row-by-row reader
    took for a CSV that is not UTF-8) gives the same table, totals and results download as
    the same cases in CSV; a file that is not Parquet gets a message beside the upload."""
    import io

    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    header = template_csv().splitlines()[0].split(",")
    bad = {"case_id": "c3", "kind": "auto", "exit": "repossession", "resolution": "judgment"}
    bad["sale_price"] = "x"
    text = template_csv() + ",".join(bad.get(name, "") for name in header) + "\n"
    cases = pa_csv.read_csv(
        io.BytesIO(text.encode()),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: "string" for name in header},
            strings_can_be_null=False,
        ),
    )
    parquet = io.BytesIO()
    pq.write_table(cases, parquet)
    seen = []
    for upload in (("c.csv", text.encode(), "text/csv"), ("c.parquet", parquet.getvalue(), "")):
        at = start(CASELOAD)
        at.file_uploader(key="cl_upload").set_value(upload).run()
        assert not at.exception and not at.error
        downloads = {button.label: button for button in at.download_button}
        assert "Download results (CSV)" in downloads
        seen.append((dict(metrics(at)), frame_with(at, "case_id").astype(str).to_dict("list")))
    assert seen[0] == seen[1]
    assert seen[1][0]["Cases"] == "3" and seen[1][0]["With errors"] == "1"
    at = start(CASELOAD)
    at.file_uploader(key="cl_upload").set_value(("c.parquet", text.encode(), "")).run()
    assert not at.exception
    assert any("cannot be read as Parquet" in rendered(e.value) for e in at.error)


def test_caseload_column_list_opens_on_request():
    at = start(CASELOAD)
    assert not [frame for frame in at.dataframe if "Applies to" in frame.value.columns]
    at.toggle(key="cl_show_columns").set_value(True).run()
    columns = frame_with(at, "Applies to")
    assert "gap_refund" in list(columns["Column"])


def test_a_pdf_that_cannot_be_built_says_so_and_can_be_tried_again(monkeypatch):
    """Issue 22: the PDF download hung, then failed without a word (ReportError uncaught)."""
    from ui.counselor.report import ReportError

    def fails(*args, **kwargs):
        raise ReportError("a chart took longer than 30 seconds to draw")

    monkeypatch.setattr("ui.counselor.report.build_report", fails)
    at = start(REPORT)
    at.button(key="rp_build").click().run()
    assert not at.exception
    assert errors(at) == [
        "The PDF could not be built: a chart took longer than 30 seconds to draw. Nothing was "
        "downloaded; try again, and if it keeps failing, print this page from the browser "
        "instead."
    ]
    assert not at.get("download_button")
    assert not at.button(key="rp_build").proto.disabled


def test_report_page_previews_the_scenarios_and_offers_a_pdf_download():
    at = start(REPORT)
    figure, alt = chart(at, "rp_outcomes")
    assert figure["data"] and "Car loan: repossession" in alt
    at.date_input(key="rp_date").set_value(date(2026, 3, 14)).run()
    assert not at.exception
    assert any("prepared March 14, 2026" in block.value for block in at.markdown)
    assert not at.button(key="rp_build").proto.disabled
    assert not at.get("download_button"), "no PDF before one is built"
    at.button(key="rp_build").click().run()
    assert not at.exception and not at.error
    button = at.download_button(key="rp_download")
    assert button.label == "Download the PDF"
    assert at.button(key="rp_build").proto.disabled, "the PDF shown is current"
    at.switch_page("pages/compare.py").run()
    pair(at, "c_sale_price").enter(9000.0)
    at.switch_page(REPORT).run()
    assert "Lender may collect: **$1,500.00**" in keyed_markdown(at, "rp_answer_car")

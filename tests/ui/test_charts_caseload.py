"""Caseload totals and charts: exact sums from the package's results, figures that say them."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from deficiency import template_csv
from tests.helpers import decode
from ui.counselor.caseload import CaseloadFileError, json_lines, run_caseload
from ui.counselor.caseload_charts import cases_alt, cases_figure, deficiency_alt, deficiency_figure


def upload(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


def with_rows(*rows: dict[str, str]) -> str:
    """The template with more rows, each given as column -> cell."""
    header = template_csv().splitlines()[0].split(",")
    lines = [template_csv().rstrip("\n")]
    lines += [",".join(row.get(name, "") for name in header) for row in rows]
    return "\n".join(lines) + "\n"


def case(case_id: str, kind: str, exit: str, resolution: str, **amounts: str) -> dict[str, str]:
    return {"case_id": case_id, "kind": kind, "exit": exit, "resolution": resolution, **amounts}


def test_the_template_gives_the_two_worked_examples():
    run = run_caseload(upload(template_csv()))
    assert (run.summary.rows, run.summary.ok, run.summary.failed) == (2, 2, 0)
    by_id = {row["case_id"]: row for row in run.shown}
    assert by_id["example-short-sale"]["deficiency"] == "50000.00"
    assert by_id["example-short-sale"]["cancelled"] == "50000.00"
    assert by_id["example-car"]["deficiency"] == "2000.00"
    assert by_id["example-car"]["borrower_owes"] == "2000.00"
    assert run.totals.deficiency == Decimal("52000.00")


def test_deficiency_figure_stacks_each_kind_by_resolution_with_exact_text():
    totals = run_caseload(upload(template_csv())).totals
    figure = deficiency_figure(totals).to_dict()
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["Lender waives or absorbs it", "Lender pursues a judgment"]
    assert list(decode(figure["data"][0]["x"])) == ["Mortgage", "Car loan"]
    assert list(decode(figure["data"][0]["y"])) == [50000.0, 0.0]
    assert list(figure["data"][1]["text"]) == ["", "$2,000"]
    assert "$52,000.00" in figure["layout"]["title"]["text"]
    assert "Total deficiency of $52,000.00 across 2 computed cases" in deficiency_alt(totals)


def test_error_rows_are_counted_per_kind_and_drawn_not_dropped():
    text = with_rows(
        case("bad-1", "auto", "short_sale", "judgment"),
        case("bad-2", "boat", "", "waived"),
        case("ok-3", "auto", "repossession", "waived", unpaid_principal="900", sale_price="1000"),
    )
    run = run_caseload(upload(text))
    assert (run.totals.rows, run.totals.ok, run.totals.failed) == (5, 3, 2)
    errors = dict(run.errors)
    assert errors["bad-1"] == (
        "exit: 'short_sale' is not one of: repossession, voluntary_surrender",
    )
    assert any(problem.startswith("kind:") for problem in errors["bad-2"])
    figure = cases_figure(run.totals).to_dict()
    error_trace = next(t for t in figure["data"] if t["name"] == "Error: not computed")
    assert list(error_trace["x"]) == ["Mortgage", "Car loan", "Kind not readable"]
    assert list(decode(error_trace["y"])) == [0, 1, 1]
    assert "2 rows had errors" in cases_alt(run.totals)
    assert run.totals.surplus == Decimal("100.00")  # the surplus row is its own figure


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"name,amount\nx,1\n", "unknown columns 'name', 'amount'"),
        (
            "case_id,kind,exit,resolution\nf\xe9e,auto,repossession,waived\n".encode("latin-1"),
            "not UTF-8",
        ),
    ],
    ids=["empty", "wrong-header", "not-utf8"],
)
def test_malformed_uploads_raise_a_clear_message(content, message):
    with pytest.raises(CaseloadFileError, match=message):
        run_caseload(io.BytesIO(content))


def test_a_huge_upload_is_refused_before_reading():
    with pytest.raises(CaseloadFileError, match="up to 50 MB"):
        run_caseload(upload(template_csv()), size=60 * 1024 * 1024)


def test_a_quoted_cell_holding_a_carriage_return_is_an_error_row_and_the_next_row_is_read():
    # Echoed into the results unquoted, a bare "\r" once split the row and the page raised
    # csv.Error (found by tests/package/test_batch.py's hostile rows). No cell spans lines:
    # the row is named on its line, the results hold no line break, the next row counts.
    header = "case_id,kind,exit,resolution,unpaid_principal,sale_price,storage_days"
    run = run_caseload(
        upload(
            f'{header}\r\nc1,auto,repossession,judgment,9000,8000,"3\r"\r\n'
            "c2,auto,repossession,judgment,9000,8000,3\r\n"
        )
    )
    # Line 2 opens a quote; line 3 is the quote that would have closed it.
    assert (run.totals.rows, run.totals.ok, run.totals.failed) == (3, 1, 2)
    assert run.errors[0][0] == "c1" and "(line 2)" in run.errors[0][1][0]
    assert "(line 3)" in run.errors[1][1][0]
    assert run.shown[0]["storage_days"] == "3"


def test_a_parquet_upload_gives_the_csv_uploads_results():
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = with_rows(case("c3", "auto", "repossession", "settled", sale_price="abc"))
    lines = text.splitlines()
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:]]
    parquet = io.BytesIO()
    pq.write_table(pa.table({n: [r[i] for r in rows] for i, n in enumerate(header)}), parquet)
    from_csv = run_caseload(upload(text))
    from_parquet = run_caseload(parquet, source_format="parquet")
    assert from_parquet == from_csv
    assert from_parquet.summary.rows == 3
    with pytest.raises(CaseloadFileError, match="cannot be read as Parquet"):
        run_caseload(upload(text), source_format="parquet")


def test_a_byte_order_mark_is_accepted_and_json_lines_hold_every_row():
    source = io.BytesIO(b"\xef\xbb\xbf" + template_csv().encode("utf-8"))
    assert run_caseload(source).summary.ok == 2
    lines = json_lines(source).splitlines()
    assert len(lines) == 2 and '"deficiency": "2000.00"' in lines[1]


def test_the_table_is_capped_but_totals_cover_every_row(monkeypatch):
    monkeypatch.setattr("ui.counselor.caseload.DISPLAY_ROWS", 3)
    rows = [
        case(f"c{i}", "auto", "repossession", "waived", unpaid_principal="1000", sale_price="900")
        for i in range(10)
    ]
    run = run_caseload(upload(with_rows(*rows)))
    assert len(run.shown) == 3
    assert run.totals.rows == 12
    assert run.totals.deficiency == Decimal("52000.00") + 10 * Decimal("100.00")


def test_a_state_row_totals_what_state_law_bars_and_leaves_collectible():
    facts = ("purchase_money", "owner_occupied", "one_to_four_units", "secured_only_by_home")
    california = case(
        "ca",
        "mortgage",
        "short_sale",
        "waived",
        unpaid_principal="312000",
        sale_price="275000",
        commission_rate="6",
        seller_closing_costs="3000",
        state="CA",
        **{"fact_" + name: "yes" for name in facts},
    )
    run = run_caseload(upload(with_rows(california)))
    row = {row["case_id"]: row for row in run.shown}["ca"]
    assert (row["state"], row["collectible"], row["barred"], row["cancelled"]) == (
        "CA",
        "0.00",
        "56500.00",
        "0.00",
    )
    assert "580b" in row["rule"]
    assert (run.totals.barred, run.totals.collectible) == (Decimal("56500.00"), Decimal("52000.00"))
    title = deficiency_figure(run.totals).to_dict()["layout"]["title"]["text"]
    assert "state law bars $56,500.00 of it" in title.replace("<br>", " ")
    assert "cases; state law bars $56,500.00 of it." in deficiency_alt(run.totals)

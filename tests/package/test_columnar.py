"""The columnar engine (deficiency.columnar): every row equals the exact per-row path, the
CSV it writes equals the row-by-row writer's byte for byte (malformed lines included), CSV
and Parquet round trips, and the command line's formats and Dask engine."""

from __future__ import annotations

import csv
import io
import random
import re
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import deficiency.__main__ as command
from deficiency import columnar
from deficiency.batch import (
    _INFOS,
    OUTPUT_COLUMNS,
    STATE_COLUMNS,
    TEMPLATE_COLUMNS,
    decoded_lines,
    evaluate_case,
    run_batch,
    template_csv,
)
from deficiency.columnar import _is_typed
from tests.package.caseloads import caseload_csv, caseload_csv_blocks, random_case


def _results(data: bytes, **options: object) -> tuple[bytes, columnar.BatchSummary]:
    out: list[bytes] = []
    summary = columnar.run_files(io.BytesIO(data), out.append, **options)  # type: ignore[arg-type]
    return b"".join(out), summary


def _row_by_row(data: bytes) -> tuple[bytes, object]:
    out = io.StringIO(newline="")
    summary = run_batch(decoded_lines(io.BytesIO(data)), out)
    return out.getvalue().encode(), summary


@pytest.mark.parametrize(
    "rows",
    [
        10_000,
        pytest.param(100_000, marks=pytest.mark.slow),
        pytest.param(1_000_000, marks=pytest.mark.slow),
    ],
    ids=["10k", "100k", "1M"],
)
def test_every_row_equals_the_exact_path(rows):
    """Each row's output equals evaluate_case's (the exact Decimal path through assess),
    for valid and invalid rows of every state, fact, exit and resolution; generated, read and
    compared in blocks of 100,000 rows so a million rows stay within memory."""
    statuses: set[str] = set()
    barred = ruled = False
    first = 0
    for text in caseload_csv_blocks(rows, seed=rows, block_rows=100_000):
        lines = list(csv.reader(io.StringIO(text)))
        cells = [dict(zip(TEMPLATE_COLUMNS, row, strict=True)) for row in lines[first == 0 :]]
        block = columnar.results_text(
            columnar.compute_chunk(pa.Table.from_pylist(cells)).table
        ).to_pylist()
        expected = [
            dict(zip(OUTPUT_COLUMNS, evaluate_case(case).row(), strict=True))
            for case in cells
            if any(value.strip() for value in case.values())
        ]
        assert len(block) == len(expected)
        wrong = [
            (first + number, a, b)
            for number, (a, b) in enumerate(zip(block, expected, strict=True))
            if a != b
        ]
        assert not wrong, wrong[:3]
        statuses.update(row["status"] for row in block)
        # The file exercises state law both ways: barred rows and rows it leaves as they are.
        barred = barred or any(row["barred"] not in ("", "0.00") for row in block)
        ruled = ruled or any(row["rule"] for row in block)
        first += len(cells)
    assert first == rows
    assert statuses == {"ok", "error"}
    assert barred
    assert ruled


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))[1:]


def test_rows_with_errors_keep_the_exact_paths_reasons_and_safe_cells():
    """Rows whose reasons are found a column at a time: formula-like cells in any column are
    written as the exact path writes them, reasons in its order, blank rows skipped."""
    good = {"case_id": "ok-1", "kind": "auto", "exit": "repossession", "resolution": "waived"}
    rows = [
        {**good, "sale_price": "=1+1", "retaking_fee": "@x", "state": "=CA"},
        {
            **good,
            "case_id": "=cmd",
            "kind": "boat",
            "commission_rate": "+5",
            "fact_credit_sale": "-",
        },
        {**good, "exit": "short_sale", "late_fees": "5", "fact_credit_sale": "maybe"},
        {**good, "state": "WI", "fact_credit_sale": "maybe", "gap_refund": "-5"},
        {name: "" for name in good},
        {**good, "case_id": "   ", "sale_price": "abc"},
        good,
    ]
    cells = [{name: row.get(name, "") for name in TEMPLATE_COLUMNS} for row in rows]
    got = columnar.compute_chunk(pa.Table.from_pylist(cells))
    expected = [evaluate_case(case) for case in cells if any(v.strip() for v in case.values())]
    assert columnar.results_text(got.table).to_pylist() == [
        dict(zip(OUTPUT_COLUMNS, result.row(), strict=True)) for result in expected
    ]
    assert got.failed == sum(bool(result.errors) for result in expected) == 5
    assert got.table.column("sale_price").to_pylist()[0] == "'=1+1"


def test_every_row_is_computed_in_chunks_of_the_file(monkeypatch):
    """Many small blocks, the chunk size cut mid-file: the same bytes as the row-by-row
    writer, so a caseload page or script reading either file sees the same results."""
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 50_000)
    monkeypatch.setattr(columnar, "CHUNK_ROWS", 700)
    data = caseload_csv(5_000, seed=7).encode()
    got, summary = _results(data)
    expected, expected_summary = _row_by_row(data)
    assert summary == expected_summary
    assert got == expected


HEADER = ",".join(TEMPLATE_COLUMNS)
CAR = template_csv().splitlines()[2]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_malformed_lines_keep_their_reasons_and_line_numbers(monkeypatch, ending):
    """Lines Arrow must not read (a stray quote, a short row, a huge line, a quote inside a
    cell, a mark mid-file) are read as the row-by-row path reads them, named by line."""
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 3_000)
    rng = random.Random(3)
    lines = [HEADER]
    odd = [
        'c9,"auto,repossession,judgment',
        "c9,auto",
        "c9," + "x" * 100_001,
        CAR.replace("example-car", 'ex"q'),
        CAR.replace("example-car", '"ex""q"'),
        "\ufeff" + CAR,
        "   ",
        "",
        ",,,",
    ]
    for index in range(400):
        if rng.random() < 0.1:
            lines.append(rng.choice(odd))
        else:
            case = random_case(rng, index)
            lines.append(
                ",".join(
                    f'"{case.get(n, "")}"' if "," in case.get(n, "") else case.get(n, "")
                    for n in TEMPLATE_COLUMNS
                )
            )
    data = (ending.join(lines) + ending).encode()
    got, summary = _results(data)
    expected, expected_summary = _row_by_row(data)
    assert summary == expected_summary
    assert got == expected
    assert b"(line " in got


@pytest.mark.parametrize(
    "line",
    ["\ufeff" + CAR, CAR.replace("example-car", "x" * 100_001)],
    ids=["mark-first-in-a-block", "overlong-with-every-cell"],
)
def test_lines_arrow_would_read_otherwise_are_read_line_by_line(line):
    """Arrow drops a mark that starts its input and reads a line of any length: the block
    holding such a line is read line by line, so the mark stays in the case id and the
    overlong line is one error row naming it, as the row-by-row path has them."""
    data = "\n".join([HEADER, line, CAR, ""]).encode()
    got, summary = _results(data)
    expected, expected_summary = _row_by_row(data)
    assert summary == expected_summary
    assert got == expected


def test_a_bad_byte_is_named_by_its_line_in_any_block(monkeypatch):
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 2_000)
    data = "\n".join([HEADER, *(CAR for _ in range(60)), "c\xe9"]).encode("latin-1")
    with pytest.raises(columnar.BatchFileError, match="line 62 is not UTF-8"):
        _results(data)


def test_two_worker_processes_write_what_one_writes(monkeypatch, tmp_path):
    """Blocks computed in two processes come back in input order: the same CSV bytes, the
    same Parquet rows (each worker reading its own row groups), and a bad byte in a late
    block still names its line."""
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 40_000)
    text = caseload_csv(3_000, seed=13)
    data = text.encode()
    expected, summary = _results(data)
    assert _results(data, workers=2) == (expected, summary)
    rows = _csv_rows(text)
    cases = pa.table({name: [row[i] for row in rows] for i, name in enumerate(TEMPLATE_COLUMNS)})
    pq.write_table(cases, tmp_path / "cases.parquet", row_group_size=400)
    written = []
    for workers in (1, 2):
        target = tmp_path / f"results-{workers}.parquet"
        with (tmp_path / "cases.parquet").open("rb") as binary:
            assert summary == columnar.run_files(
                binary,
                None,
                output_path=str(target),
                source_format="parquet",
                output_format="parquet",
                workers=workers,
            )
        written.append(pq.read_table(target).to_pylist())
    assert written[0] == written[1]
    bad = "\n".join([HEADER, *(CAR for _ in range(600)), "c\xe9"]).encode("latin-1")
    with pytest.raises(columnar.BatchFileError, match="line 602 is not UTF-8"):
        _results(bad, workers=2)


def test_parquet_in_and_out_equals_csv(tmp_path):
    text = caseload_csv(3_000, seed=11)
    data = text.encode()
    csv_results, summary = _results(data)
    rows = _csv_rows(text)
    cases = pa.table({name: [row[i] for row in rows] for i, name in enumerate(TEMPLATE_COLUMNS)})
    pq.write_table(cases, tmp_path / "cases.parquet")
    with (tmp_path / "cases.parquet").open("rb") as binary:
        parquet_summary = columnar.run_files(
            binary,
            None,
            output_path=str(tmp_path / "results.parquet"),
            source_format="parquet",
            output_format="parquet",
        )
    assert parquet_summary == summary
    written = pq.read_table(tmp_path / "results.parquet")
    assert written.schema == columnar.results_schema()
    assert written.column("deficiency").type == columnar.MONEY
    expected = list(csv.reader(io.StringIO(csv_results.decode())))
    rows = columnar.results_text(written).to_pylist()
    assert [list(row.values()) for row in rows] == expected[1:]


def test_parquet_numbers_and_nulls_are_read_as_written(tmp_path):
    cases = pa.table(
        {
            "case_id": ["c1", "c2"],
            "kind": ["auto", "auto"],
            "exit": ["repossession", "repossession"],
            "resolution": ["judgment", None],
            "unpaid_principal": pa.array([10000, 10000], pa.int64()),
            "sale_price": pa.array([8500.5, None], pa.float64()),
        }
    )
    pq.write_table(cases, tmp_path / "cases.parquet")
    parts: list[bytes] = []
    with (tmp_path / "cases.parquet").open("rb") as binary:
        summary = columnar.run_files(binary, parts.append, source_format="parquet")
    out = b"".join(parts)
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    assert (summary.ok, summary.failed) == (1, 1)
    assert rows[0]["deficiency"] == "1499.50" and rows[0]["sale_price"] == "8500.5"
    assert rows[1]["errors"] == "resolution: '' is not one of: waived, judgment, settled"


#: Column types a typed Parquet caseload may hold its amounts, percentages and days in.
_NUMBER_TYPES = (
    pa.decimal128(15, 2),
    pa.decimal128(7, 4),
    pa.decimal128(12, 0),
    pa.decimal128(20, 3),
    pa.decimal128(38, 1),
    pa.int64(),
    pa.int32(),
    pa.uint64(),
    pa.float64(),
)


def _typed_cell(rng: random.Random, kind: pa.DataType, size: int) -> object:
    """A value of ``kind``: mostly a plausible amount of ``size`` digits, sometimes null,
    negative, too large, or with more places than the column's kind takes."""
    draw = rng.random()
    if draw < 0.05:
        return None
    digits = rng.choice((size,) * 50 + (13, 14, 17))
    value = rng.randint(0, 10**digits) * (-1 if draw > 0.99 else 1)
    if pa.types.is_decimal(kind):
        value = value % 10 ** min(kind.precision, 18) * (-1 if value < 0 else 1)
        return Decimal(value - value % 10 if draw < 0.9 else value).scaleb(-kind.scale)
    if pa.types.is_unsigned_integer(kind):
        return abs(value) if draw < 0.96 else 2**64 - 1
    if pa.types.is_integer(kind):
        return max(min(value, 2**31 - 1), -(2**31)) if kind == pa.int32() else value
    return value / rng.choice((1, 10, 100, 1000))


def test_a_typed_parquet_caseload_gets_the_exact_paths_rows(tmp_path):
    """Amounts, percentages and days held as decimals, integers or floats (nulls, negative
    values, too many digits or places among them) are read without text, and every row
    equals the exact path's on the text the cells are written as (as_text_table); Parquet
    results echo them as read, and their text is the CSV results."""
    rng = random.Random(24)
    rows = _csv_rows(caseload_csv(3_000, seed=24))
    cases = pa.table({name: [row[i] for row in rows] for i, name in enumerate(TEMPLATE_COLUMNS)})
    for name, info in _INFOS.items():
        kind = rng.choice(_NUMBER_TYPES)
        size = {"money": 6, "percent": 2, "count": 3}[info.kind]
        given = cases[name].to_pylist()
        values = [_typed_cell(rng, kind, size) if cell.strip() else None for cell in given]
        cases = cases.set_column(
            cases.schema.get_field_index(name), name, pa.array(values, kind, safe=False)
        )
    assert any(_is_typed(cases[name].type) for name in _INFOS)
    for name in STATE_COLUMNS:  # a database leaves a blank answer null
        answers = [cell or None for cell in cases[name].to_pylist()]
        cases = cases.set_column(cases.schema.get_field_index(name), name, pa.array(answers))
    assert cases["state"].null_count and cases["fact_credit_sale"].null_count
    text = columnar.as_text_table(cases).to_pylist()
    got = columnar.results_text(columnar.compute_chunk(cases).table).to_pylist()
    expected = [
        dict(zip(OUTPUT_COLUMNS, evaluate_case(case).row(), strict=True))
        for case in text
        if any(value.strip() for value in case.values())
    ]
    wrong = [(a, b) for a, b in zip(got, expected, strict=True) if a != b]
    assert not wrong, wrong[:2]
    assert len(got) == len(expected)
    statuses = [row["status"] for row in got]
    assert 0.2 < statuses.count("ok") / len(got) < 0.9  # both kinds of row, many of each
    pq.write_table(cases, tmp_path / "cases.parquet", row_group_size=500)
    for workers in (1, 2):
        with (tmp_path / "cases.parquet").open("rb") as binary:
            columnar.run_files(
                binary,
                None,
                output_path=str(tmp_path / "results.parquet"),
                source_format="parquet",
                output_format="parquet",
                workers=workers,
            )
        written = pq.read_table(tmp_path / "results.parquet")
        assert written.schema == columnar.results_schema(cases.schema)
        for name in (*_INFOS, *STATE_COLUMNS):
            assert written[name].type == cases[name].type
            assert written[name].to_pylist() == [
                value
                for value, case in zip(cases[name].to_pylist(), text, strict=True)
                if any(cell.strip() for cell in case.values())
            ]
        assert columnar.results_text(written).to_pylist() == got


def test_the_command_line_reads_and_writes_each_format(tmp_path, capsys):
    cases = tmp_path / "cases.csv"
    cases.write_text(caseload_csv(500, seed=5))
    err = io.StringIO()
    code = command.main(
        ["batch", str(cases), "-o", str(tmp_path / "r.parquet")], io.StringIO(), err
    )
    assert code == 1
    assert re.fullmatch(r"\d+ cases: \d+ ok, \d+ with errors in \d+\.\d s\n", err.getvalue())
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.num_rows > 0
    # Parquet in, CSV out, chosen by flag whatever the names say.
    pq.write_table(
        pa.table(
            {
                "case_id": ["c1"],
                "kind": ["auto"],
                "exit": ["repossession"],
                "resolution": ["waived"],
                "unpaid_principal": ["10"],
                "sale_price": ["4"],
            }
        ),
        tmp_path / "in.data",
    )
    out = io.StringIO()
    code = command.main(
        ["batch", str(tmp_path / "in.data"), "--format", "parquet"], out, io.StringIO()
    )
    assert code == 0
    assert out.getvalue().splitlines()[1].startswith("c1,auto,ok,,6.00,")
    err = io.StringIO()
    code = command.main(["batch", str(cases), "--output-format", "parquet"], io.StringIO(), err)
    assert code == 2 and "Parquet results need a file" in err.getvalue()
    err = io.StringIO()
    code = command.main(["batch", str(cases), "--format", "parquet"], io.StringIO(), err)
    assert code == 2 and "cannot be read as Parquet" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_large_file_runs_in_a_process_per_core_and_writes_the_same(tmp_path, monkeypatch):
    """The command's default for a large file (here every file): one worker per core, the
    same results file as one process; --workers is checked and refused with Dask."""
    cases = tmp_path / "cases.csv"
    cases.write_text(caseload_csv(2_000, seed=17))
    monkeypatch.setattr(command, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(columnar, "BLOCK_BYTES", 50_000)
    spawned = []
    real = columnar._in_order

    def counted(work, pieces, workers):
        spawned.append(workers)
        return real(work, pieces, workers)

    monkeypatch.setattr(columnar, "_in_order", counted)
    written = []
    for extra in ([], ["--workers", "1"]):
        target = tmp_path / f"r{len(written)}.csv"
        code = command.main(["batch", str(cases), "-o", str(target), *extra], io.StringIO())
        assert code == 1
        written.append(target.read_bytes())
    assert written[0] == written[1]
    assert spawned == [command._cores(), 1]
    err = io.StringIO()
    code = command.main(["batch", str(cases), "--workers", "2", "--engine", "dask"], None, err)
    assert code == 2 and "--workers is for the local engine" in err.getvalue()
    with pytest.raises(SystemExit):
        command.main(["batch", str(cases), "--workers", "0"], io.StringIO(), io.StringIO())


def test_dask_missing_is_said_plainly(tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_dask(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    cases = tmp_path / "cases.csv"
    cases.write_text(template_csv())
    err = io.StringIO()
    code = command.main(
        ["batch", str(cases), "-o", str(tmp_path / "out"), "--engine", "dask"], io.StringIO(), err
    )
    assert code == 2
    assert err.getvalue() == (
        "error: --engine dask needs the dask[dataframe] and distributed packages: "
        "pip install -r requirements-test.txt\n"
    )


@pytest.mark.slow
def test_a_dask_cluster_of_two_processes_writes_what_one_machine_writes(tmp_path):
    """1,000,000 rows on a LocalCluster of two worker processes on 127.0.0.1: the parts, in
    order, hold the single-machine engine's rows byte for byte."""
    pytest.importorskip("distributed")
    from benchmarks.bench_batch import generate

    cases = tmp_path / "cases.csv"
    generate(cases, 1_000_000)
    parts: list[bytes] = []
    with cases.open("rb") as binary:
        summary = columnar.run_files(binary, parts.append)
    from deficiency import dask_batch

    folder = tmp_path / "results"
    dask_summary = dask_batch.run(
        str(cases), str(folder), scheduler=None, source_format="csv", output_format="csv"
    )
    assert dask_summary == summary
    header = columnar.header_bytes()
    files = sorted(folder.iterdir())
    assert len(files) > 2
    joined = header + b"".join(path.read_bytes().removeprefix(header) for path in files)
    assert joined == b"".join(parts)

"""The command line (``python -m deficiency batch``) with files that fail: nothing destroyed,
nothing mangled, every failure exit 2 with one line naming the file and line at fault."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import deficiency.__main__ as command
from deficiency import template_csv
from deficiency.batch import TEMPLATE_COLUMNS, run_batch
from tests.package.test_batch import cli
from ui.counselor.caseload import CaseloadFileError, run_caseload

ROOT = Path(__file__).resolve().parents[2]
HEADER = ",".join(TEMPLATE_COLUMNS)
CAR_ROW = template_csv().splitlines()[2]  # example-car: deficiency 2000.00
BEFORE = "keep me: yesterday's results\n"


def failed(result: subprocess.CompletedProcess[str], *named: str) -> None:
    """Exit 2, one line on stderr naming each of ``named``, never a traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    for text in named:
        assert text in result.stderr, (text, result.stderr)


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def car(case_id: str) -> str:
    return case_id + CAR_ROW[len("example-car") :]


# --- atomic output ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"who,what\nx,y\n", "unknown columns"),
        (b'case_id,"kind\n', "a quote opens a cell"),
        (b"\xff\xfec\x00a\x00s\x00e\x00", "UTF-16"),
    ],
    ids=["empty", "bad-header", "quote-in-header", "utf-16"],
)
def test_a_failed_run_leaves_the_results_file_as_it_was(tmp_path, content, problem):
    """Issue 22: -o results.csv on an empty input or a bad header left it at 0 bytes."""
    cases, results = tmp_path / "cases.csv", tmp_path / "results.csv"
    cases.write_bytes(content)
    results.write_text(BEFORE)
    failed(cli("batch", str(cases), "-o", str(results)), str(cases), problem)
    assert results.read_text() == BEFORE
    assert leftovers(tmp_path) == []


def test_a_bad_byte_after_many_good_rows_names_its_line_and_writes_nothing(tmp_path):
    """Issue 22: a bad byte after 100,000 good rows left a partial file cut mid-record."""
    cases, results = tmp_path / "cases.csv", tmp_path / "results.csv"
    good = "".join(car(f"c{index}") + "\n" for index in range(100_000))
    cases.write_bytes((HEADER + "\n" + good).encode() + car("Jos\xe9").encode("latin-1") + b"\n")
    results.write_text(BEFORE)
    failed(
        cli("batch", str(cases), "-o", str(results)),
        str(cases),
        "line 100002 is not UTF-8 text (byte 0xe9 at character 4)",
    )
    assert results.read_text() == BEFORE
    assert leftovers(tmp_path) == []
    # The page names the same line.
    with pytest.raises(CaseloadFileError, match="line 100002 is not UTF-8"):
        run_caseload(io.BytesIO(cases.read_bytes()))


def test_a_complete_run_replaces_the_file_and_keeps_its_permissions(tmp_path):
    cases, results = tmp_path / "cases.csv", tmp_path / "results.csv"
    cases.write_text(template_csv())
    results.write_text(BEFORE)
    results.chmod(0o640)
    done = cli("batch", str(cases), "-o", str(results))
    assert done.returncode == 0, done.stderr
    assert [row["deficiency"] for row in csv.DictReader(results.open())] == ["50000.00", "2000.00"]
    assert oct(results.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(tmp_path) == []
    fresh = tmp_path / "fresh.csv"
    assert cli("batch", str(cases), "-o", str(fresh)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert oct(fresh.stat().st_mode & 0o777) == oct(0o666 & ~mask)


# --- every I/O failure: exit 2, the right file, no traceback ------------------------------


def test_input_failures_name_the_input(tmp_path):
    failed(cli("batch", str(tmp_path / "missing.csv")), "missing.csv", "No such file")
    failed(cli("batch", str(tmp_path)), str(tmp_path), "Is a directory")
    (tmp_path / "cases.csv").write_text(template_csv())
    failed(
        cli("batch", str(tmp_path / "cases.csv"), "-o", str(tmp_path / "cases.csv")),
        "the output file is the input file",
    )


def test_output_failures_name_the_output_not_the_input(tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text(template_csv())
    nowhere = tmp_path / "no-such-folder" / "results.csv"
    failed(cli("batch", str(cases), "-o", str(nowhere)), repr(str(nowhere)), "No such file")
    failed(cli("batch", str(cases), "-o", str(tmp_path)), repr(str(tmp_path)), "Is a directory")
    # A full disk: the write fails at the end. It was a traceback and exit 1 ("some rows
    # have errors"), naming the input file.
    full = cli("batch", str(cases), "-o", "/dev/full")
    failed(full, "cannot write '/dev/full': No space left on device")
    assert str(cases) not in full.stderr


def test_a_full_disk_while_writing_the_results_file_leaves_the_old_one(tmp_path, monkeypatch):
    cases, results = tmp_path / "cases.csv", tmp_path / "results.csv"
    cases.write_text(template_csv())
    results.write_text(BEFORE)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(command.os, "fsync", no_space)
    err = io.StringIO()
    code = command.main(["batch", str(cases), "-o", str(results)], io.StringIO(), err)
    assert code == 2
    assert err.getvalue() == f"error: cannot write {str(results)!r}: No space left on device\n"
    assert results.read_text() == BEFORE
    assert leftovers(tmp_path) == []


def test_a_read_error_midway_names_the_input_and_its_line(tmp_path, monkeypatch):
    cases, results = tmp_path / "cases.csv", tmp_path / "results.csv"
    cases.write_text(template_csv())
    results.write_text(BEFORE)

    class Failing(io.BytesIO):
        """Reads the header and one row, then the disk fails."""

        def read(self, size: int | None = -1) -> bytes:
            if self.tell():
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return super().read(size)

    monkeypatch.setattr(
        command, "_open_input", lambda path: Failing(f"{HEADER}\n{car('c1')}\n".encode())
    )
    err = io.StringIO()
    code = command.main(["batch", str(cases), "-o", str(results)], io.StringIO(), err)
    assert code == 2
    assert err.getvalue() == (f"error: cannot read {str(cases)!r} at line 3: Input/output error\n")
    assert results.read_text() == BEFORE


def test_a_closed_pipe_is_said_once_without_a_traceback(tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text(HEADER + "\n" + "".join(car(f"c{i}") + "\n" for i in range(20_000)))
    process = subprocess.Popen(
        [sys.executable, "-m", "deficiency", "batch", str(cases)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # the reader went away (| head)
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 2
    assert stderr == "error: cannot write standard output: Broken pipe\n"


# --- malformed CSV: every row counted and named ---------------------------------------------

STRAY_QUOTE = (
    "\n".join(
        [
            HEADER,
            car("c1"),
            car("c2"),
            car("c3").replace("auto,", 'auto,"', 1),  # a quote that never closes
            car("c4"),
            car("c5"),
            car("c6"),
            car("c7"),
        ]
    )
    + "\n"
)


def test_a_stray_opening_quote_costs_only_its_own_row_named_by_its_line(tmp_path):
    """Issue 22: "2 cases: 1 ok, 1 with errors" for seven rows, the error naming where the
    file ended, not where the quote opened."""
    out = io.StringIO()
    summary = run_batch(io.StringIO(STRAY_QUOTE), out)
    assert (summary.rows, summary.ok, summary.failed) == (7, 6, 1)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["case_id"] for row in rows] == [f"c{i}" for i in range(1, 8)]
    assert rows[2]["errors"] == (
        "row: a quote opens a cell that is not closed on this line "
        "(a cell cannot span lines) (line 4)"
    )
    # The page and the command line count and name it the same way.
    run = run_caseload(io.BytesIO(STRAY_QUOTE.encode()))
    assert (run.totals.rows, run.totals.ok, run.totals.failed) == (7, 6, 1)
    assert run.errors[0][0] == "c3" and "(line 4)" in run.errors[0][1][0]
    cases = tmp_path / "cases.csv"
    cases.write_text(STRAY_QUOTE)
    done = cli("batch", str(cases))
    assert done.returncode == 1
    assert re.fullmatch(r"7 cases: 6 ok, 1 with errors in \d+\.\d s\n", done.stderr)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('c9,"auto,repossession,judgment', "a quote opens a cell"),
        ('"c9,auto,repossession,judgment', "a quote opens a cell"),
        ("c9,auto", "has 2 cells but the header has"),
        ("c9," + "x" * 100_001, "is longer than 100,000 characters"),
    ],
    ids=["quote-mid-row", "quote-first-cell", "short-row", "huge-line"],
)
@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_every_malformed_row_shape_is_one_error_row_and_the_next_row_is_read(line, problem, ending):
    text = ending.join([HEADER, car("c1"), line, car("c2"), ""])
    out = io.StringIO()
    summary = run_batch(io.StringIO(text, newline=""), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (summary.rows, summary.ok, summary.failed) == (3, 2, 1), rows
    assert [row["case_id"] for row in rows][::2] == ["c1", "c2"]
    assert problem in rows[1]["errors"] and "(line 3)" in rows[1]["errors"]
    run = run_caseload(io.BytesIO(text.encode()))
    assert (run.totals.rows, run.totals.ok, run.totals.failed) == (3, 2, 1)

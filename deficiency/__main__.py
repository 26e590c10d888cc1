"""Command line: ``python -m deficiency batch|template|columns``.

Usage::

    python -m deficiency template > cases.csv          # header + the two worked examples
    python -m deficiency columns                       # what each column means
    python -m deficiency batch cases.csv -o results.csv
    python -m deficiency batch cases.csv --json -o results.jsonl   # JSON Lines

Exit codes: 0 every row computed; 1 at least one row has errors (they are in the output,
``status`` ``error``); 2 the input file is missing, unreadable, not UTF-8, has a bad
header row, or the output cannot be written (argparse usage errors are 2 as well).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from deficiency.batch import BatchFileError, column_descriptions, run_batch, template_csv

EXIT_OK = 0
EXIT_ROW_ERRORS = 1
EXIT_FILE_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m deficiency",
        description="Deficiency balances in bulk. Informational, not legal or tax advice.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    batch = commands.add_parser(
        "batch",
        help="compute every case of a CSV file",
        description="Exit codes: 0 all rows ok, 1 some rows have errors, 2 file problem.",
    )
    batch.add_argument("cases", help="CSV of cases (see `template` and `columns`)")
    batch.add_argument("-o", "--output", help="results file (default: standard output)")
    batch.add_argument(
        "--json", action="store_true", help="write JSON Lines (one object per case) instead of CSV"
    )
    batch.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress line on stderr (auto: when stderr is a terminal)",
    )
    commands.add_parser("template", help="print a template CSV with the two worked examples")
    commands.add_parser("columns", help="describe the input columns")
    return parser


def _progress_line(raw: io.BufferedReader, size: int, stream: TextIO) -> Callable[[int], None]:
    started = time.perf_counter()
    last = [0.0]

    def report(rows: int) -> None:
        now = time.perf_counter()
        done = raw.tell() >= size
        if now - last[0] < 0.2 and not done:
            return
        last[0] = now
        elapsed = max(now - started, 1e-9)
        share = min(raw.tell() / size, 1.0) if size else 1.0
        width = 30
        bar = "#" * int(share * width)
        stream.write(
            f"\r[{bar:<{width}}] {share:6.1%}  {rows:,} rows  {rows / elapsed:,.0f} rows/s  "
        )
        if done:
            stream.write("\n")
        stream.flush()

    return report


def _batch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path: str = args.cases
    output: str | None = args.output
    if (
        output
        and os.path.exists(output)
        and os.path.exists(path)
        and os.path.samefile(path, output)
    ):
        stderr.write("error: the output file is the input file; choose another name\n")
        return EXIT_FILE_ERROR
    with contextlib.ExitStack() as stack:
        try:
            raw = stack.enter_context(open(path, "rb"))
        except OSError as error:
            stderr.write(f"error: cannot read {path!r}: {error.strerror or error}\n")
            return EXIT_FILE_ERROR
        source = stack.enter_context(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        show = args.progress == "always" or (args.progress == "auto" and stderr.isatty())
        size = os.fstat(raw.fileno()).st_size
        progress = _progress_line(raw, size, stderr) if show else None
        sink = stdout
        if output:
            try:
                sink = stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
            except OSError as error:
                stderr.write(f"error: cannot write {output!r}: {error.strerror or error}\n")
                return EXIT_FILE_ERROR
        try:
            summary = run_batch(source, sink, json_lines=args.json, progress=progress)
        except BatchFileError as error:
            stderr.write(f"error: {path}: {error}\n")
            return EXIT_FILE_ERROR
        except UnicodeDecodeError:
            stderr.write(f"error: {path}: is not UTF-8 text; save it as CSV UTF-8\n")
            return EXIT_FILE_ERROR
        except OSError as error:
            stderr.write(f"error: {path}: {error.strerror or error}\n")
            return EXIT_FILE_ERROR
    stderr.write(f"{summary.rows:,} cases: {summary.ok:,} ok, {summary.failed:,} with errors\n")
    return EXIT_ROW_ERRORS if summary.failed else EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line and return its exit code (0 ok, 1 row errors, 2 file problem)."""
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    args = _parser().parse_args(argv)
    if args.command == "template":
        out.write(template_csv())
        return EXIT_OK
    if args.command == "columns":
        for column in column_descriptions():
            out.write(f"{column.name:<26} {column.applies_to:<9} {column.kind:<8} {column.label}\n")
        return EXIT_OK
    return _batch(args, out, err)


if __name__ == "__main__":
    sys.exit(main())

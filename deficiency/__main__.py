"""Command line: ``python -m deficiency batch|template|columns``.

Usage::

    python -m deficiency template > cases.csv          # header + the two worked examples
    python -m deficiency columns                       # what each column means
    python -m deficiency batch cases.csv -o results.csv
    python -m deficiency batch cases.csv --json -o results.jsonl   # JSON Lines

Exit codes: 0 every row computed; 1 at least one row has errors (they are in the output,
``status`` ``error``); 2 the input file is missing, unreadable, not UTF-8, has a bad
header row, or the output cannot be written (argparse usage errors are 2 as well). Each
exit 2 prints one line naming the file (and the line of the input) at fault, never a
traceback. The results file is written under a temporary name beside it and renamed
into place when complete: a failed run leaves an existing file untouched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TextIO

from deficiency.batch import (
    BatchFileError,
    column_descriptions,
    decoded_lines,
    run_batch,
    template_csv,
)

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


def _progress_line(raw: BinaryIO, size: int, stream: TextIO) -> Callable[[int], None]:
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


class FileProblem(Exception):
    """An input or output file that cannot be used; the message names it (exit code 2)."""


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _read(raw: BinaryIO, path: str) -> Iterator[str]:
    """The input's lines; a failed read names the input file and the line it stopped at."""
    lines = decoded_lines(raw)
    number = 0
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except BatchFileError as error:
            raise FileProblem(f"{path}: {error}") from None
        except OSError as error:
            raise FileProblem(f"cannot read {path!r} at line {number + 1}: {_why(error)}") from None
        number += 1
        yield line


class _Sink:
    """Where results go; a failed write names the output, never the input."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise FileProblem(f"cannot write {self._name}: {_why(error)}") from None

    def finish(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise FileProblem(f"cannot write {self._name}: {_why(error)}") from None


@contextlib.contextmanager
def _output(output: str | None, stdout: TextIO) -> Iterator[_Sink]:
    """A sink for the results. A file is written beside its final name and renamed into
    place only once complete, so a failed run leaves an existing file as it was and never
    a partial one. Special files (a pipe, /dev/null) are written directly."""
    if not output:
        yield _Sink(stdout, "standard output")
        return
    shown = repr(output)
    if os.path.exists(output) and not os.path.isfile(output):
        try:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                sink = _Sink(stream, shown)
                yield sink
                sink.finish()
        except OSError as error:
            raise FileProblem(f"cannot write {shown}: {_why(error)}") from None
        return
    folder = os.path.dirname(os.path.abspath(output))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(output) + ".", suffix=".partial"
        )
    except OSError as error:
        raise FileProblem(f"cannot write {shown}: {_why(error)}") from None
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            sink = _Sink(stream, shown)
            yield sink
            sink.finish()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(output))
        os.replace(temporary, output)
    except OSError as error:
        raise FileProblem(f"cannot write {shown}: {_why(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _file_mode(path: str) -> int:
    """The permissions the results file gets: those it had, else the usual ones."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _batch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path: str = args.cases
    output: str | None = args.output
    if (
        output
        and os.path.exists(output)
        and os.path.exists(path)
        and os.path.samefile(path, output)
    ):
        raise FileProblem("the output file is the input file; choose another name")
    try:
        raw = open(path, "rb")  # noqa: SIM115  # closed below, after the output
    except OSError as error:
        raise FileProblem(f"cannot read {path!r}: {_why(error)}") from None
    with raw:
        show = args.progress == "always" or (args.progress == "auto" and stderr.isatty())
        size = os.fstat(raw.fileno()).st_size
        progress = _progress_line(raw, size, stderr) if show else None
        with _output(output, stdout) as sink:
            try:
                summary = run_batch(
                    _read(raw, path),
                    sink,  # type: ignore[arg-type]  # csv and run_batch only call write()
                    json_lines=args.json,
                    progress=progress,
                )
            except BatchFileError as error:
                raise FileProblem(f"{path}: {error}") from None
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
    try:
        if args.command == "template":
            _Sink(out, "standard output").write(template_csv())
            return EXIT_OK
        if args.command == "columns":
            sink = _Sink(out, "standard output")
            columns = column_descriptions()
            width = max(len(column.name) for column in columns)
            for column in columns:
                sink.write(
                    f"{column.name:<{width}} {column.applies_to:<9} {column.kind:<8} "
                    f"{column.label}\n"
                )
            return EXIT_OK
        return _batch(args, out, err)
    except FileProblem as problem:
        err.write(f"error: {problem}\n")
        return EXIT_FILE_ERROR


if __name__ == "__main__":
    code = main()
    try:
        sys.stdout.flush()
    except OSError:  # a closed pipe (| head): said already; no second report at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)

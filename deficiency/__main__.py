"""Command line: ``python -m deficiency batch|template|columns``.

Usage::

    python -m deficiency template > cases.csv          # header + the two worked examples
    python -m deficiency columns                       # what each column means
    python -m deficiency batch cases.csv -o results.csv
    python -m deficiency batch cases.csv --json -o results.jsonl   # JSON Lines
    python -m deficiency batch cases.parquet -o results.parquet    # Parquet in and out
    python -m deficiency batch cases.parquet -o results/ --engine dask --scheduler tcp://host:8786

CSV and Parquet are read and written in bounded chunks by the columnar engine
(:mod:`deficiency.columnar`); the format comes from each file's extension (``.parquet`` or
``.pq``; anything else is CSV) unless ``--format`` / ``--output-format`` says. JSON Lines
takes the row-by-row path (:func:`deficiency.batch.run_batch`). ``--engine dask`` runs the
same chunk function on a Dask cluster (:mod:`deficiency.dask_batch`; needs ``dask`` and
``distributed``, which the app itself does not).

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
    BatchSummary,
    column_descriptions,
    decoded_lines,
    run_batch,
    template_csv,
)
from deficiency.columnar import SourceReadError, format_of, run_files

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
        "--format",
        choices=("csv", "parquet"),
        help="format of the cases file (default: from its extension; .parquet or .pq is Parquet)",
    )
    batch.add_argument(
        "--output-format",
        choices=("csv", "parquet"),
        help="format of the results (default: from the output's extension, else CSV)",
    )
    batch.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this process, in chunks; dask: a Dask cluster (see --scheduler)",
    )
    batch.add_argument(
        "--workers",
        type=_workers,
        help="with --engine local: processes computing the chunks (default: one per core "
        "for a file over 16 MB, else 1)",
    )
    batch.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler (tcp://host:8786); default: a local cluster",
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


def _progress_bar(stream: TextIO) -> Callable[[int, float], None]:
    """A one-line bar on ``stream``, redrawn at most five times a second."""
    started = time.perf_counter()
    last = [0.0]

    def report(rows: int, share: float) -> None:
        now = time.perf_counter()
        done = share >= 1.0
        if now - last[0] < 0.2 and not done:
            return
        last[0] = now
        elapsed = max(now - started, 1e-9)
        width = 30
        bar = "#" * int(share * width)
        stream.write(
            f"\r[{bar:<{width}}] {share:6.1%}  {rows:,} rows  {rows / elapsed:,.0f} rows/s  "
        )
        if done:
            stream.write("\n")
        stream.flush()

    return report


def _progress_line(raw: BinaryIO, size: int, stream: TextIO) -> Callable[[int], None]:
    """The bar for the row-by-row path, its share read from the input's position."""
    bar = _progress_bar(stream)

    def report(rows: int) -> None:
        bar(rows, min(raw.tell() / size, 1.0) if size else 1.0)

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
    with (
        _output_file(output) as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as stream,
    ):
        sink = _Sink(stream, shown)
        yield sink
        sink.finish()
        os.fsync(stream.fileno())


def _file_mode(path: str) -> int:
    """The permissions the results file gets: those it had, else the usual ones."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _open_input(path: str) -> BinaryIO:
    try:
        return open(path, "rb")  # closed by the caller, after the output
    except OSError as error:
        raise FileProblem(f"cannot read {path!r}: {_why(error)}") from None


@contextlib.contextmanager
def _output_file(output: str) -> Iterator[str]:
    """A temporary file name beside ``output``, renamed into place once complete."""
    shown = repr(output)
    folder = os.path.dirname(os.path.abspath(output))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(output) + ".", suffix=".partial"
        )
        os.close(handle)
    except OSError as error:
        raise FileProblem(f"cannot write {shown}: {_why(error)}") from None
    try:
        yield temporary
        os.chmod(temporary, _file_mode(output))
        os.replace(temporary, output)
    except OSError as error:
        raise FileProblem(f"cannot write {shown}: {_why(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


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
    show = args.progress == "always" or (args.progress == "auto" and stderr.isatty())
    source_format = args.format or format_of(path)
    output_format = args.output_format or (format_of(output) if output else "csv")
    if args.json and (args.engine == "dask" or "parquet" in (source_format, output_format)):
        raise FileProblem("--json writes JSON Lines from a CSV file on this machine only")
    if args.scheduler and args.engine != "dask":
        raise FileProblem("--scheduler needs --engine dask")
    if args.workers and (args.engine == "dask" or args.json):
        raise FileProblem("--workers is for the local engine on CSV or Parquet")
    started = time.perf_counter()
    if args.engine == "dask":
        summary = _dask(args, path, output, source_format, output_format, stderr)
    elif args.json:
        summary = _row_by_row(args, path, output, stdout, stderr, show)
    else:
        summary = _columnar(
            path, output, source_format, output_format, stdout, stderr, show, args.workers
        )
    seconds = time.perf_counter() - started
    stderr.write(
        f"{summary.rows:,} cases: {summary.ok:,} ok, {summary.failed:,} with errors "
        f"in {seconds:,.1f} s\n"
    )
    return EXIT_ROW_ERRORS if summary.failed else EXIT_OK


def _row_by_row(
    args: argparse.Namespace,
    path: str,
    output: str | None,
    stdout: TextIO,
    stderr: TextIO,
    show: bool,
) -> BatchSummary:
    """JSON Lines through :func:`deficiency.batch.run_batch`, streaming."""
    with _open_input(path) as raw:
        size = os.fstat(raw.fileno()).st_size
        progress = _progress_line(raw, size, stderr) if show else None
        with _output(output, stdout) as sink:
            try:
                return run_batch(
                    _read(raw, path),
                    sink,  # type: ignore[arg-type]  # csv and run_batch only call write()
                    json_lines=args.json,
                    progress=progress,
                )
            except BatchFileError as error:
                raise FileProblem(f"{path}: {error}") from None


#: A file at least this large is computed in one process per core unless --workers says.
PARALLEL_BYTES = 16 * 2**20


def _cores() -> int:
    """The cores this process may run on (all of the machine's where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):  # not on macOS or Windows
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _size(binary: BinaryIO) -> int:
    """The input's size in bytes, 0 when it has none (a stream)."""
    try:
        return os.fstat(binary.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0


def _workers(text: str) -> int:
    """``--workers``: a whole number from 1 to 64."""
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 64")
    return int(text)


def _columnar(
    path: str,
    output: str | None,
    source_format: str,
    output_format: str,
    stdout: TextIO,
    stderr: TextIO,
    show: bool,
    workers: int | None = None,
) -> BatchSummary:
    """CSV or Parquet through the columnar engine, in bounded chunks."""
    progress = _progress_bar(stderr) if show else None
    with _open_input(path) as raw:
        if workers is None:
            workers = _cores() if _size(raw) >= PARALLEL_BYTES else 1
        try:
            if output_format == "parquet":
                if not output:
                    raise FileProblem("Parquet results need a file: give -o results.parquet")
                with _output_file(output) as temporary:
                    return run_files(
                        raw,
                        None,
                        output_path=temporary,
                        source_format=source_format,
                        output_format="parquet",
                        progress=progress,
                        workers=workers,
                    )
            with _output(output, stdout) as sink:
                return run_files(
                    raw,
                    lambda data: sink.write(data.decode("utf-8")),
                    source_format=source_format,
                    progress=progress,
                    workers=workers,
                )
        except BatchFileError as error:
            raise FileProblem(f"{path}: {error}") from None
        except SourceReadError as problem:
            raise FileProblem(
                f"cannot read {path!r} at line {problem.line}: {_why(problem.error)}"
            ) from None


def _dask(
    args: argparse.Namespace,
    path: str,
    output: str | None,
    source_format: str,
    output_format: str,
    stderr: TextIO,
) -> BatchSummary:
    """The same chunks on a Dask cluster; results go to a folder of parts."""
    try:
        from deficiency import dask_batch
    except ImportError:
        raise FileProblem(
            "--engine dask needs the dask and distributed packages: "
            "pip install -r requirements-test.txt"
        ) from None
    if not output:
        raise FileProblem("--engine dask writes a folder of parts: give -o results/")
    try:
        return dask_batch.run(
            path,
            output,
            scheduler=args.scheduler,
            source_format=source_format,
            output_format=output_format,
            log=stderr,
        )
    except dask_batch.MissingDask as missing:
        raise FileProblem(str(missing)) from None
    except BatchFileError as error:
        raise FileProblem(f"{path}: {error}") from None
    except OSError as error:
        raise FileProblem(f"cannot run on the Dask cluster: {_why(error)}") from None


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

"""Benchmark the caseload engine: rows per second and peak memory, CSV and Parquet, on this
machine and on a Dask LocalCluster.

Usage::

    .venv/bin/python benchmarks/bench_batch.py --quick              # CI: small sizes, checks
    .venv/bin/python benchmarks/bench_batch.py --rows 1000000 --rows 10000000
    .venv/bin/python benchmarks/bench_batch.py --rows 1000000 --engines local

Each size generates a caseload of mixed mortgage and car rows in a temporary directory:
about 30% name a state and answer some of its facts, 2% have amounts written as
"$1,234.50" and 1% have errors. Each run is ``python -m deficiency batch`` through
:func:`deficiency.__main__.main` in a fresh child process, so each figure is that run's own
wall time, CPU time (user and system, its own and its worker processes') and peak RSS
(``ru_maxrss``): of the process itself, and of its worker processes (the local engine's
``--workers``, one per core on a large file, or Dask's; ``RUSAGE_CHILDREN``, read after
they closed). On a machine other work shares, the
CPU seconds are the steadier figure: wall time there also counts the waits for a core.
The table has one line per engine and format: CSV to CSV; Parquet to Parquet from the
same cells all as text (:func:`to_parquet`); and Parquet to Parquet from a typed file
(:func:`to_typed_parquet`: amounts decimal(15,2), percentages decimal(7,4), days int32,
blanks null), as a database export holds a caseload. The Parquet target (issue 24) is
judged on the typed file; the all-text one shows what text cells cost.

``--quick`` (scripts/test.sh) runs 20,000 rows each way and checks that the CSV and
Parquet results agree (the Parquet results written as text) and every case comes back;
with ``dask`` installed it also runs the Dask engine and checks its parts hold the same
rows. It exits 1 when a check fails, or
when a run is over ``--limit`` seconds per 100,000 rows if given. Timings on a shared
machine vary (and at 20,000 rows a run is mostly start-up), so the quick form reports them
and enforces the checks only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deficiency.batch import FACT_NAMES, FACT_PREFIX, TEMPLATE_COLUMNS  # noqa: E402

CHILD = """
import json, resource, sys, time
from deficiency.__main__ import main
start = time.perf_counter()
code = main(["batch", *sys.argv[1:], "--progress", "never"])
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = sum(use.ru_utime + use.ru_stime for use in (own, children))
print(json.dumps({"code": code, "wall": wall, "peak_mib": own.ru_maxrss / 1024,
                  "worker_peak_mib": children.ru_maxrss / 1024, "cpu": cpu}))
"""

#: States, with the facts their rules ask, that the generated rows name (and some that
#: need the row's amounts, so the exact path is exercised too).
_STATE_FACTS = (
    ("CA", {"purchase_money": ("yes", "no"), "owner_occupied": ("yes", "no")}),
    ("TX", {}),
    ("FL", {}),
    ("WI", {"credit_sale": ("yes", "no", "unknown")}),
    ("AZ", {"foreclosure_type": ("judicial", "nonjudicial")}),
    ("NY", {}),
    ("MN", {"foreclosure_type": ("judicial", "nonjudicial"), "short_redemption_period": ("yes",)}),
    ("OR", {"purchase_money": ("yes", "no")}),
)


def _money(rng: random.Random, low: int, high: int) -> str:
    cents = rng.randint(low * 100, high * 100)
    return f"{cents // 100}.{cents % 100:02d}" if cents % 100 else str(cents // 100)


def _case(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.5:
        owed = rng.randint(50_000, 900_000)
        row = {
            "kind": "mortgage",
            "exit": rng.choice(("short_sale", "foreclosure", "deed_in_lieu")),
            "unpaid_principal": str(owed),
            "accrued_interest": _money(rng, 0, 30_000),
            "escrow_advances": _money(rng, 0, 8_000),
            "sale_price": _money(rng, owed // 2, owed + 50_000),
            "commission_rate": rng.choice(("", "5", "5.5", "6")),
            "seller_closing_costs": _money(rng, 0, 6_000),
            "attorney_fees": _money(rng, 0, 4_000),
        }
    else:
        owed = rng.randint(3_000, 60_000)
        row = {
            "kind": "auto",
            "exit": rng.choice(("repossession", "voluntary_surrender")),
            "unpaid_principal": str(owed),
            "accrued_interest": _money(rng, 0, 900),
            "sale_price": _money(rng, owed // 3, owed),
            "retaking_fee": _money(rng, 0, 1_000),
            "storage_days": str(rng.randint(0, 90)),
            "storage_daily_rate": rng.choice(("", "25", "35", "50")),
            "auction_fee": _money(rng, 0, 400),
            "gap_refund": rng.choice(("", "", _money(rng, 0, 900))),
        }
    row["resolution"] = rng.choice(("waived", "judgment", "settled"))
    if row["resolution"] == "judgment":
        row["court_costs"] = _money(rng, 0, 500)
    elif row["resolution"] == "settled":
        row["settlement_percent"] = rng.choice(("", "30", "40.5"))
    if rng.random() < 0.3:
        state, facts = rng.choice(_STATE_FACTS)
        row["state"] = state
        for name, answers in facts.items():
            row[FACT_PREFIX + name] = rng.choice(answers)
    chance = rng.random()
    if chance < 0.02:
        row["sale_price"] = f"${int(float(row['sale_price'])):,}.50"
    elif chance < 0.03:
        row["sale_price"] = rng.choice(("abc", "-5", "1e308", "<script>"))
    return row


assert all(name in FACT_NAMES for _, facts in _STATE_FACTS for name in facts)


def generate(path: Path, rows: int, seed: int = 5) -> None:
    """Write ``rows`` mixed cases, cycling a pool of 5,000 distinct rows with unique ids."""
    rng = random.Random(seed)
    pool = []
    for _ in range(5_000):
        case = _case(rng)
        pool.append(
            ",".join(
                f'"{case.get(n, "")}"' if "," in case.get(n, "") else case.get(n, "")
                for n in TEMPLATE_COLUMNS[1:]
            )
        )
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(TEMPLATE_COLUMNS) + "\n")
        lines = []
        for index in range(rows):
            lines.append(f"case-{index},{pool[index % len(pool)]}\n")
            if len(lines) == 10_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)


def to_parquet(source: Path, target: Path) -> None:
    """The same caseload as Parquet (text columns), converted in bounded batches."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    types = {name: pa.string() for name in TEMPLATE_COLUMNS}
    reader = pa_csv.open_csv(
        source,
        convert_options=pa_csv.ConvertOptions(column_types=types, strings_can_be_null=False),
    )
    with pq.ParquetWriter(target, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)


#: Rows per row group of the typed file: DuckDB's default.
TYPED_GROUP_ROWS = 122_880


def to_typed_parquet(source: Path, target: Path) -> None:
    """The same caseload as a typed Parquet file, as a database export would hold it:
    amounts decimal(15,2), percentages decimal(7,4), storage days int32, ids and categories
    text, blank cells null. An amount written ``$1,234.50`` is stored as the number; one
    that is not a number at all (``abc``) cannot be stored in a decimal column, so it is
    stored as -1.00 (the row still has an error); ``1e308`` is stored as the largest
    decimal(15,2), over the $1 trillion limit. The decimals are stored as integers, as
    Spark and DuckDB store a decimal of up to 18 digits, in row groups of
    :data:`TYPED_GROUP_ROWS` rows."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    from deficiency.batch import _INFOS

    kinds = {name: info.kind for name, info in _INFOS.items()}
    types = {
        "money": pa.decimal128(15, 2),
        "percent": pa.decimal128(7, 4),
        "count": pa.int32(),
    }
    schema = pa.schema(
        [(name, types[kinds[name]] if name in kinds else pa.string()) for name in TEMPLATE_COLUMNS]
    )
    reader = pa_csv.open_csv(
        source,
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.string() for name in TEMPLATE_COLUMNS},
            strings_can_be_null=False,
        ),
    )
    pending: list[pa.RecordBatch] = []
    with pq.ParquetWriter(
        target, schema, compression="zstd", store_decimal_as_integer=True
    ) as writer:
        for batch in itertools.chain(reader, [None]):
            if batch is None or sum(len(part) for part in pending) >= TYPED_GROUP_ROWS:
                table = pa.Table.from_batches(pending, schema=schema)
                whole = table.num_rows if batch is None else table.num_rows // TYPED_GROUP_ROWS
                cut = whole if batch is None else whole * TYPED_GROUP_ROWS
                writer.write_table(table.slice(0, cut), row_group_size=TYPED_GROUP_ROWS)
                pending = table.slice(cut).to_batches()
                if batch is None:
                    break
            columns = []
            for field in schema:
                cells = batch.column(field.name)
                cells = pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.string()), cells)
                if field.name in kinds:
                    cells = pc.replace_substring_regex(cells, "[$, ]", "")
                    cells = pc.replace_substring(cells, "1e308", "9999999999999.99")
                    number = pc.match_substring_regex(cells, r"^-?\d+(\.\d+)?$")
                    cells = pc.if_else(pc.fill_null(number, True), cells, "-1")
                columns.append(pc.cast(cells, field.type))
            pending.append(pa.record_batch(columns, schema=schema))


#: The runs of each engine: (format, file): the CSV, the Parquet of text, the typed Parquet.
_FORMATS = (("csv", "cases"), ("parquet", "cases"), ("parquet", "typed"))
_LABELS = {
    ("csv", "cases"): "CSV to CSV",
    ("parquet", "cases"): "Parquet (all text) to Parquet",
    ("parquet", "typed"): "Parquet (typed) to Parquet",
}


def run(*args: str) -> dict[str, float]:
    """Run the CLI in a child process; return its exit code, wall time and peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"batch run failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


def _dask_available() -> bool:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _rows_of(path: Path, kind: str) -> list[tuple[str, ...]]:
    """Every result row of a file or folder of parts, as tuples of text."""
    import csv

    import pyarrow.parquet as pq

    from deficiency.columnar import results_text

    paths = sorted(path.iterdir()) if path.is_dir() else [path]
    rows: list[tuple[str, ...]] = []
    for part in paths:
        if kind == "parquet":
            table = results_text(pq.read_table(part))
            rows.extend(zip(*(column.to_pylist() for column in table.columns), strict=True))
        else:
            with part.open(encoding="utf-8", newline="") as handle:
                rows.extend(tuple(row) for row in list(csv.reader(handle))[1:])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--rows", type=int, action="append", help="rows per caseload (repeat for several)"
    )
    parser.add_argument(
        "--engines", default="local,dask", help="comma-separated: local, dask (default: both)"
    )
    parser.add_argument("--workers", type=int, default=2, help="Dask LocalCluster processes")
    parser.add_argument("--quick", action="store_true", help="20,000 rows; checks for CI")
    parser.add_argument(
        "--limit", type=float, help="fail a full run over this many seconds per 100,000 rows"
    )
    args = parser.parse_args(argv)
    sizes = [20_000] if args.quick else (args.rows or [1_000_000])
    engines = [name for name in args.engines.split(",") if name]
    if "dask" in engines and not _dask_available():
        print("dask or distributed is not installed: the Dask runs are skipped")
        engines.remove("dask")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            cases = Path(folder, "cases.csv")
            started = time.perf_counter()
            generate(cases, rows)
            to_parquet(cases, Path(folder, "cases.parquet"))
            to_typed_parquet(cases, Path(folder, "typed.parquet"))
            print(f"generated {rows:,} rows in {time.perf_counter() - started:.1f} s")
            print(
                "| rows | engine | formats | seconds | rows/s | CPU seconds | peak RSS (MiB) "
                "| workers' peak (MiB) |"
            )
            print("|---:|---|---|---:|---:|---:|---:|---:|")
            results: dict[tuple[str, str, str], list[tuple[str, ...]]] = {}
            for engine in engines:
                for kind, label in _FORMATS:
                    if engine == "dask" and label == "typed":
                        continue
                    source = Path(folder, f"{label}.{kind}")
                    target = Path(folder, f"results-{engine}-{label}.{kind}")
                    extra = ["--engine", "dask"] if engine == "dask" else []
                    if engine == "dask":
                        target = Path(folder, f"results-{engine}-{kind}")
                        extra += ["--output-format", kind]
                    figures = run(str(source), "-o", str(target), *extra)
                    wall = figures["wall"]
                    peak = figures["worker_peak_mib"]
                    workers = f"{peak:,.0f}" if peak else "-"
                    print(
                        f"| {rows:,} | {engine} | {_LABELS[kind, label]} | {wall:,.1f} | "
                        f"{rows / wall:,.0f} | {figures['cpu']:,.1f} | "
                        f"{figures['peak_mib']:,.0f} | {workers} |"
                    )
                    if figures["code"] not in (0, 1):
                        print(f"FAIL: exit code {int(figures['code'])}")
                        failed = True
                    if args.limit is not None and wall > args.limit * rows / 100_000:
                        print(f"FAIL: {wall:.1f} s is over {args.limit} s per 100,000 rows")
                        failed = True
                    if args.quick:
                        results[(engine, kind, label)] = _rows_of(target, kind)
            if args.quick:
                expected = results[("local", "csv", "cases")]
                typed = results.pop(("local", "parquet", "typed"))
                for got in (expected, typed):
                    if len(got) != rows:
                        print(f"FAIL: {len(got):,} result rows for {rows:,} cases")
                        failed = True
                for key, got in results.items():
                    if got != expected:
                        print(f"FAIL: {key[0]} {key[1]} results differ from local CSV")
                        failed = True
    if args.quick and not failed:
        print("every engine and format wrote the same results for every case")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the batch CLI: rows per second, wall time and peak memory, plus a streaming check.

Usage::

    .venv/bin/python benchmarks/bench_batch.py --quick          # CI: 20,000 rows, 200,000 streamed
    .venv/bin/python benchmarks/bench_batch.py --rows 100000
    .venv/bin/python benchmarks/bench_batch.py --rows 100000 --stream-rows 10000000

Each run generates a CSV of mixed mortgage and car rows in a temporary directory (about 2%
with formatted amounts such as "$1,234.50" that take the exact Decimal path and 1% with
errors), then runs ``python -m deficiency batch`` through :func:`deficiency.__main__.main`
in a fresh child process, so each figure is that run's own wall time and peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``). The streaming check runs a file
``--stream-rows`` long and compares its peak memory with the first run's: bounded memory
means it stays about the same although the file is many times larger.
"""

from __future__ import annotations

import argparse
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

from deficiency.batch import TEMPLATE_COLUMNS  # noqa: E402

CHILD = """
import json, resource, sys, time
from deficiency.__main__ import main
start = time.perf_counter()
code = main(["batch", sys.argv[1], "-o", sys.argv[2], "--progress", "never"])
wall = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "wall": wall, "peak_mib": peak_kib / 1024}))
"""


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
    chance = rng.random()
    if chance < 0.02:
        row["sale_price"] = f"${int(float(row['sale_price'])):,}.50"
    elif chance < 0.03:
        row["sale_price"] = rng.choice(("abc", "-5", "1e308", "<script>"))
    return row


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


def run(cases: Path, results: Path) -> dict[str, float]:
    """Run the CLI in a child process; return its exit code, wall time and peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(cases), str(results)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if not done.stdout.strip():
        raise SystemExit(f"batch run failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def report(label: str, rows: int, cases: Path, figures: dict[str, float]) -> None:
    size_mib = cases.stat().st_size / 2**20
    print(
        f"{label}: {rows:,} rows ({size_mib:,.0f} MiB) in {figures['wall']:.2f} s = "
        f"{rows / figures['wall']:,.0f} rows/s; peak RSS {figures['peak_mib']:.0f} MiB; "
        f"exit code {int(figures['code'])}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows for the timed run")
    parser.add_argument("--stream-rows", type=int, default=2_000_000, help="rows for streaming")
    parser.add_argument("--quick", action="store_true", help="small sizes for CI")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds allowed per 100k rows")
    args = parser.parse_args()
    rows, stream_rows = (20_000, 200_000) if args.quick else (args.rows, args.stream_rows)
    with tempfile.TemporaryDirectory() as folder:
        cases, results = Path(folder, "cases.csv"), Path(folder, "results.csv")
        started = time.perf_counter()
        generate(cases, rows)
        print(f"generated {rows:,} rows in {time.perf_counter() - started:.1f} s")
        timed = run(cases, results)
        report("timed run", rows, cases, timed)
        with results.open(encoding="utf-8") as out:
            written = sum(1 for _ in out) - 1
        if written != rows:
            print(f"FAIL: {written:,} result rows for {rows:,} cases")
            return 1
        generate(cases, stream_rows)
        streamed = run(cases, results)
        report("streaming run", stream_rows, cases, streamed)
        growth = streamed["peak_mib"] - timed["peak_mib"]
        print(
            f"memory growth for {stream_rows / rows:.0f}x the rows: {growth:+.0f} MiB "
            f"({'bounded' if growth < 50 else 'NOT bounded'})"
        )
    allowed = args.limit * rows / 100_000
    if timed["wall"] > allowed:
        print(f"FAIL: {timed['wall']:.2f} s is over the {allowed:.2f} s budget")
        return 1
    return 0 if growth < 50 else 1


if __name__ == "__main__":
    sys.exit(main())

"""How much one explorer server carries: memory and CPU per open session, and how many
sessions can move sliders at once with a p95 move latency under 250 ms.

Usage: ``python benchmarks/bench_capacity.py [--quick] [--open N] [--step-seconds S]
[--max-sessions N] [--pace S] [--think S]``

One server started as the cluster starts each (``scripts/appserver.py``). Sessions open
Compare with their own car sale price in the link and move its slider one step at a time
(``benchmarks/bench_load.py``); a figure of another session is counted as a leak.

1. Open sessions: the server's resident memory with one session open, then with ``--open``
   more open and idle (``benchmarks/wire_session.py``: sessions driven over the websocket
   without a browser), and their CPU while idle for 10 s.
2. One browser (headless Chromium) moving alone: the latency a user sees, key press to
   its own figures drawn, and how much of it is the browser drawing (its median less the
   server's reply time for the same move): time spent on the user's device, whatever the
   server's load.
3. Ramp: 1, 2, 4, 6, ... sessions moving at once, each as a browser does: a move, the
   reply, ``--pace`` seconds (default: the drawing time measured in 2) and the next move.
   Sessions are wire sessions, since browsers drawing on the server's own two cores would
   measure the browsers. Per step: moves, p50 and p95 of the server's reply time (the
   move sent to its figures back, on loopback), the server's CPU (share of one core) and
   CPU per move. Stops after the first step whose p95 passes 250 ms.

The capacity is the largest count whose p95 stayed under 250 ms. A server is one Python
process whose script runs share one core (the GIL), so it is also the sessions per core:
run one server per core. Those sessions move without stopping; ``--think`` converts the
moves per second the server sustained at that step into users who move every ``--think``
seconds. ``--quick`` (CI, under a minute): 5 open sessions, steps of 1 and 2 for 5 s, no
browser; it fails only on an error or a leak. Exits 1 on any error or leak.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from appserver import CHROMIUM, CHROMIUM_ARGS, Server, running_server  # noqa: E402
from bench_load import Result, move, open_session, percentile  # noqa: E402
from wire_session import WireSession  # noqa: E402

P95_TARGET_S = 0.250
TICK = os.sysconf("SC_CLK_TCK")
#: The browser session's price (its loan is bench_load's $10,000); the wire sessions' loans
#: end in 50 cents, so no figure of one kind can be the other's.
BROWSER_PRICE = Decimal(3_000)
WIRE_PRICE = Decimal(5_000)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


@dataclass
class Step:
    """One step of the ramp: how many moved, for how long, what it took."""

    sessions: int
    seconds: float
    latencies: list[float]
    server_cpu: float  # CPU seconds the server used
    client_cpu: float  # and this benchmark
    load: float  # the machine's load average at the end (other work shows here)

    @property
    def p95(self) -> float:
        return percentile(self.latencies, 0.95) if self.latencies else float("inf")

    @property
    def moves_per_s(self) -> float:
        return len(self.latencies) / self.seconds

    @property
    def cpu_per_move_ms(self) -> float:
        return self.server_cpu / max(1, len(self.latencies)) * 1000

    def line(self) -> str:
        if not self.latencies:
            return f"{self.sessions:3d} moving: no move completed"
        return (
            f"{self.sessions:3d} moving: {len(self.latencies):5d} moves "
            f"({self.moves_per_s:5.1f}/s), p50 {statistics.median(self.latencies) * 1000:4.0f} ms, "
            f"p95 {self.p95 * 1000:5.0f} ms | server CPU {self.server_cpu / self.seconds:4.0%} "
            f"of a core, {self.cpu_per_move_ms:3.0f} ms a move | "
            f"load generator CPU {self.client_cpu / self.seconds:4.0%} | "
            f"load average {self.load:.1f}"
        )


class Pool:
    """Wire sessions on one server, opened as needed, each with its own price."""

    def __init__(self, server: Server, size: int) -> None:
        self.server = server
        self.results = [Result(WIRE_PRICE) for _ in range(size)]
        # Loans $700 apart: every session's deficiencies are its own, and none is another
        # session's "Lender recovers" (its loan plus $500, $4,400 or $4,500 above its
        # deficiency, neither a multiple of $700).
        self.sessions = [
            WireSession(server.url, result, Decimal("10000.50") + 700 * index)
            for index, result in enumerate(self.results)
        ]
        for session in self.sessions:
            session.others = self.figures() - session.figures()
        self.open: list[WireSession] = []

    def figures(self) -> set[str]:
        return set().union(*(session.figures() for session in self.sessions))

    async def grow(self, count: int) -> None:
        """Open sessions, four at a time, until ``count`` are open."""
        while len(self.open) < count:
            batch = self.sessions[len(self.open) : min(count, len(self.open) + 4)]
            await asyncio.gather(*(session.open() for session in batch))
            self.open += batch

    def errors(self) -> list[str]:
        return [line for r in self.results for line in r.errors + r.mismatches]


async def keep_moving(session: WireSession, until: float, pace: float) -> None:
    while time.monotonic() < until:
        try:
            await session.move()
        except Exception as error:  # counted; the run fails
            session.result.errors.append(f"{type(error).__name__}: {error}")
            return
        await asyncio.sleep(pace)


async def step(pool: Pool, count: int, seconds: float, pace: float) -> Step:
    await pool.grow(count)
    moving = pool.open[:count]
    done = [len(session.result.latencies) for session in moving]
    server, client = cpu_seconds(pool.server.process.pid), time.process_time()
    started = time.monotonic()
    await asyncio.gather(*(keep_moving(s, started + seconds, pace) for s in moving))
    elapsed = time.monotonic() - started
    return Step(
        count,
        elapsed,
        [value for s, n in zip(moving, done, strict=True) for value in s.result.latencies[n:]],
        cpu_seconds(pool.server.process.pid) - server,
        time.process_time() - client,
        os.getloadavg()[0],
    )


async def browser_alone(server: Server, pool: Pool, seconds: float) -> tuple[Result, Step]:
    """One Chromium session moving alone, then one wire session: what drawing adds."""
    seen = Result(BROWSER_PRICE)
    others = pool.figures()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await open_session(browser, server.url, seen, others)
        if context is not None:
            await move(context.pages[0], seen, others, seconds, timeout=30)
            await context.close()
        await browser.close()
    # The server's reply for the same move, paced as a browser that draws for 100 ms.
    return seen, await step(pool, 1, seconds, pace=0.1)


def summary(steps: list[Step], think: float) -> None:
    within = [s for s in steps if s.p95 <= P95_TARGET_S]
    print(f"server CPU per move: {steps[0].cpu_per_move_ms:.0f} ms with one session moving")
    if not within:
        print(f"capacity: even one moving session had p95 above {P95_TARGET_S * 1000:.0f} ms")
        return
    best = within[-1]
    print(
        f"capacity: {best.sessions} sessions moving at once, p95 {best.p95 * 1000:.0f} ms "
        f"<= {P95_TARGET_S * 1000:.0f} ms, {best.moves_per_s:.0f} moves/s, the server at "
        f"{best.server_cpu / best.seconds:.0%} of a core: {best.sessions} per core"
    )
    print(
        f"users per core who move every {think:.0f} s while they read: "
        f"{best.moves_per_s * think:.0f}"
    )


async def measure(server: Server, args: argparse.Namespace) -> int:
    counts = [1, 2] if args.quick else [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96]
    counts = [count for count in counts if count <= args.max_sessions]
    pool = Pool(server, max(args.open + 1, counts[-1]))
    await pool.grow(1)
    await asyncio.sleep(2)
    one_open = server.rss_mb()
    await pool.grow(args.open + 1)
    await asyncio.sleep(3)
    all_open = server.rss_mb()
    idle_before = cpu_seconds(server.process.pid)
    await asyncio.sleep(10)
    idle = (cpu_seconds(server.process.pid) - idle_before) / 10
    print(
        f"server memory: {one_open:.0f} MB with 1 session open, {all_open:.0f} MB with "
        f"{args.open + 1}: {(all_open - one_open) / args.open:.2f} MB per open session"
    )
    print(f"idle CPU: {idle / (args.open + 1):.3%} of a core per open session")

    pace = args.pace
    if not args.quick:
        seen, wire = await browser_alone(server, pool, args.step_seconds)
        if seen.latencies:
            drawing = statistics.median(seen.latencies) - statistics.median(wire.latencies)
            print(
                f"one browser moving alone: p50 {statistics.median(seen.latencies) * 1000:.0f} ms"
                f", p95 {percentile(seen.latencies, 0.95) * 1000:.0f} ms key press to drawn; "
                f"the server's reply alone p50 {statistics.median(wire.latencies) * 1000:.0f} "
                f"ms: drawing takes {drawing * 1000:.0f} ms"
            )
            pace = max(0.05, drawing) if pace is None else pace
        pool.results.append(seen)  # its errors count
    pace = 0.15 if pace is None else pace
    print(f"ramp: each session moves, waits for the reply, then {pace * 1000:.0f} ms")

    steps: list[Step] = []
    for count in counts:
        steps.append(await step(pool, count, args.step_seconds, pace))
        print(steps[-1].line(), flush=True)
        if pool.errors() or (not args.quick and steps[-1].p95 > P95_TARGET_S):
            break
    print(f"server memory after the ramp: {server.rss_mb():.0f} MB, {len(pool.open)} open")
    for session in pool.open:
        with contextlib.suppress(Exception):
            await session.close()
    summary(steps, args.think)
    print(f"load average at the end (other work on this machine too): {os.getloadavg()[0]:.1f}")
    errors = pool.errors()
    for line in errors[:20]:
        print("ERROR:", line)
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI: 5 open, 1 and 2 moving, 5 s")
    parser.add_argument("--open", type=int, help="idle sessions for the memory figure (50)")
    parser.add_argument("--step-seconds", type=float, help="seconds a ramp step (default 15)")
    parser.add_argument("--max-sessions", type=int, default=96, help="the ramp's last step")
    parser.add_argument("--pace", type=float, help="seconds between a reply and the next move")
    parser.add_argument("--think", type=float, default=5.0, help="seconds between a user's moves")
    args = parser.parse_args()
    args.open = args.open or (5 if args.quick else 50)
    args.step_seconds = args.step_seconds or (5.0 if args.quick else 15.0)
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with running_server() as server:
        return asyncio.run(measure(server, args))


if __name__ == "__main__":
    sys.exit(main())

"""Concurrent sessions on different scenarios, each checking it sees only its own numbers.

Usage: ``python benchmarks/bench_load.py [--quick] [--sessions N] [--seconds S]``

Starts the app on loopback and one headless Chromium with one context per session. Each
session opens the Compare page with its own car sale price in the URL
(``?c_sale_price=...``), then, until time is up, moves the car's sale-price slider one
$100 step with the keyboard (right, then left, alternately) and waits until its car
deficiency figure card and its car waterfall chart show ITS OWN expected figure
(deficiency = 10,000 + 500 - its sale price). The sessions run concurrently (asyncio) in
one browser, one context each; each moves for the given time once its page has loaded.
Reports moves, errors and cross-session
mismatches, and p50/p95 latency from key press to both updated; exits 1 on any error or
mismatch. Full run: 20 sessions for 60 s; ``--quick``: 5 sessions for 10 s (CI).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from appserver import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402

OWED, EXPENSES, STEP = Decimal(10_000), Decimal(500), Decimal(100)
SLIDER = '.st-key-c_sale_price-pair input[type="range"]'
METRIC = ".figure-value"
CAR_DEFICIENCY = 4  # the car's deficiency on the Compare page (5th figure card)
CHART = "c_waterfall"
DEFICIENCY_IN_CHART = re.compile(r"deficiency of (\$[\d,]+\.\d\d)")
#: Both the metric and the chart's description show the expected figure (or any other).
READ = """([index, key]) => {
  const metric = document.querySelectorAll(".figure-value")[index];
  const chart = document.querySelector(`.st-key-${key} .deficiency-chart`);
  return [metric ? metric.textContent : '', chart ? chart.getAttribute('aria-label') || '' : ''];
}"""


def usd(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def deficiency_for(price: Decimal) -> Decimal:
    return max(Decimal(0), OWED + EXPENSES - price)


@dataclass
class Result:
    """What one session saw, and where its slider is."""

    sale_price: Decimal
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    steps: int = 0  # 0: the linked price; 1: one step right (moves alternate)

    @property
    def price(self) -> Decimal:
        return self.sale_price + STEP * self.steps


async def wait_for(
    page: Page, price: Decimal, result: Result, others: set[str], timeout: float
) -> bool:
    """Poll until metric and chart show ``price``'s deficiency; flag any other session's."""
    want = usd(deficiency_for(price))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        metric, chart = await page.evaluate(READ, [CAR_DEFICIENCY, CHART])
        # The deficiency as the metric shows it and as the chart's description states it
        # (the description also names the sale price, which is not compared).
        stated = DEFICIENCY_IN_CHART.search(chart)
        shown = {metric.strip(), stated.group(1) if stated else ""}
        foreign = (shown & others) - {want}
        if foreign:
            result.mismatches.append(f"sale price {price} shows {sorted(foreign)}")
            return False
        if shown == {want}:
            return True
        await asyncio.sleep(0.05)
    result.errors.append(f"sale price {price}: {want} not shown within {timeout} s")
    return False


async def open_session(
    browser: Browser, url: str, result: Result, others: set[str]
) -> BrowserContext | None:
    """A new browser context on Compare with the session's price in the link, once its own
    figures show; None (the error noted) if they never do."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1600})
    try:
        page = await context.new_page()
        await page.goto(f"{url}/?c_sale_price={result.sale_price}", timeout=180_000)
        if await wait_for(page, result.price, result, others, 180):
            await page.locator(SLIDER).focus()
            return context
    except Exception as error:  # reported, counted as an error, and the run fails
        result.errors.append(f"sale price {result.sale_price}: {type(error).__name__}: {error}")
    await context.close()
    return None


async def move(
    page: Page, result: Result, others: set[str], seconds: float, timeout: float
) -> bool:
    """Move the car's sale price one step right, then left, ... for ``seconds``, each
    time until the session's own figures show; False once a move fails."""
    try:
        stop_at = time.monotonic() + seconds
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            await page.keyboard.press("ArrowLeft" if result.steps else "ArrowRight")
            result.steps = 1 - result.steps
            if not await wait_for(page, result.price, result, others, timeout):
                return False
            result.latencies.append(time.perf_counter() - started)
    except Exception as error:  # reported, counted as an error, and the run fails
        result.errors.append(f"sale price {result.sale_price}: {type(error).__name__}: {error}")
        return False
    return True


async def session(
    browser: Browser, url: str, result: Result, others: set[str], seconds: float, timeout: float
) -> None:
    context = await open_session(browser, url, result, others)
    if context is not None:
        await move(context.pages[0], result, others, seconds, timeout)
        await context.close()


def others_figures(results: list[Result]) -> dict[Decimal, set[str]]:
    """For each session (by its linked price), every figure another session may show."""
    figures = {
        r.sale_price: {usd(deficiency_for(r.sale_price + d)) for d in (-STEP, 0, STEP)}
        for r in results
    }
    return {
        price: set().union(*(f for other, f in figures.items() if other != price))
        for price in figures
    }


async def run_sessions(url: str, results: list[Result], seconds: float, timeout: float) -> None:
    others = others_figures(results)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await asyncio.gather(
            *(
                session(browser, url, result, others[result.sale_price], seconds, timeout)
                for result in results
            )
        )
        await browser.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(sessions: int, seconds: float, timeout: float) -> int:
    # Distinct prices $400 apart (a session moves only $100 either way): every session's
    # deficiency figures are its own, so any figure of another session is a leak.
    results = [Result(Decimal(1_000 + 400 * index)) for index in range(sessions)]
    with running_app() as url:
        started = time.monotonic()
        asyncio.run(run_sessions(url, results, seconds, timeout))
        elapsed = time.monotonic() - started
    latencies = [value for r in results for value in r.latencies]
    errors = [e for r in results for e in r.errors]
    mismatches = [m for r in results for m in r.mismatches]
    print(f"sessions: {sessions}, wall time: {elapsed:.1f} s")
    print(
        f"moves: {len(latencies)}, errors: {len(errors)}, "
        f"cross-session mismatches: {len(mismatches)}"
    )
    if latencies:
        print(
            "latency key press -> own metric and chart: "
            f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
        )
    for result in results:
        print(f"  sale price {result.sale_price}: {len(result.latencies)} moves")
    for line in (errors + mismatches)[:20]:
        print("ERROR:", line)
    if errors or mismatches or not latencies or any(not r.latencies for r in results):
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 sessions for 10 s (CI)")
    parser.add_argument("--sessions", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--timeout", type=float, default=30.0, help="per move, seconds")
    args = parser.parse_args()
    sessions = args.sessions or (5 if args.quick else 20)
    seconds = args.seconds or (10.0 if args.quick else 60.0)
    return run(sessions, seconds, args.timeout)


if __name__ == "__main__":
    sys.exit(main())

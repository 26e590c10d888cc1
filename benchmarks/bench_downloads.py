"""Downloads on a busy server: how many clicks save their file while other sessions move.

Usage: ``python benchmarks/bench_downloads.py [--quick] [--sessions N] [--clicks N]
[--movers N]``

One server (``scripts/appserver.py``). ``--movers`` sessions move the car's sale-price
slider without pause over Streamlit's websocket (``benchmarks/wire_session.py``), so
script runs end on the server all the time. Meanwhile ``--sessions`` headless Chromium
pages on Car repossession, each with its own price in the link, click "Download scenario
(JSON)" and "Download statement (CSV)" in turn, ``--clicks`` times each page, and keep
what the browser saves. A click counts as saved when the browser saved a file holding the
page's own scenario (the JSON's sale price, the CSV's heading).

Streamlit makes a clicked button's file and drops it once two script runs of any session
have ended without it, so before ``ui.kit.internals.keep_downloads_with_sessions`` a
busy server answered many fetches with 404 (19 of 30 saved with ten movers, 2026-12).
``--quick`` (CI, under a minute): 2 movers, 1 page, 4 clicks. Exits 1 unless every click
saved its file, or on a mover's error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from appserver import CHROMIUM, CHROMIUM_ARGS, running_server  # noqa: E402
from bench_load import Result  # noqa: E402
from wire_session import WireSession  # noqa: E402

BUTTONS = ("Download scenario (JSON)", "Download statement (CSV)")
CLICK_TIMEOUT_MS = 20_000
LOAD_TIMEOUT_MS = 180_000


async def keep_moving(session: WireSession, stop: asyncio.Event) -> None:
    try:
        await session.open()
        while not stop.is_set():
            await session.move()
    except Exception as error:  # reported; the run fails
        session.result.errors.append(f"{type(error).__name__}: {error}")
    finally:
        await session.close()


async def click_downloads(browser: Browser, url: str, price: int, clicks: int) -> list[str]:
    """One page clicking the two downloads in turn; the outcome of each click."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1600})
    outcomes = []
    try:
        page = await context.new_page()
        await page.goto(f"{url}/car?c_sale_price={price}", timeout=LOAD_TIMEOUT_MS)
        opener = page.get_by_text("Save, share or load this scenario")
        await opener.wait_for(timeout=LOAD_TIMEOUT_MS)
        await opener.click()
        for click in range(clicks):
            name = BUTTONS[click % len(BUTTONS)]
            button = page.get_by_role("button", name=name)
            await button.wait_for(timeout=LOAD_TIMEOUT_MS)
            try:
                async with page.expect_download(timeout=CLICK_TIMEOUT_MS) as saved:
                    await button.click()
                download = await saved.value
                failure = await download.failure()
                if failure:
                    outcomes.append(f"{name}: {failure}")
                    continue
                text = Path(await download.path()).read_text(encoding="utf-8")
                if name.endswith("(JSON)"):
                    held = Decimal(json.loads(text)["values"]["sale_price"])
                    ok = held == price
                else:
                    ok = text.startswith("Line") or "," in text.splitlines()[0]
                outcomes.append("saved" if ok else f"{name}: another scenario's file")
            except Exception as error:
                outcomes.append(f"{name}: {type(error).__name__}: {error}".splitlines()[0])
    finally:
        await context.close()
    return outcomes


async def measure(
    url: str, sessions: int, clicks: int, movers: int
) -> tuple[list[str], int, list[str]]:
    stop = asyncio.Event()
    moving = [WireSession(url, Result(Decimal(5_000 + 100 * n))) for n in range(movers)]
    tasks = [asyncio.create_task(keep_moving(session, stop)) for session in moving]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Let the movers start before the first click.
            await asyncio.sleep(3)
            results = await asyncio.gather(
                *(click_downloads(browser, url, 7_000 + 100 * n, clicks) for n in range(sessions))
            )
        finally:
            stop.set()
            await asyncio.gather(*tasks)
            await browser.close()
    moves = sum(len(session.result.latencies) for session in moving)
    errors = [error for session in moving for error in session.result.errors]
    return [outcome for outcomes in results for outcome in outcomes], moves, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="CI: 2 movers, 1 page, 4 clicks")
    parser.add_argument("--sessions", type=int, default=3, help="pages clicking downloads")
    parser.add_argument("--clicks", type=int, default=10, help="clicks per page")
    parser.add_argument("--movers", type=int, default=10, help="sessions moving meanwhile")
    args = parser.parse_args()
    if args.quick:
        args.sessions, args.clicks, args.movers = 1, 4, 2
    with running_server() as server:
        started = time.monotonic()
        outcomes, moves, errors = asyncio.run(
            measure(server.url, args.sessions, args.clicks, args.movers)
        )
        elapsed = time.monotonic() - started
    saved = outcomes.count("saved")
    print(
        f"{saved}/{len(outcomes)} downloads saved by {args.sessions} page(s) while "
        f"{args.movers} sessions moved ({moves} moves, {elapsed:.0f} s)"
    )
    for outcome in sorted({o for o in outcomes if o != "saved"}):
        print(f"  not saved ({outcomes.count(outcome)}x): {outcome}")
    for error in errors[:10]:
        print("mover error:", error)
    return 0 if saved == len(outcomes) and not errors else 1


if __name__ == "__main__":
    sys.exit(main())

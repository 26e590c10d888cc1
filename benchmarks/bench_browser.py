"""Slider key press to charts redrawn, in Debian's headless Chromium, against a minimal app.

Usage: ``python benchmarks/bench_browser.py [--presses 30] [--quick]``

Starts the explorer and ``benchmarks/minimal_app.py`` on loopback, opens each, and
times (a) navigation to every chart drawn and (b) a key press on a slider to every
chart that depends on it showing the new value. Presses alternate right and left so
the scenario stays the same. Prints medians, 95th percentiles and ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from appserver import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402

CHART = '[data-testid="stPlotlyChart"] .main-svg'
WAIT_ALL = """
([keys, texts]) => keys.every((key, i) => {
  const chart = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  return chart !== null && chart.textContent.includes(texts[i]);
})
"""


@dataclass(frozen=True)
class Target:
    """A page, the slider to press, and per press direction the text each chart must show."""

    name: str
    script: Path
    path: str
    slider_key: str
    charts: tuple[str, ...]
    after_right: tuple[str, ...]
    after_left: tuple[str, ...]


MINIMAL = Target(
    "minimal app", ROOT / "benchmarks" / "minimal_app.py", "/", "value",
    ("chart",), ("Value: 51",), ("Value: 50",),
)  # fmt: skip
COMPARE = Target(
    "explorer: Compare page (car sale price)", ROOT / "app.py", "/", "c_sale_price__slider",
    ("c_waterfall", "compare_outcomes"),
    ("−$8,600.00", "$1,900"),
    ("−$8,500.00", "$2,000"),
)  # fmt: skip
CAR = Target(
    "explorer: Car page (car sale price)", ROOT / "app.py", "/car", "c_sale_price__slider",
    ("c_waterfall",), ("−$8,600.00",), ("−$8,500.00",),
)  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def measure(page: Page, url: str, target: Target, presses: int) -> dict[str, float]:
    started = time.perf_counter()
    page.goto(url + target.path)
    page.wait_for_function(
        WAIT_ALL, arg=[list(target.charts), list(target.after_left)], timeout=60_000
    )
    first_load = time.perf_counter() - started
    slider = page.locator(f'.st-key-{target.slider_key} input[type="range"]')
    slider.focus()
    timings = []
    for press in range(presses):
        key, texts = ("ArrowRight", target.after_right) if press % 2 == 0 else (
            "ArrowLeft", target.after_left)  # fmt: skip
        started = time.perf_counter()
        page.keyboard.press(key)
        page.wait_for_function(WAIT_ALL, arg=[list(target.charts), list(texts)], timeout=20_000)
        timings.append(time.perf_counter() - started)
        page.wait_for_timeout(250)  # let the rerun finish before the next press
    return {
        "first_load": first_load,
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "presses": presses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="5 presses each, for CI")
    args = parser.parse_args()
    presses = 5 if args.quick else args.presses
    results: dict[str, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for group in ((MINIMAL,), (COMPARE, CAR)):
            with running_app(group[0].script) as url:
                for target in group:
                    context = browser.new_context(viewport={"width": 1400, "height": 1600})
                    page = context.new_page()
                    page.goto(url + target.path)  # warm the server: imports, caches
                    page.wait_for_selector(CHART, timeout=60_000)
                    context.close()
                    context = browser.new_context(viewport={"width": 1400, "height": 1600})
                    results[target.name] = measure(context.new_page(), url, target, presses)
                    context.close()
        browser.close()
    base = results[MINIMAL.name]
    print(f"{'page':44} {'first load':>11} {'press median':>13} {'press p95':>10} {'ratio':>7}")
    for name, row in results.items():
        print(
            f"{name:44} {row['first_load']:>10.2f}s {row['median'] * 1000:>11.0f}ms"
            f" {row['p95'] * 1000:>8.0f}ms {row['median'] / base['median']:>6.2f}x"
        )
    print(f"({presses} key presses per page; ratio = median press latency / minimal app's)")


if __name__ == "__main__":
    main()

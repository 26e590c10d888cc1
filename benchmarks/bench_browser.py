"""Speed in a real browser, for every page, against a minimal one-slider one-chart app.

Usage: ``python benchmarks/bench_browser.py [--presses 30] [--sliders 3] [--sessions 10]
[--loads 3] [--quick]``

Starts each app on 127.0.0.1 and drives Debian's headless Chromium. For every page of
``ui/kit/navigation.py`` (and the minimal app, ``benchmarks/minimal_app.py``) it measures:

- first load: navigation to every chart drawn, no element left a placeholder, and the
  page still; the median of ``--loads`` loads (one load varied by a fifth run to run);
- slider to redrawn: a key press on a slider to the last change anywhere on the page
  (every chart, metric and sentence redrawn), median and 95th percentile over the
  presses, alternating right and left so the scenario stays the same;
- memory per session: the server's resident memory after ``--sessions`` more open
  sessions, minus before, divided by their number;
- where a press's time goes (medians, on the page's own clock): the key press to the
  first message from the server handled, the first to the last message handled (the
  page redraws between them, so this is mostly browser time), the last message to
  plotly.js starting (Streamlit redrawing the page), the time inside plotly.js
  (``Plotly.react``/``newPlot``, every chart), and what follows until the page is still.

Every figure is also given as a ratio to the minimal app's, run twice: under this app's
server settings (``.streamlit/config.toml``, e.g. no full garbage collection after each
run), the fair yardstick and the ratio the targets use, and under Streamlit's defaults.
A third yardstick, ``benchmarks/region_app.py``, is the minimal app built the way the pages
are (a pair region and a results region, the chart drawn by ``ui.kit.chart_view``): what a
page takes beyond it is the cost of the page's size, not of the design.
A page that shows a Streamlit exception stops the run with an error. "The last change" is read
from a MutationObserver on the page's main area (not the toolbar's running indicator):
the press's latency is the time of the last DOM change it caused, found once the page
has been still for 500 ms (not counted).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
from appserver import CHROMIUM, CHROMIUM_ARGS, Server, running_server  # noqa: E402

from ui.kit.navigation import DEFAULT_PAGE, all_pages  # noqa: E402

WATCH = """() => {
  window.__lastChange = performance.now();
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(document.querySelector('[data-testid="stMain"]'),
             {subtree: true, childList: true, attributes: true, characterData: true});
}"""
# Records, on the page's clock, each message the server sends (when its handler ran)
# and each plotly.js drawing call (start and end), for the phase table.
PHASES = """(() => {
  window.__events = [];
  const record = (...event) => window.__events.push(event);
  const listen = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, handler, ...rest) {
    if (type !== 'message') return listen.call(this, type, handler, ...rest);
    return listen.call(this, type, function (event) {
      record('message', performance.now());
      return handler.call(this, event);
    }, ...rest);
  };
  const wrap = (plotly) => {
    for (const name of ['react', 'newPlot']) {
      const draw = plotly[name];
      if (typeof draw !== 'function' || draw.__timed) continue;
      plotly[name] = async function (...args) {
        const start = performance.now();
        try { return await draw.apply(this, args); }
        finally { record('plotly', start, performance.now()); }
      };
      plotly[name].__timed = true;
    }
    return plotly;
  };
  let plotly;
  Object.defineProperty(window, 'Plotly', {
    configurable: true,
    get() { return plotly; },
    set(value) { plotly = value && wrap(value); },
  });
})()"""
QUIET_MS = 500
LOAD_QUIET_MS = 2500
# Streamlit's slider (the minimal apps) or this app's slider-and-box pair (ui/kit/amount_pair).
SLIDER = '[data-testid="stSlider"] input[type="range"], input[type="range"].amount-pair-range'
# Streamlit's own chart (the minimal app) or this app's (ui/kit/chart_view.py).
CHART = '[data-testid="stPlotlyChart"], .deficiency-chart'
SAME_SETTINGS = "minimal app, our settings"
DEFAULTS = "minimal app, Streamlit defaults"
REGIONS = "region app (one pair, our design)"


@dataclass
class Phases:
    """Milliseconds of one press: reply, messages, page redraw, plotly.js, after."""

    reply: float
    messages: float
    redraw: float
    plotly: float
    after: float

    @classmethod
    def of(cls, started: float, last_change: float, events: list[list[Any]]) -> Phases:
        messages = [event[1] for event in events if event[0] == "message"]
        draws = [(event[1], event[2]) for event in events if event[0] == "plotly"]
        first = messages[0] if messages else last_change
        last = messages[-1] if messages else last_change
        charts_start = min((start for start, _ in draws), default=last_change)
        charts_end = max((end for _, end in draws), default=last_change)
        return cls(
            reply=first - started,
            messages=last - first,
            redraw=max(0.0, charts_start - last),
            plotly=sum(end - start for start, end in draws),
            after=max(0.0, last_change - max(charts_end, last)),
        )


@dataclass
class PageResult:
    name: str
    first_load: float
    presses: list[float] = field(default_factory=list)
    sliders: int = 0
    phases: list[Phases] = field(default_factory=list)

    def phase_median(self, name: str) -> float:
        values = [getattr(phases, name) for phases in self.phases]
        return statistics.median(values) if values else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.presses) if self.presses else float("nan")

    @property
    def p95(self) -> float:
        if not self.presses:
            return float("nan")
        ordered = sorted(self.presses)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def settle(page: Page, since_ms: float, quiet_ms: int = QUIET_MS, timeout_s: float = 60.0) -> float:
    """Wait until the script is done and the page has not changed for ``quiet_ms``; return the
    last change's time (ms)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        now, last, running = page.evaluate(
            "() => [performance.now(), window.__lastChange,"
            " document.querySelector('[data-testid=\"stApp\"]')"
            "?.getAttribute('data-test-script-state') in {running: 1, rerunRequested: 1}]"
        )
        # Still only once the script is done too: on a loaded machine a rerun (e.g. a deep
        # link rerouted through the entrypoint) can leave the page unchanged for a while.
        if last > since_ms and now - last >= quiet_ms and not running:
            return float(last)
        page.wait_for_timeout(50)
    raise TimeoutError("the page kept changing or never changed")


def load(page: Page, url: str) -> float:
    """Seconds from navigation to every chart drawn and the page still."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(f'[data-testid="stMain"] h1, {SLIDER}', timeout=60_000)
    page.evaluate(WATCH)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=60_000,
    )
    # Every chart drawn and no element still a placeholder: Streamlit draws a skeleton
    # while an element's code loads, and on a busy machine some stay for seconds.
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{CHART}')]"
        ".every(chart => chart.querySelector('.main-svg'))"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=60_000,
    )
    origin = page.evaluate("() => performance.now()") - (time.perf_counter() - started) * 1000
    # A first run pauses while it builds its figures; a longer stillness marks its end.
    last = settle(page, since_ms=0, quiet_ms=LOAD_QUIET_MS)
    return (last - origin) / 1000


def press_slider(page: Page, index: int, presses: int) -> tuple[list[float], list[Phases]]:
    """Seconds from each key press to the page still, and where each press's time went."""
    slider = page.locator(SLIDER).nth(index)
    slider.scroll_into_view_if_needed()
    slider.focus()
    timings, phases = [], []
    for number in range(presses):
        started = page.evaluate("() => { window.__events = []; return performance.now(); }")
        page.keyboard.press("ArrowRight" if number % 2 == 0 else "ArrowLeft")
        last_change = settle(page, since_ms=started)
        timings.append((last_change - started) / 1000)
        events = page.evaluate("() => window.__events")
        if not any(event[0] == "message" for event in events):
            # The phase table would be silently empty: the hooks (PHASES) no longer see
            # Streamlit's socket, say after a Streamlit upgrade.
            raise RuntimeError("a key press recorded no message from the server")
        phases.append(Phases.of(started, last_change, events))
    return timings, phases


def no_exception(page: Page, name: str) -> None:
    shown = page.locator('[data-testid="stException"]')
    if shown.count():
        raise RuntimeError(f"{name} shows an exception: {shown.first.inner_text()[:500]}")


def measure_page(
    browser: Browser, url: str, name: str, sliders: int, presses: int, loads: int = 1
) -> PageResult:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(PHASES)
    page = context.new_page()
    page.goto(url)  # warm the server for this page: imports and caches
    page.wait_for_selector('[data-testid="stMain"]', timeout=60_000)
    page.close()
    first_loads = []
    for _ in range(loads):
        page = context.new_page()
        first_loads.append(load(page, url))
        no_exception(page, name)
        if len(first_loads) < loads:
            page.close()
    result = PageResult(name, statistics.median(first_loads))
    count = min(sliders, page.locator(SLIDER).count())
    result.sliders = count
    for index in range(count):
        timings, phases = press_slider(page, index, presses)
        result.presses += timings
        result.phases += phases
    no_exception(page, name)
    context.close()
    return result


def memory_per_session(browser: Browser, server: Server, url: str, sessions: int) -> float:
    """MB of server memory each extra open session costs."""
    contexts = []
    before = server.rss_mb()
    for _ in range(sessions):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector('[data-testid="stMain"]', timeout=60_000)
        page.wait_for_timeout(1000)
        contexts.append(context)
    time.sleep(2)
    after = server.rss_mb()
    for context in contexts:
        context.close()
    return (after - before) / sessions


@contextlib.contextmanager
def region_app_server() -> Iterator[Server]:
    """Run ``benchmarks/region_app.py`` under this app's settings, with ``static/`` beside it
    (Streamlit serves the folder next to the script, and its charts load plotly.js there)."""
    with tempfile.TemporaryDirectory(prefix="region-app-") as folder:
        script = Path(folder) / "region_app.py"
        shutil.copy(ROOT / "benchmarks" / "region_app.py", script)
        (Path(folder) / "static").symlink_to(ROOT / "static")
        with running_server(script, ROOT) as server:
            yield server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=30, help="key presses per slider")
    parser.add_argument("--sliders", type=int, default=3, help="sliders measured per page")
    parser.add_argument("--sessions", type=int, default=10, help="sessions for the memory figure")
    parser.add_argument("--page", action="append", help="only pages whose path contains this")
    parser.add_argument("--loads", type=int, default=3, help="first loads per page (median)")
    parser.add_argument(
        "--quick", action="store_true", help="1 slider, 5 presses, 3 sessions, 1 load"
    )
    args = parser.parse_args()
    if args.quick:
        args.presses, args.sliders, args.sessions, args.loads = 5, 1, 3, 1
    entries = [
        entry for entry in all_pages() if not args.page or any(p in entry.path for p in args.page)
    ]
    results: list[PageResult] = []
    memory: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        minimal = ROOT / "benchmarks" / "minimal_app.py"
        # The same server settings as the app (run from the repository root, so its
        # .streamlit/config.toml applies), then Streamlit's defaults (run from benchmarks/).
        for label, cwd in ((SAME_SETTINGS, ROOT), (DEFAULTS, ROOT / "benchmarks")):
            with running_server(minimal, cwd) as server:
                results.append(
                    measure_page(browser, server.url, label, 1, args.presses, args.loads)
                )
                memory[label] = memory_per_session(browser, server, server.url, args.sessions)
        with region_app_server() as server:
            results.append(measure_page(browser, server.url, REGIONS, 1, args.presses, args.loads))
        with running_server() as server:
            for entry in entries:
                print(f"measuring {entry.title}...", file=sys.stderr, flush=True)
                path = "/" if entry.path == DEFAULT_PAGE else "/" + Path(entry.path).stem
                results.append(
                    measure_page(
                        browser,
                        server.url + path,
                        entry.title,
                        args.sliders,
                        args.presses,
                        args.loads,
                    )
                )
            memory["explorer (Compare page)"] = memory_per_session(
                browser, server, server.url, args.sessions
            )
        browser.close()
    base, default = results[0], results[1]
    print(
        f"{'page':34} {'load s':>7} {'x min':>6} {'x dflt':>6} {'sliders':>7}"
        f" {'median ms':>10} {'x min':>6} {'x dflt':>6} {'p95 ms':>7}"
    )
    for row in results:
        print(
            f"{row.name:34} {row.first_load:>7.2f} {row.first_load / base.first_load:>6.2f}"
            f" {row.first_load / default.first_load:>6.2f} {row.sliders:>7}"
            f" {row.median * 1000:>10.0f} {row.median / base.median:>6.2f}"
            f" {row.median / default.median:>6.2f} {row.p95 * 1000:>7.0f}"
        )
    print(
        f"({args.presses} presses per slider, median of {args.loads} first loads;"
        f" 'x min' = ratio to the {SAME_SETTINGS}, 'x dflt' = to the {DEFAULTS})"
    )
    for name, megabytes in memory.items():
        print(f"server memory per extra session, {name}: {megabytes:.2f} MB")
    print()
    print("Where a press's time goes (medians, ms, the page's clock):")
    print(
        f"{'page':34} {'reply':>6} {'msgs':>7} {'redraw':>7} {'plotly':>7} {'after':>6}"
        f" {'total':>6}"
    )
    for row in results:
        print(
            f"{row.name:34} {row.phase_median('reply'):>6.0f} {row.phase_median('messages'):>7.0f}"
            f" {row.phase_median('redraw'):>7.0f} {row.phase_median('plotly'):>7.0f}"
            f" {row.phase_median('after'):>6.0f} {row.median * 1000:>6.0f}"
        )
    print(
        "(reply: key press to the first message from the server handled; msgs: first to last"
        " message handled, the page redrawing between them; redraw: last message to plotly.js"
        " starting; plotly: time inside plotly.js, all charts; after: to the page still."
        " Medians of each column, so they need not add up to the total.)"
    )


if __name__ == "__main__":
    main()

"""Shared by the accessibility, phone-width and network tests: every page's URL, and a wait
until a page has settled (script finished, no placeholder left, every chart drawn)."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Page

from ui.kit.navigation import DEFAULT_PAGE, all_pages

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHART = ".deficiency-chart"

#: One snapshot of what the page shows; the page has settled once it stops changing.
_SNAPSHOT = """() => {
  const app = document.querySelector('.stApp');
  const charts = [...document.querySelectorAll('.deficiency-chart')];
  return {
    state: app ? app.getAttribute('data-test-script-state') : null,
    main: document.querySelector('[data-testid="stMainBlockContainer"] .stElementContainer')
      !== null,
    skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    charts: charts.length,
    drawn: charts.filter(c => c.querySelector('.js-plotly-plot .main-svg') !== null).length,
    // plotly.js draws a trace of a type its bundle lacks as nothing, without an error.
    undrawn: charts.flatMap(c => (c._fullData ? c.data : [])
      .filter((trace, i) => (trace.type || 'scatter') !== c._fullData[i]?.type)
      .map(trace => trace.type)),
    elements: document.querySelectorAll('.stElementContainer').length,
    exception: document.querySelector('[data-testid="stException"]')?.textContent.slice(0, 2000)
      || null,
  };
}"""


def page_paths() -> list[tuple[str, str]]:
    """(title, URL path) of every registered page: the file's stem, ``/`` for the default."""
    return [
        (entry.title, "/" if entry.path == DEFAULT_PAGE else "/" + Path(entry.path).stem)
        for entry in all_pages()
    ]


def settle(page: Page, timeout: float = 90.0, quiet: float = 1.0) -> dict[str, object]:
    """Wait until the script has run, no skeleton is left and every chart is drawn, and the
    page has not changed for ``quiet`` seconds; return the last snapshot.

    Raises AssertionError when the page shows a Streamlit exception, a chart with a trace
    type the served plotly.js lacks, or never settles.
    """
    deadline = time.monotonic() + timeout
    last: dict[str, object] = {}
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        snapshot: dict[str, object] = page.evaluate(_SNAPSHOT)
        assert not snapshot["exception"], f"{page.url} shows an exception: {snapshot['exception']}"
        assert not snapshot["undrawn"], (
            f"{page.url}: the served plotly.js cannot draw {snapshot['undrawn']}"
            " (scripts/plotly_bundle/entry.js)"
        )
        ready = (
            snapshot["state"] == "notRunning"
            and snapshot["main"]
            and snapshot["skeletons"] == 0
            and snapshot["charts"] == snapshot["drawn"]
        )
        if snapshot != last or not ready:
            last = snapshot
            stable_since = time.monotonic()
        elif time.monotonic() - stable_since >= quiet:
            return snapshot
        page.wait_for_timeout(200)
    raise AssertionError(f"{page.url} did not settle within {timeout} s: {last}")


#: Chart text (tick labels, axis titles, legend, title, notes) that lies outside its chart's
#: drawing, where the browser clips it: a margin too small for its labels.
_OUTSIDE = """() => {
  const found = [];
  for (const chart of document.querySelectorAll('.deficiency-chart')) {
    const svg = chart.querySelector('.main-svg');
    if (!svg) continue;
    const bounds = svg.getBoundingClientRect();
    const texts = chart.querySelectorAll('.xtick text, .ytick text, .g-xtitle text, '
      + '.g-ytitle text, .legendtext, .gtitle, .annotation-text, .cbaxis text');
    for (const text of texts) {
      const box = text.getBoundingClientRect();
      if (!text.textContent.trim() || box.width === 0) continue;
      if (box.left < bounds.left - 1 || box.right > bounds.right + 1
          || box.top < bounds.top - 1 || box.bottom > bounds.bottom + 1) {
        found.push(`"${text.textContent.slice(0, 30)}" in the chart `
          + `"${(chart.getAttribute('aria-label') || '').slice(0, 50)}"`);
      }
    }
  }
  return found;
}"""


def chart_text_outside(page: Page) -> list[str]:
    """The chart labels on the page that stick out of their chart (and are cut off)."""
    found: list[str] = page.evaluate(_OUTSIDE)
    return found


#: The tallest blank band (px) a page may leave between two things it shows, below its
#: title. A heading's top margin is about 48 px; the 64 px gap of ``st.columns(gap="large")``,
#: which stacks columns on a phone, left bands of 64 to 80 px.
MAX_BLANK_BAND = 56

#: Vertical bands of the page (below its h1) where nothing is drawn: no text, control,
#: chart, border or background. Returns [height, top] pairs, tallest first.
_BLANK_BANDS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const title = main.querySelector('h1');
  const start = title ? title.getBoundingClientRect().top : -Infinity;
  const drawn = ['INPUT', 'svg', 'IMG', 'CANVAS', 'BUTTON', 'HR', 'TABLE', 'SELECT', 'TEXTAREA'];
  const spans = [];
  for (const e of main.querySelectorAll('*')) {
    const box = e.getBoundingClientRect();
    if (box.height === 0 || box.width === 0 || box.top < start) continue;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden') continue;
    const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const painted = drawn.includes(e.tagName) || style.borderTopWidth !== '0px'
      || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    if (text || painted) spans.push([box.top, box.bottom]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const bands = [];
  let end = spans.length ? spans[0][1] : 0;
  for (const [top, bottom] of spans) {
    if (top > end) bands.push([Math.round(top - end), Math.round(end - start)]);
    end = Math.max(end, bottom);
  }
  return bands.sort((a, b) => b[0] - a[0]);
}"""


def blank_bands(page: Page, taller_than: int = MAX_BLANK_BAND) -> list[str]:
    """The blank bands below the page's title taller than ``taller_than`` px, described."""
    bands: list[list[int]] = page.evaluate(_BLANK_BANDS)
    return [f"{height} px at {top} px" for height, top in bands if height > taller_than]

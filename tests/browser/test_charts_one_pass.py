"""Charts draw in one pass: each figure gives margins that already hold its labels.

Left to ``automargin``, Plotly draws a chart, measures its labels and draws it again,
about 30 ms a chart on every slider move and first load (``ui.kit.figures.EDGE_PX``). At a
desktop width no chart may need more room than its figure gave. On a phone a legend
may wrap to a second row and take its extra room then; that is allowed.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.pagewalk import page_paths, settle

#: Pages whose charts are drawn once, not on every move: their figures are left to
#: automargin (the credit timeline's rows and the caseload's stacks vary too much).
LEFT_TO_AUTOMARGIN = frozenset({"/credit", "/caseload"})

#: For every chart: the margins its figure gave, and those Plotly settled on.
_MARGINS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(chart => ({
  title: (chart.layout.title && chart.layout.title.text || '').replace(/<[^>]+>/g, ''),
  given: chart.layout.margin || {},
  settled: chart._fullLayout._size,
}))"""


@pytest.mark.parametrize(
    ("title", "path"),
    [(title, path) for title, path in page_paths() if path not in LEFT_TO_AUTOMARGIN],
)
def test_every_chart_is_drawn_with_the_room_its_labels_need(
    page: Page, app_url: str, title: str, path: str
) -> None:
    page.goto(app_url + path)
    settle(page)
    grown = [
        (chart["title"][:50], side, chart["given"][side], round(chart["settled"][side]))
        for chart in page.evaluate(_MARGINS)
        for side in "lrtb"
        if round(chart["settled"][side]) > chart["given"].get(side, 0) + 1
    ]
    assert not grown, f"{title}: charts needed more room than their figures gave: {grown}"

"""Charts on a page: a Plotly figure drawn, and on a change redrawn in place, by one component.

``st.plotly_chart`` keys its chart in the browser by a hash of the figure, so every
slider move remounted each changed chart and plotly.js drew it from scratch. This small
Streamlit component (components v2, no iframe) keeps one chart per key and hands each new
figure to ``Plotly.react``, which updates the drawing in place. Median slider move in
``benchmarks/bench_browser.py``: Compare 367 -> 256 ms, Over time 447 -> 313, Paying it
off 401 -> 269. The figures themselves are built, and tested, in the ``ui.charts*`` modules.
"""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import plotly.io
import streamlit as st

#: The element a chart is drawn in: ``role="figure"`` with the alt text as its accessible
#: name, as ``st.plotly_chart`` gives it.
CHART_HTML = '<div class="deficiency-chart" role="figure"></div>'
CHART_CSS = ".deficiency-chart { width: 100%; }"
#: Loads plotly.js once a page (from ``static/``) and draws or updates a chart.
CHART_JS = (Path(__file__).parent / "chart_view.js").read_text(encoding="utf-8")

#: The plotly.js the charts are drawn with, served by Streamlit from ``static/``
#: (``server.enableStaticServing``): plotly.js's core (scatter) with only the trace types the
#: charts use, built by ``scripts/plotly_bundle/build.sh`` from the plotly.js release the
#: pinned plotly package bundles. A quarter of the full 4.8 MB bundle: a first load spends
#: 0.3 s evaluating it instead of 1.75 s (Mortgage exit, long task in Chromium).
SERVED_PLOTLY_JS = Path(__file__).resolve().parent.parent / "static" / "plotly-deficiency.min.js"
#: The trace types that bundle draws (``scripts/plotly_bundle/entry.js``). Any other would
#: be dropped from its chart without an error, so ``show_chart`` refuses it.
PLOTLY_TRACE_TYPES = frozenset({"scatter", "bar", "heatmap", "waterfall"})

# Registered once at import; Streamlit re-registers it on each runtime (AppTest included).
# Styles are not isolated: plotly.js puts its own stylesheet in the page's <head>.
_chart = st.components.v2.component(
    "deficiency_chart", html=CHART_HTML, css=CHART_CSS, js=CHART_JS, isolate_styles=False
)


def show_chart(figure: go.Figure, *, key: str, alt: str) -> None:
    """Draw ``figure`` under ``key``; a later run with the same key updates it in place.

    ``alt`` states the chart's takeaway for screen readers (and shows if plotly.js fails).
    Raises ValueError for a trace type the served plotly.js does not carry.
    """
    missing = {trace.type for trace in figure.data} - PLOTLY_TRACE_TYPES
    if missing:
        raise ValueError(
            f"{key}: trace type {sorted(missing)} is not in static/plotly-deficiency.min.js;"
            " add it to scripts/plotly_bundle/entry.js and PLOTLY_TRACE_TYPES, then rebuild"
        )
    _chart(key=key, data={"spec": plotly.io.to_json(figure, validate=False), "alt": alt.strip()})

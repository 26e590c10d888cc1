"""Charts on a page: a Plotly figure drawn, and on a change redrawn in place, by one component.

``st.plotly_chart`` keys its chart in the browser by a hash of the figure, so every
slider move remounted each changed chart and plotly.js drew it from scratch. This small
Streamlit component (components v2, no iframe) keeps one chart per key and hands each new
figure to ``Plotly.react``, which updates the drawing in place. Median slider move in
``benchmarks/bench_browser.py``: Compare 367 -> 256 ms, Over time 447 -> 313, Paying it
off 401 -> 269. The figures themselves are built, and tested, in the ``ui.charts*`` modules.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import plotly
import plotly.graph_objects as go
import plotly.io
import streamlit as st

#: The element a chart is drawn in: ``role="figure"`` with the alt text as its accessible
#: name, as ``st.plotly_chart`` gives it.
CHART_HTML = '<div class="deficiency-chart" role="figure"></div>'
CHART_CSS = ".deficiency-chart { width: 100%; }"
#: Loads plotly.js once a page (from ``static/``) and draws or updates a chart.
CHART_JS = (Path(__file__).parent / "chart_view.js").read_text(encoding="utf-8")

#: plotly.js as the pinned plotly package bundles it, and where Streamlit serves it from
#: (``server.enableStaticServing``: the ``static/`` folder beside ``app.py``).
BUNDLED_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SERVED_PLOTLY_JS = Path(__file__).resolve().parent.parent / "static" / "plotly.min.js"


def ensure_served_plotly_js() -> None:
    """Copy the bundled plotly.js to ``static/`` unless the same copy is there.

    Generated, not committed (4.7 MB): the copy always matches the installed plotly, which
    built the figures. Written to a temporary file and renamed, so a server never serves
    half a file while another process writes it.
    """
    bundled = BUNDLED_PLOTLY_JS.read_bytes()
    if SERVED_PLOTLY_JS.is_file() and SERVED_PLOTLY_JS.read_bytes() == bundled:
        return
    SERVED_PLOTLY_JS.parent.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=SERVED_PLOTLY_JS.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as file:
        file.write(bundled)
    os.chmod(temporary, 0o644)  # mkstemp makes it private; it is a public script
    os.replace(temporary, SERVED_PLOTLY_JS)


ensure_served_plotly_js()

# Registered once at import; Streamlit re-registers it on each runtime (AppTest included).
# Styles are not isolated: plotly.js puts its own stylesheet in the page's <head>.
_chart = st.components.v2.component(
    "deficiency_chart", html=CHART_HTML, css=CHART_CSS, js=CHART_JS, isolate_styles=False
)


def show_chart(figure: go.Figure, *, key: str, alt: str) -> None:
    """Draw ``figure`` under ``key``; a later run with the same key updates it in place.

    ``alt`` states the chart's takeaway for screen readers (and shows if plotly.js fails).
    """
    _chart(key=key, data={"spec": plotly.io.to_json(figure, validate=False), "alt": alt.strip()})

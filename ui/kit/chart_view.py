"""Charts on a page: a Plotly figure drawn, and on a change redrawn in place, by one component.

``st.plotly_chart`` keys its chart in the browser by a hash of the figure, so a changed
figure remounts and plotly.js draws it from scratch. This small Streamlit component
(components v2, no iframe) keeps one chart per key and hands each new figure to
``Plotly.react``, which updates the drawing in place; a chart out of sight draws its new
figure when it comes into view or the page prints. The figures themselves are built,
and tested, in the ``figures`` and ``*charts`` modules. ``app.py`` calls
:func:`publish_plotly_js` at start-up, which puts the plotly.js the charts load in ``static/``.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import orjson
import plotly
import plotly.graph_objects as go
import plotly.offline
import streamlit as st

from ui.kit.figures import layout_dict, trace_dicts
from ui.kit.i18n import _

#: The element a chart is drawn in: ``role="figure"`` with the alt text as its accessible
#: name, as ``st.plotly_chart`` gives it.
CHART_HTML = '<div class="deficiency-chart" role="figure"></div>'
CHART_CSS = ".deficiency-chart { width: 100%; }"
#: Loads plotly.js once a page (from ``static/``) and draws or updates a chart.
CHART_JS = (Path(__file__).parent / "chart_view.js").read_text(encoding="utf-8")

STATIC = Path(__file__).resolve().parents[2] / "static"
#: The trace types the charts draw, and all the small bundle carries
#: (``scripts/plotly_bundle/entry.js``): plotly.js drops any other from its chart without an
#: error, so ``show_chart`` refuses it.
PLOTLY_TRACE_TYPES = frozenset({"scatter", "bar", "heatmap", "waterfall"})
#: plotly.js's core (scatter) with only those trace types, about a quarter of the full bundle,
#: built (with Node.js) by ``scripts/plotly_bundle/build.sh``, which ``scripts/run.sh`` and
#: ``scripts/test.sh`` call: a first load evaluates far less script. Generated, not committed.
SMALL_PLOTLY_JS = STATIC / "plotly-deficiency.min.js"
#: Without Node.js, or with a stale build: a copy of the full plotly.js the plotly package
#: ships, which draws the same charts, only loads slower.
FULL_PLOTLY_JS = STATIC / "plotly.min.js"
BUNDLED_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
#: The first line build.sh writes: the plotly.js release and the trace types beyond scatter.
BUNDLE_BANNER = re.compile(r"/\*! plotly\.js v(\S+) .*core \(scatter\) \+ ([\w,]+), built by")

_log = logging.getLogger(__name__)


def small_bundle_is_current(bundle: Path = SMALL_PLOTLY_JS) -> bool:
    """True when ``bundle`` is built from the plotly.js release the plotly package ships,
    with exactly :data:`PLOTLY_TRACE_TYPES`: figures are built for that release."""
    if not bundle.is_file():
        return False
    with bundle.open(encoding="utf-8") as file:
        built = BUNDLE_BANNER.match(file.readline())
    return (
        built is not None
        and built.group(1) == plotly.offline.get_plotlyjs_version()
        and set(built.group(2).split(",")) | {"scatter"} == PLOTLY_TRACE_TYPES
    )


def served_plotly_js(small: Path = SMALL_PLOTLY_JS, full: Path = FULL_PLOTLY_JS) -> Path:
    """The plotly.js file to serve: the small bundle when current, else a copy of the full one.

    The copy is rewritten whenever it differs from the package's, through a temporary file
    and a rename, so a server never serves half a file.
    """
    if small_bundle_is_current(small):
        return small
    _log.warning(
        "%s is missing or stale: serving the full plotly.js, so first loads are slower. "
        "Run bash scripts/plotly_bundle/build.sh (needs Node.js).",
        small.name,
    )
    bundled = BUNDLED_PLOTLY_JS.read_bytes()
    if not (full.is_file() and full.read_bytes() == bundled):
        full.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=full.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(bundled)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; it is a public script
        os.replace(temporary, full)
    return full


#: The URL the charts load plotly.js from, once :func:`publish_plotly_js` has run.
_plotly_url: str | None = None


def publish_plotly_js() -> str:
    """Put the plotly.js the charts load in ``static/`` and return its URL; once a process.

    Called by ``app.py`` at start-up. The URL is Streamlit's static serving
    (``server.enableStaticServing``): this host only.
    """
    global _plotly_url
    if _plotly_url is None:
        _plotly_url = f"./app/static/{served_plotly_js().name}"
    return _plotly_url


# Registered once at import; Streamlit re-registers it on each runtime (AppTest included).
# Styles are not isolated: plotly.js puts its own stylesheet in the page's <head>.
_chart = st.components.v2.component(
    "deficiency_chart", html=CHART_HTML, css=CHART_CSS, js=CHART_JS, isolate_styles=False
)


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not a chart value")


def figure_json(figure: go.Figure) -> str:
    """The figure as plotly.js reads it, from the figure's own data and layout.

    Every figure here is built unvalidated from plain dicts (``figures.base_figure``), so
    those dicts are serialised as they are: ``plotly.io.to_json`` first deep-copies them
    and re-encodes each array, which was a third of a slider move's server time.
    """
    return orjson.dumps(
        {"data": trace_dicts(figure), "layout": layout_dict(figure)},
        default=_plain,
        option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS,
    ).decode()


def show_chart(figure: go.Figure, *, key: str, alt: str) -> None:
    """Draw ``figure`` under ``key``; a later run with the same key updates it in place.

    ``alt`` states the chart's takeaway for screen readers (and shows if plotly.js fails).
    Raises ValueError for a trace type the served plotly.js does not carry.
    """
    missing = {trace.get("type", "scatter") for trace in trace_dicts(figure)} - PLOTLY_TRACE_TYPES
    if missing:
        raise ValueError(
            f"{key}: trace type {sorted(missing)} is not in static/plotly-deficiency.min.js;"
            " add it to scripts/plotly_bundle/entry.js and PLOTLY_TRACE_TYPES"
        )
    if _plotly_url is None:
        raise RuntimeError("no plotly.js published: call publish_plotly_js() at start-up")
    spec = figure_json(figure)
    data = {
        "spec": spec,
        "alt": alt.strip(),
        "plotly": _plotly_url,
        # Shown, before the alt text, where plotly.js fails to load.
        "failed": _("This chart could not be drawn."),
    }
    _chart(key=key, data=data)

"""The chart component's plumbing: the plotly.js it serves and what it sends the browser."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import plotly.graph_objects as go
import plotly.offline
import pytest

from tests.helpers import chart, start
from ui.chart_view import CHART_JS, PLOTLY_TRACE_TYPES, SERVED_PLOTLY_JS, show_chart

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_SOURCE = ROOT / "scripts" / "plotly_bundle"


def test_the_served_plotly_js_is_the_release_the_pinned_plotly_package_bundles() -> None:
    # Figures are built by plotly (Python) for its own plotly.js release: upgrading plotly
    # without rebuilding the bundle (scripts/plotly_bundle/build.sh) fails here.
    release = plotly.offline.get_plotlyjs_version()
    banner = SERVED_PLOTLY_JS.read_text(encoding="utf-8")[:300]
    assert banner.startswith(f"/*! plotly.js v{release} ")
    pinned = json.loads((BUNDLE_SOURCE / "package.json").read_text(encoding="utf-8"))
    assert pinned["devDependencies"]["plotly.js"] == release


def test_the_bundle_carries_exactly_the_trace_types_show_chart_accepts() -> None:
    entry = (BUNDLE_SOURCE / "entry.js").read_text(encoding="utf-8")
    registered = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", entry)) - {"core"}
    assert registered | {"scatter"} == PLOTLY_TRACE_TYPES
    banner = SERVED_PLOTLY_JS.read_text(encoding="utf-8")[:300]
    built = re.search(r"core \(scatter\) \+ ([\w,]+), built by", banner)
    assert built is not None and set(built.group(1).split(",")) == registered


def test_show_chart_refuses_a_trace_type_the_bundle_cannot_draw() -> None:
    with pytest.raises(ValueError, match=r"\['pie'\] is not in static/plotly-deficiency"):
        show_chart(go.Figure(go.Pie(values=[1, 2])), key="pie", alt="A pie of 1 and 2")


def test_the_component_loads_plotly_js_from_the_app_static_folder() -> None:
    url = re.search(r'PLOTLY_URL = "\./app/static/([^"]+)"', CHART_JS)
    assert url is not None
    assert (ROOT / "static" / url.group(1)).is_file()
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True


def test_a_chart_sends_its_figure_and_its_alt_text() -> None:
    figure, alt = chart(start(), "c_waterfall")
    assert figure["layout"]["title"]["text"].startswith("How the car loan figure")
    assert figure["layout"]["template"]["layout"]["margin"] == {"pad": 8}
    assert "deficiency of $2,000.00" in alt


def test_the_component_never_parses_text_as_html() -> None:
    # The alt text can hold what a user typed (a scenario's name): it is set as an
    # attribute or as text, never parsed as markup.
    for parser in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert parser not in CHART_JS

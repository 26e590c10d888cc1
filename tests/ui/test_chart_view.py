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
from ui.kit.chart_view import (
    BUNDLE_BANNER,
    BUNDLED_PLOTLY_JS,
    CHART_JS,
    PLOTLY_TRACE_TYPES,
    PLOTLY_URL,
    SMALL_PLOTLY_JS,
    served_plotly_js,
    show_chart,
    small_bundle_is_current,
)

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_SOURCE = ROOT / "scripts" / "plotly_bundle"


def test_the_small_bundle_is_built_for_the_release_the_pinned_plotly_package_bundles() -> None:
    # Figures are built by plotly (Python) for its own plotly.js release: upgrading plotly
    # without repinning and rebuilding the bundle (scripts/plotly_bundle/build.sh, which
    # scripts/test.sh runs) fails here.
    release = plotly.offline.get_plotlyjs_version()
    banner = SMALL_PLOTLY_JS.read_text(encoding="utf-8")[:300]
    assert banner.startswith(f"/*! plotly.js v{release} ")
    pinned = json.loads((BUNDLE_SOURCE / "package.json").read_text(encoding="utf-8"))
    assert pinned["devDependencies"]["plotly.js"] == release
    assert small_bundle_is_current()
    assert PLOTLY_URL == "./app/static/plotly-deficiency.min.js"


def test_the_bundle_carries_exactly_the_trace_types_show_chart_accepts() -> None:
    entry = (BUNDLE_SOURCE / "entry.js").read_text(encoding="utf-8")
    registered = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", entry)) - {"core"}
    assert registered | {"scatter"} == PLOTLY_TRACE_TYPES
    banner = SMALL_PLOTLY_JS.read_text(encoding="utf-8")[:300]
    built = BUNDLE_BANNER.match(banner)
    assert built is not None and set(built.group(2).split(",")) == registered


def test_without_a_current_small_bundle_the_full_plotly_js_is_copied_and_served(
    tmp_path: Path,
) -> None:
    small, full = tmp_path / "plotly-deficiency.min.js", tmp_path / "plotly.min.js"
    bundled = BUNDLED_PLOTLY_JS.read_bytes()
    assert served_plotly_js(small, full) == full  # never built (no Node.js)
    assert full.read_bytes() == bundled
    small.write_text("/*! plotly.js v0.0.1 (MIT): core (scatter) + bar, built by x */\n")
    full.write_bytes(b"half a file")
    assert served_plotly_js(small, full) == full  # stale build, spoilt copy
    assert full.read_bytes() == bundled
    small.write_text(SMALL_PLOTLY_JS.read_text(encoding="utf-8")[:300])
    assert served_plotly_js(small, full) == small


def test_show_chart_refuses_a_trace_type_the_bundle_cannot_draw() -> None:
    with pytest.raises(ValueError, match=r"\['pie'\] is not in static/plotly-deficiency"):
        show_chart(go.Figure(go.Pie(values=[1, 2])), key="pie", alt="A pie of 1 and 2")


def test_the_component_loads_plotly_js_from_the_app_static_folder() -> None:
    assert PLOTLY_URL.startswith("./app/static/")
    assert (ROOT / "static" / PLOTLY_URL.removeprefix("./app/static/")).is_file()
    assert "script.src = url;" in CHART_JS
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

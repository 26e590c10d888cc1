"""The chart component's plumbing: the plotly.js it serves and what it sends the browser."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import plotly.io
import plotly.offline
import pytest

from tests.helpers import chart, start
from ui.kit.chart_view import (
    BUNDLE_BANNER,
    BUNDLED_PLOTLY_JS,
    CHART_JS,
    PLOTLY_TRACE_TYPES,
    SMALL_PLOTLY_JS,
    figure_json,
    publish_plotly_js,
    served_plotly_js,
    show_chart,
    small_bundle_is_current,
)
from ui.kit.history import HISTORY_JS

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
    assert publish_plotly_js() == "./app/static/plotly-deficiency.min.js"


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
    url = publish_plotly_js()
    assert url.startswith("./app/static/")
    assert (ROOT / "static" / url.removeprefix("./app/static/")).is_file()
    assert "script.src = url;" in CHART_JS
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True


def test_a_chart_sends_its_figure_and_its_alt_text() -> None:
    figure, alt = chart(start(), "c_waterfall")
    assert figure["layout"]["title"]["text"].startswith("How the car loan figure")
    assert figure["layout"]["template"]["layout"]["margin"] == {"pad": 8}
    assert "deficiency of $2,000.00" in alt


def _as_read(spec: object) -> object:
    """A figure's JSON as plotly.js reads it: typed arrays (``bdata``) as lists, numbers as
    floats, so plotly.io's encoding and ours compare value by value."""
    if isinstance(spec, dict):
        if {"dtype", "bdata"} <= spec.keys():
            array = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=spec["dtype"])
            if "shape" in spec:
                array = array.reshape([int(size) for size in str(spec["shape"]).split(",")])
            return _as_read(array.tolist())
        return {name: _as_read(value) for name, value in spec.items()}
    if isinstance(spec, list):
        return [_as_read(value) for value in spec]
    if isinstance(spec, int | float) and not isinstance(spec, bool):
        return float(spec)
    return spec


@pytest.mark.parametrize(
    "page",
    ["pages/compare.py", "pages/odds.py", "pages/time.py", "pages/collection.py", "pages/taxes.py"],
)
def test_every_chart_is_sent_as_plotly_io_would_write_it(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The charts skip plotly.io's copy and re-encoding: what reaches plotly.js must still be
    # the same figure, numpy grids (the heat map) and dates included.
    compared = []

    def checked(figure: go.Figure) -> str:
        ours = figure_json(figure)
        expected = plotly.io.to_json(figure, validate=False)
        assert _as_read(json.loads(ours)) == _as_read(json.loads(expected))
        compared.append(figure)
        return ours

    monkeypatch.setattr("ui.kit.chart_view.figure_json", checked)
    start(page)
    assert compared


def test_the_component_never_parses_text_as_html() -> None:
    # The alt text can hold what a user typed (a scenario's name): it is set as an
    # attribute or as text, never parsed as markup.
    for parser in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert parser not in CHART_JS


def test_importing_the_chart_view_publishes_nothing_and_a_chart_needs_it_published() -> None:
    # A fresh interpreter: this process may have published already.
    code = (
        "import plotly.graph_objects as go\n"
        "import ui.kit.chart_view as view\n"
        "assert view._plotly_url is None\n"
        "try:\n"
        "    view.show_chart(go.Figure(go.Bar(y=[1])), key='bar', alt='One bar')\n"
        "except RuntimeError as error:\n"
        "    assert 'publish_plotly_js' in str(error)\n"
        "else:\n"
        "    raise AssertionError('drawn without a published plotly.js')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_the_history_script_is_its_own_file_loaded_once_by_the_app() -> None:
    assert "pushState" not in CHART_JS
    assert "window.history.pushState =" in HISTORY_JS
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert app.count("one_history_entry_per_page()") == 1
    assert app.count("publish_plotly_js()") == 1

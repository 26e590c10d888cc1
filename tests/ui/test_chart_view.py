"""The chart component's plumbing: the plotly.js it serves and what it sends the browser."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import plotly

from tests.helpers import chart, start
from ui.chart_view import CHART_JS, SERVED_PLOTLY_JS, ensure_served_plotly_js

ROOT = Path(__file__).resolve().parents[2]


def test_the_served_plotly_js_is_the_copy_the_pinned_plotly_package_bundles() -> None:
    # Figures are built by plotly (Python) for its own plotly.js: static/ holds a copy of
    # it, generated at import, never a stale or half-written one.
    SERVED_PLOTLY_JS.unlink(missing_ok=True)
    ensure_served_plotly_js()
    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert SERVED_PLOTLY_JS.read_bytes() == bundled.read_bytes()
    SERVED_PLOTLY_JS.write_bytes(b"stale")
    ensure_served_plotly_js()
    assert SERVED_PLOTLY_JS.read_bytes() == bundled.read_bytes()
    assert SERVED_PLOTLY_JS == ROOT / "static" / "plotly.min.js"


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

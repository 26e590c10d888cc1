"""Test settings: hypothesis profiles ("ci" is the default; "full" runs many more examples),
and the Node.js-built files some tests need, built before collection when missing or stale."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile(
    "full", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
#: axe-core, which the browser accessibility test injects into every page (``package.json``).
AXE_CORE = ROOT / "node_modules" / "axe-core"
#: The plotly.js the charts are drawn with, and its build script, which decides whether the
#: file is current and does nothing when it is: so it runs before every session.
PLOTLY_BUNDLE = ROOT / "static" / "plotly-deficiency.min.js"
PLOTLY_BUNDLE_BUILD = ROOT / "scripts" / "plotly_bundle" / "build.sh"


def node_built_files_steps() -> list[tuple[Path, list[str]]]:
    """(file made, command) of each step that brings the Node.js-built files up to date."""
    steps = [(PLOTLY_BUNDLE, ["bash", str(PLOTLY_BUNDLE_BUILD.relative_to(ROOT))])]
    if not (AXE_CORE / "axe.min.js").is_file():
        steps.insert(0, (AXE_CORE / "axe.min.js", ["npm", "ci", "--no-audit", "--no-fund"]))
    return steps


def modified(path: Path) -> float | None:
    """When ``path`` was last written, None when it does not exist."""
    return path.stat().st_mtime if path.is_file() else None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Build the plotly.js bundle and install axe-core before collection.

    A hook rather than a fixture: importing ``ui.kit.chart_view`` (at collection) picks the
    plotly.js file it serves, so the bundle must be current before any test module loads.
    xdist workers skip it: the controlling process has already run it.
    """
    config = session.config
    if hasattr(config, "workerinput"):
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")

    def say(line: str) -> None:
        if reporter is not None:
            reporter.write_line(line)

    if shutil.which("npm") is None:
        say(
            "Node.js (npm) not found: the plotly.js bundle and axe-core are not built, so "
            "tests/ui/test_chart_view.py and the browser tests fail. Install Node.js."
        )
        return
    for made, command in node_built_files_steps():
        before = modified(made)
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        name = made.relative_to(ROOT)
        if done.returncode != 0:
            say(f"Could not make {name} ({' '.join(command)}):\n{done.stdout}{done.stderr}")
        elif modified(made) != before:
            say(f"Made {name} ({' '.join(command)}).")

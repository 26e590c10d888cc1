"""CI runs the load benchmark in quick mode: concurrent sessions, each sees only its own numbers."""

from __future__ import annotations

import subprocess
import sys

from tests.browser.pagewalk import ROOT


def test_concurrent_sessions_see_only_their_own_numbers() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_load.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "errors: 0, cross-session mismatches: 0" in done.stdout, done.stdout

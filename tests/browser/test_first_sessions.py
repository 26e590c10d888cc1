"""A new server's first sessions, opened at once on five pages, all run clean.

Plotly checks for pandas on its first figure; with pandas imported only there, two first
runs at once could meet a pandas the other was still importing and both pages showed
"partially initialized module 'pandas' has no attribute 'Series'" (app.py now imports it
first). Checked on a server of its own: the shared one is warm by the time this runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from appserver import running_server

PAGES = ("/time", "/odds", "/credit", "/taxes", "/collection")
LOAD_MS = 180_000


def test_five_first_sessions_at_once_run_clean(browser: Browser) -> None:
    with running_server() as server:
        contexts = [browser.new_context() for _ in PAGES]
        try:
            pages = [context.new_page() for context in contexts]
            for page, path in zip(pages, PAGES, strict=True):
                page.goto(server.url + path, wait_until="commit", timeout=LOAD_MS)
            for page in pages:
                page.wait_for_selector(
                    '.deficiency-chart, [data-testid="stException"]', timeout=LOAD_MS
                )
                page.wait_for_selector(
                    '.stApp[data-test-script-state="notRunning"]', timeout=LOAD_MS
                )
            shown = {
                path: page.locator('[data-testid="stException"]').all_inner_texts()
                for page, path in zip(pages, PAGES, strict=True)
            }
        finally:
            for context in contexts:
                context.close()
        log = server.log.read_text(errors="replace")
    assert not any(shown.values()), shown
    assert "partially initialized" not in log, log[-2000:]

"""Nothing leaves the machine and nothing about the user stays on the server.

One session walks every page and moves a few inputs against an app started from a copy of
the working tree, with a fresh empty HOME and TMPDIR and no bytecode writing. Every request
the browser makes (and every WebSocket) is recorded: each must go to loopback (data: and
blob: URLs are in-page). Then the copy, HOME and TMPDIR must be exactly as before: the
server wrote no file at all, so it cannot have stored anything the user typed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import running_app
from tests.browser.pagewalk import ROOT, page_paths, settle

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
IN_PAGE = {"data", "blob", "about"}
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "__pycache__", ".*_cache", ".hypothesis", "screenshots"
)


@dataclass
class Session:
    urls: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture(scope="module")
def session(
    browser: Browser,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch_module: pytest.MonkeyPatch,
) -> Session:
    base = tmp_path_factory.mktemp("isolated")
    tree, home, tmp = base / "tree", base / "home", base / "tmp"
    shutil.copytree(ROOT, tree, ignore=NOT_COPIED)
    home.mkdir()
    tmp.mkdir()
    for name, value in (("HOME", home), ("TMPDIR", tmp), ("XDG_CACHE_HOME", home / ".cache")):
        monkeypatch_module.setenv(name, str(value))
    monkeypatch_module.setenv("PYTHONDONTWRITEBYTECODE", "1")
    watched = {"working tree copy": tree, "HOME": home, "TMPDIR": tmp}
    before = {name: _files(folder) for name, folder in watched.items()}

    result = Session()
    with running_app(tree / "app.py", cwd=tree) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1600})
        context.on("request", lambda request: result.urls.append(request.url))
        page = context.new_page()
        page.on("websocket", lambda socket: result.urls.append(socket.url))
        for _, path in page_paths():
            page.goto(url + path)
            settle(page)
        # A little interaction: the car's sale price by keyboard, then its exact box typed.
        page.goto(url + "/")
        settle(page)
        deficiency = page.locator('[data-testid="stMetricValue"]').nth(4)
        page.locator('.st-key-c_sale_price__slider input[type="range"]').focus()
        page.keyboard.press("ArrowRight")
        expect(deficiency).to_have_text("$1,900.00", timeout=15_000)
        exact = page.locator(".st-key-c_sale_price__exact input")
        exact.fill("7000")
        exact.press("Enter")
        expect(deficiency).to_have_text("$3,500.00", timeout=15_000)
        page.goto(url + "/car?c_sale_price=6000")
        settle(page)
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("$4,500.00")
        context.close()

    for name, folder in watched.items():
        after = _files(folder)
        changes = sorted(
            f"{'new' if key not in before[name] else 'changed'}: {key}"
            for key, stamp in after.items()
            if before[name].get(key) != stamp
        )
        changes += sorted(f"removed: {key}" for key in before[name].keys() - after.keys())
        if changes:
            result.changed[name] = changes
    return result


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_request_stays_on_loopback(session: Session) -> None:
    assert any(url.startswith("ws://127.0.0.1") for url in session.urls), "no WebSocket seen"
    assert len(session.urls) > len(page_paths()), "too few requests recorded to mean anything"
    outside = sorted(
        {
            url
            for url in session.urls
            if urlsplit(url).scheme not in IN_PAGE and urlsplit(url).hostname not in LOOPBACK
        }
    )
    assert not outside, "requests beyond loopback:\n" + "\n".join(outside)


def test_the_server_writes_nothing_to_disk(session: Session) -> None:
    assert not session.changed, f"files written during a session: {session.changed}"

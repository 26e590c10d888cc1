"""Nothing leaves the machine and nothing about the user stays on the server.

One session walks every page and moves a few inputs against an app started from a copy of
the working tree, with a fresh empty HOME and TMPDIR and no bytecode writing. It clicks
every download (both scenario files on both loan pages, the caseload's results, the PDF)
and puts hostile text where users and files put text: a letter's expense type, a
caseload's case ids (Markdown, bare URLs, a stray quote), a saved name, each naming
127.0.0.2 as the "outside" host. Every request the browser makes (and every WebSocket) is
recorded: each must go to 127.0.0.1 (data: and blob: URLs are in-page), and no page may
show that text as a link or an image. Then the copy, HOME and TMPDIR must be exactly as
before: the server (and the Chromium that draws the PDF's charts) wrote no file at all,
so it cannot have stored anything the user typed. Whether the PDF's Chromium reaches out
is recorded apart, in tests/ui/test_report_network.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import running_app
from tests.browser.pagewalk import ROOT, page_paths, settle

#: The app's own host: 127.0.0.2 stands for the outside in this test, so it is not here.
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
IN_PAGE = {"data", "blob", "about"}
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "__pycache__", ".*_cache", ".hypothesis", "screenshots"
)


#: Where hostile text points: a loopback address other than the app's (never a real host).
OUTSIDE = "127.0.0.2"
HOSTILE_NAME = f"![x](http://{OUTSIDE}/a.png)"
#: A caseload whose case ids are Markdown, bare links and an email address, and a row
#: whose stray quote once swallowed the rows after it.
HOSTILE_CASELOAD = (
    "case_id,kind,exit,resolution,unpaid_principal,sale_price\n"
    f"{HOSTILE_NAME},auto,repossession,maybe,10000,8500\n"
    f"http://{OUTSIDE}/case,boat,repossession,judgment,10000,8500\n"
    "www.example.com,auto,nowhere,judgment,10000,8500\n"
    f'c4@{OUTSIDE}.example,auto,"repossession,judgment,10000,8500\n'
    "c5,auto,repossession,judgment,10000,8500\n"
)
#: What would make hostile text live: a link or an image to where it points.
LIVE = (
    f'a[href*="{OUTSIDE}"], img[src*="{OUTSIDE}"], a[href*="example.com"], '
    f'a[href^="mailto:"], [data-testid="stMarkdownContainer"] img'
)


@dataclass
class Session:
    urls: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    #: Each download clicked: its file name and size.
    downloads: dict[str, int] = field(default_factory=dict)
    #: Hostile text shown live (a link or an image), page by page.
    live: dict[str, list[str]] = field(default_factory=dict)


def _download(page: Page, button: str, session: Session, timeout: float = 30_000) -> None:
    """Click a download button and keep the file's name and size. A click the page takes
    while it is still drawing can be lost under load, so it is clicked once more; a
    download that never comes (the old code's, once a state question was answered) fails
    both times."""
    for attempt in range(2):
        try:
            with page.expect_download(timeout=timeout) as download:
                page.get_by_role("button", name=button).first.click()
            break
        except PlaywrightTimeoutError:
            if attempt:
                raise
            settle(page)
    path = download.value.path()
    session.downloads[download.value.suggested_filename] = Path(path).stat().st_size
    settle(page)


def _note_live(page: Page, session: Session) -> None:
    found = page.locator(LIVE).evaluate_all(
        "elements => elements.map(e => e.outerHTML.slice(0, 200))"
    )
    if found:
        session.live[page.url] = found


def _type_expense(page: Page, name: str) -> None:
    """Type ``name`` as the letter's first expense type: a double click opens the cell's
    editor in Streamlit's data editor (a table drawn on a canvas)."""
    grid = page.locator(
        ".st-key-lt_expenses_table [data-testid='stDataFrameResizable']"
    ).first.bounding_box()
    assert grid is not None
    page.mouse.dblclick(grid["x"] + 60, grid["y"] + 52)
    editor = page.locator("textarea.gdg-input")
    expect(editor).to_be_visible(timeout=10_000)
    editor.fill(name)
    editor.press("Enter")
    settle(page)
    flagged = page.get_by_text("is not one of the usual expense types").first
    expect(flagged).to_be_visible(timeout=20_000)


def _hostile_walk(page: Page, url: str, session: Session) -> None:
    """Every download, and hostile text on the letter, caseload and saved pages."""
    for path in ("/mortgage", "/car"):
        page.goto(url + path)
        settle(page)
        page.get_by_text("Save, share or load this scenario").click()
        _download(page, "Download scenario (JSON)", session)
        _download(page, "Download statement (CSV)", session)

    page.goto(url + "/caseload")
    settle(page)
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(
        files=[{"name": "hostile.csv", "mimeType": "text/csv", "buffer": HOSTILE_CASELOAD.encode()}]
    )
    settle(page)
    expect(page.get_by_text("4 rows could not be computed")).to_be_visible()
    _note_live(page, session)
    _download(page, "Download results (CSV)", session)

    page.goto(url + "/letter")
    settle(page)
    _type_expense(page, HOSTILE_NAME)
    box = page.locator(".st-key-lt_balance_owed input")
    box.fill(f"www.example.com http://{OUTSIDE}/")
    box.press("Enter")
    settle(page)
    _note_live(page, session)

    page.goto(url + "/saved")
    settle(page)
    name = page.get_by_label("Name").first
    name.fill(HOSTILE_NAME)
    name.press("Enter")
    page.get_by_role("button", name="Save the current mortgage scenario").click()
    settle(page)
    expect(page.get_by_text("Saved “").first).to_be_visible()
    _note_live(page, session)

    page.goto(url + "/report")
    settle(page)
    page.get_by_role("button", name="Build the PDF").click()
    settle(page)
    _download(page, "Download the PDF", session, timeout=90_000)


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
        context = browser.new_context(
            viewport={"width": 1400, "height": 1600}, accept_downloads=True
        )
        context.on("request", lambda request: result.urls.append(request.url))
        page = context.new_page()
        page.on("websocket", lambda socket: result.urls.append(socket.url))
        for _, path in page_paths():
            page.goto(url + path)
            settle(page)
        # A little interaction: the car's sale price by keyboard, then its exact box typed.
        page.goto(url + "/")
        settle(page)
        deficiency = page.locator(".figure-value").nth(4)
        page.locator('.st-key-c_sale_price-pair input[type="range"]').focus()
        page.keyboard.press("ArrowRight")
        expect(deficiency).to_have_text("$1,900.00", timeout=15_000)
        exact = page.locator(".st-key-c_sale_price-pair input.amount-pair-exact")
        exact.fill("7000")
        exact.press("Enter")
        expect(deficiency).to_have_text("$3,500.00", timeout=15_000)
        page.goto(url + "/car?c_sale_price=6000")
        settle(page)
        expect(page.locator(".figure-value").first).to_have_text("$4,500.00")
        _hostile_walk(page, url, result)
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


def test_every_download_arrives(session: Session) -> None:
    """Issue 22: answering a state question broke both scenario downloads, and the PDF
    failed without a word."""
    names = sorted(session.downloads)
    assert names == [
        "c-scenario.json",
        "c-statement.csv",
        "deficiency-report-" + names[2].removeprefix("deficiency-report-"),
        "hostile-results.csv",
        "m-scenario.json",
        "m-statement.csv",
    ], names
    assert all(size > 100 for size in session.downloads.values()), session.downloads


def test_text_from_users_and_files_is_never_a_link_or_an_image(session: Session) -> None:
    """Issue 22: an expense type and a saved name became images fetched from their host,
    and bare URLs in caseload errors became links."""
    assert session.live == {}
    assert not [url for url in session.urls if OUTSIDE in url or "example.com" in url]

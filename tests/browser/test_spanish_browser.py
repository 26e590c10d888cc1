"""Every page in Spanish in a real browser, at 1366 px and at 390 px: the page says it is
Spanish (``<html lang="es">``), axe-core finds no serious or critical violation, nothing is
cut off or pushes the page sideways (Spanish runs about a quarter longer than English), and
the language choice in the top bar switches the page back to English with every figure kept.

``SPANISH_SCREENSHOTS=<folder>`` keeps a full-height screenshot of every page at both widths.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.pagewalk import AXE_JS, chart_text_outside, page_paths, settle
from tests.browser.test_accessibility import _RUN_AXE, _WIDTHS, ALSO_REQUIRED, PHONE_TOLERANCE

PAGES = page_paths()
PAGE_IDS = [path for _, path in PAGES]
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
SCREENSHOT_DIR_ENV = "SPANISH_SCREENSHOTS"


@pytest.fixture(scope="module", params=tuple(SIZES))
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    size = request.param
    opened = browser.new_context(
        viewport=SIZES[size], device_scale_factor=1, has_touch=size == "phone"
    )
    opened.size_name = size  # type: ignore[attr-defined]
    yield opened
    opened.close()


#: Streamlit's own menu at phone width: its sidebar page list puts section headings inside
#: the <ul> of their links (axe "list", "listitem"), in either language; the app draws none
#: of that markup.
STREAMLIT_MENU = frozenset({"list", "listitem"})
_IN_MENU = "(e) => e.closest('[data-testid=\"stSidebar\"]') !== null"


def _streamlit_menu(page: Page, rule: str, target: str) -> bool:
    return rule in STREAMLIT_MENU and bool(page.locator(target).first.evaluate(_IN_MENU))


def _violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE_JS))
    return [
        f"{v['id']} ({node['impact'] or v['impact']}): {v['help']} -- at {node['target']}"
        for v in page.evaluate(_RUN_AXE)
        for node in v["nodes"]
        if ((node["impact"] or v["impact"]) in ("serious", "critical") or v["id"] in ALSO_REQUIRED)
        and not _streamlit_menu(page, v["id"], node["target"])
    ]


@pytest.mark.parametrize(("title", "path"), PAGES, ids=PAGE_IDS)
def test_page_in_spanish_reads_whole_and_passes_axe(
    title: str,
    path: str,
    context: BrowserContext,
    app_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    size: str = context.size_name  # type: ignore[attr-defined]
    width = SIZES[size]["width"]
    page = context.new_page()
    try:
        page.goto(app_url + path + "?lang=es")
        settle(page)
        assert page.evaluate("document.documentElement.lang") == "es"
        heading = page.locator("h1").first.inner_text()
        assert heading.strip() and heading.strip() != title, f"{path}: title {heading!r}"
        widths = page.evaluate(_WIDTHS, PHONE_TOLERANCE)
        limit = width + PHONE_TOLERANCE
        assert widths["document"] <= limit and widths["main"] <= limit, (
            f"{path} in Spanish scrolls sideways at {width} px: {widths}"
        )
        assert not widths["sticking"], f"{path} at {width} px: {widths['sticking']}"
        assert not widths["cut"], f"{path} at {width} px cuts labels short: {widths['cut']}"
        outside = chart_text_outside(page)
        assert not outside, f"{path} in Spanish at {width} px cuts off {outside}"
        folder = os.environ.get(SCREENSHOT_DIR_ENV)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.set_viewport_size({"width": width, "height": min(widths["height"], 12_000)})
            settle(page, quiet=0.5)
            name = f"{path.strip('/') or 'compare'}-{width}.png"
            page.screenshot(path=str(Path(folder) / name))
        found = _violations(page)
        assert not found, f"axe on {page.url} in Spanish at {width} px:\n" + "\n".join(found)
    finally:
        page.close()


def test_the_language_choice_switches_and_keeps_the_figures(page: Page, app_url: str) -> None:
    page.goto(app_url + "/mortgage?m_sale_price=271000")
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    english_title = page.locator("h1").first.inner_text()
    choice = page.locator(".deficiency-language")
    expect(choice.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    choice.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es", timeout=30_000)
    settle(page)
    assert page.locator("h1").first.inner_text() != english_title
    assert "lang=es" in page.url
    assert "m_sale_price=271000" in page.url
    expect(page.get_by_text("$271,000").first).to_be_visible()
    choice.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en", timeout=30_000)
    settle(page)
    assert page.locator("h1").first.inner_text() == english_title
    assert "lang=es" not in page.url and "m_sale_price=271000" in page.url

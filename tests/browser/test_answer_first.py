"""Real browser: each scenario page's answer is above the fold on a laptop and a phone, and
stays in view while an input far down the page is moved."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Both sides pursued in court: every figure of the resolution changes what is owed.
PURSUED = "?m_resolution=judgment&c_resolution=judgment"
PAGES = ("/", "/mortgage", "/car")
SIZES = ((1366, 900), (390, 844))
TITLE = ".answer-first .answer-title"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def sized_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    opened = context.new_page()
    yield opened
    context.close()


def in_view(page: Page, selector: str) -> list[bool]:
    """Whether each matching element lies wholly inside the viewport."""
    return page.eval_on_selector_all(
        selector,
        "elements => elements.map(element => { const box = element.getBoundingClientRect();"
        " return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight"
        " && box.right <= innerWidth && box.height > 0; })",
    )


def titles(page: Page) -> list[str]:
    return page.locator(TITLE).all_inner_texts()


@pytest.mark.parametrize("path", PAGES)
def test_the_answer_is_in_view_on_load_and_while_an_input_far_down_moves(
    sized_page: Page, app_url: str, path: str
) -> None:
    page = sized_page
    page.goto(app_url + path + PURSUED)
    page.wait_for_selector(TITLE, timeout=60_000)
    page.wait_for_selector(".amount-pair-range", timeout=60_000)
    # The Compare page shows both sides' answers; on a phone the first must be in view.
    shown = in_view(page, TITLE)
    assert shown[0], f"{path}: the answer is below the fold on load"
    if page.viewport_size and page.viewport_size["width"] > 1000:
        assert all(shown), f"{path}: an answer is below the fold on load"

    before = titles(page)
    # The input lowest on the page (in either column): focusing it scrolls down to it.
    page.evaluate(
        "() => { const sliders = [...document.querySelectorAll("
        "'input.amount-pair-range')];"
        " const depth = s => s.getBoundingClientRect().top;"
        " sliders.sort((a, b) => depth(b) - depth(a))[0].dataset.lowest = '1'; }"
    )
    page.locator('input[data-lowest="1"]').focus()
    scrolled = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop")
    assert scrolled > 300, f"{path}: the lowest input did not need a scroll"
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Wait for the new answer itself, not the moment its block is being replaced.
    page.wait_for_function(
        "([selector, before]) => { const now = [...document.querySelectorAll(selector)]"
        ".map(title => title.innerText); return now.length === before.length"
        " && now.every(Boolean) && JSON.stringify(now) !== JSON.stringify(before); }",
        arg=[TITLE, before],
        timeout=15_000,
    )
    assert titles(page) != before
    # Measured once the redraw has settled: the app idle and the block laid out again.
    page.wait_for_selector(IDLE, timeout=30_000)
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below says what failed
        page.wait_for_function(
            "(selector) => { const title = document.querySelector(selector);"
            " if (!title) return false; const box = title.getBoundingClientRect();"
            " return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight; }",
            arg=TITLE,
            timeout=3_000,
        )
    assert in_view(page, TITLE)[0], f"{path}: the answer left the screen while an input moved"


def test_who_bears_the_deficiency_options_fit_a_phone_each_in_its_own_box(
    browser: Browser, app_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(app_url + "/car")
        group = page.locator(".st-key-c_resolution__widget")
        group.wait_for(timeout=60_000)
        group.scroll_into_view_if_needed()
        # Radio buttons, each with its own box: nothing shares a border that a wrap can break.
        options = group.locator('[data-testid="stRadioOption"]')
        expect(options).to_have_count(3)
        boxes = options.evaluate_all(
            "labels => labels.map(label => { const box = label.getBoundingClientRect();"
            " return [box.left, box.right]; })"
        )
        assert len(boxes) == 3
        assert all(left >= 0 and right <= 390 for left, right in boxes), boxes
    finally:
        context.close()

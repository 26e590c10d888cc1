"""Real browser at 390 x 844: the button that opens the page list says "Menu", to the eye
and to a screen reader, on the first page and after a page switch (ui/kit/menu.py); the
language choice leaves the open list's close button free (ui/kit/language_choice.py)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.browser.pagewalk import settle

PHONE = {"width": 390, "height": 844}


def _menu_shown(page: Page) -> None:
    menu = page.get_by_role("button", name="Menu", exact=True)
    menu.wait_for(state="visible", timeout=15_000)
    assert menu.inner_text().strip().endswith("Menu")  # the label, after the arrows' icon
    box = menu.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    label = menu.locator(".deficiency-menu-label")
    assert label.is_visible() and label.bounding_box()["width"] > 20  # type: ignore[index]


def test_the_phone_menu_is_labelled_and_opens_the_page_list(browser: Browser, app_url: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True)
    page = context.new_page()
    try:
        page.goto(app_url + "/car")
        settle(page)
        _menu_shown(page)
        page.get_by_role("button", name="Menu", exact=True).click()
        credit = page.get_by_role("link", name="Credit report")
        credit.wait_for(state="visible", timeout=10_000)
        credit.click()
        page.wait_for_url("**/credit*", timeout=15_000)
        settle(page)
        # The language choice steps aside while the list is open: it sits where the list's
        # close button is, and would take its taps.
        language = page.locator(".st-key-language_choice")
        assert not language.is_visible()
        page.get_by_role("button", name="Close menu", exact=True).click(timeout=5_000)
        _menu_shown(page)  # still labelled on the next page
        language.wait_for(state="visible", timeout=5_000)
    finally:
        context.close()

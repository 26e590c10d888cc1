"""Real browser: the link the app writes opens clean, "Copy link" puts it on the clipboard,
and Back after Learn's "Load this example" brings the earlier scenario back."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from deficiency import fact_question

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NOTICE = "could not be used"
QUESTION = fact_question("purchase_money")


def settle(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=30_000)


def query_of(address: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(address).query))


def url_params(page: Page) -> dict[str, str]:
    return query_of(page.url)


@pytest.fixture
def clipboard_page(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    yield context.new_page()
    context.close()


def answer(page: Page, question: str, choice: str) -> None:
    group = page.get_by_role("radiogroup", name=question)
    group.get_by_role("radio", name=choice, exact=True).click()
    settle(page)


def test_a_link_made_after_answering_questions_holds_no_widget_key_and_opens_clean(
    page: Page, app_url: str
) -> None:
    page.goto(app_url + "/mortgage?state=CA")
    settle(page)
    answer(page, QUESTION, "Yes")
    link = page.url
    params = url_params(page)
    assert params["m_f_purchase_money"] == "yes"
    assert not [name for name in params if "__" in name], params
    page.goto(link)
    settle(page)
    assert page.get_by_text(NOTICE).count() == 0
    selected = page.get_by_role("radiogroup", name=QUESTION).get_by_role("radio", name="Yes")
    expect(selected).to_have_attribute("aria-checked", "true")


def test_copy_link_puts_the_current_address_on_the_clipboard(
    clipboard_page: Page, app_url: str
) -> None:
    page = clipboard_page
    page.goto(app_url + "/mortgage?state=CA&m_sale_price=190000")
    settle(page)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Link copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url
    assert url_params(page)["m_sale_price"] == "190000"


def test_back_after_loading_an_example_restores_the_scenario_it_replaced(
    page: Page, app_url: str
) -> None:
    page.goto(app_url + "/mortgage?m_sale_price=190000&m_exit=foreclosure")
    settle(page)
    before = url_params(page)
    assert before["m_sale_price"] == "190000"
    page.get_by_test_id("stTopNavSection").filter(has_text="Learn").click()
    page.get_by_role("menuitem", name="Learn").click()
    settle(page)
    assert url_params(page) == before
    page.get_by_role("button", name="Load this example").first.click()
    settle(page)
    loaded = url_params(page)
    assert "m_sale_price" not in loaded and "m_exit" not in loaded
    expect(page.get_by_role("button", name="Undo")).to_be_visible()

    page.go_back()
    # Streamlit reruns the entry's page first, then the restore runs: wait for the link
    # the restored scenario writes.
    page.wait_for_url(lambda address: query_of(address) == before, timeout=30_000)
    settle(page)
    assert urllib.parse.urlsplit(page.url).path.endswith("/learn")
    assert url_params(page) == before
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)  # nothing left to undo
    page.get_by_role("link", name="Mortgage exit").first.click()
    settle(page)
    box = page.locator('input.amount-pair-exact[aria-label="Sale price, exact"]')
    expect(box.first).to_have_value("190000.00")


def test_a_move_in_a_break_even_section_is_in_the_link(page: Page, app_url: str) -> None:
    """The Break-even sections rerun alone on their own controls, where app.py's writing of
    the link does not run: each writes it itself, or a reload (or a failover) brought back
    the value before the move."""
    page.goto(app_url + "/odds")
    settle(page)
    page.locator('.st-key-o_m_spread-pair input[type="range"]').focus()
    page.keyboard.press("ArrowRight")
    settle(page)
    assert url_params(page).get("o_m_spread") == "10.5"
    page.reload()
    settle(page)
    assert page.locator(".st-key-o_m_spread-pair input.amount-pair-exact").input_value() == "10.50"

"""Real browser: on "Over time" a loan input redraws only its own pair, the charts and the
error slots it touches, so a message still appears (and clears) under the control it names."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.pagewalk import settle

ERROR = '[data-testid="stAlertContentError"]'
#: True when the error box sits after the "Payments made" box and before "Home value".
_UNDER_PAYMENTS = """() => {
  const error = document.querySelector('[data-testid="stAlertContentError"]');
  const payments = document.querySelector('.st-key-t_m_payments-pair');
  const home = document.querySelector('.st-key-t_m_price-pair');
  const after = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after(payments, error) && after(error, home);
}"""


def test_a_term_below_the_payments_made_is_named_under_payments_made(
    page: Page, app_url: str
) -> None:
    page.goto(app_url + "/time")
    settle(page)
    term = page.locator(".st-key-t_m_term-pair input.amount-pair-exact")
    term.fill("24")
    term.press("Enter")
    errors = page.locator(ERROR)
    expect(errors).to_have_count(1, timeout=15_000)
    expect(errors).to_contain_text("Payments made cannot be above 24")
    assert page.evaluate(_UNDER_PAYMENTS), "the message is not under Payments made"
    term.fill("360")
    term.press("Enter")
    expect(errors).to_have_count(0, timeout=15_000)
    settle(page)

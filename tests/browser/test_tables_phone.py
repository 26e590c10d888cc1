"""Real browser at 390 x 844: no table cuts off a column (Check a letter, Credit report, Taxes,
Paying it off, the scenario pages' statements). A table whose content is wider than its box
hides a column behind a sideways scroll a borrower does not see."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.pagewalk import settle

PHONE = {"width": 390, "height": 844}

#: Each table's content width against its box: a static table (``st.table``) and the scroller
#: of a data grid (``st.dataframe``, ``st.data_editor``), with a line of the table's text.
_TABLE_WIDTHS = """() => {
  const found = [];
  const boxes = [
    ...document.querySelectorAll('[data-testid="stTable"]'),
    ...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller'),
  ];
  for (const box of boxes) {
    if (box.clientWidth === 0) continue;  // in a closed expander
    const table = box.querySelector('table');
    const inner = table ? table.getBoundingClientRect().width : box.scrollWidth;
    found.push({
      text: (box.closest('[data-testid]').textContent || '').slice(0, 50),
      scroll: Math.max(box.scrollWidth, Math.ceil(inner)), client: box.clientWidth,
    });
  }
  // A Markdown table (the statement, the ways out) against the text column it sits in.
  for (const table of document.querySelectorAll('[data-testid="stMarkdownContainer"] table')) {
    const box = table.closest('[data-testid="stMarkdownContainer"]');
    if (box.clientWidth === 0) continue;
    found.push({
      text: (table.textContent || '').slice(0, 50),
      scroll: Math.ceil(table.getBoundingClientRect().width), client: box.clientWidth,
    });
  }
  return found;
}"""


def _open_expanders(page: Page) -> None:
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        summary.click()
    settle(page, quiet=0.5)


def _mortgage_letter(page: Page) -> None:
    page.get_by_text("A mortgage servicer's payoff or deficiency letter").click()
    settle(page, quiet=0.5)


SETUPS: dict[str, tuple[str, Callable[[Page], None] | None]] = {
    "letter-car": ("/letter", None),
    "letter-mortgage": ("/letter", _mortgage_letter),
    "credit": ("/credit", _open_expanders),
    "taxes": ("/taxes", None),
    "collection": ("/collection", None),
    "mortgage": ("/mortgage", None),
    "car": ("/car", None),
}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True)
    yield context
    context.close()


@pytest.mark.parametrize("name", list(SETUPS))
def test_every_table_fits_a_phone(name: str, phone: BrowserContext, app_url: str) -> None:
    path, setup = SETUPS[name]
    page = phone.new_page()
    try:
        page.goto(app_url + path)
        settle(page)
        if setup is not None:
            setup(page)
        tables = page.evaluate(_TABLE_WIDTHS)
        assert tables, f"{name}: no table found"
        cut = [table for table in tables if table["scroll"] > table["client"] + 1]
        assert not cut, f"{name} at {PHONE['width']} px cuts off a column: {cut}"
    finally:
        page.close()

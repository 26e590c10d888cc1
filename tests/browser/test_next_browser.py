"""Real browser: the credit timeline chart and the tax worksheet table render on their pages."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

CHART = ".deficiency-chart .main-svg"


def test_credit_page_draws_the_timeline_with_dates(page: Page, app_url: str) -> None:
    page.goto(app_url + "/credit")
    page.wait_for_selector(CHART, timeout=60_000)
    chart = page.locator(".st-key-r_timeline_chart .js-plotly-plot")
    # A long title wraps onto two lines (two SVG tspans, no space between their texts).
    expect(chart.locator(".gtitle")).to_have_text(
        re.compile(r"From the first missed payment to a clean\s*report"), timeout=10_000
    )
    expect(chart.locator(".gtitle tspan.line")).to_have_count(2)
    text = chart.text_content() or ""
    # Row labels wrap too (a phone has no room for one long line): compare without spaces.
    for label in ("First missed payment", "Short sale closes", "Off credit reports"):
        assert label.replace(" ", "") in text.replace(" ", "")
    removal = page.locator(".figure-value").first
    expect(removal).not_to_be_empty()
    assert (removal.text_content() or "") in text  # the card's date is on the chart


def test_taxes_page_lays_out_the_worksheet_lines(page: Page, app_url: str) -> None:
    page.goto(app_url + "/taxes")
    page.wait_for_selector(CHART, timeout=60_000)
    table = page.locator('[data-testid="stTable"]').first
    expect(table).to_contain_text("Ordinary income from the cancellation of debt")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(8)
    expect(rows.nth(2)).to_contain_text("$50,000.00")
    expect(rows.nth(7)).to_contain_text("Gain or loss")
    tax_chart = page.locator(".st-key-x_tax_chart .js-plotly-plot")
    expect(tax_chart.locator(".gtitle")).to_have_text("From cancelled debt to extra tax")

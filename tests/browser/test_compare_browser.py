"""Real browser: the Compare page loads and a keyboard move of the car's price slider redraws it."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import running_app

CHART = ".deficiency-chart .main-svg"


def chart_text(page: Page, key: str) -> str:
    return page.locator(f".st-key-{key} .js-plotly-plot").text_content() or ""


def test_slider_key_press_changes_the_chart_and_the_metric(page: Page, app_url: str) -> None:
    page.goto(app_url)
    page.wait_for_selector(CHART, timeout=60_000)
    car_deficiency = page.locator(".figure-value").nth(4)
    expect(car_deficiency).to_have_text("$2,000.00")
    assert "−$8,500.00" in chart_text(page, "c_waterfall")
    # Tag the drawn chart: a move must update this very element (Plotly.react), not
    # remount it and draw it anew (ui/kit/chart_view.py). Zoom in too: a reader's zoom
    # survives the move (the figures' constant uirevision).
    page.evaluate(
        "() => { const chart = document.querySelector('.st-key-c_waterfall .js-plotly-plot');"
        " chart.tagged = 1; return Plotly.relayout(chart, {'yaxis.range': [0, 5000]}); }"
    )

    slider = page.locator('.st-key-c_sale_price-pair input[type="range"]')
    slider.focus()
    page.keyboard.press("ArrowRight")  # one step: $100

    expect(car_deficiency).to_have_text("$1,900.00", timeout=10_000)
    # Drawn as it comes into view (ui/kit/chart_view.js): below the inputs, it may not be.
    page.locator(".st-key-c_waterfall .deficiency-chart").scroll_into_view_if_needed()
    page.wait_for_function(
        "key => document.querySelector(`.st-key-${key} .js-plotly-plot`)"
        "?.textContent.includes('−$8,600.00')",
        arg="c_waterfall",
        timeout=10_000,
    )
    assert "$1,900.00" in chart_text(page, "c_waterfall")
    drawn = page.locator(".st-key-c_waterfall .deficiency-chart")
    expect(drawn).to_have_attribute("role", "figure")
    expect(drawn).to_have_attribute("aria-label", re.compile(r"deficiency of \$1,900\.00"))
    assert page.evaluate(
        "() => document.querySelector('.st-key-c_waterfall .js-plotly-plot').tagged === 1"
    ), "the chart was drawn anew instead of updated in place"
    zoom = "() => document.querySelector('.st-key-c_waterfall .js-plotly-plot')._fullLayout"
    assert page.evaluate(zoom + ".yaxis.range") == [0, 5000]
    expect(page.get_by_text("You would still owe $1,900 after the car is sold.")).to_be_visible()
    exact = page.locator(".st-key-c_sale_price-pair input.amount-pair-exact")
    expect(exact).to_have_value("8600.00")


def test_a_deep_link_on_a_fresh_server_opens_the_page_with_its_state(page: Page) -> None:
    # A server's very first request used to run the page without app.py (ui/kit/entry.py).
    with running_app() as fresh_url:
        page.goto(fresh_url + "/car")
        page.wait_for_selector(CHART, timeout=60_000)
        expect(
            page.get_by_role("heading", name="Car: repossession or voluntary surrender")
        ).to_be_visible()
        expect(page.get_by_text("not legal or tax advice")).to_be_visible()
        expect(page.locator(".figure-value").first).to_have_text("$2,000.00")


def test_a_shared_url_opens_with_the_same_numbers(page: Page, app_url: str) -> None:
    shared = "/car?c_preset=car-realistic&c_sale_price=9100.5&c_resolution=settled"
    page.goto(app_url + shared)
    page.wait_for_selector(CHART, timeout=60_000)
    metrics = page.locator(".figure-value")
    expect(metrics.first).to_have_text("$2,028.72")  # the AppTest figure for the same link
    box = page.locator(".st-key-c_sale_price-pair input.amount-pair-exact")
    expect(box).to_have_value("9100.50")
    assert "c_sale_price=9100.5" in page.url


#: Where a chart's box sits against the window: above, in (or within 200 px of) view, below.
_PLACE = """key => {
  const box = document.querySelector(`.st-key-${key} .deficiency-chart`).getBoundingClientRect();
  return box.top > innerHeight + 200 ? 'below' : box.bottom < -200 ? 'above' : 'in view';
}"""


def test_a_chart_out_of_sight_is_redrawn_as_it_comes_into_view(
    browser: Browser, app_url: str
) -> None:
    # A move spends no time drawing what nobody sees (ui/kit/chart_view.js); its
    # description changes at once, and its drawing before anyone can see it.
    context = browser.new_context(viewport={"width": 1400, "height": 800})
    page = context.new_page()
    page.goto(app_url)
    page.wait_for_selector(".st-key-compare_outcomes .main-svg", timeout=60_000)
    assert "$2,000" in chart_text(page, "compare_outcomes")
    slider = page.locator('.st-key-c_sale_price-pair input[type="range"]')
    slider.focus()
    assert page.evaluate(_PLACE, "compare_outcomes") == "below"
    page.keyboard.press("ArrowRight")  # one step: $100

    comparison = page.locator(".st-key-compare_outcomes .deficiency-chart")
    expect(comparison).to_have_attribute("aria-label", re.compile(r"\$1,900"), timeout=10_000)
    assert "$1,900" not in chart_text(page, "compare_outcomes"), "drawn while out of sight"

    comparison.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.st-key-compare_outcomes .js-plotly-plot')"
        "?.textContent.includes('$1,900')",
        timeout=10_000,
    )
    # Printing draws whatever still waits: move again, then print from the top.
    slider.scroll_into_view_if_needed()
    slider.focus()
    assert page.evaluate(_PLACE, "compare_outcomes") == "below"
    page.wait_for_timeout(200)  # the browser notes the chart has left the view
    page.keyboard.press("ArrowRight")
    expect(comparison).to_have_attribute("aria-label", re.compile(r"\$1,800"), timeout=10_000)
    assert "$1,800" not in chart_text(page, "compare_outcomes"), "drawn while out of sight"
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert "$1,800" in chart_text(page, "compare_outcomes")
    context.close()

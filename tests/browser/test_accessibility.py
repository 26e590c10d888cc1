"""Accessibility of every page in a real browser: axe-core, chart descriptions, a 390 px
phone viewport, and every page with the keyboard alone (Compare in depth).

axe-core comes from npm (``package.json``; ``npm ci`` in scripts/test.sh) and is injected
into each page by Playwright. Serious and critical violations fail; nothing is disabled
globally, and what Streamlit's own frontend does and the app cannot change is scoped out
below by rule id and selector, each with its reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.pagewalk import (
    AXE_JS,
    CHART,
    blank_bands,
    chart_text_outside,
    page_paths,
    settle,
)

PAGES = page_paths()
PAGE_IDS = [path for _, path in PAGES]

#: (rule id, CSS selector the failing node matches, why it is Streamlit's and not ours).
#: Empty today: every serious or critical violation axe found was in our own content or theme
#: and was fixed there (theme text colour, caption links). Add a row only with a reason.
STREAMLIT_OWN: tuple[tuple[str, str, str], ...] = ()

PHONE = {"width": 390, "height": 844}
#: Sub-pixel rounding of Streamlit's layout; anything wider is a real horizontal scroll.
PHONE_TOLERANCE = 2
SCREENSHOT_DIR_ENV = "PHONE_SCREENSHOTS"

_RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact})),
  }));
}"""


@pytest.fixture(scope="module")
def desktop(browser: Browser) -> Iterator[BrowserContext]:
    # One context for the walk: its HTTP cache keeps the frontend's bundles between pages.
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    yield context
    context.close()


@pytest.fixture(scope="module", params=PAGES, ids=PAGE_IDS)
def loaded(request: pytest.FixtureRequest, desktop: BrowserContext, app_url: str) -> Iterator[Page]:
    """Each page once, settled, shared by the desktop checks below."""
    _, path = request.param
    page = desktop.new_page()
    page.goto(app_url + path)
    settle(page)
    yield page
    page.close()


def _scoped_out(page: Page, rule: str, target: str) -> bool:
    return any(
        rule == rule_id and page.locator(target).first.evaluate("(e, s) => e.matches(s)", selector)
        for rule_id, selector, _ in STREAMLIT_OWN
    )


#: Moderate rules we hold ourselves to as well: a screen-reader user navigates by headings,
#: so a page's sections are h2 under its h1 title (st.header, not st.subheader).
ALSO_REQUIRED = frozenset({"heading-order"})


def test_axe_finds_no_serious_or_critical_violation(loaded: Page) -> None:
    loaded.add_script_tag(path=str(AXE_JS))
    violations = loaded.evaluate(_RUN_AXE)
    found = [
        f"{v['id']} ({node['impact'] or v['impact']}): {v['help']} -- at {node['target']}"
        for v in violations
        for node in v["nodes"]
        if ((node["impact"] or v["impact"]) in ("serious", "critical") or v["id"] in ALSO_REQUIRED)
        and not _scoped_out(loaded, v["id"], node["target"])
    ]
    assert not found, f"axe on {loaded.url}:\n" + "\n".join(found)


def test_every_chart_label_shows_whole(loaded: Page) -> None:
    outside = chart_text_outside(loaded)
    assert not outside, f"{loaded.url} cuts off {outside}"


def test_every_chart_states_its_takeaway(loaded: Page) -> None:
    names = loaded.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(e => ({
          label: (e.getAttribute('aria-label') || '').trim(),
          role: e.getAttribute('role'),
          described: (e.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
            .map(id => document.getElementById(id)?.textContent.trim() || '').join(' '),
        }))""",
        CHART,
    )
    for index, name in enumerate(names):
        text = name["label"] or name["described"]
        assert name["role"] in ("figure", "img"), f"chart {index} on {loaded.url}: role {name}"
        # A takeaway names a figure: a number, not just a title.
        assert len(text) >= 20 and re.search(r"\d", text), (
            f"chart {index} on {loaded.url} has no takeaway: {text!r}"
        )


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True)
    yield context
    context.close()


#: Widths at 390 px: the document, Streamlit's own scroll container (``stMain``: the page
#: scrolls inside it, not in the document) and every element that sticks out of the
#: viewport without an ancestor that scrolls or clips it (a wide table scrolling in its own
#: box is fine; a column pushing the page sideways is not).
_WIDTHS = """tolerance => {
  const viewport = document.documentElement.clientWidth;
  const main = document.querySelector('[data-testid="stMain"]');
  const sticking = [];
  for (const e of main ? main.querySelectorAll('*') : []) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.right <= viewport + tolerance) continue;
    let clipped = false;
    for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
    }
    if (!clipped) {
      const key = e.closest('[class*="st-key-"], [data-testid]');
      sticking.push(`${e.tagName.toLowerCase()} in ${key ? (key.dataset.testid
        || key.className) : 'main'} reaches ${Math.round(box.right)} px`);
    }
  }
  // A label Streamlit cut with an ellipsis ("...your main h…"): on a phone it must wrap.
  const cut = [...(main ? main.querySelectorAll('.stMarkdownEllipsis') : [])]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 60));
  return {
    viewport, document: document.documentElement.scrollWidth,
    main: main ? main.scrollWidth : null, height: main ? main.scrollHeight : 0,
    sticking: sticking.slice(0, 5), cut,
  };
}"""


@pytest.mark.parametrize(("title", "path"), PAGES, ids=PAGE_IDS)
def test_the_layout_holds_at_phone_width(
    title: str,
    path: str,
    phone: BrowserContext,
    app_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = Path(os.environ.get(SCREENSHOT_DIR_ENV) or tmp_path_factory.getbasetemp() / "phone")
    folder.mkdir(parents=True, exist_ok=True)
    page = phone.new_page()
    try:
        page.goto(app_url + path)
        settle(page)
        widths = page.evaluate(_WIDTHS, PHONE_TOLERANCE)
        limit = PHONE["width"] + PHONE_TOLERANCE
        assert widths["main"] is not None, f"{path}: no stMain scroll container"
        # The whole page in one picture: as tall as its content, still 390 px wide.
        page.set_viewport_size({"width": PHONE["width"], "height": min(widths["height"], 12_000)})
        settle(page, quiet=0.5)
        page.screenshot(path=str(folder / f"{path.strip('/') or 'compare'}.png"))
        assert widths["viewport"] <= PHONE["width"]
        assert widths["document"] <= limit and widths["main"] <= limit and not widths["sticking"], (
            f"{title} ({path}) scrolls sideways at {PHONE['width']} px: {widths}"
        )
        assert not widths["cut"], f"{title} ({path}) cuts labels short: {widths['cut']}"
        outside = chart_text_outside(page)
        assert not outside, f"{title} ({path}) at {PHONE['width']} px cuts off {outside}"
        gaps = blank_bands(page)
        assert not gaps, f"{title} ({path}) at {PHONE['width']} px leaves blank bands: {gaps}"
    finally:
        page.close()


_FOCUS_INFO = """() => {
  const e = document.activeElement;
  const key = e.closest('[class*="st-key-"]');
  const box = e.getBoundingClientRect();
  return {
    order: e.dataset.domOrder === undefined ? null : Number(e.dataset.domOrder),
    key: key ? [...key.classList].find(c => c.startsWith('st-key-')) : null,
    box: [box.x, box.y, box.width, box.height],
    visible: box.width > 0 && box.height > 0,
    table: e.closest('[data-testid="stDataFrame"]') !== null,
  };
}"""

#: Number every slider, number input and button a user can Tab to, in document order. A
#: segmented control is an ARIA radio group: one Tab stop (its checked option), arrows within.
_MARK_WIDGETS = """() => {
  const widgets = [...document.querySelectorAll(
    'input[type="range"], input[type="number"], input.amount-pair-exact, '
    + 'button:not([role="radio"][aria-checked="false"])')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
  widgets.forEach((e, i) => { e.dataset.domOrder = String(i); });
  return widgets.map(e => e.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/)?.[0]
    || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30));
}"""


def _clip(box: list[float]) -> dict[str, float]:
    pad = 6
    return {
        "x": max(0.0, box[0] - pad),
        "y": max(0.0, box[1] - pad),
        "width": box[2] + 2 * pad,
        "height": box[3] + 2 * pad,
    }


def test_compare_page_works_with_the_keyboard_alone(browser: Browser, app_url: str) -> None:
    # Tall enough that the whole Compare page shows without scrolling: screenshots of one
    # element's box before and after focus leaves it are then taken at the same place.
    context = browser.new_context(viewport={"width": 1400, "height": 3200})
    page = context.new_page()
    try:
        page.goto(app_url)
        settle(page)
        widgets = page.evaluate(_MARK_WIDGETS)
        target = "st-key-c_sale_price-pair"
        assert target in widgets, f"no car sale-price slider among {widgets}"
        before_target = widgets.index(target)

        reached: list[int] = []
        unmarked_focus = 0
        previous: dict[str, object] | None = None
        previous_shot = b""
        for _ in range(150):
            page.keyboard.press("Tab")
            focus = page.evaluate(_FOCUS_INFO)
            assert focus["visible"], f"Tab moved focus to an invisible element: {focus}"
            if previous is not None and previous["order"] is not None:
                # The element that just lost focus must look different from when it had it.
                after = page.screenshot(clip=_clip(previous["box"]))  # type: ignore[arg-type]
                assert after != previous_shot, f"no visible focus on {widgets[previous['order']]}"  # type: ignore[index]
            if focus["order"] is not None:
                reached.append(focus["order"])
                previous_shot = page.screenshot(clip=_clip(focus["box"]))
            else:
                unmarked_focus += 1
            previous = focus
            if focus["key"] == target:
                break
        else:
            pytest.fail(f"150 Tab presses did not reach the car sale price; reached {reached}")

        assert reached == list(range(before_target + 1)), (
            "Tab skipped or reordered sliders, number inputs or buttons: "
            f"expected {widgets[: before_target + 1]}, reached {[widgets[i] for i in reached]}"
        )
        car_deficiency = page.locator(".figure-value").nth(4)
        expect(car_deficiency).to_have_text("$2,000.00")
        # Each $100 step of the sale price moves the deficiency the other way; focus stays
        # on the slider through the rerun, so the next key press moves it again.
        for key, expected in (
            ("ArrowRight", "$1,900.00"),
            ("ArrowLeft", "$2,000.00"),
            ("ArrowLeft", "$2,100.00"),
        ):
            page.keyboard.press(key)
            expect(car_deficiency).to_have_text(expected, timeout=15_000)
            assert page.evaluate(_FOCUS_INFO)["key"] == target, "the rerun took the focus away"
    finally:
        context.close()


#: Number everything a user can Tab to, in document order: links, buttons, inputs, selects,
#: expanders and anything else with a tab index. A radio group is one Tab stop and arrows
#: move within it: a native radio group stops at its checked option, a segmented control
#: (Streamlit's react-aria group) at its first option.
_MARK_FOCUSABLE = """() => {
  const candidates = [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]')];
  const firstOfGroup = e => {
    const group = e.closest('[class*="st-key-"]') || e.parentElement;
    return group.querySelector('[role="radio"]') === e;
  };
  const stops = candidates.filter(e => e.tabIndex >= 0 && !e.disabled
    && e.getClientRects().length > 0 && !e.closest('[inert], [aria-hidden="true"]')
    && !(e.getAttribute('role') === 'radio' && !firstOfGroup(e))
    && !(e.type === 'radio' && !e.checked));
  stops.forEach((e, i) => { e.dataset.domOrder = String(i); });
  return stops.map(e => {
    const key = e.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/)?.[0];
    const name = e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30);
    return `${e.tagName.toLowerCase()} ${key || ''} ${name}`.trim();
  });
}"""

SLIDER = '[data-testid="stMain"] input[type="range"]'
_FIRST_SLIDER = """selector => {
  const s = document.querySelector(selector);
  return s ? {order: s.dataset.domOrder === undefined ? null : Number(s.dataset.domOrder),
              value: s.value} : null;
}"""
#: Pages whose inputs are boxes, pickers and tables only.
NO_SLIDER = frozenset({"/saved", "/letter", "/caseload", "/report", "/credit"})


def _tab_through(page: Page, stops: list[str]) -> list[int]:
    """Press Tab until the last stop has focus; check each focus is visible; return the order.

    Inside Streamlit's table widget (st.dataframe, st.data_editor) focus is the widget's own:
    its toolbar buttons show a tooltip rather than a ring, and its grid takes focus on a
    hidden input and marks the selected cell, and Tab steps from cell to cell, as in a
    spreadsheet, before it leaves. The app cannot style either, so there only the order is
    checked: Tab goes in, through and out again.
    """
    reached: list[int] = []
    previous: dict[str, object] | None = None
    previous_shot = b""
    for _ in range(2 * len(stops) + 40):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_INFO)
        assert focus["visible"] or focus["table"], f"Tab moved focus out of sight: {focus}"
        if previous is not None and previous["order"] is not None and not previous["table"]:
            after = page.screenshot(clip=_clip(previous["box"]))  # type: ignore[arg-type]
            assert after != previous_shot, f"no visible focus on {stops[previous['order']]}"  # type: ignore[index]
        stepped_in_table = focus["table"] and reached and reached[-1] == focus["order"]
        if focus["order"] is not None and not stepped_in_table:
            reached.append(focus["order"])
            previous_shot = page.screenshot(clip=_clip(focus["box"]))
        previous = focus
        if focus["order"] == len(stops) - 1:
            return reached
    pytest.fail(f"{2 * len(stops) + 40} Tab presses never reached {stops[-1]}; reached {reached}")


@pytest.mark.parametrize(("title", "path"), PAGES, ids=PAGE_IDS)
def test_every_page_works_with_the_keyboard_alone(
    title: str, path: str, browser: Browser, app_url: str
) -> None:
    """Tab reaches every control once, in order, each with a visible focus; a slider moves
    with the arrow keys and the page redraws without an error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    try:
        page.goto(app_url + path)
        settle(page)
        # The whole page in the viewport, so focus never scrolls and screenshots line up.
        height = page.evaluate(
            "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
        )
        page.set_viewport_size({"width": 1400, "height": min(height + 100, 12_000)})
        settle(page, quiet=0.5)
        stops = page.evaluate(_MARK_FOCUSABLE)
        assert stops, f"{title}: nothing to Tab to"
        reached = _tab_through(page, stops)
        assert reached == list(range(len(stops))), (
            f"{title}: Tab skipped or reordered controls: expected {stops}, "
            f"reached {[stops[i] for i in reached]}"
        )
        slider = page.evaluate(_FIRST_SLIDER, SLIDER)
        assert (slider is None) == (path in NO_SLIDER), f"{title}: first slider {slider}"
        if slider is None:
            return
        # Shift+Tab back to the first slider, then move it with the keyboard alone.
        for _ in range(2 * len(stops)):
            page.keyboard.press("Shift+Tab")
            if page.evaluate(_FOCUS_INFO)["order"] == slider["order"]:
                break
        else:
            pytest.fail(f"{title}: Shift+Tab never came back to the first slider")
        page.keyboard.press("ArrowRight")
        expect(page.locator(SLIDER).first).not_to_have_value(slider["value"], timeout=15_000)
        settle(page, quiet=0.5)
        assert page.evaluate(_FOCUS_INFO)["order"] == slider["order"], "the redraw took focus"
    finally:
        context.close()

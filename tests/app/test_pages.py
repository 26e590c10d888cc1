"""AppTest: every page loads, every input moves its numbers, bad input never breaks a page."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from deficiency import evaluate, format_usd
from tests.app.test_fuzz_app import _walk as walk
from tests.helpers import (
    APP,
    chart,
    chart_keys,
    charts,
    metrics,
    pair,
    pair_keys,
    start,
    trace_text,
    whole_page,
)
from ui.kit.inputs import DATE_FORMAT
from ui.kit.navigation import all_pages
from ui.kit.sides import CAR, MORTGAGE, SIDES, Side
from ui.kit.state import values

PAGES = {entry.title: entry.path for entry in all_pages()}
DETAIL_PAGE = {"m": "pages/mortgage.py", "c": "pages/car.py"}
#: The target of a Markdown link, ``](https://...)``: the address behind a named link.
LINK_TARGET = re.compile(r"\]\(https?://[^)\s]+\)")


def expected_outcome(at, side: Side):
    state = at.session_state
    return evaluate(
        side.kind, values(state, side), state[side.exit_key], state[side.resolution_key]
    )


def metric_value(at, label: str, index: int = 0) -> str:
    found = [value for name, value in metrics(at) if name == label]
    return found[index]


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_every_page_loads_with_charts_that_have_alt_text(page):
    at = start(page)
    at.run()  # a second run from the same state must be as clean as the first
    assert not at.exception
    for _figure, alt in charts(at).values():
        assert alt.strip()
    assert any("not legal or tax advice" in caption.value for caption in at.caption)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_segmented_controls_wrap_instead_of_scrolling_sideways(page):
    # In a column, Streamlit's default keeps the options on one row that scrolls: on a
    # phone "Who bears the deficiency" hid its first and last choices.
    for control in start(page).get("button_group"):
        assert control.proto.wrap, control.proto.label


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_every_date_box_reads_month_day_year(page):
    # One way to read a date everywhere, the US way (11/27/2026): the app covers US law.
    at = start(page)
    for box in at.date_input:
        assert box.proto.format == DATE_FORMAT == "MM/DD/YYYY", box.label


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_no_page_points_readers_at_a_file_they_cannot_open(page):
    # Sources on screen are public addresses; no page (help included) names a notes file.
    at = start(page)
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        assert proto is None or ".md " not in str(proto) + " ", str(proto)[:300]


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_every_address_on_a_page_is_a_link_named_by_its_site(page):
    # Sources are shown as data (ui.kit.sources.source_markdown): a raw 90-character URL in a
    # caption wraps over three lines on a phone.
    at = start(page)
    for node in walk(at._tree):
        body = getattr(getattr(node, "proto", None), "body", None)
        if isinstance(body, str):
            assert "http" not in LINK_TARGET.sub("", body), body[:300]


def test_every_file_in_pages_is_registered_and_every_entry_exists():
    registered = {entry.path for entry in all_pages()}
    on_disk = {f"pages/{path.name}" for path in (APP.parent / "pages").glob("*.py")}
    assert registered == on_disk


def test_compare_opens_on_both_worked_examples():
    at = start()
    assert metrics(at)[:4] == [
        ("Deficiency", "$50,000.00"),
        ("You still owe", "$0.00"),
        ("Lender gets back in all", "$200,000.00"),
        ("Cancelled (lender absorbs)", "$50,000.00"),
    ]
    assert metrics(at)[4:6] == [("Deficiency", "$2,000.00"), ("You still owe", "$2,000.00")]
    sentences = [block.value for block in at.markdown]
    assert "**You would still owe $2,000 after the car is sold.**" in sentences
    figure, alt = chart(at, "c_waterfall")
    assert trace_text(figure) == ["$10,000.00", "−$8,500.00", "+$500.00", "$2,000.00"]
    assert "deficiency of $2,000.00" in alt


def test_a_forgiven_deficiency_says_it_may_be_taxable_and_links_the_taxes_page():
    at = start()
    notes = [block.value for block in at.markdown if "may count as taxable income" in block.value]
    # The mortgage's $50,000 is waived; the car's $2,000 is owed, not forgiven.
    assert len(notes) == 1 and "50,000" in notes[0] and "1099-C" in notes[0]
    # One element with the takeaway above it: a move redraws one, not two.
    takeaway, note = notes[0].split("\n\n")
    assert takeaway.startswith("**") and note.startswith(":gray[:small[")
    assert [link.proto.page for link in at.get("page_link")] == ["taxes"]


def test_car_slider_redraws_its_pair_the_car_results_and_the_comparison_only():
    at = start()
    pair(at, "c_sale_price").slide(9000.0)
    assert not at.exception
    # Only the regions that read the car's sale price ran again: not the mortgage's.
    assert [label for label, _value in metrics(at)] == [
        "Deficiency",
        "You still owe",
        "Lender gets back in all",
        "Cancelled (lender absorbs)",
    ]
    assert metric_value(at, "Deficiency") == "$1,500.00"
    assert pair(at, "c_sale_price").entry_number == 9000.0
    assert chart_keys(at) == {
        "c_waterfall",
        "compare_outcomes",
    }
    assert "the borrower pays $1,500.00" in chart(at, "compare_outcomes")[1]
    assert not at.title  # the page's heading and the mortgage side were left as drawn


def test_a_pair_answers_with_the_number_of_the_entry_it_read():
    # The browser keeps what the user did until the server has read their latest entry
    # (ui/kit/amount_pair.js): each answer says the number of the last entry read.
    at = start()
    assert pair(at, "c_sale_price").view["seen"] == 0
    pair(at, "c_sale_price").slide(8600.0)
    assert pair(at, "c_sale_price").view["seen"] == 1
    pair(at, "c_sale_price").enter("x")  # refused: read all the same
    assert pair(at, "c_sale_price").view["seen"] == 2
    assert pair(at, "c_sale_price").view["invalid"] is True
    pair(at, "c_sale_price").enter("$8,700")
    assert at.session_state["c_sale_price"] == "8700.00"
    assert pair(at, "c_sale_price").view["seen"] == 3
    assert (pair(at, "c_sale_price").entry, pair(at, "c_sale_price").value) == ("8700.00", 8700)


def test_car_sale_price_slider_moves_metric_sentence_and_chart_together():
    at = start()
    pair(at, "c_sale_price").slide(9000.0)
    whole_page(at)
    assert metric_value(at, "Deficiency", 1) == "$1,500.00"
    assert "**You would still owe $1,500 after the car is sold.**" in [
        block.value for block in at.markdown
    ]
    figure, _ = chart(at, "c_waterfall")
    assert trace_text(figure)[1] == "−$9,000.00"
    assert pair(at, "c_sale_price").entry_number == 9000.0


def test_exact_input_takes_cents_a_slider_cannot_hit():
    at = start()
    pair(at, "m_unpaid_principal").enter(247318.55)
    assert not at.exception
    assert at.session_state["m_unpaid_principal"] == "247318.55"
    assert metric_value(at, "Deficiency") == "$47,318.55"
    figure, _ = chart(at, "compare_outcomes")
    assert "$47,318.55" in trace_text(figure, 1)


def test_surplus_is_shown_as_the_borrowers_not_a_negative_deficiency():
    at = start()
    whole_page(pair(at, "c_sale_price").enter(12000.0))
    assert metric_value(at, "Surplus (yours)") == "$1,500.00"
    assert metric_value(at, "You still owe", 1) == "$0.00"
    assert any("surplus of $1,500" in block.value for block in at.markdown)


@pytest.mark.parametrize(
    ("raw", "message"),
    [(-5.0, "cannot be negative"), (2e12, "above $1 trillion"), (1e308, "above $1 trillion")],
)
def test_bad_exact_input_gets_a_message_and_the_last_good_figures_stay(raw, message):
    at = start()
    pair(at, "c_sale_price").enter(raw)
    assert not at.exception
    whole_page(at)
    assert any(
        message in error.value and "Still using $8,500.00" in error.value for error in at.error
    )
    assert pair(at, "c_sale_price").entry_number == raw  # what was typed is kept
    assert metric_value(at, "Deficiency", 1) == "$2,000.00"
    whole_page(pair(at, "c_sale_price").enter(8000.0))
    assert not at.error
    assert metric_value(at, "Deficiency", 1) == "$2,500.00"


def test_presets_load_the_realistic_variants_with_their_assumptions():
    at = start()
    at.selectbox(key="m_preset__widget").set_value("short-sale-realistic").run()
    at.selectbox(key="c_preset__widget").set_value("car-realistic").run()
    assert not at.exception
    assert metric_value(at, "Deficiency", 0) == "$74,525.00"
    assert metric_value(at, "Deficiency", 1) == "$2,629.22"
    assert pair(at, "m_commission_rate").value == 6.0
    notes = " ".join(block.value for block in at.markdown)
    assert "CFPB examiners" in notes and "Fannie Mae's ceiling" in notes
    assert "An illustrative assumption, not a sourced figure." in notes


def test_exit_choice_voluntary_surrender_drops_the_retaking_fee():
    at = start("pages/car.py")
    at.segmented_control(key="c_exit__widget").set_value("voluntary_surrender").run()
    assert metric_value(at, "Deficiency") == "$1,500.00"


def test_mortgage_exits_switch_their_cost_inputs():
    at = start("pages/mortgage.py")
    at.segmented_control(key="m_exit__widget").set_value("foreclosure").run()
    whole_page(pair(at, "m_attorney_fees").enter(1900.0))
    whole_page(pair(at, "m_sale_price").enter(180000.0))
    assert not at.exception
    assert metric_value(at, "Deficiency") == "$71,900.00"
    figure, _ = chart(at, "m_waterfall")
    assert decode_x(figure)[1] == "Foreclosure sale price"


def decode_x(figure):
    return list(figure["data"][0]["x"])


def test_resolution_paths_change_who_pays():
    at = start()
    at.radio(key="c_resolution__widget").set_value("settled").run()
    whole_page(pair(at, "c_settlement_percent").enter(40.0))
    assert metric_value(at, "You still owe", 1) == "$800.00"
    assert metric_value(at, "Cancelled (lender absorbs)", 1) == "$1,200.00"
    at.radio(key="c_resolution__widget").set_value("judgment").run()
    whole_page(pair(at, "c_court_costs").enter(350.0))
    assert metric_value(at, "You still owe", 1) == "$2,350.00"
    at.radio(key="m_resolution__widget").set_value("judgment").run()
    assert metric_value(at, "You still owe", 0) == "$50,000.00"


def test_inputs_survive_a_page_switch():
    at = start()
    pair(at, "c_sale_price").enter(7777.77)
    at.switch_page("pages/car.py").run()
    assert pair(at, "c_sale_price").entry_number == 7777.77
    at.switch_page("pages/compare.py").run()
    assert at.session_state["c_sale_price"] == "7777.77"


@pytest.mark.parametrize("side", SIDES, ids=lambda side: side.prefix)
def test_every_input_on_the_detail_page_moves_the_numbers(side):
    at = start(DETAIL_PAGE[side.prefix])
    for exit_value, _ in side.exits:
        at.segmented_control(key=side.exit_key + "__widget").set_value(exit_value).run()
        # Every input that counts on this exit is on the page, and no other.
        shown = set(pair_keys(at))
        specs = side.specs_for(exit_value)
        counted = {spec.key for spec in (*specs, *side.resolution_specs.values())}
        assert {spec.key for spec in specs} <= shown <= counted, exit_value
        for spec in specs:
            target = 3 if spec.info.kind == "count" else 7.0
            whole_page(pair(at, spec.key).enter(target))
            assert Decimal(at.session_state[spec.key]) == Decimal(target), spec.key
            on_slider = type(target)(spec.slider_max // 2)
            whole_page(pair(at, spec.key).slide(on_slider))
            assert Decimal(at.session_state[spec.key]) == Decimal(on_slider), spec.key
            assert pair(at, spec.key).entry_number == on_slider, spec.key
            outcome = expected_outcome(at, side)
            shown = metric_value(at, "Surplus (yours)" if outcome.surplus else "Deficiency")
            assert shown == format_usd(outcome.surplus or outcome.deficiency), spec.key
    assert charts(at)


def test_judgment_and_settlement_inputs_exist_on_both_sides():
    at = start()
    for side in (MORTGAGE, CAR):
        at.radio(key=side.resolution_key + "__widget").set_value("judgment").run()
        whole_page(pair(at, side.key("judgment_attorney_fees")).slide(500.0))
        assert at.session_state[side.key("judgment_attorney_fees")] == "500.00"


def test_show_the_formulas_prints_each_figure_with_the_users_numbers():
    at = start("pages/car.py")
    assert not at.code
    at.toggle(key="c_show_formulas").set_value(True).run()
    text = at.code[0].value
    assert "Amount owed = $10,000.00 unpaid principal = $10,000.00" in text
    assert "= $2,000.00 deficiency" in text
    assert "Borrower owes = $2,000.00 deficiency + $0.00 court costs" in text


def test_the_itemized_statement_its_heading_and_formula_are_one_element():
    """Fewer elements for a move to redraw: heading, table and formula in one Markdown."""
    at = start("pages/car.py")
    (block,) = [block.value for block in at.markdown if "| Line | Item | Amount |" in block.value]
    assert block.startswith("**Itemized statement**\n\n")
    assert block.endswith(
        ":gray[:small[$10,000.00 owed - $8,500.00 sale + $500.00 expenses"
        " - $0.00 credits = $2,000.00 deficiency]]"
    )
    assert sum("Itemized statement" in shown.value for shown in at.markdown) == 1

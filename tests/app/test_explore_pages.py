"""AppTest: the "Over time" and "Break-even and odds" pages; every control, bad input, charts."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import chart, chart_keys, decode, metrics, pair, pair_keys, start, whole_page

TIME = "pages/time.py"
ODDS = "pages/odds.py"


def errors(at) -> str:
    return " ".join(error.value for error in at.error)


def captions(at) -> str:
    return " ".join(caption.value for caption in at.caption)


def metric(at, label_start: str) -> str:
    return next(value for label, value in metrics(at) if label.startswith(label_start))


def trace_y(at, key: str, index: int = 0) -> list[float]:
    figure, _ = chart(at, key)
    return list(decode(figure["data"][index]["y"]))


def trace_x(at, key: str, index: int = 0) -> list:
    figure, _ = chart(at, key)
    return list(decode(figure["data"][index]["x"]))


@pytest.fixture(scope="module")
def time_page():
    return start(TIME)


@pytest.fixture(scope="module")
def odds_page():
    return start(ODDS)


# -- Over time -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "keys"),
    [
        (TIME, ["t_m_balance_chart", "t_m_gap_chart"]),
        (ODDS, ["o_m_break_even_chart", "o_c_break_even_chart", "o_m_heat_chart"]),
        (ODDS, ["o_m_tornado_chart", "o_m_odds_chart"]),
    ],
)
def test_charts_are_present_with_takeaway_alt_text(page, keys):
    at = start(page)
    for key in keys:
        _, alt = chart(at, key)
        assert len(alt) > 40 and "$" in alt, key


def test_time_page_starts_from_the_mortgage_scenario(time_page):
    at = time_page
    assert at.session_state["t_m_loan"] == "250000.00"  # the scenario's unpaid principal
    assert trace_y(at, "t_m_balance_chart")[0] == 250000.0
    assert "Upside down from month 1 (Jul 2021)" in captions(at)
    assert "At their typical timelines, short sale in month 6" in captions(at)


def test_side_switch_shows_the_car_and_its_routes():
    at = start(TIME)
    at.segmented_control(key="t_side__widget").set_value("c").run()
    assert not at.exception
    assert at.session_state["t_c_loan"] == "10000.00"
    _, alt = chart(at, "t_c_balance_chart")
    assert "the car" in alt
    figure, _ = chart(at, "t_c_gap_chart")
    names = [trace["name"] for trace in figure["data"] if trace["mode"] == "lines"]
    assert names == ["Private sale before default", "Voluntary surrender", "Repossession"]


@pytest.mark.parametrize(
    ("widget", "key", "value", "chart_key", "trace"),
    [
        ("box", "t_m_loan", 200000.0, "t_m_balance_chart", 0),
        ("slider", "t_m_loan", 300000.0, "t_m_balance_chart", 0),
        ("box", "t_m_rate", 3.0, "t_m_balance_chart", 0),
        ("box", "t_m_term", 180, "t_m_balance_chart", 0),
        ("slider", "t_m_term", 240, "t_m_balance_chart", 0),
        ("box", "t_m_price", 300000.0, "t_m_balance_chart", 1),
        ("number_input", "t_m_change", 2.0, "t_m_balance_chart", 1),
        ("box", "t_m_payments", 60, "t_m_gap_chart", 0),
        ("slider", "t_m_payments", 120, "t_m_gap_chart", 0),
        ("slider", "t_m_months", 24, "t_m_gap_chart", 0),
        ("box", "t_m_months", 30, "t_m_gap_chart", 0),
        ("box", "t_m_late_fee", 200.0, "t_m_gap_chart", 0),
        ("box", "t_m_escrow", 900.0, "t_m_gap_chart", 0),
    ],
)
def test_every_time_control_moves_its_chart(widget, key, value, chart_key, trace):
    at = start(TIME)
    before = trace_y(at, chart_key, trace)
    if widget == "box":
        pair(at, key).enter(value)
    elif widget == "slider":
        pair(at, key).slide(value)
    else:
        getattr(at, widget)(key=key).set_value(value).run()
    assert not at.exception
    assert not at.error, errors(at)
    assert trace_y(at, chart_key, trace) != before, key


def test_a_loan_input_redraws_both_sections_and_nothing_else():
    at = start(TIME)
    before = trace_y(at, "t_m_gap_chart", 0)
    pair(at, "t_m_loan").slide(300000.0)
    assert not at.exception
    assert not at.title  # the heading and the side picker were left as drawn
    assert chart_keys(at) == {"t_m_balance_chart", "t_m_gap_chart"}
    assert trace_y(at, "t_m_gap_chart", 0) != before  # the gap starts from the new balance


def test_a_loan_input_leaves_the_other_loan_inputs_and_names_a_new_error_by_its_control():
    at = start(TIME)
    pair(at, "t_m_term").slide(24)
    assert not at.exception
    # Only its own pair ran again, not the other loan inputs nor the gap section's, yet
    # the message lands in the slot under "Payments made", which now exceeds the term.
    assert pair_keys(at) == ["t_m_term"]
    assert errors(at) == (
        "Payments made cannot be above 24. The chart keeps the last figures that worked."
    )
    pair(at, "t_m_term").slide(360)
    # That the slot is redrawn empty in place is checked in the browser (test_explore_browser).
    assert not at.error and not whole_page(at).error


def test_start_date_moves_the_time_axis():
    at = start(TIME)
    at.date_input(key="t_m_start").set_value(date(2019, 3, 1)).run()
    assert trace_x(at, "t_m_balance_chart")[0] == "2019-03-01"


@pytest.mark.parametrize(
    ("key", "value"),
    [("t_c_drop1", 35.0), ("t_c_drop2", 25.0), ("t_c_late_fee", 100.0)],
)
def test_car_value_drops_and_fees_move_the_car_charts(key, value):
    at = start(TIME)
    at.segmented_control(key="t_side__widget").set_value("c").run()
    gap_before = trace_y(at, "t_c_gap_chart", 2)
    value_before = trace_y(at, "t_c_balance_chart", 1)
    pair(at, key).enter(value)
    assert not at.exception and not at.error
    whole_page(at)  # a cost input redraws only the gap chart
    assert (trace_y(at, "t_c_gap_chart", 2), trace_y(at, "t_c_balance_chart", 1)) != (
        gap_before,
        value_before,
    )


def test_months_slider_sets_the_month_the_metrics_read():
    at = start(TIME)
    pair(at, "t_m_months").slide(3)
    assert metric(at, "Short sale, sold in month 3")
    assert trace_x(at, "t_m_gap_chart") == [0, 1, 2, 3]
    # Its own pair and the gap chart ran again; the loan's chart and every other input
    # were left as drawn.
    assert pair_keys(at) == ["t_m_months"]
    assert chart_keys(at) == {"t_m_gap_chart"}


def test_a_months_box_takes_whole_numbers_only_and_keeps_what_was_typed():
    at = start(TIME)
    pair(at, "t_m_payments").enter("37.5")
    assert not at.exception
    assert at.session_state["t_m_payments"] == "36"
    assert pair(at, "t_m_payments").entry == "37.5"
    assert "Payments made is not a whole number of months" in errors(at)
    pair(at, "t_m_payments").enter("38")
    assert at.session_state["t_m_payments"] == "38" and not errors(at)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("t_m_term", 0, "Term (months) must be at least 1 month(s)"),
        ("t_m_term", -12, "Term (months) cannot be negative"),
        ("t_m_payments", 400, "Payments made cannot be above 360"),
        ("t_m_rate", 150.0, "Interest rate (%/yr) cannot be above 100%"),
        ("t_m_months", -2, "cannot be negative: the sale cannot come before"),
    ],
)
def test_bad_time_input_gets_a_message_and_the_last_chart_stays(key, value, message):
    at = start(TIME)
    balance_before = chart(at, "t_m_balance_chart")[0]["data"][0]["y"]
    gap_before = chart(at, "t_m_gap_chart")[0]["data"][0]["y"]
    pair(at, key).enter(value)
    assert not at.exception
    assert message in errors(at)
    whole_page(at)  # a months-to-sale input redraws only the gap chart
    assert message in errors(at)
    assert chart(at, "t_m_balance_chart")[0]["data"][0]["y"] == balance_before
    assert chart(at, "t_m_gap_chart")[0]["data"][0]["y"] == gap_before


# -- Break-even and odds ----------------------------------------------------------------


def test_break_even_prices_of_both_scenarios(odds_page):
    at = odds_page
    assert metric(at, "Mortgage: break-even sale price") == "$250,000.00"
    assert metric(at, "Car loan: break-even sale price") == "$10,500.00"
    figure, _ = chart(at, "o_c_break_even_chart")
    (line,) = [shape for shape in figure["layout"]["shapes"] if shape["name"] == "break-even"]
    assert line["x0"] == 10500.0


def test_break_even_follows_the_scenario_set_on_another_page():
    at = start()
    pair(at, "c_retaking_fee").enter(800.0)
    at.switch_page(ODDS).run()
    assert metric(at, "Car loan: break-even sale price") == "$10,800.00"


def test_explore_switch_moves_the_lower_sections_to_the_car():
    at = start(ODDS)
    at.segmented_control(key="o_side__widget").set_value("c").run()
    assert not at.exception
    for key in ("o_c_heat_chart", "o_c_tornado_chart", "o_c_odds_chart"):
        chart(at, key)


@pytest.mark.parametrize(
    ("key", "value", "axis"),
    [
        ("o_m_prices__widget", (150000.0, 400000.0), "x"),
        ("o_m_fees__widget", (1000.0, 80000.0), "y"),
    ],
)
def test_heat_map_ranges_move_its_axes(key, value, axis):
    at = start(ODDS)
    before = decode(chart(at, "o_m_heat_chart")[0]["data"][0][axis])
    at.slider(key=key).set_value(value).run()
    assert not at.exception and not at.error
    after = decode(chart(at, "o_m_heat_chart")[0]["data"][0][axis])
    assert after != before
    assert (after[0], after[-1]) == value


def test_heat_map_steps_set_the_grid_size_and_a_bad_grid_is_refused():
    at = start(ODDS)
    # The box redraws only the heat map and its message slots: whole_page() reads the box again.
    at.number_input(key="o_steps").set_value(40).run()
    assert len(decode(chart(at, "o_m_heat_chart")[0]["data"][0]["x"])) == 40
    whole_page(at).number_input(key="o_steps").set_value(2000).run()
    assert not at.exception
    assert "too many to draw; use at most 500" in errors(at)
    assert len(decode(chart(at, "o_m_heat_chart")[0]["data"][0]["x"])) == 40
    whole_page(at).number_input(key="o_steps").set_value(1).run()
    assert "Steps per axis must be at least 2" in errors(at)
    assert len(decode(chart(at, "o_m_heat_chart")[0]["data"][0]["x"])) == 40


def test_tornado_range_picker_and_ends_move_the_chart_and_ranges_persist():
    at = start(ODDS)
    at.selectbox(key="o_m_tornado_field").set_value("accrued_interest").run()
    assert at.slider(key="o_m_accrued_interest_range__widget").value == (0.0, 15000.0)
    figure, _ = chart(at, "o_m_tornado_chart")
    at.slider(key="o_m_accrued_interest_range__widget").set_value((1000.0, 60000.0)).run()
    assert not at.exception and not at.error
    after, alt = chart(at, "o_m_tornado_chart")
    assert after["data"] != figure["data"]
    assert "Accrued interest $1,000.00 to $60,000.00" in captions(at)
    at.selectbox(key="o_m_tornado_field").set_value("sale_price").run()
    at.slider(key="o_m_sale_price_range__widget").set_value((100000.0, 300000.0)).run()
    assert alt != chart(at, "o_m_tornado_chart")[1]
    assert "Accrued interest $1,000.00 to $60,000.00" in captions(at)  # kept while hidden
    assert "Sale price $100,000.00 to $300,000.00" in captions(at)


def test_monte_carlo_controls_change_the_odds():
    at = start(ODDS)
    first = metric(at, "Median deficiency")
    assert metric(at, "Chance of a deficiency") == "98.9%"
    # Each control redraws only the odds (a region): whole_page() reads the rest again.
    at.number_input(key="o_seed").set_value(7).run()
    seeded = metric(at, "Median deficiency")
    assert seeded != first
    whole_page(at).number_input(key="o_seed").set_value(2024).run()
    assert metric(at, "Median deficiency") == first  # same seed, same draws
    whole_page(at).segmented_control(key="o_distribution").set_value("normal").run()
    assert metric(at, "Median deficiency") != first
    whole_page(at)
    pair(at, "o_m_expected").enter(260000.0)
    assert metric(at, "Chance of a deficiency") != "98.9%"
    pair(whole_page(at), "o_m_spread").enter(30.0)
    assert not at.exception and not at.error
    whole_page(at)
    assert "spread is an assumption you set" in " ".join(info.value for info in at.info)


def test_zero_spread_is_refused_next_to_the_control_and_the_histogram_stays():
    at = start(ODDS)
    before = chart(at, "o_m_odds_chart")[0]["data"]
    pair(at, "o_m_spread").slide(0.0)
    assert not at.exception
    assert "Price spread (%) is zero" in errors(at)
    assert chart(at, "o_m_odds_chart")[0]["data"] == before
    assert metric(at, "Chance of a deficiency") == "98.9%"

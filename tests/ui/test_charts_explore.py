"""Figure builders of the explore pages: titles, dollar axes, hovers, break-even and shading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from deficiency import LoanKind
from ui.explore.odds_charts import (
    break_even_figure,
    break_even_line,
    break_even_takeaway,
    heat_map_figure,
    histogram_figure,
    histogram_takeaway,
    tornado_figure,
    tornado_takeaway,
)
from ui.explore.odds_compute import break_even, heat_map, simulation, tornado_rows
from ui.explore.over_time_charts import (
    UPSIDE_DOWN,
    balance_value_alt,
    balance_value_figure,
    gap_figure,
    gap_takeaway,
)
from ui.explore.over_time_compute import balance_view, car_gap_view, home_gap_view
from ui.kit.figures import (
    AXIS_TITLE_PX,
    EDGE_PX,
    FIGURE_CHAR_PX,
    LETTER_PX,
    below_room,
    beside_room,
    dollar_label,
    dollar_room,
    lines_in,
)

CAR = tuple(
    sorted({"unpaid_principal": "10000", "sale_price": "8500", "retaking_fee": "500"}.items())
)
HOUSE = tuple(
    sorted({"unpaid_principal": "250000", "sale_price": "200000", "commission_rate": "6"}.items())
)


def layout_of(figure):
    return figure.to_plotly_json()["layout"]


def shapes_named(figure, name):
    return [shape for shape in layout_of(figure).get("shapes", []) if shape.get("name") == name]


def assert_dollar_axis(axis):
    assert axis["tickformat"] == "$,.0f" and "tickprefix" not in axis  # "-$5", not "$-5"


def test_balance_chart_shades_exactly_the_underwater_months():
    # deficiency.growth's worked example: upside down from month 1 until month 18.
    view = balance_view("c", "30000", "7", 60, date(2024, 3, 1), 12, "30000", "20", "15")
    figure = balance_value_figure(view, "the car", "Loan balance against the value of the car")
    layout = layout_of(figure)
    title = layout["title"]["text"].replace("<br>", " ")
    assert title == "Loan balance against the value of the car"
    assert_dollar_axis(layout["yaxis"])
    (band,) = shapes_named(figure, UPSIDE_DOWN)
    assert (band["x0"], band["x1"]) == ("2024-04-01", "2025-09-01")
    # Named in the legend (once), not by a label over the lines' starting corner.
    assert band["showlegend"] is True
    assert not any("Upside down" in note["text"] for note in layout["annotations"])
    assert (view.spans[0].start, view.spans[0].end) == (1, 18)
    (stop,) = shapes_named(figure, "default")
    assert stop["x0"] == "2025-03-01"
    # The balance is solid up to the last payment; after it, the schedule is dotted apart.
    balance, _, schedule = figure.data
    assert balance.x[-1] == schedule.x[0] == "2025-03-01"
    assert schedule.name == "If payments had gone on" and schedule.line.dash == "dot"
    for trace in figure.data:
        assert "$%{y:,.2f}" in trace.hovertemplate
    assert "from month 1 (Apr 2024) until month 18 (Sep 2025)" in balance_value_alt(view, "the car")


def test_house_in_a_falling_market_is_shaded_until_equity_returns():
    view = balance_view("m", "250000", "6.5", 360, date(2021, 6, 1), 36, "250000", "-5", "0")
    (band,) = shapes_named(balance_value_figure(view, "the house", "t"), UPSIDE_DOWN)
    assert (view.spans[0].start, view.spans[0].end) == (1, 313)
    assert (band["x0"], band["x1"]) == ("2021-07-01", "2047-07-01")
    assert "until month 313 (Jul 2047)" in balance_value_alt(view, "the house")


def test_payments_stop_label_leans_away_from_the_nearer_edge():
    def anchor(payments: int) -> str:
        view = balance_view(
            "m", "250000", "6.5", 360, date(2021, 6, 1), payments, "250000", "-5", "0"
        )
        layout = layout_of(balance_value_figure(view, "the house", "t"))
        (label,) = [note for note in layout["annotations"] if "Payments stop" in note["text"]]
        return str(label["xanchor"])

    assert (anchor(36), anchor(300)) == ("left", "right")


def test_no_shading_when_never_upside_down():
    view = balance_view("m", "100000", "5", 120, date(2020, 1, 1), 12, "300000", "2", "0")
    figure = balance_value_figure(view, "the house", "t")
    assert not shapes_named(figure, UPSIDE_DOWN)
    assert "never rises above" in balance_value_alt(view, "the house")


def test_gap_chart_has_one_line_per_exit_and_marks_typical_months():
    view = home_gap_view(date(2025, 1, 1), "250000", "6.5", "200000", "0", "400", "0", 12)
    figure = gap_figure(view, "Deficiency by the month the sale closes")
    lines = [trace for trace in figure.data if trace.mode == "lines"]
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    assert [trace.name for trace in lines] == ["Short sale", "Foreclosure", "Deed in lieu"]
    assert all(list(trace.x) == list(range(13)) for trace in lines)
    assert sorted(trace.x[0] for trace in markers) == [6, 8, 12]
    # The worked short sale six months after default leaves $74,525.
    short_sale = next(trace for trace in markers if trace.x[0] == 6)
    assert short_sale.y[0] == 74525.0
    assert_dollar_axis(layout_of(figure)["yaxis"])
    assert "fastest exit, short sale, leaves the least" in gap_takeaway(view)


def test_gap_chart_shorter_than_a_typical_month_leaves_its_marker_out():
    view = car_gap_view(date(2025, 3, 1), "18000", "12", "15000", "40", "15", 2)
    figure = gap_figure(view, "t")
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    assert [trace.x[0] for trace in markers] == [0]  # only the private sale (month 0)
    assert "repossession in month 4 leaves $9,272.78" in gap_takeaway(view)


@pytest.mark.parametrize(
    ("kind", "inputs", "exit", "expected"),
    [
        (LoanKind.AUTO, CAR, "repossession", 10500.0),
        (LoanKind.MORTGAGE, HOUSE, "short_sale", 265957.45),
    ],
)
def test_break_even_line_sits_at_the_break_even_price(kind, inputs, exit, expected):
    result = break_even(kind, inputs, exit)
    figure = break_even_figure(result, "the car", "Deficiency by sale price")
    (line,) = shapes_named(figure, "break-even")
    assert line["x0"] == line["x1"] == expected
    layout = layout_of(figure)
    assert layout["title"]["text"].replace("<br>", " ") == "Deficiency by sale price"
    assert_dollar_axis(layout["xaxis"])
    assert_dollar_axis(layout["yaxis"])
    curve = figure.data[0]
    assert max(curve.x) >= expected  # the curve reaches past the break-even
    assert "$%{y:,.2f}" in curve.hovertemplate and "$%{x:,.2f}" in curve.hovertemplate


@pytest.mark.parametrize(
    ("kind", "inputs", "exit"),
    [(LoanKind.AUTO, CAR, "repossession"), (LoanKind.MORTGAGE, HOUSE, "short_sale")],
)
def test_break_even_label_sits_right_of_the_line_where_nothing_is_drawn(kind, inputs, exit):
    result = break_even(kind, inputs, exit)
    layout = layout_of(break_even_figure(result, "the car", "Deficiency by sale price"))
    (label,) = layout["annotations"]
    assert label["xanchor"] == "left" and label["yanchor"] == "top"
    price = float(result.price)
    # Past the line the curve lies on the axis, so the label covers no peak or mark...
    assert all(y == 0 for x, y in zip(result.prices, result.deficiency, strict=True) if x >= price)
    # ...and the third of the axis past the line holds its longest line (14 px figures).
    room = (layout["xaxis"]["range"][1] - price) / layout["xaxis"]["range"][1]
    assert room >= 0.3
    assert max(len(line) for line in label["text"].split("<br>")) <= 10


def test_break_even_takeaway_states_the_price_and_todays_gap():
    text = break_even_takeaway(break_even(LoanKind.AUTO, CAR, "repossession"), "the car")
    assert text == (
        "The car must sell for at least $10,500.00 to leave nothing owing; at today's "
        "$8,500.00 the deficiency is $2,000.00."
    )


def test_heat_map_marks_break_even_at_todays_fees():
    result = heat_map(LoanKind.AUTO, CAR, "repossession", ("5000", "12000"), ("0", "2000"), 50)
    figure = heat_map_figure(result, "Deficiency by sale price and total fees")
    heat, marker = figure.data
    assert heat.z.shape == (50, 50)
    assert (marker.x[0], marker.y[0]) == (10500.0, 500.0)
    assert "$%{z:,.2f}" in heat.hovertemplate
    assert_dollar_axis(layout_of(figure)["xaxis"])
    assert_dollar_axis(layout_of(figure)["yaxis"])
    # Highest fees at the lowest price: 10,000 - 5,000 + 2,000.
    assert result.worst == Decimal("7000.00")


def test_tornado_puts_the_largest_swing_on_top():
    ranges = (("retaking_fee", "300", "900"), ("sale_price", "7000", "10000"))
    result = tornado_rows(LoanKind.AUTO, CAR, "repossession", ranges)
    figure = tornado_figure(result, "Which input moves the deficiency most")
    layout = layout_of(figure)
    assert list(layout["yaxis"]["categoryarray"]) == ["Repossession (retaking) fee", "Sale price"]
    assert layout["title"]["text"].replace("<br>", " ") == "Which input moves the deficiency most"
    (baseline,) = shapes_named(figure, "baseline")
    assert baseline["x0"] == 2000.0
    assert tornado_takeaway(result).startswith(
        "Sale price moves the deficiency most: from $500.00 to $3,500.00"
    )


def test_histogram_counts_every_draw_and_marks_break_even():
    result = simulation(LoanKind.AUTO, CAR, "repossession", "8500", "15", "lognormal", 7)
    figure = histogram_figure(result, "100,000 simulated sale prices")
    owing, clear = figure.data
    assert int(sum(owing.y) + sum(clear.y)) == 100_000
    (line,) = shapes_named(figure, "break-even")
    assert line["x0"] == 10500.0
    assert_dollar_axis(layout_of(figure)["xaxis"])
    assert "$%{x:,.2f}" in owing.hovertemplate
    assert result.probability == pytest.approx(int(sum(owing.y)) / 100_000)
    assert "break-even and a deficiency is left" in histogram_takeaway(result)


# --- Room for labels, given up front (ui.kit.figures.EDGE_PX) ------------------------------


def test_a_dollar_axis_gets_room_for_its_widest_tick_past_the_data() -> None:
    assert dollar_label(250_000.4) == "$250,000"
    assert dollar_label(-1_500) == "−$1,500"
    # 240,000 padded by a tenth reaches 264,000: eight characters of figures.
    assert dollar_room(0, Decimal("240000")) == 8 * FIGURE_CHAR_PX + EDGE_PX
    # Past a million the label gains two characters; a negative end gains its sign.
    assert dollar_room(0, 950_000) == 10 * FIGURE_CHAR_PX + EDGE_PX
    assert dollar_room(-20_000, 5_000) == dollar_room(0, 20_000) + FIGURE_CHAR_PX


def test_labels_beside_the_plot_get_room_for_their_widest_line_and_the_axis_title() -> None:
    labels = ["Lump-sum<br>settlement", "Bankruptcy<br>discharge"]
    assert beside_room(labels) == len("Bankruptcy") * LETTER_PX + EDGE_PX
    assert beside_room(labels, titled=True) == beside_room(labels) + AXIS_TITLE_PX
    assert lines_in(labels) == 2
    assert below_room(3) > below_room(2) > below_room(1)


def test_break_even_line_sets_the_price_axis_and_labels_on_the_roomier_side():
    """Left to Plotly, the axis widened until the label fitted: on a phone, to $700,000."""
    marks = break_even_line(Decimal(250000), (0.0, 375000.0))
    assert marks["xaxis"]["range"] == [0.0, 375000.0]
    (label,) = marks["annotations"]
    assert label["xanchor"] == "right" and label["text"] == "Break-even<br>$250,000.00"
    assert break_even_line(Decimal(100), (0.0, 375000.0))["annotations"][0]["xanchor"] == "left"
    # A break-even outside the prices shown widens the axis just enough to show its line.
    low, high = break_even_line(Decimal(500000), (100000.0, 300000.0))["xaxis"]["range"]
    assert low == 100000.0 and 500000.0 < high < 520000.0
    assert break_even_line(None, (1.0, 2.0)) == {
        "shapes": [],
        "annotations": [],
        "xaxis": {"range": [1.0, 2.0]},
    }

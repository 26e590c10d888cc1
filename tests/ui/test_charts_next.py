"""Figure builders of the "What happens next" and Learn pages: data in, figures and words out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from deficiency import (
    PlannerInputs,
    compare_options,
    garnishment_payoff,
    preset,
    taxable_cancelled_debt,
    timeline,
)
from deficiency.collection import payoff_schedule
from tests.helpers import decode
from ui.kit.figures import CANCELLED, CHARGE
from ui.learn.charts import step_alt, step_waterfall
from ui.next_steps.charts import (
    PAYOFF_POINTS,
    day,
    dollar_axis_top,
    payoff_alt,
    payoff_figure,
    payoff_takeaway,
    planner_alt,
    planner_figure,
    planner_rows,
    planner_takeaway,
    settlement_alt,
    settlement_figure,
    shows_nothing,
    tax_alt,
    tax_figure,
    tax_takeaway,
    timeline_alt,
    timeline_figure,
    timeline_takeaway,
)

SHORT_SALE = timeline(date(2024, 1, 15), "short_sale", "waived")


def test_day_is_written_for_people():
    assert day(date(2031, 7, 13)) == "13 Jul 2031"


def test_timeline_puts_every_event_on_its_own_row_at_its_date():
    figure = timeline_figure(SHORT_SALE, "Timeline").to_dict()
    points = {}
    for trace in figure["data"][1:]:
        points.update(zip(trace["y"], trace["x"], strict=True))
    assert points == {event.label: event.when.isoformat() for event in SHORT_SALE}
    order = figure["layout"]["yaxis"]["categoryarray"]
    assert order[-1] == "First missed payment" and order[0] == "Off credit reports"
    assert figure["layout"]["xaxis"]["type"] == "date"
    assert figure["layout"]["title"]["text"].replace("<br>", " ") == "Timeline"


def test_timeline_reads_on_a_phone_labels_wrap_years_thin_dates_lean_inward():
    figure = timeline_figure(SHORT_SALE, "Timeline").to_dict()
    yaxis = figure["layout"]["yaxis"]
    assert [text.replace("<br>", " ") for text in yaxis["ticktext"]] == yaxis["tickvals"]
    assert all(len(line) <= 18 for text in yaxis["ticktext"] for line in text.split("<br>"))
    # Seven and a half years at one tick per year made ten four-digit labels on 230 px.
    span = SHORT_SALE[-1].when.year - SHORT_SALE[0].when.year
    assert span / (int(figure["layout"]["xaxis"]["dtick"][1:]) / 12) <= 6
    positions = {}
    for trace in figure["data"][1:]:
        positions.update(zip(trace["y"], trace["textposition"], strict=True))
    assert positions["First missed payment"] == "top right"
    assert positions["Off credit reports"] == "top left"


def test_timeline_marks_assumed_dates_with_hollow_markers():
    figure = timeline_figure(SHORT_SALE, "Timeline").to_dict()
    assumed = [trace for trace in figure["data"][1:] if "assumed" in trace["name"]]
    assert assumed and all(trace["marker"]["color"] == "white" for trace in assumed)
    assert set(assumed[0]["y"]) == {"Short sale closes", "Deficiency waived"}
    sourced = timeline(
        date(2024, 1, 15),
        "short_sale",
        "waived",
        months_default_to_sale=12,
        months_sale_to_resolution=0,
    )
    names = [trace["name"] for trace in timeline_figure(sourced, "t").to_dict()["data"][1:]]
    assert not any("assumed" in name for name in names)


def test_timeline_words_state_the_removal_date_and_the_first_mortgage():
    sentence = timeline_takeaway(SHORT_SALE)
    assert "13 Jul 2031" in sentence
    assert "7 years 6 months after the first missed payment" in sentence
    # The headline date is open to anyone (FHA, 3 years); the best case is named as such.
    assert (
        "; Earliest FHA mortgage: 15 Jan 2028 (with documented extenuating circumstances, "
        "earliest Fannie Mae mortgage: 15 Jan 2027)."
    ) in sentence
    alt = timeline_alt(SHORT_SALE)
    assert alt.startswith(sentence) and "Form 1099-C expected: 2 Feb 2026" in alt
    car = timeline(date(2024, 1, 15), "repossession", "judgment")
    assert "mortgage" not in timeline_takeaway(car)


def test_tax_figure_shows_cancelled_exclusions_taxable_and_tax():
    result = taxable_cancelled_debt(
        5000, discharge_date=date(2025, 6, 1), liabilities=10000, assets=7000
    )
    figure = tax_figure(result, Decimal("440.00"), Decimal(22)).to_dict()
    bars = dict(zip(figure["data"][0]["y"], figure["data"][0]["text"], strict=True))
    assert bars == {
        "Cancelled debt": "$5,000.00",
        "Excluded: insolvency": "$3,000.00",
        "Taxable": "$2,000.00",
        "Extra federal tax at 22%": "$440.00",
    }
    assert figure["layout"]["xaxis"]["tickformat"] == "$,.0f"
    assert tax_takeaway(result, Decimal("440.00"), Decimal(22)) == (
        "$2,000.00 of the $5,000.00 cancelled stays taxable: about $440.00 of extra federal "
        "tax at 22%."
    )
    assert "Insolvency excludes $3,000.00" in tax_alt(result, Decimal("440.00"), Decimal(22))


def test_tax_words_when_nothing_is_cancelled_or_all_is_excluded():
    nothing = taxable_cancelled_debt(0, discharge_date=date(2025, 1, 1))
    assert "No debt is cancelled" in tax_takeaway(nothing, Decimal(0), Decimal(22))
    bankrupt = taxable_cancelled_debt(5000, discharge_date=date(2025, 1, 1), title_11_case=True)
    assert tax_takeaway(bankrupt, Decimal(0), Decimal(22)).startswith("All $5,000.00")


def test_payoff_figure_runs_from_the_judgment_to_zero():
    payoff = garnishment_payoff(2000, 368, 10)
    figure = payoff_figure(payoff.schedule, "Payoff").to_dict()
    trace = figure["data"][0]
    assert trace["y"][0] == 2000.0 and trace["y"][-1] == 0.0
    assert list(trace["x"]) == list(range(24))
    assert figure["layout"]["yaxis"]["tickformat"] == "$,.0f"
    assert figure["layout"]["xaxis"]["title"]["text"] == "Weekly paychecks garnished"
    words = payoff_takeaway(payoff.schedule)
    assert "after 23 weekly paychecks" in words and "$2,044.90" in words
    assert words in payoff_alt(payoff.schedule)


@pytest.mark.parametrize(
    ("judgment", "earnings"), [(2000, 368), (56_500, 368), (50_000, 92), (312_000, 2000)]
)
def test_payoff_balance_never_rises_above_the_axis_highest_label(judgment, earnings):
    schedule = garnishment_payoff(judgment, earnings, 10).schedule
    layout = payoff_figure(schedule, "Payoff").to_dict()["layout"]["yaxis"]
    bottom, top = layout["range"]
    assert bottom == 0
    highest = max([float(judgment), *(float(row.balance) for row in schedule.rows)])
    assert highest <= top
    # The top is itself a label: a whole number of label steps, at most five of them.
    steps = top / layout["dtick"]
    assert steps == int(steps) and 1 <= steps <= 5


@pytest.mark.parametrize("peak", [0.01, 1.0, 99.0, 2000.0, 56_500.0, 60_000.0, 999_999.99])
def test_dollar_axis_top_is_a_round_label_at_or_above_the_peak(peak):
    top, step = dollar_axis_top(peak)
    assert peak <= top < peak + step + 1e-9
    assert round(top / step, 9) == int(round(top / step, 9)) <= 5


def test_a_chart_of_zeros_shows_nothing_and_one_with_a_figure_does():
    nothing = taxable_cancelled_debt(0, discharge_date=date(2025, 1, 1))
    assert shows_nothing(tax_figure(nothing, Decimal(0), Decimal(22)))
    assert shows_nothing(settlement_figure(Decimal(0), Decimal(0), Decimal(0)))
    assert shows_nothing(payoff_figure(payoff_schedule(0, 368), "Payoff"))
    assert not shows_nothing(settlement_figure(Decimal(0), Decimal(1), Decimal(0)))
    assert not shows_nothing(payoff_figure(payoff_schedule(1000, 368), "Payoff"))


def test_payoff_words_say_when_it_never_pays_off():
    stuck = payoff_schedule(50000, 92, 10)
    assert payoff_takeaway(stuck).startswith("Not paid off within 30 years")
    assert payoff_takeaway(payoff_schedule(1000, 0)).startswith("Nothing is collected")


def test_settlement_figure_stacks_paid_and_cancelled_with_tax_apart():
    figure = settlement_figure(Decimal(800), Decimal(1200), Decimal(264)).to_dict()
    assert [trace["x"][0] for trace in figure["data"]] == [800.0, 1200.0, 264.0]
    assert [trace["y"][0] for trace in figure["data"]] == ["The deficiency"] * 2 + ["Tax"]
    assert figure["data"][1]["marker"]["color"] == CANCELLED
    assert figure["layout"]["barmode"] == "stack"
    # No legend (on a phone it took three rows over the ticks): each bar names itself.
    assert figure["layout"]["showlegend"] is False
    assert [trace["text"][0] for trace in figure["data"]] == [
        "You pay<br>$800",
        "Cancelled<br>$1,200",
        "$264",
    ]
    assert figure["data"][2]["y"][0] == "Tax"
    alt = settlement_alt(Decimal(40), Decimal(800), Decimal(1200), Decimal(264))
    assert "you pay $800.00, $1,200.00 is cancelled" in alt


def test_planner_figure_groups_paid_cancelled_tax_and_balance_by_option():
    options = compare_options(
        PlannerInputs(
            Decimal(2000),
            Decimal(40),
            plan_months=12,
            disposable_earnings=Decimal(368),
            judgment_rate=Decimal(10),
        )
    )
    taxes = [Decimal(264), Decimal(0), Decimal(0), Decimal(0)]
    figure = planner_figure(options, taxes).to_dict()
    paid, cancelled, tax, owed = figure["data"]
    assert list(owed["x"]) == [0.0, 0.0, 0.0, 0.0]
    assert list(paid["x"]) == [800.0, 2000.0, 2044.9, 0.0]
    assert list(cancelled["x"]) == [1200.0, 0.0, 0.0, 2000.0]
    assert list(tax["x"]) == [264.0, 0.0, 0.0, 0.0]
    assert tax["marker"]["color"] == CHARGE
    assert paid["y"][0].replace("<br>", " ") == "Lump-sum settlement (at once)"
    assert paid["y"][1] == "Payment plan<br>(12 months)"
    assert "costs the least cash ($800)" in planner_takeaway(options)
    alt = planner_alt(options, taxes)
    assert "Bankruptcy discharge: pay $0.00" in alt and "about $264.00 tax" in alt
    rows = planner_rows(options, taxes)
    # Exact text, cents and all, in the order of the chart.
    assert list(rows[0].values()) == [
        "Lump-sum settlement",
        "$800.00, at once",
        "$1,200.00 cancelled; about $264.00 extra tax; $0.00 still owed",
    ]
    assert rows[2]["Way out"] == "Judgment collected by wage garnishment"
    assert rows[2]["You pay"].startswith("$2,044.90, ")


def test_step_waterfall_shows_only_the_lines_reached():
    statement = preset("car-example").outcome().statement
    first = step_waterfall(statement, 1, "Step").to_dict()["data"][0]
    assert list(first["x"]) == ["Amount owed (obligation secured)"]
    full = step_waterfall(statement, 6, "Step").to_dict()["data"][0]
    assert list(full["measure"]) == [
        "absolute",
        "relative",
        "total",
        "relative",
        "relative",
        "total",
    ]
    assert list(full["y"]) == [10000.0, -8500.0, 0.0, 500.0, -0.0, 0.0]
    assert full["text"][-1] == "$2,000.00"
    # The scale stays put while steps are added.
    assert (
        step_waterfall(statement, 2, "s").to_dict()["layout"]["yaxis"]["range"]
        == step_waterfall(statement, 6, "s").to_dict()["layout"]["yaxis"]["range"]
    )
    assert step_alt(statement, 3, "the car").startswith("The statement for the car, step 3 of 6.")


def test_a_thirty_year_payoff_line_plots_every_fourth_paycheck_each_at_its_balance():
    schedule = payoff_schedule(Decimal("56068.40"), Decimal("92"), Decimal("10"))
    assert schedule.periods == 1560 and not schedule.paid_off
    figure = payoff_figure(schedule, "Balance")
    x, y = decode(figure.data[0].x), decode(figure.data[0].y)
    assert len(x) <= PAYOFF_POINTS and x[0] == 0 and x[-1] == 1560
    balances = {row.period: float(row.balance) for row in schedule.rows} | {0: 56068.40}
    assert [balances[paycheck] for paycheck in x] == list(y)
    # The axis still reaches above the highest balance of all 1,560, plotted or not.
    assert figure.layout.yaxis.range[1] >= max(balances.values())

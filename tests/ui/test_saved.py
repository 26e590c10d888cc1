"""Saved scenarios and scenario exports: nothing a user saves is lost, every export works."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from deficiency import InvalidScenarioError, evaluate, from_json
from deficiency.scenarios import LoanKind
from tests.helpers import decode
from ui.kit.figures import outcome_figure
from ui.kit.scenario_io import (
    MAX_SAVED,
    save_snapshot,
    saved_list,
    side_document,
    side_facts,
    url_params,
)
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import init_state
from ui.scenario.sections import _export

CAR_OUTCOME = evaluate(
    LoanKind.AUTO, {"unpaid_principal": "10000", "sale_price": "8500"}, "repossession", "waived"
)


def fresh() -> dict:
    state: dict = {}
    init_state(state)
    return state


@pytest.mark.parametrize("count", range(1, MAX_SAVED + 1))
def test_the_who_pays_figure_fits_every_count_the_saved_page_allows(count):
    """Issue 22: from five rows each panel's share of the height was negative, plotly
    refused the figure and the Saved page lost every Load and Delete button."""
    rows = [(f"Scenario {index}", CAR_OUTCOME) for index in range(count)]
    figure = outcome_figure(rows, "Saved scenarios: what the sale covers, who pays")
    checked = go.Figure(figure.to_dict())  # plotly's own validation, as drawing does
    layout = checked.layout
    plot_px = layout.height - layout.margin.t - layout.margin.b
    domains = [layout[f"yaxis{'' if i == 0 else i + 1}"].domain for i in range(count)]
    for index, (low, high) in enumerate(domains):
        assert 0 <= low < high <= 1
        assert (high - low) * plot_px >= 40, "a panel was squeezed"
        if index:
            assert high < domains[index - 1][0], "panels overlap"
    bars = [trace for trace in checked.data if trace.type == "bar"]
    assert {trace.yaxis for trace in bars} == {f"y{'' if i == 0 else i + 1}" for i in range(count)}
    assert all(decode(trace.x)[0] > 0 for trace in bars)


def test_a_name_already_saved_is_refused_on_either_side_and_the_first_is_kept():
    """Issue 22: saving under a name already used replaced that scenario without a word."""
    state = fresh()
    first = save_snapshot(state, CAR, "Smith")
    state["c_sale_price"] = "1234"
    with pytest.raises(InvalidScenarioError, match="“Smith” is already saved \\(this loan\\)"):
        save_snapshot(state, CAR, "Smith")
    with pytest.raises(InvalidScenarioError, match="“Smith” is already saved \\(the other loan\\)"):
        save_snapshot(state, MORTGAGE, " Smith ")
    assert saved_list(state) == [first]


def test_a_save_past_the_limit_is_refused_and_nothing_is_dropped():
    state = fresh()
    for number in range(MAX_SAVED):
        state["c_sale_price"] = str(1000 + number)
        save_snapshot(state, CAR, f"Car {number}")
    with pytest.raises(InvalidScenarioError, match=r"24 scenarios are saved.*delete one first"):
        save_snapshot(state, MORTGAGE, "One more")
    assert [item.name for item in saved_list(state)] == [f"Car {n}" for n in range(MAX_SAVED)]


#: What Streamlit and the widgets keep beside a state question's answer.
BOOKKEEPING = {
    "c_f_credit_sale": "yes",
    "c_f_credit_sale__widget": "yes",
    "c_f_credit_sale__sync": object(),
    "m_f_fair_market_value": "",
    "m_f_fair_market_value__exact": 180000.0,
    "m_f_fair_market_value__refused": -5.0,
    "m_f_fair_market_value__error": "cannot be negative",
    "m_f_purchase_money": "no",
}


def test_widget_bookkeeping_keys_stay_out_of_the_link_and_the_files():
    """Issue 22: answering a state question put ``c_f_credit_sale__widget`` and
    ``__error=cannot+be+negative`` into the link, and both scenario downloads raised."""
    state = {**fresh(), "state": "CA", **BOOKKEEPING}
    facts = {key: value for key, value in url_params(state).items() if "_f_" in key}
    assert facts == {"c_f_credit_sale": "yes", "m_f_purchase_money": "no"}
    assert side_facts(state, CAR) == {"credit_sale": "yes"}
    assert dict(side_document(state, MORTGAGE).facts) == {"purchase_money": "no"}
    saved = save_snapshot(state, CAR, "Car with an answer")
    assert saved.facts == (("credit_sale", "yes"),)


@pytest.mark.parametrize("render", ["json", "csv"])
def test_both_scenario_downloads_work_with_a_state_question_answered(render):
    from deficiency import statement_csv, to_json

    state = {**fresh(), "state": "CA", **BOOKKEEPING}
    session = SimpleNamespace(filtered_state=state)
    text = _export(session, CAR, to_json if render == "json" else statement_csv)  # type: ignore[arg-type]
    assert "could not be exported" not in text
    if render == "json":
        assert dict(from_json(text).facts) == {"credit_sale": "yes"}


def test_an_export_that_cannot_be_made_says_so_instead_of_failing_silently():
    broken = {**fresh(), "c_sale_price": "-5"}  # never canonical, but a defect must not vanish
    text = _export(SimpleNamespace(filtered_state=broken), CAR, lambda document: "x")  # type: ignore[arg-type]
    assert text.startswith("This scenario could not be exported: values.sale_price")
    missing = fresh()
    del missing["c_exit"]
    text = _export(SimpleNamespace(filtered_state=missing), CAR, lambda document: "x")  # type: ignore[arg-type]
    assert text == "This scenario could not be exported because of an error in the app."


def test_a_statement_downloaded_in_a_spanish_session_reads_in_spanish():
    """The download is written in the file server's thread, which has no session to read
    the language from: it is written in the session's."""
    from deficiency import statement_csv

    english = _export(SimpleNamespace(filtered_state=fresh()), CAR, statement_csv)  # type: ignore[arg-type]
    spanish_state = {**fresh(), "lang": "es"}
    spanish = _export(SimpleNamespace(filtered_state=spanish_state), CAR, statement_csv)  # type: ignore[arg-type]
    assert "Sale price" in english and "Loan kind" in english
    assert "Precio de venta" in spanish and "Tipo de préstamo" in spanish
    assert "Sale price" not in spanish and "Loan kind" not in spanish

    def codes_and_values(text: str) -> list[tuple[str, str, str]]:
        rows = csv.reader(io.StringIO(text))
        return [(row[0], row[1], row[3]) for row in rows if row[1] != "name"]

    # Only the labels (and the scenario's name) are in the reader's language: codes and
    # amounts stay as they are.
    assert codes_and_values(spanish) == codes_and_values(english)
    assert ("statement", "line_6", "2000.00") in codes_and_values(spanish)

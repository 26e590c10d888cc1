"""AppTest: picking a state changes the outcome where a rule applies, with its citation."""

from __future__ import annotations

from tests.helpers import chart, metrics, pair, start, trace_text, whole_page


def metric(at, label: str) -> str:
    return next(value for name, value in metrics(at) if name == label)


def test_no_state_shows_the_arithmetic_and_an_invitation():
    at = start("pages/mortgage.py")
    assert any("Choose your state" in caption.value for caption in at.caption)


def test_california_purchase_money_short_sale_shows_zero_owed_and_the_rule():
    at = start("pages/mortgage.py")
    at.radio(key="m_resolution__widget").set_value("judgment").run()
    assert metric(at, "You still owe") == "$50,000.00"
    at.selectbox(key="state__widget").set_value("CA").run()
    for fact in ("purchase_money", "owner_occupied", "one_to_four_units"):
        at.segmented_control(key=f"m_f_{fact}__widget").set_value("yes").run()
    assert not at.exception
    assert metric(at, "Gross shortfall [deficiency]") == "$50,000.00"
    assert metric(at, "Lender may collect") == "$0.00"
    assert metric(at, "You still owe") == "$0.00"
    assert any("580" in block.value and "Source" in block.value for block in at.success)
    assert any("state law bars" in block.value for block in at.markdown)


def test_not_sure_answers_say_beside_the_figure_that_a_rule_may_still_bar_it():
    at = start("pages/mortgage.py")
    at.radio(key="m_resolution__widget").set_value("judgment").run()
    at.selectbox(key="state__widget").set_value("CA").run()
    assert metric(at, "Lender may collect, at most") == "$50,000.00"
    notes = [block.value for block in at.warning if "may bar or cut it" in block.value]
    assert len(notes) == 1 and "580b" in notes[0] and "580e" in notes[0]
    for fact in ("purchase_money", "owner_occupied", "one_to_four_units"):
        at.segmented_control(key=f"m_f_{fact}__widget").set_value("yes").run()
    assert metric(at, "Lender may collect") == "$0.00"
    assert not any("may bar or cut it" in block.value for block in at.warning)


def test_wisconsin_small_car_loan_has_no_deficiency_on_compare():
    at = start()
    for name, amount in (("unpaid_principal", 1000.0), ("sale_price", 300.0), ("retaking_fee", 0)):
        whole_page(pair(at, f"c_{name}").enter(amount))
    assert metric_at(at, "You still owe", 1) == "$700.00"
    at.session_state["c_f_credit_sale"] = "yes"  # bought on the dealer's contract
    at.selectbox(key="state__widget").set_value("WI").run()
    assert not at.exception
    assert metric_at(at, "Lender may collect", 1) == "$0.00"
    assert metric_at(at, "You still owe", 1) == "$0.00"
    assert any("425.209" in block.value for block in at.success)
    figure, alt = chart(at, "compare_outcomes")
    assert "$700" in [text for trace in figure["data"] for text in trace_text_of(trace)]
    assert "state law bars $700.00" in alt


def metric_at(at, label: str, index: int) -> str:
    return [value for name, value in metrics(at) if name == label][index]


def trace_text_of(trace) -> list[str]:
    return trace_text({"data": [trace]})


def test_a_state_without_a_bar_says_what_was_checked_and_when():
    at = start("pages/car.py")
    at.session_state["state"] = "OH"
    at.run()
    assert not at.exception
    shown = [block.value for block in at.info]
    assert any(text.startswith("No Ohio law we found bars or limits") for text in shown)
    checked = " ".join(str(block.value) for block in whole_page(at).markdown)
    assert "read 2 Dec 2026" in checked  # every rule shown says when it was read

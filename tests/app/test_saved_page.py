"""AppTest: the Saved scenarios page keeps every scenario it promises, and loses none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from tests.helpers import chart, pair, rendered, start, whole_page
from ui.kit.cache import side_case
from ui.kit.scenario_io import MAX_SAVED, SAVED_KEY, Saved
from ui.kit.sides import MORTGAGE
from ui.kit.text import plain

SAVED = "pages/saved.py"


def save(at, prefix: str, name: str):
    at.text_input(key=f"{prefix}_save_name").set_value(name).run()
    at.button(key=f"{prefix}_save").click().run()
    assert not at.exception, at.exception
    return at


def test_every_count_the_page_promises_keeps_its_chart_and_buttons():
    """Issue 22: a fifth saved scenario broke the page for the rest of the visit (only the
    error box was left; every Load and Delete button was gone)."""
    at = start(SAVED)
    assert any(f"Keep up to {MAX_SAVED}" in caption.value for caption in at.caption)
    for count in range(1, MAX_SAVED + 1):
        save(at, "mc"[count % 2], f"Scenario {count}")
        assert not at.error, [error.value for error in at.error]
        figure, alt = chart(at, "saved_outcomes")
        assert len(figure["layout"]["annotations"]) == count
        assert alt.count("Scenario ") == count
        loads = [b for b in at.button if b.key and b.key.startswith("load_")]
        deletes = [b for b in at.button if b.key and b.key.startswith("delete_")]
        assert len(loads) == len(deletes) == count
    save(at, "c", "One too many")
    assert "delete one first" in rendered(at.error[0].value)
    assert len([b for b in at.button if b.key and b.key.startswith("load_")]) == MAX_SAVED


def test_a_name_already_saved_is_refused_across_sides_with_a_message():
    at = save(start(SAVED), "c", "Smith")
    figure, _ = chart(at, "saved_outcomes")
    kept = figure["data"]
    save(at, "m", "Smith")
    message = rendered(at.error[0].value)
    assert message.startswith("Not saved: “Smith” is already saved (the other loan)")
    assert at.text_input(key="m_save_name").value == "Smith"  # what was typed stays
    assert chart(at, "saved_outcomes")[0]["data"] == kept


def test_a_saved_name_is_shown_as_typed_never_as_markdown():
    """Issue 22: a saved name ``![x](http://127.0.0.2/a.png)`` made the "Saved" toast fetch
    from that host."""
    name = "![x](http://127.0.0.2/a.png)"
    at = save(start(SAVED), "c", name)
    assert [toast.value for toast in at.toast] == [f"Saved “{plain(name)}”."]


def test_a_saved_case_shows_the_headline_the_scenario_pages_compute():
    """The issue's reference case: the saved row says what the borrower owes and why, from
    the same case outcome as the scenario pages (ui.kit.cache.side_case), not the arithmetic."""
    at = start("pages/mortgage.py")
    for key, amount in (
        ("m_unpaid_principal", 312_000.0),
        ("m_sale_price", 275_000.0),
        ("m_commission_rate", 6.0),
        ("m_seller_closing_costs", 3_000.0),
    ):
        whole_page(pair(at, key).enter(amount))
    at.selectbox(key="state__widget").set_value("CA").run()
    facts = ("purchase_money", "owner_occupied", "one_to_four_units", "secured_only_by_home",
             "individual_borrower")  # fmt: skip
    for fact in facts:
        at.segmented_control(key=f"m_f_{fact}__widget").set_value("yes").run()
    expected, error = side_case(at.session_state, MORTGAGE, date.today())
    assert error is None and expected is not None
    assert expected.outcome.deficiency == Decimal("56500.00")
    assert expected.outcome.collectible == 0

    at.switch_page(SAVED).run()
    save(at, "m", "California home")
    row = next(rendered(block.value) for block in at.markdown if "California home" in block.value)
    assert f"**California home**: {expected.headline.title}" in row
    assert expected.headline.rule and expected.headline.rule in row
    assert expected.headline.reason in row
    assert "deficiency $56,500.00" in row and "borrower owes $0.00" in row


#: Other charges the scenario box takes, which make the case's loan balance too big to work out.
HUGE = "999999999999.99"


def test_a_scenario_whose_case_cannot_be_worked_out_is_not_saved():
    at = start("pages/car.py")
    at.session_state["c_other_charges"] = HUGE
    at.run()
    at.switch_page(SAVED).run()
    save(at, "c", "Huge")
    assert rendered(at.error[0].value) == (
        "Not saved: Loan balance: is above $1 trillion; check the amount."
    )
    assert not [b for b in at.button if b.key and b.key.startswith("load_")]
    assert at.text_input(key="c_save_name").value == "Huge"  # what was typed stays


def test_a_saved_scenario_that_cannot_be_worked_out_shows_why_beside_delete():
    """A snapshot saved before its case stopped computing: the page keeps the others'
    chart and rows, and this one's reason beside its Delete button, not a traceback."""
    at = save(start(SAVED), "c", "Fine")
    fine = at.session_state[SAVED_KEY][0]
    values = {**fine.document.values, "other_charges": Decimal(HUGE)}
    bad = Saved("c", replace(fine.document, name="Broken", values=values), ())
    at.session_state[SAVED_KEY] = [*at.session_state[SAVED_KEY], bad]
    at.run()
    assert not at.exception, at.exception
    row = next(rendered(block.value) for block in at.markdown if "Broken" in block.value)
    assert "cannot be worked out" in row and "Loan balance: is above $1 trillion" in row
    keys = {button.key for button in at.button}
    assert {"delete_Broken", "load_Fine", "delete_Fine"} <= keys and "load_Broken" not in keys
    figure, _ = chart(at, "saved_outcomes")
    assert len(figure["layout"]["annotations"]) == 1
    at.button(key="delete_Broken").click().run()
    assert not at.exception and "delete_Broken" not in {button.key for button in at.button}

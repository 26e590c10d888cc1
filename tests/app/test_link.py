"""AppTest: the link holds only the scenario's own short keys, and every link the app makes
opens clean: no notice, the same figures."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import metrics, pair, start, whole_page
from ui.kit.scenario_io import link_keys
from ui.scenario.sections import COLLECT

NOTICE = "could not be used"


def link_of(at: AppTest) -> dict[str, str]:
    """The address the app wrote, as name -> value."""
    return {name: str(at.query_params[name]) for name in at.query_params}


def enter(at: AppTest, key: str, amount: float) -> None:
    whole_page(pair(at, key).enter(amount))


def choose(at: AppTest, key: str, value: str) -> None:
    """Pick ``value`` in the choice under ``key``: a radio (the resolution) or segmented."""
    widget_key = f"{key}__widget"
    radios = [radio for radio in at.radio if radio.key == widget_key]
    widget = radios[0] if radios else at.segmented_control(key=widget_key)
    whole_page(widget.set_value(value).run())


def california_short_sale(at: AppTest) -> None:
    """The issue's reference case, every question answered."""
    for key, amount in (
        ("m_unpaid_principal", 312_000.0),
        ("m_sale_price", 275_000.0),
        ("m_commission_rate", 6.0),
        ("m_seller_closing_costs", 3_000.0),
    ):
        enter(at, key, amount)
    whole_page(at.selectbox(key="state__widget").set_value("CA").run())
    for fact in (
        "purchase_money",
        "owner_occupied",
        "one_to_four_units",
        "secured_only_by_home",
        "individual_borrower",
    ):
        choose(at, f"m_f_{fact}", "yes")


def arkansas_foreclosure_with_a_refused_entry(at: AppTest) -> None:
    """An amount answer (fair market value), then a refused entry left in its box."""
    choose(at, "m_exit", "foreclosure")
    whole_page(at.selectbox(key="state__widget").set_value("AR").run())
    choose(at, "m_f_foreclosure_type", "judicial")
    whole_page(at.number_input(key="m_f_fair_market_value__exact").set_value(240_000.0).run())
    enter(at, "m_sale_price", -5.0)  # refused: its box keeps -5 with a message
    assert "m_sale_price__error" in at.session_state


def alabama_car_settled(at: AppTest) -> None:
    """Another preset, a settlement, and the car's own questions (one an amount)."""
    whole_page(at.selectbox(key="c_preset__widget").set_value("car-realistic").run())
    choose(at, "c_resolution", "settled")
    enter(at, "c_settlement_percent", 37.5)
    whole_page(at.selectbox(key="state__widget").set_value("AL").run())
    choose(at, "c_f_credit_sale", "yes")
    whole_page(at.number_input(key="c_f_cash_price__exact").set_value(15_000.0).run())


def compare_both_sides(at: AppTest) -> None:
    """Both sides edited from Compare, a state answer given and then taken back."""
    enter(at, "c_sale_price", 9_100.5)
    enter(at, "m_unpaid_principal", 247_318.55)
    whole_page(at.selectbox(key="state__widget").set_value("CA").run())
    choose(at, "m_f_purchase_money", "yes")
    choose(at, "m_f_purchase_money", "unknown")


SESSIONS: dict[str, tuple[str, Callable[[AppTest], None]]] = {
    "california short sale": ("pages/mortgage.py", california_short_sale),
    "arkansas foreclosure": ("pages/mortgage.py", arkansas_foreclosure_with_a_refused_entry),
    "alabama car settled": ("pages/car.py", alabama_car_settled),
    "compare": ("pages/compare.py", compare_both_sides),
}


@pytest.mark.parametrize("name", list(SESSIONS))
def test_every_link_the_app_makes_holds_only_scenario_keys_and_opens_clean(name):
    page, actions = SESSIONS[name]
    at = start(page)
    actions(at)
    link = link_of(at)
    assert set(link) <= link_keys(), set(link) - link_keys()
    assert not [key for key in link if "__" in key]
    bookkeeping = [key for key in at.session_state if "__" in str(key)]  # present, yet left out
    assert bookkeeping

    opened = start(page, **link)
    assert not [warning.value for warning in opened.warning if NOTICE in warning.value]
    assert metrics(opened) == metrics(whole_page(at))
    assert link_of(opened) == link


def test_the_reference_case_link_carries_every_answer_and_the_bar():
    at = start("pages/mortgage.py")
    california_short_sale(at)
    link = link_of(at)
    assert link["state"] == "CA"
    assert {key for key in link if key.startswith("m_f_")} == {
        "m_f_purchase_money",
        "m_f_owner_occupied",
        "m_f_one_to_four_units",
        "m_f_secured_only_by_home",
        "m_f_individual_borrower",
    }
    opened = start("pages/mortgage.py", **link)
    shown = dict(metrics(opened))
    assert shown[COLLECT] == "$0.00"
    assert shown["Barred by state law"] == "$56,500.00"

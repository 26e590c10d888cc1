"""AppTest: every page's own inputs live in the link (ui.kit.page_link).

A link holding a changed value for each of the 78 inputs of Over time, Break-even and odds,
Credit report, Taxes and Paying it off opens on those values on every page and is written
back whole; a bad value is named in the notice and only it keeps its default.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import pair, pair_keys, start, whole_page
from ui.explore.link_inputs import EXPLORE_INPUTS
from ui.next_steps.link_inputs import NEXT_STEPS_INPUTS

NOTICE = "could not be used"
#: What app.py registers.
FIELDS = {field.key: field for field in EXPLORE_INPUTS + NEXT_STEPS_INPUTS}
KEYS = frozenset(FIELDS)
PAGES = (
    "pages/time.py",
    "pages/odds.py",
    "pages/credit.py",
    "pages/taxes.py",
    "pages/collection.py",
)

#: A value other than the page's own start for every page input, as a link writes it.
EVERY_INPUT = {
    "t_side": "c",
    "t_m_loan": "240000",
    "t_m_rate": "5.25",
    "t_m_term": "300",
    "t_m_start": "2019-03-01",
    "t_m_payments": "40",
    "t_m_price": "260000",
    "t_m_months": "18",
    "t_m_late_fee": "60",
    "t_m_change": "-4.5",
    "t_m_escrow": "350",
    "t_c_loan": "21000",
    "t_c_rate": "8.5",
    "t_c_term": "72",
    "t_c_start": "2023-05-01",
    "t_c_payments": "20",
    "t_c_price": "23000",
    "t_c_months": "9",
    "t_c_late_fee": "35",
    "t_c_drop1": "25",
    "t_c_drop2": "12",
    "o_side": "c",
    "o_steps": "60",
    "o_seed": "7",
    "o_distribution": "normal",
    "o_m_prices": "110000~290000",
    "o_m_fees": "1000~40000",
    "o_m_tornado_field": "sale_price",
    "o_m_unpaid_principal_range": "210000~290000",
    "o_m_sale_price_range": "150000~250000",
    "o_m_accrued_interest_range": "1000~9000",
    "o_m_commission_rate_range": "4~7",
    "o_m_attorney_fees_range": "500~4000",
    "o_m_expected": "210000",
    "o_m_spread": "12.5",
    "o_c_prices": "2000~12000",
    "o_c_fees": "100~3000",
    "o_c_tornado_field": "auction_fee",
    "o_c_unpaid_principal_range": "12000~20000",
    "o_c_sale_price_range": "5000~11000",
    "o_c_accrued_interest_range": "100~900",
    "o_c_retaking_fee_range": "100~600",
    "o_c_auction_fee_range": "50~700",
    "o_c_reconditioning_range": "0~1500",
    "o_c_expected": "8600",
    "o_c_spread": "20",
    "n_side": "c",
    "r_path": "charged_off",
    "r_first_missed": "2025-02-01",
    "r_months_to_sale": "7",
    "r_months_to_resolution": "5",
    "x_debt_before": "19000",
    "x_still_owed": "1500",
    "x_fmv": "9000",
    "x_basis": "25000",
    "x_proceeds": "100",
    "x_debt_type": "nonrecourse",
    "x_personal": "no",
    "x_title11": "yes",
    "x_home_loan": "no",
    "x_written": "2025-06-30",
    "x_separate": "yes",
    "x_liabilities": "50000",
    "x_assets": "30000",
    "x_elect_insolvency": "yes",
    "x_rate": "24",
    "p_rate_from": "US",
    "p_judgment_date": "2025-09-15",
    "p_debt_type": "business",
    "p_rate": "7.5",
    "p_costs": "900",
    "p_earnings": "500",
    "p_period": "biweekly",
    "p_gross": "1200",
    "p_settle": "40",
    "p_tax_rate": "12",
    "p_plan_months": "36",
    "p_plan_rate": "3",
}


def link_of(at: AppTest) -> dict[str, str]:
    return {name: str(at.query_params[name]) for name in at.query_params}


def notice(at: AppTest) -> str:
    return " ".join(warning.value for warning in at.warning if NOTICE in warning.value)


def shown(at: AppTest) -> dict[str, Any]:
    """Each page input's control on this page, by its state key: its value as drawn."""
    drawn = {}
    for kind in ("number_input", "slider", "select_slider", "date_input", "toggle", "selectbox"):
        for widget in at.get(kind):
            key = str(getattr(widget, "key", "") or "")
            for suffix in ("__widget", "__exact"):
                key = key.removesuffix(suffix)
            if key in KEYS:
                drawn.setdefault(key, widget.value)
    for widget in at.get("button_group"):
        key = str(widget.key or "").removesuffix("__widget")
        if key in KEYS:
            drawn[key] = widget.value[0] if isinstance(widget.value, list) else widget.value
    for key in pair_keys(at):
        if key in KEYS:  # a slider-and-box pair: its range's value
            drawn.setdefault(key, pair(at, key).value)
    return drawn


def as_link(value: Any) -> str:
    """A control's value as the link writes it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return "~".join(as_link(end) for end in value)
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else str(int(value))
    return str(value.isoformat() if hasattr(value, "isoformat") else value)


def test_every_page_input_is_a_link_parameter() -> None:
    assert set(EVERY_INPUT) == KEYS
    assert len(KEYS) == 78


def test_a_link_with_every_page_input_opens_on_those_values_on_every_page() -> None:
    at = start(**EVERY_INPUT)
    assert not notice(at)
    seen: dict[str, str] = {}
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, at.exception
        assert not notice(at), page
        for key, value in shown(at).items():
            seen[key] = as_link(value)
            assert seen[key] == EVERY_INPUT[key], (page, key, value)
    # Each page draws the inputs of the scenario it shows: most of them, not the other side's.
    assert len(seen) >= 35, sorted(seen)
    link = link_of(at)
    assert {key: link.get(key) for key in EVERY_INPUT} == EVERY_INPUT


def test_an_untouched_page_adds_nothing_but_its_dates_to_the_link() -> None:
    at = start()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    assert set(link_of(at)) & KEYS <= {"r_first_missed", "p_judgment_date"}


def test_a_changed_input_goes_in_the_link_and_a_reload_keeps_it() -> None:
    at = start("pages/time.py")
    whole_page(pair(at, "t_m_rate").enter(4.75))
    whole_page(at.date_input(key="t_m_start").set_value(date(2018, 1, 1)).run())
    link = link_of(at)
    assert link["t_m_rate"] == "4.75" and link["t_m_start"] == "2018-01-01"
    again = start("pages/time.py", **link)
    assert str(again.session_state["t_m_rate"]) == "4.75"
    assert pair(again, "t_m_rate").entry_number == 4.75
    assert link_of(again) == link


#: A bad value for inputs of every kind, and the fields whose message names them.
BAD = {
    "t_m_rate": "120",
    "t_m_term": "2.5",
    "t_m_start": "2019-02-30",
    "t_m_change": "-150",
    "t_m_loan": "-5",
    "o_seed": "seed",
    "o_steps": "1",
    "o_m_prices": "300000~100000",
    "o_c_fees": "5~",
    "o_distribution": "uniform",
    "r_path": "forgiven",
    "r_months_to_sale": "NaN",
    "x_liabilities": "1E+999999",
    "x_personal": "maybe",
    "x_written": "30/06/2025",
    "p_rate": "101",
    "p_plan_months": "361",
    "p_tax_rate": "23",
}


@pytest.mark.parametrize("bad", sorted(BAD))
def test_a_bad_page_input_is_named_and_the_others_load(bad: str) -> None:
    link = dict(EVERY_INPUT) | {bad: BAD[bad]}
    at = start(**link)
    assert f"`{bad}`" in notice(at)
    assert sum(f"`{key}`" in notice(at) for key in KEYS) == 1
    for key, value in EVERY_INPUT.items():
        if key != bad:
            assert FIELDS[key].kind.text(at.session_state[key]) == value, key
    assert bad not in at.session_state

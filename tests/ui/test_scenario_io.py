"""The scenario in a URL and in files: round trips, and hostile input never breaks anything."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from deficiency import LoanKind, from_json, to_json
from deficiency.scenarios import parse_field
from deficiency.serialize import input_fields_for
from ui.kit.cache import side_outcome
from ui.kit.scenario_io import (
    apply_document,
    load_params,
    load_upload,
    safe_names,
    side_document,
    url_params,
)
from ui.kit.sides import CAR, MORTGAGE, SIDES
from ui.kit.state import init_state, load_preset, values


def fresh() -> dict:
    state: dict = {}
    init_state(state)
    return state


def test_a_fresh_session_is_two_preset_names_in_the_url():
    assert url_params(fresh()) == {"m_preset": "short-sale-example", "c_preset": "car-example"}


def test_url_round_trip_restores_every_input_exactly():
    state = fresh()
    load_preset(state, MORTGAGE, "short-sale-realistic")
    state["m_unpaid_principal"] = "247318.55"
    state["m_exit"] = "foreclosure"
    state["c_resolution"] = "settled"
    state["c_settlement_percent"] = "37.5"
    state["c_storage_days"] = "45"
    state["state"] = "CA"
    state["m_f_purchase_money"] = "yes"
    params = url_params(state)
    restored = fresh()
    assert load_params(restored, params) == []
    assert url_params(restored) == params
    for side in SIDES:
        assert values(restored, side) == values(state, side)
    assert restored["m_f_purchase_money"] == "yes"


@given(st.floats(0, 100).map(lambda f: round(f, 4)))
def test_every_percentage_a_widget_can_store_survives_the_link(percent):
    state = fresh()
    state["c_resolution"] = "settled"
    # What the exact box's callback stores (ui.kit.inputs._store): the package's reading.
    share = input_fields_for(LoanKind.AUTO)["settlement_percent"]
    state["c_settlement_percent"] = str(parse_field(share, percent))
    restored = fresh()
    assert load_params(restored, url_params(state)) == []
    assert Decimal(restored["c_settlement_percent"]) == Decimal(state["c_settlement_percent"])


def test_a_link_percentage_finer_than_four_places_or_a_misplaced_comma_is_named():
    """Issue 22: ?c_settlement_percent=1E-999999 passed the link and the Report page printed
    a megabyte of zeros; ?c_sale_price=8.500,00 was read as $8.50."""
    state = fresh()
    ignored = load_params(
        state,
        {
            "c_resolution": "settled",
            "c_settlement_percent": "1E-999999",
            "m_commission_rate": "0.00001",
            "c_sale_price": "8.500,00",
            "m_sale_price": "1,00",
        },
    )
    assert sorted(ignored) == [
        "c_sale_price", "c_settlement_percent", "m_commission_rate", "m_sale_price"
    ]  # fmt: skip
    assert state["c_sale_price"] == fresh()["c_sale_price"]
    assert state["c_settlement_percent"] == fresh()["c_settlement_percent"]


def test_bad_parameters_are_named_and_the_rest_still_load():
    state = fresh()
    ignored = load_params(
        state,
        {
            "c_sale_price": "9000",
            "m_sale_price": "-5",
            "c_exit": "teleport",
            "m_preset": "nope",
            "state": "Narnia",
            "m_f_purchase_money": "perhaps",
            "<script>": "x",
            "c_storage_days": "1e308",
        },
    )
    assert sorted(ignored) == sorted(
        ["m_preset", "m_sale_price", "c_exit", "state", "m_f_purchase_money", "<script>",
         "c_storage_days"]
    )  # fmt: skip
    assert state["c_sale_price"] == "9000.00"
    assert state["m_sale_price"] == "200000.00"  # the preset's value, untouched
    assert safe_names(["c_exit", "<script>", "a b"]) == ["c_exit", "2 unreadable names"]


hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "NaN", "-1", "1e308", "inf", "<b>x</b>", "'; DROP", "\u202e", "9" * 500]),
)


@given(st.dictionaries(st.text(max_size=30), hostile_text, max_size=8))
def test_hostile_query_strings_never_raise_and_leave_valid_state(params):
    state = fresh()
    ignored = load_params(state, params)
    assert set(ignored) <= set(params)
    for side in SIDES:  # everything left in the state still computes
        side_document(state, side)
    url_params(state)


@given(
    st.sampled_from(SIDES),
    st.decimals(min_value=0, max_value=Decimal("1e9"), places=2),
    st.decimals(min_value=0, max_value=Decimal("1e9"), places=2),
)
def test_json_export_then_import_gives_identical_results(side, owed, price):
    state = fresh()
    state[side.key("unpaid_principal")] = str(owed)
    state[side.key("sale_price")] = str(price)
    document = side_document(state, side, name="Client A")
    restored = fresh()
    apply_document(restored, side, from_json(to_json(document)))
    assert values(restored, side) == values(state, side)
    assert side_document(restored, side).outcome() == document.outcome()


def test_an_uploaded_file_loads_into_its_side_and_a_bad_one_changes_nothing():
    document = {
        "format": "deficiency-scenario",
        "version": 1,
        "kind": "auto",
        "exit": "voluntary_surrender",
        "resolution": "settled",
        "values": {"unpaid_principal": "12000", "sale_price": "7000", "settlement_percent": "25"},
    }
    state = fresh()
    assert load_upload(state, CAR, json.dumps(document).encode()) is None
    outcome = side_document(state, CAR).outcome()
    assert outcome.deficiency == Decimal("5000.00")
    assert outcome.borrower_owes == Decimal("1250.00")
    before = dict(state)
    problem = load_upload(state, CAR, b'{"kind": "mortgage", "values": []}')
    assert problem is not None and "Nothing was changed" in problem
    assert load_upload(state, MORTGAGE, json.dumps(document).encode()) == (
        "This file holds a car loan scenario; load it on that page. Nothing was changed."
    )
    assert load_upload(state, CAR, b"{" * 300_000).startswith("This file is 300,000 bytes")
    assert state == before


def test_a_link_with_hundreds_of_bad_names_lists_ten_and_counts_the_rest():
    names = [f"bad{number}" for number in range(300)] + ["<img>"]
    shown = safe_names(names)
    assert shown[:10] == [f"bad{number}" for number in range(10)]
    assert shown[10:] == ["1 unreadable name", "290 more"]


def test_a_file_keeps_the_state_law_answers_so_the_collectible_figure_comes_back():
    # A California short sale barred by 580b: without its answers, a loaded file showed
    # $50,000 owed where the saved scenario owed nothing.
    state = fresh()
    state["state"] = "CA"
    state["m_resolution"] = "judgment"
    answers = {"purchase_money": "yes", "owner_occupied": "yes", "one_to_four_units": "yes"}
    for fact, answer in answers.items():
        state[f"m_f_{fact}"] = answer
    state["m_f_seller_financed"] = "unknown"  # unknown answers are not written
    text = to_json(side_document(state, MORTGAGE))
    assert json.loads(text)["facts"] == answers
    restored = fresh()
    restored["m_f_junior_lien"] = "yes"  # an answer the file does not hold is cleared
    assert load_upload(restored, MORTGAGE, text.encode()) is None
    assert {key: restored[key] for key in restored if key.startswith("m_f_")} == {
        **{f"m_f_{fact}": answer for fact, answer in answers.items()},
        "m_f_junior_lien": "unknown",
    }
    assert side_outcome(restored, MORTGAGE).outcome.borrower_owes == Decimal("0.00")


def test_a_file_with_a_bad_answer_is_refused_naming_it():
    state = fresh()
    document = json.loads(to_json(side_document(state, MORTGAGE)))
    document["facts"] = {"purchase_money": "maybe", "favourite_colour": "yes"}
    problem = load_upload(state, MORTGAGE, json.dumps(document).encode())
    assert problem is not None and "purchase_money" in problem and "favourite_colour" in problem


def test_a_link_answer_is_read_as_the_package_reads_it_and_an_unknown_fact_is_named():
    # deficiency.assessment.fact_answer: the same reading as a file's answers.
    state = fresh()
    ignored = load_params(
        state, {"c_f_zzz": "yes", "m_f_purchase_money": " Yes ", "m_f_fair_market_value": "$1,000"}
    )
    assert ignored == ["c_f_zzz"]
    assert (state["m_f_purchase_money"], state["m_f_fair_market_value"]) == ("yes", "1000.00")


def test_a_file_with_a_5000_digit_number_is_refused_in_the_users_words():
    """Issue 22: the upload error quoted Python ("use sys.set_int_max_str_digits() ...")."""
    state = fresh()
    before = dict(state)
    text = (
        '{"format": "deficiency-scenario", "version": 1, "kind": "auto", "exit": '
        '"repossession", "resolution": "waived", "values": {"sale_price": ' + "9" * 5000 + "}}"
    )
    problem = load_upload(state, CAR, text.encode())
    assert problem == (
        "This file could not be loaded: document: is not a usable JSON document (a number "
        "of 5,000 digits is not an amount). Nothing was changed."
    )
    assert state == before

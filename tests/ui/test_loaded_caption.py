"""The line above a side's inputs names the preset as loaded, or as changed from."""

from __future__ import annotations

from deficiency import preset
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import init_state, load_preset, loaded_caption


def fresh() -> dict:
    state: dict = {}
    init_state(state)
    return state


def test_a_loaded_preset_reads_as_loaded_on_both_sides():
    state = fresh()
    for side in (MORTGAGE, CAR):
        summary = preset(state[side.preset_key]).summary
        assert loaded_caption(state, side) == f"As loaded: {summary}"


def test_any_figure_in_use_changed_reads_changed_from_and_changing_it_back_reads_loaded():
    state = fresh()
    summary = preset(state[MORTGAGE.preset_key]).summary
    loaded = state["m_sale_price"]
    state["m_sale_price"] = "190000.00"
    assert loaded_caption(state, MORTGAGE) == f"Changed from: {summary}"
    assert loaded_caption(state, CAR).startswith("As loaded: ")  # the other side is untouched
    state["m_sale_price"] = loaded.rstrip("0")  # the same amount, written another way
    assert loaded_caption(state, MORTGAGE) == f"As loaded: {summary}"


def test_another_exit_or_resolution_is_a_change():
    state = fresh()
    state["m_exit"] = "foreclosure" if state["m_exit"] != "foreclosure" else "short_sale"
    assert loaded_caption(state, MORTGAGE).startswith("Changed from: ")
    state = fresh()
    state["c_resolution"] = "settled" if state["c_resolution"] != "settled" else "judgment"
    assert loaded_caption(state, CAR).startswith("Changed from: ")


def test_a_figure_the_chosen_path_does_not_read_is_no_change():
    state = fresh()
    assert state["c_resolution"] != "settled"
    state["c_settlement_percent"] = "12.5"  # read only by a settlement
    assert loaded_caption(state, CAR).startswith("As loaded: ")


def test_loading_another_preset_reads_as_loaded_with_its_own_summary():
    state = fresh()
    state["c_sale_price"] = "1.00"
    load_preset(state, CAR, "car-realistic")
    assert loaded_caption(state, CAR) == f"As loaded: {preset('car-realistic').summary}"

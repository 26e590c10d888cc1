"""AppTest: Learn's "Load this example" over a changed scenario offers Undo, which puts it back."""

from __future__ import annotations

from tests.helpers import pair, start, whole_page


def link_of(at) -> dict[str, str]:
    return {name: str(at.query_params[name]) for name in at.query_params}


def undo_buttons(at) -> list[str]:
    return [button.key for button in at.button if str(button.key).startswith("l_undo_")]


def test_undo_puts_back_the_changed_scenario_the_example_replaced():
    at = start("pages/mortgage.py")
    whole_page(pair(at, "m_sale_price").enter(190_000.0))
    at.segmented_control(key="m_exit__widget").set_value("foreclosure").run()
    before = {key: at.session_state[key] for key in ("m_sale_price", "m_exit", "m_preset")}
    link_before = link_of(at)
    at.switch_page("pages/learn.py").run()
    at.button(key="l_load_m").click().run()
    assert not at.exception
    assert at.session_state["m_sale_price"] != before["m_sale_price"]
    assert at.session_state["m_exit"] != "foreclosure"
    notes = [
        block.value for block in at.markdown if "replaced your mortgage scenario" in block.value
    ]
    assert notes and undo_buttons(at) == ["l_undo_m"]

    at.button(key="l_undo_m").click().run()
    assert not at.exception
    assert {key: at.session_state[key] for key in before} == before
    assert link_of(at) == link_before
    assert not undo_buttons(at)
    at.switch_page("pages/mortgage.py").run()
    assert pair(at, "m_sale_price").entry_number == 190_000.0


def test_loading_over_the_example_itself_replaces_nothing_and_offers_no_undo():
    at = start("pages/learn.py")
    at.button(key="l_load_m").click().run()
    assert not at.exception
    assert not undo_buttons(at)


def test_undo_is_offered_only_while_the_example_stands_unchanged():
    at = start("pages/mortgage.py")
    whole_page(pair(at, "m_sale_price").enter(190_000.0))
    at.switch_page("pages/learn.py").run()
    at.button(key="l_load_m").click().run()
    assert undo_buttons(at) == ["l_undo_m"]
    at.switch_page("pages/mortgage.py").run()
    whole_page(pair(at, "m_sale_price").enter(150_000.0))
    at.switch_page("pages/learn.py").run()
    assert not undo_buttons(at)  # an edit since the load: Undo would throw it away

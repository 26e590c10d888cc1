"""AppTest: a shared URL restores the scenario; bad links get a notice; files load back."""

from __future__ import annotations

from tests.helpers import metrics, pair, start


def value_of(at, label: str, index: int = 0) -> str:
    return [value for name, value in metrics(at) if name == label][index]


def test_a_shared_url_restores_the_inputs_and_the_numbers():
    at = start(c_preset="car-realistic", c_sale_price="9100.5", m_unpaid_principal="247318.55")
    assert not at.warning
    assert at.session_state["c_sale_price"] == "9100.50"
    assert value_of(at, "Deficiency", 0) == "$47,318.55"
    assert value_of(at, "Deficiency", 1) == "$2,028.72"


def test_a_hostile_link_gets_a_notice_naming_what_was_ignored_and_no_traceback():
    at = start(c_sale_price="<img src=x onerror=alert(1)>", m_exit="x" * 5000, zz="1")
    assert not at.exception
    notice = " ".join(warning.value for warning in at.warning)
    assert "`c_sale_price`" in notice and "`m_exit`" in notice and "`zz`" in notice
    assert "<img" not in notice
    assert value_of(at, "Deficiency", 1) == "$2,000.00"
    at.button(key="url_notice_dismiss").click().run()
    assert not at.warning


def test_the_url_follows_every_change():
    at = start()
    pair(at, "c_sale_price").enter(8000.0)
    assert at.query_params["c_sale_price"] == ["8000"] or at.query_params["c_sale_price"] == "8000"


def test_scenario_pages_offer_downloads_and_an_upload():
    at = start("pages/car.py")
    labels = {button.proto.label for button in at.get("download_button")}
    assert {"Download scenario (JSON)", "Download statement (CSV)"} <= labels
    assert at.get("file_uploader")

"""ui.kit.page_link: each kind writes what the state holds and reads it back, refusing the rest."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ui.kit import page_link
from ui.kit.page_link import Field, choice, constant, day, money, number, percent, span, whole
from ui.next_steps.link_inputs import NEXT_STEPS_INPUTS

FIELDS = (
    Field("k_money", money(), constant("100.00")),
    Field("k_unknown", money(optional=True), constant("")),
    Field("k_count", whole(0, 240, optional=True), lambda state: state.get("k_count__follows", "")),
    Field("k_seed", whole(0, 9, as_int=True), constant(1)),
    Field(
        "k_day", day(date(1990, 1, 1), date(2060, 12, 31), as_date=True), constant(date(2021, 6, 1))
    ),
    Field("k_change", number(-99.0, 100.0), constant(-3.0)),
    Field("k_share", percent(), constant("50")),
    Field("k_pick", choice(("a", "b")), constant("a")),
    Field("k_range", span(1000.0), constant((0.0, 10.0))),
)


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """These fields alone, in a registry of their own (the app's is left as it was)."""
    monkeypatch.setattr(page_link, "_FIELDS", {})
    page_link.register(FIELDS)


def round_trip(state: dict[str, Any]) -> dict[str, Any]:
    params = page_link.page_params(state)
    loaded: dict[str, Any] = {}
    assert page_link.load_page_params(loaded, params) == []
    return loaded


def test_only_what_differs_from_the_start_is_written() -> None:
    state: dict[str, Any] = {
        "k_money": "100.00",
        "k_unknown": "",
        "k_count": "",
        "k_seed": 1,
        "k_day": date(2021, 6, 1),
        "k_change": -3.0,
        "k_share": "50",
        "k_pick": "a",
        "k_range": (0.0, 10.0),
    }
    assert page_link.page_params(state) == {}


def test_every_kind_round_trips_as_the_state_holds_it() -> None:
    state: dict[str, Any] = {
        "k_money": "1234.50",
        "k_unknown": "99.99",
        "k_count": "7",
        "k_seed": 4,
        "k_day": date(2019, 3, 1),
        "k_change": -4.5,
        "k_share": "12.25",
        "k_pick": "b",
        "k_range": (100.0, 900.5),
    }
    assert page_link.page_params(state)["k_range"] == "100~900.5"
    loaded = round_trip(state)
    assert loaded == state | {"k_money": "1234.50", "k_unknown": "99.99", "k_share": "12.25"}


def test_an_empty_box_that_means_assumed_round_trips_as_empty() -> None:
    # The count follows a scenario figure (12): emptied by the user, it is written empty.
    state = {"k_count": "", "k_count__follows": "12", "k_unknown": ""}
    assert page_link.page_params(state) == {"k_count": ""}
    assert round_trip(state) == {"k_count": ""}


def test_each_bad_value_is_refused_alone() -> None:
    params = {
        "k_money": "-1",
        "k_count": "241",
        "k_seed": "2.5",
        "k_day": "2019-02-30",
        "k_change": "inf",
        "k_share": "100.5",
        "k_pick": "c",
        "k_range": "9~1",
        "k_unknown": "5",
        "other": "left alone",
    }
    state: dict[str, Any] = {}
    refused = page_link.load_page_params(state, params)
    assert sorted(refused) == sorted(set(params) - {"k_unknown", "other"})
    assert state == {"k_unknown": "5.00"}


def test_the_next_steps_dates_and_gaps_may_be_empty() -> None:
    empty = {field.key: "" for field in NEXT_STEPS_INPUTS if field.key.startswith("r_")}
    empty.pop("r_path")
    state: dict[str, Any] = {}
    page_link.register(NEXT_STEPS_INPUTS)
    assert page_link.load_page_params(state, empty) == []
    assert state == empty

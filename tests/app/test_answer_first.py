"""AppTest: each scenario page shows its answer (the case's headline) before the inputs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import metrics, pair, start

#: The issue's reference case: a California short sale, every state question answered yes.
CALIFORNIA = {
    "m_preset": "short-sale-example",
    "m_exit": "short_sale",
    "m_unpaid_principal": "312000",
    "m_sale_price": "275000",
    "m_commission_rate": "6",
    "m_seller_closing_costs": "3000",
    "m_resolution": "judgment",
    "state": "CA",
    "m_f_purchase_money": "yes",
    "m_f_owner_occupied": "yes",
    "m_f_one_to_four_units": "yes",
    "m_f_secured_only_by_home": "yes",
    "m_f_individual_borrower": "yes",
}
UNANSWERED = {name: value for name, value in CALIFORNIA.items() if "_f_" not in name}
#: A small Wisconsin car loan pursued in court, its state question not answered.
WISCONSIN_CAR = {
    "c_unpaid_principal": "1000",
    "c_sale_price": "300",
    "c_retaking_fee": "0",
    "c_resolution": "judgment",
    "state": "WI",
}


def first_metrics(at: Any) -> dict[str, str]:
    """Each metric's first value by label: the mortgage's on Compare."""
    shown: dict[str, str] = {}
    for label, value in metrics(at):
        shown.setdefault(label, value)
    return shown


def walk(node: Any) -> Iterator[Any]:
    """Every element of the page in the order it is drawn."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def is_answer(node: Any) -> bool:
    """The answer block's element (the figure cards are HTML elements too)."""
    return node.type == "html" and 'class="answers"' in node.proto.body


def is_input(node: Any) -> bool:
    """A slider, a number box, or a slider-and-box pair (ui.kit.amount_pair)."""
    if node.type == "bidi_component":
        return bool(node.proto.component_name.endswith("deficiency_amount_pair"))
    return node.type in ("slider", "number_input")


def answers_before_inputs(at: Any) -> list[str]:
    """The answer blocks' text (tags stripped); fails if any input is drawn before them."""
    order = list(walk(at.main))
    answers = [index for index, node in enumerate(order) if is_answer(node)]
    inputs = [index for index, node in enumerate(order) if is_input(node)]
    assert answers and inputs
    assert max(answers) < min(inputs), "an input is drawn above the answer"
    bodies = [order[index].proto.body for index in answers]
    return [re.sub(r"<style>.*?</style>|<[^>]+>", " ", body) for body in bodies]


@pytest.mark.parametrize("page", [None, "pages/mortgage.py"])
def test_the_california_case_says_nothing_is_owed_and_names_the_rule_first(page) -> None:
    at = start(page, **CALIFORNIA)
    (answer,) = answers_before_inputs(at)
    assert "Mortgage" in answer and "You would owe nothing" in answer
    assert "California law bars" in answer and "$56,500.00" in answer
    assert "580b" in answer and "580e" in answer
    shown = first_metrics(at)
    assert shown["You still owe"] == "$0.00"
    assert shown["Gross shortfall [deficiency]"] == "$56,500.00"
    assert "Deficiency" not in shown  # no bare figure that reads as what is owed


def test_unanswered_state_questions_give_both_ends_and_the_questions() -> None:
    at = start("pages/mortgage.py", **UNANSWERED)
    (answer,) = answers_before_inputs(at)
    assert "$0.00 or $56,500.00: it depends on 6 questions below" in answer
    assert "Was this the loan you used to buy the home" in answer
    shown = first_metrics(at)
    assert shown["At most you would owe"] == "$56,500.00"
    assert "You still owe" not in shown  # no large figure the next answer may remove
    assert not any("You would still owe" in block.value for block in at.markdown)


def test_the_car_page_shows_its_answer_first_and_a_move_redraws_it() -> None:
    at = start("pages/car.py", **WISCONSIN_CAR)
    (answer,) = answers_before_inputs(at)
    assert "Car loan" in answer and "$0.00 or $700.00: it depends on" in answer
    assert "dealer" in answer  # the question it turns on, in plain words
    pair(at, "c_sale_price").enter(400.0)
    assert not at.exception
    redrawn = [node.proto.body for node in walk(at.main) if is_answer(node)]
    assert any("$0.00 or $600.00" in body for body in redrawn)


def test_compare_shows_both_answers_before_either_sides_inputs() -> None:
    at = start(None, **{**CALIFORNIA, **WISCONSIN_CAR, "state": "CA"})
    (answers,) = answers_before_inputs(at)
    assert answers.index("Mortgage") < answers.index("Car loan")
    assert "You would owe nothing" in answers
    assert "$0.00 or $700.00" in answers  # the car's California questions are open
    (who,) = [caption.value for caption in at.caption if caption.value.startswith("Mortgage: ")]
    assert "nothing is left owing" in who
    assert "owes up to $700, depending on the state questions" in who


def loaded_lines(at: Any) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith(("As loaded", "Changed from"))]


@pytest.mark.parametrize(
    ("page", "key"), [("pages/car.py", "c_sale_price"), ("pages/compare.py", "m_sale_price")]
)
def test_a_move_turns_as_loaded_into_changed_from_in_the_same_redraw(page, key) -> None:
    at = start(page)
    assert any(line.startswith("As loaded: ") for line in loaded_lines(at))
    pair(at, key).enter(1234.0)  # reruns regions only
    assert not at.exception
    assert any(line.startswith("Changed from: ") for line in loaded_lines(at)), loaded_lines(at)

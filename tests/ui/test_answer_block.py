"""The answer block's HTML: escaped text, one heading at the page's level, folded questions."""

from __future__ import annotations

from decimal import Decimal

from deficiency import AnswerKind, Headline
from ui.scenario.answer import answers_html, block_key, region_key

OPEN = Headline(
    AnswerKind.DEPENDS,
    Decimal("700.00"),
    Decimal("0.00"),
    "$0.00 or $700.00: it depends on one question below",
    "Wisconsin law <may> bar it.",
    ("credit_sale",),
)


def test_every_text_is_escaped_and_the_questions_are_asked_in_plain_words() -> None:
    html = answers_html([("c", "Car loan", OPEN)], level=3)
    assert "Wisconsin law &lt;may&gt; bar it." in html
    assert '<h3 class="answer-title" id="c-answer-title">$0.00 or $700.00' in html
    assert html.count("<h3") == 1 and "<h2" not in html
    assert "<details><summary>The question</summary>" in html
    assert "Did you sign the car contract at the dealer" in html
    assert 'aria-labelledby="c-answer-title"' in html


def test_the_block_sticks_by_its_containers_key_and_names_its_rule() -> None:
    nothing = Headline(
        AnswerKind.OWES_NOTHING,
        Decimal("0.00"),
        Decimal("0.00"),
        "You would owe nothing",
        "California law bars it.",
        rule="Cal. Code Civ. Proc. 580e",
    )
    html = answers_html([("m", "Mortgage", nothing), ("c", "Car loan", OPEN)])
    assert region_key(["m", "c"]) == "m_c_answer" and block_key(["m"]) == "m_answer_block"
    assert ":has(> .st-key-m_c_answer_block){position:sticky" in html
    assert "<strong>The rule:</strong> Cal. Code Civ. Proc. 580e" in html
    assert html.index("Mortgage: the answer") < html.index("Car loan: the answer")
    assert "<details>" in html and html.count("<details>") == 1  # only the open answer

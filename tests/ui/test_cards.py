"""The figure cards' HTML: one labelled group, a card per figure, every text escaped."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ui.kit.cards import Card, cards_html


def test_each_figure_is_a_term_and_its_value_in_one_named_group() -> None:
    html = cards_html(
        [Card("You still owe", "$2,000.00"), Card("Deficiency", "$2,000.00", "What is left.")],
        "Car loan: the figures",
    )
    assert html.count("<style>") == 1  # one element: the style travels with the block
    assert (
        '<div class="figure-group" role="group" aria-label="Car loan: the figures">'
        '<dl class="figure-cards">'
    ) in html
    assert re.findall(r"<dt>(.*?)</dt>", html) == ["You still owe", "Deficiency"]
    assert re.findall(r'<dd class="figure-value">(.*?)</dd>', html) == ["$2,000.00"] * 2
    # A note is visible text in its card, so a screen reader and a keyboard user get it.
    assert html.count('class="figure-note"') == 1
    assert '<dd class="figure-note">What is left.</dd></div>' in html


def test_every_text_is_escaped() -> None:
    html = cards_html(
        [Card("<b>Fee</b> & costs", "<script>x</script>", 'A "note" <i>')], 'The <"name">'
    )
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;b&gt;Fee&lt;/b&gt; &amp; costs" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'aria-label="The &lt;&quot;name&quot;&gt;"' in html


def test_cards_wrap_and_take_a_whole_row_on_a_phone() -> None:
    html = cards_html([Card("A", "1")], "n")
    assert "flex-wrap:wrap" in html
    assert "@media (max-width:640px){.figure-group .figure-card{flex-basis:100%}" in html


def test_no_page_draws_a_figure_with_st_metric() -> None:
    # Each block of figures is one card element (docs/performance.md); a metric is several.
    root = Path(__file__).resolve().parents[2]
    calls = [
        f"{path.relative_to(root)}:{node.lineno}"
        for folder in ("pages", "ui")
        for path in sorted((root / folder).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "metric"
    ]
    assert calls == [], "use ui.kit.cards.show_cards instead of st.metric"

"""The answer first: a side's headline as one accessible HTML block above its inputs.

One ``st.html`` element holds the whole block (title, reason, rule, open questions), so a
slider move redraws one element; its style keeps it in view (``position: sticky``) while
the inputs below it are edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from deficiency import AnswerKind, Headline, fact_question
from ui.kit.i18n import _, ngettext

#: The block's frame colour by answer (text stays #0B1220 on white: 4.5:1 and more).
_ACCENT = {
    AnswerKind.OWES: "#B3261E",
    AnswerKind.OWES_NOTHING: "#1E6B35",
    AnswerKind.DEPENDS: "#0B5394",
}

#: Streamlit's fixed top bar is 3.75rem high: the block sticks just below it.
_TOP_BAR = "3.75rem"


def region_key(prefixes: Sequence[str]) -> str:
    """The key of the region that draws the answers of these sides, e.g. ``m_answer``."""
    return "_".join(prefixes) + "_answer"


def block_key(prefixes: Sequence[str]) -> str:
    """The key of the container that holds the answers, e.g. ``m_answer_block``."""
    return region_key(prefixes) + "_block"


def answer_style(prefixes: Sequence[str]) -> str:
    """The block's CSS: kept in view below the top bar, on an opaque background; two
    answers side by side on a wide screen, one above the other on a phone.

    On a phone, once the block sticks (a scroll-state container query, where the browser
    has them), only the sides, titles and rule stay, so the input being edited stays in view.
    """
    # The keyed container sits in a layout wrapper of its own height: the wrapper sticks.
    block = f'[data-testid="stLayoutWrapper"]:has(> .st-key-{block_key(prefixes)})'
    return (
        f"{block}{{position:sticky;top:{_TOP_BAR};z-index:4;background:#FFFFFF;"
        "padding:0.25rem 0;container-type:scroll-state}"
        # A focused input scrolls clear of the block rather than under it.
        f'[data-testid="stMain"]:has({block}){{scroll-padding-top:12rem}}'
        "@media (max-width:640px){@container scroll-state(stuck:top){"
        ".answer-first .answer-reason,.answer-first details"
        "{display:none}}}"
        ".answers{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));"
        "gap:0.5rem 1rem}"
        ".answer-first{border:2px solid var(--answer-accent);border-left-width:0.5rem;"
        "border-radius:0.5rem;padding:0.5rem 0.75rem;background:#FFFFFF;color:#0B1220}"
        ".answer-first .answer-side{margin:0;font-size:0.875rem;font-weight:600}"
        ".answer-first .answer-title{margin:0.125rem 0;padding:0;font-size:1.375rem;"
        "line-height:1.3;font-weight:700;scroll-margin-top:0}"
        ".answer-first p{margin:0.25rem 0 0;font-size:0.9375rem;line-height:1.4}"
        ".answer-first details{margin:0.25rem 0 0;font-size:0.9375rem}"
        ".answer-first summary{cursor:pointer;font-weight:600;color:#0B5394}"
        ".answer-first ul{margin:0.125rem 0 0;padding-left:1.25rem}"
        ".answer-first li{margin:0}"
        "@media (max-width:640px){.answer-first{padding:0.375rem 0.625rem}"
        ".answer-first .answer-title{font-size:1.125rem}"
        ".answer-first p,.answer-first details{font-size:0.875rem;line-height:1.35}}"
    )


def answer_section(prefix: str, side_title: str, headline: Headline, level: int) -> str:
    """One side's headline: a heading, its reason, the state's rule and the open questions.

    Every text is escaped; the heading level fits the page's outline.
    """
    tag = f"h{level}"
    # Translators: above a side's answer, e.g. "Car loan: the answer".
    side_line = escape(_("{side}: the answer").format(side=side_title))
    rule_word = escape(_("The rule:"))
    parts = [
        f'<section class="answer-first" style="--answer-accent:{_ACCENT[headline.kind]}" '
        f'aria-labelledby="{prefix}-answer-title" data-answer="{headline.kind.value}">',
        f'<p class="answer-side">{side_line}</p>',
        f'<{tag} class="answer-title" id="{prefix}-answer-title">{escape(headline.title)}</{tag}>',
        f'<p class="answer-reason">{escape(headline.reason)}</p>',
    ]
    if headline.rule:
        parts.append(f"<p><strong>{rule_word}</strong> {escape(headline.rule)}</p>")
    if headline.open_questions:
        questions = (fact_question(fact) for fact in headline.open_questions)
        items = "".join(f"<li>{escape(question)}</li>" for question in questions)
        # Folded: the block stays in view, so it stays short; the questions are asked below.
        count = len(headline.open_questions)
        summary = (
            _("The question")
            if count == 1
            # Only ever two or more here: the one question reads "The question".
            else ngettext("The {count} question", "The {count} questions", count).format(
                count=count
            )
        )
        parts.append(f"<details><summary>{escape(summary)}</summary><ul>{items}</ul></details>")
    parts.append("</section>")
    return "".join(parts)


def answers_html(answers: Sequence[tuple[str, str, Headline]], level: int = 2) -> str:
    """The answers of one or two sides, ``(prefix, side title, headline)`` each, as one block."""
    prefixes = [prefix for prefix, _title, _headline in answers]
    sections = "".join(answer_section(*answer, level) for answer in answers)
    return f'<style>{answer_style(prefixes)}</style><div class="answers">{sections}</div>'


def show_answers(answers: Sequence[tuple[str, str, Headline]], level: int = 2) -> None:
    """Draw the block: the app's one ``st.html``, every text in it escaped above."""
    st.html(answers_html(answers, level))

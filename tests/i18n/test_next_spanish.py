"""AppTest: the "What happens next" pages (Credit report, Taxes, Paying it off) in Spanish.

Each page runs clean with ``lang=es``; its charts' words (title, axes, legend, trace
names, hover text, annotations and alt text) carry no English of the page's own; and it
shows the same dollar figures as in English. Text the package writes (an event's label, a
way out's name, a schedule's message) is the package catalog's to translate: the chart test
leaves it out, so it checks the words the pages and their charts add.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from deficiency import ExclusionKind, Option, PayPeriod, language
from tests.app.test_reading_level import plain
from tests.helpers import charts, start
from tests.i18n.english import english_pieces
from tests.i18n.pages import chart_words, reader_pieces
from ui.kit.cache import side_case
from ui.kit.sides import MORTGAGE
from ui.kit.state import LAST_GOOD

PAGES = ("pages/credit.py", "pages/taxes.py", "pages/collection.py")
#: A dollar figure as the pages write it: $1,234.50 or $1,235.
DOLLARS = re.compile(r"\$\d{1,3}(?:,\d{3})*(?:\.\d\d)?")


@pytest.fixture(scope="module")
def runs() -> dict[tuple[str, str], AppTest]:
    """Each page run once in English and once in Spanish."""
    return {(page, lang): start(page, lang=lang) for page in PAGES for lang in ("en", "es")}


def _package_words(at: AppTest) -> Iterator[str]:
    """Text the package wrote into the page's charts, in the language it was computed in."""
    with language("es"):
        for kind in (*Option, *PayPeriod, *ExclusionKind):
            yield kind.label
            yield kind.label.lower()
        case, _error = side_case(at.session_state, MORTGAGE, date.today())
        if case is not None:
            for event in case.events:
                yield event.label
                yield event.detail
    key = "p_options" + LAST_GOOD
    # AppTest's session state has no get().
    options = at.session_state[key] if key in at.session_state else ()  # noqa: SIM401
    for option in options or ():
        yield option.label
        yield option.label.lower()
        if option.schedule is not None:
            yield option.schedule.message


def _chart_pieces(at: AppTest) -> list[str]:
    return [
        plain(re.sub(r"<[^>]+>", " ", words))
        for figure, alt in charts(at).values()
        for words in chart_words(figure, alt)
    ]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_in_spanish_with_its_charts(
    page: str, runs: dict[tuple[str, str], AppTest]
) -> None:
    at = runs[(page, "es")]
    assert not at.exception
    assert charts(at), f"{page} drew no chart"


@pytest.mark.parametrize("page", PAGES)
def test_charts_have_no_english_of_their_own(
    page: str, runs: dict[tuple[str, str], AppTest]
) -> None:
    at = runs[(page, "es")]
    allowed = sorted(set(_package_words(at)), key=len, reverse=True)
    left = english_pieces(_chart_pieces(at), allowed)
    assert not left, f"{page}'s charts still show English:\n" + "\n".join(left)


@pytest.mark.parametrize("page", PAGES)
def test_same_dollar_figures_as_in_english(page: str, runs: dict[tuple[str, str], AppTest]) -> None:
    def figures(lang: str) -> set[str]:
        return {
            amount
            for piece in reader_pieces(runs[(page, lang)])
            for amount in DOLLARS.findall(piece)
        }

    english = figures("en")
    # The Credit report shows dates, not money: its figures are none in either language.
    assert english or page == "pages/credit.py", f"{page} shows no dollar figure"
    assert figures("es") == english


def test_dates_read_in_spanish(runs: dict[tuple[str, str], AppTest]) -> None:
    """The timeline's dates name Spanish months ("15 ene 2027"), never "Jan"."""
    figure, alt = charts(runs[("pages/credit.py", "es")])["r_timeline_chart"]
    dates = [text for trace in figure["data"] for text in trace.get("text") or ()]
    assert dates
    month = re.compile(r"^\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}$")
    assert all(month.match(text) for text in dates), dates
    assert not re.search(r"\b(Jan|Feb|Apr|Aug|Dec)\b", alt)

"""AppTest: "Over time" and "Break-even and odds" in Spanish.

Both pages run clean in Spanish on either side; every chart's words (title, axis and
legend titles, trace names, hover text, annotations, alt text: ``chart_words``) read
without English; and each chart plots the same numbers as in English, only its words
change.

The package's own labels (an exit's name, an input's name) are translated in the
package's catalog: while one still reads in English there, it is allowed here, so this
test checks the explore pages' words and turns stricter as the package's are filled.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from deficiency import AutoExit, CarRoute, LoanKind, MortgageExit, language, scenario_fields
from tests.helpers import charts, decode, pair, start, whole_page
from tests.i18n.english import english_pieces
from tests.i18n.pages import chart_words
from ui.explore.over_time_charts import month_label

#: Each page with the link's choice of side: mortgage first, then the car.
CASES = [
    ("pages/time.py", {"t_side": "m"}),
    ("pages/time.py", {"t_side": "c"}),
    ("pages/odds.py", {"o_side": "m"}),
    ("pages/odds.py", {"o_side": "c"}),
]


def _package_labels() -> Iterator[str]:
    enums = (*MortgageExit, *AutoExit, *CarRoute)
    fields = (*scenario_fields(LoanKind.MORTGAGE), *scenario_fields(LoanKind.AUTO))
    for english in [item.label for item in enums] + [info.label for info in fields]:
        yield english
        yield english.lower()


def untranslated_package_labels() -> tuple[str, ...]:
    """The package's labels that still read in English in Spanish (its catalog's part)."""
    with language("es"):
        spanish = set(_package_labels())
    return tuple(label for label in _package_labels() if label in spanish)


def run(page: str, lang: str, query: dict[str, str]) -> dict[str, tuple[dict[str, Any], str]]:
    at = start(page, lang=lang, **query) if lang != "en" else start(page, **query)
    assert not at.exception, at.exception
    drawn = charts(at)
    assert drawn, f"{page} drew no chart"
    return drawn


@pytest.mark.parametrize(("page", "query"), CASES)
def test_charts_read_in_spanish(page: str, query: dict[str, str]) -> None:
    allowed = untranslated_package_labels()
    for key, (figure, alt) in run(page, "es", query).items():
        words = list(chart_words(figure, alt))
        assert alt and words, key
        left = english_pieces(words, allowed)
        assert not left, f"{page} chart {key} still reads in English:\n" + "\n".join(left)


def _numbers(values: Any) -> list[Any]:
    """A trace's data as compared across languages: numbers and dates as they are, text
    (a tornado's input names) only by its place."""
    values = decode(values)
    if not isinstance(values, list):
        return [values]
    shown = []
    for value in values:
        if isinstance(value, list):
            shown.append(_numbers(value))
        elif isinstance(value, float) and math.isnan(value):
            shown.append("nan")
        elif isinstance(value, str) and not value[:4].isdigit():
            shown.append("text")
        else:
            shown.append(value)
    return shown


def plotted(figure: dict[str, Any]) -> list[dict[str, list[Any]]]:
    return [
        {axis: _numbers(trace[axis]) for axis in ("x", "y", "z") if axis in trace}
        for trace in figure.get("data", ())
    ]


def marks(figure: dict[str, Any]) -> list[tuple[Any, Any]]:
    """Where the shaded bands and marked lines sit."""
    return [(shape.get("x0"), shape.get("x1")) for shape in figure["layout"].get("shapes", ())]


@pytest.mark.parametrize(("page", "query"), CASES)
def test_charts_plot_the_same_numbers_in_both_languages(page: str, query: dict[str, str]) -> None:
    english = run(page, "en", query)
    spanish = run(page, "es", query)
    assert set(spanish) == set(english)
    for key, (figure, _alt) in english.items():
        spanish_figure = spanish[key][0]
        assert plotted(spanish_figure) == plotted(figure), key
        shapes = [
            (shape.get("x0"), shape.get("x1")) for shape in figure["layout"].get("shapes", ())
        ]
        assert [
            (shape.get("x0"), shape.get("x1"))
            for shape in spanish_figure["layout"].get("shapes", ())
        ] == shapes, key


def test_month_names_follow_the_language() -> None:
    assert month_label(date(2021, 7, 1)) == "Jul 2021"
    with language("es"):
        assert month_label(date(2021, 7, 1)) == "jul 2021"


def test_a_bad_input_is_named_in_spanish_under_its_own_control() -> None:
    at = start("pages/time.py", lang="es")
    pair(at, "t_m_term").slide(24)
    assert not at.exception
    shown = [error.value for error in at.error]
    # One message, in the slot under "Pagos hechos" (the package names "Payments made"),
    # not also beside the chart.
    assert len(shown) == 1, shown
    assert shown[0].startswith("Pagos hechos: "), shown
    assert shown[0].endswith("El gráfico mantiene las últimas cifras que funcionaron."), shown


def test_a_bad_grid_is_refused_in_spanish() -> None:
    at = start("pages/odds.py", lang="es")
    whole_page(at).number_input(key="o_steps").set_value(1).run()
    assert not at.exception
    shown = " ".join(error.value for error in at.error)
    assert "Pasos por eje: debe ser 2 o más." in shown, shown
    whole_page(at).number_input(key="o_steps").set_value(2000).run()
    shown = " ".join(error.value for error in at.error)
    assert "demasiadas para dibujar; use 500 como máximo" in shown, shown

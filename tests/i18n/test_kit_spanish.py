"""The app shell and the scenario pages in Spanish (``?lang=es``): the pages run, their titles,
the menu's page names and section names, the menu and copy-link words read in Spanish, and
the English pages keep their English titles."""

from __future__ import annotations

import json

import pytest

from deficiency import language
from tests.helpers import start
from ui.kit.copy_link import copy_link_words
from ui.kit.i18n import _
from ui.kit.navigation import SECTIONS
from ui.kit.sides import CAR, MORTGAGE, RESOLUTIONS
from ui.scenario.sections import NOT_ADVICE

SPANISH_TITLES = {
    "pages/compare.py": "¿Qué se sigue debiendo después de la venta?",
    "pages/mortgage.py": "Hipoteca: venta corta, ejecución hipotecaria",
    "pages/car.py": "Auto: recuperación (repossession)",
    "pages/saved.py": "Escenarios guardados",
}
ENGLISH_TITLES = {
    "pages/compare.py": "What is still owed after the sale?",
    "pages/mortgage.py": "Mortgage: short sale, foreclosure or deed in lieu",
    "pages/car.py": "Car: repossession or voluntary surrender",
    "pages/saved.py": "Saved scenarios",
}
MENU = {
    "pages/compare.py": "Comparar",
    "pages/mortgage.py": "Salir de la hipoteca",
    "pages/car.py": "Recuperación del auto",
    "pages/saved.py": "Escenarios guardados",
    "pages/time.py": "Con el tiempo",
    "pages/learn.py": "Aprender",
}


def _menu(at) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Page file -> menu name, as the last run registered them with st.navigation."""
    return {
        "pages/" + info["script_path"].rsplit("/", 1)[-1]: info["page_name"]
        for info in at._registered_pages.values()
    }


def _component_data(at, name: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    for element in at.get("bidi_component"):
        if element.proto.component_name.endswith(name):
            return json.loads(element.proto.json)
    raise AssertionError(f"no {name} component on the page")


@pytest.mark.parametrize("page", list(SPANISH_TITLES))
def test_the_page_runs_in_spanish_with_spanish_title_menu_and_footer(page: str) -> None:
    at = start(page, lang="es")
    assert not at.exception
    assert at.title[0].value.startswith(SPANISH_TITLES[page])
    menu = _menu(at)
    for path, name in MENU.items():
        assert menu[path] == name
    captions = [caption.value for caption in at.caption]
    assert any(caption.startswith("Esta herramienta informa") for caption in captions)
    assert _component_data(at, "deficiency_phone_menu") == {
        "label": "Menú",
        "close": "Cerrar menú",
    }
    assert _component_data(at, "deficiency_copy_link")["label"] == "Copiar enlace"


@pytest.mark.parametrize("page", list(ENGLISH_TITLES))
def test_the_english_page_keeps_its_english_titles(page: str) -> None:
    at = start(page)
    assert at.title[0].value == ENGLISH_TITLES[page]
    assert _menu(at)["pages/compare.py"] == "Compare"
    assert _menu(at)["pages/car.py"] == "Car repossession"
    assert any(caption.value == NOT_ADVICE for caption in at.caption)
    assert _component_data(at, "deficiency_copy_link")["label"] == "Copy link"


def test_section_names_sides_and_resolutions_are_spanish_when_read_in_spanish() -> None:
    with language("es"):
        sections = [_(name) for name in SECTIONS if name]
        assert sections == [
            "Explorar",
            "Para consejeros",
            "Qué pasa después",
            "Aprender",
        ]
        # Substituted into sentences, so they carry their article.
        assert (MORTGAGE.collateral, CAR.collateral) == ("la casa", "el auto")
        assert (MORTGAGE.title, CAR.title) == ("Hipoteca", "Préstamo de auto")
        assert copy_link_words()["copied"].startswith("Enlace copiado")
    assert [value for value, _label in RESOLUTIONS] == ["waived", "judgment", "settled"]
    assert (MORTGAGE.collateral, CAR.collateral) == ("the house", "the car")

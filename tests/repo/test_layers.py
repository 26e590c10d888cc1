"""The layers run one way (pages -> ui -> deficiency): ``deficiency/`` is pure
calculation, and the app reaches it only through its public API.

``deficiency/`` imports neither Streamlit nor Plotly, so it runs and tests without a
server. ``ui/``, ``pages/`` and ``app.py`` import from the package only
``from deficiency import <name>`` with a name in ``deficiency.__all__``, so the public
API is the one the app really uses and a module inside the package can change freely.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import deficiency

ROOT = Path(__file__).resolve().parents[2]
#: Libraries that draw or serve, and so belong above the package.
PRESENTATION = ("streamlit", "plotly")


def python_files(*places: str) -> list[Path]:
    """Every ``.py`` file under ``places`` (folders or files relative to the root)."""
    found: list[Path] = []
    for place in places:
        path = ROOT / place
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def imports(source: str) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """Each import in ``source``: line, module, and the names taken (empty for ``import x``)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, tuple(alias.name for alias in node.names)


def presentation_imports(source: str) -> list[str]:
    """Each import of Streamlit or Plotly in ``source``, as ``line: module``."""
    return [
        f"{line}: {module}"
        for line, module, _ in imports(source)
        if module.split(".")[0] in PRESENTATION
    ]


def private_package_imports(source: str, public: frozenset[str]) -> list[str]:
    """Each use of ``deficiency`` in ``source`` other than ``from deficiency import <public>``."""
    found: list[str] = []
    for line, module, names in imports(source):
        if module.split(".")[0] != "deficiency":
            continue
        if module != "deficiency" or not names:
            found.append(f"{line}: {module}")
        else:
            found.extend(f"{line}: deficiency.{name}" for name in names if name not in public)
    return found


PUBLIC = frozenset(deficiency.__all__)


def test_the_checks_find_what_they_are_for() -> None:
    assert presentation_imports("import streamlit as st\nfrom plotly import graph_objects") == [
        "1: streamlit",
        "2: plotly",
    ]
    assert presentation_imports("def f():\n    import plotly.express\n") == ["2: plotly.express"]
    assert presentation_imports("import numpy\nfrom decimal import Decimal") == []
    assert private_package_imports("from deficiency import Statement", PUBLIC) == []
    assert private_package_imports("from deficiency.money import ZERO", PUBLIC) == [
        "1: deficiency.money"
    ]
    assert private_package_imports("import deficiency.tax", PUBLIC) == ["1: deficiency.tax"]
    assert private_package_imports("import deficiency", PUBLIC) == ["1: deficiency"]
    assert private_package_imports("from deficiency import tax as t", PUBLIC) == [
        "1: deficiency.tax"
    ]
    assert layer_imports(
        "from ui.state import x\nimport pages.car\nimport uix", ("ui", "pages")
    ) == [
        "1: ui.state",
        "2: pages.car",
    ]


def test_the_package_imports_no_streamlit_or_plotly() -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for path in python_files("deficiency")
        if (hits := presentation_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def layer_imports(source: str, layers: tuple[str, ...]) -> list[str]:
    """Each import in ``source`` of a module in one of ``layers`` (top-level names)."""
    return [
        f"{line}: {module}" for line, module, _ in imports(source) if module.split(".")[0] in layers
    ]


@pytest.mark.parametrize(
    ("place", "above"), [("deficiency", ("ui", "pages", "app")), ("ui", ("pages", "app"))]
)
def test_no_layer_imports_one_above_it(place: str, above: tuple[str, ...]) -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for path in python_files(place)
        if (hits := layer_imports(path.read_text(encoding="utf-8"), above))
    }
    assert found == {}


def test_the_app_uses_only_the_public_api() -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for path in python_files("ui", "pages", "app.py")
        if (hits := private_package_imports(path.read_text(encoding="utf-8"), PUBLIC))
    }
    assert found == {}


def test_every_public_name_exists() -> None:
    missing = [name for name in deficiency.__all__ if not hasattr(deficiency, name)]
    assert missing == []
    assert len(set(deficiency.__all__)) == len(deficiency.__all__)

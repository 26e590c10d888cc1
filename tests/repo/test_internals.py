"""Streamlit's internals are used from one module only: ``ui/kit/internals.py``.

Anything under ``streamlit.runtime`` or named with a leading underscore can change in
any Streamlit release; kept in one module, an upgrade breaks in one known place.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INTERNALS = ROOT / "ui" / "kit" / "internals.py"
SCANNED = ("ui", "pages", "deficiency")


def _private(module: str) -> bool:
    """Whether a dotted Streamlit module path is internal: ``streamlit.runtime...`` or ``_x``."""
    parts = module.split(".")
    if parts[0] != "streamlit":
        return False
    return parts[1:2] == ["runtime"] or any(part.startswith("_") for part in parts[1:])


def internal_uses(source: str) -> Iterator[str]:
    """Each use in ``source`` of a Streamlit internal, as ``line: what``."""
    tree = ast.parse(source)
    streamlit_names = {"streamlit"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "streamlit":
                    streamlit_names.add(alias.asname or "streamlit")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _private(alias.name):
                    yield f"{node.lineno}: import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if _private(node.module):
                yield f"{node.lineno}: from {node.module} import ..."
            elif node.module.split(".")[0] == "streamlit":
                for alias in node.names:
                    if alias.name.startswith("_") or (
                        node.module == "streamlit" and alias.name == "runtime"
                    ):
                        yield f"{node.lineno}: from {node.module} import {alias.name}"
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in streamlit_names
            and (node.attr.startswith("_") or node.attr == "runtime")
        ):
            yield f"{node.lineno}: {node.value.id}.{node.attr}"


def _sources() -> list[Path]:
    paths = [ROOT / "app.py"]
    for folder in SCANNED:
        paths.extend(sorted((ROOT / folder).rglob("*.py")))
    return paths


def test_only_the_internals_module_touches_streamlit_internals() -> None:
    offenders = {
        str(path.relative_to(ROOT)): uses
        for path in _sources()
        if path != INTERNALS and (uses := list(internal_uses(path.read_text(encoding="utf-8"))))
    }
    assert not offenders, f"move these into ui/kit/internals.py: {offenders}"


def test_the_internals_module_says_what_each_use_lacks() -> None:
    """Every function of the internals module names the public API Streamlit is missing."""
    tree = ast.parse(INTERNALS.read_text(encoding="utf-8"))
    lines = INTERNALS.read_text(encoding="utf-8").splitlines()
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions
    for function in functions:
        body = "\n".join(lines[function.lineno - 1 : function.end_lineno])
        assert "# Missing public API:" in body, function.name


@pytest.mark.parametrize(
    "source",
    [
        "from streamlit.runtime.scriptrunner import get_script_run_ctx",
        "import streamlit.runtime.state",
        "from streamlit.runtime import Runtime",
        "from streamlit import runtime",
        "from streamlit.elements._private import thing",
        "from streamlit.commands.page_config import _hidden",
        "import streamlit as st\nst._main",
        "import streamlit as st\nst.runtime.exists()",
    ],
)
def test_the_scan_finds_an_internal_use(source: str) -> None:
    assert list(internal_uses(source))


@pytest.mark.parametrize(
    "source",
    [
        "import streamlit as st\nst.rerun(scope='app')",
        "from streamlit.errors import StreamlitAPIException",
        "from streamlit.delta_generator import DeltaGenerator",
        "from ui.kit.internals import current_page_hash",
        "from .runtime import x",
    ],
)
def test_the_scan_passes_public_api(source: str) -> None:
    assert not list(internal_uses(source))

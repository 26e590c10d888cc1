"""Every doctest runs: each tracked module that holds one lies in a folder pytest collects
with ``--doctest-modules`` (``testpaths`` in pyproject.toml), so none is skipped silently.

Page scripts and ``app.py`` run Streamlit when imported, so they hold no doctest: their
logic, and its examples, belong in ``ui/`` or ``deficiency/``.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: A doctest's prompt: ``>>>`` opening a line, after any indentation.
PROMPT = re.compile(r"^\s*>>> ", re.MULTILINE)


def pytest_settings() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        settings: dict[str, object] = tomllib.load(file)["tool"]["pytest"]["ini_options"]
    return settings


def modules_with_doctests() -> list[str]:
    """Each tracked Python file (path from the repository root) holding a doctest prompt."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "*.py"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [
        name
        for name in listed.split("\0")
        if name and PROMPT.search((ROOT / name).read_text(encoding="utf-8"))
    ]


def test_the_prompt_is_found_only_where_a_line_opens_with_it() -> None:
    assert PROMPT.search('    """Add.\n\n    >>> add(1, 2)\n    3\n    """')
    assert not PROMPT.search('text = "a >>> b"')


def test_doctests_are_collected_by_default() -> None:
    assert "--doctest-modules" in str(pytest_settings()["addopts"]).split()


def test_every_module_with_a_doctest_is_under_a_collected_folder() -> None:
    roots = pytest_settings()["testpaths"]
    assert isinstance(roots, list)
    found = modules_with_doctests()
    assert any(name.startswith("ui/") for name in found)
    outside = [name for name in found if name.split("/")[0] not in roots]
    assert outside == [], f"doctests pytest never runs: {outside}; add the folder to testpaths"

"""ui/ follows the menu: a shared kit, then one folder per menu section.

``ui/kit`` is what every page shares, so it reads no menu folder. A menu folder reads the
kit, and the scenario's sections (every page answers from the scenario), but no other
menu folder: a page's sections, computations and figures stay in its own folder.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
MENU_FOLDERS = ("scenario", "explore", "next_steps", "counselor", "learn")


def _ui_imports(path: Path) -> set[str]:
    """The ``ui`` packages a module imports from, as their folder names (``kit``, ``explore``)."""
    folders = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "ui" and len(parts) > 1:
                folders.add(parts[1])
    return folders


def test_every_ui_module_sits_in_the_kit_or_a_menu_folder() -> None:
    loose = [path.name for path in UI.glob("*.py") if path.name != "__init__.py"]
    assert not loose
    folders = {path.name for path in UI.iterdir() if (path / "__init__.py").is_file()}
    assert folders == {"kit", *MENU_FOLDERS}


def test_the_kit_reads_no_menu_folder() -> None:
    reads = {
        path.name: sorted(_ui_imports(path) & set(MENU_FOLDERS))
        for path in (UI / "kit").glob("*.py")
    }
    assert not {name: folders for name, folders in reads.items() if folders}


def test_a_menu_folder_reads_only_the_kit_its_own_folder_and_the_scenario() -> None:
    wrong = {}
    for folder in MENU_FOLDERS:
        for path in (UI / folder).glob("*.py"):
            other = _ui_imports(path) - {"kit", "scenario", folder}
            if other:
                wrong[f"{folder}/{path.name}"] = sorted(other)
    assert not wrong

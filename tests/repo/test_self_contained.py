"""The repository stands alone: no tracked file points at a path outside it.

Someone who clones the project must be able to open every file it cites, so a reference
to the team's own notes outside the repository (``../shared/...``), to this workplace's
folders, or any relative path that climbs out of the repository fails here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: A relative path that climbs at least one folder: ``../x``, ``../../docs/y.md``.
CLIMBING = re.compile(r"(?<![\w./])((?:\.\./)+[\w.-][\w./-]*)")
#: Places that exist only on a developer's or this workplace's machine, and the team's
#: research notes, which are not part of the project.
OUTSIDE = re.compile(r"(/work/|/root/|/home/\w|shared/domain\.md|\bdomain\.md\b|\.\./shared\b)")
BINARY = {".png", ".jpg", ".ico", ".pdf", ".woff", ".woff2", ".parquet"}


def tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [ROOT / name for name in listed.split("\0") if name]


def text_files() -> list[Path]:
    """Every tracked text file but this one, whose examples name what it looks for."""
    return [
        path
        for path in tracked_files()
        if path.suffix.lower() not in BINARY
        and path.is_file()
        and path.name != "package-lock.json"
        and path != Path(__file__).resolve()
    ]


def outside_references(path: Path, text: str) -> list[str]:
    """Each reference in ``text`` (the contents of ``path``) to a place outside the repository."""
    found = [match.group(0) for match in OUTSIDE.finditer(text)]
    for match in CLIMBING.finditer(text):
        target = (path.parent / match.group(1)).resolve()
        if not target.is_relative_to(ROOT):
            found.append(match.group(1))
    return found


def test_the_check_finds_what_it_is_for(tmp_path: Path) -> None:
    inside = ROOT / "docs" / "law.md"
    assert outside_references(inside, "see ../README.md and ../deficiency/data/") == []
    assert "../../shared/notes.md" in outside_references(inside, "see ../../shared/notes.md")
    notes = "shared/" + "domain.md"  # built here, so this file cites no outside path itself
    assert outside_references(ROOT / "README.md", f"the reference ../{notes} 3.1") != []
    assert outside_references(ROOT / "x.py", f"# ({notes} 7.1)") == [notes]
    assert outside_references(ROOT / "x.py", "open('/work/research/a.csv')") == ["/work/"]


@pytest.mark.parametrize("path", text_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_tracked_file_refers_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert outside_references(path, text) == [], f"{path.relative_to(ROOT)} points outside"

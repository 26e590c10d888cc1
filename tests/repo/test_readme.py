"""The README cannot drift: every code block in it runs or names what really exists.

Python blocks run as doctests. Shell blocks hold only commands that exist: the start
command is the script that serves ``app.py`` at the address the README gives, and the test
command is the one ``.ci/run`` calls. Every link to a file (``docs/*.md``, the screenshot)
resolves, and so does a link's ``#section``.
"""

from __future__ import annotations

import doctest
import re
import shlex
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
#: A fenced block: its language (possibly empty) and its text.
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
#: A Markdown link or image target that is not a web address: path and optional #section.
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|<)([^)#\s]*)(?:#([^)\s]+))?\)")
SHELL = {"bash", "sh", "shell", "console"}


def blocks(text: str) -> list[tuple[str, str]]:
    """(language, text) of each fenced code block of a Markdown text."""
    return [(match.group(1), match.group(2)) for match in FENCE.finditer(text)]


def section_blocks(text: str, heading: str) -> list[tuple[str, str]]:
    """The fenced blocks under the ``## heading`` of a Markdown text, up to the next one."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found is not None, f"no '## {heading}' section"
    return blocks(found.group(1))


def commands(block: str) -> list[list[str]]:
    """The commands of a shell block, one a line, as words; comments and blank lines left out."""
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def anchor(heading: str) -> str:
    """The ``#section`` a Markdown renderer (GitHub's) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown: Path) -> set[str]:
    text = FENCE.sub("", markdown.read_text(encoding="utf-8"))
    return {anchor(heading) for heading in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}


TEXT = README.read_text(encoding="utf-8")


def test_the_block_and_link_readers_find_what_they_are_for() -> None:
    sample = "# T\n\n## Run\n\n```bash\nbash a.sh  # go\n\n```\n\n```python\n>>> 1\n1\n```\n"
    assert blocks(sample) == [("bash", "bash a.sh  # go\n\n"), ("python", ">>> 1\n1\n")]
    assert section_blocks(sample, "Run")[0][0] == "bash"
    assert commands("bash a.sh  # go\n\n") == [["bash", "a.sh"]]
    links = LOCAL_LINK.findall("[a](docs/x.md#the-y) ![b](p.png) [c](https://e.org/z.md)")
    assert links == [("docs/x.md", "the-y"), ("p.png", "")]
    assert anchor("Capacity of one server") == "capacity-of-one-server"
    assert (
        anchor("Keys pressed faster than a move redraws")
        == "keys-pressed-faster-than-a-move-redraws"
    )


def test_every_block_is_python_or_shell_so_a_check_below_runs_it() -> None:
    assert {language for language, _ in blocks(TEXT)} <= {"python", *SHELL}


@pytest.mark.parametrize(
    "example", [text for language, text in blocks(TEXT) if language == "python"]
)
def test_every_python_block_runs_as_a_doctest(example: str) -> None:
    test = doctest.DocTestParser().get_doctest(example, {}, "README.md", str(README), 0)
    assert test.examples, "a python block in the README holds no >>> example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_the_start_command_is_the_script_that_serves_the_app_at_the_address_given() -> None:
    [(language, block)] = section_blocks(TEXT, "Start")
    assert language in SHELL
    assert commands(block) == [["bash", "scripts/run.sh"]]
    script = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert re.search(r"^exec .*-m streamlit run app\.py ", script, re.MULTILINE)
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    address = f"http://{server['server']['address']}:{server['server']['port']}"
    assert f"<{address}>" in TEXT


def test_the_test_command_is_the_one_ci_runs() -> None:
    [(language, block)] = section_blocks(TEXT, "Test")
    assert language in SHELL
    assert commands(block) == [["bash", "scripts/test.sh"]]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    called = [shlex.split(line, comments=True) for line in ci.splitlines()]
    assert any(words[-2:] == ["bash", "scripts/test.sh"] for words in called if words)


def test_every_shell_command_names_a_script_that_exists() -> None:
    for language, block in blocks(TEXT):
        if language not in SHELL:
            continue
        for words in commands(block):
            paths = [word for word in words if "/" in word and not word.startswith("-")]
            assert paths, f"{words}: a command the README gives runs no script of the project"
            for path in paths:
                assert (ROOT / path).is_file(), f"README runs {path}, which does not exist"


def test_every_local_link_resolves_to_a_file_and_section() -> None:
    links = LOCAL_LINK.findall(TEXT)
    assert {"docs/architecture.md", "docs/testing.md", "docs/performance.md"} <= {
        path for path, _ in links
    }
    for path, section in links:
        target = ROOT / path
        assert target.is_file(), f"README links {path}, which does not exist"
        if section:
            assert section in anchors(target), f"README links {path}#{section}: no such section"


@pytest.mark.parametrize("page", sorted(ROOT.glob("docs/*.md")), ids=lambda path: path.name)
def test_every_local_link_of_the_docs_resolves(page: Path) -> None:
    for path, section in LOCAL_LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        target = (page.parent / path).resolve() if path else page
        assert target.exists(), f"{page.name} links {path}, which does not exist"
        if section and target.suffix == ".md":
            assert section in anchors(target), f"{page.name} links {path}#{section}: no section"

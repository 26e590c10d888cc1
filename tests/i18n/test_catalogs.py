"""The message catalogs: in step with the code, every message translated, placeholders kept.

Extracted as ``bash scripts/i18n.sh`` extracts them (Babel, the keywords ``_``, ``N_``,
``pgettext`` and ``ngettext``). A failure here names the message and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from deficiency.i18n import PLACEHOLDER

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "pgettext": ((1, "c"), 2), "ngettext": (1, 2)}
#: Each catalog: its .po file and the folders and files its messages come from.
CATALOGS = {
    "deficiency": (ROOT / "deficiency/locale/es/LC_MESSAGES/deficiency.po", ("deficiency",)),
    "messages": (ROOT / "locale/es/LC_MESSAGES/messages.po", ("ui", "pages", "app.py")),
}
RUN = "run `bash scripts/i18n.sh` and translate what it adds"


def extracted(sources: tuple[str, ...]) -> set[tuple[str | None, str]]:
    """(context, msgid) of every message the code marks."""
    found: set[tuple[str | None, str]] = set()
    for source in sources:
        path = ROOT / source
        if path.is_file():
            from babel.messages.extract import extract_from_file

            messages = extract_from_file("python", str(path), keywords=KEYWORDS)
            found |= {(context, _first(message)) for _, message, _, context in messages}
            continue
        for _, _, message, _, context in extract_from_dir(
            str(path), method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add((context, _first(message)))
    return found


def _first(message: str | tuple[str, ...]) -> str:
    return message[0] if isinstance(message, tuple) else message


def catalog(name: str) -> Catalog:
    with CATALOGS[name][0].open("rb") as handle:
        return read_po(handle, locale="es")


@pytest.mark.parametrize("name", CATALOGS)
def test_catalog_holds_every_message_the_code_marks(name: str) -> None:
    in_code = extracted(CATALOGS[name][1])
    in_catalog = {(message.context, _first(message.id)) for message in catalog(name) if message.id}
    missing = sorted(message for _, message in in_code - in_catalog)
    stale = sorted(message for _, message in in_catalog - in_code)
    assert not missing, f"{name}: not in the catalog ({RUN}):\n" + "\n".join(missing[:40])
    assert not stale, f"{name}: no longer in the code ({RUN}):\n" + "\n".join(stale[:40])


@pytest.mark.parametrize("name", CATALOGS)
def test_every_message_is_translated_with_its_placeholders(name: str) -> None:
    problems = []
    for message in catalog(name):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
    assert not problems, f"{name}:\n" + "\n".join(problems[:40])

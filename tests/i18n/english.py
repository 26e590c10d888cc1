"""Find English left in text meant to be Spanish: the words only English uses.

A Spanish page may keep English in three places: a citation (a statute or a publication
is cited in its own words), a proper name, and the English term a Spanish term is
followed by in brackets the first time on a page ("sentencia por deficiencia
(deficiency judgment)"). Everything else with an English-only word in it is English left
over.
"""

from __future__ import annotations

import csv
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: Common English words that are not Spanish words: any of them in a sentence marks it.
ENGLISH_ONLY = frozenset(
    """
    the you your yours and of is are was were be been would will should could can cannot
    with without this that these those what which who when where why how after before
    than then there their they them it its if or not owe owed owes lender borrower
    sale price loan fee fees court judgment income debt paid pay pays here from into
    about after only more less each every any some other all our we us my
    """.split()  # noqa: SIM905 (a word list reads best as words)
)

#: Text that stays English on a Spanish page: proper names and the titles of sources.
ALWAYS_ENGLISH = (
    "English",
    "Consumer Financial Protection Bureau",
    "Fannie Mae",
    "Freddie Mac",
    "Truth in Lending",
    "Fair Debt Collection Practices Act",
    "Fair Credit Reporting Act",
    "Uniform Commercial Code",
    "Internal Revenue Code",
    "Internal Revenue Service",
)

DATA = Path(__file__).resolve().parents[2] / "deficiency" / "data"
#: The data's fields that cite a source in its own words (never translated).
CITATION_FIELDS = ("citation", "section_read", "wage_citation", "wage_section_read")


def _cited(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in CITATION_FIELDS and isinstance(item, str):
                yield item
            else:
                yield from _cited(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cited(item)


@functools.cache
def citations() -> tuple[str, ...]:
    """Every citation and section read in the data files, longest first."""
    found: set[str] = set()
    for path in DATA.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.update(row[field] for field in CITATION_FIELDS if row.get(field))
    for path in DATA.glob("*.toml"):
        found.update(_cited(tomllib.loads(path.read_text(encoding="utf-8"))))
    return tuple(sorted((text for text in found if text.strip()), key=len, reverse=True))


_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ']+")
#: A short bracketed English term after its Spanish one: at most six words.
_BRACKETED = re.compile(r"\((?:[^()]{0,60})\)|\[(?:[^\[\]]{0,60})\]")


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English-only words in ``text`` once its allowed pieces are taken out."""
    for kept in (*citations(), *ALWAYS_ENGLISH, *allowed):
        if kept:
            text = text.replace(kept, " ")
    text = _BRACKETED.sub(" ", text)
    # A file's machine-readable column names (borrower_owes) stay as the file writes them.
    text = re.sub(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return [word for word in _WORD.findall(text) if word.lower() in ENGLISH_ONLY]


def english_pieces(pieces: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """The pieces of text that still read as English (two English-only words or more, or
    one in a piece of at most three words: a label)."""
    kept = tuple(allowed)
    left = []
    for piece in pieces:
        found = english_words(piece, kept)
        if len(found) >= 2 or (found and len(piece.split()) <= 3):
            left.append(piece)
    return left

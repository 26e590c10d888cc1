"""Where a rule or figure comes from: a structured source, and the one loader of data files.

Every row of ``data/`` that states a rule carries a :class:`Source`: the citation, the
exact subsection read, the address it was read at, the operative words quoted from it,
a confidence mark and the date it was read. Pages show sources as data (citation, link,
date, how sure), never by cleaning free text.

Confidence marks
----------------
H
    The operative words were read in the statute, regulation or agency guide itself (or a
    verbatim reproduction of it) and are quoted in ``quote``.
M
    A reputable secondary source (a state bar, legal aid, NCLC, a law firm citing the
    statute) states the rule; the primary text was not found.
L
    One weak source, or sources that disagree: shown as unverified, never applied.
U
    Looked for and not found: shown as unverified, never applied.
"""

from __future__ import annotations

import csv
import enum
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from deficiency.i18n import LOCALES, N_, _, current_language


class Confidence(enum.Enum):
    """How well a rule is sourced."""

    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"
    UNVERIFIED = "U"

    @property
    def uncertain(self) -> bool:
        """Low or unverified: shown as uncertain and never applied to a number."""
        return self in (Confidence.LOW, Confidence.UNVERIFIED)

    @property
    def label(self) -> str:
        """The mark in a reader's words."""
        return _(_WORDS[self.value].label)

    @property
    def short(self) -> str:
        """The mark in two or three words, for a table cell."""
        return _(_WORDS[self.value].short)

    @property
    def caveat(self) -> str:
        """What a citation adds about the mark ("" when the law itself was read)."""
        caveat = _WORDS[self.value].caveat
        return _(caveat) if caveat else ""


class _Words(NamedTuple):
    label: str
    short: str
    caveat: str


#: Each mark in words: in full, in a table cell, and as the caveat after a citation.
#: Marked with ``N_`` here and translated where shown (the properties of :class:`Confidence`).
_WORDS = {
    "H": _Words(N_("Checked: we read the law itself"), N_("law read"), ""),
    "M": _Words(
        N_("From a trusted guide; we could not read the law itself"),
        N_("trusted guide"),
        N_("from a trusted guide: the law itself was not read"),
    ),
    "L": _Words(
        N_("Not checked: only one weak source"),
        N_("not checked"),
        N_("not checked: do not rely on it"),
    ),
    "U": _Words(
        N_("Not checked: we could not find a source"),
        N_("not checked"),
        N_("not checked: do not rely on it"),
    ),
}


@dataclass(frozen=True)
class Source:
    """Where one rule or figure was read.

    ``citation`` names the law ("Cal. Code Civ. Proc. 685.010"), ``section_read`` the exact
    subsection read ("685.010(a)(2)(A)(ii)"), ``url`` where it was read, ``quote`` its
    operative words (empty below H), ``as_of`` the day it was read and ``text_version``
    the code year the page showed, if any.
    """

    citation: str
    url: str
    confidence: Confidence
    as_of: date
    section_read: str = ""
    quote: str = ""
    text_version: str = ""

    @property
    def uncertain(self) -> bool:
        """Whether the source is too weak for the rule to change a number."""
        return self.confidence.uncertain

    @property
    def read_on(self) -> str:
        """The day the source was read, short, in the reader's language ("2 Dec 2026",
        "2 dic 2026").

        >>> Source("A", "", Confidence.UNVERIFIED, date(2026, 12, 2)).read_on
        '2 Dec 2026'
        """
        return _reader_date(self.as_of, "d MMM y")

    @property
    def read_on_long(self) -> str:
        """The day the source was read, in full ("December 2, 2026", "2 de diciembre de
        2026")."""
        return _reader_date(self.as_of, "long")

    @property
    def site(self) -> str:
        """The site the source was read on, for a short link ("law.justia.com"); "" if none."""
        parts = self.url.split("/")
        return parts[2].removeprefix("www.") if len(parts) > 2 else ""


def _reader_date(day: date, pattern: str) -> str:
    """``day`` in the reader's language, by Babel's ``pattern``."""
    from babel.dates import format_date  # only where a date is shown

    return str(format_date(day, pattern, locale=LOCALES[current_language()]))


def source_from(row: Mapping[str, Any], *, url_key: str = "source_url") -> Source:
    """A :class:`Source` from a data row's source columns; raises ``ValueError`` naming
    what is missing, so a bad row stops the load instead of showing a half-sourced rule.

    An H row must name the subsection read and quote its words; an H or M row must give
    the address it was read at (an L or U row may have none: nothing was found).

    >>> row = {"citation": "A.R.S. 33-814", "source_url": "https://example.org/33-814",
    ...        "confidence": "M", "as_of": "2026-12-02"}
    >>> source_from(row).site, source_from(row).confidence.value
    ('example.org', 'M')
    """
    citation = str(row.get("citation", "")).strip()
    url = str(row.get(url_key, "") or "").strip()
    if not citation:
        raise ValueError("a source needs a citation")
    confidence = Confidence(str(row.get("confidence", "")).strip())
    if url and not url.startswith(("https://", "http://")):
        raise ValueError(f"{citation}: {url!r} is not a web address")
    if not url and not confidence.uncertain:
        raise ValueError(f"{citation}: an H or M source needs the address it was read at")
    as_of = row.get("as_of")
    read_on = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of).strip())
    section = str(row.get("section_read", "") or "").strip()
    quote = str(row.get("quote", "") or "").strip()
    if confidence is Confidence.HIGH and not (section and quote):
        raise ValueError(f"{citation}: an H source must name the section read and quote it")
    return Source(
        citation=citation,
        url=url,
        confidence=confidence,
        as_of=read_on,
        section_read=section,
        quote=quote,
        text_version=str(row.get("text_version", "") or "").strip(),
    )


def sources_of(entry: Mapping[str, Any]) -> tuple[Source, ...]:
    """The sources of one entry of a TOML data file: its ``[x.source]`` table or its
    ``[[x.sources]]`` list, each read by :func:`source_from` (the address under ``url``).

    The first source is the one the rule or figure rests on; later ones add detail, so the
    entry is as sure as its first source. Raises ``ValueError`` when the entry has none.

    >>> entry = {"source": {"citation": "26 U.S.C. 7503", "url": "https://example.org/7503",
    ...                     "confidence": "M", "as_of": date(2026, 12, 2)}}
    >>> [source.citation for source in sources_of(entry)]
    ['26 U.S.C. 7503']
    """
    raw = [entry["source"]] if "source" in entry else list(entry.get("sources", []))
    if not raw or not all(isinstance(item, Mapping) for item in raw):
        raise ValueError("an entry needs a [source] table or a [[sources]] list")
    return tuple(source_from(item, url_key="url") for item in raw)


def _data_text(name: str) -> str:
    return resources.files("deficiency").joinpath("data", name).read_text("utf-8")


@cache
def data_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV file in ``data/`` as dictionaries, loaded once."""
    return tuple(csv.DictReader(io.StringIO(_data_text(name))))


@cache
def data_table(name: str) -> dict[str, Any]:
    """A TOML file in ``data/``, loaded once. Callers must not change what it returns."""
    return tomllib.loads(_data_text(name))


def rows_checked(name: str, parse: Any, unique: str | None = None) -> tuple[Any, ...]:
    """Each row of a CSV in ``data/`` through ``parse``; a bad row raises ``ValueError``
    naming the file and line, so broken data never loads half-read. With ``unique``, the
    parsed rows' attribute of that name must differ from row to row (a rule id, a state).

    >>> from types import SimpleNamespace
    >>> rows = rows_checked("jurisdictions.csv", lambda row: SimpleNamespace(code=row["code"]))
    >>> rows[0].code
    'AL'
    >>> rows_checked("jurisdictions.csv", lambda row: SimpleNamespace(kind="x"), unique="kind")
    Traceback (most recent call last):
    ...
    ValueError: jurisdictions.csv: kind values must be unique
    """
    parsed = []
    for number, row in enumerate(data_rows(name), start=2):
        try:
            parsed.append(parse(row))
        except (KeyError, ValueError) as error:
            raise ValueError(f"{name} line {number}: {error}") from None
    if unique is not None:
        keys = [getattr(row, unique) for row in parsed]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{name}: {unique} values must be unique")
    return tuple(parsed)

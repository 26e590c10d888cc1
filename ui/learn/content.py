"""The Learn page's words, loaded once from ``content.toml`` beside this module.

Every user-facing field has a Spanish twin (``title_es``, ``steps_es``...); the
properties read the reader's language (:func:`deficiency.pick`), so the cached file
serves both languages.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from deficiency import pick

CONTENT = Path(__file__).with_name("content.toml")


def _picked(english: tuple[str, ...], spanish: tuple[str, ...]) -> tuple[str, ...]:
    """A list of texts in the reader's language: the Spanish list when it is whole."""
    if len(spanish) == len(english) and all(spanish):
        return tuple(pick(en, es) for en, es in zip(english, spanish, strict=True))
    return english


@dataclass(frozen=True)
class Example:
    """A worked example: the preset it loads, the side it belongs to and its six steps."""

    preset: str
    side: str
    title_en: str
    title_es: str
    intro_en: str
    intro_es: str
    steps_en: tuple[str, ...]
    steps_es: tuple[str, ...]

    @property
    def title(self) -> str:
        return pick(self.title_en, self.title_es)

    @property
    def intro(self) -> str:
        return pick(self.intro_en, self.intro_es)

    @property
    def steps(self) -> tuple[str, ...]:
        return _picked(self.steps_en, self.steps_es)


@dataclass(frozen=True)
class Term:
    """A glossary entry: the English term and its Spanish one, with their definitions."""

    term_en: str
    definition_en: str
    term_es: str = ""
    definition_es: str = ""

    @property
    def term(self) -> str:
        """The term in the reader's language."""
        return pick(self.term_en, self.term_es)

    @property
    def definition(self) -> str:
        return pick(self.definition_en, self.definition_es)

    @property
    def other_term(self) -> str:
        """The English term shown beside a Spanish one ("" when the term shown is English)."""
        return self.term_en if self.term != self.term_en else ""

    def matches(self, query: str) -> bool:
        """Whether ``query`` names this entry, by its English or its Spanish term."""
        wanted = query.strip().casefold()
        return not wanted or any(
            wanted in name.casefold() for name in (self.term_en, self.term_es) if name
        )


@dataclass(frozen=True)
class Content:
    concept_title_en: str
    concept_title_es: str
    concept_en: tuple[str, ...]
    concept_es: tuple[str, ...]
    examples: tuple[Example, ...]
    terms: tuple[Term, ...]

    @property
    def concept_title(self) -> str:
        return pick(self.concept_title_en, self.concept_title_es)

    @property
    def concept(self) -> tuple[str, ...]:
        return _picked(self.concept_en, self.concept_es)

    @property
    def glossary(self) -> tuple[Term, ...]:
        """The glossary sorted by the term as the reader reads it."""
        return tuple(sorted(self.terms, key=lambda term: term.term.casefold()))


def _texts(raw: object) -> tuple[str, ...]:
    return tuple(str(text) for text in raw) if isinstance(raw, list) else ()


@cache
def content() -> Content:
    """The parsed ``content.toml``; examples keep their order, the glossary sorts by term."""
    raw = tomllib.loads(CONTENT.read_text("utf-8"))
    concept = raw["concept"]
    return Content(
        concept_title_en=str(concept["title"]),
        concept_title_es=str(concept.get("title_es", "")),
        concept_en=_texts(concept["paragraphs"]),
        concept_es=_texts(concept.get("paragraphs_es")),
        examples=tuple(
            Example(
                preset=str(item["preset"]),
                side=str(item["side"]),
                title_en=str(item["title"]),
                title_es=str(item.get("title_es", "")),
                intro_en=str(item["intro"]),
                intro_es=str(item.get("intro_es", "")),
                steps_en=_texts(item["steps"]),
                steps_es=_texts(item.get("steps_es")),
            )
            for item in raw["example"]
        ),
        terms=tuple(
            Term(
                str(item["term"]),
                str(item["definition"]),
                str(item.get("term_es", "")),
                str(item.get("definition_es", "")),
            )
            for item in raw["term"]
        ),
    )

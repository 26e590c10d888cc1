"""The Learn page's words, loaded once from ``content.toml`` beside this module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).with_name("content.toml")


@dataclass(frozen=True)
class Example:
    """A worked example: the preset it loads, the side it belongs to and its six steps."""

    preset: str
    side: str
    title: str
    intro: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


@dataclass(frozen=True)
class Content:
    concept_title: str
    concept: tuple[str, ...]
    examples: tuple[Example, ...]
    glossary: tuple[Term, ...]


@cache
def content() -> Content:
    """The parsed ``content.toml``; examples keep their order, the glossary is sorted by term."""
    raw = tomllib.loads(CONTENT.read_text("utf-8"))
    return Content(
        concept_title=str(raw["concept"]["title"]),
        concept=tuple(str(text) for text in raw["concept"]["paragraphs"]),
        examples=tuple(
            Example(
                preset=str(item["preset"]),
                side=str(item["side"]),
                title=str(item["title"]),
                intro=str(item["intro"]),
                steps=tuple(str(step) for step in item["steps"]),
            )
            for item in raw["example"]
        ),
        glossary=tuple(
            sorted(
                (Term(str(item["term"]), str(item["definition"])) for item in raw["term"]),
                key=lambda term: term.term.lower(),
            )
        ),
    )

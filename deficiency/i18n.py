"""The reader's language: gettext catalogs for the words a user reads, and a data row's text.

English is the source language: every message is written in English in the code and
looked up in the language's catalog (``locale/<lang>/LC_MESSAGES/<domain>.po``, kept with
Babel's extract and update: ``bash scripts/i18n.sh``). A message with no translation reads
in English. Data files carry their user-facing text in both languages (``summary`` and
``summary_es``); :func:`pick` chooses.

The language is the calling context's: :func:`language` sets it for a block (tests, the
command line, a report), and an app registers where a run's language is read from
(:func:`read_language_from`), so a page, a region's rerun and a widget callback all read
the session's choice.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as gettext_module
import re
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

ENGLISH = "en"
SPANISH = "es"
#: Every language the explorer speaks, source language first.
LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)
#: Each language's name in itself, for the language choice.
LANGUAGE_NAMES: Mapping[str, str] = {ENGLISH: "English", SPANISH: "Español"}
#: Babel's locale for each language. US conventions in both: a borrower's papers write
#: $1,234.50, and Babel's es_US formats money exactly so.
LOCALES: Mapping[str, str] = {ENGLISH: "en_US", SPANISH: "es_US"}

_chosen: ContextVar[str | None] = ContextVar("deficiency_language", default=None)
_sources: list[Callable[[], object]] = []

#: A named placeholder of ``str.format`` (``{amount}``, ``{amount:,}``), as a catalog
#: test compares them between a message and its translation.
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def current_language() -> str:
    """The language of the current context: set by :func:`language`, else the registered
    source's, else English. Anything not in :data:`LANGUAGES` reads as English."""
    chosen = _chosen.get()
    if chosen is None and _sources:
        try:
            chosen = str(_sources[0]())
        except Exception:  # no session to read (a test, a worker): the source language
            chosen = ENGLISH
    return chosen if chosen in LANGUAGES else ENGLISH


def read_language_from(source: Callable[[], object]) -> None:
    """Read the language from ``source()`` wherever :func:`language` has not set one."""
    if not callable(source):
        from deficiency.errors import InvalidInputError

        raise InvalidInputError("Language source", "is not a function")
    _sources[:] = [source]


@contextlib.contextmanager
def language(code: str) -> Iterator[str]:
    """Speak ``code`` (one of :data:`LANGUAGES`) inside the block.

    >>> with language("es"):
    ...     current_language()
    'es'
    """
    if not isinstance(code, str) or code not in LANGUAGES:
        from deficiency.errors import InvalidInputError, shown

        expected = ", ".join(LANGUAGES)
        raise InvalidInputError("Language", f"unknown language {shown(code)}; expected {expected}")
    token = _chosen.set(code)
    try:
        yield code
    finally:
        _chosen.reset(token)


def pick(english: str, spanish: str) -> str:
    """A data row's text in the current language: ``spanish`` when the reader's language is
    Spanish and the row has it, else ``english``.

    >>> with language("es"):
    ...     pick("Yes", "Sí")
    'Sí'
    """
    if not isinstance(english, str) or not isinstance(spanish, str):
        from deficiency.errors import InvalidInputError

        raise InvalidInputError("Text", "must be text in English and in Spanish")
    return spanish if spanish and current_language() == SPANISH else english


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now: a constant defined at
    import, translated where it is shown with ``_(constant)``."""
    if not isinstance(message, str):
        from deficiency.errors import InvalidInputError

        raise InvalidInputError("Message", "must be text")
    return message


#: (context or None, msgid) -> msgstr, or for a plural (context, msgid) -> its forms.
Messages = Mapping[tuple[str | None, str], str | tuple[str, ...]]


def _english_plural(count: int) -> int:
    return 0 if count == 1 else 1


@dataclass(frozen=True)
class _Catalog:
    messages: Messages
    plural: Callable[[int], int]


@functools.lru_cache(maxsize=16)
def _catalog(directory: str, domain: str, code: str) -> _Catalog:
    """The translated messages of one catalog, read once per process (no compiled .mo)."""
    from babel.messages.pofile import read_po  # only where a translation is asked for

    path = Path(directory) / code / "LC_MESSAGES" / f"{domain}.po"
    if code == ENGLISH or not path.exists():
        return _Catalog({}, _english_plural)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        if isinstance(message.id, tuple):
            forms = tuple(message.string)
            if all(forms):
                messages[(message.context, message.id[0])] = forms
        else:
            messages[(message.context, str(message.id))] = str(message.string)
    return _Catalog(messages, gettext_module.c2py(catalog.plural_expr))


@dataclass(frozen=True)
class Translator:
    """The gettext calls of one catalog (a domain under ``directory``)."""

    directory: Path
    domain: str

    def _found(self, context: str | None, message: str) -> str | tuple[str, ...] | None:
        return self._catalog().messages.get((context, message))

    def _catalog(self) -> _Catalog:
        return _catalog(str(self.directory), self.domain, current_language())

    def gettext(self, message: str) -> str:
        """``message`` in the reader's language (itself when it has no translation)."""
        found = self._found(None, message)
        return found if isinstance(found, str) else message

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in the sense ``context`` names (one English word, two translations)."""
        found = self._found(context, message)
        return found if isinstance(found, str) else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of a message that fits ``count``, in the reader's language."""
        found = self._found(None, singular)
        if isinstance(found, tuple):
            index = self._catalog().plural(count)
            return found[min(index, len(found) - 1)]
        return singular if count == 1 else plural


#: The package's own catalog: its sentences, labels and messages for bad input.
PACKAGE = Translator(Path(__file__).parent / "locale", "deficiency")
_ = gettext = PACKAGE.gettext
pgettext = PACKAGE.pgettext
ngettext = PACKAGE.ngettext

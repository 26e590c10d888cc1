"""The gettext machinery: lookups in the reader's language, plurals, contexts, data twins,
and cached results kept apart by language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from deficiency import InvalidInputError, Translator, current_language, language, pick


def translator(folder: Path) -> Translator:
    catalog = Catalog(locale="es")
    catalog.add("You owe {amount}.", "Usted debe {amount}.")
    # Spanish has three plural forms in CLDR: one, many (a million, ...) and other.
    forms = ("{count} mes", "{count} de meses", "{count} meses")
    catalog.add(("{count} month", "{count} months"), forms)
    catalog.add("Sale", "Venta", context="event")
    catalog.add("Not yet", "", flags=())
    catalog.add("Guessed", "Adivinado", flags=("fuzzy",))
    target = folder / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "test.po").open("wb") as handle:
        write_po(handle, catalog)
    return Translator(folder, "test")


def test_a_message_reads_in_the_readers_language(tmp_path: Path) -> None:
    words = translator(tmp_path)
    assert words.gettext("You owe {amount}.") == "You owe {amount}."
    with language("es"):
        assert words.gettext("You owe {amount}.").format(amount="$5") == "Usted debe $5."
        # Untranslated and fuzzy messages read in English, never empty.
        assert words.gettext("Not yet") == "Not yet"
        assert words.gettext("Guessed") == "Guessed"
        assert words.gettext("Never marked") == "Never marked"


def test_plurals_and_contexts(tmp_path: Path) -> None:
    words = translator(tmp_path)
    with language("es"):
        assert words.ngettext("{count} month", "{count} months", 1) == "{count} mes"
        assert words.ngettext("{count} month", "{count} months", 7) == "{count} meses"
        assert words.ngettext("{count} month", "{count} months", 10**6) == "{count} de meses"
        assert words.pgettext("event", "Sale") == "Venta"
        assert words.gettext("Sale") == "Sale"
    assert words.ngettext("{count} month", "{count} months", 2) == "{count} months"


def test_the_language_is_the_blocks_and_unknown_ones_are_refused() -> None:
    assert current_language() == "en"
    with language("es"):
        assert current_language() == "es"
        with language("en"):
            assert current_language() == "en"
        assert current_language() == "es"
    assert current_language() == "en"
    with pytest.raises(InvalidInputError, match="unknown language"), language("fr"):
        pass


def test_a_data_row_picks_its_spanish_twin_and_falls_back_to_english() -> None:
    assert pick("Yes", "Sí") == "Yes"
    with language("es"):
        assert pick("Yes", "Sí") == "Sí"
        assert pick("Yes", "") == "Yes"


def test_a_cached_result_is_kept_per_language() -> None:
    from ui.kit.cache import frozen_result_cache

    calls: list[str] = []

    @frozen_result_cache(max_entries=4)
    def greeting(name: str) -> str:
        calls.append(current_language())
        return pick("Hello", "Hola") + " " + name

    assert greeting("Ana") == "Hello Ana"
    with language("es"):
        assert greeting("Ana") == "Hola Ana"
        assert greeting("Ana") == "Hola Ana"
    assert greeting("Ana") == "Hello Ana"
    assert calls == ["en", "es"]


def test_outside_a_page_run_the_app_reads_english_and_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With the app's session as the language source, a lookup in a thread with no page
    run (a caseload in a worker, a test of the package) reads English and logs nothing:
    a warning per message filled a million-row test's memory with log records."""
    import ui.kit.i18n  # noqa: F401  (registers the session as the language source)
    from deficiency.i18n import gettext

    caplog.set_level("DEBUG")
    for _ in range(3):
        assert current_language() == "en"
        assert gettext("Sale price") == "Sale price"
    assert not [record for record in caplog.records if record.levelno >= 30], caplog.text

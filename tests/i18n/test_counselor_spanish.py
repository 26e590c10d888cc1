"""The counselor tools in Spanish: the three pages run, the printable report's PDF reads in
Spanish with the English PDF's dollar figures, and a caseload's row errors are Spanish."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from deficiency import AutoExit, LoanKind, MortgageExit, language, template_csv
from deficiency.columnar import compute_caseload
from tests.helpers import rendered, start
from tests.i18n.english import english_words
from tests.one_case import TODAY
from ui.counselor.report import build_report, report_side
from ui.kit.cache import side_case
from ui.kit.i18n import _
from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import load_preset
from ui.kit.tables import statement_rows
from ui.scenario.sections import NOT_ADVICE

PAGES = ("pages/caseload.py", "pages/letter.py", "pages/report.py")
DOLLARS = re.compile(r"\$[\d,]+\.\d\d")
PREPARED = date(2026, 3, 14)


@pytest.mark.parametrize("page", PAGES)
def test_the_counselor_pages_run_in_spanish(page: str) -> None:
    at = start(page, lang="es")
    assert not at.exception
    assert at.session_state["lang"] == "es"


def _sides() -> list:
    state: dict[str, str] = {}
    load_preset(state, MORTGAGE, "short-sale-example")
    load_preset(state, CAR, "car-example")
    sides = []
    for side in (MORTGAGE, CAR):
        answer, error = side_case(state, side, TODAY)
        assert error is None and answer is not None
        sides.append(report_side(side, state, answer))
    return sides


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _from_other_folders(sides: list) -> list[str]:
    """Text the report prints that other modules write (their translation is theirs): the
    case's headline, the statement's lines, the starting scenario, the labels of inputs."""
    pieces = [_(NOT_ADVICE)]
    for side in sides:
        headline = side.answer.headline
        pieces += [headline.title, headline.reason, headline.rule, side.preset_title]
        pieces += [side.outcome.statement.order]
        pieces += [text for pair in side.inputs for text in pair]
        pieces += [text for pair in side.assumptions for text in pair]
        pieces += [
            str(value) for row in statement_rows(side.outcome.statement) for value in row.values()
        ]
        for exit in (*MortgageExit, *AutoExit):
            pieces += [exit.label.lower()]
    words = {" ".join(str(piece).split()) for piece in pieces if re.search("[A-Za-z]", str(piece))}
    return sorted(words, key=len, reverse=True)  # a longer piece before its parts


@pytest.fixture(scope="module")
def pdfs() -> tuple[str, str, list[str]]:
    english = _text(build_report(_sides(), prepared_on=PREPARED))
    with language("es"):
        sides = _sides()
        spanish = _text(build_report(sides, prepared_on=PREPARED))
        others = _from_other_folders(sides)
    return english, spanish, others


def test_the_report_pdf_reads_in_spanish(pdfs) -> None:
    english, spanish, others = pdfs
    assert "Informe del saldo de deficiencia" in spanish
    assert "Preparado el 14 de marzo de 2026" in spanish
    assert "Supuestos" in spanish and "Datos" in spanish
    assert "Prepared March 14, 2026" in english
    # No English beyond citations and what other folders print (theirs to translate).
    assert not english_words(spanish, others), english_words(spanish, others)


def test_the_spanish_pdf_has_the_english_pdfs_dollar_figures(pdfs) -> None:
    english, spanish, _others = pdfs
    assert sorted(DOLLARS.findall(spanish)) == sorted(DOLLARS.findall(english))


def _with_bad_row() -> str:
    header = template_csv().splitlines()[0].split(",")
    bad = {"case_id": "client-7", "kind": "auto", "exit": "short_sale", "resolution": "judgment"}
    return template_csv() + ",".join(bad.get(name, "") for name in header) + "\n"


def test_the_caseload_page_shows_spanish_messages_for_a_bad_row() -> None:
    at = start("pages/caseload.py", lang="es")
    upload = ("c.csv", _with_bad_row().encode(), "text/csv")
    at.file_uploader(key="cl_upload").set_value(upload).run()
    assert not at.exception
    listed = " ".join(rendered(block.value) for block in at.markdown)
    assert "**client-7**" in listed
    assert "exit: 'short_sale' no es uno de estos: repossession, voluntary_surrender" in listed
    assert "1 fila no se pudo calcular" in listed
    table = next(frame.value for frame in at.dataframe if "status" in frame.value.columns)
    assert list(table["status"]) == ["calculado", "calculado", "error"]
    assert {"Hipoteca", "Préstamo de auto"} <= set(table["kind"])


@pytest.mark.parametrize("workers", [1, 2])
def test_caseload_messages_follow_the_language_given_in_every_worker(workers: int) -> None:
    from deficiency.columnar import run_files

    parts: list[bytes] = []
    run_files(io.BytesIO(_with_bad_row().encode()), parts.append, workers=workers, language="es")
    assert "no es uno de estos" in b"".join(parts).decode()
    english, _summary = compute_caseload(_with_bad_row().encode())
    assert "is not one of: repossession" in english.decode()
    spanish, _summary = compute_caseload(_with_bad_row().encode(), language="es")
    assert "no es uno de estos" in spanish.decode()
    assert LoanKind.AUTO.value in spanish.decode()

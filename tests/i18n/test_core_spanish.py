"""The package's core words in Spanish: takeaways, statement lines, formulas, exits,
presets and bad-input messages read in Spanish with the same dollar figures as English."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from deficiency import InvalidInputError
from deficiency.auto import AutoExit
from deficiency.case import Case, CaseDates, case_outcome
from deficiency.i18n import language
from deficiency.mortgage import MortgageExit
from deficiency.narrative import formulas, how_it_builds, takeaway, tax_note
from deficiency.paths import DeficiencyPath
from deficiency.presets import presets
from deficiency.resolution import Resolution
from deficiency.scenarios import LoanKind, evaluate, scenario_fields
from tests.i18n.english import english_pieces

ROOT = Path(__file__).resolve().parents[2]
MONEY = re.compile(r"-?\$\d{1,3}(?:,\d{3})*(?:\.\d\d)?")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")

HOME = {
    "unpaid_principal": "250000",
    "accrued_interest": "8125",
    "sale_price": "200000",
    "commission_rate": "6",
    "seller_closing_costs": "2000",
}
CAR = {
    "unpaid_principal": "10000",
    "accrued_interest": "295.89",
    "sale_price": "8500",
    "retaking_fee": "350",
    "storage_days": "30",
    "storage_daily_rate": "25",
    "gap_refund": "466.67",
    "court_costs": "150",
    "settlement_percent": "40",
}
SCENARIOS = [
    (LoanKind.MORTGAGE, HOME, exit.value, resolution.value, "the home")
    for exit in MortgageExit
    for resolution in Resolution
] + [
    (LoanKind.AUTO, CAR, exit.value, resolution.value, "the car")
    for exit in AutoExit
    for resolution in Resolution
]


def _words(
    kind: LoanKind, values: dict[str, str], exit: str, resolution: str, collateral: str
) -> list[str]:
    outcome = evaluate(kind, values, exit, resolution)
    statement = outcome.statement
    pieces = [takeaway(outcome, collateral), how_it_builds(statement), *formulas(outcome)]
    pieces += [line.label for line in statement.lines]
    pieces += [
        line.label
        for line in (*statement.obligation_items, *statement.expense_items, *statement.credit_items)
    ]
    pieces.append(statement.order)
    note = tax_note(outcome)
    if note:
        pieces.append(note)
    return pieces


def _both(words: Callable[[], list[str]]) -> tuple[list[str], list[str]]:
    english = words()
    with language("es"):
        spanish = words()
    return english, spanish


@pytest.mark.parametrize(("kind", "values", "exit", "resolution", "collateral"), SCENARIOS)
def test_scenario_words_are_spanish_with_the_same_figures(
    kind: LoanKind, values: dict[str, str], exit: str, resolution: str, collateral: str
) -> None:
    english, spanish = _both(lambda: _words(kind, values, exit, resolution, collateral))
    assert not english_pieces(spanish), english_pieces(spanish)
    assert english_pieces(english)  # the English is English (the check can see it)
    for en, es in zip(english, spanish, strict=True):
        assert sorted(MONEY.findall(en)) == sorted(MONEY.findall(es)), (en, es)


def test_takeaway_reads_in_spanish() -> None:
    car = {"unpaid_principal": 10000, "sale_price": 8500, "retaking_fee": 500}
    outcome = evaluate(LoanKind.AUTO, car, "repossession", "judgment")
    with language("es"):
        assert takeaway(outcome, "the car") == (
            "Usted todavía debería $2,000 después de que se venda el auto."
        )
    assert takeaway(outcome, "the car") == "You would still owe $2,000 after the car is sold."


@pytest.mark.parametrize(
    ("kind", "values", "exit"),
    [
        (LoanKind.MORTGAGE, {"unpaid_principal": "-5", "sale_price": "1"}, "short_sale"),
        (LoanKind.MORTGAGE, {"unpaid_principal": "1", "sale_price": "8.500,00"}, "foreclosure"),
        (LoanKind.MORTGAGE, {"unpaid_principal": "1", "commission_rate": "150"}, "short_sale"),
        (LoanKind.AUTO, {"unpaid_principal": "10000", "sale_price": "abc"}, "repossession"),
        (LoanKind.AUTO, {"unpaid_principal": "10000", "storage_days": "2.5"}, "repossession"),
        (LoanKind.AUTO, {"unpaid_principal": "2e13"}, "voluntary_surrender"),
    ],
)
def test_bad_input_messages_are_spanish(kind: LoanKind, values: dict[str, str], exit: str) -> None:
    with pytest.raises(InvalidInputError) as english:
        evaluate(kind, values, exit, "waived")
    with language("es"), pytest.raises(InvalidInputError) as spanish:
        evaluate(kind, values, exit, "waived")
    message = str(spanish.value)
    assert not english_pieces([message]), message
    assert message != str(english.value)
    assert ": " in message and spanish.value.label in message
    assert sorted(NUMBER.findall(str(english.value))) == sorted(NUMBER.findall(message))


def test_english_messages_are_unchanged() -> None:
    with pytest.raises(InvalidInputError, match=r"^Sale price: cannot be negative$"):
        evaluate(LoanKind.AUTO, {"sale_price": "-1"}, "repossession", "waived")


def test_field_labels_and_exit_labels_are_spanish() -> None:
    with language("es"):
        labels = [info.label for kind in LoanKind for info in scenario_fields(kind)]
        labels += [item.label for item in (*MortgageExit, *AutoExit, *Resolution, *DeficiencyPath)]
    assert not english_pieces(labels), english_pieces(labels)


def test_presets_are_spanish_with_the_same_figures() -> None:
    for preset in presets():
        english = [preset.title, preset.summary, *preset.assumptions.values()]
        with language("es"):
            spanish = [preset.title, preset.summary, *preset.assumptions.values()]
        # A note's source keeps its citation in English: only the note itself is checked.
        notes = [text.split(" Fuente: ")[0] for text in spanish]
        assert not english_pieces(notes), english_pieces(notes)
        for en, es in zip(english, spanish, strict=True):
            assert sorted(MONEY.findall(en.split(" Source: ")[0])) == sorted(
                MONEY.findall(es.split(" Fuente: ")[0])
            ), (en, es)


def test_case_headline_is_spanish() -> None:
    case = Case(
        LoanKind.AUTO,
        "repossession",
        {"unpaid_principal": "10000", "sale_price": "8000", "court_costs": "200"},
        Resolution.JUDGMENT,
        CaseDates(date(2025, 1, 15)),
    )
    english = case_outcome(case).headline
    with language("es"):
        spanish = case_outcome(case).headline
    assert not english_pieces([spanish.title, spanish.reason])
    assert MONEY.findall(english.title) == MONEY.findall(spanish.title)
    assert sorted(MONEY.findall(english.reason)) == sorted(MONEY.findall(spanish.reason))


def _numbers(text: str) -> list[str]:
    return sorted(NUMBER.findall(text))


@pytest.mark.parametrize(
    ("path", "tables", "fields"),
    [
        ("deficiency/data/presets.toml", ("preset",), ("title", "summary")),
        ("deficiency/data/typical_costs.toml", ("expense", "credit"), ("name", "why", "ask")),
    ],
)
def test_data_rows_have_spanish_twins_with_the_same_numbers(
    path: str, tables: tuple[str, ...], fields: tuple[str, ...]
) -> None:
    data = tomllib.loads((ROOT / path).read_text("utf-8"))
    rows = [row for table in tables for row in data[table]]
    notes = [note for row in rows for note in row.get("assumptions", {}).values()]
    checked = [(row, field) for row in rows for field in fields]
    checked += [(note, "note") for note in notes]
    for row, field in checked:
        spanish = row.get(f"{field}_es", "")
        assert spanish, (path, field, row[field])
        assert _numbers(row[field]) == _numbers(spanish), (row[field], spanish)
        assert not english_pieces([spanish]), spanish


def test_learn_content_has_spanish_twins() -> None:
    data = tomllib.loads((ROOT / "ui/learn/content.toml").read_text("utf-8"))
    pairs = [(data["concept"]["title"], data["concept"]["title_es"])]
    pairs += list(zip(data["concept"]["paragraphs"], data["concept"]["paragraphs_es"], strict=True))
    for example in data["example"]:
        pairs += [(example["title"], example["title_es"]), (example["intro"], example["intro_es"])]
        pairs += list(zip(example["steps"], example["steps_es"], strict=True))
    for term in data["term"]:
        pairs += [(term["definition"], term["definition_es"])]
    for english, spanish in pairs:
        assert spanish and _numbers(english) == _numbers(spanish), (english, spanish)
        assert not english_pieces([spanish]), spanish


def test_glossary_shows_both_terms_and_finds_either() -> None:
    from ui.learn.content import content

    with language("es"):
        glossary = content().glossary
        short_sale = next(term for term in glossary if term.term_en == "Short sale")
        assert (short_sale.term, short_sale.other_term) == ("Venta corta", "Short sale")
        assert [term.term for term in glossary] == sorted(
            (term.term for term in glossary), key=str.casefold
        )
    assert short_sale.matches("short sale") and short_sale.matches("venta corta")
    assert not short_sale.matches("embargo")
    assert content().glossary[0].other_term == ""  # English shows one term

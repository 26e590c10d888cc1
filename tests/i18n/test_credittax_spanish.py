"""Credit reporting, taxes on forgiven debt, collection and the letter checker in Spanish.

The data files' Spanish twins (``<field>_es``) are filled and keep every number of the
English; under ``language("es")`` the package's answers read in Spanish (no English left
but citations and proper names) with the same dollar figures as in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from deficiency import credit, tax
from deficiency.collection import (
    PayPeriod,
    PlannerInputs,
    compare_options,
    garnishment_cap,
    garnishment_note,
    garnishment_payoff,
    payoff_schedule,
)
from deficiency.i18n import language
from deficiency.letter_check import (
    LenderLetter,
    LetterFacts,
    MortgageLetter,
    NoticeStatus,
    check_letter,
    check_mortgage_letter,
)
from deficiency.paths import DeficiencyPath
from deficiency.sources import data_table
from tests.i18n.english import english_pieces

DATA_FILES = ("credit_reporting.toml", "tax_rules.toml", "collection.toml")
EXITS = ("short_sale", "foreclosure", "deed_in_lieu", "repossession", "voluntary_surrender")
#: Citations and names that stay as written inside a Spanish sentence.
ALLOWED = (
    "Metro 2",
    "FHA",
    "USDA",
    "Equifax",
    "Experian",
    "TransUnion",
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DOLLARS = re.compile(r"\$\d{1,3}(?:,\d{3})*(?:\.\d\d)?")


def _numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def _twins(table: Any, where: str = "") -> Iterator[tuple[str, str, str]]:
    """Every (place, English, Spanish) pair of a parsed TOML table."""
    if isinstance(table, list):
        for index, item in enumerate(table):
            yield from _twins(item, f"{where}[{index}]")
        return
    if not isinstance(table, dict):
        return
    for key, value in table.items():
        if key.endswith("_es"):
            english = table.get(key[:-3])
            if isinstance(english, dict):
                for line, text in english.items():
                    yield f"{where}.{key}.{line}", str(text), str(value.get(line, ""))
            else:
                yield f"{where}.{key}", str(english), str(value)
        else:
            yield from _twins(value, f"{where}.{key}")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_spanish_twin_is_filled_and_keeps_the_numbers(name):
    pairs = list(_twins(data_table(name)))
    assert pairs, f"{name} has no Spanish twins"
    for place, english, spanish in pairs:
        assert english and english != "None", f"{name}{place}: no English field"
        assert spanish.strip(), f"{name}{place}: empty Spanish"
        missing = _numbers(english) - _numbers(spanish)
        assert not missing, f"{name}{place}: Spanish lacks {sorted(missing)}"


def _data_fields_read_have_twins(table: Any, keys: set[str], where: str = "") -> list[str]:
    """Fields the code shows that lack a Spanish twin."""
    lacking: list[str] = []
    if isinstance(table, list):
        for index, item in enumerate(table):
            lacking += _data_fields_read_have_twins(item, keys, f"{where}[{index}]")
    elif isinstance(table, dict):
        for key, value in table.items():
            if key in keys and isinstance(value, str) and f"{key}_es" not in table:
                lacking.append(f"{where}.{key}")
            elif isinstance(value, (dict, list)) and key not in ("source", "sources"):
                lacking += _data_fields_read_have_twins(value, keys, f"{where}.{key}")
    return lacking


def test_the_shown_fields_all_have_twins():
    shown = {"text", "rule", "status", "note", "extenuating", "counted_from", "label"}
    for name in DATA_FILES:
        lacking = [
            place
            for place in _data_fields_read_have_twins(data_table(name), shown)
            if not place.endswith("after_expiry.status")
        ]
        assert not lacking, f"{name}: no Spanish for {lacking}"
    lines = data_table("tax_rules.toml")["worksheet"]
    assert set(lines["lines_es"]) == set(lines["lines"])


# --- The package's answers, in English and in Spanish ----------------------------------


def _credit_pieces() -> list[str]:
    pieces: list[str] = [credit.disclaimer()]
    for exit in EXITS:
        for path in DeficiencyPath:
            report = credit.credit_reporting(exit, path)
            for status in report.statuses:
                pieces += [status.stage, status.status, status.code_words]
                pieces += [status.note] if status.note else []
            pieces.append(report.stays)
            pieces += [report.judgment_note] if report.judgment_note else []
            for period in report.waiting_periods:
                pieces += [period.extenuating, period.counted_from, period.note]
            for rule in report.unchecked:
                pieces += [rule.program, rule.text]
            pieces.append(credit.timeline_gaps(exit, path).note)
            for cancelled in (None, Decimal(500), Decimal(20000)):
                for event in credit.timeline(date(2024, 1, 15), exit, path, cancelled=cancelled):
                    pieces += [event.label, event.detail]
            for event in credit.timeline(
                date(2024, 1, 15), exit, path, months_default_to_sale=1, months_sale_to_resolution=1
            ):
                pieces += [event.label, event.detail]
    return pieces


def _tax_pieces() -> list[str]:
    pieces: list[str] = [tax.disclaimer()]
    for debt_type in tax.DebtType:
        pieces.append(debt_type.label)
        for value, personal in ((80000, True), (80000, False), (120000, True)):
            sheet = tax.foreclosure_worksheet(
                debt_before_transfer=100000,
                fair_market_value=value,
                adjusted_basis=90000,
                debt_type=debt_type,
                personal_use=personal,
            )
            pieces += [line.label for line in sheet.lines()]
            pieces += list(sheet.explanation())
    cases = [
        {"discharge_date": date(2025, 6, 30), "qualified_home_debt": 250000},
        {
            "discharge_date": date(2025, 6, 30),
            "qualified_home_debt": 200000,
            "loan_balance": 260000,
        },
        {"discharge_date": date(2026, 2, 1), "qualified_home_debt": 250000},
        {"discharge_date": date(2006, 2, 1), "qualified_home_debt": 250000},
        {"discharge_date": date(2025, 6, 30), "title_11_case": True},
        {"discharge_date": date(2025, 6, 30), "liabilities": 90000, "assets": 60000},
        {"discharge_date": date(2025, 6, 30), "liabilities": 50000, "assets": 60000},
        {
            "discharge_date": date(2025, 6, 30),
            "qualified_home_debt": 250000,
            "elect_insolvency": True,
            "liabilities": 90000,
            "assets": 60000,
        },
    ]
    for case in cases:
        result = tax.taxable_cancelled_debt(50000, **case)
        for exclusion in result.exclusions:
            pieces += [exclusion.kind.label, exclusion.reason]
    rates = tax.federal_rates()
    pieces += [rates.tax_years, rates.estimate_note]
    rules = tax.exclusion_rules()
    pieces += [rules.bankruptcy, rules.main_home, rules.insolvency_liabilities]
    pieces.append(rules.insolvency_over_main_home)
    for exit in EXITS:
        for path in DeficiencyPath:
            for amount, year in ((50000, 2025), (50000, None), (50000, 2027), ("599.99", 2025)):
                for same_year in (True, False):
                    for form in tax.expected_forms(
                        exit, path, amount, tax_year=year, same_year=same_year, personal_use=False
                    ):
                        pieces += [form.status.label, form.explanation]
            form_a, _form_c = tax.expected_forms(exit, path, 50000)
            pieces.append(form_a.explanation)
    return pieces


def _collection_pieces() -> list[str]:
    pieces: list[str] = [garnishment_note()]
    for period in PayPeriod:
        pieces.append(period.label)
        for earnings in (200, 290, 368, 2000, 5000):
            pieces.append(garnishment_cap(earnings, period).explanation)
    for state in ("CA", "TX", "NY"):
        pieces.append(garnishment_cap(900, PayPeriod.WEEKLY, state=state).explanation)
    pieces.append(garnishment_payoff(2000, 200).message)
    pieces.append(garnishment_payoff(2000, 368, 10).message)
    pieces.append(payoff_schedule(1000, 0).message)
    pieces.append(payoff_schedule(100000, 5, 10, max_years=1).message)
    for deficiency, share in ((2000, 40), (1000, 50)):
        plan = PlannerInputs(
            Decimal(deficiency),
            Decimal(share),
            plan_months=12,
            disposable_earnings=Decimal(368),
            judgment_rate=Decimal(10),
        )
        for option in compare_options(plan):
            pieces += [option.label, option.tax_note, option.credit_report, option.notes]
    return pieces


def _letter_pieces() -> list[str]:
    letter = LenderLetter(
        Decimal(12000),
        Decimal(3000),
        Decimal(9500),
        {"Mystery charge": Decimal(400), "Mystery charges": Decimal(400), "Late fee": Decimal(75)},
        {"Rebate": Decimal(100)},
        Decimal(9000),
        expenses_total=Decimal(900),
        credits_total=Decimal(150),
    )
    pieces: list[str] = []
    for notice in NoticeStatus:
        facts = LetterFacts(
            believed_value=Decimal(10000),
            repossession_date=date(2025, 1, 10),
            sale_date=date(2025, 6, 1),
            balance_date=date(2024, 11, 1),
            notice=notice,
            finance_charge=Decimal(4000) if notice is NoticeStatus.MISSING else None,
            principal_amount=Decimal(15000) if notice is NoticeStatus.MISSING else None,
            precomputed=False,
            add_ons=frozenset(),
        )
        for flag in check_letter(letter, facts):
            pieces += [flag.title, flag.why, flag.ask]
    backwards = LetterFacts(
        repossession_date=date(2025, 6, 1),
        sale_date=date(2025, 1, 10),
        add_ons=frozenset(),
        precomputed=False,
    )
    surplus = LenderLetter(
        Decimal(5000), Decimal(6000), Decimal(-1000), {}, {}, Decimal(0), Decimal(50)
    )
    for flag in check_letter(surplus, backwards):
        pieces += [flag.title, flag.why, flag.ask]
    mortgage = MortgageLetter(
        Decimal(312000),
        Decimal(4000),
        Decimal(1200),
        {"Inspection": Decimal(300)},
        Decimal(275000),
        {"Commission": Decimal(22000), "Closing costs": Decimal(12000)},
        {},
        Decimal(70000),
    )
    right = MortgageLetter(
        Decimal(312000),
        ZERO,
        ZERO,
        {},
        Decimal(275000),
        {"Commission": Decimal(16500)},
        {},
        Decimal(53500),
    )
    for flag in (*check_mortgage_letter(mortgage), *check_mortgage_letter(right)):
        pieces += [flag.title, flag.why, flag.ask]
    return pieces


ZERO = Decimal(0)
AREAS: dict[str, Callable[[], list[str]]] = {
    "credit": _credit_pieces,
    "tax": _tax_pieces,
    "collection": _collection_pieces,
    "letter": _letter_pieces,
}


@pytest.mark.parametrize("area", sorted(AREAS))
def test_answers_read_in_spanish_with_the_same_dollar_figures(area):
    english = AREAS[area]()
    with language("es"):
        spanish = AREAS[area]()
    assert len(english) == len(spanish)
    left = english_pieces(spanish, ALLOWED)
    assert not left, f"English left in the {area} answers:\n" + "\n".join(sorted(set(left)))
    for en, es in zip(english, spanish, strict=True):
        assert sorted(_DOLLARS.findall(en)) == sorted(_DOLLARS.findall(es)), (en, es)


def test_reader_dates_follow_the_language():
    with language("es"):
        form = tax.expected_forms("foreclosure", "waived", 50000, tax_year=2025, same_year=False)
    assert "lunes 2 de febrero de 2026" in form[0].explanation
    english = tax.expected_forms("foreclosure", "waived", 50000, tax_year=2025, same_year=False)
    assert "Monday 2 February 2026" in english[0].explanation

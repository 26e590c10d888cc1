"""Spanish in the law data on time limits, wage garnishment and judgment interest.

Every row of ``limitations.csv``, ``garnishment.csv`` and ``judgment_interest.csv`` carries
its summary in Spanish (``summary_es``; ``index_es`` beside a filled ``index``) with every
number of the English, and in Spanish the package's answers on those topics read in Spanish.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from deficiency import LoanKind
from deficiency.garnishment import state_garnishment
from deficiency.i18n import language
from deficiency.judgment_interest import DebtPurpose, interest_rules_for, judgment_rate, rate_in_use
from deficiency.limitations import Claim, limitations_for, time_limits
from deficiency.sources import Confidence, data_rows
from deficiency.state_law import jurisdiction_names
from tests.i18n.english import english_pieces

#: A number as the text writes it: "6", "7.5", "$12,000", "2-725" gives 2 and 725.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Each file with its twin columns: (file, key column, columns with a Spanish twin).
FILES = (
    ("limitations.csv", "rule_id", ("summary",)),
    ("garnishment.csv", "state", ("summary",)),
    ("judgment_interest.csv", "rule_id", ("summary", "index")),
)

CASES = [
    (name, row[key], column, row)
    for name, key, columns in FILES
    for row in data_rows(name)
    for column in columns
]


@pytest.mark.parametrize(
    ("name", "key", "column", "row"),
    CASES,
    ids=[f"{name}:{key}:{column}" for name, key, column, _row in CASES],
)
def test_every_row_has_its_spanish_with_the_same_numbers(name, key, column, row):
    english, spanish = row[column].strip(), row[f"{column}_es"].strip()
    if column == "summary":
        assert spanish, f"{name} {key}: no summary_es"
    if not english:
        assert not spanish, f"{name} {key}: {column}_es without {column}"
        return
    assert spanish and spanish != english, f"{name} {key}: {column}_es missing or English"
    found = NUMBER.findall(spanish)
    missing = [number for number in NUMBER.findall(english) if number not in found]
    assert not missing, f"{name} {key}: {column}_es lacks {missing}"


def _allowed(*states: str) -> list[str]:
    """What may stay English: citations, state names and source sites."""
    names = jurisdiction_names()
    allowed = [names[code] for code in states if code in names]
    for row in (
        *data_rows("limitations.csv"),
        *data_rows("garnishment.csv"),
        *data_rows("judgment_interest.csv"),
    ):
        if row["state"] in states:
            allowed.append(row["citation"])
    return sorted(set(allowed), key=len, reverse=True)


STATES = ("CA", "TX", "NY", "AZ", "FL", "MA", "VT")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", [LoanKind.MORTGAGE, LoanKind.AUTO])
def test_time_limits_read_in_spanish(state, kind):
    exit = "foreclosure" if kind is LoanKind.MORTGAGE else "repossession"
    own = {row.source for row in limitations_for(state, kind)}
    with language("es"):
        limits = time_limits(state, kind, exit, date(2025, 1, 10))
        # The special deadlines' period and summary are the state rules' own data.
        pieces = [
            text
            for limit in limits
            for text in (
                (limit.label, limit.period, limit.summary, limit.checked)
                if limit.source in own
                else (limit.label, limit.checked)
            )
        ]
    assert pieces
    assert english_pieces(pieces, _allowed(state)) == []


def test_time_limits_keep_their_english():
    limits = time_limits("AZ", LoanKind.MORTGAGE, "foreclosure", date(2025, 1, 10))
    assert limits[0].label.startswith("The lender must seek a deficiency (")
    general = {limit.label: limit for limit in limits}
    contract = general[Claim.WRITTEN_CONTRACT.label]
    assert contract.period == "6 years"
    assert contract.summary.startswith("A lender has 6 years")
    with language("es"):
        spanish = time_limits("AZ", LoanKind.MORTGAGE, "foreclosure", date(2025, 1, 10))
    assert spanish[0].label.startswith("El prestamista debe reclamar la deficiencia (")
    assert {limit.period for limit in spanish} >= {"6 años", "10 años"}


def test_periods_in_words():
    (row,) = [row for row in limitations_for("AL") if row.claim is Claim.WRITTEN_CONTRACT]
    assert row.words == "6 years"
    with language("es"):
        assert row.words == "6 años"
        assert Claim.JUDGMENT.label == "Cuánto tiempo se puede cobrar una sentencia"


@pytest.mark.parametrize("state", (*STATES, "NC", "WA", "HI"))
def test_garnishment_summary_reads_in_spanish(state):
    row = state_garnishment(state)
    assert row.text == row.summary
    with language("es"):
        text = row.text
    assert text == row.summary_es
    assert english_pieces([text], _allowed(state)) == []


@pytest.mark.parametrize(
    ("state", "facts"),
    [
        ("CA", {"judgment_date": date(2025, 6, 1), "principal": 12000, "debt_type": "personal"}),
        ("CA", {}),
        ("IL", {}),
        ("NY", {"debt_type": "personal"}),
        ("TX", {"contract_sets_rate": False}),
        ("AK", {"contract_sets_rate": False}),
        ("US", {}),
    ],
)
def test_judgment_interest_reads_in_spanish(state, facts):
    with language("es"):
        choice = judgment_rate(state, **facts)
        pieces = [choice.reason, choice.rule.rate_words, choice.rule.text]
        pieces += [rule.text for rule in interest_rules_for(state)]
        pieces += [item.label for item in DebtPurpose]
    assert english_pieces(pieces, _allowed(state)) == []


def test_judgment_interest_dates_and_english_reason():
    choice = judgment_rate("CA")
    assert choice.reason.startswith("California: 10% a year, simple (")
    assert "entered on or after January 1, 2023" in choice.reason
    with language("es"):
        spanish = judgment_rate("CA").reason
    assert spanish.startswith("California: 10% al año, simple (")
    assert "dictada el 1 de enero de 2023 o después" in spanish


def test_an_index_rate_asks_for_the_rate_in_spanish():
    choice = judgment_rate("AK", contract_sets_rate=False)
    with language("es"), pytest.raises(ValueError) as raised:
        rate_in_use(choice, None)
    message = str(raised.value)
    assert message.startswith("Tasa de interés después de la sentencia: Alaska fija la tasa")
    assert english_pieces([message], _allowed("AK")) == []


def test_confidence_words_and_read_date():
    source = state_garnishment("CA").source
    assert source.read_on == "2 Dec 2026"
    with language("es"):
        assert source.read_on == "2 dic 2026"
        assert source.read_on_long == "2 de diciembre de 2026"
        words = [
            text for mark in Confidence for text in (mark.label, mark.short, mark.caveat) if text
        ]
    assert english_pieces(words) == []
    assert Confidence.MEDIUM.short == "trusted guide"

"""Spanish for the state rules: every row's summary, the borrower's questions, and what an
assessment says in Spanish (no English left but citations and state names)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest

from deficiency import LoanKind
from deficiency.assessment import assess, facts_asked
from deficiency.i18n import language
from deficiency.sources import data_rows
from deficiency.state_law import (
    Deadline,
    ForeclosureType,
    LoanFacts,
    apply_state_law,
    fact_catalog,
    fact_question,
    jurisdiction_names,
    rules_for,
    state_rules,
)
from tests.i18n.english import english_pieces

#: A number as a reader sees it: 1,000 / 2.5 / 35-10-15's parts / 10%.
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
ROWS = data_rows("state_rules.csv")


def numbers(text: str) -> list[str]:
    return [found.rstrip(",.") for found in NUMBER.findall(text)]


@pytest.mark.parametrize("row", ROWS, ids=[row["rule_id"] for row in ROWS])
def test_every_summary_has_a_spanish_twin_with_the_same_numbers(row):
    spanish = row["summary_es"]
    assert spanish.strip(), f"{row['rule_id']}: summary_es is empty"
    assert spanish != row["summary"]
    missing = [number for number in numbers(row["summary"]) if number not in spanish]
    assert not missing, f"{row['rule_id']}: summary_es lacks {missing}"


def test_every_deadline_event_has_a_spanish_twin_with_the_same_numbers():
    for row in ROWS:
        if row["deadline_from"]:
            spanish = row["deadline_from_es"]
            assert spanish.strip(), row["rule_id"]
            assert all(number in spanish for number in numbers(row["deadline_from"]))
        else:
            assert not row["deadline_from_es"], row["rule_id"]


def test_summary_es_sits_after_summary():
    header = next(csv.reader(io.StringIO(open_data("state_rules.csv"))))
    assert header.index("summary_es") == header.index("summary") + 1
    assert header.index("deadline_from_es") == header.index("deadline_from") + 1


def open_data(name: str) -> str:
    from deficiency.sources import _data_text

    return _data_text(name)


def test_every_fact_reads_in_spanish_and_keeps_its_numbers():
    for info in fact_catalog().values():
        assert info.question_es.strip() and info.clause_es.strip(), info.name
        assert bool(info.negated) == bool(info.negated_es), info.name
        for english, spanish in (
            (info.question, info.question_es),
            (info.clause, info.clause_es),
            (info.negated, info.negated_es),
        ):
            assert all(number in spanish for number in numbers(english)), info.name
            assert not english_pieces([spanish]), (info.name, spanish)


def test_the_language_is_read_at_display_time_not_at_load_time():
    rule = next(rule for rule in state_rules() if rule.rule_id == "CA-580b")
    assert rule.summary_text == rule.summary
    assert fact_question("owner_occupied") == "Did you live in the home as your main home?"
    with language("es"):
        assert rule.summary_text == rule.summary_es
        assert fact_question("owner_occupied") == "¿Vivía en la casa como su vivienda principal?"
    assert rule.summary_text == rule.summary


def test_a_deadline_reads_in_spanish():
    deadline = Deadline(90, 0, "the trustee's sale", "la venta del fiduciario (trustee's sale)")
    assert deadline.words == "90 days after the trustee's sale"
    with language("es"):
        assert deadline.words == "90 días después de la venta del fiduciario (trustee's sale)"
        assert Deadline(0, 24, "x", "la venta").words == "2 años después de la venta"
        assert Deadline(0, 1, "x", "la venta").words == "1 mes después de la venta"


HOME = {"unpaid_principal": "250000", "sale_price": "200000"}
CAR = {"unpaid_principal": "14000", "sale_price": "6000"}
#: (state, kind, values, exit, facts): known facts, unknown facts, a bar, a credit, none.
SCENARIOS = [
    (state, kind, values, exit, facts)
    for state in ("CA", "TX", "FL", "NY", "AZ", "NV", "WI", "MN")
    for kind, values, exit, facts in (
        (LoanKind.MORTGAGE, HOME, "foreclosure", {}),
        (LoanKind.MORTGAGE, HOME, "foreclosure", {"owner_occupied": "yes", "purchase_money": "no"}),
        (LoanKind.MORTGAGE, HOME, "short_sale", {"purchase_money": "yes", "owner_occupied": "yes"}),
        (LoanKind.MORTGAGE, HOME, "deed_in_lieu", {}),
        (LoanKind.AUTO, CAR, "repossession", {}),
        (LoanKind.AUTO, CAR, "voluntary_surrender", {"credit_sale": "yes"}),
    )
]


def reader_text(state, kind, values, exit, facts) -> tuple[list[str], list[str]]:
    """Everything an assessment shows a reader, and the citations allowed to stay English."""
    law = assess(kind, values, exit, "judgment", state, facts).law
    assert law is not None
    pieces = [law.explanation, *(finding.reason for finding in law.findings)]
    pieces += [fact_question(fact) for fact in facts_asked(state, kind, exit)]
    allowed = [rule.citation for rule in rules_for(state)]
    allowed += [rule.source.citation for rule in rules_for(state)]
    allowed += list(jurisdiction_names().values())
    return pieces, sorted(set(allowed), key=len, reverse=True)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{s[0]}-{s[3]}")
def test_an_assessment_in_spanish_has_no_english_left(scenario):
    with language("es"):
        pieces, allowed = reader_text(*scenario)
    assert not english_pieces(pieces, allowed)


@pytest.mark.parametrize("scenario", SCENARIOS[:6], ids=lambda s: f"{s[0]}-{s[3]}")
def test_the_same_assessment_reads_in_english_outside_spanish(scenario):
    english, _allowed = reader_text(*scenario)
    with language("es"):
        spanish, _allowed = reader_text(*scenario)
    assert english != spanish
    assert english == reader_text(*scenario)[0]


def test_a_fair_value_credit_and_a_missing_fact_read_in_spanish():
    sale = LoanFacts(
        foreclosure_type=ForeclosureType.NONJUDICIAL,
        one_or_two_family_on_2_5_acres=False,
        sale_price=Decimal("180000"),
        fair_market_value=Decimal("200000"),
        surviving_liens=Decimal("0"),
    )
    with language("es"):
        result = apply_state_law("AZ", LoanKind.MORTGAGE, "foreclosure", 50000, sale)
        unknown = apply_state_law("AZ", LoanKind.MORTGAGE, "foreclosure", 50000)
    assert result.collectible_deficiency == Decimal("30000.00")
    assert "La ley de Arizona limita esta deficiencia" in result.explanation
    assert "$50,000.00 baja a $30,000.00" in result.explanation
    assert "necesitamos saber si la ejecución hipotecaria fue" in " ".join(
        finding.reason for finding in unknown.findings
    )


def test_no_rule_for_a_loan_kind_reads_in_spanish():
    with language("es"):
        result = apply_state_law("WI", LoanKind.AUTO, "repossession", 500, LoanFacts())
    assert "Información general de fuentes públicas" in result.explanation

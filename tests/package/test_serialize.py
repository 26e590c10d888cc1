"""Scenario documents: JSON round trips, every problem named, hostile input, statement CSV."""

import contextlib
import csv
import io
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deficiency import LoanKind, evaluate
from deficiency.serialize import (
    MAX_DOCUMENT_CHARS,
    STATE_CODES,
    InvalidScenarioError,
    ScenarioDocument,
    from_json,
    input_fields_for,
    scenario_document,
    spreadsheet_safe,
    statement_csv,
    to_json,
)

EXITS = {
    LoanKind.MORTGAGE: ["short_sale", "foreclosure", "deed_in_lieu"],
    LoanKind.AUTO: ["repossession", "voluntary_surrender"],
}
CAR = {"unpaid_principal": "10000", "sale_price": "8500", "retaking_fee": "500"}


def car_json(**changes: object) -> str:
    document: dict[str, object] = {
        "format": "deficiency-scenario",
        "version": 1,
        "kind": "auto",
        "exit": "repossession",
        "resolution": "judgment",
        "values": dict(CAR),
    }
    document.update(changes)
    return json.dumps(document)


def amount_text(info_kind: str, maximum: int) -> st.SearchStrategy[str]:
    if info_kind == "count":
        return st.integers(0, maximum).map(str)
    if info_kind == "percent":
        typed = st.decimals(0, 100, places=3).map(lambda d: f"{d:f}")
        # What the app stores from a widget's float (at most 4 places): str(Decimal).
        from_widget = st.floats(0, 100).map(lambda f: str(Decimal(repr(round(f, 4)))))
        return st.one_of(typed, from_widget)
    plain = st.decimals(0, Decimal("1e9"), places=4).map(lambda d: f"{d:f}")
    dollars = st.decimals(0, Decimal("1e7"), places=2).map(lambda d: f"${d:,.2f}")
    return st.one_of(plain, dollars)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[LoanKind, str, str, dict[str, str]]:
    kind = draw(st.sampled_from(list(LoanKind)))
    infos = list(input_fields_for(kind).values())
    chosen = draw(st.lists(st.sampled_from(infos), unique_by=lambda i: i.name, max_size=10))
    values = {info.name: draw(amount_text(info.kind, info.maximum)) for info in chosen}
    exit_ = draw(st.sampled_from(EXITS[kind]))
    resolution = draw(st.sampled_from(["waived", "judgment", "settled"]))
    return kind, exit_, resolution, values


names = st.one_of(
    st.none(), st.text(st.characters(codec="utf-8", categories=["L", "N"]), max_size=40)
)


@settings(max_examples=150, deadline=None)
@given(scenarios(), names, st.one_of(st.none(), st.sampled_from(sorted(STATE_CODES))))
def test_json_round_trip_gives_identical_documents_and_results(scenario, name, state):
    kind, exit_, resolution, values = scenario
    document = scenario_document(kind, exit_, resolution, values, name=name, state=state)
    loaded = from_json(to_json(document))
    assert loaded == document
    assert from_json(to_json(loaded)) == loaded
    before, after = document.outcome(), loaded.outcome()
    assert after.statement.lines == before.statement.lines
    assert (after.borrower_owes, after.cancelled) == (before.borrower_owes, before.cancelled)
    # The saved amounts give the same outcome as the amounts the user typed.
    assert evaluate(kind, values, exit_, resolution).statement.lines == before.statement.lines


def test_amounts_are_saved_as_exact_strings():
    document = scenario_document("auto", "repossession", "judgment", {"sale_price": "$8,500.005"})
    saved = json.loads(to_json(document))
    assert saved["values"] == {"sale_price": "8500.01"}
    assert saved["format"] == "deficiency-scenario" and saved["version"] == 1


@pytest.mark.parametrize("fine", ["1E-39", "1E-999999", "0.00001"])
def test_a_percentage_finer_than_four_places_is_refused_in_a_file(fine):
    # One precision rule for every percentage: a file once carried 1E-999999 to the Report
    # page, which printed a megabyte of zeros.
    with pytest.raises(InvalidScenarioError, match="settlement_percent: use at most 4 decimal"):
        scenario_document("auto", "repossession", "settled", {"settlement_percent": fine})
    text = car_json(values={"settlement_percent": fine})
    with pytest.raises(InvalidScenarioError, match="settlement_percent: use at most 4 decimal"):
        from_json(text)


def test_every_problem_is_reported_not_just_the_first():
    text = car_json(
        kind="auto",
        exit="short_sale",
        resolution="maybe",
        values={"sale_price": "-1", "retaking_fee": "abc", "colour": "red"},
        name="<b>x</b>",
        state="ZZ",
        extra=1,
    )
    with pytest.raises(InvalidScenarioError) as caught:
        from_json(text)
    fields = caught.value.fields
    assert set(fields) >= {
        "'extra'",
        "exit",
        "resolution",
        "values.sale_price",
        "values.retaking_fee",
        "values.'colour'",
        "name",
        "state",
    }
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ('{"values": {"sale_price": NaN}}', "document", "NaN is not allowed"),
        ('{"values": {"sale_price": Infinity}}', "document", "Infinity is not allowed"),
        ("[1, 2]", "document", "got a list"),
        ('"just text"', "document", "got text"),
        ("null", "document", "got null"),
        ("{", "document", "not valid JSON"),
        ("[" * 50_000 + "]" * 50_000, "document", "nested too deeply"),
        ('{"a": 1, "a": 2}', "document", "appears twice"),
        ("1" * 5000, "document", "not a usable JSON document"),
        (" " * (MAX_DOCUMENT_CHARS + 1), "document", "larger than"),
    ],
)
def test_hostile_documents_get_clear_errors(text, field, words):
    with pytest.raises(InvalidScenarioError) as caught:
        from_json(text)
    assert caught.value.fields[0] == field
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1e308, "above $1 trillion"),
        ("1e308", "above $1 trillion"),
        ("<script>alert(1)</script>", "is not a number"),
        ("9" * 100, "too long"),
        ("<script>", "is not a number"),
        (True, "expected an amount"),
        (None, "got null"),
        ([1], "got a list"),
        ({"a": 1}, "got an object"),
        ("NaN", "finite"),
    ],
)
def test_hostile_amounts_name_their_field(value, words):
    text = car_json(values={"sale_price": value})
    with pytest.raises(InvalidScenarioError) as caught:
        from_json(text)
    assert caught.value.fields == ("values.sale_price",)
    assert words in str(caught.value)


def test_newer_version_missing_keys_and_wrong_format_are_explained():
    with pytest.raises(InvalidScenarioError, match="newer app"):
        from_json(car_json(version=2))
    with pytest.raises(InvalidScenarioError) as caught:
        from_json('{"format": "other"}')
    assert set(caught.value.fields) == {"format", "version", "kind", "exit", "resolution", "values"}


def test_non_utf8_bytes_and_huge_bytes_are_rejected():
    with pytest.raises(InvalidScenarioError, match="UTF-8"):
        from_json(b"\xff\xfe{}")
    with pytest.raises(InvalidScenarioError, match="too large"):
        from_json(b" " * (MAX_DOCUMENT_CHARS * 4 + 1))
    assert from_json(car_json().encode("utf-8")).outcome().borrower_owes == Decimal("2000.00")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_arbitrary_text_never_raises_anything_but_invalid_scenario(text):
    with contextlib.suppress(InvalidScenarioError):
        from_json(text)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "format": st.one_of(st.just("deficiency-scenario"), json_values),
            "version": st.one_of(st.just(1), json_values),
            "kind": st.one_of(st.sampled_from(["auto", "mortgage"]), json_values),
            "exit": st.one_of(st.sampled_from(["repossession", "short_sale"]), json_values),
            "resolution": st.one_of(st.just("waived"), json_values),
            "values": st.one_of(
                st.dictionaries(st.sampled_from(["sale_price", "x"]), json_values), json_values
            ),
            "name": json_values,
            "state": json_values,
            "junk": json_values,
        },
    )
)
def test_arbitrary_json_objects_only_raise_invalid_scenario(document):
    text = json.dumps(document, allow_nan=True)
    try:
        loaded = from_json(text)
    except InvalidScenarioError as error:
        assert error.problems
    else:
        assert isinstance(loaded, ScenarioDocument)


def test_statement_csv_lists_the_six_lines_items_outcome_and_inputs():
    document = scenario_document("auto", "repossession", "judgment", CAR, name="=cmd|' /C calc'!A0")
    rows = list(csv.reader(io.StringIO(statement_csv(document))))
    assert rows[0] == ["section", "name", "label", "value"]
    statement = [row for row in rows if row[0] == "statement"]
    assert [row[3] for row in statement] == [
        "10000.00",
        "8500.00",
        "1500.00",
        "500.00",
        "0.00",
        "2000.00",
    ]
    assert ["outcome", "borrower_owes", "Borrower still owes", "2000.00"] in rows
    assert ["input", "retaking_fee", "Repossession (retaking) fee", "500.00"] in rows
    assert ["expense", "expense_1", "Repossession (retaking)", "500.00"] in rows
    # A name a spreadsheet would run as a formula is neutralised.
    assert ["scenario", "name", "Name", "'=cmd|' /C calc'!A0"] in rows


def test_spreadsheet_safe_keeps_numbers_and_neutralises_formulas():
    assert spreadsheet_safe("-5.00") == "-5.00"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("+1") == "'+1"
    assert spreadsheet_safe("plain") == "plain"

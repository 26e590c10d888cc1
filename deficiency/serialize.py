"""Scenario documents: save a scenario as JSON, load it back with every problem named, export CSV.

A scenario document holds what a user typed, not what was computed: the loan kind,
the exit, the resolution and the flat input values (amounts as strings, so they stay
exact), with an optional name and state. Loading validates everything and reports all
problems at once in an :class:`InvalidScenarioError`; unknown keys are reported, never
dropped. The statement export is plain CSV text for a spreadsheet.

Document format, version 1::

    {
      "format": "deficiency-scenario",
      "version": 1,
      "kind": "auto",
      "exit": "repossession",
      "resolution": "judgment",
      "values": {"unpaid_principal": "10000.00", "sale_price": "8500.00"},
      "name": "Car example",
      "state": "CA"
    }

``name`` and ``state`` may be left out or ``null``; ``values`` lists only the inputs
given (the others take their defaults, zero for amounts).
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from deficiency.assessment import assess
from deficiency.auto import AutoExit
from deficiency.case import Case, CaseDates, TaxFacts
from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import _
from deficiency.money import MAX_NUMBER_TEXT, number_text, to_count, to_money, to_percent
from deficiency.mortgage import MortgageExit
from deficiency.parsing import choice, instance, whole_number
from deficiency.resolution import Outcome, Resolution
from deficiency.scenarios import FieldInfo, LoanKind, evaluate, resolution_fields, scenario_fields
from deficiency.state_law import jurisdiction_names

FORMAT_NAME = "deficiency-scenario"
FORMAT_VERSION = 1
#: A scenario is well under 2 KB; anything past this is not a scenario file.
MAX_DOCUMENT_CHARS = 100_000
MAX_NAME_CHARS = 120
DOCUMENT_KEYS = (
    "format",
    "version",
    "kind",
    "exit",
    "resolution",
    "values",
    "name",
    "state",
    "facts",
)
REQUIRED_KEYS = ("format", "version", "kind", "exit", "resolution", "values")

#: US postal codes of the states, DC and the territories where a state rule may apply.
STATE_CODES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
        "GU",
        "VI",
        "AS",
        "MP",
    ]
)

_EXITS: dict[LoanKind, type[MortgageExit] | type[AutoExit]] = {
    LoanKind.MORTGAGE: MortgageExit,
    LoanKind.AUTO: AutoExit,
}
_UNSAFE_TEXT = re.compile(r"[<>\x00-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class InvalidScenarioError(InvalidInputError):
    """A scenario that cannot be used; ``problems`` names every bad field, not just the first.

    It is an :class:`InvalidInputError` (``field`` names the first bad field), so one
    ``except InvalidInputError`` catches every refusal of the package.

    Examples
    --------
    >>> error = InvalidScenarioError([InvalidInputError("sale_price", "cannot be negative")])
    >>> error.fields, str(error), error.field
    (('sale_price',), 'sale_price: cannot be negative', 'sale_price')
    """

    def __init__(self, problems: Sequence[InvalidInputError]) -> None:
        self.problems = tuple(problems)
        message = "; ".join(str(problem) for problem in self.problems)
        self.field = self.problems[0].field if self.problems else "scenario"
        self.problem = message
        ValueError.__init__(self, message)

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the bad fields, in the order found."""
        return tuple(problem.field for problem in self.problems)


def input_fields_for(kind: LoanKind) -> dict[str, FieldInfo]:
    """Every flat input a scenario of ``kind`` accepts (scenario and resolution), by name."""
    return {info.name: info for info in (*scenario_fields(kind), *resolution_fields())}


def canonical_value(info: FieldInfo, raw: object) -> str:
    """Validate one flat input and return it as an exact canonical string.

    Money is rounded half-up to cents (``"1234.50"``); percentages keep their digits;
    counts are whole numbers. Raises :class:`InvalidInputError` naming ``info.name``.

    Examples
    --------
    >>> money = FieldInfo("sale_price", "Sale price", "money", "sale")
    >>> canonical_value(money, "$8,500.005")
    '8500.01'
    >>> canonical_value(money, "<script>")
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: sale_price: '<script>' is not a number
    """
    value: Any = raw
    if isinstance(raw, str) and len(raw) > 60:
        raise InvalidInputError(info.name, _("is too long to be an amount"))
    if not isinstance(raw, str | int | Decimal) or isinstance(raw, bool):
        raise InvalidInputError(
            info.name, _("expected an amount as a string, got {kind}").format(kind=_kind(raw))
        )
    if info.kind == "money":
        return number_text(to_money(value, info.name))
    if info.kind == "percent":
        return number_text(to_percent(value, info.name, Decimal(info.maximum)))
    return str(to_count(value, info.name, maximum=info.maximum))


def _kind(raw: object) -> str:
    """What a JSON value is, in JSON's words."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return _("true or false")
    if isinstance(raw, int | float | Decimal):
        return _("a number")
    if isinstance(raw, str):
        return _("text")
    if isinstance(raw, list | tuple):
        return _("a list")
    if isinstance(raw, Mapping):
        return _("an object")
    return shown(raw)


def _optional_text(raw: object, field: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise InvalidInputError(field, _("must be text, got {value}").format(value=shown(raw)))
    if len(raw) > MAX_NAME_CHARS:
        raise InvalidInputError(
            field, _("is longer than {count} characters").format(count=MAX_NAME_CHARS)
        )
    if _UNSAFE_TEXT.search(raw):
        raise InvalidInputError(field, _("cannot contain <, > or control characters"))
    return raw.strip() or None


def _state(raw: object) -> str | None:
    text = _optional_text(raw, "state")
    if text is None:
        return None
    code = text.upper()
    if code not in STATE_CODES:
        raise InvalidInputError(
            "state", _("{value} is not a two-letter US state code").format(value=shown(raw))
        )
    return code


def _facts(raw: object, problems: list[InvalidInputError]) -> Mapping[str, str]:
    """The answers to a state's questions as :func:`deficiency.assessment.fact_answer` holds
    them, every bad one added to ``problems``; unknown answers are left out (an unknown
    fact never bars a deficiency)."""
    from deficiency.assessment import UNKNOWN, fact_answer  # assessment imports scenarios too

    if raw is None:
        return MappingProxyType({})
    if not isinstance(raw, Mapping):
        problems.append(InvalidInputError("facts", _("must be an object of fact name -> answer")))
        return MappingProxyType({})
    clean: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not isinstance(value, str):
            problems.append(
                InvalidInputError(
                    f"facts.{shown(key)}", _("must be a fact name with a text answer")
                )
            )
            continue
        try:
            answer = fact_answer(key, value)
        except InvalidInputError as problem:
            problems.append(InvalidInputError(f"facts.{key}", problem.problem))
            continue
        if answer != UNKNOWN:
            clean[key] = answer
    return MappingProxyType(clean)


def _check(
    kind: object,
    exit: object,
    resolution: object,
    values: object,
    name: object,
    state: object,
    facts: object = None,
) -> tuple[dict[str, Any], list[InvalidInputError]]:
    """Validate every part, collecting all problems; return the clean parts and the problems."""
    problems: list[InvalidInputError] = []
    parts: dict[str, Any] = {}

    def attempt(key: str, check: Any, *args: object) -> None:
        try:
            parts[key] = check(*args)
        except InvalidInputError as problem:
            problems.append(problem)

    attempt("kind", choice, LoanKind, kind, "kind")
    attempt("resolution", choice, Resolution, resolution, "resolution")
    attempt("name", _optional_text, name, "name")
    attempt("state", _state, state)
    parts["facts"] = _facts(facts, problems)
    loan_kind = parts.get("kind")
    if isinstance(loan_kind, LoanKind):
        attempt("exit", choice, _EXITS[loan_kind], exit, "exit")
    clean: dict[str, str] = {}
    if not isinstance(values, Mapping):
        problems.append(InvalidInputError("values", _("must be an object of name -> amount")))
    elif isinstance(loan_kind, LoanKind):
        known = input_fields_for(loan_kind)
        for key, raw in values.items():
            info = known.get(key) if isinstance(key, str) else None
            if info is None:
                problems.append(
                    InvalidInputError(
                        f"values.{shown(key)}",
                        _("is not an input of a mortgage scenario")
                        if loan_kind is LoanKind.MORTGAGE
                        else _("is not an input of a auto scenario"),
                    )
                )
                continue
            try:
                clean[info.name] = canonical_value(info, raw)
            except InvalidInputError as problem:
                problems.append(InvalidInputError(f"values.{info.name}", problem.problem))
    parts["values"] = MappingProxyType(clean)
    return parts, problems


@dataclass(frozen=True)
class ScenarioDocument:
    """A saved scenario: what the user entered, validated, with amounts as exact strings.

    Construct it with :func:`scenario_document` (which accepts plain strings) or load it
    with :func:`from_json`; both raise :class:`InvalidScenarioError` listing every problem.
    """

    kind: LoanKind
    exit: MortgageExit | AutoExit
    resolution: Resolution
    values: Mapping[str, str]
    name: str | None = None
    state: str | None = None
    #: Answers to the state's questions ("yes", "no", an amount, a foreclosure type).
    facts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        parts, problems = _check(
            self.kind, self.exit, self.resolution, self.values, self.name, self.state, self.facts
        )
        if problems:
            raise InvalidScenarioError(problems)
        for key, value in parts.items():
            object.__setattr__(self, key, value)

    def outcome(self) -> Outcome:
        """The outcome under the document's state law and answers (the arithmetic alone
        without a state, or in a territory no state rule covers), as
        :func:`deficiency.assessment.assess` gives it."""
        if self.state not in jurisdiction_names():
            return evaluate(self.kind, self.values, self.exit, self.resolution)
        return assess(
            self.kind, self.values, self.exit.value, self.resolution, self.state, self.facts
        ).outcome

    def case(self, dates: CaseDates, tax: TaxFacts | None = None) -> Case:
        """The document as a :class:`deficiency.case.Case`, for :func:`~deficiency.case_outcome`:
        a file holds the scenario, the state and its answers; the dates and the borrower's
        tax facts come from the caller. A territory no state rule covers gives no state."""
        state = self.state if self.state in jurisdiction_names() else ""
        return Case(
            self.kind,
            self.exit.value,
            self.values,
            self.resolution,
            dates,
            state,
            self.facts,
            TaxFacts() if tax is None else tax,
        )

    def to_dict(self) -> dict[str, object]:
        """The JSON-ready mapping of this document (amounts as strings)."""
        document: dict[str, object] = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "kind": self.kind.value,
            "exit": self.exit.value,
            "resolution": self.resolution.value,
            "values": dict(self.values),
        }
        if self.name is not None:
            document["name"] = self.name
        if self.state is not None:
            document["state"] = self.state
        if self.facts:
            document["facts"] = dict(self.facts)
        return document


def scenario_document(
    kind: LoanKind | str,
    exit: str | enum.Enum,
    resolution: Resolution | str,
    values: Mapping[str, object],
    *,
    name: str | None = None,
    state: str | None = None,
    facts: Mapping[str, str] | None = None,
) -> ScenarioDocument:
    """Validate a scenario and return its document; every problem is reported at once.

    Examples
    --------
    >>> doc = scenario_document("auto", "repossession", "judgment",
    ...                         {"unpaid_principal": "10000", "sale_price": 8500})
    >>> doc.values["sale_price"], doc.outcome().deficiency
    ('8500.00', Decimal('1500.00'))
    >>> scenario_document("boat", "repossession", "judgment", {})
    Traceback (most recent call last):
    ...
    deficiency.serialize.InvalidScenarioError: kind: 'boat' is not one of: mortgage, auto
    """
    parts, problems = _check(kind, exit, resolution, values, name, state, facts)
    if problems:
        raise InvalidScenarioError(problems)
    return ScenarioDocument(**parts)


def to_json(document: ScenarioDocument, *, indent: int | None = 2) -> str:
    """The document as JSON text; amounts are strings so they stay exact.

    Examples
    --------
    >>> doc = scenario_document("mortgage", "short_sale", "waived",
    ...                         {"unpaid_principal": "250000", "sale_price": "200000"})
    >>> from_json(to_json(doc)) == doc
    True
    """
    document = instance(document, ScenarioDocument, "Document")
    if indent is not None:
        indent = whole_number(indent, "Indent", 0, 16)
    return json.dumps(document.to_dict(), indent=indent, ensure_ascii=False)


class _Unusable(ValueError):
    """What makes valid JSON unusable as a scenario, in the user's words."""


def _reject_constant(name: str) -> object:
    raise _Unusable(_("{name} is not allowed; write amounts as strings").format(name=name))


def _whole(text: str) -> int:
    # A number longer than any amount: Python refuses to read one past 4,300 digits in
    # its own words, so it is refused here in ours.
    if len(text) > MAX_NUMBER_TEXT:
        raise _Unusable(
            _("a number of {count} digits is not an amount").format(count=f"{len(text):,}")
        )
    return int(text)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Unusable(_("the key {key} appears twice").format(key=shown(key)))
        result[key] = value
    return result


def _parse(text: str | bytes) -> object:
    if isinstance(text, bytes | bytearray):
        if len(text) > MAX_DOCUMENT_CHARS * 4:
            raise InvalidInputError("document", _("is too large to be a scenario file"))
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInputError("document", _("is not UTF-8 text")) from None
    if not isinstance(text, str):
        raise InvalidInputError(
            "document", _("expected JSON text, got {value}").format(value=shown(text))
        )
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InvalidInputError(
            "document",
            _("is larger than {count} characters; not a scenario file").format(
                count=f"{MAX_DOCUMENT_CHARS:,}"
            ),
        )
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=_whole,
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as error:
        raise InvalidInputError(
            "document",
            _("is not valid JSON ({problem}, line {line})").format(
                problem=error.msg, line=error.lineno
            ),
        ) from None
    except RecursionError:
        raise InvalidInputError("document", _("is nested too deeply to be a scenario")) from None
    except _Unusable as error:
        raise InvalidInputError(
            "document", _("is not a usable JSON document ({problem})").format(problem=error)
        ) from None
    except (ValueError, ArithmeticError):
        raise InvalidInputError("document", _("is not a usable JSON document")) from None


def from_json(text: str | bytes) -> ScenarioDocument:
    """Load and validate a scenario document; raises :class:`InvalidScenarioError` only.

    Every problem is collected: unknown keys, a missing or newer format version,
    unknown choices, and each bad amount, each naming its field.

    Examples
    --------
    >>> from_json('{"format": "deficiency-scenario", "version": 1, "kind": "auto",'
    ...           ' "exit": "repossession", "resolution": "waived",'
    ...           ' "values": {"sale_price": "-1", "colour": "red"}, "extra": 1}')
    Traceback (most recent call last):
    ...
    deficiency.serialize.InvalidScenarioError: 'extra': is not a known key \
(expected format, version, kind, exit, resolution, values, name, state, facts); \
values.sale_price: cannot be negative; values.'colour': is not an input of a auto scenario
    """
    try:
        raw = _parse(text)
    except InvalidInputError as problem:
        raise InvalidScenarioError([problem]) from None
    if not isinstance(raw, dict):
        not_object = InvalidInputError(
            "document", _("must be a JSON object {{...}}, got {kind}").format(kind=_kind(raw))
        )
        raise InvalidScenarioError([not_object])
    problems: list[InvalidInputError] = []
    expected = ", ".join(DOCUMENT_KEYS)
    for key in raw:
        if key not in DOCUMENT_KEYS:
            problems.append(
                InvalidInputError(
                    shown(key), _("is not a known key (expected {keys})").format(keys=expected)
                )
            )
    for key in REQUIRED_KEYS:
        if key not in raw:
            problems.append(InvalidInputError(key, _("is missing")))
    if "format" in raw and raw["format"] != FORMAT_NAME:
        problems.append(
            InvalidInputError("format", _("must be {name}").format(name=repr(FORMAT_NAME)))
        )
    version = raw.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(InvalidInputError("version", _("must be a whole number such as 1")))
    elif version > FORMAT_VERSION:
        problems.append(
            InvalidInputError(
                "version",
                _(
                    "{version} was written by a newer app; this one reads version {supported}"
                ).format(version=version, supported=FORMAT_VERSION),
            )
        )
    values = raw.get("values", {})
    parts, part_problems = _check(
        raw.get("kind"),
        raw.get("exit"),
        raw.get("resolution"),
        values,
        raw.get("name"),
        raw.get("state"),
        raw.get("facts"),
    )
    # Keys already reported as missing need no second message.
    problems.extend(p for p in part_problems if p.field not in REQUIRED_KEYS or p.field in raw)
    if problems:
        raise InvalidScenarioError(problems)
    return ScenarioDocument(**parts)


def spreadsheet_safe(cell: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (CSV injection).

    Plain numbers, negative ones included, are left as they are.

    Examples
    --------
    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-12.50"), spreadsheet_safe("ok")
    ("'=HYPERLINK(1)", '-12.50', 'ok')
    """
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


STATEMENT_CSV_COLUMNS = ("section", "name", "label", "value")


def statement_csv(document: ScenarioDocument) -> str:
    """The itemised statement, the outcome and the inputs of a scenario as CSV text.

    Sections, in order: ``scenario`` (kind, exit, resolution, name, state), ``statement``
    (the six UCC 9-616(c) lines), ``obligation``, ``expense`` and ``credit`` items,
    ``outcome`` (who pays what) and ``input`` (every flat input with its label; blank
    where the default applies: zero, or 50% for the settlement share). Amounts are plain
    decimals (``2000.00``) so a spreadsheet can add them.

    Examples
    --------
    >>> doc = scenario_document("auto", "repossession", "judgment",
    ...                         {"unpaid_principal": "10000", "sale_price": "8500",
    ...                          "retaking_fee": "500"})
    >>> [line for line in statement_csv(doc).splitlines() if line.startswith("statement")][-1]
    'statement,line_6,Deficiency,2000.00'
    """
    document = instance(document, ScenarioDocument, "Document")
    outcome = document.outcome()
    statement = outcome.statement
    rows: list[tuple[str, str, str, str]] = [
        ("scenario", "kind", _("Loan kind"), document.kind.value),
        ("scenario", "exit", _("Exit"), document.exit.value),
        ("scenario", "resolution", _("Resolution"), document.resolution.value),
        ("scenario", "name", _("Name"), document.name or ""),
        ("scenario", "state", _("State"), document.state or ""),
    ]
    for number, (label, amount) in enumerate(statement.lines, start=1):
        rows.append(("statement", f"line_{number}", label, f"{amount:f}"))
    for section, items in (
        ("obligation", statement.obligation_items),
        ("expense", statement.expense_items),
        ("credit", statement.credit_items),
    ):
        for number, (label, amount) in enumerate(items, start=1):
            rows.append((section, f"{section}_{number}", label, f"{amount:f}"))
    for name, label, amount in (
        ("deficiency", _("Deficiency"), outcome.deficiency),
        ("barred", _("Barred by state law"), outcome.barred),
        ("collectible", _("Collectible after state law"), outcome.collectible),
        ("surplus", _("Surplus"), outcome.surplus),
        ("borrower_owes", _("Borrower still owes"), outcome.borrower_owes),
        ("cancelled", _("Cancelled (forgiven)"), outcome.cancelled),
        ("lender_recovers", _("Lender recovers"), outcome.lender_recovers),
    ):
        rows.append(("outcome", name, label, f"{amount:f}"))
    for info in input_fields_for(document.kind).values():
        value = document.values.get(info.name, "")
        rows.append(("input", info.name, info.label, value))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STATEMENT_CSV_COLUMNS)
    writer.writerows(tuple(spreadsheet_safe(cell) for cell in row) for row in rows)
    return buffer.getvalue()

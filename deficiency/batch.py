"""Batch: compute many cases from one CSV, one row per client, mortgage and car rows mixed.

Input columns (the header row names them; order does not matter):

- ``case_id``: the client's reference, required, at most 100 printable characters, not
  starting with ``= + - @`` (a spreadsheet would run it as a formula).
- ``kind``: ``mortgage`` or ``auto``.
- ``exit``: ``short_sale``, ``foreclosure`` or ``deed_in_lieu`` for a mortgage;
  ``repossession`` or ``voluntary_surrender`` for a car.
- ``resolution``: ``waived``, ``judgment`` or ``settled``.
- every flat input of :func:`deficiency.scenarios.scenario_fields` for both kinds and of
  :func:`deficiency.scenarios.resolution_fields` (see :data:`INPUT_COLUMNS` and
  :func:`column_descriptions`). A blank cell, or a column left out, takes the default:
  zero, or 50% for ``settlement_percent``. A value in a column that belongs only to the
  other kind (say ``gap_refund`` on a mortgage row) is an error, never ignored.
- ``state`` (optional): the borrower's state, a postal code; blank applies no state law.
  ``fact_<name>`` (optional, see :data:`STATE_COLUMNS`): the answer to one of the state
  rules' questions, ``yes``, ``no`` or ``unknown``, an amount, or a foreclosure type;
  blank means unknown, which never bars a deficiency. A fact given without a state is an
  error. The results then hold the same figures the pages show for that state
  (:func:`deficiency.assessment.assess`, which :func:`deficiency.case.case_outcome` runs):
  ``collectible`` (the deficiency the lender may pursue), ``barred`` (what state law takes
  off it) and ``rule`` (the rules that applied).

Rows whose cells are all blank are skipped (spreadsheets export them). Every other row
comes back, in input order, with ``status`` ``ok`` or ``error``; an error row names every
bad field in ``errors`` (``"; "``-separated) and leaves the results blank. Nothing is
silently fixed. Each line is one row: no cell spans lines, so a quote left open costs
only its own line (an error row naming it), never the rows after it. Output columns are
:data:`OUTPUT_COLUMNS`: the results, then ``exit``, ``resolution`` and the inputs as given.
Text that a spreadsheet would run as a formula is written with a leading apostrophe.

Speed: a row without a state whose amounts are plain decimals (``"10000"``,
``"8500.5"``) is computed in integer cents by :func:`fast_row`, which reproduces
:func:`deficiency.scenarios.evaluate` to the cent (the tests compare them on random rows);
any other row (``"$1,234"``, ``"1e3"``, a state, an error) takes the exact Decimal path
through ``assess``, which applies the state's law as the pages do. Input is
read and output written row by row, so memory stays bounded for any file size.
"""

from __future__ import annotations

import csv
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import BinaryIO, TextIO

from deficiency.assessment import DERIVED_FACTS, assess, loan_facts
from deficiency.case import rule_cited
from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import ENGLISH, LANGUAGES, N_, current_language
from deficiency.i18n import _ as gettext
from deficiency.i18n import language as speaking
from deficiency.line_items import (
    AUTO_ITEMS,
    COMMISSION,
    MORTGAGE_ITEMS,
    STORAGE,
    Group,
    LineItem,
    items_of,
    signed_balance,
)
from deficiency.money import MAX_AMOUNT
from deficiency.parsing import flag, whole_number
from deficiency.scenarios import FieldInfo, LoanKind, resolution_fields, scenario_fields
from deficiency.serialize import canonical_value, input_fields_for, spreadsheet_safe
from deficiency.state_law import AMOUNT_FACTS, ForeclosureType, fact_catalog, normalize_state

CASE_COLUMNS = ("case_id", "kind", "exit", "resolution")
RESULT_COLUMNS = (
    "case_id",
    "kind",
    "status",
    "errors",
    "deficiency",
    "surplus",
    "borrower_owes",
    "cancelled",
    "lender_recovers",
    "collectible",
    "barred",
    "rule",
)
#: The result columns that hold amounts (``rule`` holds text).
FIGURE_COLUMNS = RESULT_COLUMNS[4:11]
MAX_CASE_ID_CHARS = 100
OK = "ok"
ERROR = "error"
_FORMULA_START = ("=", "+", "-", "@")
#: An amount that is surely valid (fewer digits than :data:`deficiency.money.MAX_AMOUNT`,
#: at most 2 places), so its check is skipped: most cells of a row with an error are such.
_SURE_MONEY = re.compile(rf"\d{{1,{len(str(int(MAX_AMOUNT))) - 1}}}(?:\.\d{{1,2}})?", re.ASCII)


def _all_inputs() -> dict[str, FieldInfo]:
    infos: dict[str, FieldInfo] = {}
    for info in (
        *scenario_fields(LoanKind.MORTGAGE),
        *scenario_fields(LoanKind.AUTO),
        *resolution_fields(),
    ):
        infos.setdefault(info.name, info)
    return infos


_INFOS = _all_inputs()
#: Every flat input column: mortgage fields, then car-only fields, then resolution terms.
INPUT_COLUMNS: tuple[str, ...] = tuple(_INFOS)
#: A fact column's name is this prefix and the fact's (``fact_purchase_money``).
FACT_PREFIX = "fact_"
#: The state rules' facts a row may answer; those the scenario gives itself are not asked.
FACT_NAMES: tuple[str, ...] = tuple(name for name in fact_catalog() if name not in DERIVED_FACTS)
#: The optional state columns: the state, then one column per fact.
STATE_COLUMNS: tuple[str, ...] = ("state", *(FACT_PREFIX + name for name in FACT_NAMES))
#: The columns a result echoes as given: the inputs, then the state and its facts.
ECHO_COLUMNS: tuple[str, ...] = (*INPUT_COLUMNS, *STATE_COLUMNS)
#: The columns of the template and of an input file.
TEMPLATE_COLUMNS: tuple[str, ...] = (*CASE_COLUMNS, *INPUT_COLUMNS, *STATE_COLUMNS)
#: The columns of the results file.
OUTPUT_COLUMNS: tuple[str, ...] = (*RESULT_COLUMNS, "exit", "resolution", *ECHO_COLUMNS)
_KIND_FIELDS = {kind: frozenset(input_fields_for(kind)) for kind in LoanKind}
_EXITS = {
    LoanKind.MORTGAGE: ("short_sale", "foreclosure", "deed_in_lieu"),
    LoanKind.AUTO: ("repossession", "voluntary_surrender"),
}
_RESOLUTIONS = ("waived", "judgment", "settled")
#: Columns that belong to one kind only; they must be blank on the other kind's rows.
_ONLY = {
    kind: tuple(name for name in INPUT_COLUMNS if name in _KIND_FIELDS[kind] - _KIND_FIELDS[other])
    for kind, other in ((LoanKind.MORTGAGE, LoanKind.AUTO), (LoanKind.AUTO, LoanKind.MORTGAGE))
}

#: The two worked examples (docs/law.md), as template rows.
TEMPLATE_EXAMPLES: tuple[Mapping[str, str], ...] = (
    {
        "case_id": "example-short-sale",
        "kind": "mortgage",
        "exit": "short_sale",
        "resolution": "waived",
        "unpaid_principal": "250000",
        "sale_price": "200000",
    },
    {
        "case_id": "example-car",
        "kind": "auto",
        "exit": "repossession",
        "resolution": "judgment",
        "unpaid_principal": "10000",
        "sale_price": "8500",
        "retaking_fee": "500",
    },
)


class BatchFileError(InvalidInputError):
    """A file that cannot be read as a batch at all: empty, a bad header row, not UTF-8.

    An :class:`InvalidInputError` of the field ``file`` whose message is the problem alone.
    """

    #: For a line that is not UTF-8: its number and where (byte, character), so a reader of
    #: part of the file can say the line counted from the file's start.
    line: int | None = None
    at: tuple[str, int] = ("", 0)

    def __init__(self, problem: str) -> None:
        self.field = "file"
        self.problem = problem
        ValueError.__init__(self, problem)


def not_utf8(line: int, byte: str, column: int) -> BatchFileError:
    """The error of line ``line``, not UTF-8 text at ``byte`` (hex), character ``column``."""
    error = BatchFileError(
        gettext(
            "line {line} is not UTF-8 text (byte 0x{byte} at character {column}); "
            "save the file as CSV UTF-8"
        ).format(line=line, byte=byte, column=column)
    )
    error.line, error.at = line, (byte, column)
    return error


@dataclass(frozen=True)
class ColumnInfo:
    """One input column: its name, the kinds it applies to, its label and value kind."""

    name: str
    applies_to: str
    label: str
    kind: str


def column_descriptions() -> tuple[ColumnInfo, ...]:
    """Describe every column of the input file, in template order.

    Examples
    --------
    >>> [c.applies_to for c in column_descriptions() if c.name == "gap_refund"]
    ['auto']
    """
    described = [
        ColumnInfo("case_id", "both", gettext("Your reference for the case (required)"), "text"),
        ColumnInfo("kind", "both", gettext("mortgage or auto"), "choice"),
        ColumnInfo(
            "exit",
            "both",
            gettext(
                "mortgage: short_sale, foreclosure, deed_in_lieu; "
                "auto: repossession, voluntary_surrender"
            ),
            "choice",
        ),
        ColumnInfo("resolution", "both", gettext("waived, judgment or settled"), "choice"),
    ]
    for name, info in _INFOS.items():
        kinds = [kind.value for kind in LoanKind if name in _KIND_FIELDS[kind]]
        applies = "both" if len(kinds) == 2 else kinds[0]
        described.append(ColumnInfo(name, applies, info.label, info.kind))
    described.append(
        ColumnInfo(
            "state",
            "both",
            gettext("The borrower's state as a postal code (CA); blank: no state law applied"),
            "choice",
        )
    )
    for name in FACT_NAMES:
        fact = fact_catalog()[name]
        kind = "money" if name in AMOUNT_FACTS else "choice"
        if name in AMOUNT_FACTS:
            answers = gettext("an amount")
        elif name == "foreclosure_type":
            answers = gettext("{choices} or unknown").format(
                choices=", ".join(item.value for item in ForeclosureType)
            )
        else:
            answers = gettext("yes, no or unknown")
        described.append(
            ColumnInfo(FACT_PREFIX + name, "both", f"{fact.question} ({answers})", kind)
        )
    return tuple(described)


def template_csv() -> str:
    """The batch template: the header row and the two worked examples as rows.

    Examples
    --------
    >>> lines = template_csv().splitlines()
    >>> lines[0].split(",")[:5]
    ['case_id', 'kind', 'exit', 'resolution', 'unpaid_principal']
    >>> len(lines)
    3
    """
    rows = [list(TEMPLATE_COLUMNS)]
    rows.extend(
        [example.get(name, "") for name in TEMPLATE_COLUMNS] for example in TEMPLATE_EXAMPLES
    )
    return "".join(",".join(row) + "\n" for row in rows)


@dataclass(frozen=True, kw_only=True)
class CaseResult:
    """One computed (or rejected) case: the figures as Decimals, or the errors."""

    case_id: str
    kind: str
    exit: str
    resolution: str
    inputs: Mapping[str, str]
    errors: tuple[str, ...] = ()
    deficiency: Decimal | None = None
    surplus: Decimal | None = None
    borrower_owes: Decimal | None = None
    cancelled: Decimal | None = None
    lender_recovers: Decimal | None = None
    collectible: Decimal | None = None
    barred: Decimal | None = None
    rule: str = ""

    @property
    def status(self) -> str:
        """``ok`` or ``error``."""
        return ERROR if self.errors else OK

    def figures(self) -> tuple[str, ...]:
        """The results after ``errors`` (:data:`RESULT_COLUMNS`): the seven amounts as plain
        decimal strings and the rule (all blank on an error row)."""
        values = (
            self.deficiency,
            self.surplus,
            self.borrower_owes,
            self.cancelled,
            self.lender_recovers,
            self.collectible,
            self.barred,
        )
        return (*("" if value is None else f"{value:f}" for value in values), self.rule)

    def row(self) -> list[str]:
        """The output row, in :data:`OUTPUT_COLUMNS` order, made spreadsheet-safe."""
        head = [self.case_id, self.kind, self.status, "; ".join(self.errors), *self.figures()]
        tail = [self.exit, self.resolution, *(self.inputs.get(name, "") for name in ECHO_COLUMNS)]
        return [spreadsheet_safe(cell) for cell in (*head, *tail)]


@lru_cache(maxsize=256)
def _translated(language: str, message: str) -> str:
    """``message`` in ``language``, looked up once per language and message."""
    with speaking(language):
        return gettext(message)


def language_of(code: object) -> str:
    """A ``language`` argument checked: one of :data:`deficiency.i18n.LANGUAGES`."""
    if not isinstance(code, str) or code not in LANGUAGES:
        raise InvalidInputError("language", f"{shown(code)} is not one of: {', '.join(LANGUAGES)}")
    return code


def row_message(message: str) -> str:
    """A row's message (marked ``N_``) in the current language: a caseload repeats a few
    messages on many rows, so each is translated once per language (English as is)."""
    code = current_language()
    return message if code == ENGLISH else _translated(code, message)


def _case_id_problem(case_id: str) -> str | None:
    if not case_id.strip():
        return row_message(N_("is empty; give each row a reference"))
    if len(case_id) > MAX_CASE_ID_CHARS:
        return row_message(N_("is longer than {count} characters")).format(count=MAX_CASE_ID_CHARS)
    if not case_id.isprintable():
        return row_message(N_("contains control or non-printing characters"))
    if case_id.startswith(_FORMULA_START):
        return row_message(
            N_("cannot start with = + - or @ (a spreadsheet would run it as a formula)")
        )
    return None


def head_problems(
    case_id: str, kind_text: str, exit_text: str, resolution_text: str
) -> tuple[list[str], LoanKind | None]:
    """The problems of a row's case id, kind, exit and resolution, in that order, and its
    loan kind (None when the kind is not one)."""
    errors: list[str] = []
    problem = _case_id_problem(case_id)
    if problem:
        errors.append(f"case_id: {problem}")
    kind: LoanKind | None = None
    try:
        kind = LoanKind(kind_text)
    except ValueError:
        errors.append(
            "kind: "
            + row_message(N_("{value} is not one of: {choices}")).format(
                value=_shown(kind_text), choices="mortgage, auto"
            )
        )
    if kind is not None and exit_text not in _EXITS[kind]:
        errors.append(
            "exit: "
            + row_message(N_("{value} is not one of: {choices}")).format(
                value=_shown(exit_text), choices=", ".join(_EXITS[kind])
            )
        )
    if resolution_text not in _RESOLUTIONS:
        errors.append(
            "resolution: "
            + row_message(N_("{value} is not one of: {choices}")).format(
                value=_shown(resolution_text), choices=", ".join(_RESOLUTIONS)
            )
        )
    return errors, kind


def input_problem(name: str, text: str, kind: LoanKind | None) -> str | None:
    """The problem of one non-blank input cell of a row of this kind, or None."""
    if kind is not None and name not in _KIND_FIELDS[kind]:
        if kind is LoanKind.MORTGAGE:
            problem = N_("does not apply to a mortgage case; leave it blank")
        else:
            problem = N_("does not apply to an auto case; leave it blank")
        return f"{name}: {row_message(problem)}"
    if _INFOS[name].kind == "money" and _SURE_MONEY.fullmatch(text):
        return None
    try:
        canonical_value(_INFOS[name], text)
    except InvalidInputError as error:
        return str(error)
    return None


def evaluate_case(cells: Mapping[str, str]) -> CaseResult:
    """Validate one case (column name -> cell text) and compute it through ``assess``,
    under its state's law when it names a state.

    Every bad field is reported, each as ``"name: problem"``; blank cells take defaults.

    Examples
    --------
    >>> evaluate_case({"case_id": "c1", "kind": "auto", "exit": "repossession",
    ...                "resolution": "judgment", "unpaid_principal": "10000",
    ...                "sale_price": "8500", "retaking_fee": "$500"}).deficiency
    Decimal('2000.00')
    >>> evaluate_case({"case_id": "c2", "kind": "auto", "exit": "short_sale",
    ...                "resolution": "judgment", "sale_price": "abc"}).errors
    ("exit: 'short_sale' is not one of: repossession, voluntary_surrender", \
"sale_price: 'abc' is not a number")
    >>> result = evaluate_case({"case_id": "c3", "kind": "mortgage", "exit": "short_sale",
    ...     "resolution": "judgment", "unpaid_principal": "250000", "sale_price": "200000",
    ...     "state": "CA", "fact_purchase_money": "yes", "fact_owner_occupied": "yes",
    ...     "fact_one_to_four_units": "yes"})
    >>> result.deficiency, result.collectible, result.borrower_owes
    (Decimal('50000.00'), Decimal('0.00'), Decimal('0.00'))
    """
    case_id = cells.get("case_id", "")
    kind_text = cells.get("kind", "")
    exit_text = cells.get("exit", "")
    resolution_text = cells.get("resolution", "")
    inputs = {name: cells[name] for name in ECHO_COLUMNS if name in cells}
    errors, kind = head_problems(case_id, kind_text, exit_text, resolution_text)
    state, facts = _state_and_facts(inputs, errors)
    given: dict[str, str] = {}
    for name, text in inputs.items():
        if not text.strip() or name in STATE_COLUMNS:
            continue
        problem = input_problem(name, text, kind)
        if problem:
            errors.append(problem)
            continue
        given[name] = text
    result = CaseResult(
        case_id=case_id,
        kind=kind_text,
        exit=exit_text,
        resolution=resolution_text,
        inputs=inputs,
        errors=tuple(errors),
    )
    if errors or kind is None:
        return result
    try:
        assessment = assess(kind, given, exit_text, resolution_text, state, facts)
    except InvalidInputError as error:
        return replace(result, errors=(str(error),))
    outcome = assessment.outcome
    return replace(
        result,
        deficiency=outcome.deficiency,
        surplus=outcome.surplus,
        borrower_owes=outcome.borrower_owes,
        cancelled=outcome.cancelled,
        lender_recovers=outcome.lender_recovers,
        collectible=outcome.collectible,
        barred=outcome.barred,
        rule=rule_cited(assessment.law),
    )


def _state_and_facts(cells: Mapping[str, str], errors: list[str]) -> tuple[str, dict[str, str]]:
    """The row's state (``""`` for none) and its answered facts; problems go to ``errors``."""
    state = cells.get("state", "").strip()
    refused = False
    if state:
        try:
            state = normalize_state(state)
        except InvalidInputError as error:
            errors.append(f"state: {error.problem}")
            state, refused = "", True
    facts: dict[str, str] = {}
    for name in FACT_NAMES:
        text = cells.get(FACT_PREFIX + name, "").strip()
        if not text:
            continue
        column = FACT_PREFIX + name
        if refused:
            continue
        if not state:
            errors.append(
                f"{column}: "
                + row_message(N_("applies only with a state; give the state or leave it blank"))
            )
            continue
        problem = _fact_problem(name, text, current_language())
        if problem is not None:
            errors.append(f"{column}: {problem}")
            continue
        facts[name] = text
    return state, facts


@lru_cache(maxsize=4096)
def _fact_problem(name: str, text: str, language: str = ENGLISH) -> str | None:
    """Why ``text`` is not an answer to the fact ``name``, or None; found once per answer
    (a caseload answers each fact in a few ways)."""
    try:
        loan_facts({name: text})
    except InvalidInputError as error:
        return error.problem
    return None


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 30 else repr(text[:30]) + "..."


# --- The fast path: integer cents for rows of plain decimals -------------------------------

_MAX_CENTS = 100_000_000_000_000  # $1 trillion, deficiency.money.MAX_AMOUNT
#: Comma-joined money cells, each blank or a plain decimal with at most 2 places. A cell
#: that itself holds a comma passes this test but then fails ``float`` and goes exact.
_PLAIN_AMOUNTS = re.compile(r"(?:\d{1,13}(?:\.\d\d?)?)?(?:,(?:\d{1,13}(?:\.\d\d?)?)?)*", re.ASCII)
_PLAIN_RATE = re.compile(r"(\d{1,3})(?:\.(\d{1,4}))?", re.ASCII)  # PERCENT_PLACES

#: The costs a deficiency judgment adds to what the borrower owes (not statement items).
_JUDGMENT_COSTS = ("court_costs", "judgment_attorney_fees")
#: Money inputs of each kind in the order the fast path reads them: the sale price, the
#: line items that are inputs (:mod:`deficiency.line_items`), the storage rate a car's
#: storage is worked out from, and the judgment's costs.
_MORTGAGE_MONEY = (
    "sale_price",
    *(item.name for item in MORTGAGE_ITEMS if item.name != COMMISSION),
    *_JUDGMENT_COSTS,
)
_AUTO_MONEY = (
    "sale_price",
    *(item.name for item in AUTO_ITEMS if item.name != STORAGE),
    "storage_daily_rate",
    *_JUDGMENT_COSTS,
)


@dataclass(frozen=True)
class _Reading:
    """Where one exit's figures sit in the money cells the fast path reads (positions in
    ``_MORTGAGE_MONEY`` or ``_AUTO_MONEY``), grouped as on the statement."""

    obligation: tuple[int, ...]
    expenses: tuple[int, ...]
    credits: tuple[int, ...]
    judgment_costs: tuple[int, ...]
    price: int
    commission: bool
    storage_rate: int | None


def _reading(items: tuple[LineItem, ...], names: tuple[str, ...], exit: str) -> _Reading:
    def positions(group: Group) -> tuple[int, ...]:
        chosen = items_of(items, exit, group)
        return tuple(names.index(item.name) for item in chosen if item.name in names)

    counted = {item.name for item in items_of(items, exit)}
    return _Reading(
        obligation=positions(Group.OBLIGATION),
        expenses=positions(Group.EXPENSE),
        credits=positions(Group.CREDIT),
        judgment_costs=tuple(names.index(name) for name in _JUDGMENT_COSTS),
        price=names.index("sale_price"),
        commission=COMMISSION in counted,
        storage_rate=names.index("storage_daily_rate") if STORAGE in counted else None,
    )


_READINGS = {
    **{
        ("mortgage", exit): _reading(MORTGAGE_ITEMS, _MORTGAGE_MONEY, exit)
        for exit in _EXITS[LoanKind.MORTGAGE]
    },
    **{("auto", exit): _reading(AUTO_ITEMS, _AUTO_MONEY, exit) for exit in _EXITS[LoanKind.AUTO]},
}


def _cents_of(texts: Sequence[str]) -> list[int] | None:
    """Cents of plain decimal cells (blank = 0), or None if any needs the exact path.

    Notes
    -----
    ``round(float(text) * 100)`` is exact here: the pattern allows at most 2 decimal
    places and 13 whole digits, so the float error (below 0.03 cent at $10 trillion)
    is far from the half-cent where rounding could go wrong.
    """
    if _PLAIN_AMOUNTS.fullmatch(",".join(texts)) is None:
        return None
    try:
        cents = [round(float(text) * 100) if text else 0 for text in texts]
    except ValueError:
        return None
    return cents if max(cents) <= _MAX_CENTS else None


def _rate(text: str, default: tuple[int, int]) -> tuple[int, int] | None:
    """(numerator, denominator) of a plain percentage from 0 to 100 with at most 4 places."""
    if not text:
        return default
    match = _PLAIN_RATE.fullmatch(text)
    if match is None:
        return None
    whole, part = match.groups()
    part = part or ""
    scale = 10 ** len(part)
    numerator = int(whole) * scale + (int(part) if part else 0)
    return (numerator, scale) if numerator <= 100 * scale else None


def _share(amount: int, rate: tuple[int, int]) -> int:
    """``rate`` percent of ``amount`` cents, rounded half-up (``deficiency.money.percent_of``)."""
    numerator, scale = rate
    denominator = 100 * scale
    return (2 * amount * numerator + denominator) // (2 * denominator)


def _money_text(cents: int) -> str:
    if cents < 0:
        return "-" + _money_text(-cents)
    return f"{cents // 100}.{cents % 100:02d}"


@dataclass(frozen=True)
class _Layout:
    """Where each column sits in a row; missing columns point at a blank cell appended last."""

    width: int
    inputs: Callable[[Sequence[str]], tuple[str, ...]]
    at: Mapping[str, int] = field(repr=False)
    case_id: int = 0
    kind: int = 0
    exit: int = 0
    resolution: int = 0
    settlement: int = 0
    commission: int = 0
    storage_days: int = 0
    mortgage_money: tuple[int, ...] = ()
    auto_money: tuple[int, ...] = ()
    mortgage_foreign: tuple[int, ...] = ()
    auto_foreign: tuple[int, ...] = ()
    #: Whether a row names a state or answers a fact (then it takes the exact path).
    has_state: Callable[[Sequence[str]], bool] = field(default=lambda cells: False, repr=False)


def _layout(header: Sequence[str]) -> _Layout:
    names = [name.strip() for name in header]
    problems: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            problems.append(gettext("column {name} appears twice").format(name=_shown(name)))
        seen.add(name)
    unknown = [name for name in names if name not in TEMPLATE_COLUMNS]
    if unknown:
        shown = ", ".join(_shown(name) for name in unknown[:10])
        problems.append(
            gettext("unknown columns {names}; use the template's column names").format(names=shown)
        )
    missing = [name for name in CASE_COLUMNS if name not in seen]
    if missing:
        problems.append(
            gettext("missing required columns {names}").format(names=", ".join(missing))
        )
    if problems:
        raise BatchFileError(gettext("header row: {problems}").format(problems="; ".join(problems)))
    width = len(names)
    at = {name: names.index(name) if name in seen else width for name in TEMPLATE_COLUMNS}
    return _Layout(
        width=width,
        inputs=operator.itemgetter(*(at[name] for name in ECHO_COLUMNS)),
        at=at,
        case_id=at["case_id"],
        kind=at["kind"],
        exit=at["exit"],
        resolution=at["resolution"],
        settlement=at["settlement_percent"],
        commission=at["commission_rate"],
        storage_days=at["storage_days"],
        mortgage_money=tuple(at[name] for name in _MORTGAGE_MONEY),
        auto_money=tuple(at[name] for name in _AUTO_MONEY),
        mortgage_foreign=tuple(at[name] for name in _ONLY[LoanKind.AUTO] if name in seen),
        auto_foreign=tuple(at[name] for name in _ONLY[LoanKind.MORTGAGE] if name in seen),
        has_state=_any_cell(tuple(at[name] for name in STATE_COLUMNS if name in seen)),
    )


def _any_cell(indices: tuple[int, ...]) -> Callable[[Sequence[str]], bool]:
    """Whether any of these cells of a row is non-blank, read in one C call per row."""
    if not indices:
        return lambda cells: False
    if len(indices) == 1:
        (index,) = indices
        return lambda cells: bool(cells[index])
    cells_at = operator.itemgetter(*indices)
    return lambda cells: any(cells_at(cells))


def fast_row(cells: Sequence[str], layout: _Layout) -> list[str] | None:
    """The result cells of a case computed in integer cents, or None to take the exact path.

    ``cells`` is the row with one blank cell appended. Only rows with a usable case id,
    valid choices, plain decimal amounts and no state (nor facts) are taken; the figures
    equal :func:`deficiency.scenarios.evaluate` to the cent, and with no state law the
    collectible figure is the deficiency and nothing is barred. Returns the first
    fourteen output columns (results, exit, resolution); the caller appends the inputs.

    Notes
    -----
    Mortgage: ``owed`` is the payoff sum; a short sale's expenses are the commission
    (``price x rate / 100``, half-up) plus its selling costs, a foreclosure's or deed in
    lieu's the legal costs. Car: storage is ``days x daily rate``; a voluntary surrender
    drops the retaking fee. Which cells make up the owed amount, the expenses and the
    credits comes from :mod:`deficiency.line_items`, and the balance from its
    :func:`~deficiency.line_items.signed_balance`; it is split into deficiency and surplus
    and resolved as :func:`deficiency.resolution.resolve`.
    """
    case_id = cells[layout.case_id]
    if (
        not case_id
        or len(case_id) > MAX_CASE_ID_CHARS
        or not case_id.isprintable()
        or case_id.startswith(_FORMULA_START)
        or not case_id.strip()
    ):
        return None
    if layout.has_state(cells):
        return None
    kind, exit_, resolution = cells[layout.kind], cells[layout.exit], cells[layout.resolution]
    if resolution not in _RESOLUTIONS:
        return None
    settle = _rate(cells[layout.settlement], (50, 1))
    if settle is None:
        return None
    reading = _READINGS.get((kind, exit_))
    if reading is None:
        return None
    days = 0
    commission_rate: tuple[int, int] | None = (0, 1)
    if kind == "mortgage":
        if any(cells[index] for index in layout.mortgage_foreign):
            return None
        money = _cents_of([cells[index] for index in layout.mortgage_money])
        commission_rate = _rate(cells[layout.commission], (0, 1))
    else:
        if any(cells[index] for index in layout.auto_foreign):
            return None
        money = _cents_of([cells[index] for index in layout.auto_money])
        days_text = cells[layout.storage_days]
        if len(days_text) > 4:
            return None
        if days_text and not (days_text.isascii() and days_text.isdigit()):
            return None
        days = int(days_text) if days_text else 0
        if days > 3650:
            return None
    if money is None or commission_rate is None:
        return None
    owed = sum(money[index] for index in reading.obligation)
    price = money[reading.price]
    expenses = sum(money[index] for index in reading.expenses)
    if reading.commission:
        expenses += _share(price, commission_rate)
    if reading.storage_rate is not None:
        expenses += money[reading.storage_rate] * days
    credits = sum(money[index] for index in reading.credits)
    balance = signed_balance(owed, price, expenses, credits)
    deficiency = balance if balance > 0 else 0
    surplus = -balance if balance < 0 else 0
    paid = costs = cancelled = 0
    if deficiency:
        if resolution == "waived":
            cancelled = deficiency
        elif resolution == "judgment":
            paid = deficiency
            costs = sum(money[index] for index in reading.judgment_costs)
        else:
            paid = _share(deficiency, settle)
            cancelled = deficiency - paid
    owes = paid + costs
    recovers = max(0, owed - deficiency) + paid  # Outcome.covered_by_sale is never negative
    return [
        case_id,
        kind,
        OK,
        "",
        f"{deficiency // 100}.{deficiency % 100:02d}" if deficiency else "0.00",
        f"{surplus // 100}.{surplus % 100:02d}" if surplus else "0.00",
        f"{owes // 100}.{owes % 100:02d}" if owes else "0.00",
        f"{cancelled // 100}.{cancelled % 100:02d}" if cancelled else "0.00",
        _money_text(recovers),
        f"{deficiency // 100}.{deficiency % 100:02d}" if deficiency else "0.00",
        "0.00",
        "",
        exit_,
        resolution,
    ]


# --- Streaming a file -----------------------------------------------------------------------


@dataclass(frozen=True)
class BatchSummary:
    """How many rows were processed, computed and rejected."""

    rows: int
    ok: int
    failed: int


def _row_problem(cells: Sequence[str], layout: _Layout, line: int, problem: str) -> CaseResult:
    """An error row for a row that cannot be read as the header says, echoing what it has."""
    padded = [*cells[: layout.width], *([""] * (layout.width - len(cells))), ""]
    named = {name: padded[index] for name, index in layout.at.items()}
    inputs = {name: named[name] for name in ECHO_COLUMNS}
    return CaseResult(
        case_id=named["case_id"],
        kind=named["kind"],
        exit=named["exit"],
        resolution=named["resolution"],
        inputs=inputs,
        errors=(
            "row: " + row_message(N_("{problem} (line {line})")).format(problem=problem, line=line),
        ),
    )


#: Longest line read, in bytes: a caseload row is a few hundred characters, so a longer
#: line is not a caseload (and is never held whole in memory).
MAX_LINE_BYTES = 100_000
_BOM = b"\xef\xbb\xbf"
_OPEN_QUOTE = N_("a quote opens a cell that is not closed on this line (a cell cannot span lines)")


def decoded_lines(binary: BinaryIO) -> Iterator[str]:
    """The physical lines of a CSV file as text, each decoded on its own, for :func:`run_batch`.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``; a byte-order mark before the header is
    dropped. Decoding line by line names the line of a bad byte, however late in the file.

    A line longer than :data:`MAX_LINE_BYTES` comes back as a stand-in that
    :func:`run_batch` reports as an error row, so its length never fills memory.

    Raises
    ------
    BatchFileError
        A line is not UTF-8 text (the first line also: UTF-16).

    Examples
    --------
    >>> import io
    >>> list(decoded_lines(io.BytesIO(b"\\xef\\xbb\\xbfcase_id\\r\\nc1\\rc2")))
    ['case_id\\r\\n', 'c1\\r', 'c2']
    >>> list(decoded_lines(io.BytesIO(b"case_id\\nc\\xe9\\n")))
    Traceback (most recent call last):
    ...
    deficiency.batch.BatchFileError: line 2 is not UTF-8 text (byte 0xe9 at character 2); \
save the file as CSV UTF-8
    """
    number = 0
    pending = b""
    while True:
        chunk = binary.readline(MAX_LINE_BYTES + 1)
        data = pending + chunk
        if not data:
            return
        if number == 0 and data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise BatchFileError(gettext("the file is UTF-16 text; save it as CSV UTF-8"))
        if number == 0:
            data = data.removeprefix(_BOM)
        # Lines end at "\n", "\r\n" or a lone "\r" (old spreadsheets write it).
        pieces = data.splitlines(keepends=True)
        # A chunk the size limit cut (or a file's last line) may go on in the next one.
        pending = pieces.pop() if chunk and not chunk.endswith(b"\n") else b""
        for piece in pieces:
            number += 1
            yield _decoded(piece, number)
        if len(pending) > MAX_LINE_BYTES:
            number += 1
            yield _TOO_LONG
            pending = _after_line(binary)


#: Stands for a line longer than :data:`MAX_LINE_BYTES`: read as an error row, not held.
_TOO_LONG = "\0" * (MAX_LINE_BYTES + 1)
_LINE_END = re.compile(rb"\r\n?|\n")


def _after_line(binary: BinaryIO) -> bytes:
    """Skip the rest of an overlong line; return what follows its end."""
    while more := binary.readline(MAX_LINE_BYTES + 1):
        end = _LINE_END.search(more)
        if end is not None:
            return more[end.end() :]
    return b""


def _decoded(piece: bytes, number: int) -> str:
    try:
        return piece.decode("utf-8")
    except UnicodeDecodeError as error:
        column = len(piece[: error.start].decode("utf-8", "replace")) + 1
        byte = piece[error.start : error.start + 1].hex()
        raise not_utf8(number, byte, column) from None


def _text_lines(source: Iterable[str]) -> Iterator[str]:
    """The lines of ``source``, each checked to be text."""
    if isinstance(source, str | bytes) or not isinstance(source, Iterable):
        raise InvalidInputError(
            "source", f"expected lines of CSV text (a file or a list), got {shown(source)}"
        )
    for number, line in enumerate(source, start=1):
        if not isinstance(line, str):
            raise InvalidInputError("source", f"line {number} is not text: {shown(line)}")
        yield line


def _cells(line: str) -> tuple[list[str], str | None]:
    """The cells of one physical line, and what keeps them from being a row, if anything.

    Each line is read on its own, so an unmatched quote cannot swallow the rows after it:
    the line is reported and the next line is read as the next row.
    """
    if len(line) > MAX_LINE_BYTES:
        return [], row_message(N_("is longer than {count} characters")).format(
            count=f"{MAX_LINE_BYTES:,}"
        )
    try:
        cells = next(csv.reader((line,)), [])
    except csv.Error:
        return [], row_message(N_("cannot be read as CSV"))
    if any("\n" in cell or "\r" in cell for cell in cells):
        return [cell.rstrip("\r\n") for cell in cells], row_message(_OPEN_QUOTE)
    return cells, None


def _cases(lines: Iterator[tuple[int, str]], layout: _Layout) -> Iterator[list[str] | CaseResult]:
    """Yield each case's fast output row (a list, inputs not yet appended) or its CaseResult."""
    width = layout.width
    for number, line in lines:
        cells, problem = _cells(line)
        if problem is not None:
            yield _row_problem(cells, layout, number, problem)
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != width:
            problem = row_message(N_("has {count} cells but the header has {width}")).format(
                count=len(cells), width=width
            )
            yield _row_problem(cells, layout, number, problem)
            continue
        cells.append("")
        row = fast_row(cells, layout)
        if row is not None:
            row.extend(layout.inputs(cells))
            yield row
            continue
        yield evaluate_case({name: cells[index] for name, index in layout.at.items()})


def _json_record(item: list[str] | CaseResult) -> str:
    if isinstance(item, CaseResult):
        head = [item.case_id, item.kind, item.status, "", *item.figures()]
        tail = [item.exit, item.resolution, *(item.inputs.get(n, "") for n in ECHO_COLUMNS)]
        errors = list(item.errors)
    else:
        width = len(RESULT_COLUMNS)
        head, tail, errors = item[:width], item[width:], []
    record: dict[str, object] = dict(zip(RESULT_COLUMNS, head, strict=True))
    record["errors"] = errors
    for name in RESULT_COLUMNS[4:]:
        record[name] = record[name] or None
    record["exit"], record["resolution"] = tail[0], tail[1]
    record["inputs"] = {
        name: value for name, value in zip(ECHO_COLUMNS, tail[2:], strict=True) if value
    }
    return json.dumps(record, ensure_ascii=False)


def run_batch(
    source: Iterable[str],
    sink: TextIO,
    *,
    json_lines: bool = False,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 20_000,
    language: str | None = None,
) -> BatchSummary:
    """Read cases from CSV text lines, write one result per case to ``sink``, streaming.

    Parameters
    ----------
    source
        CSV text, one physical line at a time: :func:`decoded_lines` of a binary file, or
        a text file opened with ``newline=""``. The first line is the header. No cell
        spans lines: a quote left open is reported on its line, and the next line is
        read as the next row.
    sink
        Where results go: CSV with :data:`OUTPUT_COLUMNS`, or with ``json_lines`` one
        JSON object per line (JSON Lines): the result columns, ``errors`` as a list,
        results as strings or null, and ``inputs`` holding the non-blank inputs.
    progress
        Called with the number of rows done every ``progress_every`` rows and at the end.
    language
        The language of the messages (``"es"``: Spanish); None: the calling context's.

    Raises
    ------
    BatchFileError
        The file is empty or its header row is unusable (unknown, duplicate or missing
        columns, a quote left open). Row problems never raise: they become error rows,
        each naming its line.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> run_batch(io.StringIO(template_csv()), out)
    BatchSummary(rows=2, ok=2, failed=0)
    >>> [line.split(",")[:11] for line in out.getvalue().splitlines()][2]
    ['example-car', 'auto', 'ok', '', '2000.00', '0.00', '2000.00', '0.00', '10000.00', \
'2000.00', '0.00']
    """
    if language is not None:
        with speaking(language_of(language)):
            return run_batch(
                source,
                sink,
                json_lines=json_lines,
                progress=progress,
                progress_every=progress_every,
            )
    lines = enumerate(_text_lines(source), start=1)
    json_lines = flag(json_lines, "json_lines")
    if not callable(getattr(sink, "write", None)):
        raise InvalidInputError("sink", f"expected a text file to write to, got {shown(sink)}")
    if progress is not None and not callable(progress):
        raise InvalidInputError("progress", f"expected a function or None, got {shown(progress)}")
    progress_every = whole_number(progress_every, "progress_every", 1, 10**9)
    first = next(lines, None)
    if first is None:
        raise BatchFileError(gettext("the file is empty; expected a header row"))
    header, problem = _cells(first[1])
    if problem is not None:
        raise BatchFileError(gettext("header row: {problem} (line 1)").format(problem=problem))
    layout = _layout(header)
    rows = failed = 0
    chunk: list[list[str]] = []
    writer = None
    if not json_lines:
        # RFC 4180's CRLF: the writer quotes a cell holding either character of its line
        # ending, so an input cell echoed with a bare "\r" stays one cell for every reader.
        writer = csv.writer(sink, lineterminator="\r\n")
        writer.writerow(OUTPUT_COLUMNS)
    for item in _cases(lines, layout):
        rows += 1
        if isinstance(item, CaseResult) and item.errors:
            failed += 1
        if writer is None:
            sink.write(_json_record(item) + "\n")
        else:
            chunk.append(item.row() if isinstance(item, CaseResult) else item)
            if len(chunk) >= 1024:
                writer.writerows(chunk)
                chunk.clear()
        if progress is not None and rows % progress_every == 0:
            progress(rows)
    if writer is not None:
        writer.writerows(chunk)
    if progress is not None:
        progress(rows)
    return BatchSummary(rows, rows - failed, failed)

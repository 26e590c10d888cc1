"""The columnar batch engine: a caseload computed a chunk of rows at a time, on columns of
integer cents, with the same results as the exact per-row path to the cent.

:func:`compute_chunk` takes a table of cells (one column per input column, as
:mod:`deficiency.batch` reads them: text, or for the amounts, percentages and days of a
typed Parquet file, numbers) and returns the rows of the results file
(:data:`deficiency.batch.OUTPUT_COLUMNS`; the figures as :data:`MONEY`, the inputs as
read), in input order; :func:`results_text` gives them as the CSV holds them:

- Amounts that are plain decimals (``"8500.5"``), percentages of plain digits and a whole
  number of storage days are read into int64 cents for the whole chunk at once (a
  decimal or integer column without text: its unscaled digits scaled by a power of ten,
  for the values whose text the plain patterns take); the
  balance comes from :mod:`deficiency.line_items` (its tables and
  :func:`~deficiency.line_items.signed_balance`) and is resolved as
  :func:`deficiency.resolution.resolve` does.
- State law is looked up once per distinct combination of state, loan kind, exit and facts,
  through :func:`deficiency.state_law.apply_state_law` itself. A combination whose finding
  does not depend on the row's amounts (a bar, or no rule that changes the figure) is
  applied to every row that has it; one whose finding could depend on them (a fair-value
  credit, a limit on the amount owing) leaves its rows to the exact path.
- A row with a problem in its cells gets its reasons from the exact path's own checks
  (:func:`deficiency.batch.head_problems`, :func:`~deficiency.batch.input_problem`), a
  column at a time; every other row the fast path leaves (a fact that needs the amounts, a
  total too large) takes :func:`deficiency.batch.evaluate_case`, the exact Decimal path, so
  its figures, or its reasons, are what ``explain`` and the pages give.

:func:`run_files` streams CSV or Parquet in and out in bounded chunks; ``python -m
deficiency batch`` runs it. A CSV chunk is parsed by Arrow when its lines are plain CSV
(every line with the header's number of cells, quotes only around whole cells); any other
chunk is read line by line exactly as :func:`deficiency.batch.run_batch` reads it, so a
malformed line is an error row naming its line, as before.
"""

from __future__ import annotations

import csv
import ctypes
import io
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from deficiency.assessment import DERIVED_FACTS, fact_answer, loan_facts
from deficiency.batch import (
    _BOM,
    _EXITS,
    _INFOS,
    _JUDGMENT_COSTS,
    _KIND_FIELDS,
    _MAX_CENTS,
    _RESOLUTIONS,
    ECHO_COLUMNS,
    FACT_NAMES,
    FIGURE_COLUMNS,
    INPUT_COLUMNS,
    MAX_CASE_ID_CHARS,
    MAX_LINE_BYTES,
    OUTPUT_COLUMNS,
    RESULT_COLUMNS,
    STATE_COLUMNS,
    BatchFileError,
    BatchSummary,
    CaseResult,
    _cases,
    _cells,
    _layout,
    _state_and_facts,
    decoded_lines,
    evaluate_case,
    head_problems,
    input_problem,
    language_of,
    not_utf8,
)
from deficiency.case import rule_cited
from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import ENGLISH, _, current_language
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
from deficiency.scenarios import LoanKind
from deficiency.serialize import spreadsheet_safe
from deficiency.state_law import (
    apply_state_law,
    exit_of,
    normalize_state,
    owing_at_default,
    rules_for,
)

#: Rows per chunk: about 25 MB of cells at the template's width, so a run's memory stays
#: bounded whatever the file's size.
CHUNK_ROWS = 50_000
#: The largest row group a worker process reads itself (DuckDB writes 122,880 rows a
#: group); a file with larger ones is read by the main process and handed out in chunks.
GROUP_ROWS = 3 * CHUNK_ROWS
#: Bytes of CSV read per chunk (lines are never cut).
BLOCK_BYTES = 8 * 2**20
FORMATS = ("csv", "parquet")

_PLAIN_MONEY = r"^\d{1,13}(?:\.\d{1,2})?$"
#: An amount as people copy it from a letter, read as deficiency.money.to_money reads it:
#: spaces around it, a leading "$", commas only between thousands ("$ 247,318.55").
_WRITTEN_MONEY = r"^ {0,5}\$? {0,5}(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,13})(?:\.\d{1,2})? {0,5}$"
_PLAIN_PERCENT = r"^\d{1,3}(?:\.\d{1,4})?$"
_PLAIN_DAYS = r"^\d{1,4}$"
#: A percentage in units of 0.0001 % (deficiency.money.PERCENT_PLACES).
_PERCENT_UNITS = 10_000
_MAX_DAYS = 3650
#: A case id the fast path takes: printable ASCII, not all spaces, not starting as a
#: formula would (deficiency.batch._case_id_problem); any other goes the exact way.
_PLAIN_ID = rf"^[ -~]{{1,{MAX_CASE_ID_CHARS}}}$"
_FORMULA_ID = r"^[=+\-@]"
_SPACES = r"^ *$"
#: A CSV line whose quotes Arrow and Python's csv module read alike: each cell plain, or
#: wholly quoted with doubled quotes inside.
_QUOTED_LINE = re.compile(rb'(?:[^",\r\n]*|"(?:[^"]|"")*")(?:,(?:[^",\r\n]*|"(?:[^"]|"")*"))*')


@dataclass(frozen=True)
class ChunkResult:
    """One computed chunk: the result rows (:data:`OUTPUT_COLUMNS`: the figures as
    :data:`MONEY`, null on a row with errors; every other column text, but the amounts,
    percentages and days of a typed Parquet file, echoed as read) and counts.
    :func:`results_text` gives the rows as the CSV results hold them."""

    table: pa.Table
    failed: int

    @property
    def rows(self) -> int:
        """Rows written (blank rows are skipped, as the row-by-row path skips them)."""
        return int(self.table.num_rows)


# --- reading cells into cents ---------------------------------------------------------------


def _text(columns: Mapping[str, pa.ChunkedArray], name: str, empty: pa.Array) -> pa.Array:
    """A column of the chunk as the engine reads it: text, a null or a column left out
    blank; but an input column of numbers (decimal, integer, float) kept as it is."""
    if name not in columns:
        return empty
    chunks = columns[name]
    column = chunks.chunk(0) if chunks.num_chunks == 1 else chunks.combine_chunks()
    if name in _INFOS and _is_number(column.type):
        return column
    if column.null_count == len(column):
        return empty
    if not pa.types.is_string(column.type):
        column = pc.cast(column, pa.string())
    return pc.fill_null(column, "") if column.null_count else column


def _echo(columns: Mapping[str, pa.ChunkedArray], name: str, cells: pa.Array) -> pa.Array:
    """The column the results echo: ``cells`` as the engine read them, but a text column's
    nulls kept as read (a typed caseload's blank is a null; writing nulls also costs less
    than writing empty text)."""
    chunks = columns.get(name)
    if chunks is None or not pa.types.is_string(chunks.type) or not chunks.null_count:
        return cells
    if chunks.null_count == len(chunks):
        return _nulls(len(chunks), pa.string())
    return chunks.chunk(0) if chunks.num_chunks == 1 else chunks.combine_chunks()


def _as_text(cells: pa.Array) -> pa.Array:
    """Cells as text, as :func:`as_text_table` writes them: numbers as written, nulls blank."""
    if pa.types.is_string(cells.type) and not cells.null_count:
        return cells
    return pc.fill_null(pc.cast(cells, pa.string()), "")


def _numbers(
    cells: pa.Array, pattern: str, scale: int, default: int, written: str | None = None
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(values in 1/scale units, whether each cell is blank or read) for one column: cells
    that match ``pattern``, or ``written`` (then read without ``$``, commas and spaces)."""
    if not len(cells) or pc.max(pc.binary_length(cells)).as_py() == 0:
        size = len(cells)
        return np.full(size, default, dtype=np.int64), np.ones(size, dtype=bool)
    blank = pc.equal(pc.binary_length(cells), 0)
    plain = pc.match_substring_regex(cells, pattern)
    read = pc.or_(blank, plain)
    if written is not None and not pc.all(read).as_py():
        formatted = pc.and_(pc.invert(read), pc.match_substring_regex(cells, written))
        if pc.any(formatted).as_py():
            cells = pc.if_else(formatted, pc.replace_substring_regex(cells, "[$, ]", ""), cells)
            plain = pc.or_(plain, formatted)
            read = pc.or_(read, formatted)
    ok = read.to_numpy(zero_copy_only=False)
    floats = pc.cast(pc.if_else(plain, cells, "0"), pa.float64()).to_numpy(zero_copy_only=False)
    # Exact: at most 13 whole digits and the pattern's places keep the float error far
    # below half a unit (deficiency.batch._cents_of).
    values = np.rint(floats * scale).astype(np.int64)
    values[blank.to_numpy(zero_copy_only=False)] = default
    return values, ok


#: Whole digits the text patterns take: an amount, a percentage, a number of days.
_DIGITS = {"money": 13, "percent": 3, "count": 4}
#: Places each kind is read in: cents, 0.0001 %, whole days.
_PLACES = {"money": 2, "percent": 4, "count": 0}


def _is_typed(kind: pa.DataType) -> bool:
    """Whether an input column of this type is read as numbers without text."""
    return bool(pa.types.is_decimal128(kind) or pa.types.is_integer(kind))


def _is_number(kind: pa.DataType) -> bool:
    """Whether an input column of this type is echoed as numbers (a float is read through
    its text, as it is written, since a float does not hold every cent exactly)."""
    return _is_typed(kind) or pa.types.is_floating(kind)


def _typed_numbers(
    cells: pa.Array, kind: str, default: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """:func:`_numbers` of a decimal128 or integer column, read without text: a value is
    read when its text (as :func:`as_text_table` writes it: ``8500.50``, ``30``) would
    match the column's plain pattern, that is when it is not negative, has at most the
    kind's whole digits and at most its places; a null is blank. Exact: the decimal's
    unscaled integer is scaled by a power of ten, no float is involved."""
    size = len(cells)
    if cells.null_count == size:  # a column blank in every row: most of a caseload's
        return np.full(size, default, dtype=np.int64), np.ones(size, dtype=bool)
    places = _PLACES[kind]
    valid = (
        ~cells.is_null().to_numpy(zero_copy_only=False)
        if cells.null_count
        else np.ones(size, dtype=bool)
    )
    if pa.types.is_integer(cells.type):
        scale = 0
        raw = pc.fill_null(cells, 0).to_numpy(zero_copy_only=False)
        if raw.dtype == np.uint64:  # above int64's range: too many digits in any case
            big = raw > np.uint64(10**18)
            raw = np.where(big, np.uint64(0), raw)
            unscaled = np.where(big, -1, raw.astype(np.int64))
        else:
            unscaled = raw.astype(np.int64)
    else:
        scale = cells.type.scale
        words = np.frombuffer(cells.buffers()[1], dtype=np.int64)
        pairs = words[2 * cells.offset : 2 * (cells.offset + size)].reshape(size, 2)
        unscaled = pairs[:, 0]
        if cells.type.precision > 18:  # the 128-bit value may not be a 64-bit one
            unscaled = np.where(pairs[:, 1] == (unscaled >> 63), unscaled, -1)
    if not 0 <= scale <= places:  # more places than the kind's text takes: never read
        return np.full(size, default, dtype=np.int64), ~valid
    ok = valid & (unscaled >= 0) & (unscaled < 10 ** (_DIGITS[kind] + scale))
    # A value not read is never used (its row takes the exact path): any number will do.
    values = np.where(ok, unscaled * 10 ** (places - scale), default)
    return values, ok | ~valid


def _cents_of(cells: pa.Array, kind: str, default: int) -> tuple[np.ndarray, np.ndarray]:
    """(values in the kind's units, whether each cell is blank or read) for one input
    column, typed or text: plain text, a decimal or an integer the fast way."""
    if _is_typed(cells.type):
        return _typed_numbers(cells, kind, default)
    cells = _as_text(cells)  # a float: read as the text it is written as
    if kind == "money":
        return _numbers(cells, _PLAIN_MONEY, 100, default, _WRITTEN_MONEY)
    if kind == "percent":
        return _numbers(cells, _PLAIN_PERCENT, _PERCENT_UNITS, default)
    return _numbers(cells, _PLAIN_DAYS, 1, default)


def _blank(cells: pa.Array) -> np.ndarray[Any, Any]:
    """Whether each cell is blank: empty text, or a null number."""
    if pa.types.is_string(cells.type):
        cells = pc.binary_length(cells)
    elif not cells.null_count:
        return np.zeros(len(cells), dtype=bool)
    else:
        return np.asarray(cells.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    return np.asarray(pc.equal(cells, 0).to_numpy(zero_copy_only=False), dtype=bool)


#: The figures of the results: dollars and cents. 16 whole digits: an input is at most
#: $1 trillion (13), and a figure the exact path gives is a sum of a few dozen of them
#: (a car's storage, a rate times up to 3,650 days, up to 16).
MONEY = pa.decimal128(18, 2)


def _money(cents: np.ndarray[Any, Any]) -> pa.Array:
    """Cents as :data:`MONEY` (``123405`` is 1234.05), built from the integers themselves."""
    return _decimal(cents, MONEY)


def _decimal(unscaled: np.ndarray[Any, Any], kind: pa.DataType, nulls: Any = None) -> pa.Array:
    """Unscaled int64 values as a decimal128 array of ``kind`` (a decimal128 is the 128-bit
    unscaled integer, low word first), null where the validity bitmap ``nulls`` says."""
    words = np.empty((unscaled.size, 2), dtype=np.int64)
    words[:, 0] = unscaled
    words[:, 1] = unscaled >> 63
    return pa.Array.from_buffers(kind, unscaled.size, [nulls, pa.py_buffer(words)])


def _unscaled(cells: pa.Array) -> pa.Array:
    """A decimal128 column of at most 18 digits as its unscaled int64 values (nulls kept)."""
    size = len(cells)
    words = np.frombuffer(cells.buffers()[1], dtype=np.int64)
    low = np.ascontiguousarray(words[2 * cells.offset : 2 * (cells.offset + size) : 2])
    valid = pc.is_valid(cells).buffers()[1] if cells.null_count else None
    return pa.Array.from_buffers(pa.int64(), size, [valid, pa.py_buffer(low)])


def _share(amount: np.ndarray[Any, Any], units: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``units`` (0.0001 %) percent of ``amount`` cents, half-up, without int64 overflow:
    ``deficiency.money.percent_of`` as :func:`deficiency.batch._share` computes it."""
    denominator = 100 * _PERCENT_UNITS
    whole, rest = np.divmod(amount, denominator)
    share: np.ndarray[Any, Any] = whole * units + (2 * rest * units + denominator) // (
        2 * denominator
    )
    return share


@lru_cache(maxsize=8)
def _blanks(size: int) -> pa.Array:
    """``size`` empty strings (offsets only), made once per chunk size."""
    offsets = pa.py_buffer(np.zeros(size + 1, dtype=np.int32))
    return pa.Array.from_buffers(pa.string(), size, [None, offsets, pa.py_buffer(b"")])


@lru_cache(maxsize=64)
def _nulls(size: int, kind: pa.DataType) -> pa.Array:
    """``size`` nulls of ``kind``, made once per size and type (a column of a typed
    caseload that no row of a piece answers)."""
    return pa.nulls(size, kind)


@lru_cache(maxsize=4)
def _oks(size: int) -> pa.Array:
    """``size`` cells of ``ok`` (the status of a row without errors), made once per size."""
    offsets = pa.py_buffer(np.arange(0, 2 * size + 1, 2, dtype=np.int32))
    return pa.Array.from_buffers(pa.string(), size, [None, offsets, pa.py_buffer(b"ok" * size)])


# --- state law, once per distinct combination -----------------------------------------------

_LawFinding = tuple[bool, str] | None


@lru_cache(maxsize=4096)
def _state_code(cell: str) -> str | None:
    """The state's code, ``""`` for a blank cell, None for a cell the exact path refuses."""
    if spreadsheet_safe(cell) != cell:
        return None
    if not cell.strip():
        return ""
    try:
        return normalize_state(cell.strip())
    except InvalidInputError:
        return None


@lru_cache(maxsize=65536)
def _answer(name: str, cell: str) -> str | None:
    """A fact's answer as :func:`deficiency.assessment.fact_answer` writes it, ``""`` for a
    blank cell, None for a cell the exact path refuses (or one a spreadsheet would run)."""
    if spreadsheet_safe(cell) != cell:
        return None
    if not cell.strip():
        return ""
    try:
        return fact_answer(name, cell)
    except InvalidInputError:
        return None


@lru_cache(maxsize=1024)
def _relevant(state: str, kind: str, exit: str) -> tuple[tuple[str, ...], bool] | None:
    """The facts the rules for this state, loan and exit read, and whether one of them
    limits the amount owing at default; None when the row's amounts could change the
    finding in ways the fast path does not follow (a limit on the sale price)."""
    loan = LoanKind(kind)
    chosen = exit_of(loan, exit)
    names: list[str] = []
    owing = False
    for rule in rules_for(state, loan):
        if not rule.covers(loan, chosen):
            continue
        if rule.foreclosure_type is not None:
            names.append("foreclosure_type")
        names.extend(condition.fact for condition in rule.conditions)
        if rule.threshold is not None:
            measure = rule.threshold.measure
            if measure in DERIVED_FACTS:
                return None
            owing = owing or measure == "amount_owing_at_default"
            names.append(measure)
        if rule.fair_value_method is not None:
            names.extend(("fair_market_value", "surviving_liens"))
    return tuple(dict.fromkeys(names)), owing


#: Amounts owed (cents) the finding of a combination is tried on when no rule reads them.
_PROBES = ((100, 500, 200), (98_765_432, 500_000, 99_265_432))


@lru_cache(maxsize=65536)
def _law_of(
    state: str,
    kind: str,
    exit: str,
    answers: tuple[tuple[str, str], ...],
    probes: tuple[tuple[int, int, int], ...] = _PROBES,
) -> _LawFinding:
    """(barred, rule) for every row of this combination, or None when its amounts could
    change the finding (those rows take the exact path). ``probes`` are (gross deficiency,
    sale price, amount owed) in cents the finding is tried on: it must be the same on each,
    a bar or nothing off the figure, as :func:`deficiency.assessment.assess` finds it.

    Examples
    --------
    >>> facts = (("purchase_money", "yes"), ("owner_occupied", "yes"),
    ...          ("one_to_four_units", "yes"))
    >>> _law_of("CA", "mortgage", "short_sale", facts)
    (True, 'Cal. Code Civ. Proc. 580b(a)(3)')
    >>> _law_of("CA", "mortgage", "short_sale", ())
    (False, '')
    """
    loan = LoanKind(kind)
    known = loan_facts(dict(answers))
    if known.fair_market_value is not None:
        return None  # a fair-value credit may apply: it depends on the sale price
    findings = set()
    for gross, price, owed in probes:
        completed = replace(
            known,
            sale_price=Decimal(price).scaleb(-2),
            amount_owing_at_default=owing_at_default(
                state, loan, known.amount_owing_at_default, Decimal(owed).scaleb(-2)
            ),
        )
        law = apply_state_law(state, loan, exit, Decimal(gross).scaleb(-2), completed)
        collectible = law.collectible_deficiency
        if collectible not in (Decimal(0), law.gross_deficiency):
            return None
        findings.add((collectible == 0, rule_cited(law)))
    return findings.pop() if len(findings) == 1 else None


def _mapped(cells: pa.Array, read: Callable[[str], str | None]) -> tuple[pa.Array, np.ndarray]:
    """``read`` of each cell, computed once per distinct cell: (values, whether not None)."""
    encoded = cells.dictionary_encode()
    read_once = [read(cell) for cell in encoded.dictionary.to_pylist()]
    ok = np.array([value is not None for value in read_once], dtype=bool)
    values = pa.array([value or "" for value in read_once], pa.string())
    return pc.take(values, encoded.indices), ok[encoded.indices.to_numpy(zero_copy_only=False)]


def _laws(
    state: pa.Array,
    kind: pa.Array,
    exit: pa.Array,
    facts: Sequence[pa.Array | None],
    owed: np.ndarray[Any, Any],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], pa.Array]:
    """For each row: whether the fast path may take it, whether state law bars its
    deficiency, and the rule text; each combination of state, loan, exit and the facts its
    rules read is looked up once (twice where a rule limits the amount owing at default:
    once for the rows whose amount owed proves it within the limit, once for the others)."""
    size = len(state)
    codes, usable = _mapped(state, _state_code)
    stated = pc.not_equal(codes, "").to_numpy(zero_copy_only=False)
    answers = []
    blank = _blanks(size)
    for name, cells in zip(FACT_NAMES, facts, strict=True):
        if cells is None:  # a column with no answer in this chunk
            answers.append(blank)
            continue
        values, ok = _mapped(cells, partial(_answer, name))
        answered = pc.not_equal(values, "").to_numpy(zero_copy_only=False)
        usable &= ok & (stated | ~answered)  # a fact without a state is an error
        answers.append(values)
    barred = np.zeros(size, dtype=bool)
    rules = np.zeros(size, dtype=np.int32)  # each row's rule: its place in ``texts``
    texts = {"": 0}
    groups = pc.binary_join_element_wise(codes, kind, exit, "\x1f").dictionary_encode()
    group_of = groups.indices.to_numpy(zero_copy_only=False)
    for number, key in enumerate(groups.dictionary.to_pylist()):
        code, loan, chosen = key.split("\x1f")
        rows = np.flatnonzero((group_of == number) & usable)
        if not code or not rows.size:
            continue
        relevant = _relevant(code, loan, chosen)
        if relevant is None:
            usable[rows] = False
            continue
        names, owing = relevant
        index = pa.array(rows)
        parts = [pc.take(answers[FACT_NAMES.index(name)], index) for name in names]
        keys = (
            pc.binary_join_element_wise(*parts, "\x1f") if parts else _blanks(rows.size)
        ).dictionary_encode()
        which = keys.indices.to_numpy(zero_copy_only=False)
        for place, text in enumerate(keys.dictionary.to_pylist()):
            cells = text.split("\x1f") if names else []
            given = tuple((n, a) for n, a in zip(names, cells, strict=True) if a)
            these = rows[which == place]
            if owing and "amount_owing_at_default" not in dict(given):
                found = _by_amount_owed(code, loan, chosen, given, owed[these])
            else:
                found = [(np.ones(these.size, dtype=bool), _law_of(code, loan, chosen, given))]
            for side, finding in found:
                part = these[side]
                usable[part] = finding is not None
                barred[part] = bool(finding and finding[0])
                rule = finding[1] if finding else ""
                rules[part] = texts.setdefault(rule, len(texts))
    return usable, barred, pc.take(pa.array(list(texts), pa.string()), pa.array(rules))


def _by_amount_owed(
    state: str, kind: str, exit: str, given: tuple[tuple[str, str], ...], owed: np.ndarray
) -> list[tuple[np.ndarray[Any, Any], _LawFinding]]:
    """The findings of the rows where a rule limits the amount owing at default and it is
    not answered, as (which rows, finding) pairs: :func:`deficiency.state_law.
    owing_at_default` takes what is owed now when it proves every limit met, so the rows
    split in two, each found once on its own amounts."""
    loan = LoanKind(kind)
    # Every limit caps the amount from above, so the amounts that prove it are those up to
    # some bound: the largest is found by halving, in a few calls whatever the rows.
    amounts = np.unique(owed)
    low, high = 0, amounts.size  # amounts[:low] prove it; amounts[high:] do not
    while low < high:
        middle = (low + high) // 2
        cents = Decimal(int(amounts[middle])).scaleb(-2)
        if owing_at_default(state, loan, None, cents) is not None:
            low = middle + 1
        else:
            high = middle
    within = owed <= amounts[low - 1] if low else np.zeros(owed.size, dtype=bool)
    found = []
    for side in (within, ~within):
        if not side.any():
            continue
        low, high = int(owed[side].min()), int(owed[side].max())
        probes = ((100, 500, low), (98_765_432, 500_000, high))
        found.append((side, _law_of(state, kind, exit, given, probes)))
    return found


# --- one chunk ------------------------------------------------------------------------------


def _items(items: tuple[LineItem, ...], exit: str, group: Group) -> tuple[str, ...]:
    return tuple(item.name for item in items_of(items, exit, group))


def compute_chunk(table: pa.Table) -> ChunkResult:
    """The results of one chunk of cases, in input order.

    ``table`` holds text columns named as the template's (:data:`deficiency.batch.
    TEMPLATE_COLUMNS`; any may be left out, and read as blank). A row whose cells are all
    blank is skipped. Every other row comes back with the figures :func:`deficiency.batch.
    evaluate_case` gives it, or its errors.

    Examples
    --------
    >>> import pyarrow as pa
    >>> cases = pa.table({"case_id": ["c1", "c2"], "kind": ["auto", "auto"],
    ...     "exit": ["repossession", "repossession"], "resolution": ["judgment", "judgment"],
    ...     "unpaid_principal": ["10000", "10000"], "sale_price": ["8500", "x"],
    ...     "retaking_fee": ["500", ""]})
    >>> result = compute_chunk(cases)
    >>> result.table.column("deficiency").to_pylist(), result.failed
    ([Decimal('2000.00'), None], 1)
    >>> result.table.column("errors").to_pylist()[1]
    "sale_price: 'x' is not a number"
    """
    size = table.num_rows
    empty = _blanks(size)
    given = dict(zip(table.column_names, table.columns, strict=True))
    text = {name: _text(given, name, empty) for name in (*_NAMED, *ECHO_COLUMNS)}
    case_id, kind, exit, resolution = (text[name] for name in _NAMED)
    fast = pc.match_substring_regex(case_id, _PLAIN_ID).to_numpy(zero_copy_only=False)
    for pattern in (_FORMULA_ID, _SPACES):
        fast &= ~pc.match_substring_regex(case_id, pattern).to_numpy(zero_copy_only=False)
    resolution_ok = pc.is_in(resolution, pa.array(_RESOLUTIONS)).to_numpy(zero_copy_only=False)
    fast &= resolution_ok
    kinds = {loan: pc.equal(kind, loan.value).to_numpy(zero_copy_only=False) for loan in LoanKind}
    exits = {
        (loan, name): kinds[loan] & pc.equal(exit, name).to_numpy(zero_copy_only=False)
        for loan in LoanKind
        for name in _EXITS[loan]
    }
    fast &= np.logical_or.reduce(list(exits.values()))
    values: dict[str, np.ndarray[Any, Any]] = {}
    # Each input cell the fast path takes as it is (blank, or read and of the row's kind),
    # so the exact path's check of it would find nothing.
    accepted: dict[str, np.ndarray[Any, Any]] = {}
    for name, info in _INFOS.items():
        cells = text[name]
        default = 50 * _PERCENT_UNITS if name == "settlement_percent" else 0
        number, ok = _cents_of(cells, info.kind, default)
        ok &= number <= _LIMITS[info.kind]
        blank = _blank(cells)
        belongs = np.zeros(size, dtype=bool)
        for loan in LoanKind:
            # A cell of the other kind's column must be blank (an error otherwise).
            fast &= ~kinds[loan] | (ok if name in _KIND_FIELDS[loan] else blank)
            if name in _KIND_FIELDS[loan]:
                belongs |= kinds[loan]
        accepted[name] = blank | (ok & belongs)
        values[name] = number
    # The statement on the rows of each loan and exit, from the one line-item definition.
    owed = np.zeros(size, dtype=np.int64)
    expenses = np.zeros(size, dtype=np.int64)
    credits = np.zeros(size, dtype=np.int64)
    price = values["sale_price"]
    for (loan, name), rows in exits.items():
        items = MORTGAGE_ITEMS if loan is LoanKind.MORTGAGE else AUTO_ITEMS
        counted = {item.name for item in items_of(items, name)}
        owed_here = sum(values[n] for n in _items(items, name, Group.OBLIGATION))
        costs_here = sum(
            values[n] for n in _items(items, name, Group.EXPENSE) if n not in (COMMISSION, STORAGE)
        )
        if COMMISSION in counted:
            costs_here = costs_here + _share(price, values["commission_rate"])
        if STORAGE in counted:
            storage = values["storage_daily_rate"] * values["storage_days"]
            fast &= ~rows | (storage <= _MAX_CENTS)
            costs_here = costs_here + storage
        credits_here = sum(values[n] for n in _items(items, name, Group.CREDIT))
        owed = np.where(rows, owed_here, owed)
        expenses = np.where(rows, costs_here, expenses)
        credits = np.where(rows, credits_here, credits)
    balance = signed_balance(owed, price, expenses, credits)
    deficiency = np.maximum(balance, 0)
    surplus = np.maximum(-balance, 0)
    # The exact path refuses a total above $1 trillion (the amount owed, the deficiency
    # state law reads): such rows take it, to be refused in its words.
    for total in (owed, expenses, credits, deficiency, surplus):
        fast &= total <= _MAX_CENTS
    # State law: rows naming a state or answering a fact, once per combination.
    state_cells = [text[name] for name in STATE_COLUMNS]
    answered = [cells is not empty and not _blank(cells).all() for cells in state_cells]
    named = np.zeros(size, dtype=bool)
    for cells, some in zip(state_cells, answered, strict=True):
        if some:
            named |= ~_blank(cells)
    with_law = np.flatnonzero(fast & named)
    barred = np.zeros(size, dtype=bool)
    rules = _blanks(size)
    if with_law.size:
        index = pa.array(with_law)
        usable, barred_here, rules_here = _laws(
            pc.take(state_cells[0], index),
            pc.take(kind, index),
            pc.take(exit, index),
            [
                pc.take(cells, index) if some else None
                for cells, some in zip(state_cells[1:], answered[1:], strict=True)
            ],
            owed[with_law],
        )
        fast[with_law] &= usable
        barred[with_law] = barred_here
        mask = np.zeros(size, dtype=bool)
        mask[with_law] = True
        rules = pc.replace_with_mask(rules, pa.array(mask), rules_here)
    collectible = np.where(barred, 0, deficiency)
    barred_cents = deficiency - collectible
    # deficiency.resolution.resolve on the collectible part.
    waived = pc.equal(resolution, "waived").to_numpy(zero_copy_only=False)
    judgment = pc.equal(resolution, "judgment").to_numpy(zero_copy_only=False)
    settled_paid = _share(collectible, values["settlement_percent"])
    paid = np.where(waived, 0, np.where(judgment, collectible, settled_paid))
    costs = np.where(judgment & (collectible > 0), sum(values[n] for n in _JUDGMENT_COSTS), 0)
    cancelled = collectible - paid
    owes = paid + costs
    recovers = np.maximum(owed - deficiency, 0) + paid
    figures = (deficiency, surplus, owes, cancelled, recovers, collectible, barred_cents)
    status = _oks(size)
    columns = [case_id, kind, status, empty, *(_money(f) for f in figures), rules]
    columns += [exit, resolution, *(_echo(given, name, text[name]) for name in ECHO_COLUMNS)]
    output = pa.Table.from_arrays(columns, names=list(OUTPUT_COLUMNS))
    slow = np.flatnonzero(~fast)
    if not slow.size:
        return ChunkResult(output, 0)
    return _with_exact_rows(output, table, text, slow, accepted)


_NAMED = ("case_id", "kind", "exit", "resolution")
#: The largest value of each kind the fast path takes; a larger one takes the exact path.
_LIMITS = {"money": _MAX_CENTS, "percent": 100 * _PERCENT_UNITS, "count": _MAX_DAYS}


def _with_exact_rows(
    output: pa.Table,
    table: pa.Table,
    text: Mapping[str, pa.Array],
    slow: np.ndarray[Any, Any],
    accepted: Mapping[str, np.ndarray[Any, Any]],
) -> ChunkResult:
    """Put the rows the fast path left in their places: a row with a problem in its cells
    gets the exact path's reasons, found a column at a time by the same checks
    (:func:`deficiency.batch.head_problems`, :func:`~deficiency.batch.input_problem`); any
    other row is computed by the exact path itself."""
    index = pa.array(slow)
    present = [name for name in table.column_names if name in text]
    taken = {name: _as_text(pc.take(text[name], index)) for name in present}
    found = _problems(taken, slow.size, {name: cells[slow] for name, cells in accepted.items()})
    exact_at = [place for place, errors in enumerate(found) if not errors]
    exact: dict[int, list[str]] = {}
    blank: list[int] = []
    failed = slow.size - len(exact_at)
    if exact_at:
        at = pa.array(exact_at)
        cells = pa.Table.from_arrays(
            [pc.take(taken[name], at) for name in present], names=present
        ).to_pylist()
        for place, row in zip(exact_at, cells, strict=True):
            if not any(value.strip() for value in row.values()):
                blank.append(int(slow[place]))  # skipped, as the row-by-row path skips it
                exact[place] = [""] * len(OUTPUT_COLUMNS)
                continue
            result = evaluate_case(row)
            failed += bool(result.errors)
            exact[place] = result.row()
    settled = [place for place, errors in enumerate(found) if errors]
    # Each row's place in a column followed by the slow rows' new cells.
    size = output.num_rows
    places = np.arange(size)
    places[slow] = size + np.arange(slow.size)
    at = pa.array(places)

    def replaced(column: pa.ChunkedArray, cells: pa.Array) -> pa.Array:
        return pc.take(pa.concat_arrays([column.combine_chunks(), cells]), at)

    columns = []
    for position, (name, column) in enumerate(zip(OUTPUT_COLUMNS, output.columns, strict=True)):
        if name in FIGURE_COLUMNS:  # every slow row's figure is null, or the exact path's
            cents = np.array(_unscaled(column.combine_chunks()).to_numpy(zero_copy_only=False))
            valid = np.ones(size, dtype=bool)
            valid[slow] = False
            for place, row in exact.items():
                if row[position]:
                    cents[slow[place]] = int(Decimal(row[position]).scaleb(2))
                    valid[slow[place]] = True
            columns.append(_decimal(cents, MONEY, pa.array(valid).buffers()[1]))
            continue
        if not pa.types.is_string(column.type):
            columns.append(column)  # numbers of a typed file, echoed as read
            continue
        rows_here = pc.take(column, index)
        if (
            not exact
            and name not in _SETTLED
            and not (settled and pc.any(pc.match_substring_regex(rows_here, "^[=+@-]")).as_py())
        ):
            columns.append(column)  # an echoed input that no row changes
            continue
        current = rows_here.to_pylist()
        values = list(current)
        for place, row in exact.items():
            if current[place] is not None or row[position]:  # a null stays as read
                values[place] = row[position]
        if name == "status":
            for place in settled:
                values[place] = "error"
        elif name == "errors":
            for place in settled:
                values[place] = spreadsheet_safe("; ".join(found[place] or ()))
        elif name == "rule":
            for place in settled:
                values[place] = ""
        elif settled:
            for place in settled:
                cell = values[place]
                values[place] = cell if cell is None else spreadsheet_safe(cell)
        if values == current:
            columns.append(column)  # an echoed input, as the exact path writes it too
        else:
            columns.append(replaced(column, pa.array(values, pa.string())))
    merged = pa.Table.from_arrays(columns, names=list(OUTPUT_COLUMNS))
    if blank:
        keep = np.ones(output.num_rows, dtype=bool)
        keep[blank] = False
        merged = merged.filter(pa.array(keep))
    return ChunkResult(merged, failed)


#: The text columns a row with errors sets.
_SETTLED = frozenset(("status", "errors", "rule"))


def _problems(
    taken: Mapping[str, pa.Array], size: int, accepted: Mapping[str, np.ndarray[Any, Any]]
) -> list[list[str] | None]:
    """Each row's problems, in the order :func:`deficiency.batch.evaluate_case` lists them
    (case id, kind, exit, resolution, the state and its facts, then each input), found a
    column at a time; None for a row without a case id (blank, or for the exact path).
    An input cell ``accepted`` marks (the fast path read it, and it is of the row's kind)
    has no problem, so only the others are checked."""

    def cells(name: str) -> list[str]:
        return taken[name].to_pylist() if name in taken else [""] * size

    ids, kinds, exits, resolutions = (cells(name) for name in _NAMED)
    language = current_language()  # the cached messages' language, read once
    found: list[list[str] | None] = []
    kind_of: list[LoanKind | None] = []
    for case_id, kind, exit, resolution in zip(ids, kinds, exits, resolutions, strict=True):
        if not case_id.strip():
            found.append(None)
            kind_of.append(None)
            continue
        errors, loan = head_problems(case_id, kind, exit, resolution)
        found.append(errors)
        kind_of.append(loan)
    states = [name for name in STATE_COLUMNS if name in taken]
    if states:
        lengths = [pc.binary_length(taken[name]).to_numpy(zero_copy_only=False) for name in states]
        rows = np.flatnonzero(np.logical_or.reduce(lengths) > 0)
        if rows.size:
            at = pa.array(rows)
            answers = pa.Table.from_arrays(
                [pc.take(taken[name], at) for name in states], names=states
            ).to_pylist()
            for place, answered in zip(rows.tolist(), answers, strict=True):
                listed = found[place]
                if listed is not None:
                    _state_and_facts(answered, listed)
    for name in INPUT_COLUMNS:
        if name not in taken:
            continue
        given = pc.binary_length(taken[name]).to_numpy(zero_copy_only=False) > 0
        rows = np.flatnonzero(given & ~accepted[name])
        if not rows.size:
            continue
        values = pc.take(taken[name], pa.array(rows)).to_pylist()
        for place, value in zip(rows.tolist(), values, strict=True):
            listed = found[place]
            if listed is None or not value.strip():
                continue
            problem = (
                _short_problem(name, value, kind_of[place], language)
                if len(value) <= 64
                else input_problem(name, value, kind_of[place])
            )
            if problem:
                listed.append(problem)
    return found


@lru_cache(maxsize=4096)
def _short_problem(
    name: str, text: str, kind: LoanKind | None, language: str = ENGLISH
) -> str | None:
    """:func:`deficiency.batch.input_problem` of a short cell, found once per cell: the
    cells people get wrong repeat (``N/A``, ``-``, ``$1,234.5.0``)."""
    return input_problem(name, text, kind)


def _legacy_chunk(items: Iterator[list[str] | CaseResult]) -> ChunkResult:
    """A chunk read line by line (:func:`deficiency.batch.run_batch`'s reading) as a table."""
    rows: list[list[str]] = []
    failed = 0
    for item in items:
        if isinstance(item, CaseResult):
            failed += bool(item.errors)
            rows.append(item.row())
        else:
            rows.append(item)
    columns = (
        [pa.array(list(column), pa.string()) for column in zip(*rows, strict=True)]
        if rows
        else [pa.array([], pa.string()) for _name in OUTPUT_COLUMNS]
    )
    columns = [
        _money_of_text(column) if name in FIGURE_COLUMNS else column
        for name, column in zip(OUTPUT_COLUMNS, columns, strict=True)
    ]
    return ChunkResult(pa.Table.from_arrays(columns, names=list(OUTPUT_COLUMNS)), failed)


def _money_of_text(column: pa.Array) -> pa.Array:
    """A figure column of text (``"1234.05"``, blank on a row with errors) as :data:`MONEY`."""
    return pc.cast(pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column), MONEY)


# --- reading CSV in chunks ------------------------------------------------------------------


class SourceReadError(Exception):
    """Reading the input failed (an OSError) before ``line`` was read whole."""

    def __init__(self, line: int, error: OSError) -> None:
        super().__init__(line, error)
        self.line = line
        self.error = error


def _complete_lines(data: bytes) -> int:
    """How many lines of ``data`` end within it."""
    pieces = data.splitlines(keepends=True)
    return len(pieces) - (1 if pieces and not pieces[-1].endswith((b"\n", b"\r")) else 0)


def _header(binary: BinaryIO) -> tuple[list[str], bytes]:
    """The header's cells and the bytes read after it."""
    first = b""
    try:
        first = binary.read(BLOCK_BYTES)
        while True:
            pieces = first.splitlines(keepends=True)
            if len(pieces) > 1 or len(first) > 2 * MAX_LINE_BYTES:
                break
            more = binary.read(BLOCK_BYTES)
            if not more:
                break
            first += more
    except OSError as error:
        raise SourceReadError(_complete_lines(first) + 1, error) from None
    head = pieces[0] if pieces else b""
    lines = decoded_lines(io.BytesIO(head))
    line = next(lines, None)
    if line is None:
        raise BatchFileError(_("the file is empty; expected a header row"))
    header, problem = _cells(line)
    if problem is not None:
        raise BatchFileError(_("header row: {problem} (line 1)").format(problem=problem))
    return header, first[len(head) :]


def _blocks(binary: BinaryIO, rest: bytes, done: int) -> Iterator[bytes]:
    """Whole lines of the file, ``BLOCK_BYTES`` or so at a time, after ``done`` lines."""
    pending = rest
    while True:
        try:
            more = binary.read(BLOCK_BYTES)
        except OSError as error:
            raise SourceReadError(done + _complete_lines(pending) + 1, error) from None
        data = pending + more
        if not more:
            if data:
                yield data
            return
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            cut = data.rfind(b"\r", 0, len(data) - 1) + 1
        if cut == 0:
            pending = data
            continue
        pending = data[cut:]
        done += _line_count(data[:cut])
        yield data[:cut]


def _line_count(block: bytes) -> int:
    """Lines in a block, ended by ``\\n``, ``\\r\\n`` or ``\\r`` (bytes.splitlines)."""
    if not block:
        return 0
    if b"\r" not in block:
        lines = block.count(b"\n")
    else:
        lines = block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
    return lines + (0 if block.endswith((b"\n", b"\r")) else 1)


def _quoted_lines(block: bytes) -> Iterator[bytes]:
    """Each line of the block that holds a quote (each search bounded by the line, so the
    block is read about once whatever its line endings)."""
    ends = [mark for mark in (b"\n", b"\r") if mark in block]
    previous = 0
    start = block.find(b'"')
    while start != -1:
        begin = max((block.rfind(mark, previous, start) for mark in ends), default=-1) + 1
        end = len(block)
        for mark in ends:
            found = block.find(mark, start, end)
            end = end if found == -1 else found
        yield block[max(begin, previous) : end]
        previous = end
        start = block.find(b'"', end)


def _plain_lines(block: bytes) -> bool:
    """Whether Arrow reads the block's lines as Python's csv module reads each line."""
    if block.startswith(_BOM):
        return False
    if len(block) > MAX_LINE_BYTES:
        bytes_ = np.frombuffer(block, dtype=np.uint8)
        ends = np.flatnonzero((bytes_ == 10) | (bytes_ == 13))
        gaps = np.diff(np.concatenate(([-1], ends, [len(block)])))
        if gaps.max() > MAX_LINE_BYTES:
            return False
    if b'"' not in block:
        return True
    return all(_QUOTED_LINE.fullmatch(line) for line in _quoted_lines(block))


def csv_chunks(binary: BinaryIO) -> Iterator[pa.Table | ChunkResult]:
    """Read a caseload CSV: yields each block's cells as a table (text columns named as the
    header) or, for a block Arrow should not read, its results as a :class:`ChunkResult`.

    Raises BatchFileError for an empty file, a bad header row or text that is not UTF-8
    (naming the line), as :func:`deficiency.batch.run_batch` does; SourceReadError when
    reading fails.
    """
    for block, header, first, _format in _csv_pieces(binary, "csv"):
        yield block_chunk(block, header, first)


def block_chunk(block: bytes, header: Sequence[str], first: int) -> pa.Table | ChunkResult:
    """One block of whole CSV lines, the first of them line ``first`` of the file: its cells
    as a table when Arrow reads it as Python's csv module would, else its results, read
    line by line as :func:`deficiency.batch.run_batch` reads them."""
    layout = _layout(header)
    names = [name.strip() for name in header]
    width = len(names)
    if _plain_lines(block):
        try:
            table = pa_csv.read_csv(
                io.BytesIO(block),
                read_options=pa_csv.ReadOptions(column_names=[f"c{i}" for i in range(width)]),
                parse_options=pa_csv.ParseOptions(newlines_in_values=False),
                convert_options=pa_csv.ConvertOptions(
                    column_types={f"c{i}": pa.string() for i in range(width)},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
        except (pa.ArrowInvalid, UnicodeDecodeError):
            pass
        else:
            return table.rename_columns(names)
    lines = decoded_lines(io.BytesIO(b"\n" + block))
    next(lines)  # the stand-in line that keeps the first line's mark as it is
    numbered = ((first + n, text) for n, text in enumerate(_renumbered(lines, first)))
    return _legacy_chunk(_cases(numbered, layout))


def read_header(binary: BinaryIO) -> tuple[list[str], int]:
    """The header row's cells and the bytes it takes (for a reader that splits the file)."""
    header, rest = _header(binary)
    return header, binary.tell() - len(rest)


def _renumbered(lines: Iterator[str], first: int) -> Iterator[str]:
    """The lines, with a decoding error's line number counted from the file's start."""
    try:
        yield from lines
    except BatchFileError as error:
        if error.line is None:
            raise
        raise not_utf8(error.line - 2 + first, *error.at) from None


# --- reading Parquet in chunks --------------------------------------------------------------


def as_text_table(table: pa.Table) -> pa.Table:
    """Every column as text: numbers as written (``8500.5``), missing values blank."""
    columns = []
    for column in table.columns:
        if not pa.types.is_string(column.type):
            column = pc.cast(column, pa.string())
        columns.append(pc.fill_null(column, ""))
    return pa.Table.from_arrays(columns, names=[name.strip() for name in table.column_names])


def _named(table: pa.Table) -> pa.Table:
    """The table with its column names as the header's cells are read (spaces around
    them dropped); :func:`compute_chunk` reads its columns, text or numbers, as they are."""
    return table.rename_columns([name.strip() for name in table.column_names])


def chunk_results(chunks: Iterator[Any], rows: int | None = None) -> Iterator[ChunkResult]:
    """Each chunk computed, tables split to ``rows`` rows (:data:`CHUNK_ROWS`)."""
    rows = rows or CHUNK_ROWS
    for chunk in chunks:
        if isinstance(chunk, ChunkResult):
            yield chunk
            continue
        for start in range(0, chunk.num_rows, rows):
            yield compute_chunk(chunk.slice(start, rows))


# --- writing --------------------------------------------------------------------------------

_SEPARATORS = len(OUTPUT_COLUMNS) - 1


def csv_bytes(table: pa.Table) -> bytes:
    """Result rows as CSV lines (CRLF, quoted only where needed), as ``csv.writer`` writes."""
    if not table.num_rows:
        return b""
    table = results_text(table)
    joined = pc.binary_join_element_wise(*(c.combine_chunks() for c in table.columns), ",")
    quoting = pc.or_(
        pc.not_equal(pc.count_substring(joined, ","), _SEPARATORS),
        pc.match_substring(joined, '"'),
    )
    lines = pc.binary_join_element_wise(joined, "", "\r\n")
    if pc.any(quoting).as_py():
        rows = np.flatnonzero(quoting.to_numpy(zero_copy_only=False))
        cells = table.take(pa.array(rows)).to_pylist()
        quoted = []
        for row in cells:
            out = io.StringIO()
            csv.writer(out, lineterminator="\r\n").writerow(list(row.values()))
            quoted.append(out.getvalue())
        lines = pc.replace_with_mask(lines, quoting, pa.array(quoted, pa.string()))
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)
    start, end = offsets[lines.offset], offsets[lines.offset + len(lines)]
    return bytes(lines.buffers()[2])[start:end]


def results_text(table: pa.Table) -> pa.Table:
    """Result rows as the CSV results hold them, every column text: a figure as
    ``1234.05`` (blank on a row with errors), a number of a typed file as it is written
    (``8500.50``: :func:`as_text_table`), made spreadsheet-safe as the exact path writes it.

    Examples
    --------
    >>> from deficiency.batch import template_csv
    >>> import pyarrow.csv as pa_csv
    >>> cases = pa_csv.read_csv(io.BytesIO(template_csv().encode()))
    >>> results_text(compute_chunk(cases).table).column("deficiency").to_pylist()
    ['50000.00', '2000.00']
    """
    columns = []
    for column in table.columns:
        if column.null_count and pa.types.is_string(column.type):
            column = pc.fill_null(column, "")  # a blank cell a typed caseload left null
        elif not pa.types.is_string(column.type):
            column = _as_text(column.combine_chunks())
            if pc.any(pc.match_substring_regex(column, "^[=+@-]")).as_py():
                column = pa.array([spreadsheet_safe(cell) for cell in column.to_pylist()])
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


def header_bytes() -> bytes:
    """The results file's header row."""
    return (",".join(OUTPUT_COLUMNS) + "\r\n").encode()


def results_schema(source: pa.Schema | None = None) -> pa.Schema:
    """The columns of Parquet results: the seven figures as :data:`MONEY`, the amounts,
    percentages and days of ``source`` (a Parquet caseload's schema) as their types
    there, since they are echoed as read; every other column text."""
    kept = {}
    for field in source or ():
        if field.name.strip() in _INFOS and _is_number(field.type):
            kept[field.name.strip()] = field.type
    return pa.schema(
        [
            (name, MONEY if name in FIGURE_COLUMNS else kept.get(name, pa.string()))
            for name in OUTPUT_COLUMNS
        ]
    )


@dataclass(frozen=True)
class _Packed:
    """Results sent from a worker process without the columns blank on every row (most
    of a caseload's): ``blank`` text columns of empty cells, ``nulls`` columns of nulls.
    Pickling the rest costs a fraction of the whole table."""

    table: pa.Table
    blank: tuple[str, ...]
    nulls: tuple[str, ...]
    #: Decimal columns of up to 18 digits, sent as their int64 unscaled values (half the
    #: bytes).
    unscaled: tuple[str, ...] = ()

    @classmethod
    def of(cls, table: pa.Table) -> _Packed:
        blank: list[str] = []
        nulls: list[str] = []
        unscaled: list[str] = []
        for name, column in zip(table.column_names, table.columns, strict=True):
            if column.null_count == len(column) and len(column):
                nulls.append(name)
            elif pa.types.is_decimal128(column.type) and column.type.precision <= 18:
                unscaled.append(name)
            elif (
                pa.types.is_string(column.type)
                and not column.null_count
                and not pc.max(pc.binary_length(column)).as_py()
            ):
                blank.append(name)
        kept = table.drop_columns([*blank, *nulls])
        for name in unscaled:
            place = kept.schema.get_field_index(name)
            kept = kept.set_column(place, name, _unscaled(kept[name].combine_chunks()))
        return cls(kept, tuple(blank), tuple(nulls), tuple(unscaled))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as one Arrow IPC stream: half the time of pickling the table's arrays,
        and read back without copying."""
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, self.table.schema) as stream:
            stream.write_table(self.table)
        return _Packed._read, (sink.getvalue(), self.blank, self.nulls, self.unscaled)

    @staticmethod
    def _read(data: pa.Buffer, *names: tuple[str, ...]) -> _Packed:
        blank, nulls, unscaled = names
        return _Packed(pa.ipc.open_stream(data).read_all(), blank, nulls, unscaled)

    def unpacked(self, schema: pa.Schema) -> pa.Table:
        """The whole table, its columns in ``schema``'s order and types."""
        size = self.table.num_rows
        columns = []
        for field in schema:
            if field.name in self.blank:
                columns.append(_blanks(size))
            elif field.name in self.nulls:
                columns.append(_nulls(size, field.type))
            elif field.name in self.unscaled:
                ints = self.table[field.name].combine_chunks()
                if ints.offset:  # the validity bitmap must start at the first row
                    ints = pa.concat_arrays([pa.array([], pa.int64()), ints])
                values = np.frombuffer(ints.buffers()[1], dtype=np.int64)[: len(ints)]
                columns.append(_decimal(values, field.type, ints.buffers()[0]))
            else:
                columns.append(self.table[field.name])
        table = pa.Table.from_arrays(columns, schema=schema)
        return table


def format_of(path: str, given: str | None = None) -> str:
    """``csv`` or ``parquet``: as given, else from the file's extension (CSV otherwise)."""
    if given:
        if given not in FORMATS:
            raise InvalidInputError("format", f"{given!r} is not one of: csv, parquet")
        return given
    return "parquet" if path.lower().endswith((".parquet", ".pq")) else "csv"


#: What one worker sends back: the results as CSV bytes or a table (None for no rows),
#: rows, rows with errors.
_Done = tuple[bytes | _Packed | None, int, int]


def _computed(
    chunk: pa.Table | ChunkResult | bytes, header: Sequence[str], first: int, output_format: str
) -> _Done:
    """One piece of the input computed: a block of CSV lines (``bytes``, the first of them
    line ``first``), a table of cells, or a block already read line by line."""
    rows = None
    if isinstance(chunk, bytes):
        chunk = block_chunk(chunk, header, first)
    elif isinstance(chunk, _RowGroups):
        # Row groups a worker read are computed whole (at most GROUP_ROWS): a chunk's own
        # work (a few hundred calls into Arrow) is then shared by more rows.
        chunk, rows = chunk.table(), GROUP_ROWS
    results = list(chunk_results(iter([chunk]), rows))
    done = sum(result.rows for result in results)
    failed = sum(result.failed for result in results)
    if output_format == "parquet":
        tables = [result.table for result in results if result.rows]
        return (_Packed.of(pa.concat_tables(tables)) if tables else None), done, failed
    return b"".join(csv_bytes(result.table) for result in results), done, failed


def _computed_in(language: str, chunk: pa.Table | ChunkResult | bytes, *piece: Any) -> _Done:
    """:func:`_computed` with the rows' messages in ``language`` (a worker process knows
    no session: the language comes with each piece)."""
    with speaking(language):
        return _computed(chunk, *piece)


#: Pieces per worker process in flight: enough that a worker does not wait while this
#: process writes (with two, a quarter of a 10,000,000-row Parquet run was such waits).
_IN_FLIGHT = 4


def _steady_memory() -> None:
    """Memory for a process of a parallel run, kept rather than given back to the system
    after each chunk: Arrow's allocator is the C library's, unless
    ``ARROW_DEFAULT_MEMORY_POOL`` chooses (Arrow's default, mimalloc, gave memory back and
    took it again for every chunk: about 1.2 CPU seconds of system time per million rows,
    a fifth of the run); and the GNU C library keeps blocks of up to 32 MiB, and up to
    512 MiB it has freed, in the process (another 0.3 CPU seconds per million rows)."""
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        pa.set_memory_pool(pa.system_memory_pool())
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 32 * 2**20)
        libc.mallopt(_M_TRIM_THRESHOLD, 512 * 2**20)
    except (OSError, AttributeError):  # not the GNU C library: its defaults stay
        pass


#: mallopt's parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def _in_order(
    work: Callable[..., _Done], pieces: Iterator[tuple[Any, ...]], workers: int
) -> Iterator[_Done]:
    """``work`` on each piece, in ``workers`` processes when more than one, results in
    input order; at most :data:`_IN_FLIGHT` pieces per worker are in flight, so memory
    stays bounded."""
    if workers <= 1:
        for piece in pieces:
            yield work(*piece)
        return
    context = multiprocessing.get_context("spawn")  # no copy of this process's threads
    _steady_memory()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_steady_memory
    ) as pool:
        pending: deque[Future[_Done]] = deque()
        try:
            for piece in pieces:
                pending.append(pool.submit(work, *piece))
                if len(pending) >= _IN_FLIGHT * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def run_files(
    binary: BinaryIO,
    write: Callable[[bytes], object] | None,
    *,
    output_path: str | None = None,
    source_format: str = "csv",
    output_format: str = "csv",
    progress: Callable[[int, float], None] | None = None,
    workers: int = 1,
    language: str | None = None,
) -> BatchSummary:
    """Compute a caseload read from ``binary`` into CSV bytes (``write``) or a Parquet file
    (``output_path``), one bounded chunk at a time.

    ``workers`` above 1 computes the chunks in that many processes (the results are
    written in input order, and at most four pieces per worker are held at once).
    ``progress`` is called with the rows done and the share of the input read (0 to 1)
    after each chunk. The rows' messages are in ``language`` (``"es"``: Spanish), in the
    worker processes too; None: the calling context's. Raises BatchFileError for a file that
    cannot be read as a caseload (naming its line), SourceReadError when reading fails,
    OSError when writing fails.
    """
    rows = failed = 0
    writer = None
    total = max(os.fstat(binary.fileno()).st_size, 1) if _has_size(binary) else 0
    pieces: Iterator[tuple[Any, ...]]
    schema = results_schema()
    if source_format == "parquet":
        pieces, in_all, source = _parquet_pieces(binary, output_format, workers)
        schema = results_schema(source)

        def share() -> float:
            return min(rows / max(in_all, 1), 1.0)
    else:
        pieces = _csv_pieces(binary, output_format)

        def share() -> float:
            return min(binary.tell() / total, 1.0) if total else 0.0

    if output_format == "parquet":
        if output_path is None:
            raise InvalidInputError("output", "Parquet results need a file name")
        writer = pq.ParquetWriter(output_path, schema, **_WRITE_OPTIONS)
    elif write is not None:
        write(header_bytes())
    try:
        work = partial(
            _computed_in, current_language() if language is None else language_of(language)
        )
        for done, count, errors in _in_order(work, pieces, workers):
            rows += count
            failed += errors
            if writer is not None:
                assert done is None or isinstance(done, _Packed)
                if done is not None:
                    writer.write_table(done.unpacked(schema))
            elif write is not None:
                assert isinstance(done, bytes)
                write(done)
            if progress is not None:
                progress(rows, share())
    finally:
        if writer is not None:
            writer.close()
    if progress is not None:
        progress(rows, 1.0)
    return BatchSummary(rows, rows - failed, failed)


#: How Parquet results are written. Without statistics: a quarter less time, and nothing
#: filters results by them. Without dictionaries: most columns hold amounts that differ
#: from row to row, where a dictionary is built and then dropped. LZ4 (pyarrow's ``lz4``):
#: a fifth less time than zstd, in a file about twice zstd's size and half snappy's.
_WRITE_OPTIONS: dict[str, Any] = {
    "compression": "lz4",
    "write_statistics": False,
    "use_dictionary": False,
}


def _csv_pieces(binary: BinaryIO, output_format: str) -> Iterator[tuple[Any, ...]]:
    """The CSV's blocks of whole lines, each with the header and its first line's number."""
    header, rest = _header(binary)
    _layout(header)  # a bad header row is said before any row is read
    line = 1
    for block in _blocks(binary, rest, line):
        yield block, header, line + 1, output_format
        line += _line_count(block)


def compute_caseload(
    data: bytes, source_format: str = "csv", *, language: str | None = None
) -> tuple[bytes, BatchSummary]:
    """Compute a caseload held in memory (an upload): its bytes, CSV or Parquet, in; the
    results as CSV bytes (the header row, then one row per case, in input order, as
    ``python -m deficiency batch`` writes them) and the counts out.

    Raises BatchFileError (an InvalidInputError of the field ``file``) for a file that
    cannot be read as a caseload, saying why (and naming the line of a CSV). The messages
    are in ``language`` (None: the calling context's).

    Examples
    --------
    >>> from deficiency.batch import template_csv
    >>> results, summary = compute_caseload(template_csv().encode())
    >>> summary
    BatchSummary(rows=2, ok=2, failed=0)
    >>> results.decode().splitlines()[2].split(",")[:5]
    ['example-car', 'auto', 'ok', '', '2000.00']
    """
    if not isinstance(data, bytes):
        raise InvalidInputError("data", f"expected the file's bytes, got {shown(data)}")
    if not isinstance(source_format, str) or source_format not in FORMATS:
        raise InvalidInputError(
            "source_format", f"{shown(source_format)} is not one of: {', '.join(FORMATS)}"
        )
    parts: list[bytes] = []
    if language is not None:
        with speaking(language_of(language)):
            summary = run_files(
                io.BytesIO(data), parts.append, source_format=source_format, language=language
            )
    else:
        summary = run_files(io.BytesIO(data), parts.append, source_format=source_format)
    return b"".join(parts), summary


def _has_size(binary: BinaryIO) -> bool:
    try:
        binary.fileno()
    except (OSError, AttributeError, io.UnsupportedOperation):
        return False
    return True


@dataclass(frozen=True)
class _RowGroups:
    """Some row groups of a Parquet file, read by the worker that computes them."""

    path: str
    groups: tuple[int, ...]

    def table(self) -> pa.Table:
        # One thread: the other cores are the other workers'.
        return _named(_opened(self.path).read_row_groups(list(self.groups), use_threads=False))


@lru_cache(maxsize=1)
def _opened(path: str) -> pq.ParquetFile:
    """The Parquet file a worker reads, opened once: its footer grows with its row groups,
    and reading it again for every piece cost more than the rows at 10,000,000 rows.
    (A worker lives for one run, so the file does not change under it.)"""
    return pq.ParquetFile(path, pre_buffer=False)


def _parquet_pieces(
    binary: BinaryIO, output_format: str, workers: int
) -> tuple[Iterator[tuple[Any, ...]], int, pa.Schema]:
    """The Parquet file's pieces, its row count and its columns; a file that is not Parquet is a
    BatchFileError. With several workers and row groups of at most :data:`GROUP_ROWS`, each worker
    reads its own row groups (by the file's name); otherwise this process reads them."""
    try:
        source = pq.ParquetFile(binary, pre_buffer=False)  # pre-buffering kept every chunk read
    except (pa.ArrowInvalid, OSError):
        raise BatchFileError(
            _("cannot be read as Parquet: it is not a Parquet file, or it is damaged")
        ) from None
    _layout(source.schema_arrow.names)
    in_all = int(source.metadata.num_rows)
    sizes = [source.metadata.row_group(n).num_rows for n in range(source.num_row_groups)]
    path = getattr(binary, "name", None)
    schema = source.schema_arrow
    if workers > 1 and isinstance(path, str) and max(sizes, default=0) <= GROUP_ROWS:
        pieces = ((_RowGroups(path, part), (), 0, output_format) for part in _parts(sizes))
        return pieces, in_all, schema
    batches = source.iter_batches(batch_size=CHUNK_ROWS)
    tables = (_named(pa.Table.from_batches([batch])) for batch in batches)
    return ((table, (), 0, output_format) for table in tables), in_all, schema


def _parts(sizes: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Runs of consecutive row groups of about :data:`CHUNK_ROWS` rows (one at least)."""
    part: list[int] = []
    rows = 0
    for number, size in enumerate(sizes):
        if part and rows + size > CHUNK_ROWS:
            yield tuple(part)
            part, rows = [], 0
        part.append(number)
        rows += size
    if part:
        yield tuple(part)


__all__ = [
    "CHUNK_ROWS",
    "FORMATS",
    "MONEY",
    "RESULT_COLUMNS",
    "ChunkResult",
    "SourceReadError",
    "as_text_table",
    "compute_caseload",
    "compute_chunk",
    "csv_bytes",
    "csv_chunks",
    "format_of",
    "header_bytes",
    "results_schema",
    "results_text",
    "run_files",
]

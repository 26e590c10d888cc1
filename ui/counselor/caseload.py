"""A caseload upload, CSV or Parquet, computed by the package's columnar engine
(:func:`deficiency.compute_caseload`, what ``python -m deficiency batch`` runs), and its
summary.

Pure (no Streamlit): the page hands over the uploaded file; every row comes back (errors
named per field, with the line of a CSV), and the summary totals are added up exactly in
Decimal from the package's results.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from deficiency import (
    AutoExit,
    BatchFileError,
    BatchSummary,
    MortgageExit,
    compute_caseload,
    current_language,
    decoded_lines,
    run_batch,
    template_csv,
)
from ui.kit.i18n import N_, _, pgettext

#: The largest upload the page takes; bigger files belong on the command line.
MAX_UPLOAD_MB = 50
#: Rows shown in the browser table; the downloads always hold every row.
DISPLAY_ROWS = 10_000
#: Error rows listed one by one beneath the table.
LISTED_ERRORS = 200
#: The amounts of a result row: the deficiency before state law and what the sale left
#: over, who pays what, then what state law leaves collectible and what it bars.
FIGURES = (
    "deficiency",
    "surplus",
    "borrower_owes",
    "cancelled",
    "lender_recovers",
    "collectible",
    "barred",
)
#: Words for the codes (marked for the catalog; shown through :func:`code_labels`).
#: The column header of each amount (the results file keeps the machine names).
FIGURE_LABELS = {
    "deficiency": N_("Deficiency"),
    "surplus": N_("Surplus"),
    "borrower_owes": N_("Borrower owes"),
    "cancelled": N_("Cancelled"),
    "lender_recovers": N_("Lender recovers"),
    "collectible": N_("Collectible"),
    "barred": N_("Barred"),
}
KIND_LABELS = {"mortgage": N_("Mortgage"), "auto": N_("Car loan")}
RESOLUTION_LABELS = {
    "waived": N_("Lender waives or absorbs it"),
    "judgment": N_("Lender pursues a judgment"),
    "settled": N_("Settled for part"),
}


def kind_label(kind: str) -> str:
    """A loan kind's code in the reader's words (the code itself when it is not one)."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def resolution_label(resolution: str) -> str:
    """A resolution's code in the reader's words (the code itself when it is not one)."""
    return _(RESOLUTION_LABELS[resolution]) if resolution in RESOLUTION_LABELS else resolution


def code_labels() -> dict[str, dict[str, str]]:
    """Words for the codes a caseload file holds, by column (the table shows these), in
    the reader's language: computed when shown, never at import."""
    return {
        "kind": {code: _(label) for code, label in KIND_LABELS.items()},
        "exit": {exit.value: exit.label for exit in (*MortgageExit, *AutoExit)},
        "resolution": {code: _(label) for code, label in RESOLUTION_LABELS.items()},
        # Translators: a caseload row's status; "ok" means the row was computed.
        "status": {
            "ok": pgettext("caseload status", "ok"),
            "error": pgettext("caseload status", "error"),
        },
    }


class CaseloadFileError(ValueError):
    """The upload cannot be read as a caseload at all; the message says why and what to do."""


@dataclass(frozen=True)
class GroupTotal:
    """The computed cases of one loan kind and resolution: how many, and their totals."""

    kind: str
    resolution: str
    cases: int
    deficiency: Decimal
    borrower_owes: Decimal
    cancelled: Decimal


@dataclass(frozen=True)
class CaseloadTotals:
    """Totals over every row of a caseload (not only the rows shown)."""

    rows: int
    ok: int
    failed: int
    deficiency: Decimal
    surplus: Decimal
    borrower_owes: Decimal
    cancelled: Decimal
    groups: tuple[GroupTotal, ...]
    failed_by_kind: Mapping[str, int]
    #: The deficiency the lenders may pursue after state law, and what state law bars.
    collectible: Decimal = Decimal("0.00")
    barred: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class CaseloadRun:
    """One processed upload: the results file, what to show, and the totals."""

    results_csv: str
    summary: BatchSummary
    totals: CaseloadTotals
    shown: tuple[Mapping[str, str], ...]
    errors: tuple[tuple[str, tuple[str, ...]], ...]


#: The file types the upload takes: CSV, and Parquet by its extension.
UPLOAD_TYPES = ("csv", "parquet", "pq")


def upload_format(name: str) -> str:
    """``parquet`` for a file named ``.parquet`` or ``.pq``, else ``csv``.

    >>> upload_format("cases.PARQUET"), upload_format("cases.csv")
    ('parquet', 'csv')
    """
    return "parquet" if name.lower().endswith((".parquet", ".pq")) else "csv"


def _unreadable(error: BatchFileError) -> CaseloadFileError:
    return CaseloadFileError(
        _(
            "This file cannot be read as a caseload: {problem}. "
            "Download the template to see the expected columns."
        ).format(problem=error)
    )


def _stream(
    binary: BinaryIO, sink: io.StringIO, *, json_lines: bool, language: str | None = None
) -> BatchSummary:
    binary.seek(0)
    try:
        return run_batch(
            decoded_lines(binary),
            sink,
            json_lines=json_lines,
            language=language or current_language(),
        )
    except BatchFileError as error:
        raise _unreadable(error) from None


def totals(rows: Iterable[Mapping[str, str]]) -> CaseloadTotals:
    """Add up the package's results, exactly, per loan kind and resolution.

    Examples
    --------
    >>> rows = [{"kind": "auto", "status": "ok", "resolution": "judgment",
    ...          "deficiency": "2000.00", "surplus": "0.00", "borrower_owes": "2000.00",
    ...          "cancelled": "0.00"},
    ...         {"kind": "auto", "status": "error", "resolution": "", "deficiency": ""}]
    >>> t = totals(rows)
    >>> t.deficiency, t.failed, t.groups[0].cases
    (Decimal('2000.00'), 1, 1)
    """
    count = ok = 0
    sums = {name: Decimal("0.00") for name in FIGURES}
    groups: dict[tuple[str, str], list[Decimal | int]] = {}
    failed_by_kind: dict[str, int] = {}
    for row in rows:
        count += 1
        kind = row.get("kind", "")
        if row.get("status") != "ok":
            failed_by_kind[kind] = failed_by_kind.get(kind, 0) + 1
            continue
        ok += 1
        figures = {name: Decimal(row.get(name) or "0") for name in FIGURES}
        for name, value in figures.items():
            sums[name] += value
        group = groups.setdefault(
            (kind, row.get("resolution", "")), [0, Decimal(0), Decimal(0), Decimal(0)]
        )
        group[0] += 1
        group[1] += figures["deficiency"]
        group[2] += figures["borrower_owes"]
        group[3] += figures["cancelled"]
    return CaseloadTotals(
        rows=count,
        ok=ok,
        failed=count - ok,
        deficiency=sums["deficiency"],
        surplus=sums["surplus"],
        borrower_owes=sums["borrower_owes"],
        cancelled=sums["cancelled"],
        groups=tuple(
            GroupTotal(kind, resolution, int(n), Decimal(d), Decimal(b), Decimal(c))
            for (kind, resolution), (n, d, b, c) in sorted(groups.items())
        ),
        failed_by_kind=failed_by_kind,
        collectible=sums["collectible"],
        barred=sums["barred"],
    )


def run_caseload(
    binary: BinaryIO, size: int | None = None, source_format: str = "csv"
) -> CaseloadRun:
    """Validate and compute every row of an uploaded CSV or Parquet file
    (``source_format``) through the package's columnar engine.

    Raises
    ------
    CaseloadFileError
        Too large, empty, not UTF-8, not Parquet, or a header row the package cannot use.
    """
    if size is not None and size > MAX_UPLOAD_MB * 1024 * 1024:
        raise CaseloadFileError(
            _(
                "The file is {size} MB; this page takes up to {limit} MB. "
                "Split it, or run `python -m deficiency batch cases.csv -o results.csv`."
            ).format(size=f"{size / 1024 / 1024:,.0f}", limit=MAX_UPLOAD_MB)
        )
    binary.seek(0)
    try:
        data, summary = compute_caseload(binary.read(), source_format, language=current_language())
    except BatchFileError as error:
        raise _unreadable(error) from None
    results = data.decode("utf-8")
    shown: list[Mapping[str, str]] = []
    errors: list[tuple[str, tuple[str, ...]]] = []

    def rows() -> Iterable[Mapping[str, str]]:
        for row in csv.DictReader(io.StringIO(results)):
            if len(shown) < DISPLAY_ROWS:
                shown.append(row)
            if row["status"] != "ok" and len(errors) < LISTED_ERRORS:
                errors.append((row["case_id"], tuple(row["errors"].split("; "))))
            yield row

    summed = totals(rows())
    return CaseloadRun(results, summary, summed, tuple(shown), tuple(errors))


def json_lines(binary: BinaryIO, language: str | None = None) -> str:
    """The same results as JSON Lines (one object per case), computed from a CSV upload
    again, row by row (:func:`deficiency.run_batch` writes JSON Lines from CSV only), with
    its messages in ``language`` (None: the reader's)."""
    sink = io.StringIO()
    _stream(binary, sink, json_lines=True, language=language)
    return sink.getvalue()


def example_upload() -> io.BytesIO:
    """The template as an upload: its two worked examples, shown before a file is chosen."""
    return io.BytesIO(template_csv().encode("utf-8"))

"""Random caseloads for the batch engines' tests: valid and invalid rows mixed, every state,
the state rules' facts, every exit and resolution, and the cells people get wrong."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator

from deficiency.batch import (
    _EXITS,
    _KIND_FIELDS,
    FACT_NAMES,
    FACT_PREFIX,
    INPUT_COLUMNS,
    TEMPLATE_COLUMNS,
)
from deficiency.scenarios import LoanKind
from deficiency.state_law import AMOUNT_FACTS, states

STATES = tuple(info.code for info in states())
_MONEY_ODD = (
    *("$1,234.50", "1e3", "-5", "abc", " 12 ", "1.005", "99999999999999", "1,00", "0"),
    *("$ 5,000", "1,234,567.8", " $9 ", "$1,000,000,000,000.01", "1,000,000,000,000", "   "),
)
_PERCENT = ("",) * 20 + ("5", "5.5", "6.1234", "0", "100") * 4 + ("101", "6.12345", "x")
_DAYS = ("",) * 10 + ("0", "30", "90", "3650") * 5 + ("3651", "1.5")
_ANSWERS = ("yes", "no", "unknown", "") * 8 + ("Yes", " no ", "maybe")
_TYPES = ("judicial", "nonjudicial", "unknown") * 8 + ("x",)
_AMOUNTS = ("180000", "950", "1000", "2500.50", "") * 4 + ("$5,000", "abc")


def _money(rng: random.Random, high: int) -> str:
    if rng.random() < 0.01:
        return rng.choice(_MONEY_ODD)
    cents = rng.randint(0, high * 100)
    if rng.random() < 0.5:
        return str(cents // 100)
    return (
        f"{cents // 100}.{cents % 100:02d}".rstrip("0")
        if rng.random() < 0.3
        else (f"{cents // 100}.{cents % 100:02d}")
    )


def _case_id(rng: random.Random, index: int) -> str:
    if rng.random() < 0.98:
        return f"case-{index}"
    return rng.choice(("=cmd", "", "   ", "a,b", 'q"x', "née-1", "x" * 101, "+1", " lead", "t\tab"))


def random_case(rng: random.Random, index: int) -> dict[str, str]:
    """One row of the template's columns (blank cells left out)."""
    if rng.random() < 0.005:
        return {}
    kind = rng.choice(("mortgage", "auto"))
    row = {"case_id": _case_id(rng, index), "kind": kind}
    loan = LoanKind(kind)
    row["exit"] = rng.choice(_EXITS[loan]) if rng.random() < 0.99 else "short_sale"
    row["resolution"] = rng.choice(("waived", "judgment", "settled") * 30 + ("paid",))
    owed = rng.randint(1_000, 900_000 if kind == "mortgage" else 60_000)
    row["unpaid_principal"] = str(owed)
    row["sale_price"] = _money(rng, owed + owed // 10)
    own = _KIND_FIELDS[loan] if rng.random() < 0.98 else frozenset(INPUT_COLUMNS)
    fields = [n for n in INPUT_COLUMNS if n in own and n not in ("unpaid_principal", "sale_price")]
    for name in rng.sample(fields, 6):
        if name in ("commission_rate", "settlement_percent"):
            row[name] = rng.choice(_PERCENT)
        elif name == "storage_days":
            row[name] = rng.choice(_DAYS)
        else:
            row[name] = _money(rng, 20_000)
    if rng.random() < 0.6:
        row["state"] = rng.choice(STATES) if rng.random() < 0.97 else rng.choice(("ca", "ZZ"))
        for name in rng.sample(FACT_NAMES, rng.randint(0, 6)):
            if name in AMOUNT_FACTS:
                row[FACT_PREFIX + name] = rng.choice(_AMOUNTS)
            elif name == "foreclosure_type":
                row[FACT_PREFIX + name] = rng.choice(
                    ("judicial", "nonjudicial", "unknown") * 8 + ("x",)
                )
            else:
                row[FACT_PREFIX + name] = rng.choice(_ANSWERS)
    elif rng.random() < 0.01:
        row[FACT_PREFIX + "purchase_money"] = "yes"  # a fact without a state: an error
    return row


def caseload_csv(rows: int, seed: int = 24) -> str:
    """A CSV caseload of ``rows`` random rows under the template's header."""
    return "".join(caseload_csv_blocks(rows, seed=seed, block_rows=max(rows, 1)))


def caseload_csv_blocks(rows: int, seed: int = 24, block_rows: int = 100_000) -> Iterator[str]:
    """The same caseload as ``caseload_csv`` as consecutive pieces of CSV text, the header in
    the first, so a million-row file can be checked a block at a time."""
    rng = random.Random(seed)
    for first in range(0, max(rows, 1), block_rows):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        if first == 0:
            writer.writerow(TEMPLATE_COLUMNS)
        for index in range(first, min(first + block_rows, rows)):
            case = random_case(rng, index)
            writer.writerow([case.get(name, "") for name in TEMPLATE_COLUMNS])
        yield out.getvalue()

"""Pure table builders: the statement and the ways out as rows of text, exact to the cent."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from deficiency import Statement, format_usd
from deficiency.collection import OptionResult
from ui.next_steps.charts import months_words

STEP_NAMES = ("1", "2", "3", "4", "5", "6")


def statement_rows(statement: Statement) -> list[dict[str, str]]:
    """The six UCC 9-616(c) lines with their items indented beneath, amounts as exact text.

    Line 3 is signed: negative when the sale alone covered the whole debt.
    """
    items = {0: statement.obligation_items, 3: statement.expense_items, 4: statement.credit_items}
    rows: list[dict[str, str]] = []
    for index, (label, amount) in enumerate(statement.lines):
        rows.append({"Line": STEP_NAMES[index], "Item": label, "Amount": format_usd(amount)})
        detail = items.get(index, ())
        if len(detail) > 1 or (len(detail) == 1 and detail[0].amount != amount):
            for item_label, item_amount in detail:
                rows.append(
                    {"Line": "", "Item": f"· {item_label}", "Amount": format_usd(item_amount)}
                )
    return rows


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, Markdown markup neutralised."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def statement_markdown(statement: Statement) -> str:
    """The statement rows as a Markdown table with the amounts right-aligned."""
    lines = ["| Line | Item | Amount |", "|:--|:--|--:|"]
    for row in statement_rows(statement):
        item = row["Item"].strip()
        item = f"&nbsp;&nbsp;· {_cell(item[2:])}" if item.startswith("·") else _cell(item)
        lines.append(f"| {row['Line']} | {item} | {row['Amount']} |")
    return "\n".join(lines)


def planner_rows(options: Sequence[OptionResult], taxes: Sequence[Decimal]) -> list[dict[str, str]]:
    """The ways out side by side, one row each, amounts as exact text in the chart's order."""
    return [
        {
            "Way out": option.label,
            "You pay": format_usd(option.total_paid),
            "Takes": months_words(option),
            "Cancelled": format_usd(option.amount_cancelled),
            "Still owed at the end": format_usd(option.still_owed),
            "Extra tax (estimate)": format_usd(tax),
        }
        for option, tax in zip(options, taxes, strict=True)
    ]

"""Pure table builders: the statement as rows of text, exact to the cent."""

from __future__ import annotations

from deficiency import Statement, format_usd

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

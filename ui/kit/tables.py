"""Pure table builders: the statement as rows of text, exact to the cent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from deficiency import Statement, format_usd
from ui.kit.i18n import _
from ui.kit.text import literal_dollars

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


def statement_table(statement: Statement) -> list[dict[str, str]]:
    """The statement rows for ``st.table``: the columns headed in the reader's language."""
    heads = {"Line": _("Line"), "Item": _("Item"), "Amount": _("Amount")}
    return [{heads[key]: value for key, value in row.items()} for row in statement_rows(statement)]


def statement_markdown(statement: Statement) -> str:
    """The statement rows as a Markdown table with the amounts right-aligned."""
    # Translators: the headings of the itemized statement's three columns.
    heads = (_("Line"), _("Item"), _("Amount"))
    lines = ["| " + " | ".join(_cell(head) for head in heads) + " |", "|:--|:--|--:|"]
    for row in statement_rows(statement):
        item = row["Item"].strip()
        item = f"&nbsp;&nbsp;· {_cell(item[2:])}" if item.startswith("·") else _cell(item)
        lines.append(f"| {row['Line']} | {item} | {row['Amount']} |")
    return "\n".join(lines)


def markdown_table(rows: Sequence[Mapping[str, str]]) -> str:
    """Rows of text (one dict a row, the same keys in each) as a Markdown table.

    One ``st.markdown`` element renders it as a plain accessible ``<table>`` whose cells
    wrap, so a region can redraw it in place and a phone shows every column.
    """
    columns = list(rows[0]) if rows else []
    lines = [
        "| " + " | ".join(_literal_cell(column) for column in columns) + " |",
        "|" + "|".join(":--" for _column in columns) + "|",
    ]
    lines += [
        "| " + " | ".join(_literal_cell(row[column]) for column in columns) + " |" for row in rows
    ]
    return "\n".join(lines)


def _literal_cell(text: str) -> str:
    """A cell shown as written: Markdown escaped, dollar signs too (``$5 and $7`` is not
    maths)."""
    return literal_dollars(_cell(text))

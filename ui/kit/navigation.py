"""The app's pages, in menu order: one row per file in pages/, grouped by section.

``app.py`` turns these rows into ``st.navigation``; a test checks that every file in
``pages/`` is listed here and every row's file exists.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    """One page: its file, menu title, Material icon and a short tooltip."""

    path: str
    title: str
    icon: str
    help: str


#: Section name -> pages; the unnamed first section shows as plain links in the top bar.
SECTIONS: dict[str, tuple[PageEntry, ...]] = {
    "": (
        PageEntry(
            "pages/compare.py",
            "Compare",
            ":material/compare_arrows:",
            "A mortgage short sale beside a car repossession: what is still owed and who pays.",
        ),
        PageEntry(
            "pages/mortgage.py",
            "Mortgage exit",
            ":material/home:",
            "Every line of a short sale, foreclosure or deed in lieu, editable.",
        ),
        PageEntry(
            "pages/car.py",
            "Car repossession",
            ":material/directions_car:",
            "Every line of a repossession or voluntary surrender, in the UCC 9-616 order.",
        ),
        PageEntry(
            "pages/saved.py",
            "Saved scenarios",
            ":material/bookmarks:",
            "Name and keep several scenarios in this visit, and compare them side by side.",
        ),
    ),
    "Explore": (
        PageEntry(
            "pages/time.py",
            "Over time",
            ":material/timeline:",
            "The loan against the collateral's value, and how the gap grows after default.",
        ),
        PageEntry(
            "pages/odds.py",
            "Break-even and odds",
            ":material/casino:",
            "The break-even sale price, what moves the deficiency most, and its odds.",
        ),
    ),
    "Counselor tools": (
        PageEntry(
            "pages/letter.py",
            "Check a letter",
            ":material/fact_check:",
            "Type the six lines of a lender's deficiency letter: the arithmetic to the cent and "
            "questions worth asking.",
        ),
        PageEntry(
            "pages/caseload.py",
            "Caseload",
            ":material/groups:",
            "Upload a CSV of cases, compute every row, download the results.",
        ),
        PageEntry(
            "pages/report.py",
            "Printable report",
            ":material/print:",
            "The Compare scenarios on one letter-size PDF page.",
        ),
    ),
    "What happens next": (
        PageEntry(
            "pages/credit.py",
            "Credit report",
            ":material/credit_score:",
            "How the scenario is reported, how long it stays, and when a new mortgage is possible.",
        ),
        PageEntry(
            "pages/taxes.py",
            "Taxes on forgiven debt",
            ":material/receipt_long:",
            "The Pub. 4681 worksheet from your numbers, the exclusions and the forms to expect.",
        ),
        PageEntry(
            "pages/collection.py",
            "Paying it off",
            ":material/payments:",
            "A judgment and wage garnishment, a settlement, and four ways out side by side.",
        ),
    ),
    "Learn": (
        PageEntry(
            "pages/learn.py",
            "Learn",
            ":material/school:",
            "The idea in plain words, the two worked examples step by step, and a glossary.",
        ),
    ),
}

#: The landing page.
DEFAULT_PAGE = "pages/compare.py"


def all_pages() -> tuple[PageEntry, ...]:
    """Every registered page in menu order."""
    return tuple(entry for entries in SECTIONS.values() for entry in entries)

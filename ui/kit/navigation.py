"""The app's pages, in menu order: one row per file in pages/, grouped by section.

``app.py`` turns these rows into ``st.navigation``; a test checks that every file in
``pages/`` is listed here and every row's file exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.kit.i18n import N_


@dataclass(frozen=True)
class PageEntry:
    """One page: its file, menu title, Material icon and a short tooltip (English, marked
    with ``N_``: ``app.py`` shows them translated)."""

    path: str
    title: str
    icon: str
    help: str


#: Section name -> pages; the unnamed first section shows as plain links in the top bar.
#: Names, titles and tooltips are English, marked with ``N_``; ``app.py`` translates them.
SECTIONS: dict[str, tuple[PageEntry, ...]] = {
    "": (
        PageEntry(
            "pages/compare.py",
            N_("Compare"),
            ":material/compare_arrows:",
            N_("A mortgage short sale beside a car repossession: what is still owed and who pays."),
        ),
        PageEntry(
            "pages/mortgage.py",
            N_("Mortgage exit"),
            ":material/home:",
            N_("Every line of a short sale, foreclosure or deed in lieu, editable."),
        ),
        PageEntry(
            "pages/car.py",
            N_("Car repossession"),
            ":material/directions_car:",
            N_("Every line of a repossession or voluntary surrender, in the UCC 9-616 order."),
        ),
        PageEntry(
            "pages/saved.py",
            N_("Saved scenarios"),
            ":material/bookmarks:",
            N_("Name and keep several scenarios in this visit, and compare them side by side."),
        ),
    ),
    N_("Explore"): (
        PageEntry(
            "pages/time.py",
            N_("Over time"),
            ":material/timeline:",
            N_("The loan against the collateral's value, and how the gap grows after default."),
        ),
        PageEntry(
            "pages/odds.py",
            N_("Break-even and odds"),
            ":material/casino:",
            N_("The break-even sale price, what moves the deficiency most, and its odds."),
        ),
    ),
    N_("Counselor tools"): (
        PageEntry(
            "pages/letter.py",
            N_("Check a letter"),
            ":material/fact_check:",
            N_(
                "Type the six lines of a lender's deficiency letter: the arithmetic to the cent "
                "and questions worth asking."
            ),
        ),
        PageEntry(
            "pages/caseload.py",
            N_("Caseload"),
            ":material/groups:",
            N_("Upload a CSV of cases, compute every row, download the results."),
        ),
        PageEntry(
            "pages/report.py",
            N_("Printable report"),
            ":material/print:",
            N_("The Compare scenarios on one letter-size PDF page."),
        ),
    ),
    N_("What happens next"): (
        PageEntry(
            "pages/credit.py",
            N_("Credit report"),
            ":material/credit_score:",
            N_(
                "How the scenario is reported, how long it stays, and when a new mortgage is "
                "possible."
            ),
        ),
        PageEntry(
            "pages/taxes.py",
            N_("Taxes on forgiven debt"),
            ":material/receipt_long:",
            N_(
                "The Pub. 4681 worksheet from your numbers, the exclusions and the forms to expect."
            ),
        ),
        PageEntry(
            "pages/collection.py",
            N_("Paying it off"),
            ":material/payments:",
            N_("A judgment and wage garnishment, a settlement, and four ways out side by side."),
        ),
    ),
    N_("Learn"): (
        PageEntry(
            "pages/learn.py",
            N_("Learn"),
            ":material/school:",
            N_("The idea in plain words, the two worked examples step by step, and a glossary."),
        ),
    ),
}

#: The landing page.
DEFAULT_PAGE = "pages/compare.py"


def all_pages() -> tuple[PageEntry, ...]:
    """Every registered page in menu order."""
    return tuple(entry for entries in SECTIONS.values() for entry in entries)

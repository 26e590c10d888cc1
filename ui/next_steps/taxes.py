"""Sections of the "Taxes on forgiven debt" page: the Pub. 4681 worksheet and the exclusions.

A worksheet amount redraws only its own input and three regions (:mod:`ui.kit.regions`): the
worksheet, the line that carries its income into the exclusions, and the taxable result.
The rate slider redraws only the taxable result. A region reruns without the page around
it, so each reads its inputs from session state, where every control keeps its canonical
value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import streamlit as st

from deficiency import (
    ZERO,
    CaseOutcome,
    DebtType,
    ExclusionKind,
    ForeclosureWorksheet,
    estimated_extra_tax,
    exclusion_rules,
    federal_rates,
    foreclosure_worksheet,
    format_usd,
)
from ui.kit.cache import side_case
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.inputs import amount_input, choice_input, money_spec, optional_amount_input
from ui.kit.sides import MORTGAGE, Side
from ui.kit.sources import source_note
from ui.kit.state import LAST_GOOD, last_good
from ui.kit.text import literal_dollars
from ui.next_steps.charts import shows_nothing, tax_alt, tax_figure, tax_takeaway
from ui.next_steps.inputs import (
    bracket_input,
    date_input,
    first_missed_input,
    follow_scenario,
    input_error,
    picked_side,
    toggle_input,
    toggled,
)

#: The page's regions, in page order (a region reads what the ones above it computed).
WORKSHEET = "x_worksheet"
INCOME = "x_income"
TAXABLE = "x_taxable"
SHEET_KEY = "x_sheet"


def the_case() -> tuple[CaseOutcome | None, str]:
    """The picked side's case as every page reads it, and the error that kept a newer one."""
    result, error = side_case(st.session_state, picked_side(), date.today())
    return result, "" if error is None else str(error)


def worksheet_inputs(side: Side, case: CaseOutcome) -> None:
    """The worksheet's amounts, liability and personal use, starting from the case's own
    worksheet (:attr:`deficiency.CaseOutcome.worksheet_start`)."""
    outcome = case.outcome
    start = case.worksheet_start
    big = 1_000_000.0 if side is MORTGAGE else 100_000.0
    step = 1_000.0 if side is MORTGAGE else 100.0
    redraws = (WORKSHEET, INCOME, TAXABLE)

    def amount(key: str, label: str, starts_at: str, help: str | None = None) -> None:
        follow_scenario(key, starts_at)
        amount_input(money_spec(key, label, big, step), help=help, redraws=redraws)

    amount(
        "x_debt_before",
        "Debt just before the transfer",
        str(start.debt_before_transfer),
        "Everything owed on the loan just before the sale that you were personally liable "
        "for: the scenario's amount owed, less any part state law bars.",
    )
    amount(
        "x_still_owed",
        "Still owed by you after the transfer",
        str(start.still_owed_after_transfer),
        "The part of the debt you stay personally liable for: what you pay toward the "
        "deficiency in the scenario. Zero when it is waived.",
    )
    amount(
        "x_fmv",
        "Fair market value of the property",
        str(start.fair_market_value),
        "Often in box 4 of Form 1099-A or box 7 of Form 1099-C. It starts at the value "
        "given on the scenario page, or else the sale price.",
    )
    amount(
        "x_basis",
        "What you paid for it, plus improvements [adjusted basis]",
        str(outcome.statement.owed),
        "What you paid, plus what you spent to improve it, less any depreciation you took.",
    )
    st.caption("This starts at the debt only as a stand-in: enter your own figure.")
    amount("x_proceeds", "Sale proceeds you received", "0")
    follow_scenario("x_debt_type", start.debt_type.value)
    choice_input(
        "x_debt_type",
        "Were you personally liable for the loan?",
        [
            (DebtType.RECOURSE.value, "Yes: recourse"),
            (DebtType.NONRECOURSE.value, "No: nonrecourse"),
        ],
    )
    if outcome.barred > ZERO:
        st.caption(
            "State law bars "
            + (
                "this deficiency, so the answer starts at No: nonrecourse"
                if outcome.collectible == ZERO
                else "part of this deficiency, so that part is left out of the debt above"
            )
            + ". Courts have treated loans protected that way as nonrecourse for tax purposes "
            "(Catalano v. Commissioner, T.C. Memo 2000): ask a tax professional which applies "
            "to you."
        )
    toggle_input(
        "x_personal",
        "Personal use (your home)" if side is MORTGAGE else "Personal use (a personal car)",
        True,
        help="Not for a business or an investment. A loss on property you used personally "
        "is not deductible"
        + (
            "."
            if side is MORTGAGE
            else ", and a lender that takes back a personal car files no Form 1099-A."
        ),
    )


def worksheet_result() -> None:
    """Region: the worksheet's lines as on the form, its two results and what they mean."""
    state = st.session_state
    sheet, error = last_good(
        state,
        SHEET_KEY,
        lambda: foreclosure_worksheet(
            debt_before_transfer=state["x_debt_before"],
            fair_market_value=state["x_fmv"],
            adjusted_basis=state["x_basis"],
            debt_type=str(state["x_debt_type"]),
            still_owed_after_transfer=state["x_still_owed"],
            proceeds_received=state["x_proceeds"],
            personal_use=toggled("x_personal"),
        ),
    )
    input_error(error, sheet is not None)
    if sheet is None:
        return
    st.table(
        [
            {
                "Line": str(line.number),
                "Description": line.label,
                "Amount": "not used" if line.amount is None else format_usd(line.amount),
            }
            for line in sheet.lines()
        ],
        alt="Pub. 4681 worksheet lines 1 to 8 with the amounts from your scenario",
    )
    st.caption("Line 8 is a gain when positive and a loss when negative.")
    show_cards(
        [
            Card(
                "Ordinary income (line 3)",
                format_usd(sheet.ordinary_income),
                "Cancelled debt counted as income, before any exclusion.",
            ),
            Card("Loss on the property", format_usd(sheet.loss), "Line 8, a loss.")
            if sheet.loss > ZERO
            else Card("Gain on the property", format_usd(sheet.gain), "Line 8, a gain."),
        ],
        "Taxes: the worksheet's income and gain or loss",
    )
    # Consecutive sentences and the sources are one Markdown element: a move redraws fewer.
    paragraphs: list[str] = []
    for sentence in sheet.explanation():
        if "not deductible" in sentence:
            _paragraphs(paragraphs)
            st.warning(literal_dollars(sentence), icon=":material/block:")
        else:
            paragraphs.append(literal_dollars(sentence))
    _paragraphs([*paragraphs, source_note(sheet.sources())])


def _paragraphs(paragraphs: list[str]) -> None:
    """Draw the paragraphs gathered so far as one Markdown element, and empty the list."""
    if paragraphs:
        st.markdown("\n\n".join(paragraphs))
        paragraphs.clear()


def cancelled_income() -> Decimal:
    """The worksheet's ordinary income (its last good figures), tested for exclusions."""
    sheet: ForeclosureWorksheet | None = st.session_state.get(SHEET_KEY + LAST_GOOD)
    return sheet.ordinary_income if sheet is not None else ZERO


def income_line() -> None:
    """Region: the worksheet's income, and in one sentence why it differs from the case's."""
    income = cancelled_income()
    case, _ = the_case()
    st.markdown(f"The worksheet's ordinary income is **{format_usd(income)}**.")
    if case is None or income == case.outcome.cancelled:
        return
    if case.reconciliation is not None and income == case.reconciliation.worksheet_income:
        st.caption(literal_dollars(case.reconciliation.sentence))
    else:
        st.caption(
            literal_dollars(
                f"The scenario cancels {format_usd(case.outcome.cancelled)}; the worksheet's "
                "figures above were changed from the scenario's, so its income differs. The "
                "figures below test the scenario's cancelled debt."
            )
        )


def exclusion_inputs(side: Side, case: CaseOutcome) -> None:
    """What decides the exclusions: bankruptcy, the main home, dates, insolvency, the rate."""
    rules = exclusion_rules()
    toggle_input("x_title11", "Cancelled in a bankruptcy case", False, help=rules.bankruptcy)
    # The main-home questions only where the main-home exclusion can apply.
    main_home = side is MORTGAGE and toggle_input(
        "x_home_loan",
        "The loan bought, built or improved your main home",
        True,
        help=rules.main_home,
    )
    first_missed_input(case)  # the case's errors show with the taxable result
    st.markdown(
        f"The debt is cancelled on **{case.resolved_on.day} {case.resolved_on:%b %Y}**, the "
        "date the deficiency is resolved in the Credit report's timeline."
    )
    if main_home:
        date_input(
            "x_written",
            "Date of a written agreement for the cancellation (if any)",
            None,
            help="If the debt was cancelled after the main-home rule ended, it still counts "
            "when you had a written deal made before the end date.",
        )
    toggle_input("x_separate", "Married filing separately", False)
    st.markdown("**Did you owe more than you owned just before? [insolvency]**")
    optional_amount_input("x_liabilities", "Total liabilities", help=rules.insolvency_liabilities)
    optional_amount_input(
        "x_assets",
        "Fair market value of all assets",
        help="Include retirement accounts and property creditors cannot take.",
    )
    if main_home:
        toggle_input(
            "x_elect_insolvency",
            "Use insolvency instead of the main-home exclusion",
            False,
            help=rules.insolvency_over_main_home,
        )
    bracket_input(
        "x_rate",
        "Your federal marginal tax rate",
        federal_rates().rates,
        "22",
        redraws=(TAXABLE,),
    )


def taxable_result() -> None:
    """Region: what stays taxable after the exclusions, the extra tax, and each exclusion."""
    state = st.session_state
    case, error = the_case()
    if error:
        st.error(f"{error}.", icon=":material/error:")
    if case is None:
        return
    tax = case.cancelled_tax
    home = case.case.tax.main_home_loan
    rate = str(state["x_rate"])
    extra = estimated_extra_tax(tax.taxable, rate)
    show_cards(
        [
            Card("Cancelled debt", format_usd(tax.cancelled)),
            Card(
                "Taxable after exclusions",
                format_usd(tax.taxable),
                "The part that may count as income.",
            ),
            Card(
                f"Extra federal tax at {rate}%",
                format_usd(extra),
                "An estimate at this one rate.",
            ),
        ],
        "Taxes: what stays taxable",
    )
    figure = tax_figure(tax, extra, Decimal(rate))
    if shows_nothing(figure):
        st.info(tax_takeaway(tax, extra, Decimal(rate)), icon=":material/check_circle:")
    else:
        show_chart(figure, key="x_tax_chart", alt=tax_alt(tax, extra, Decimal(rate)))
        st.caption(tax_takeaway(tax, extra, Decimal(rate)))
    for exclusion in tax.exclusions:
        if exclusion.kind is ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE and not home:
            continue  # a car or a home that was not the main one: the question is not asked
        # The exclusion and its sources: one element (a move redraws fewer).
        text = f"**{exclusion.kind.label}: {format_usd(exclusion.amount)}.** {exclusion.reason}"
        sources = source_note(exclusion.sources)
        if exclusion.verified:
            st.markdown(f"{literal_dollars(text)}\n\n{sources}")
        else:
            st.warning(
                literal_dollars(text) + " **Not checked.** Consult a tax professional.",
                icon=":material/help:",
            )
            st.markdown(sources)
    rates = federal_rates()
    st.markdown(
        f":gray[:small[{rates.estimate_note} Rates for {rates.tax_years}.]]\n\n"
        + source_note(rates.sources)
    )

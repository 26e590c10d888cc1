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
from ui.kit.i18n import _
from ui.kit.inputs import amount_input, choice_input, money_spec, optional_amount_input
from ui.kit.sides import MORTGAGE, Side
from ui.kit.sources import source_note
from ui.kit.state import LAST_GOOD, last_good
from ui.kit.text import literal_dollars
from ui.next_steps.charts import day, shows_nothing, tax_alt, tax_figure, tax_takeaway
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
        _("Debt just before the transfer"),
        str(start.debt_before_transfer),
        _(
            "Everything owed on the loan just before the sale that you were personally liable "
            "for: the scenario's amount owed, less any part state law bars."
        ),
    )
    amount(
        "x_still_owed",
        _("Still owed by you after the transfer"),
        str(start.still_owed_after_transfer),
        _(
            "The part of the debt you stay personally liable for: what you pay toward the "
            "deficiency in the scenario. Zero when it is waived."
        ),
    )
    amount(
        "x_fmv",
        _("Fair market value of the property"),
        str(start.fair_market_value),
        _(
            "Often in box 4 of Form 1099-A or box 7 of Form 1099-C. It starts at the value "
            "given on the scenario page, or else the sale price."
        ),
    )
    amount(
        "x_basis",
        _("What you paid for it, plus improvements [adjusted basis]"),
        str(outcome.statement.owed),
        _("What you paid, plus what you spent to improve it, less any depreciation you took."),
    )
    st.caption(_("This starts at the debt only as a stand-in: enter your own figure."))
    amount("x_proceeds", _("Sale proceeds you received"), "0")
    follow_scenario("x_debt_type", start.debt_type.value)
    choice_input(
        "x_debt_type",
        _("Were you personally liable for the loan?"),
        [
            (DebtType.RECOURSE.value, _("Yes: recourse")),
            (DebtType.NONRECOURSE.value, _("No: nonrecourse")),
        ],
    )
    if outcome.barred > ZERO:
        if outcome.collectible == ZERO:
            barred = _(
                "State law bars this deficiency, so the answer starts at No: nonrecourse. "
                "Courts have treated loans protected that way as nonrecourse for tax purposes "
                "(Catalano v. Commissioner, T.C. Memo 2000): ask a tax professional which "
                "applies to you."
            )
        else:
            barred = _(
                "State law bars part of this deficiency, so that part is left out of the debt "
                "above. Courts have treated loans protected that way as nonrecourse for tax "
                "purposes (Catalano v. Commissioner, T.C. Memo 2000): ask a tax professional "
                "which applies to you."
            )
        st.caption(barred)
    if side is MORTGAGE:
        personal = _("Personal use (your home)")
        personal_help = _(
            "Not for a business or an investment. A loss on property you used personally "
            "is not deductible."
        )
    else:
        personal = _("Personal use (a personal car)")
        personal_help = _(
            "Not for a business or an investment. A loss on property you used personally "
            "is not deductible, and a lender that takes back a personal car files no "
            "Form 1099-A."
        )
    toggle_input("x_personal", personal, True, help=personal_help)


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
                _("Line"): str(line.number),
                _("Description"): line.label,
                _("Amount"): _("not used") if line.amount is None else format_usd(line.amount),
            }
            for line in sheet.lines()
        ],
        alt=_("Pub. 4681 worksheet lines 1 to 8 with the amounts from your scenario"),
    )
    st.caption(_("Line 8 is a gain when positive and a loss when negative."))
    show_cards(
        [
            Card(
                _("Ordinary income (line 3)"),
                format_usd(sheet.ordinary_income),
                _("Cancelled debt counted as income, before any exclusion."),
            ),
            Card(_("Loss on the property"), format_usd(sheet.loss), _("Line 8, a loss."))
            if sheet.loss > ZERO
            else Card(_("Gain on the property"), format_usd(sheet.gain), _("Line 8, a gain.")),
        ],
        _("Taxes: the worksheet's income and gain or loss"),
    )
    # Consecutive sentences and the sources are one Markdown element: a move redraws fewer.
    # The second sentence of a loss on personal property says it is not deductible
    # (ForeclosureWorksheet.explanation): a warning.
    not_deductible = 1 if sheet.loss > ZERO and sheet.personal_use else None
    paragraphs: list[str] = []
    for index, sentence in enumerate(sheet.explanation()):
        if index == not_deductible:
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
    case, _error = the_case()
    st.markdown(
        _("The worksheet's ordinary income is **{income}**.").format(income=format_usd(income))
    )
    if case is None or income == case.outcome.cancelled:
        return
    if case.reconciliation is not None and income == case.reconciliation.worksheet_income:
        st.caption(literal_dollars(case.reconciliation.sentence))
    else:
        st.caption(
            literal_dollars(
                _(
                    "The scenario cancels {cancelled}; the worksheet's figures above were "
                    "changed from the scenario's, so its income differs. The figures below test "
                    "the scenario's cancelled debt."
                ).format(cancelled=format_usd(case.outcome.cancelled))
            )
        )


def exclusion_inputs(side: Side, case: CaseOutcome) -> None:
    """What decides the exclusions: bankruptcy, the main home, dates, insolvency, the rate."""
    rules = exclusion_rules()
    toggle_input("x_title11", _("Cancelled in a bankruptcy case"), False, help=rules.bankruptcy)
    # The main-home questions only where the main-home exclusion can apply.
    main_home = side is MORTGAGE and toggle_input(
        "x_home_loan",
        _("The loan bought, built or improved your main home"),
        True,
        help=rules.main_home,
    )
    first_missed_input(case)  # the case's errors show with the taxable result
    st.markdown(
        _(
            "The debt is cancelled on **{date}**, the date the deficiency is resolved in the "
            "Credit report's timeline."
        ).format(date=day(case.resolved_on))
    )
    if main_home:
        date_input(
            "x_written",
            _("Date of a written agreement for the cancellation (if any)"),
            None,
            help=_(
                "If the debt was cancelled after the main-home rule ended, it still counts "
                "when you had a written deal made before the end date."
            ),
        )
    toggle_input("x_separate", _("Married filing separately"), False)
    st.markdown(_("**Did you owe more than you owned just before? [insolvency]**"))
    optional_amount_input(
        "x_liabilities", _("Total liabilities"), help=rules.insolvency_liabilities
    )
    optional_amount_input(
        "x_assets",
        _("Fair market value of all assets"),
        help=_("Include retirement accounts and property creditors cannot take."),
    )
    if main_home:
        toggle_input(
            "x_elect_insolvency",
            _("Use insolvency instead of the main-home exclusion"),
            False,
            help=rules.insolvency_over_main_home,
        )
    bracket_input(
        "x_rate",
        _("Your federal marginal tax rate"),
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
            Card(_("Cancelled debt"), format_usd(tax.cancelled)),
            Card(
                _("Taxable after exclusions"),
                format_usd(tax.taxable),
                _("The part that may count as income."),
            ),
            Card(
                _("Extra federal tax at {rate}%").format(rate=rate),
                format_usd(extra),
                _("An estimate at this one rate."),
            ),
        ],
        _("Taxes: what stays taxable"),
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
        text = _("**{exclusion}: {amount}.** {reason}").format(
            exclusion=exclusion.kind.label,
            amount=format_usd(exclusion.amount),
            reason=exclusion.reason,
        )
        sources = source_note(exclusion.sources)
        if exclusion.verified:
            st.markdown(f"{literal_dollars(text)}\n\n{sources}")
        else:
            st.warning(
                _("{exclusion} **Not checked.** Consult a tax professional.").format(
                    exclusion=literal_dollars(text)
                ),
                icon=":material/help:",
            )
            st.markdown(sources)
    rates = federal_rates()
    note = _("{note} Rates for {years}.").format(note=rates.estimate_note, years=rates.tax_years)
    st.markdown(f":gray[:small[{note}]]\n\n" + source_note(rates.sources))

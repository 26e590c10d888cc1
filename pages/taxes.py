"""Taxes on forgiven debt: the Pub. 4681 worksheet, the exclusions and the forms to expect."""

from datetime import date
from decimal import Decimal

import streamlit as st

from deficiency import (
    estimated_extra_tax,
    expected_forms,
    foreclosure_worksheet,
    format_usd,
    taxable_cancelled_debt,
)
from deficiency import tax as tax_rules
from deficiency.money import ZERO
from deficiency.tax import DebtType, FormStatus
from ui import next_panels as nxt
from ui import panels
from ui.charts_next import tax_alt, tax_figure, tax_takeaway
from ui.entry import require_entrypoint
from ui.sides import MORTGAGE
from ui.widgets import amount_input, choice_input, optional_amount_input

require_entrypoint()

st.title("Taxes on forgiven debt")
st.caption(
    "A waived or settled deficiency is cancelled debt, which the IRS generally counts as "
    "income. This page fills in IRS Publication 4681's worksheet from your scenario, applies "
    "the exclusions and says which forms to expect."
)
st.info(
    "Tax law changes, and the exclusion for a main home's mortgage was not confirmed past "
    "2025. Check the current IRS publications or consult a tax professional before you rely "
    "on any figure here.",
    title="The law may have changed",
    icon=":material/policy:",
)

side = nxt.side_picker()
result = nxt.scenario(side)
if result.outcome is None:
    st.stop()
outcome = result.outcome
exit = str(st.session_state[side.exit_key])
big = 1_000_000.0 if side is MORTGAGE else 100_000.0
step = 1_000.0 if side is MORTGAGE else 100.0

panels.resolution_inputs(side)
st.caption("The same choice as on the scenario pages: change it here and it changes there.")

# --- The worksheet --------------------------------------------------------------------
st.header("Worksheet for foreclosures and repossessions")
inputs_column, sheet_column = st.columns([2, 3], gap="large")
with inputs_column:
    nxt.follow_scenario("x_debt_before", str(outcome.statement.owed))
    amount_input(
        nxt.money_spec("x_debt_before", "Debt just before the transfer", big, step),
        help="Everything owed on the loan just before the sale: the scenario's amount owed.",
    )
    nxt.follow_scenario("x_still_owed", str(outcome.paid_toward_deficiency))
    amount_input(
        nxt.money_spec("x_still_owed", "Still owed by you after the transfer", big, step),
        help="The part of the debt you stay personally liable for: what you pay toward the "
        "deficiency in the scenario. Zero when it is waived.",
    )
    nxt.follow_scenario("x_fmv", str(outcome.statement.proceeds))
    amount_input(
        nxt.money_spec("x_fmv", "Fair market value of the property", big, step),
        help="Often in box 4 of Form 1099-A or box 7 of Form 1099-C; for a short sale usually "
        "the sale price, which is where it starts.",
    )
    nxt.follow_scenario("x_basis", str(outcome.statement.owed))
    amount_input(
        nxt.money_spec("x_basis", "Your adjusted basis in the property", big, step),
        help="Generally what you paid plus improvements, less depreciation.",
    )
    st.caption("The basis starts at the debt only as a stand-in: enter your own figure.")
    nxt.follow_scenario("x_proceeds", "0")
    amount_input(nxt.money_spec("x_proceeds", "Sale proceeds you received", big, step))
    st.session_state.setdefault("x_debt_type", DebtType.RECOURSE.value)
    debt_type = choice_input(
        "x_debt_type",
        "Were you personally liable for the loan?",
        [
            (DebtType.RECOURSE.value, "Yes: recourse"),
            (DebtType.NONRECOURSE.value, "No: nonrecourse"),
        ],
    )
    if outcome.barred > ZERO:
        st.caption(
            "State law bars this deficiency. Courts have treated loans protected that way as "
            "nonrecourse for tax purposes (Catalano v. Commissioner, T.C. Memo 2000): ask a tax "
            "professional which applies to you."
        )
    personal = nxt.toggle_input(
        "x_personal",
        "Personal use (your main home or a personal car)",
        True,
        help="A loss on property you used personally is not deductible.",
    )

state = st.session_state
sheet, sheet_error = nxt.last_good(
    "x_sheet",
    lambda: foreclosure_worksheet(
        debt_before_transfer=state["x_debt_before"],
        fair_market_value=state["x_fmv"],
        adjusted_basis=state["x_basis"],
        debt_type=debt_type,
        still_owed_after_transfer=state["x_still_owed"],
        proceeds_received=state["x_proceeds"],
        personal_use=personal,
    ),
)
with sheet_column:
    nxt.input_error(sheet_error, sheet is not None)
    if sheet is not None:
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
        st.caption(
            f"{tax_rules.rules()['worksheet']['source']}. Line 8 is a gain when positive and a "
            "loss when negative."
        )
        cards = st.columns(2)
        cards[0].metric("Ordinary income (line 3)", format_usd(sheet.ordinary_income), border=True)
        if sheet.loss > ZERO:
            cards[1].metric("Loss on the property", format_usd(sheet.loss), border=True)
        else:
            cards[1].metric("Gain on the property", format_usd(sheet.gain), border=True)
        for sentence in sheet.explanation():
            if "not deductible" in sentence:
                st.warning(sentence, icon=":material/block:")
            else:
                st.markdown(sentence)

# --- Exclusions -----------------------------------------------------------------------
st.header("Exclusions: is the cancelled debt taxable?")
rules = tax_rules.rules()
cancelled_income = sheet.ordinary_income if sheet is not None else ZERO
st.markdown(
    f"The worksheet's ordinary income, **{format_usd(cancelled_income)}**, is the cancelled "
    "debt tested below."
)
if cancelled_income != outcome.cancelled:
    st.caption(
        f"The scenario shows {format_usd(outcome.cancelled)} cancelled. The worksheet measures "
        "the income against the property's fair market value rather than the lender's net "
        "proceeds, costs and credits, so the two can differ; ask a tax professional how they "
        "reconcile for you."
    )
exclusion_column, result_column = st.columns([2, 3], gap="large")
with exclusion_column:
    title_11 = nxt.toggle_input(
        "x_title11",
        "Cancelled in a bankruptcy case",
        False,
        help=str(rules["bankruptcy"]["rule"]),
    )
    home_loan = nxt.toggle_input(
        "x_home_loan",
        "The loan bought, built or improved your main home",
        side is MORTGAGE,
        help=str(rules["qpri"]["rule"]),
    )
    discharge = nxt.date_input(
        "x_discharge",
        "Date the debt was cancelled",
        date.today(),
        help="The identifiable event: the waiver, the settlement or the bankruptcy discharge.",
    )
    written = nxt.date_input(
        "x_written",
        "Date of a written agreement for the cancellation (if any)",
        None,
        help="A discharge after the main-home exclusion ended still qualifies if it follows a "
        "written arrangement made before the cut-off.",
    )
    separate = nxt.toggle_input("x_separate", "Married filing separately", False)
    st.markdown("**Insolvency just before the cancellation**")
    optional_amount_input(
        "x_liabilities", "Total liabilities", help=str(rules["insolvency"]["assets_note"])
    )
    optional_amount_input(
        "x_assets",
        "Fair market value of all assets",
        help="Include retirement accounts and property creditors cannot take.",
    )
    elect = nxt.toggle_input(
        "x_elect_insolvency",
        "Use insolvency instead of the main-home exclusion",
        False,
        help=str(rules["qpri"]["precedence"]),
    )
    rate = nxt.bracket_input(
        "x_rate", "Your federal marginal tax rate", tax_rules.federal_brackets(), "22"
    )

liabilities = str(state.get("x_liabilities", ""))
assets = str(state.get("x_assets", ""))
tax, tax_error = nxt.last_good(
    "x_tax",
    lambda: taxable_cancelled_debt(
        cancelled_income,
        discharge_date=discharge or date.today(),
        title_11_case=title_11,
        qualified_home_debt=state["x_debt_before"] if home_loan else 0,
        loan_balance=state["x_debt_before"],
        written_arrangement_date=written,
        married_filing_separately=separate,
        liabilities=liabilities or None,
        assets=assets or None,
        elect_insolvency=elect,
    ),
)
with result_column:
    nxt.input_error(tax_error, tax is not None)
    if tax is not None:
        extra = estimated_extra_tax(tax.taxable, rate)
        cards = st.columns(3)
        cards[0].metric("Cancelled debt", format_usd(tax.cancelled), border=True)
        cards[1].metric("Taxable after exclusions", format_usd(tax.taxable), border=True)
        cards[2].metric(f"Extra federal tax at {rate}%", format_usd(extra), border=True)
        st.plotly_chart(
            tax_figure(tax, extra, Decimal(rate)),
            key="x_tax_chart",
            alt=tax_alt(tax, extra, Decimal(rate)),
            config={"displayModeBar": False},
        )
        st.caption(tax_takeaway(tax, extra, Decimal(rate)))
        for exclusion in tax.exclusions:
            text = f"**{exclusion.kind.label}: {format_usd(exclusion.amount)}.** {exclusion.reason}"
            if exclusion.verified:
                st.markdown(text)
            else:
                st.warning(text + " Consult a tax professional.", icon=":material/help:")
            st.caption(f"Source: {exclusion.source}")
        st.caption(str(rules["federal_brackets"]["estimate_note"]))

# --- Forms ----------------------------------------------------------------------------
st.header("Which forms to expect")
threshold = format_usd(tax_rules.form_1099c_threshold(), cents=False)
st.markdown(
    "**Form 1099-A** reports that the lender took the property (a foreclosure, a deed in lieu "
    f"or an abandonment). **Form 1099-C** reports a cancelled debt of {threshold} or more (the "
    "last confirmed threshold), once the lender stops collecting it. Neither is a bill; both "
    "go to the IRS too."
)
forms, forms_error = nxt.last_good(
    "x_forms",
    lambda: expected_forms(
        exit,
        outcome.terms.resolution,
        outcome.cancelled,
        personal_use=personal,
        tax_year=(discharge or date.today()).year,
    ),
)
nxt.input_error(forms_error, forms is not None)
icons = {
    FormStatus.EXPECTED: ":material/mark_email_unread:",
    FormStatus.POSSIBLE: ":material/help:",
    FormStatus.NOT_EXPECTED: ":material/do_not_disturb_on:",
}
words = {
    FormStatus.EXPECTED: "Expected",
    FormStatus.POSSIBLE: "Possible",
    FormStatus.NOT_EXPECTED: "Not expected",
}
for column, form in zip(st.columns(2), forms or (), strict=False):
    with column, st.container(border=True):
        st.markdown(f"{icons[form.status]} **Form {form.form}: {words[form.status]}**")
        st.markdown(form.explanation)
        if not form.verified:
            st.caption("Not confirmed for this year: check the current IRS instructions.")
        st.caption(f"Source: {form.source}")
st.caption(tax_rules.disclaimer())

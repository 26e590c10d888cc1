"""Taxes on forgiven debt: the Pub. 4681 worksheet, the exclusions and the forms to expect."""

import streamlit as st

from deficiency import FormStatus, form_1099c_threshold, format_usd, tax_disclaimer
from ui.kit import regions
from ui.kit.entry import require_entrypoint
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import MORTGAGE
from ui.kit.sources import source_note
from ui.kit.text import literal_dollars
from ui.next_steps import inputs, taxes
from ui.scenario import sections as scenario

require_entrypoint()

st.title("Taxes on forgiven debt")
st.caption(
    "A waived or settled deficiency is cancelled debt, which the IRS generally counts as "
    "income. This page fills in IRS Publication 4681's worksheet from your scenario, applies "
    "the exclusions and says which forms to expect."
)
side, _, _ = inputs.page_scenario()
case, case_error = taxes.the_case()
if case is None:
    st.error(f"{case_error}.", icon=":material/error:")
    st.stop()
home_rule = (
    " The exclusion for a main home's mortgage was not confirmed past 2025."
    if side is MORTGAGE
    else ""
)
st.info(
    f"Tax law changes.{home_rule} Check the current IRS publications or consult a tax "
    "professional before you rely on any figure here.",
    title="The law may have changed",
    icon=":material/policy:",
)

scenario.resolution_inputs(side)
st.caption("The same choice as on the scenario pages: change it here and it changes there.")

# A worksheet amount redraws the three regions below it; the rate slider only the last.
st.header("The IRS worksheet for a sale you had to make")
inputs_column, sheet_column = st.columns([2, 3], gap=COLUMN_GAP)
with inputs_column:
    taxes.worksheet_inputs(side, case)
with sheet_column:
    regions.region(taxes.WORKSHEET, taxes.worksheet_result)

st.header("Exclusions: is the cancelled debt taxable?")
regions.region(taxes.INCOME, taxes.income_line)
exclusion_column, result_column = st.columns([2, 3], gap=COLUMN_GAP)
with exclusion_column:
    taxes.exclusion_inputs(side, case)
with result_column:
    regions.region(taxes.TAXABLE, taxes.taxable_result)

# --- Forms ----------------------------------------------------------------------------
st.header("Which forms to expect")
threshold = format_usd(form_1099c_threshold(), cents=False)
st.markdown(
    "**Form 1099-A** reports that the lender took the property (a foreclosure, a deed in lieu "
    f"or an abandonment). **Form 1099-C** reports a cancelled debt of {threshold} or more (the "
    "last confirmed threshold), once the lender stops collecting it. Neither is a bill; both "
    "go to the IRS too."
)
icons = {
    FormStatus.EXPECTED: ":material/mark_email_unread:",
    FormStatus.POSSIBLE: ":material/help:",
    FormStatus.NOT_EXPECTED: ":material/do_not_disturb_on:",
}
for column, form in zip(st.columns(2), case.forms, strict=True):
    with column, st.container(border=True):
        st.markdown(f"{icons[form.status]} **Form {form.form}: {form.status.label}**")
        st.markdown(literal_dollars(form.explanation))
        if not form.verified:
            st.caption("Not checked for this year: check the current IRS instructions.")
        st.markdown(source_note(form.sources))
st.caption(tax_disclaimer())

"""Taxes on forgiven debt: the Pub. 4681 worksheet, the exclusions and the forms to expect."""

import streamlit as st

from deficiency import FormStatus, form_1099c_threshold, format_usd, tax_disclaimer
from ui.kit import regions
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sides import MORTGAGE
from ui.kit.sources import source_note
from ui.kit.text import literal_dollars
from ui.next_steps import inputs, taxes
from ui.scenario import sections as scenario

require_entrypoint()

st.title(_("Taxes on forgiven debt"))
st.caption(
    _(
        "A waived or settled deficiency is cancelled debt, which the IRS generally counts as "
        "income. This page fills in IRS Publication 4681's worksheet from your scenario, "
        "applies the exclusions and says which forms to expect."
    )
)
side, *_rest = inputs.page_scenario()
case, case_error = taxes.the_case()
if case is None:
    st.error(_("{error}.").format(error=case_error), icon=":material/error:")
    st.stop()
if side is MORTGAGE:
    law_changes = _(
        "Tax law changes. The exclusion for a main home's mortgage was not confirmed past "
        "2025. Check the current IRS publications or consult a tax professional before you "
        "rely on any figure here."
    )
else:
    law_changes = _(
        "Tax law changes. Check the current IRS publications or consult a tax professional "
        "before you rely on any figure here."
    )
st.info(law_changes, title=_("The law may have changed"), icon=":material/policy:")

scenario.resolution_inputs(side)
st.caption(_("The same choice as on the scenario pages: change it here and it changes there."))

# A worksheet amount redraws the three regions below it; the rate slider only the last.
st.header(_("The IRS worksheet for a sale you had to make"))
inputs_column, sheet_column = st.columns([2, 3], gap=COLUMN_GAP)
with inputs_column:
    taxes.worksheet_inputs(side, case)
with sheet_column:
    regions.region(taxes.WORKSHEET, taxes.worksheet_result)

st.header(_("Exclusions: is the cancelled debt taxable?"))
regions.region(taxes.INCOME, taxes.income_line)
exclusion_column, result_column = st.columns([2, 3], gap=COLUMN_GAP)
with exclusion_column:
    taxes.exclusion_inputs(side, case)
with result_column:
    regions.region(taxes.TAXABLE, taxes.taxable_result)

# --- Forms ----------------------------------------------------------------------------
st.header(_("Which forms to expect"))
threshold = format_usd(form_1099c_threshold(), cents=False)
st.markdown(
    _(
        "**Form 1099-A** reports that the lender took the property (a foreclosure, a deed in "
        "lieu or an abandonment). **Form 1099-C** reports a cancelled debt of {threshold} or "
        "more (the last confirmed threshold), once the lender stops collecting it. Neither is "
        "a bill; both go to the IRS too."
    ).format(threshold=threshold)
)
icons = {
    FormStatus.EXPECTED: ":material/mark_email_unread:",
    FormStatus.POSSIBLE: ":material/help:",
    FormStatus.NOT_EXPECTED: ":material/do_not_disturb_on:",
}
for column, form in zip(st.columns(2), case.forms, strict=True):
    with column, st.container(border=True):
        heading = _("**Form {form}: {status}**").format(form=form.form, status=form.status.label)
        st.markdown(f"{icons[form.status]} {heading}")
        st.markdown(literal_dollars(form.explanation))
        if not form.verified:
            st.caption(_("Not checked for this year: check the current IRS instructions."))
        st.markdown(source_note(form.sources))
st.caption(tax_disclaimer())

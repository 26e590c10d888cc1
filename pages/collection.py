"""Paying it off: a judgment collected by garnishment, a settlement, and the four ways out."""

from datetime import date

import streamlit as st

from deficiency import (
    ENGLISH,
    ZERO,
    PayPeriod,
    Resolution,
    current_language,
    format_usd,
    time_limits,
)
from ui.kit import regions
from ui.kit.cache import side_case
from ui.kit.entry import require_entrypoint
from ui.kit.i18n import _
from ui.kit.inputs import COLUMN_GAP
from ui.kit.sources import source_markdown
from ui.kit.state import ensure
from ui.kit.text import literal_dollars
from ui.next_steps import inputs, paying_off
from ui.next_steps.charts import day

require_entrypoint()

st.title(_("Paying it off"))
st.caption(
    _(
        "What the amount the lender may collect would cost you: if the lender wins in court "
        "and takes part of your pay, if you settle, or if you take another way out."
    )
)

side, _outcome, exit = inputs.page_scenario()
state = st.session_state
case, case_error = side_case(state, side, date.today())
if case is None:
    st.error(_("{error}.").format(error=case_error), icon=":material/error:")
    st.stop()
outcome = case.outcome
state_code = paying_off.state_code()

if outcome.terms.resolution is Resolution.WAIVED:
    lead = _(
        "In your scenario the lender waives the deficiency. If it pursued it instead, it "
        "could collect **{amount}**; the sections below ask what each way of ending that "
        "would cost."
    ).format(amount=format_usd(outcome.collectible))
else:
    lead = _(
        "**{amount}** is the deficiency the lender may collect in your scenario ({resolution} "
        "there). The sections below ask what each way of ending it would cost."
    ).format(
        amount=format_usd(outcome.collectible),
        resolution=outcome.terms.resolution.label.lower(),
    )
st.markdown(lead)

# Every input's canonical value, before the sections that show them.
ensure(state, "p_rate", "10")
ensure(state, "p_debt_type", "personal")
inputs.follow_scenario("p_costs", str(outcome.judgment_costs))
ensure(state, "p_earnings", "368")
ensure(state, "p_period", PayPeriod.WEEKLY.value)
inputs.follow_scenario("p_settle", str(state[side.key("settlement_percent")]))
ensure(state, "p_plan_months", "24")
ensure(state, "p_plan_rate", "0")
ensure(state, "p_tax_rate", "22")

if outcome.collectible == ZERO:
    rule = f" ({case.headline.rule})" if case.headline.rule else ""
    barred = f"{literal_dollars(case.headline.reason)}{rule} " if outcome.barred > ZERO else ""
    nothing = _(
        "Nothing is left for the lender to collect in this scenario, so there is nothing to "
        "pay off. Change the scenario or the state on the scenario pages to explore collection."
    )
    st.info(f"{barred}{nothing}", icon=":material/check_circle:")

# Each section's results are a region: a slider redraws only the results that read it.
st.header(_("If the lender wins a judgment and garnishes your wages"))
inputs_column, chart_column = st.columns([2, 3], gap=COLUMN_GAP)
with inputs_column:
    paying_off.garnishment_inputs(outcome)
with chart_column:
    regions.region(paying_off.GARNISHMENT, paying_off.garnishment_result, outcome)

st.header(_("If you settle for less"))
settle_column, settle_chart = st.columns([2, 3], gap=COLUMN_GAP)
with settle_column:
    paying_off.settlement_inputs()
with settle_chart:
    regions.region(paying_off.SETTLEMENT, paying_off.settlement_result, outcome, side)

st.header(_("Four ways out, side by side"))
plan_column, _empty = st.columns([2, 3], gap=COLUMN_GAP)
with plan_column:
    paying_off.planner_inputs()
regions.region(paying_off.PLANNER, paying_off.planner_result, outcome)

# --- Time limit to sue -------------------------------------------------------------
st.header(_("How long the lender has to sue"))
date_column, _empty = st.columns([2, 3], gap=COLUMN_GAP)
with date_column:
    inputs.first_missed_input(case, case_error)
sale_date = case.sold_on
st.markdown(
    _("The sale is on **{date}**, as in the Credit report's timeline of your case.").format(
        date=day(sale_date)
    )
)
today = date.today()
if not state_code:
    st.info(_("Choose your state on a scenario page to see its time limits."))
else:
    limits = time_limits(state_code, side.kind, exit, sale_date)
    what, time, deadline, days_left, checked, source = (
        _("What"),
        _("Time"),
        _("Deadline"),
        _("Days left"),
        _("Checked?"),
        _("Source"),
    )
    # A date column shows English month names: in another language the dates are text.
    english = current_language() == ENGLISH
    st.dataframe(
        [
            {
                what: limit.label,
                time: limit.period,
                deadline: limit.deadline
                if english or limit.deadline is None
                else day(limit.deadline),
                days_left: limit.days_left(today),
                checked: limit.checked,
                source: limit.source.url or None,
            }
            for limit in limits
        ],
        hide_index=True,
        column_config={
            deadline: st.column_config.DateColumn(format="D MMM YYYY")
            if english
            else st.column_config.TextColumn(),
            source: st.column_config.LinkColumn(display_text=_("source")),
        },
        key="p_limits",
    )
    st.caption(
        _(
            "Counted from {sale} as of today, {today}. A negative number of days means the "
            "period has run. Courts differ on which period governs a deficiency suit, and on "
            "the day it starts (the sale, the default, the last payment): ask a lawyer before "
            "relying on a date."
        ).format(sale=day(sale_date), today=day(today))
    )
    with st.expander(_("What each time limit says, and where it comes from")):
        item = _("- **{limit}** ({period}): {summary}  \n  Source: {source}")
        for limit in limits:
            st.markdown(
                item.format(
                    limit=limit.label,
                    period=limit.period,
                    summary=literal_dollars(limit.summary),
                    source=source_markdown(limit.source),
                )
            )

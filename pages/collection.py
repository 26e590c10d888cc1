"""Paying it off: a judgment collected by garnishment, a settlement, and the four ways out."""

from datetime import date
from decimal import Decimal

import streamlit as st

from deficiency import (
    PayPeriod,
    PlannerInputs,
    countdown,
    estimated_extra_tax,
    expected_forms,
    format_usd,
    garnishment_cap,
    interest_preset,
    interest_presets,
    post_judgment_interest,
)
from deficiency.collection import Compounding, Option, limitation_notes_for
from deficiency.money import ZERO
from deficiency.state_law import deficiency_deadlines
from deficiency.tax import FormStatus, federal_brackets
from ui import next_panels as nxt
from ui.charts_next import (
    day,
    payoff_alt,
    payoff_figure,
    payoff_takeaway,
    planner_alt,
    planner_figure,
    planner_takeaway,
    settlement_alt,
    settlement_figure,
)
from ui.entry import require_entrypoint
from ui.next_compute import planner
from ui.sides import CAR, MORTGAGE
from ui.state import STATE_KEY, ensure
from ui.widgets import amount_input, choice_input

require_entrypoint()

st.title("Paying it off")
st.caption(
    "What the deficiency costs you if the lender wins a judgment and garnishes your wages, if "
    "you settle, or if you take another way out, for the amount the lender may collect in "
    "your scenario."
)

side = nxt.side_picker()
result = nxt.scenario(side)
if result.outcome is None:
    st.stop()
outcome = result.outcome
state = st.session_state
exit = str(state[side.exit_key])
state_code = str(state.get(STATE_KEY, ""))
big = 200_000.0 if side is MORTGAGE else 20_000.0

st.markdown(
    f"**{format_usd(outcome.collectible)}** is the deficiency the lender may collect in your "
    f"scenario ({outcome.terms.resolution.label.lower()} there). The sections below ask what "
    "each way of ending it would cost."
)

# Every input's canonical value, before the sections that show them.
presets = {preset.state: preset for preset in interest_presets()}
default_preset = state_code if state_code in presets else "custom"
ensure(state, "p_rate", "10")
nxt.follow_scenario("p_costs", str(outcome.judgment_costs))
ensure(state, "p_earnings", "368")
ensure(state, "p_period", PayPeriod.WEEKLY.value)
nxt.follow_scenario("p_settle", str(state[side.key("settlement_percent")]))
ensure(state, "p_plan_months", "24")
ensure(state, "p_plan_rate", "0")

if outcome.collectible == ZERO:
    st.info(
        "Nothing is left for the lender to collect in this scenario, so there is nothing to pay "
        "off. Change the scenario or the state on the scenario pages to explore collection.",
        icon=":material/check_circle:",
    )

# --- A judgment collected by garnishment ----------------------------------------------
st.header("If the lender wins a judgment and garnishes your wages")
inputs_column, chart_column = st.columns([2, 3], gap="large")
with inputs_column:
    preset_options = [("custom", "Enter the rate yourself")] + [
        (
            preset.state,
            f"{preset.name}: {preset.rate}%"
            if preset.rate is not None
            else f"{preset.name}: indexed",
        )
        for preset in presets.values()
    ]
    chosen_preset = nxt.select_input(
        "p_rate_preset",
        "Post-judgment interest rate from",
        preset_options,
        default_preset,
        help="States set the rate on an unpaid judgment by statute. Our data has a few.",
    )
    preset = interest_preset(chosen_preset) if chosen_preset != "custom" else None
    if preset is not None and preset.rate is not None:
        nxt.follow_scenario("p_rate", str(preset.rate))
    amount_input(nxt.percent_spec("p_rate", "Post-judgment interest rate", 20.0, 0.25))
    if preset is not None:
        st.caption(
            f"{preset.source.note} {preset.source.citation}, as of {preset.source.as_of:%B %Y} "
            f"([source]({preset.source.source_url}); {preset.source.confidence.label.lower()})."
        )
        if preset.compounding is Compounding.ANNUAL:
            st.caption(
                "The payoff schedule below uses simple interest, so it understates a "
                "compounded rate slightly."
            )
    else:
        st.caption("10% is only a starting figure (California's rate): use your judgment's rate.")
    amount_input(
        nxt.money_spec("p_costs", "Court costs and attorney fees", 20_000.0, 50.0),
        help="Added to the judgment. Starts at the scenario's court costs and fees.",
    )
    amount_input(
        nxt.money_spec("p_earnings", "Your disposable earnings per paycheck", 5_000.0, 10.0),
        help="Pay after taxes and other deductions the law requires. $368 a week is the "
        "Department of Labor's worked example, not a typical figure.",
    )
    choice_input("p_period", "Paid", [(period.value, period.label) for period in PayPeriod])

period = PayPeriod(str(state["p_period"]))
plan_inputs, plan_error = nxt.last_good(
    "p_inputs",
    lambda: PlannerInputs(
        deficiency=outcome.collectible,
        settlement_percent=state["p_settle"],
        plan_months=int(state["p_plan_months"]),
        plan_annual_rate=state["p_plan_rate"],
        disposable_earnings=state["p_earnings"],
        pay_period=period,
        judgment_rate=state["p_rate"],
        judgment_costs=state["p_costs"],
        state=state_code or None,
    ),
)
planned, planner_error = (
    nxt.last_good("p_options", lambda: planner(plan_inputs))
    if plan_inputs is not None
    else (None, None)
)
options = planned or ()
plan_error = plan_error or planner_error
by_option = {option.option: option for option in options}
ensure(state, "p_tax_rate", "22")
marginal = Decimal(str(state["p_tax_rate"]))
taxes = [
    estimated_extra_tax(option.amount_cancelled if option.may_be_taxable else ZERO, marginal)
    for option in options
]
tax_by_option = {option.option: tax for option, tax in zip(options, taxes, strict=True)}

with chart_column:
    nxt.input_error(plan_error, plan_inputs is not None)
    garnished = by_option.get(Option.GARNISHMENT)
    if plan_inputs is not None and garnished is not None and garnished.schedule is not None:
        schedule = garnished.schedule
        cap = garnishment_cap(plan_inputs.disposable_earnings, period, state=state_code or None)
        cards = st.columns(3)
        cards[0].metric("Judgment", format_usd(schedule.principal), border=True)
        cards[1].metric("Most garnished per paycheck", format_usd(cap.cap), border=True)
        cards[2].metric(
            "Paychecks to pay off",
            str(schedule.periods) if schedule.paid_off else "Never",
            border=True,
        )
        yearly = post_judgment_interest(schedule.principal, plan_inputs.judgment_rate, 365)
        st.markdown(
            f"{cap.explanation} Interest on the full judgment runs about {format_usd(yearly)} "
            "a year."
        )
        st.plotly_chart(
            payoff_figure(schedule, "What is still owed after each garnished paycheck"),
            key="p_payoff_chart",
            alt=payoff_alt(schedule),
            config={"displayModeBar": False},
        )
        st.caption(payoff_takeaway(schedule))
        for note in cap.state_notes:
            st.warning(note, icon=":material/gavel:")
        st.caption(f"{cap.period.label} limit: 15 U.S.C. 1673(a); DOL Fact Sheet #30.")

# --- A settlement ----------------------------------------------------------------------
st.header("If you settle for less")
settle_column, settle_chart = st.columns([2, 3], gap="large")
with settle_column:
    amount_input(
        nxt.percent_spec("p_settle", "Share of the deficiency you pay", 100.0, 1.0),
        help="Your assumption: no reliable typical settlement figure is published.",
    )
    nxt.bracket_input("p_tax_rate", "Your federal marginal tax rate", federal_brackets(), "22")
    st.caption(
        "Starts at the scenario's settlement share. The tax assumes no exclusion applies; the "
        "Taxes page tests insolvency and the main-home exclusion."
    )
lump = by_option.get(Option.LUMP_SUM)
with settle_chart:
    if lump is not None and plan_inputs is not None:
        lump_tax = tax_by_option[Option.LUMP_SUM]
        form_c = expected_forms(exit, "settled", lump.amount_cancelled, tax_year=date.today().year)[
            1
        ]
        cards = [*st.columns(2), *st.columns(2)]
        cards[0].metric("You pay", format_usd(lump.total_paid), border=True)
        cards[1].metric("Cancelled", format_usd(lump.amount_cancelled), border=True)
        cards[2].metric(
            "Form 1099-C",
            {
                FormStatus.EXPECTED: "Expected",
                FormStatus.POSSIBLE: "Possible",
                FormStatus.NOT_EXPECTED: "Not expected",
            }[form_c.status],
            border=True,
        )
        cards[3].metric("Extra federal tax", format_usd(lump_tax), border=True)
        st.plotly_chart(
            settlement_figure(lump.total_paid, lump.amount_cancelled, lump_tax),
            key="p_settlement_chart",
            alt=settlement_alt(
                plan_inputs.settlement_percent, lump.total_paid, lump.amount_cancelled, lump_tax
            ),
            config={"displayModeBar": False},
        )
        st.caption(form_c.explanation)

# --- The planner --------------------------------------------------------------------
st.header("Four ways out, side by side")
plan_column, _ = st.columns([2, 3], gap="large")
with plan_column:
    nxt.months_input("p_plan_months", "Payment plan length in months", 360)
    amount_input(nxt.percent_spec("p_plan_rate", "Interest on the payment plan", 20.0, 0.25))
if options:
    st.dataframe(
        [
            {
                "Way out": option.label,
                "You pay": float(option.total_paid),
                "Months": option.months,
                "Cancelled": float(option.amount_cancelled),
                "Still owed at the end": float(option.still_owed),
                "Extra tax (estimate)": float(tax),
                "Credit report": option.credit_report,
                "Tax note": option.tax_note,
            }
            for option, tax in zip(options, taxes, strict=True)
        ],
        hide_index=True,
        column_config={
            name: st.column_config.NumberColumn(format="dollar")
            for name in ("You pay", "Cancelled", "Still owed at the end", "Extra tax (estimate)")
        },
        key="p_planner_table",
    )
    st.plotly_chart(
        planner_figure(options, taxes),
        key="p_planner_chart",
        alt=planner_alt(options, taxes),
        config={"displayModeBar": False},
    )
    st.caption(planner_takeaway(options))
    with st.expander("What each way out involves", icon=":material/info:"):
        for option in options:
            st.markdown(f"- **{option.label}**: {option.notes}")

# --- Time limit to sue -------------------------------------------------------------
st.header("How long the lender has to sue")
date_column, _ = st.columns([2, 3], gap="large")
with date_column:
    sale_date = (
        nxt.date_input(
            "p_sale_date",
            "Date of the sale",
            date.today(),
            help="Limits run from the sale or the default; the start differs by state.",
        )
        or date.today()
    )
today = date.today()
rows = []
for rule, deadline in deficiency_deadlines(state_code, side.kind) if state_code else ():
    if exit not in rule.exits:
        continue
    clock = countdown(sale_date, today, months=deadline.months, days=deadline.days)
    rows.append(
        {
            "Time limit": f"{rule.citation}: {deadline.words}",
            "Deadline": clock.deadline,
            "Days left": clock.days_left,
            "Sure?": "uncertain: " + rule.confidence.label if rule.uncertain else "sourced",
            "Source": rule.source_url,
        }
    )
notes = limitation_notes_for(state_code)
for note in notes:
    if note.kind not in ("single", "conflicting") or not state_code:
        continue
    if note.id == "UCC-2-725" and side is not CAR:
        continue
    for years in note.years:
        clock = countdown(sale_date, today, years=years)
        rows.append(
            {
                "Time limit": f"{note.scope}: {years} years",
                "Deadline": clock.deadline,
                "Days left": clock.days_left,
                "Sure?": "uncertain: sources conflict" if note.uncertain else "sourced",
                "Source": note.source_url,
            }
        )
if not state_code:
    st.info("Choose your state on a scenario page to see the time limits our data has for it.")
elif rows:
    st.dataframe(
        rows,
        hide_index=True,
        column_config={
            "Deadline": st.column_config.DateColumn(format="D MMM YYYY"),
            "Source": st.column_config.LinkColumn(display_text="source"),
        },
        key="p_limits",
    )
    st.caption(
        f"Counted from {day(sale_date)} as of today, {day(today)}. A negative number of days "
        "means the period has run. Where our sources disagree, each figure is shown and none "
        "is presented as the rule."
    )
else:
    st.caption("Our data has no time limit for this state and loan.")
for note in notes:
    if note.kind in ("range", "note"):
        st.caption(f"{note.scope}: {note.note} ([source]({note.source_url}))")

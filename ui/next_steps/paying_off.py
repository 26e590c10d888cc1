"""Sections of the "Paying it off" page: garnishment, a settlement and the four ways out.

Every input feeds one plan (:func:`plan`, the package's planner over the four ways out),
and each section's results are a region (:mod:`ui.kit.regions`): a slider redraws its own input
and only the results that read it. The judgment's inputs redraw the garnishment and the
planner, the settlement's the settlement and the planner, the plan's only the planner.
Regions rerun without the page around them, so each reads its inputs from session state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import streamlit as st

from deficiency import (
    ZERO,
    Compounding,
    DebtPurpose,
    InvalidInputError,
    Limit,
    Option,
    OptionResult,
    Outcome,
    PayPeriod,
    PlannerInputs,
    RateChoice,
    estimated_extra_tax,
    federal_rates,
    format_usd,
    garnishment_cap,
    garnishment_source,
    judgment_rate,
    jurisdiction_names,
    post_judgment_interest,
    state_garnishment,
    to_money,
)
from ui.kit.cache import side_case
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.i18n import N_, _
from ui.kit.inputs import (
    amount_input,
    choice_input,
    money_spec,
    optional_amount_input,
    percent_spec,
    select_input,
)
from ui.kit.sides import Side
from ui.kit.sources import source_note
from ui.kit.state import STATE_KEY, last_good
from ui.kit.tables import markdown_table
from ui.kit.text import literal_dollars
from ui.next_steps.charts import (
    payoff_alt,
    payoff_figure,
    payoff_takeaway,
    planner_alt,
    planner_figure,
    planner_rows,
    planner_takeaway,
    settlement_alt,
    settlement_figure,
    shows_nothing,
)
from ui.next_steps.compute import planner
from ui.next_steps.inputs import (
    bracket_input,
    date_input,
    follow_scenario,
    input_error,
    months_box,
)

#: The result regions, in page order.
GARNISHMENT = "p_garnishment_results"
SETTLEMENT = "p_settlement_results"
PLANNER = "p_planner_results"
#: Said instead of a chart of zeros when the lender has nothing to collect.
NOTHING_TO_COLLECT = N_("Nothing to chart: the lender has nothing to collect in this scenario.")


@dataclass(frozen=True)
class Plan:
    """The planner's inputs and the four ways out (the last good ones on bad input)."""

    inputs: PlannerInputs | None
    options: tuple[OptionResult, ...]
    taxes: tuple[Decimal, ...]
    error: InvalidInputError | None

    def option(self, which: Option) -> tuple[OptionResult, Decimal] | None:
        """One way out and its estimated extra tax, if the plan has it."""
        for option, tax in zip(self.options, self.taxes, strict=True):
            if option.option is which:
                return option, tax
        return None


def state_code() -> str:
    """The borrower's state chosen on the scenario pages ("" for none)."""
    return str(st.session_state.get(STATE_KEY, ""))


#: Where the judgment's interest rate comes from: the state's law, a federal court's, or typed.
RATE_FROM_LAW, RATE_FEDERAL, RATE_TYPED = "law", "US", "custom"


def rate_source() -> str:
    """Which law sets the judgment's interest rate: the state's, a federal court's, or none."""
    chosen = str(st.session_state.get("p_rate_from", _rate_default()))
    if chosen == RATE_FROM_LAW and not state_code():
        return RATE_TYPED
    return chosen


def _rate_default() -> str:
    """The state's law once a state is chosen; until then the user types the rate."""
    return RATE_FROM_LAW if state_code() else RATE_TYPED


def interest_law() -> str | None:
    """The jurisdiction whose law sets the rate ("US" for a federal court), or None."""
    source = rate_source()
    if source == RATE_FROM_LAW:
        return state_code()
    return RATE_FEDERAL if source == RATE_FEDERAL else None


def rate_choice(outcome: Outcome) -> RateChoice | None:
    """The rate the law gives this judgment, or None when the user types the rate."""
    law = interest_law()
    if law is None:
        return None
    state = st.session_state
    principal = outcome.collectible + _costs()
    return judgment_rate(
        law,
        judgment_date=_judgment_date(),
        principal=principal,
        debt_type=str(state.get("p_debt_type", DebtPurpose.PERSONAL.value)),
    )


def _costs() -> Decimal:
    try:
        return to_money(st.session_state["p_costs"], _("Court costs and attorney fees"))
    except InvalidInputError:
        return ZERO


def _judgment_date() -> date | None:
    text = str(st.session_state.get("p_judgment_date", ""))
    return date.fromisoformat(text) if text else None


def plan(outcome: Outcome) -> Plan:
    """Every way out of the collectible deficiency, from the inputs in session state."""
    state = st.session_state

    def inputs() -> PlannerInputs:
        choice = rate_choice(outcome)
        typed = choice is None or choice.rate is None
        gross_text = str(state.get("p_gross", ""))
        gross = to_money(gross_text, _("Gross pay")) if gross_text else None
        return PlannerInputs(
            deficiency=outcome.collectible,
            settlement_percent=state["p_settle"],
            plan_months=int(state["p_plan_months"]),
            plan_annual_rate=state["p_plan_rate"],
            disposable_earnings=state["p_earnings"],
            pay_period=PayPeriod(str(state["p_period"])),
            judgment_rate=state["p_rate"] if typed else None,
            judgment_costs=state["p_costs"],
            state=state_code() or None,
            interest_state=interest_law(),
            judgment_date=_judgment_date(),
            debt_type=DebtPurpose(str(state.get("p_debt_type", DebtPurpose.PERSONAL.value))),
            gross_earnings=gross,
        )

    planned_inputs, error = last_good(state, "p_inputs", inputs)
    options: tuple[OptionResult, ...] = ()
    if planned_inputs is not None:
        planned, planner_error = last_good(state, "p_options", lambda: planner(planned_inputs))
        options, error = planned or (), error or planner_error
    marginal = Decimal(str(state["p_tax_rate"]))
    taxes = tuple(estimated_extra_tax(option.possibly_taxable, marginal) for option in options)
    return Plan(planned_inputs, options, taxes, error)


def garnishment_inputs(outcome: Outcome) -> None:
    """Where the judgment's interest rate comes from, its costs and the paycheck."""
    code = state_code()
    redraws = (GARNISHMENT, PLANNER)
    sources = [(RATE_FEDERAL, _("A federal court")), (RATE_TYPED, _("I will enter the rate"))]
    if code:
        law = _("{state} law").format(state=jurisdiction_names()[code])
        sources.insert(0, (RATE_FROM_LAW, law))
    # The state's law once a state is chosen, until the user picks another source.
    follow_scenario("p_rate_from", _rate_default())
    chosen = select_input(
        "p_rate_from",
        _("Interest on the judgment is set by"),
        sources,
        _rate_default(),
        help=_(
            "Each state's law sets the interest an unpaid judgment grows by; some set a lower "
            "rate on a person's consumer debt."
        ),
    )
    if chosen != RATE_TYPED:
        date_input(
            "p_judgment_date",
            _("Date of the judgment (or the date you expect it)"),
            date.today(),
            help=_("Some states changed their rate on a set date: the date decides which applies."),
        )
        choice_input(
            "p_debt_type",
            _("What the loan was for"),
            [(item.value, item.label) for item in DebtPurpose],
        )
    law_rate = rate_choice(outcome) if chosen != RATE_TYPED else None
    if law_rate is None or law_rate.rate is None:
        amount_input(
            percent_spec("p_rate", _("Post-judgment interest rate"), 20.0, 0.25),
            redraws=redraws,
        )
    if law_rate is not None:
        st.caption(literal_dollars(law_rate.reason))
        st.markdown(source_note([law_rate.rule.source], _("Source")))
        if law_rate.rule.compounding is Compounding.ANNUAL:
            st.caption(
                _(
                    "The payoff schedule below uses simple interest, so it understates a "
                    "compounded rate slightly."
                )
            )
    else:
        st.caption(_("Enter the rate written on your judgment."))
    amount_input(
        money_spec("p_costs", _("Court costs and attorney fees"), 20_000.0, 50.0),
        help=_("Added to the judgment. Starts at the scenario's court costs and fees."),
        redraws=redraws,
    )
    amount_input(
        money_spec("p_earnings", _("Your disposable earnings per paycheck"), 5_000.0, 10.0),
        help=_(
            "Pay after taxes and other deductions the law requires. $368 a week is the "
            "Department of Labor's worked example, not a typical figure."
        ),
        redraws=redraws,
    )
    choice_input("p_period", _("Paid"), [(period.value, period.label) for period in PayPeriod])
    if code and state_garnishment(code).percent_of_gross is not None:
        optional_amount_input(
            "p_gross",
            _("Your gross pay per paycheck (before taxes)"),
            help=_("{state} also limits garnishment to a share of gross pay.").format(
                state=jurisdiction_names()[code]
            ),
        )


def garnishment_result(outcome: Outcome) -> None:
    """Region: the judgment, the most garnished per paycheck, and the payoff curve."""
    current = plan(outcome)
    input_error(current.error, current.inputs is not None)
    garnished = current.option(Option.GARNISHMENT)
    if current.inputs is None or garnished is None or garnished[0].schedule is None:
        return
    inputs, schedule = current.inputs, garnished[0].schedule
    cap = garnishment_cap(
        inputs.disposable_earnings,
        inputs.pay_period,
        state=inputs.state,
        gross_earnings=inputs.gross_earnings,
    )
    # Read before the figures: a state rule not yet applied (unverified, or needing gross
    # pay) may protect more than the figures below.
    for note in cap.state_notes:
        st.warning(literal_dollars(note), icon=":material/gavel:")
    show_cards(
        [
            Card(_("Judgment"), format_usd(schedule.principal)),
            Card(
                _("Most garnished per paycheck"),
                format_usd(cap.cap),
                _("The most the law lets them take."),
            ),
            Card(
                _("Paychecks to pay off"),
                str(schedule.periods) if schedule.paid_off else _("Never"),
                _("If they take the most each time, with interest."),
            ),
        ],
        _("Paying it off: wage garnishment"),
    )
    yearly = post_judgment_interest(schedule.principal, inputs.interest_rate, 365)
    st.markdown(
        _("{explanation} Interest on the full judgment runs about {amount} a year.").format(
            explanation=cap.explanation, amount=format_usd(yearly)
        )
    )
    figure = payoff_figure(schedule, _("What is still owed after each garnished paycheck"))
    if shows_nothing(figure):
        st.info(_(NOTHING_TO_COLLECT), icon=":material/check_circle:")
    else:
        show_chart(figure, key="p_payoff_chart", alt=payoff_alt(schedule))
        st.caption(payoff_takeaway(schedule))
    sources = [garnishment_source()]
    if cap.binding is Limit.STATE and cap.state is not None:
        sources = [cap.state.rule.source]
        if cap.state.rule.wage_source is not None:
            sources.append(cap.state.rule.wage_source)
    st.markdown(source_note(sources, _("Source") if len(sources) == 1 else _("Sources")))


def settlement_inputs() -> None:
    """The share of the deficiency paid in a settlement, and the marginal tax rate."""
    redraws = (SETTLEMENT, PLANNER)
    amount_input(
        percent_spec("p_settle", _("Share of the deficiency you pay"), 100.0, 1.0),
        help=_("This is your guess: no one publishes a typical share."),
        redraws=redraws,
    )
    bracket_input(
        "p_tax_rate",
        _("Your federal marginal tax rate"),
        federal_rates().rates,
        "22",
        redraws=redraws,
    )
    st.caption(
        _(
            "Starts at the scenario's settlement share. The tax assumes no exclusion applies; "
            "the Taxes page tests insolvency and the main-home exclusion."
        )
    )


def settlement_result(outcome: Outcome, side: Side) -> None:
    """Region: what a lump-sum settlement pays, cancels and costs in tax, and the 1099-C."""
    current = plan(outcome)
    input_error(current.error, current.inputs is not None)
    lump = current.option(Option.LUMP_SUM)
    if lump is None or current.inputs is None:
        return
    settled, tax = lump
    case, _error = side_case(st.session_state, side, date.today())
    form_c = case.settlement_form(settled.amount_cancelled) if case is not None else None
    cards = [
        Card(_("You pay"), format_usd(settled.total_paid)),
        Card(
            _("Cancelled"),
            format_usd(settled.amount_cancelled),
            _("The rest, which the lender forgives."),
        ),
    ]
    if form_c is not None:
        cards.append(
            Card(_("Form 1099-C"), form_c.status.label, _("A tax form about cancelled debt."))
        )
    cards.append(Card(_("Extra federal tax"), format_usd(tax), _("If no exclusion applies.")))
    show_cards(cards, _("Paying it off: a settlement"))
    figure = settlement_figure(settled.total_paid, settled.amount_cancelled, tax)
    if shows_nothing(figure):
        st.info(_(NOTHING_TO_COLLECT), icon=":material/check_circle:")
    else:
        show_chart(
            figure,
            key="p_settlement_chart",
            alt=settlement_alt(
                current.inputs.settlement_percent, settled.total_paid, settled.amount_cancelled, tax
            ),
        )
    if form_c is not None:
        st.caption(form_c.explanation)


def planner_inputs() -> None:
    """The payment plan's length and interest."""
    months_box("p_plan_months", _("Payment plan length in months"), 360)
    amount_input(
        percent_spec("p_plan_rate", _("Interest on the payment plan"), 20.0, 0.25),
        redraws=(PLANNER,),
    )


def planner_result(outcome: Outcome) -> None:
    """Region: the four ways out in a table and a chart, and what each involves."""
    current = plan(outcome)
    if not current.options:
        return
    figure = planner_figure(current.options, current.taxes)
    if shows_nothing(figure):
        st.info(_(NOTHING_TO_COLLECT), icon=":material/check_circle:")
        return
    _planner_table(current.options, current.taxes)
    show_chart(figure, key="p_planner_chart", alt=planner_alt(current.options, current.taxes))
    st.caption(planner_takeaway(current.options))
    with st.expander(_("What each way out involves"), icon=":material/info:"):
        # One list, one element: a move redraws fewer.
        item = _("- **{option}**: {notes}\n  - Credit report: {credit_report}\n  - Tax: {tax_note}")
        st.markdown(
            "\n".join(
                item.format(
                    option=option.label,
                    notes=option.notes,
                    credit_report=option.credit_report,
                    tax_note=option.tax_note,
                )
                for option in current.options
            )
        )


def _planner_table(options: Sequence[OptionResult], taxes: Sequence[Decimal]) -> None:
    """The ways out as a plain table: exact text, wrapping cells, every column on a phone.

    A Markdown table, one element: ``st.dataframe`` shows floats and cuts long cells
    short, and ``st.table`` costs a slider move more time to redraw in this region.
    """
    st.markdown(markdown_table(planner_rows(options, taxes)))

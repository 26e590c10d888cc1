"""Sections of the "Over time" page: the loan against the collateral, and the gap after default.

Keys start with ``t_`` and the side's prefix (``t_m_term``, ``t_c_months``). Inputs
start from the side's current scenario where one fits (the loan amount and the
collateral's price start at the scenario's unpaid principal) and otherwise from
illustrative defaults that the page labels as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from deficiency import (
    ILLUSTRATIVE_CAR_FIRST_YEAR_DROP,
    ILLUSTRATIVE_CAR_LATER_YEARLY_DROP,
    MONTHS_TO_SALE,
    InvalidInputError,
    format_usd,
)
from ui.explore.inputs import CheckedSlots, collateral
from ui.explore.over_time_charts import (
    balance_value_alt,
    balance_value_figure,
    gap_alt,
    gap_figure,
    gap_takeaway,
    month_label,
    spans_sentence,
)
from ui.explore.over_time_compute import (
    BalanceView,
    GapView,
    balance_view,
    car_gap_view,
    home_gap_view,
)
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.i18n import N_, _, ngettext, pgettext
from ui.kit.inputs import DATE_FORMAT, choice_input, money_spec, percent_spec
from ui.kit.sides import CAR, MORTGAGE, Side
from ui.kit.state import LAST_GOOD, ensure, values

#: The package's name of the months-to-sale input (``MONTHS_TO_SALE``), marked for the
#: app's catalog: the control shows it, and an error naming it is matched to its slot.
MONTHS_TO_SALE_LABEL = N_("Months from default to sale")
assert MONTHS_TO_SALE_LABEL == MONTHS_TO_SALE

SIDE_KEY = "t_side"
SIDE_OPTIONS = (("m", N_("Mortgage and the house")), ("c", N_("Car loan and the car")))


@dataclass(frozen=True)
class TimeDefaults:
    """Illustrative starting figures of one side (all editable on the page)."""

    rate: str
    term: int
    start: date
    payments: int
    change: str
    months: int
    months_max: int
    late_fee: str
    escrow: str


DEFAULTS = {
    # A 30-year loan at 6.5% from mid-2021 with prices falling 3% a year: illustrative.
    "m": TimeDefaults("6.5", 360, date(2021, 6, 1), 36, "-3", 12, 36, "75", "400"),
    # A 5-year car loan at 7% from 2024; the value drops are deficiency.growth's defaults.
    "c": TimeDefaults("7", 60, date(2024, 1, 1), 12, "", 6, 24, "40", "0"),
}


def side_of(prefix: str) -> Side:
    return MORTGAGE if prefix == "m" else CAR


def key(side: Side, name: str) -> str:
    """``t_<side>_<name>``: a state key of this page."""
    return f"t_{side.prefix}_{name}"


def _money_range(side: Side) -> tuple[float, float]:
    return (1_000_000.0, 1_000.0) if side is MORTGAGE else (100_000.0, 100.0)


#: The page's two regions: a loan input redraws both (and its own pair and the error
#: slots it touches), a months-to-sale input only the second.
BALANCE = "t_balance"
GAP = "t_gap"


def _date_input(name: str, label: str, help: str, slots: CheckedSlots) -> None:
    st.date_input(
        label,
        key=name,
        format=DATE_FORMAT,
        min_value=date(1970, 1, 1),
        max_value=date(2075, 12, 31),
        help=help,
        on_change=slots.changed,
        persist_state="session",
    )


def _balance_view(side: Side) -> BalanceView:
    """The balance-vs-value view from the inputs in session state (cached by its arguments)."""
    state = st.session_state
    if side is MORTGAGE:
        change, later = str(state[key(side, "change")]), "0"
    else:
        change, later = str(state[key(side, "drop1")]), str(state[key(side, "drop2")])
    return balance_view(
        side.prefix,
        str(state[key(side, "loan")]),
        str(state[key(side, "rate")]),
        int(state[key(side, "term")]),
        state[key(side, "start")],
        int(state[key(side, "payments")]),
        str(state[key(side, "price")]),
        change,
        later,
    )


def balance_slots(side: Side) -> CheckedSlots:
    """The error slots of the loan inputs: a change redraws the chart, the gap and the slots."""

    return CheckedSlots.computing(key(side, "balance"), lambda: _balance_view(side), (BALANCE, GAP))


def _start_balance_inputs(side: Side) -> None:
    """Every loan input's default on first use (the one place they are set), before any is
    drawn: each error slot checks all of them, so all must be there when the first draws."""
    defaults = DEFAULTS[side.prefix]
    principal = values(st.session_state, side)["unpaid_principal"]
    starting: dict[str, object] = {
        "loan": principal,
        "rate": defaults.rate,
        "term": str(defaults.term),
        "start": defaults.start,
        "payments": str(defaults.payments),
        "price": principal,
    }
    if side is MORTGAGE:
        starting["change"] = float(defaults.change)
    else:
        starting["drop1"] = str(ILLUSTRATIVE_CAR_FIRST_YEAR_DROP)
        starting["drop2"] = str(ILLUSTRATIVE_CAR_LATER_YEARLY_DROP)
    for name, default in starting.items():
        st.session_state.setdefault(key(side, name), default)


def balance_inputs(side: Side, slots: CheckedSlots) -> None:
    """Inputs of the loan and the collateral, each with its error slot.

    None of them is in a region: a change redraws its own pair, the chart and the gap.
    """
    _start_balance_inputs(side)
    slider_max, step = _money_range(side)
    slots.amount(
        money_spec(key(side, "loan"), _("Loan amount"), slider_max, step),
        None,
        help=_("Starts at the mortgage scenario's unpaid principal.")
        if side is MORTGAGE
        else _("Starts at the car loan scenario's unpaid principal."),
    )
    slots.amount(
        percent_spec(key(side, "rate"), _("Interest rate (%/yr)"), 25.0, 0.1),
        None,
        help=_("Illustrative starting rate; a fixed rate compounded monthly."),
    )
    term_max = 480 if side is MORTGAGE else 96
    slots.months(key(side, "term"), _("Term (months)"), None, term_max, _("Number of payments."))
    _date_input(
        key(side, "start"),
        _("Start date"),
        _("When the loan was made (illustrative default)."),
        slots,
    )
    slots.months(
        key(side, "payments"),
        _("Payments made"),
        None,
        term_max,
        _("Monthly payments made before the borrower stopped paying."),
    )
    if side is MORTGAGE:
        slots.amount(
            money_spec(key(side, "price"), _("Home value"), slider_max, step),
            None,
            help=_("The home's value when the loan was made."),
        )
        st.number_input(
            _("Home price change (%/yr)"),
            key=key(side, "change"),
            min_value=-99.0,
            max_value=100.0,
            step=0.5,
            format="%.2f",
            help=_("Negative when prices fall. Illustrative default: -3% a year."),
            on_change=slots.changed,
            persist_state="session",
        )
        slots.add(_("Home price change (%/yr)"))
    else:
        slots.amount(
            money_spec(key(side, "price"), _("Car price"), slider_max, step),
            None,
            help=_("The car's price when the loan was made (no down payment by default)."),
        )
        slots.amount(
            percent_spec(key(side, "drop1"), _("First-year value drop (%)"), 60.0, 1.0),
            None,
            help=_("Illustrative: published rules of thumb run from about 10% to 30%."),
        )
        slots.amount(
            percent_spec(key(side, "drop2"), _("Yearly value drop after year one (%)"), 60.0, 1.0),
            None,
            help=_("Illustrative; also used for the months after default below."),
        )


def balance_chart(side: Side, slots: CheckedSlots) -> None:
    """Region: the balance-vs-value chart and its takeaway (the last good one on bad input).

    The chart's data stays in session state for :func:`gap_chart`.
    """
    chart_slot = st.container()
    view = slots.keep_last_good(key(side, "balance"), lambda: _balance_view(side), chart_slot)
    if view is None:
        return
    thing = collateral(side)
    with chart_slot:
        show_chart(
            balance_value_figure(
                view,
                thing,
                _("Loan balance against the value of {collateral}").format(collateral=thing),
            ),
            key=key(side, "balance_chart"),
            alt=balance_value_alt(view, thing),
        )
        st.caption(spans_sentence(view.spans, thing))
        row = view.at_default
        st.caption(
            ngettext(
                "Monthly payment {payment}. When payments stop after {count} payment "
                "({month}), {balance} is owed on {collateral}, worth about {value}: the "
                "starting point below.",
                "Monthly payment {payment}. When payments stop after {count} payments "
                "({month}), {balance} is owed on {collateral}, worth about {value}: the "
                "starting point below.",
                row.month,
            ).format(
                payment=format_usd(view.payment),
                count=row.month,
                month=month_label(row.date),
                balance=format_usd(row.balance),
                collateral=thing,
                value=format_usd(row.value),
            )
        )


def _last_balance(side: Side) -> BalanceView | None:
    """The balance section's last good view (session state): the gap starts from it."""
    view: BalanceView | None = st.session_state.get(key(side, "balance") + LAST_GOOD)
    return view


def _gap_view(side: Side, view: BalanceView) -> GapView:
    """Every exit's deficiency by month of sale, from the inputs in session state (cached)."""
    state = st.session_state
    row = view.at_default
    months = int(state[key(side, "months")])
    late_fee = str(state[key(side, "late_fee")])
    if side is MORTGAGE:
        return home_gap_view(
            row.date,
            str(row.balance),
            str(state[key(side, "rate")]),
            str(row.value),
            late_fee,
            str(state[key(side, "escrow")]),
            str(state[key(side, "change")]),
            months,
        )
    return car_gap_view(
        row.date,
        str(row.balance),
        str(state[key(side, "rate")]),
        str(row.value),
        late_fee,
        str(state[key(side, "drop2")]),
        months,
    )


def gap_slots(side: Side) -> CheckedSlots:
    """The error slots of the months-to-sale inputs: a change redraws the gap and the slots."""

    def check() -> InvalidInputError | None:
        view = _last_balance(side)
        if view is None:
            return None
        try:
            _gap_view(side, view)
        except InvalidInputError as error:
            return error
        return None

    return CheckedSlots(key(side, "gap"), check, redraws=(GAP,))


def gap_inputs(side: Side, slots: CheckedSlots) -> None:
    """The months-to-sale control and the monthly costs, each with its error slot.

    None of them is in a region: a change redraws its own pair and the gap chart, and
    a loan input's change leaves them as drawn.
    """
    defaults = DEFAULTS[side.prefix]
    # Every default before any control is drawn: each error slot checks all of them.
    state = st.session_state
    state.setdefault(key(side, "months"), str(defaults.months))
    state.setdefault(key(side, "late_fee"), defaults.late_fee)
    if side is MORTGAGE:
        state.setdefault(key(side, "escrow"), defaults.escrow)
    slots.months(
        key(side, "months"),
        _(MONTHS_TO_SALE),
        None,
        defaults.months_max,
        _(
            "How long after the first missed payment the sale closes. Each exit's "
            "typical month is marked on the chart."
        ),
    )
    slots.amount(
        money_spec(key(side, "late_fee"), _("Late fee per missed month"), 500.0, 5.0),
        None,
        help=_("Illustrative; check the loan contract."),
    )
    if side is MORTGAGE:
        slots.amount(
            money_spec(key(side, "escrow"), _("Escrow advance per month"), 2_000.0, 10.0),
            None,
            help=_(
                "Taxes and insurance the servicer pays while no payments come in (illustrative)."
            ),
        )
    st.caption(_assumptions(side))


def gap_chart(side: Side, slots: CheckedSlots) -> None:
    """Region: each exit's deficiency at the chosen month, the chart and its takeaway.

    It starts from the balance section's last good figures (kept in session state).
    """
    view = _last_balance(side)
    if view is None:
        st.info(_("Fix the loan inputs above to see how the gap grows after default."))
        return
    chart_slot = st.container()
    gap = slots.keep_last_good(key(side, "gap"), lambda: _gap_view(side, view), chart_slot)
    if gap is None:
        return
    with chart_slot:
        sold = _("{exit}, sold in month {month}")
        show_cards(
            [
                Card(
                    sold.format(exit=series.label, month=gap.months),
                    format_usd(series.through(gap.months)[-1].deficiency),
                )
                for series in gap.series
            ],
            _("Mortgage: the deficiency in month {month}").format(month=gap.months)
            if side is MORTGAGE
            else _("Car loan: the deficiency in month {month}").format(month=gap.months),
        )
        show_chart(
            gap_figure(gap, _("Deficiency by the month the sale closes")),
            key=key(side, "gap_chart"),
            alt=gap_alt(gap),
        )
        # The cards read the month chosen above; the markers and this line, each exit's own
        # typical month: say which is which.
        cards = _(
            "The cards: every exit sold in month {month}. The markers: each exit's "
            "typical month of sale."
        ).format(month=gap.months)
        st.caption(f"{cards} {gap_takeaway(gap)}")


def _assumptions(side: Side) -> str:
    if side is MORTGAGE:
        # The percentages are placeholders: a "%" in a message reads to gettext's tools
        # as a printf format.
        return _(
            "Each exit's timeline, price and costs are illustrative defaults: a short sale at "
            "the market value less a {commission} commission and $2,000 of seller costs, a "
            "foreclosure at {foreclosure} of value with Fannie Mae's $1,900 attorney fee plus "
            "$1,000 of sale costs, a deed in lieu credited at {deed} with $500 of title costs. "
            "Interest, late fees and escrow advances accrue every month until the sale."
        ).format(commission="6%", foreclosure="85%", deed="90%")
    return _(
        "Each route's timeline, price and costs are illustrative defaults: a private sale "
        "at the car's value, a surrender or repossession sold at auction for {auction} of it with "
        "transport, $25 a day of storage, reconditioning and auction fees (and about $350 "
        "to repossess, the CFPB examiners' average). Interest accrues monthly until the sale; "
        "late fees stop once the lender has the car, as no payment is due after that."
    ).format(auction="80%")


def page_side() -> Side:
    """The side the page explores, chosen at the top (mortgage first)."""
    ensure(st.session_state, SIDE_KEY, "m")
    options = tuple((value, _(label)) for value, label in SIDE_OPTIONS)
    return side_of(choice_input(SIDE_KEY, pgettext("explore", "Loan"), options))

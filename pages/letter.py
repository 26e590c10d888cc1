"""Check a letter: a car lender's UCC 9-616(c) explanation or a mortgage servicer's letter."""

from datetime import date

import pandas as pd
import streamlit as st

from deficiency import Flag, Severity, format_usd, states
from ui.counselor.letter_form import (
    COST_EXAMPLES,
    CREDIT_EXAMPLES,
    DATE_FIELDS,
    EXAMPLE,
    EXAMPLE_EXPENSES,
    EXPENSE_EXAMPLES,
    FACT_AMOUNTS,
    FEE_EXAMPLES,
    LETTER_KINDS,
    LINE_FIELDS,
    MORTGAGE_CREDIT_EXAMPLES,
    MORTGAGE_EXAMPLE,
    MORTGAGE_EXAMPLE_COSTS,
    MORTGAGE_FIELDS,
    NOTICES,
    FactsForm,
    LetterForm,
    MortgageForm,
    arithmetic_rows,
    check_form,
    check_mortgage_form,
    differing_lines,
    mortgage_rows,
)
from ui.kit.cache import side_case
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.figures import waterfall_alt, waterfall_figure
from ui.kit.i18n import _, pgettext
from ui.kit.inputs import COLUMN_GAP, DATE_FORMAT
from ui.kit.sides import MORTGAGE
from ui.kit.sources import source_note
from ui.kit.text import plain

require_entrypoint()

st.title(_("Check a lender's deficiency letter"))
st.caption(
    _(
        "Type the lines as your letter shows them. The check adds them up to the cent and "
        "lists questions worth asking. A flag is a question, not a finding that the lender "
        "broke the law."
    )
)
# Radio buttons: two long choices stack cleanly on a phone, where a segmented control
# wraps its buttons and breaks their shared border.
kind = st.radio(
    _("Which letter do you have?"),
    options=[value for value, _label in LETTER_KINDS],
    format_func={value: _(label) for value, label in LETTER_KINDS}.__getitem__,
    key="lt_kind",
    persist_state="session",
)

labels = {name: _(label) for name, label in (*LINE_FIELDS, *MORTGAGE_FIELDS)}


slots = {}


def amount_box(key: str, label: str, default: str = "", help: str | None = None) -> str:
    """A text box for an amount as printed ("$1,234.56"), with a slot beneath for its message."""
    text = st.text_input(
        label,
        value=default,
        key=f"lt_{key}",
        placeholder="$0.00",
        help=help,
        persist_state="session",
    )
    slots[key] = st.empty()
    return text


def items_table(key: str, rows: tuple[tuple[str, float], ...], examples: tuple[str, ...]) -> list:
    """An editable (type, amount) table; returns its rows as tuples."""
    edited = st.data_editor(
        pd.DataFrame(
            [(_(name), amount) for name, amount in rows], columns=["Type", "Amount"]
        ).astype({"Type": "object", "Amount": "float64"}),
        key=f"lt_{key}_table",
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "Type": st.column_config.TextColumn(
                pgettext("letter item", "Type"),
                help=_("As the letter names it, e.g. {examples}").format(
                    examples=", ".join(_(example) for example in examples)
                ),
                width="medium",
            ),
            "Amount": st.column_config.NumberColumn(_("Amount"), format="dollar", step=0.01),
        },
        alt=_("{table} by type").format(table=labels[key]),
    )
    slots[key] = st.empty()
    return list(edited.itertuples(index=False, name=None))


def show_flags(questions: tuple[Flag, ...], notes: tuple[Flag, ...]) -> None:
    """The questions to ask the lender, then the notes, each with where its rule was read."""
    st.header(_("Questions to ask the lender ({count})").format(count=len(questions)))
    if not questions:
        st.caption(_("Nothing in these figures calls for a question."))
    ask = _("Ask:")
    for group, flags in (("question", questions), ("info", notes)):
        if group == "info" and flags:
            st.header(_("Notes ({count})").format(count=len(flags)))
        for flag in flags:
            icon = ":material/help:" if flag.severity is Severity.QUESTION else ":material/info:"
            # A flag quotes the letter's own item names: shown as typed, never as
            # Markdown (an expense type ![x](http://host/a.png) would fetch from that host).
            with st.container(border=True):
                st.markdown(f"{icon} **{plain(flag.title)}**")
                st.markdown(plain(flag.why))
                st.markdown(f"**{ask}** {plain(flag.ask)}")
                if flag.sources:
                    st.markdown(source_note(flag.sources))


def mortgage_letter() -> None:
    """A servicer's payoff or deficiency letter: its lines, their sum and the questions."""
    case, _error = side_case(st.session_state, MORTGAGE, date.today())
    law = case.law if case is not None else None
    form_column, result_column = st.columns([1, 1], gap=COLUMN_GAP)
    with form_column:
        st.header(_("The letter's lines"))
        typed = {
            name: amount_box(name, labels[name], MORTGAGE_EXAMPLE[name])
            for name in ("unpaid_principal", "interest", "escrow_advances")
        }
        st.markdown(f"**{labels['mortgage_fees']}**")
        fees = items_table("mortgage_fees", (), FEE_EXAMPLES)
        typed["sale_price"] = amount_box(
            "sale_price", labels["sale_price"], MORTGAGE_EXAMPLE["sale_price"]
        )
        st.markdown(f"**{labels['mortgage_costs']}**")
        costs = items_table("mortgage_costs", MORTGAGE_EXAMPLE_COSTS, COST_EXAMPLES)
        st.markdown(f"**{labels['mortgage_credits']}**")
        credits = items_table("mortgage_credits", (), MORTGAGE_CREDIT_EXAMPLES)
        typed["deficiency_claimed"] = amount_box(
            "deficiency_claimed",
            labels["deficiency_claimed"],
            MORTGAGE_EXAMPLE["deficiency_claimed"],
        )
        if law is not None:
            st.caption(
                _(
                    "State law comes from the Mortgage exit page: {state}, with the answers "
                    "given there about the home."
                ).format(state=law.state_name)
            )
        else:
            st.caption(
                _(
                    "State law comes from the Mortgage exit page: no state chosen, with the "
                    "answers given there about the home."
                )
            )
    check = check_mortgage_form(
        MortgageForm(
            typed["unpaid_principal"],
            typed["interest"],
            typed["escrow_advances"],
            tuple(fees),
            typed["sale_price"],
            tuple(costs),
            tuple(credits),
            typed["deficiency_claimed"],
        ),
        law,
    )
    for slot, messages in check.problems.items():
        slots[slot].error(
            "  \n".join(plain(message) for message in messages), icon=":material/error:"
        )
    with result_column:
        if check.letter is None:
            st.warning(
                _(
                    "Some figures cannot be read yet; each is marked beside its field. "
                    "The check runs as soon as they are fixed."
                ),
                icon=":material/edit_note:",
            )
            return
        st.header(_("The arithmetic, to the cent"))
        st.table(
            mortgage_rows(check.letter),
            alt=_("The letter's lines added up, and the deficiency it claims"),
        )
        show_flags(check.questions, check.notes)


if kind == "mortgage":
    mortgage_letter()
    st.stop()

form_column, result_column = st.columns([1, 1], gap=COLUMN_GAP)
with form_column:
    st.header(_("The letter's six lines"))
    balance_owed = amount_box(
        "balance_owed", labels["balance_owed"], EXAMPLE["balance_owed"],
        _("What you owed, as of a date no more than 35 days before the repossession."),
    )  # fmt: skip
    sale_proceeds = amount_box("sale_proceeds", labels["sale_proceeds"], EXAMPLE["sale_proceeds"])
    after_proceeds = amount_box(
        "balance_after_proceeds", labels["balance_after_proceeds"],
        EXAMPLE["balance_after_proceeds"],
        _("Line 1 minus line 2; negative if the sale covered the whole debt."),
    )  # fmt: skip
    st.markdown(f"**{labels['expenses']}**")
    expense_rows = items_table("expenses", EXAMPLE_EXPENSES, EXPENSE_EXAMPLES)
    st.markdown(f"**{labels['credits']}**")
    credit_rows = items_table("credits", (), CREDIT_EXAMPLES)
    st.caption(_("Add a row per item. A type listed twice stays two lines and is checked as such."))
    line_6_words = {"deficiency": _("Deficiency"), "surplus": _("Surplus")}
    line_6_kind = st.segmented_control(
        _("Line 6 shows"),
        options=["deficiency", "surplus"],
        format_func=line_6_words.__getitem__,
        default="deficiency",
        key="lt_line_6_kind",
        wrap=True,
        persist_state="session",
    )
    line_6 = amount_box("line_6", labels["line_6"], EXAMPLE["line_6"])

    with st.container(border=True):
        st.markdown(_("**What you know besides the letter** (optional; leave blank if unsure)"))
        amounts = {
            name: amount_box(name, _(label))
            for name, label in FACT_AMOUNTS
            if name == "believed_value"
        }
        typed_dates = {}
        for (name, label), column in zip(DATE_FIELDS, st.columns(2), strict=True):
            with column:
                typed_dates[name] = st.text_input(
                    _(label),
                    key=f"lt_{name}",
                    placeholder=DATE_FORMAT,
                    max_chars=20,
                    help=_("As the letter prints it, {format} (from 1970 to 2099).").format(
                        format=DATE_FORMAT
                    ),
                    persist_state="session",
                )
                slots[name] = st.empty()
        state_names = {info.code: info.name for info in states()}
        state = st.selectbox(
            _("State"),
            options=list(state_names),
            format_func=state_names.__getitem__,
            index=None,
            placeholder=_("Choose the state whose law applies"),
            key="lt_state",
            persist_state="session",
        )
        notice = st.segmented_control(
            _("Notice of sale before the car was sold"),
            options=[value for value, _label in NOTICES],
            format_func={value: _(label) for value, label in NOTICES}.__getitem__,
            default="unknown",
            key="lt_notice",
            wrap=True,
            persist_state="session",
        )
        st.caption(
            _(
                "To estimate the least a court may award [minimum statutory damages], give the "
                "finance charge and the amount financed from your contract. Or give the "
                "time-price differential and the cash price."
            )
        )
        contract = st.columns(2)
        for index, (name, label) in enumerate(FACT_AMOUNTS[1:]):
            with contract[index % 2]:
                amounts[name] = amount_box(name, _(label))

check = check_form(
    LetterForm(
        balance_owed,
        sale_proceeds,
        after_proceeds,
        tuple(expense_rows),
        tuple(credit_rows),
        line_6,
        line_6_is_surplus=line_6_kind == "surplus",
    ),
    FactsForm(
        repossession_date=typed_dates["repossession_date"],
        sale_date=typed_dates["sale_date"],
        state=state,
        notice=notice or "unknown",
        **amounts,
    ),
)
for slot, messages in check.problems.items():
    slots[slot].error("  \n".join(plain(message) for message in messages), icon=":material/error:")

with result_column:
    if check.problems:
        st.warning(
            _(
                "Some figures cannot be read yet; each is marked beside its field. "
                "The check runs as soon as they are fixed."
            ),
            icon=":material/edit_note:",
        )
    if check.statement is not None:
        st.header(_("The arithmetic, to the cent"))
        rows = arithmetic_rows(check)
        differs = differing_lines(check)
        if differs:
            st.error(
                _("The letter's figures do not add up on {lines}.").format(
                    # Translators: joins the names of the lines that do not add up.
                    lines=_(" and ").join(differs)
                ),
                icon=":material/calculate:",
            )
        else:
            st.success(_("Each line follows from the ones before it."), icon=":material/check:")
        st.table(
            rows, alt=_("The six lines as the letter states them and as its own figures add up")
        )
        show_chart(
            waterfall_figure(check.statement, _("The letter's own figures, added up")),
            key="lt_waterfall",
            alt=waterfall_alt(check.statement, _("the car")),
        )

        if check.notice_flagged:
            # The card has its own border; the prompt that stands in for it gets one here.
            with st.container(border=check.damages is None):
                if check.damages is None:
                    st.markdown(
                        _(
                            "**Minimum statutory damages (UCC 9-625(c)(2))**: enter the finance "
                            "charge and amount financed, or the time-price differential and cash "
                            "price, to see this educational estimate."
                        )
                    )
                else:
                    show_cards(
                        [
                            Card(
                                # The citation in the note: in the label it broke at
                                # its hyphen on a card's width.
                                _("Minimum statutory damages"),
                                format_usd(check.damages),
                                _("An estimate under UCC 9-625(c)(2), not an award."),
                            )
                        ],
                        _("Check a letter: statutory damages"),
                    )
                st.caption(
                    _(
                        "For consumer goods, the finance charge plus 10% of the principal, or the "
                        "time-price differential plus 10% of the cash price. An educational "
                        "estimate for an attorney to check: whether it can be claimed depends on "
                        "the facts and state law."
                    )
                )

        show_flags(check.questions, check.notes)

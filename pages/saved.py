"""Saved scenarios: name the current scenarios, keep several, and compare them side by side."""

from datetime import date

import streamlit as st

from deficiency import CaseOutcome, InvalidInputError, InvalidScenarioError, format_usd
from ui.kit.cache import saved_case
from ui.kit.chart_view import show_chart
from ui.kit.entry import require_entrypoint
from ui.kit.figures import outcome_alt, outcome_figure
from ui.kit.i18n import _
from ui.kit.scenario_io import (
    MAX_SAVED,
    Saved,
    delete_snapshot,
    load_snapshot,
    save_snapshot,
    saved_list,
)
from ui.kit.sides import MORTGAGE, SIDES
from ui.kit.text import literal_dollars, plain
from ui.scenario import sections as scenario

require_entrypoint()

st.title(_("Saved scenarios"))
st.caption(
    _(
        "Keep up to {count} named scenarios for this visit and compare them. They live only in "
        "this browser session; download a scenario file from its page to keep it."
    ).format(count=MAX_SAVED)
)


def _computes(item: Saved) -> None:
    """A scenario is saved only if its case can be worked out (else its row could not show)."""
    saved_case(item, date.today())


def _save(side_index: int) -> None:
    side = SIDES[side_index]
    name = str(st.session_state.get(f"{side.prefix}_save_name", ""))
    try:
        saved = save_snapshot(
            st.session_state, side, name or scenario.scenario_name(side), check=_computes
        )
    except InvalidScenarioError as error:
        reasons = (p.problem if p.field == "name" else str(p) for p in error.problems)
        st.session_state["save_error"] = _("Not saved: {reasons}.").format(
            reasons="; ".join(reasons)
        )
        return
    st.session_state.pop("save_error", None)
    st.session_state[f"{side.prefix}_save_name"] = ""
    st.toast(_("Saved “{name}”.").format(name=plain(saved.name)), icon=":material/bookmark_added:")


for index, (side, column) in enumerate(zip(SIDES, st.columns(2), strict=True)):
    with column, st.container(border=True):
        current = _("Current mortgage") if side is MORTGAGE else _("Current car loan")
        st.markdown(f"**{current}**: {scenario.scenario_name(side)}")
        st.text_input(
            _("Name"),
            key=f"{side.prefix}_save_name",
            max_chars=60,
            placeholder=scenario.scenario_name(side),
            persist_state="session",  # a name typed, not yet saved, survives a visit elsewhere
        )
        st.button(
            _("Save the current mortgage scenario")
            if side is MORTGAGE
            else _("Save the current car loan scenario"),
            key=f"{side.prefix}_save",
            on_click=_save,
            args=(index,),
            icon=":material/bookmark_add:",
        )
if st.session_state.get("save_error"):
    st.error(plain(st.session_state["save_error"]), icon=":material/error:")

saved = saved_list(st.session_state)
if not saved:
    st.info(_("Nothing saved yet: name a scenario above and save it."), icon=":material/info:")
else:
    # Each saved case on its own: one that cannot be worked out (saved before a rule
    # changed, say) shows its reason beside its Delete button, and the others still show.
    cases: list[CaseOutcome | None] = []
    errors: list[str] = []
    for item in saved:
        try:
            cases.append(saved_case(item, date.today()))
            errors.append("")
        except InvalidInputError as error:
            cases.append(None)
            errors.append(str(error))
    rows = [(item.name, case.outcome) for item, case in zip(saved, cases, strict=True) if case]
    if rows:
        show_chart(
            outcome_figure(
                rows, _("Saved scenarios: what the sale covers, who pays, what is cancelled")
            ),
            key="saved_outcomes",
            alt=outcome_alt(rows),
        )
        st.caption(scenario.comparison_takeaway([(plain(name), outcome) for name, outcome in rows]))

    for item, case, problem in zip(saved, cases, errors, strict=True):
        name = item.name
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            if case is None:
                cannot = _(
                    "its figures cannot be worked out, so it cannot be shown or loaded. "
                    "Delete it and save it again."
                )
                st.markdown(f"**{plain(name)}**: {cannot}  \n:small[{plain(problem)}.]")
            else:
                outcome, headline = case.outcome, case.headline
                amounts = {
                    "reason": headline.reason,
                    "owes": format_usd(outcome.borrower_owes),
                    "cancelled": format_usd(outcome.cancelled),
                }
                if outcome.surplus:
                    details = _(
                        "{reason} The arithmetic: surplus {surplus}; borrower owes {owes}; "
                        "cancelled {cancelled}."
                    ).format(surplus=format_usd(outcome.surplus), **amounts)
                else:
                    details = _(
                        "{reason} The arithmetic: deficiency {deficiency}; borrower owes {owes}; "
                        "cancelled {cancelled}."
                    ).format(deficiency=format_usd(outcome.deficiency), **amounts)
                rule = f" ({headline.rule})" if headline.rule else ""
                st.markdown(
                    f"**{plain(name)}**: {literal_dollars(headline.title + rule)}  \n"
                    f":small[{literal_dollars(details)}]"
                )
                st.button(
                    _("Load"),
                    key=f"load_{name}",
                    on_click=load_snapshot,
                    args=(st.session_state, item),
                    icon=":material/upload:",
                )
            st.button(
                _("Delete"),
                key=f"delete_{name}",
                on_click=delete_snapshot,
                args=(st.session_state, name),
                icon=":material/delete:",
            )

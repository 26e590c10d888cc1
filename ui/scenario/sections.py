"""Page sections the pages share: a side's inputs, its numbers, its statement and chart."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from datetime import date

import streamlit as st

from deficiency import (
    AMOUNT_FACTS,
    ENGLISH,
    LANGUAGES,
    N_,
    ZERO,
    AnswerKind,
    CaseOutcome,
    InvalidInputError,
    InvalidScenarioError,
    LoanKind,
    Outcome,
    Resolution,
    ScenarioDocument,
    StateLawResult,
    StateRule,
    cure_rules,
    fact_question,
    format_usd,
    formula,
    formulas,
    how_it_builds,
    language,
    preset,
    statement_csv,
    takeaway,
    tax_note,
    to_json,
)
from ui.kit import regions
from ui.kit.cache import SideResult, asked_facts, side_case, side_outcome
from ui.kit.cards import Card, show_cards
from ui.kit.chart_view import show_chart
from ui.kit.figures import outcome_alt, outcome_figure, waterfall_alt, waterfall_figure
from ui.kit.i18n import LANGUAGE_KEY, _
from ui.kit.inputs import (
    amount_input,
    choice_input,
    optional_amount_input,
    preset_picker,
    radio_input,
    state_picker,
)
from ui.kit.internals import SafeSessionState, session_state_object
from ui.kit.scenario_io import load_upload, side_document
from ui.kit.sides import RESOLUTIONS, InputSpec, Side
from ui.kit.sources import source_markdown, source_note
from ui.kit.state import ERROR, STATE_KEY, State, fact_key, loaded_caption
from ui.kit.tables import statement_markdown
from ui.kit.text import literal_dollars, plain
from ui.scenario.answer import block_key, region_key, show_answers

_LOG = logging.getLogger(__name__)

#: Shown translated (``_(NOT_ADVICE)``) under every page.
NOT_ADVICE = N_(
    "This tool informs; it is not legal or tax advice. State law, your contract and the "
    "lender's program can change the outcome: ask a lawyer, a HUD-approved housing "
    "counselor or a tax professional before you act."
)


def assumption_notes(side: Side) -> dict[str, str]:
    """The loaded preset's note for each input it assumes, by field name."""
    return dict(preset(str(st.session_state[side.preset_key])).assumptions)


def inputs(side: Side, specs: Sequence[InputSpec], also: Sequence[str] = ()) -> None:
    """Slider-and-exact pairs for the given inputs, each with its assumption note as help.

    A change redraws the pair and the side's results region, plus the regions in
    ``also`` (see :mod:`ui.kit.regions`), not the whole page.
    """
    notes = assumption_notes(side)
    redraws = (regions.results_key(side), *also)
    for spec in specs:
        amount_input(spec, help=notes.get(spec.info.name), redraws=redraws)


def scenario_header(side: Side) -> None:
    """The preset picker and the preset's one-line summary, "As loaded" or "Changed from":
    a region of its own (pass :func:`loaded_key` in the inputs' ``also``)."""
    preset_picker(side)
    regions.region(loaded_key(side), _loaded_caption, side)


def loaded_key(side: Side) -> str:
    """The region of the line that says whether the figures are still the preset's."""
    return side.key("loaded")


def _loaded_caption(side: Side) -> None:
    st.caption(loaded_caption(st.session_state, side))


def exit_choice(side: Side, label: str) -> str:
    return choice_input(side.exit_key, label, side.exits)


def resolution_inputs(side: Side, also: Sequence[str] = ()) -> None:
    """Who bears the deficiency, and the figures that path needs."""
    # Radio buttons: the three long labels break a segmented control's borders at 390 px.
    chosen = radio_input(side.resolution_key, _("Who bears the deficiency"), RESOLUTIONS)
    inputs(side, side.resolution_specs_for(chosen), also)
    if chosen == Resolution.SETTLED.value:
        st.caption(
            _("The settlement share is your assumption: no reliable typical figure is published.")
        )


def assumptions_list(side: Side) -> None:
    """The loaded preset's assumptions, each with its source, for a reader who wants them all."""
    loaded = preset(str(st.session_state[side.preset_key]))
    if not loaded.assumptions:
        return
    labels = {spec.info.name: spec.label for spec in side.specs}
    with st.expander(_("Assumptions behind these figures"), icon=":material/info:"):
        source_word = _("Source")
        for name, note in loaded.assumptions.items():
            sources = "; ".join(source_markdown(item) for item in loaded.sources.get(name, ()))
            shown = f"- **{labels.get(name, name)}**: {literal_dollars(note)}"
            st.markdown(shown + (f"  \n  {source_word}: {sources}" if sources else ""))


def answer_key(*sides: Side) -> str:
    """The key of the region that draws these sides' answers, e.g. ``m_answer``."""
    return region_key([side.prefix for side in sides])


def answer_first(sides: Sequence[Side], level: int = 2) -> None:
    """The sides' answers, above the inputs that change them and kept in view while they move.

    A region of its own (pass its key in the inputs' ``also``), inside a keyed container
    whose class the block's style makes sticky.
    """
    with st.container(key=block_key([side.prefix for side in sides])):
        regions.region(answer_key(*sides), _answers, tuple(sides), level)


def _answers(sides: Sequence[Side], level: int) -> None:
    answers = []
    for side in sides:
        result, _error = side_case(st.session_state, side, date.today())
        if result is not None:  # an error is shown once, in the side's results
            answers.append((side.prefix, side.title, result.headline))
    show_answers(answers, level)


def compute(side: Side) -> SideResult:
    """The side's outcome (the last good one when an input is invalid) and any error."""
    result = side_outcome(st.session_state, side)
    _warn(result.error)
    return result


def compute_case(side: Side) -> CaseOutcome | None:
    """The side's case outcome (the last good one when an input is invalid), warning of an error."""
    result, error = side_case(st.session_state, side, date.today())
    _warn(error)
    return result


def _warn(error: InvalidInputError | None) -> None:
    if error is not None:
        st.warning(
            _("{problem}. Showing the last figures that could be computed.").format(problem=error),
            icon=":material/warning:",
        )


#: The figure cards' labels a reader may confuse, in plain words, the legal term in brackets.
#: English, marked: the cards show them translated.
GROSS = N_("Gross shortfall [deficiency]")
COLLECT = N_("Lender may collect")
COLLECT_AT_MOST = N_("Lender may collect, at most")
OWE = N_("You still owe")
OWE_AT_MOST = N_("At most you would owe")
LENDER_GETS = N_("Lender gets back in all")


def metrics(side: Side, result: CaseOutcome) -> None:
    """The shortfall (before and, with a state, after its law), who pays and who absorbs what.

    Labels agree with the headline: while unanswered questions could lower the figure,
    the cards say "at most". One element for the whole block (:mod:`ui.kit.cards`).
    """
    # Translators: a screen reader's name for a side's figure cards, e.g. "Car loan: the figures".
    show_cards(figure_cards(result), _("{side}: the figures").format(side=side.title))


def figure_cards(result: CaseOutcome) -> list[Card]:
    """The cards :func:`metrics` shows, in order."""
    outcome, law = result.outcome, result.law
    open_answer = result.headline.kind is AnswerKind.DEPENDS
    # Labels short enough to show whole on a card; the note says more.
    cards: list[Card]
    if outcome.surplus > ZERO:
        cards = [Card(_("Surplus (yours)"), format_usd(outcome.surplus))]
    elif law is not None:
        collect_note = (
            _(
                "What {state} law lets the lender collect of the shortfall, until the "
                "questions above are answered."
            )
            if open_answer
            else _("What {state} law lets the lender collect of the shortfall.")
        )
        cards = [
            Card(
                _(GROSS),
                format_usd(outcome.deficiency),
                _("What the sale left unpaid, before any state law."),
            ),
            Card(
                _(COLLECT_AT_MOST if open_answer else COLLECT),
                format_usd(outcome.collectible),
                collect_note.format(state=law.state_name),
            ),
        ]
    else:
        cards = [
            Card(
                # Translators: first use on a card: the English term follows in brackets.
                _("Deficiency"),
                format_usd(outcome.deficiency),
                _("What the sale left unpaid."),
            )
        ]
    cards += [
        Card(_(OWE_AT_MOST if open_answer else OWE), format_usd(outcome.borrower_owes)),
        Card(
            _(LENDER_GETS),
            format_usd(outcome.lender_recovers),
            _("The sale after its costs, plus what you pay."),
        ),
        Card(_("Cancelled (lender absorbs)"), format_usd(outcome.cancelled)),
    ]
    if outcome.barred > ZERO:
        cards.append(Card(_("Barred by state law"), format_usd(outcome.barred)))
    return cards


def takeaway_line(side: Side, result: CaseOutcome) -> None:
    """The outcome in one bold sentence and, where forgiven debt may be taxable income, the
    tax note under it: one Markdown element (a move redraws fewer), then the Taxes page.

    No sentence while the answer depends on open questions (the answer above says so, and
    a flat "you would still owe" would contradict it).
    """
    text = takeaway_markdown(side, result)
    if text:
        st.markdown(text)
    if tax_note(result.outcome) is not None:
        # A page object, not its path: a region's rerun skips st.navigation, so a path
        # is not found (StreamlitPageNotFoundError).
        st.page_link(
            st.Page("pages/taxes.py"), label=_("Estimate the tax"), icon=":material/receipt_long:"
        )


def takeaway_markdown(side: Side, result: CaseOutcome) -> str:
    """The takeaway in bold and the tax note in small grey text, as one Markdown source."""
    lines = []
    if result.headline.kind is not AnswerKind.DEPENDS:
        lines.append(f"**{takeaway(result.outcome, side.collateral)}**")
    note = tax_note(result.outcome)
    if note is not None:
        lines.append(f":gray[:small[{literal_dollars(note)}]]")
    return "\n\n".join(lines)


def waterfall(side: Side, outcome: Outcome, title: str) -> None:
    """The statement's waterfall with its alt text and a one-line reading beside it."""
    statement = outcome.statement
    show_chart(
        waterfall_figure(statement, title),
        key=f"{side.prefix}_waterfall",
        alt=waterfall_alt(statement, side.collateral),
    )
    st.caption(how_it_builds(statement))


def statement_table(side: Side, outcome: Outcome) -> None:
    """The itemised statement in the six-line order of UCC 9-616(c) under its heading, and
    its formula in small grey text: one Markdown element (a move redraws fewer)."""
    # A Markdown table, not st.table: it renders as a plain accessible <table>, and a
    # fragment can redraw it in place (st.table inside a redrawn slot breaks the page).
    st.markdown(
        "**"
        + _("Itemized statement")
        + "**\n\n"
        + statement_markdown(outcome.statement)
        + f"\n\n:gray[:small[{formula(outcome.statement)}]]"
    )


def footer() -> None:
    st.divider()
    st.caption(_(NOT_ADVICE))


def scenario_name(side: Side, state: State | None = None) -> str:
    """The side and its chosen exit, e.g. "Mortgage: short sale"."""
    state = st.session_state if state is None else state
    exit_label = dict(side.exits)[str(state[side.exit_key])]
    # Translators: a scenario's name: the side and its exit, e.g. "Car loan: repossession".
    return _("{side}: {exit}").format(side=side.title, exit=exit_label.lower())


def comparison_takeaway(
    rows: Sequence[tuple[str, Outcome]], undecided: Collection[str] = ()
) -> str:
    """One sentence naming who carries each shortfall, e.g. "Mortgage: short sale (the
    lender absorbs $50,000); ..." (the name already holds a colon). A name in
    ``undecided`` has state questions still open: what it owes is an upper bound."""
    parts = []
    for name, outcome in rows:
        if name in undecided and outcome.borrower_owes > ZERO:
            owes = format_usd(outcome.borrower_owes, cents=False)
            part = _(
                "{name} (the borrower owes up to {amount}, depending on the state questions)"
            ).format(name=name, amount=owes)
        elif outcome.surplus > ZERO:
            part = _("{name} (a {amount} surplus)").format(
                name=name, amount=format_usd(outcome.surplus, cents=False)
            )
        elif outcome.cancelled > ZERO and outcome.borrower_owes == ZERO:
            part = _("{name} (the lender absorbs {amount})").format(
                name=name, amount=format_usd(outcome.cancelled, cents=False)
            )
        elif outcome.borrower_owes > ZERO:
            part = _("{name} (the borrower owes {amount})").format(
                name=name, amount=format_usd(outcome.borrower_owes, cents=False)
            )
        else:
            part = _("{name} (nothing is left owing)").format(name=name)
        parts.append(part)
    return "; ".join(parts) + "."


#: The answers to a state-law question (English, marked: shown translated).
YES_NO = (("yes", N_("Yes")), ("no", N_("No")), ("unknown", N_("Not sure")))
FORECLOSURE_TYPES = (
    ("judicial", N_("Judicial (court)")),
    ("nonjudicial", N_("Non-judicial")),
    ("unknown", N_("Not sure")),
)


def borrower_state() -> str:
    """The state picker every scenario page shares."""
    return state_picker(STATE_KEY)


def state_facts(side: Side) -> None:
    """Ask only the facts the chosen state's rules depend on; unknown answers never bar."""
    state_code = str(st.session_state.get(STATE_KEY, ""))
    asked = asked_facts(state_code, side.kind, str(st.session_state[side.exit_key]))
    if not asked:
        return
    st.markdown("**" + _("What your state's rules ask about") + "**")
    for fact in asked:
        key = fact_key(side, fact)
        question = fact_question(fact)
        if fact in AMOUNT_FACTS:
            optional_amount_input(key, question)
            continue
        if key not in st.session_state:
            st.session_state[key] = "unknown"
        options = FORECLOSURE_TYPES if fact == "foreclosure_type" else YES_NO
        choice_input(key, question, [(value, _(label)) for value, label in options])


def _conflict(rule: StateRule) -> str:
    return " " + _("Sources disagree on this rule's reach.") if rule.sources_conflict else ""


def law_section(outcome: Outcome, law: StateLawResult | None) -> None:
    """Each state rule that changed the deficiency, with its citation, source and date read."""
    if law is None:
        st.caption(
            _("Choose your state above to see whether its law bars or limits this deficiency.")
        )
        return
    if outcome.surplus > ZERO:
        return
    source_word = _("Source")
    for finding in law.applied:
        rule = finding.rule
        st.success(
            f"**{literal_dollars(rule.citation)}**: {literal_dollars(finding.reason)}  \n"
            f"{source_word}: {source_markdown(rule.source)}",
            icon=":material/gavel:",
        )
    if not law.applied and not law.may_apply:
        st.info(literal_dollars(law.explanation), icon=":material/info:")
    if law.may_apply and outcome.collectible > ZERO:
        # Said beside the figure, not only in the closed list below: a "Not sure" answer
        # leaves the collectible figure at its highest.
        citations = ", ".join(dict.fromkeys(item.rule.citation for item in law.may_apply))
        st.warning(
            _(
                "This could be less, or nothing: {citations} may bar or cut it. "
                "Answer the questions about your loan above to see."
            ).format(citations=literal_dollars(citations)),
            icon=":material/help:",
        )
    if law.loan_kind is LoanKind.AUTO:
        before = _("Before a repossession")
        for rule in cure_rules(law.state):
            st.markdown(
                f":small[**{before}**: {literal_dollars(rule.summary_text)}]  \n"
                + source_note([rule.source], source_word)
            )
    pending = [finding for finding in law.findings if finding not in law.applied]
    if pending:
        with st.expander(
            _("Other {state} rules checked ({count})").format(
                state=law.state_name, count=len(pending)
            )
        ):
            for finding in pending:
                rule = finding.rule
                st.markdown(
                    f"- **{literal_dollars(rule.citation)}**: {literal_dollars(finding.reason)}"
                    f"{_conflict(rule)}  \n  {source_word}: {source_markdown(rule.source)}"
                )


def export_section(side: Side) -> None:
    """Download the scenario (JSON that loads back, CSV of the statement) or load a JSON file."""
    json_column, csv_column = st.columns(2)
    session = session_state_object()
    json_column.download_button(
        _("Download scenario (JSON)"),
        data=lambda: _export(session, side, to_json),
        file_name=f"{side.prefix}-scenario.json",
        mime="application/json",
        icon=":material/download:",
        key=f"{side.prefix}_download_json",
        on_click="ignore",
        help=_("Keeps every input; load it here later to restore the scenario exactly."),
    )
    csv_column.download_button(
        _("Download statement (CSV)"),
        data=lambda: _export(session, side, statement_csv),
        file_name=f"{side.prefix}-statement.csv",
        mime="text/csv",
        icon=":material/table:",
        key=f"{side.prefix}_download_csv",
        on_click="ignore",
    )
    st.file_uploader(
        _("Load a scenario file (JSON)"),
        type=["json"],
        key=f"{side.prefix}_upload",
        on_change=_load_upload,
        args=(side,),
        help=_("A file downloaded from this page. Every value is checked before it is used."),
    )
    problem = st.session_state.get(f"{side.prefix}_upload" + ERROR)
    if problem:
        st.error(plain(problem), icon=":material/error:")  # names what the file held


def _export(
    session: SafeSessionState | None, side: Side, render: Callable[[ScenarioDocument], str]
) -> str:
    """The scenario as it stands when the button is clicked (inputs may have moved since).

    Never fails silently: Streamlit drops a download whose data callable raises, so a
    scenario that cannot be exported downloads as a file saying why.
    """
    if session is None:
        return _("This scenario could not be exported: the page has no session.")
    state = session.filtered_state
    reader = str(state.get(LANGUAGE_KEY, ENGLISH))
    # The file server's thread has no session to read the language from: the file is
    # written in the session's.
    with language(reader if reader in LANGUAGES else ENGLISH):
        try:
            return render(side_document(state, side, name=scenario_name(side, state)))
        except (InvalidInputError, InvalidScenarioError) as error:
            return _("This scenario could not be exported: {problem}").format(problem=error)
        except Exception:  # a defect: still a file that says so, and the log has the detail
            _LOG.exception("scenario export failed")
            return _("This scenario could not be exported because of an error in the app.")


def _load_upload(side: Side) -> None:
    upload = st.session_state.get(f"{side.prefix}_upload")
    error_key = f"{side.prefix}_upload" + ERROR
    st.session_state.pop(error_key, None)
    if upload is not None:
        problem = load_upload(st.session_state, side, upload.getvalue())
        if problem:
            st.session_state[error_key] = problem


def formula_switch(side: Side) -> None:
    """For classrooms: a switch that shows every figure's formula with the user's numbers."""
    st.toggle(
        _("Show the formulas"),
        key=f"{side.prefix}_show_formulas",
        persist_state="session",
        wrap=True,
    )


def formula_block(side: Side, outcome: Outcome) -> None:
    if st.session_state.get(f"{side.prefix}_show_formulas"):
        st.code("\n".join(formulas(outcome)), language=None, wrap_lines=True)


def side_results(side: Side, chart_title: str, *, detail: bool = False) -> Outcome | None:
    """Everything computed for one side: numbers, state law, sentence, chart (and statement)."""
    result = compute_case(side)
    if result is None:
        return None
    metrics(side, result)
    law_section(result.outcome, result.law)
    takeaway_line(side, result)
    waterfall(side, result.outcome, chart_title)
    if detail:
        statement_table(side, result.outcome)
        formula_block(side, result.outcome)
    return result.outcome


def comparison(sides: Sequence[Side]) -> None:
    """Who ends up with what, across the sides' current scenarios."""
    rows = []
    undecided = set()
    for side in sides:
        result, _error = side_case(st.session_state, side, date.today())
        if result is not None:
            rows.append((scenario_name(side), result.outcome))
            if result.headline.kind is AnswerKind.DEPENDS:
                undecided.add(scenario_name(side))
    show_chart(
        outcome_figure(rows, _("What the sale covers, what the borrower pays, what is cancelled")),
        key="compare_outcomes",
        alt=outcome_alt(rows),
    )
    st.caption(comparison_takeaway(rows, undecided))


def detail_results(side: Side, chart_title: str, also: Sequence[str] = ()) -> None:
    """The results column of a scenario page: who bears it, the state, the numbers, the files.

    ``also`` as for :func:`inputs` (the answer above the page's inputs).
    """
    resolution_inputs(side, also)
    borrower_state()
    state_facts(side)
    formula_switch(side)
    regions.region(regions.results_key(side), side_results, side, chart_title, detail=True)
    with st.expander(_("Save, share or load this scenario"), icon=":material/save:"):
        st.caption(
            _("The page's address already holds every input: copy it to share this scenario.")
        )
        export_section(side)

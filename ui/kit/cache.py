"""Cached calls into the package: one computation per distinct input, bounded."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from deficiency import (
    N_,
    Assessment,
    Case,
    CaseDates,
    CaseOutcome,
    InvalidInputError,
    LoanKind,
    Outcome,
    Resolution,
    StateLawResult,
    TaxFacts,
    assess,
    case_outcome,
    current_language,
    facts_asked,
    to_money,
)
from ui.kit.scenario_io import Saved
from ui.kit.sides import SIDES, Side
from ui.kit.state import LAST_GOOD, STATE_KEY, State, facts, values

Pairs = tuple[tuple[str, str], ...]
Call = TypeVar("Call", bound=Callable[..., Any])


def frozen_result_cache(max_entries: int) -> Callable[[Call], Call]:
    """Cache a pure call with hashable arguments whose result is frozen: shared, never copied.

    ``st.cache_data`` hashes every argument with its own hasher and unpickles a fresh copy
    on every hit, several calls a slider move, which costs most for a payoff schedule of
    hundreds of rows. A frozen result (frozen dataclasses and tuples) cannot be changed by
    the page that reads it, so every run and session can share one object, found by
    Python's own hash.
    Results holding numpy arrays (the odds page's) stay on ``st.cache_data``.
    A result may hold sentences in the reader's language, so the language is part of the key.
    """

    def cache(compute: Call) -> Call:
        @functools.lru_cache(maxsize=max_entries)
        def in_language(language: str, *args: Any, **kwargs: Any) -> Any:
            return compute(*args, **kwargs)

        @functools.wraps(compute)
        def cached(*args: Any, **kwargs: Any) -> Any:
            return in_language(current_language(), *args, **kwargs)

        return cast("Call", cached)

    return cache


@frozen_result_cache(max_entries=1024)
def cached_assessment(
    kind: LoanKind, inputs: Pairs, exit: str, resolution: str, state_code: str, answers: Pairs
) -> Assessment:
    """The package's assessment of one scenario under one state's law, cached by its inputs."""
    return assess(kind, dict(inputs), exit, resolution, state_code or None, dict(answers))


@frozen_result_cache(max_entries=256)
def asked_facts(state_code: str, kind: LoanKind, exit: str) -> tuple[str, ...]:
    """The facts a state's rules ask about for this loan and exit (none without a state)."""
    return facts_asked(state_code, kind, exit) if state_code else ()


@dataclass(frozen=True)
class SideResult:
    """The outcome to show, its state-law finding, and the error that kept a newer one away."""

    outcome: Outcome | None
    law: StateLawResult | None
    error: InvalidInputError | None


def side_outcome(state: State, side: Side) -> SideResult:
    """Compute a side's outcome; on bad input keep the last good outcome and return the error."""
    state_code = str(state.get(STATE_KEY, ""))
    exit = str(state[side.exit_key])
    asked = asked_facts(state_code, side.kind, exit)
    try:
        assessment = cached_assessment(
            side.kind,
            tuple(sorted(values(state, side).items())),
            exit,
            str(state[side.resolution_key]),
            state_code,
            tuple(sorted(facts(state, side, asked).items())),
        )
    except InvalidInputError as error:
        last: Assessment | None = state.get(side.prefix + LAST_GOOD)
        return SideResult(last.outcome if last else None, last.law if last else None, error)
    state[side.prefix + LAST_GOOD] = assessment
    return SideResult(assessment.outcome, assessment.law, None)


@frozen_result_cache(max_entries=1024)
def cached_case_outcome(case: Case) -> CaseOutcome:
    """The whole outcome of one case (a :class:`deficiency.Case` hashes by its contents)."""
    return case_outcome(case)


#: The case's dates and the borrower's tax facts, written by the Credit report and Taxes
#: pages and read here, so every page builds the same case from the same keys.
CASE_DATE_KEYS = ("r_first_missed", "r_months_to_sale", "r_months_to_resolution")
TAX_FACT_KEYS = (
    "x_home_loan",
    "x_title11",
    "x_separate",
    "x_elect_insolvency",
    "x_liabilities",
    "x_assets",
    "x_basis",
    "x_written",
    "x_personal",
)

#: The tax facts' amounts as the Taxes page labels them, for their messages.
TAX_AMOUNT_LABELS = {
    "x_liabilities": "Total liabilities",
    "x_assets": "Fair market value of all assets",
    "x_basis": "What you paid for it, plus improvements",
}


def first_missed_default(today: date) -> date:
    """The first missed payment a case assumes until the user gives one: this month's first."""
    return today.replace(day=1)


def case_dates(state: State, today: date) -> CaseDates:
    """The case's dates from the session; what is left empty is assumed.

    An empty first missed payment stands in as this month's first (and the dates say they
    are assumed); empty months take the data's illustrative gaps.
    """
    first = str(state.get("r_first_missed", "")).strip()
    to_sale, to_resolution = (
        _months(str(state.get(key, "")).strip(), label)
        for key, label in zip(CASE_DATE_KEYS[1:], MONTHS_LABELS, strict=True)
    )
    return CaseDates(
        _day(first, "First missed payment") if first else first_missed_default(today),
        to_sale,
        to_resolution,
        first_missed_assumed=not first,
    )


#: The month gaps as the Credit report page labels them, for their messages.
MONTHS_LABELS = (
    N_("Months from the missed payment to the sale"),
    N_("Months from the sale to the judgment or settlement"),
)


def _day(text: str, label: str) -> date:
    """A date the session holds as ISO text, refused in words a borrower reads."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(label, "is not a date; pick one from the calendar") from None


def _months(text: str, label: str) -> int | None:
    """A whole number of months the session holds as text ("" while assumed)."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInputError(label, "is not a whole number of months") from None


def tax_facts(state: State, side: Side) -> TaxFacts:
    """The borrower's tax facts from the session; a main-home loan can only be a mortgage."""

    def yes(key: str, default: bool = False) -> bool:
        return str(state.get(key, "yes" if default else "no")) == "yes"

    def amount(key: str) -> Decimal | None:
        text = str(state.get(key, "")).strip()
        return to_money(text, TAX_AMOUNT_LABELS[key]) if text else None

    mortgage = side.kind is LoanKind.MORTGAGE
    written = str(state.get("x_written", "")).strip()
    return TaxFacts(
        main_home_loan=mortgage and yes("x_home_loan", default=True),
        title_11_case=yes("x_title11"),
        married_filing_separately=yes("x_separate"),
        liabilities=amount("x_liabilities"),
        assets=amount("x_assets"),
        elect_insolvency=yes("x_elect_insolvency"),
        adjusted_basis=amount("x_basis"),
        personal_use=yes("x_personal", default=True),
        written_arrangement_date=_day(written, "Date of a written agreement") if written else None,
    )


def side_case(
    state: State, side: Side, today: date
) -> tuple[CaseOutcome | None, InvalidInputError | None]:
    """A side's whole case outcome; on bad input the last good one and the package's error.

    With no last good one yet (a link's first run with a refused date or tax fact), the
    case falls back on the dates or the tax facts a new session starts with (keeping the
    session's own where they are good), so every page still lays out and shows the error
    beside the input; only a scenario that cannot be computed at all gives ``None``.
    """
    try:
        result = _side_case(state, side, lambda: (case_dates(state, today), tax_facts(state, side)))
    except InvalidInputError as error:
        last: CaseOutcome | None = state.get(side.key("case") + LAST_GOOD)
        # Keep what is good: the session's dates with a new session's tax facts, then
        # the reverse, then both a new session's.
        fallbacks = (
            lambda: (case_dates(state, today), tax_facts({}, side)),
            lambda: (case_dates({}, today), tax_facts(state, side)),
            lambda: (case_dates({}, today), tax_facts({}, side)),
        )
        for own in fallbacks if last is None else ():
            try:
                return _side_case(state, side, own), error
            except InvalidInputError:
                continue
        return last, error
    state[side.key("case") + LAST_GOOD] = result
    return result, None


def _side_case(
    state: State, side: Side, own: Callable[[], tuple[CaseDates, TaxFacts]]
) -> CaseOutcome:
    """A side's case outcome with the dates and tax facts ``own`` gives; a text that is
    not a date (a ``ValueError``) is refused as the package refuses its inputs."""
    state_code = str(state.get(STATE_KEY, ""))
    exit = str(state[side.exit_key])
    asked = asked_facts(state_code, side.kind, exit)
    try:
        dates, tax = own()
        case = Case(
            side.kind,
            exit,
            values(state, side),
            Resolution(str(state[side.resolution_key])),
            dates,
            state_code,
            facts(state, side, asked),
            tax,
        )
        return cached_case_outcome(case)
    except InvalidInputError:
        raise
    except ValueError as error:
        raise InvalidInputError("Case", str(error)) from error


def saved_case(saved: Saved, today: date) -> CaseOutcome:
    """A saved scenario's whole case outcome, built as :func:`side_case` builds a side's:
    its state's questions with its saved answers, and the dates and tax facts a session
    starts with (a snapshot keeps neither)."""
    document = saved.document
    side = next(side for side in SIDES if side.prefix == saved.side_prefix)
    state_code = document.state or ""
    answers = dict(saved.facts)
    asked = asked_facts(state_code, document.kind, document.exit.value)
    case = Case(
        document.kind,
        document.exit.value,
        dict(document.values),
        document.resolution,
        case_dates({}, today),
        state_code,
        {fact: answers.get(fact, "") for fact in asked},
        tax_facts({}, side),
    )
    return cached_case_outcome(case)

"""Credit reporting after a short sale, foreclosure, deed in lieu or car repossession.

For each exit and what became of the deficiency this module says how the account is
typically reported (Metro 2 status in words and code), how long it stays (FCRA 605(c)),
and how long before a new Fannie Mae or FHA mortgage; :func:`timeline` puts those on a
calendar from the first missed payment. Rules and figures live in
``data/credit_reporting.toml``, each with its structured sources (:class:`Source`); what
was not verified (Freddie Mac and USDA waiting periods, VA after a short sale, the paid code
after a deed in lieu) is said so, never shown as fact or used in a date. Dates are inputs:
nothing here reads today's date.

References
----------
FCRA 605, 15 U.S.C. 1681c; CDIA Credit Reporting Resource Guide (Metro 2), via vendor
documentation; Fannie Mae Selling Guide B3-5.3-07; HUD Handbook 4000.1 II.A.5.a.iii(I);
VA Lenders Handbook ch. 4.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from deficiency.i18n import N_, _, current_language, ngettext, pick
from deficiency.money import Amount, to_count, to_money
from deficiency.parsing import a_date, instances
from deficiency.paths import DeficiencyPath, Exit, is_mortgage, parse_exit, parse_path
from deficiency.periods import add_months
from deficiency.sources import Confidence, Source, data_table, sources_of
from deficiency.tax import (
    FormStatus,
    expected_forms,
    form_1099_due,
    form_1099c_sources,
    form_1099c_threshold,
)

#: Longest gap accepted between timeline events, in months (20 years).
MAX_GAP_MONTHS = 240


def rules() -> dict[str, Any]:
    """The parsed ``data/credit_reporting.toml`` (loaded once; do not change it)."""
    return data_table("credit_reporting.toml")


def disclaimer() -> str:
    """The caveat shown with every credit-reporting answer."""
    raw = rules()["disclaimer"]
    return pick(str(raw["text"]), str(raw.get("text_es", "")))


def _text(raw: dict[str, Any], key: str) -> str:
    """A data row's field in the reader's language: ``key``, or its ``<key>_es`` twin."""
    return pick(str(raw.get(key, "")), str(raw.get(f"{key}_es", "")))


# --- Date arithmetic ----------------------------------------------------------------


def removal_date(first_missed_payment: date) -> date:
    """The date a negative account must leave credit reports under FCRA 605(c).

    Notes
    -----
    ``removal = first_missed_payment + 180 days + 7 years`` (the 7 years by calendar,
    29 February moving to 28 February). The clock starts at the delinquency that
    immediately preceded the charge-off, collection or similar action, and paying,
    settling or selling the debt does not restart it.

    References
    ----------
    FCRA 605(a)(4)-(5), (c)(1), 15 U.S.C. 1681c; FTC staff opinion (Johnson, 1998):
    :func:`seven_year_sources`.

    Examples
    --------
    >>> removal_date(date(2024, 1, 15))
    datetime.date(2031, 7, 13)
    """
    rule = rules()["seven_year_rule"]
    clock_start = a_date(first_missed_payment, "First missed payment") + timedelta(
        days=rule["days_after_delinquency"]
    )
    return add_months(clock_start, 12 * rule["years"])


def seven_year_sources() -> tuple[Source, ...]:
    """Where the seven-year rule was read: FCRA 605(a)(4) and (c)(1), then the FTC staff's
    reading of when the delinquency starts."""
    return sources_of(rules()["seven_year_rule"])


# --- How the account is reported ---------------------------------------------------


@dataclass(frozen=True)
class ReportedStatus:
    """One status the account typically shows, in words and Metro 2 code.

    ``code`` is None where no single code applies or it was not verified;
    ``special_comment`` is a Metro 2 special comment such as ``"AU"``. The status is as
    sure as its first source.
    """

    stage: str
    status: str
    code: str | None
    special_comment: str | None
    note: str
    sources: tuple[Source, ...]

    @property
    def confidence(self) -> Confidence:
        return self.sources[0].confidence

    @property
    def verified(self) -> bool:
        """False when the status rests on a weak source or none: never shown as fact."""
        return not self.confidence.uncertain

    @property
    def code_words(self) -> str:
        """The Metro 2 code as a table shows it: the code, or why there is none, and the
        special comment.

        Examples
        --------
        >>> [status.code_words for status in credit_reporting("short_sale", "waived").statuses]
        ['no single code', 'no single code; special comment AU']
        >>> credit_reporting("deed_in_lieu", "paid").statuses[-1].code_words
        'not verified'
        """
        words = self.code or (_("no single code") if self.verified else _("not verified"))
        if self.special_comment:
            # Translators: a Metro 2 status code (or why there is none) and its special comment.
            return _("{code}; special comment {comment}").format(
                code=words, comment=self.special_comment
            )
        return words


@dataclass(frozen=True)
class WaitingPeriod:
    """A wait before a new mortgage under one program, counted from an event.

    ``extenuating_years`` is the shorter wait with documented extenuating circumstances
    where the guide sets one; ``extenuating`` says it in words either way ("2 years", or
    "case by case: no shorter period is set"). ``open_to_all`` is False for a program only
    some borrowers can use (VA). The period is as sure as its first source.
    """

    program: str
    event: str
    years: int
    extenuating_years: int | None
    extenuating: str
    counted_from: str
    note: str
    sources: tuple[Source, ...]
    open_to_all: bool = True

    @property
    def confidence(self) -> Confidence:
        return self.sources[0].confidence


@dataclass(frozen=True)
class UncheckedRule:
    """A rule looked for and not confirmed: what was claimed or found, and where it was
    looked for. Shown as not checked, never as a date."""

    program: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class CreditReporting:
    """How an exit and its deficiency path typically read, how long, and what it blocks."""

    exit: Exit
    path: DeficiencyPath
    statuses: tuple[ReportedStatus, ...]
    stays: str
    stays_sources: tuple[Source, ...]
    judgment_note: str | None
    judgment_sources: tuple[Source, ...]
    waiting_periods: tuple[WaitingPeriod, ...]
    unchecked: tuple[UncheckedRule, ...]


#: The two stages a credit report shows, translated where they are shown.
_AFTER_EXIT = N_("After the exit")
_AFTER_DEFICIENCY = N_("After the deficiency")


def _status(stage: str, raw: dict[str, Any]) -> ReportedStatus:
    code = str(raw.get("code", "")) or None
    comment = str(raw.get("special_comment", "")) or None
    return ReportedStatus(
        stage=_(stage),
        status=_text(raw, "status"),
        code=code,
        special_comment=comment,
        note=_text(raw, "note"),
        sources=sources_of(raw),
    )


def _paid_status(exit: Exit, data: dict[str, Any]) -> ReportedStatus:
    paid = data["path"]["paid"]
    entry = paid["codes"].get(exit.value)
    if entry is None:
        unverified = paid["unverified"][exit.value]
        return ReportedStatus(
            stage=_(_AFTER_DEFICIENCY),
            status=_text(paid, "status"),
            code=None,
            special_comment=None,
            note=_text(unverified, "note"),
            sources=sources_of(unverified),
        )
    return _status(_AFTER_DEFICIENCY, entry)


def _waiting_period(raw: dict[str, Any]) -> WaitingPeriod:
    """One ``[[waiting]]`` row; raises ``ValueError`` when it could be shown as fact
    without a firm source or without its extenuating-circumstances figure."""
    sources = sources_of(raw)
    name = f"{raw['program']} {raw['event']}"
    if sources[0].uncertain:
        raise ValueError(f"{name}: an L or U period belongs in [[waiting_unverified]]")
    extenuating_years = raw.get("extenuating_years")
    if extenuating_years is None and not raw.get("extenuating"):
        raise ValueError(f"{name}: give extenuating_years, or extenuating in words")
    if extenuating_years is not None and not 0 < int(extenuating_years) < int(raw["years"]):
        raise ValueError(f"{name}: extenuating_years must be shorter than years")
    return WaitingPeriod(
        program=str(raw["program"]),
        event=str(raw["event"]),
        years=int(raw["years"]),
        extenuating_years=None if extenuating_years is None else int(extenuating_years),
        extenuating=(
            _text(raw, "extenuating") if extenuating_years is None else _years(extenuating_years)
        ),
        counted_from=_text(raw, "counted_from"),
        note=_text(raw, "note"),
        sources=sources,
        open_to_all=bool(raw.get("open_to_all", True)),
    )


def _years(count: int) -> str:
    return ngettext("{count} year", "{count} years", count).format(count=count)


@cache
def _all_waiting_periods(language: str) -> tuple[WaitingPeriod, ...]:
    """Every waiting period, in ``language`` (the cache keeps one set per language)."""
    return tuple(_waiting_period(raw) for raw in rules()["waiting"])


def waiting_periods(exit: str | enum.Enum, path: str | enum.Enum) -> tuple[WaitingPeriod, ...]:
    """The waiting periods a mortgage exit (and a charge-off) trigger: Fannie Mae, FHA and,
    after a foreclosure or deed in lieu, VA.

    A car exit triggers none in the sources read. Rules not confirmed (Freddie Mac, USDA,
    VA after a short sale) are never returned: see :func:`unchecked_rules`.

    Examples
    --------
    >>> [(w.program, w.years, w.extenuating) for w in waiting_periods("foreclosure", "waived")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Fannie Mae', 7, '3 years'), ('FHA', 3, 'case by case: no shorter period is set'),
     ('VA', 2, '1 year')]
    """
    the_exit = parse_exit(exit)
    the_path = parse_path(path)
    if not is_mortgage(the_exit):
        return ()
    events = {the_exit.value}
    if the_path is DeficiencyPath.CHARGED_OFF:
        events.add("charged_off")
    return tuple(
        period for period in _all_waiting_periods(current_language()) if period.event in events
    )


def unchecked_rules(exit: str | enum.Enum) -> tuple[UncheckedRule, ...]:
    """The waiting-period rules looked for after this exit and not confirmed.

    Examples
    --------
    >>> [rule.program for rule in unchecked_rules("short_sale")]
    ['Freddie Mac', 'USDA', 'VA']
    >>> unchecked_rules("repossession")[0].sources[0].confidence.value
    'U'
    """
    the_exit = parse_exit(exit)
    return tuple(
        UncheckedRule(_text(raw, "program"), _text(raw, "text"), sources_of(raw))
        for raw in rules()["waiting_unverified"]
        if the_exit.value in raw["events"]
    )


def credit_reporting(exit: str | enum.Enum, path: str | enum.Enum) -> CreditReporting:
    """How an exit and what became of its deficiency typically show on a credit report.

    Parameters
    ----------
    exit
        :class:`MortgageExit` or :class:`AutoExit` (or its value).
    path
        :class:`DeficiencyPath` or :class:`Resolution` (or its value).

    Notes
    -----
    Statuses come in order: the exit's status (foreclosure 94, deed in lieu 89,
    repossession 96, voluntary surrender 95; a short sale has no code of its own), then
    the deficiency's: waived or settled (special comment AU), pursued (balance due),
    paid (61/63/65/13 by exit, unverified after a deed in lieu), charged off (97).

    References
    ----------
    Metro 2 (CDIA Credit Reporting Resource Guide); FCRA 605(c); CFPB on the National
    Consumer Assistance Plan (July 2017). Each status carries its own sources.

    Examples
    --------
    >>> report = credit_reporting("repossession", "charged_off")
    >>> [status.code for status in report.statuses]
    ['96', '97']
    >>> credit_reporting("short_sale", "waived").statuses[-1].special_comment
    'AU'
    """
    the_exit = parse_exit(exit)
    the_path = parse_path(path)
    data = rules()
    exit_status = _status(_AFTER_EXIT, data["exit"][the_exit.value])
    if the_path is DeficiencyPath.PAID:
        path_status = _paid_status(the_exit, data)
    else:
        path_status = _status(_AFTER_DEFICIENCY, data["path"][the_path.value])
    judgments = data["judgments"]
    judgment = the_path is DeficiencyPath.JUDGMENT
    return CreditReporting(
        exit=the_exit,
        path=the_path,
        statuses=(exit_status, path_status),
        stays=_text(data["seven_year_rule"], "rule"),
        stays_sources=seven_year_sources(),
        judgment_note=_text(judgments, "rule") if judgment else None,
        judgment_sources=sources_of(judgments) if judgment else (),
        waiting_periods=waiting_periods(the_exit, the_path),
        unchecked=unchecked_rules(the_exit),
    )


# --- Timeline ------------------------------------------------------------------------


class EventKind(enum.Enum):
    """What a timeline event marks."""

    FIRST_MISSED_PAYMENT = "first_missed_payment"
    SALE = "sale"
    RESOLUTION = "resolution"
    FORM_1099C = "form_1099c"
    REPORT_REMOVAL = "report_removal"
    NEW_MORTGAGE = "new_mortgage"


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event and the sources of its rule; ``illustrative`` marks dates built on
    assumed gaps, not facts, ``extenuating`` a new-mortgage date open only with documented
    extenuating circumstances, and ``open_to_all=False`` one under a program only some
    borrowers can use (VA). ``program`` names a new-mortgage event's program ("Fannie Mae"),
    so a sentence can name it without reading the label."""

    when: date
    kind: EventKind
    label: str
    detail: str
    sources: tuple[Source, ...] = ()
    illustrative: bool = False
    extenuating: bool = False
    open_to_all: bool = True
    program: str | None = None


_SALE_LABEL = {
    "short_sale": N_("Short sale closes"),
    "foreclosure": N_("Foreclosure sale"),
    "deed_in_lieu": N_("Deed in lieu accepted"),
    "repossession": N_("Car repossessed and sold"),
    "voluntary_surrender": N_("Car surrendered and sold"),
}

_RESOLUTION_LABEL = {
    DeficiencyPath.WAIVED: N_("Deficiency waived"),
    DeficiencyPath.JUDGMENT: N_("Deficiency judgment"),
    DeficiencyPath.SETTLED: N_("Deficiency settled for less"),
    DeficiencyPath.PAID: N_("Deficiency paid in full"),
    DeficiencyPath.CHARGED_OFF: N_("Deficiency charged off"),
}


def path_choices(resolution: str | enum.Enum) -> tuple[DeficiencyPath, ...]:
    """Every deficiency path, the scenario's own (its ``resolution``) first.

    Examples
    --------
    >>> [path.value for path in path_choices("settled")]
    ['settled', 'waived', 'judgment', 'paid', 'charged_off']
    """
    own = parse_path(resolution, "Resolution")
    return (own, *(path for path in DeficiencyPath if path is not own))


@dataclass(frozen=True)
class TimelineGaps:
    """The assumed gaps of a timeline when the user enters none: illustrative, not sourced.

    ``months_to_sale`` runs from the first missed payment to the sale or repossession,
    ``months_to_resolution`` from the sale to the judgment, settlement, payment or
    charge-off (0 for a waiver, which is dated at the sale); ``note`` says they are assumed.
    """

    months_to_sale: int
    months_to_resolution: int
    note: str


def timeline_gaps(exit: str | enum.Enum, path: str | enum.Enum) -> TimelineGaps:
    """The assumed gaps for ``exit`` and ``path`` (enum members or values).

    Examples
    --------
    >>> home = timeline_gaps("foreclosure", "judgment")
    >>> home.months_to_sale, home.months_to_resolution
    (12, 6)
    >>> car = timeline_gaps("repossession", "waived")
    >>> car.months_to_sale, car.months_to_resolution
    (3, 0)
    """
    the_exit = parse_exit(exit)
    the_path = parse_path(path)
    defaults = rules()["timeline_defaults"]
    kind = "mortgage" if is_mortgage(the_exit) else "car"
    waived = the_path is DeficiencyPath.WAIVED
    return TimelineGaps(
        months_to_sale=int(defaults[f"months_default_to_sale_{kind}"]),
        months_to_resolution=0 if waived else int(defaults["months_sale_to_resolution"]),
        note=_text(defaults, "note"),
    )


def timeline(
    first_missed_payment: date,
    exit: str | enum.Enum,
    path: str | enum.Enum,
    *,
    months_default_to_sale: int | None = None,
    months_sale_to_resolution: int | None = None,
    cancelled: Amount | None = None,
) -> tuple[TimelineEvent, ...]:
    """Dated events from the first missed payment to the earliest new mortgage, in order.

    Parameters
    ----------
    first_missed_payment
        The first payment missed in the delinquency that led to the exit.
    exit, path
        The exit and what became of the deficiency (enum members or values).
    months_default_to_sale
        Months from the first missed payment to the sale or repossession. Default from
        the data: 12 for a house, 3 for a car (illustrative assumptions).
    months_sale_to_resolution
        Months from the sale to the judgment, settlement, payment or charge-off. Default
        0 for a waiver (dated at the sale), else 6 (illustrative).
    cancelled
        The amount cancelled, if known; under the $600 threshold no 1099-C event is shown.

    Notes
    -----
    - sale = first missed payment + months_default_to_sale (calendar months)
    - resolution = sale + months_sale_to_resolution
    - Form 1099-C (waived or settled; possible after a charge-off): January 31 after the
      year of the resolution, or the next business day when that is a Saturday, Sunday or
      legal holiday: the borrower's copy due date
    - removal from credit reports = first missed payment + 180 days + 7 years (FCRA 605(c))
    - earliest new mortgage per program = the latest of (event date + years) over the
      events the program counts (the sale; the charge-off for Fannie Mae), and with
      extenuating circumstances where the guide sets fewer years

    Events are sorted by date; same-day events keep the order above.

    Examples
    --------
    >>> events = timeline(date(2024, 1, 15), "short_sale", "waived")
    >>> [(e.when.isoformat(), e.label) for e in events]  # doctest: +NORMALIZE_WHITESPACE
    [('2024-01-15', 'First missed payment'),
     ('2025-01-15', 'Short sale closes'),
     ('2025-01-15', 'Deficiency waived'),
     ('2026-02-02', 'Form 1099-C expected'),
     ('2027-01-15', 'Earliest Fannie Mae mortgage (extenuating circumstances)'),
     ('2028-01-15', 'Earliest FHA mortgage'),
     ('2029-01-15', 'Earliest Fannie Mae mortgage'),
     ('2031-07-13', 'Off credit reports')]
    """
    start = a_date(first_missed_payment, "First missed payment")
    the_exit = parse_exit(exit)
    the_path = parse_path(path)
    gaps = timeline_gaps(the_exit, the_path)
    assumed_note = gaps.note
    if months_default_to_sale is None:
        to_sale = gaps.months_to_sale
        sale_assumed = True
    else:
        to_sale = to_count(months_default_to_sale, "Months from default to sale", MAX_GAP_MONTHS)
        sale_assumed = False
    if months_sale_to_resolution is None:
        to_resolution = gaps.months_to_resolution
        resolution_assumed = True
    else:
        to_resolution = to_count(
            months_sale_to_resolution, "Months from sale to resolution", MAX_GAP_MONTHS
        )
        resolution_assumed = False
    sale = add_months(start, to_sale)
    resolved = add_months(sale, to_resolution)
    seven = rules()["seven_year_rule"]
    after_missed = ngettext(
        "{count} month after the first missed payment.",
        "{count} months after the first missed payment.",
        to_sale,
    ).format(count=to_sale)
    after_sale = ngettext(
        "{count} month after the sale.", "{count} months after the sale.", to_resolution
    ).format(count=to_resolution)
    events = [
        TimelineEvent(
            start,
            EventKind.FIRST_MISSED_PAYMENT,
            _("First missed payment"),
            _("The credit-reporting clock starts here (FCRA 605(c))."),
            seven_year_sources(),
        ),
        TimelineEvent(
            sale,
            EventKind.SALE,
            _(_SALE_LABEL[the_exit.value]),
            f"{after_missed} {assumed_note}" if sale_assumed else after_missed,
            illustrative=sale_assumed,
        ),
        TimelineEvent(
            resolved,
            EventKind.RESOLUTION,
            _(_RESOLUTION_LABEL[the_path]),
            f"{after_sale} {assumed_note}" if resolution_assumed else after_sale,
            illustrative=sale_assumed or resolution_assumed,
        ),
    ]
    form = _form_1099c_event(the_exit, the_path, resolved, cancelled)
    if form is not None:
        events.append(form)
    events.extend(_mortgage_events(the_exit, the_path, sale, resolved))
    events.append(
        TimelineEvent(
            removal_date(start),
            EventKind.REPORT_REMOVAL,
            _("Off credit reports"),
            _text(seven, "rule"),
            seven_year_sources(),
        )
    )
    order = list(EventKind)
    return tuple(sorted(events, key=lambda event: (event.when, order.index(event.kind))))


def new_mortgage_dates(
    events: Sequence[TimelineEvent],
) -> tuple[TimelineEvent | None, TimelineEvent | None]:
    """From a :func:`timeline`: the earliest new-mortgage date open to anyone, and an earlier
    one open only with documented extenuating circumstances (None unless it is earlier).

    A headline quotes the first; the best case is named as such, never quoted as the date.
    Programs only some borrowers can use (VA) are on the timeline but never quoted here.
    """
    events = instances(events, TimelineEvent, "Timeline events")
    mortgages = [
        event for event in events if event.kind is EventKind.NEW_MORTGAGE and event.open_to_all
    ]
    standard = next((event for event in mortgages if not event.extenuating), None)
    extenuating = next((event for event in mortgages if event.extenuating), None)
    if extenuating is not None and standard is not None and extenuating.when >= standard.when:
        extenuating = None
    return standard, extenuating


def _form_1099c_event(
    exit: Exit, path: DeficiencyPath, resolved: date, cancelled: Amount | None
) -> TimelineEvent | None:
    if cancelled is None:
        if path in (DeficiencyPath.JUDGMENT, DeficiencyPath.PAID):
            return None
        threshold = form_1099c_threshold()
        possible = path is DeficiencyPath.CHARGED_OFF
        status = FormStatus.POSSIBLE if possible else FormStatus.EXPECTED
        detail = _(
            "If ${threshold} or more is cancelled, the lender files Form 1099-C for "
            "{year}; your copy is due by this date (January 31, or the next business "
            "day when that is a weekend or legal holiday)."
        ).format(threshold=f"{threshold:,.0f}", year=resolved.year)
        sources = form_1099c_sources()
    else:
        form = expected_forms(
            exit, path, to_money(cancelled, "Cancelled debt"), tax_year=resolved.year
        )[1]
        if form.status is FormStatus.NOT_EXPECTED:
            return None
        status, detail, sources = form.status, form.explanation, form.sources
    label = (
        _("Form 1099-C expected") if status is FormStatus.EXPECTED else _("Form 1099-C possible")
    )
    return TimelineEvent(form_1099_due(resolved.year), EventKind.FORM_1099C, label, detail, sources)


def _mortgage_events(
    exit: Exit, path: DeficiencyPath, sale: date, resolved: date
) -> list[TimelineEvent]:
    periods = waiting_periods(exit, path)
    events: list[TimelineEvent] = []
    for program in dict.fromkeys(period.program for period in periods):
        own = [period for period in periods if period.program == program]
        standard = max(
            add_months(_counted_from(period, sale, resolved), 12 * period.years) for period in own
        )
        detail = " ".join(
            ngettext(
                "{count} year after {counted_from}. {note}",
                "{count} years after {counted_from}. {note}",
                period.years,
            ).format(count=period.years, counted_from=period.counted_from, note=period.note)
            for period in own
        )
        sources = tuple(dict.fromkeys(source for period in own for source in period.sources))
        open_to_all = all(period.open_to_all for period in own)
        events.append(
            TimelineEvent(
                standard,
                EventKind.NEW_MORTGAGE,
                _("Earliest {program} mortgage").format(program=program),
                detail,
                sources,
                open_to_all=open_to_all,
                program=program,
            )
        )
        if any(period.extenuating_years is not None for period in own):
            extenuating = max(
                add_months(
                    _counted_from(period, sale, resolved),
                    12 * (period.extenuating_years or period.years),
                )
                for period in own
            )
            events.append(
                TimelineEvent(
                    extenuating,
                    EventKind.NEW_MORTGAGE,
                    _("Earliest {program} mortgage (extenuating circumstances)").format(
                        program=program
                    ),
                    _("With documented extenuating circumstances. {detail}").format(detail=detail),
                    sources,
                    extenuating=True,
                    open_to_all=open_to_all,
                    program=program,
                )
            )
    return events


def _counted_from(period: WaitingPeriod, sale: date, resolved: date) -> date:
    return resolved if period.event == "charged_off" else sale

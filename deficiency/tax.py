"""Federal income tax on a cancelled deficiency: the Pub. 4681 worksheet, exclusions and forms.

Not tax advice: this module explains how the federal rules work on the user's figures.
Every rule, limit and threshold comes from ``data/tax_rules.toml`` with its structured
sources (:class:`~deficiency.sources.Source`); figures whose current status was not verified
(the qualified principal residence exclusion after 2025, the Form 1099-C threshold after
2026) say so.

Notes
-----
The order of the calculation follows IRS Publication 4681:

1. :func:`foreclosure_worksheet`: the transfer of the property (foreclosure, short sale,
   deed in lieu, repossession) splits into ordinary income from cancelled debt (recourse
   debt only) and a gain or loss on the property.
2. :func:`taxable_cancelled_debt`: the cancelled debt less the exclusions, in the order
   of IRC 108(a)(2): bankruptcy, then qualified principal residence debt (unless the
   taxpayer elects insolvency instead), then insolvency.
3. :func:`estimated_extra_tax`: taxable cancelled debt x the user's marginal rate.
4. :func:`expected_forms`: which information returns (1099-A, 1099-C) to expect.

References
----------
IRS Publication 4681; IRS Topic No. 431; Instructions for Forms 1099-A and 1099-C;
Form 982 and its instructions; IRC 108. Addresses are in ``data/tax_rules.toml``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from deficiency.auto import AutoExit
from deficiency.errors import InvalidInputError
from deficiency.i18n import LOCALES, N_, _, current_language, pgettext, pick
from deficiency.money import ZERO, Amount, percent_of, to_decimal, to_money
from deficiency.mortgage import MortgageExit
from deficiency.parsing import a_date, choice, flag, whole_number
from deficiency.paths import DeficiencyPath, Exit, parse_exit, parse_path
from deficiency.periods import next_business_day
from deficiency.sources import Source, data_table, sources_of


def rules() -> dict[str, Any]:
    """The parsed ``data/tax_rules.toml`` (loaded once; do not change it); each rule
    carries its sources, read by :func:`~deficiency.sources.sources_of`."""
    return data_table("tax_rules.toml")


def disclaimer() -> str:
    """The sentence every tax figure is shown with: general information, not tax advice."""
    return _text(rules()["disclaimer"], "text")


def _text(raw: dict[str, Any], key: str) -> str:
    """A data row's field in the reader's language: ``key``, or its ``<key>_es`` twin."""
    return pick(str(raw.get(key, "")), str(raw.get(f"{key}_es", "")))


def _reader_date(day: date, weekday: bool = False) -> str:
    """A date as the reader reads it: "Monday 2 February 2026" / "lunes 2 de febrero de 2026"."""
    from babel.dates import format_date

    pattern = (
        # Translators: a Babel (CLDR) date pattern; EEEE is the weekday, MMMM the month's name.
        pgettext("date pattern", "EEEE d MMMM y")
        if weekday
        # Translators: a Babel (CLDR) date pattern; dd is the day with two digits.
        else pgettext("date pattern", "dd MMMM y")
    )
    return format_date(day, pattern, locale=LOCALES[current_language()])


# --- Pub. 4681 Worksheet for Foreclosures and Repossessions ---------------------------


class DebtType(enum.Enum):
    """Whether the borrower was personally liable for the loan (Pub. 4681 chapter 2)."""

    RECOURSE = "recourse"
    NONRECOURSE = "nonrecourse"

    @property
    def label(self) -> str:
        return _(_DEBT_TYPE_LABELS[self.value])


#: Each :class:`DebtType` in words, translated where shown.
_DEBT_TYPE_LABELS = {
    "recourse": N_("Recourse: personally liable"),
    "nonrecourse": N_("Nonrecourse: the lender can look only to the property"),
}


@dataclass(frozen=True)
class WorksheetLine:
    """One worksheet line: its number, the worksheet's wording and the amount (None if skipped)."""

    number: int
    label: str
    amount: Decimal | None


@dataclass(frozen=True)
class ForeclosureWorksheet:
    """The eight lines of Pub. 4681's Worksheet for Foreclosures and Repossessions.

    Part 1 (lines 1-3) is completed only for recourse debt; for nonrecourse debt those
    lines are ``None``. Line 8 is signed as on the worksheet: positive is a gain,
    negative a loss; :attr:`gain` and :attr:`loss` give each as a positive amount.
    """

    debt_type: DebtType
    personal_use: bool
    line_1_debt_cancelled_by_transfer: Decimal | None
    line_2_fair_market_value: Decimal | None
    line_3_ordinary_income: Decimal | None
    line_4_realized_from_transfer: Decimal
    line_5_proceeds_received: Decimal
    line_6_amount_realized: Decimal
    line_7_adjusted_basis: Decimal
    line_8_gain_or_loss: Decimal

    @property
    def ordinary_income(self) -> Decimal:
        """Cancellation-of-debt income from the transfer (line 3; zero for nonrecourse debt)."""
        return self.line_3_ordinary_income if self.line_3_ordinary_income is not None else ZERO

    @property
    def gain(self) -> Decimal:
        """The gain on the property, or zero."""
        return max(self.line_8_gain_or_loss, ZERO)

    @property
    def loss(self) -> Decimal:
        """The loss on the property as a positive amount, or zero."""
        return max(-self.line_8_gain_or_loss, ZERO)

    @property
    def loss_deductible(self) -> bool:
        """False when there is no loss or the property was for personal use."""
        return self.loss > ZERO and not self.personal_use

    def lines(self) -> tuple[WorksheetLine, ...]:
        """Lines 1 to 8 with the worksheet's wording, for display."""
        labels = rules()["worksheet"]["lines"]
        spanish = rules()["worksheet"].get("lines_es", {})
        amounts = (
            self.line_1_debt_cancelled_by_transfer,
            self.line_2_fair_market_value,
            self.line_3_ordinary_income,
            self.line_4_realized_from_transfer,
            self.line_5_proceeds_received,
            self.line_6_amount_realized,
            self.line_7_adjusted_basis,
            self.line_8_gain_or_loss,
        )
        return tuple(
            WorksheetLine(
                number, pick(str(labels[str(number)]), str(spanish.get(str(number), ""))), amount
            )
            for number, amount in enumerate(amounts, start=1)
        )

    def _rules_used(self) -> tuple[str, ...]:
        """The worksheet rules this result rests on, by name in ``data/tax_rules.toml``."""
        used = ["recourse" if self.debt_type is DebtType.RECOURSE else "nonrecourse"]
        if self.loss > ZERO and self.personal_use:
            used.append("personal_loss")
        elif self.loss == ZERO and self.gain > ZERO and self.personal_use:
            used.append("home_gain")
        return tuple(used)

    def sources(self) -> tuple[Source, ...]:
        """Where the worksheet and the rules behind :meth:`explanation` were read."""
        worksheet = rules()["worksheet"]
        found = [*sources_of(worksheet)]
        for name in self._rules_used():
            found.extend(sources_of(worksheet["rules"][name]))
        return tuple(dict.fromkeys(found))

    def explanation(self) -> tuple[str, ...]:
        """Plain-language sentences on what the worksheet shows, with the rule each follows."""
        worksheet = {
            name: _text(rule, "text") for name, rule in rules()["worksheet"]["rules"].items()
        }
        sentences = [
            worksheet["recourse" if self.debt_type is DebtType.RECOURSE else "nonrecourse"]
        ]
        if self.loss > ZERO:
            if self.personal_use:
                sentences.append(
                    _("The ${amount} loss is not deductible. {rule}").format(
                        amount=f"{self.loss:,.2f}", rule=worksheet["personal_loss"]
                    )
                )
            else:
                sentences.append(
                    _(
                        "The ${amount} loss is on business or investment property and "
                        "may be deductible."
                    ).format(amount=f"{self.loss:,.2f}")
                )
        elif self.gain > ZERO:
            sentences.append(
                _("The ${amount} gain may be taxable.").format(amount=f"{self.gain:,.2f}")
            )
            if self.personal_use:
                sentences.append(worksheet["home_gain"])
        return tuple(sentences)


def foreclosure_worksheet(
    *,
    debt_before_transfer: Amount,
    fair_market_value: Amount,
    adjusted_basis: Amount,
    debt_type: DebtType | str = DebtType.RECOURSE,
    still_owed_after_transfer: Amount = 0,
    proceeds_received: Amount = 0,
    personal_use: bool = True,
) -> ForeclosureWorksheet:
    """Fill in Pub. 4681's Worksheet for Foreclosures and Repossessions.

    Parameters
    ----------
    debt_before_transfer
        Outstanding debt immediately before the property was transferred (foreclosure
        sale, short sale closing, deed in lieu, sale of a repossessed car).
    fair_market_value
        Fair market value of the property at the transfer (often on Form 1099-A box 4 or
        1099-C box 7; for a short sale usually the sale price). Not used for nonrecourse debt.
    adjusted_basis
        The borrower's adjusted basis: generally purchase price plus improvements, less
        depreciation and any basis reductions.
    debt_type
        ``"recourse"`` if the borrower was personally liable, else ``"nonrecourse"``.
    still_owed_after_transfer
        The part of the debt the borrower remains personally liable for right after the
        transfer (a deficiency the lender pursues). Zero when the rest is waived.
        Must be zero for nonrecourse debt.
    proceeds_received
        Any foreclosure-sale proceeds the borrower received (line 5), usually zero.
    personal_use
        True for a main home or a personal car: a loss on it is not deductible.

    Notes
    -----
    Recourse (Part 1 and Part 2)::

        line 1 = debt_before_transfer - still_owed_after_transfer
        line 2 = fair_market_value
        line 3 = max(0, line 1 - line 2)          ordinary income from cancelled debt
        line 4 = min(line 1, line 2)

    Nonrecourse (Part 2 only; Commissioner v. Tufts)::

        line 4 = debt_before_transfer             the whole debt is realized, no COD income

    Both::

        line 6 = line 4 + line 5                  amount realized
        line 8 = line 6 - line 7                  gain (+) or loss (-)

    Line 3 is cancelled debt before any exclusion; pass it to
    :func:`taxable_cancelled_debt`. A deficiency the lender later forgives is a separate
    cancellation in the year it is forgiven.

    References
    ----------
    IRS Publication 4681, chapter 2; IRS Foreclosure Audit Technique Guide, chapter 2.

    Examples
    --------
    Pub. 4681-style recourse case: $100,000 debt, value $80,000, basis $90,000, the
    lender forgives the shortfall.

    >>> sheet = foreclosure_worksheet(
    ...     debt_before_transfer=100000, fair_market_value=80000, adjusted_basis=90000)
    >>> sheet.line_3_ordinary_income, sheet.line_6_amount_realized, sheet.line_8_gain_or_loss
    (Decimal('20000.00'), Decimal('80000.00'), Decimal('-10000.00'))
    >>> sheet.loss_deductible
    False

    The same house on a nonrecourse loan: no cancellation income, a $10,000 gain.

    >>> foreclosure_worksheet(debt_before_transfer=100000, fair_market_value=80000,
    ...                       adjusted_basis=90000, debt_type="nonrecourse").line_8_gain_or_loss
    Decimal('10000.00')
    """
    kind = _debt_type(debt_type)
    personal_use = flag(personal_use, "Personal use")
    debt = to_money(debt_before_transfer, "Debt before the transfer")
    value = to_money(fair_market_value, "Fair market value")
    basis = to_money(adjusted_basis, "Adjusted basis")
    still_owed = to_money(still_owed_after_transfer, "Still owed after the transfer")
    proceeds = to_money(proceeds_received, "Proceeds received")
    if still_owed > debt:
        raise InvalidInputError(
            "Still owed after the transfer", "cannot be more than the debt before the transfer"
        )
    if kind is DebtType.NONRECOURSE:
        if still_owed > ZERO:
            raise InvalidInputError(
                "Still owed after the transfer",
                "must be 0 for nonrecourse debt: the borrower is not personally liable",
            )
        line_1: Decimal | None = None
        line_2: Decimal | None = None
        line_3: Decimal | None = None
        line_4 = debt
    else:
        line_1 = debt - still_owed
        line_2 = value
        line_3 = max(line_1 - line_2, ZERO)
        line_4 = min(line_1, line_2)
    line_6 = line_4 + proceeds
    return ForeclosureWorksheet(
        debt_type=kind,
        personal_use=personal_use,
        line_1_debt_cancelled_by_transfer=line_1,
        line_2_fair_market_value=line_2,
        line_3_ordinary_income=line_3,
        line_4_realized_from_transfer=line_4,
        line_5_proceeds_received=proceeds,
        line_6_amount_realized=line_6,
        line_7_adjusted_basis=basis,
        line_8_gain_or_loss=line_6 - basis,
    )


def _debt_type(value: DebtType | str) -> DebtType:
    return choice(DebtType, value, "Debt type")


# --- Exclusions (Form 982) ------------------------------------------------------------


@dataclass(frozen=True)
class Insolvency:
    """How far liabilities exceeded assets immediately before the cancellation.

    Notes
    -----
    ``amount = max(0, liabilities - assets)`` and the exclusion is
    ``min(cancelled, amount)`` (IRC 108(a)(3); Form 982 line 2).
    """

    liabilities: Decimal
    assets: Decimal

    @property
    def amount(self) -> Decimal:
        """The amount insolvent: liabilities minus assets, not below zero."""
        return max(self.liabilities - self.assets, ZERO)

    @property
    def insolvent(self) -> bool:
        return self.amount > ZERO

    def excluded(self, cancelled: Amount) -> Decimal:
        """The part of ``cancelled`` the insolvency exclusion covers: the smaller of the two.

        Examples
        --------
        >>> insolvency(liabilities=10000, assets=7000).excluded(5000)
        Decimal('3000.00')
        """
        return min(to_money(cancelled, "Cancelled debt"), self.amount)


def insolvency(*, liabilities: Amount, assets: Amount) -> Insolvency:
    """Measure insolvency immediately before a cancellation (Pub. 4681 insolvency worksheet).

    Parameters
    ----------
    liabilities
        Total liabilities immediately before the cancellation, including the debt being
        cancelled (nonrecourse debt up to its collateral's value plus any forgiven excess).
    assets
        Fair market value of all assets at that moment, including retirement accounts and
        property exempt from creditors.

    References
    ----------
    IRC 108(a)(1)(B), (d)(3); IRS Publication 4681, "Insolvency".

    Examples
    --------
    Pub. 4681's Jill: $15,000 of liabilities and $7,000 of assets, $5,000 cancelled.

    >>> jill = insolvency(liabilities=15000, assets=7000)
    >>> jill.amount, jill.excluded(5000)
    (Decimal('8000.00'), Decimal('5000.00'))
    """
    return Insolvency(
        liabilities=to_money(liabilities, "Total liabilities"),
        assets=to_money(assets, "Total assets (fair market value)"),
    )


class ExclusionKind(enum.Enum):
    """The exclusions this module applies, in the order of IRC 108(a)(2)."""

    BANKRUPTCY = "bankruptcy"
    QUALIFIED_PRINCIPAL_RESIDENCE = "qualified_principal_residence"
    INSOLVENCY = "insolvency"

    @property
    def label(self) -> str:
        return _(_EXCLUSION_LABELS[self.value])


#: Each :class:`ExclusionKind` in words, translated where shown.
_EXCLUSION_LABELS = {
    "bankruptcy": N_("Bankruptcy (title 11 case)"),
    "qualified_principal_residence": N_("Qualified principal residence debt"),
    "insolvency": N_("Insolvency"),
}


@dataclass(frozen=True)
class Exclusion:
    """One exclusion's amount, why it is that amount, and where the rule was read.
    ``verified`` is False when the answer rests on a rule that could not be confirmed."""

    kind: ExclusionKind
    amount: Decimal
    reason: str
    sources: tuple[Source, ...]
    verified: bool = True


@dataclass(frozen=True)
class CancelledDebtTax:
    """Cancelled debt, each exclusion in order, and what is left taxable.

    Notes
    -----
    ``taxable = cancelled - sum(exclusion amounts)``; every exclusion is non-negative and
    their sum never exceeds ``cancelled``, so ``0 <= taxable <= cancelled``.
    """

    cancelled: Decimal
    exclusions: tuple[Exclusion, ...]

    @property
    def excluded(self) -> Decimal:
        return sum((item.amount for item in self.exclusions), ZERO)

    @property
    def taxable(self) -> Decimal:
        """Cancelled debt left in income after the exclusions."""
        return self.cancelled - self.excluded

    def amount_of(self, kind: ExclusionKind) -> Decimal:
        """The amount excluded under one exclusion."""
        return sum((item.amount for item in self.exclusions if item.kind is kind), ZERO)


@dataclass(frozen=True)
class QpriPeriod:
    """One period of the qualified principal residence exclusion, as data."""

    discharged_from: date
    discharged_before: date
    limit: Decimal
    limit_married_filing_separately: Decimal
    written_arrangement_before: date | None
    sources: tuple[Source, ...]


@cache
def qpri_periods() -> tuple[QpriPeriod, ...]:
    """The QPRI periods and limits from ``data/tax_rules.toml``, oldest first."""
    return tuple(
        QpriPeriod(
            discharged_from=raw["discharged_from"],
            discharged_before=raw["discharged_before"],
            limit=Decimal(raw["limit"]),
            limit_married_filing_separately=Decimal(raw["limit_married_filing_separately"]),
            written_arrangement_before=raw.get("written_arrangement_before"),
            sources=sources_of(raw),
        )
        for raw in rules()["qpri"]["period"]
    )


def qpri_period_for(
    discharge_date: date, written_arrangement_date: date | None = None
) -> QpriPeriod | None:
    """The QPRI period covering a discharge, or None if the exclusion does not apply.

    A discharge after the last period still qualifies when it follows a written
    arrangement entered into before that period's cut-off.

    Examples
    --------
    >>> qpri_period_for(date(2025, 12, 31)).limit
    Decimal('750000')
    >>> qpri_period_for(date(2026, 1, 1)) is None
    True
    >>> qpri_period_for(date(2026, 3, 1), written_arrangement_date=date(2025, 11, 20)).limit
    Decimal('750000')
    """
    for period in qpri_periods():
        if period.discharged_from <= discharge_date < period.discharged_before:
            return period
    if written_arrangement_date is None or written_arrangement_date > discharge_date:
        return None
    for period in qpri_periods():
        cut_off = period.written_arrangement_before
        if (
            cut_off is not None
            and discharge_date >= period.discharged_before
            and written_arrangement_date < cut_off
        ):
            return period
    return None


def taxable_cancelled_debt(
    cancelled_debt: Amount,
    *,
    discharge_date: date,
    title_11_case: bool = False,
    qualified_home_debt: Amount = 0,
    loan_balance: Amount | None = None,
    written_arrangement_date: date | None = None,
    married_filing_separately: bool = False,
    liabilities: Amount | None = None,
    assets: Amount | None = None,
    elect_insolvency: bool = False,
) -> CancelledDebtTax:
    """Apply the federal exclusions to a cancelled debt and return what stays taxable.

    Parameters
    ----------
    cancelled_debt
        Debt cancelled (worksheet line 3 for a transfer, or a waived or settled deficiency).
    discharge_date
        Date of the cancellation (the identifiable event); decides which QPRI rules apply.
    title_11_case
        True if cancelled in a title 11 bankruptcy case: the whole amount is excluded.
    qualified_home_debt
        The part of the loan, immediately before the cancellation, that was taken out to
        buy, build or substantially improve the main home and is secured by it. Zero if
        none (car loans, second homes, cash-out beyond the old principal).
    loan_balance
        The whole loan immediately before the cancellation; defaults to
        ``qualified_home_debt`` (all of it qualifies). Needed for the IRC 108(h)(4)
        ordering rule when only part of the loan qualifies.
    written_arrangement_date
        Date of a written arrangement for the discharge, if any: a discharge after the
        exclusion's end still qualifies under an arrangement entered into before it.
    married_filing_separately
        Uses the lower QPRI limit ($375,000 rather than $750,000 since 2021).
    liabilities, assets
        Totals immediately before the cancellation, to test insolvency; give both or neither.
    elect_insolvency
        Apply the insolvency exclusion instead of the QPRI exclusion (Form 982 box 1b).

    Notes
    -----
    Order (IRC 108(a)(2)):

    1. Bankruptcy: ``excluded = cancelled``; nothing else applies.
    2. QPRI, unless insolvency is elected and only if the discharge date (or written
       arrangement) falls in a period of ``data/tax_rules.toml``::

           qualifying = min(qualified_home_debt, limit)
           excluded   = min(cancelled, max(0, cancelled - (loan_balance - qualifying)))

    3. Insolvency on what is left: ``min(remaining, max(0, liabilities - assets))``.

    Invariants: each amount is >= 0, their sum never exceeds ``cancelled_debt``, so the
    taxable amount is between 0 and ``cancelled_debt``.

    References
    ----------
    IRC 108(a), 108(h); Form 982 instructions; IRS Publication 4681, "Exclusions".

    Examples
    --------
    A $50,000 short-sale waiver on the main home's purchase loan in 2025: all excluded.

    >>> result = taxable_cancelled_debt(50000, discharge_date=date(2025, 6, 30),
    ...                                 qualified_home_debt=250000)
    >>> result.taxable
    Decimal('0.00')

    The same waiver in 2026 with no written arrangement before 2026 and no insolvency:
    all taxable, and the QPRI line says the rule after 2025 is unverified.

    >>> result = taxable_cancelled_debt(50000, discharge_date=date(2026, 2, 1),
    ...                                 qualified_home_debt=250000)
    >>> result.taxable, result.exclusions[1].verified
    (Decimal('50000.00'), False)
    """
    cancelled = to_money(cancelled_debt, "Cancelled debt")
    discharge_date = a_date(discharge_date, "Discharge date")
    if written_arrangement_date is not None:
        written_arrangement_date = a_date(written_arrangement_date, "Written arrangement date")
    title_11_case = flag(title_11_case, "Title 11 (bankruptcy) case")
    married_filing_separately = flag(married_filing_separately, "Married filing separately")
    elect_insolvency = flag(elect_insolvency, "Elect the insolvency exclusion")
    home_debt = to_money(qualified_home_debt, "Qualified home debt")
    balance = home_debt if loan_balance is None else to_money(loan_balance, "Loan balance")
    if home_debt > balance:
        raise InvalidInputError("Qualified home debt", "cannot be more than the loan balance")
    if home_debt > ZERO and cancelled > balance:
        raise InvalidInputError("Cancelled debt", "cannot be more than the loan balance")
    if (liabilities is None) != (assets is None):
        raise InvalidInputError(
            "Total liabilities" if liabilities is None else "Total assets (fair market value)",
            "enter both liabilities and assets to test insolvency",
        )
    solvency = (
        insolvency(liabilities=liabilities, assets=assets)
        if liabilities is not None and assets is not None
        else None
    )
    data = rules()
    bankruptcy = _bankruptcy(cancelled, title_11_case, data["bankruptcy"])
    remaining = cancelled - bankruptcy.amount
    qpri = _qpri(
        remaining,
        discharge_date=discharge_date,
        title_11_case=title_11_case,
        home_debt=home_debt,
        balance=balance,
        written_arrangement_date=written_arrangement_date,
        married_filing_separately=married_filing_separately,
        elect_insolvency=elect_insolvency,
        data=data["qpri"],
    )
    remaining -= qpri.amount
    insolvent = _insolvency(remaining, title_11_case, solvency, data["insolvency"])
    return CancelledDebtTax(cancelled, (bankruptcy, qpri, insolvent))


def _bankruptcy(cancelled: Decimal, title_11_case: bool, data: dict[str, Any]) -> Exclusion:
    kind = ExclusionKind.BANKRUPTCY
    if title_11_case:
        reason = _("Cancelled in a title 11 bankruptcy case: the whole amount is excluded.")
        return Exclusion(kind, cancelled, reason, sources_of(data))
    return Exclusion(kind, ZERO, _("Not cancelled in a bankruptcy case."), sources_of(data))


def _qpri(
    remaining: Decimal,
    *,
    discharge_date: date,
    title_11_case: bool,
    home_debt: Decimal,
    balance: Decimal,
    written_arrangement_date: date | None,
    married_filing_separately: bool,
    elect_insolvency: bool,
    data: dict[str, Any],
) -> Exclusion:
    kind = ExclusionKind.QUALIFIED_PRINCIPAL_RESIDENCE
    precedence = sources_of(data["precedence"])
    if title_11_case:
        return Exclusion(kind, ZERO, _("The bankruptcy exclusion applies instead."), precedence)
    if home_debt == ZERO:
        reason = _("No debt to buy, build or substantially improve the main home was entered.")
        return Exclusion(kind, ZERO, reason, sources_of(data))
    if elect_insolvency:
        reason = _("You elected the insolvency exclusion instead (Form 982 box 1b).")
        return Exclusion(kind, ZERO, reason, precedence)
    period = qpri_period_for(discharge_date, written_arrangement_date)
    if period is None:
        first = qpri_periods()[0]
        if discharge_date < first.discharged_from:
            reason = _(
                "The exclusion covers debt discharged from {date}; this discharge is earlier."
            ).format(date=_reader_date(first.discharged_from))
            return Exclusion(kind, ZERO, reason, first.sources)
        after = data["after_expiry"]
        return Exclusion(kind, ZERO, _text(after, "note"), sources_of(after), verified=False)
    limit = period.limit_married_filing_separately if married_filing_separately else period.limit
    qualifying = min(home_debt, limit)
    not_qualifying = balance - qualifying
    amount = min(remaining, max(remaining - not_qualifying, ZERO))
    sources = period.sources
    if not_qualifying > ZERO:
        reason = _(
            "Debt on the main home qualifies up to ${limit} for this discharge date; "
            "${amount} excluded. The home's basis is reduced by the amount excluded. "
            "${not_qualifying} of the loan does not qualify and counts as cancelled first "
            "(IRC 108(h)(4))."
        ).format(
            limit=f"{limit:,.0f}", amount=f"{amount:,.2f}", not_qualifying=f"{not_qualifying:,.2f}"
        )
        sources += sources_of(data["ordering"])
    else:
        reason = _(
            "Debt on the main home qualifies up to ${limit} for this discharge date; "
            "${amount} excluded. The home's basis is reduced by the amount excluded."
        ).format(limit=f"{limit:,.0f}", amount=f"{amount:,.2f}")
    return Exclusion(kind, amount, reason, sources)


def _insolvency(
    remaining: Decimal,
    title_11_case: bool,
    solvency: Insolvency | None,
    data: dict[str, Any],
) -> Exclusion:
    kind = ExclusionKind.INSOLVENCY
    source = sources_of(data)
    if title_11_case:
        return Exclusion(kind, ZERO, _("The bankruptcy exclusion applies instead."), source)
    if solvency is None:
        reason = _("Not tested: enter total liabilities and assets just before the cancellation.")
        return Exclusion(kind, ZERO, reason, source)
    if not solvency.insolvent:
        reason = _("Assets were worth at least as much as liabilities: not insolvent.")
        return Exclusion(kind, ZERO, reason, source)
    amount = min(remaining, solvency.amount)
    reason = _(
        "Insolvent by ${insolvent} (liabilities ${liabilities} minus assets ${assets}); "
        "${amount} excluded."
    ).format(
        insolvent=f"{solvency.amount:,.2f}",
        liabilities=f"{solvency.liabilities:,.2f}",
        assets=f"{solvency.assets:,.2f}",
        amount=f"{amount:,.2f}",
    )
    return Exclusion(kind, amount, reason, source)


# --- Estimated tax ----------------------------------------------------------------------


@cache
def federal_brackets() -> tuple[Decimal, ...]:
    """The federal ordinary-income rates in percent (10, 12, 22, 24, 32, 35, 37)."""
    return tuple(Decimal(rate) for rate in rules()["federal_brackets"]["rates"])


def federal_brackets_sources() -> tuple[Source, ...]:
    """Where the federal rates were read (a news report of Rev. Proc. 2025-32: M)."""
    return sources_of(rules()["federal_brackets"])


@dataclass(frozen=True)
class FederalRates:
    """The federal ordinary-income rates in percent, the years they apply to, a note on
    what one marginal rate leaves out, and where they were read."""

    rates: tuple[Decimal, ...]
    tax_years: str
    estimate_note: str
    sources: tuple[Source, ...]


def federal_rates() -> FederalRates:
    """The federal rates an estimate of the extra tax picks from, with their caveat.

    Examples
    --------
    >>> [str(rate) for rate in federal_rates().rates]
    ['10', '12', '22', '24', '32', '35', '37']
    """
    brackets = rules()["federal_brackets"]
    return FederalRates(
        rates=federal_brackets(),
        tax_years=_text(brackets, "tax_years"),
        estimate_note=_text(brackets, "estimate_note"),
        sources=federal_brackets_sources(),
    )


@dataclass(frozen=True)
class ExclusionRules:
    """The rules, in words, behind the questions that decide the exclusions: the
    bankruptcy exclusion, the main-home exclusion, what insolvency counts as liabilities,
    and when insolvency may be chosen over the main-home exclusion."""

    bankruptcy: str
    main_home: str
    insolvency_liabilities: str
    insolvency_over_main_home: str


def exclusion_rules() -> ExclusionRules:
    """The rules behind the exclusion questions (IRC 108(a), Pub. 4681), in words."""
    data = rules()
    return ExclusionRules(
        bankruptcy=_text(data["bankruptcy"], "rule"),
        main_home=_text(data["qpri"], "rule"),
        insolvency_liabilities=_text(data["insolvency"]["assets"], "text"),
        insolvency_over_main_home=_text(data["qpri"]["precedence"], "text"),
    )


def estimated_extra_tax(taxable: Amount, marginal_rate: Amount) -> Decimal:
    """A rough federal tax on taxable cancelled debt: the amount x one marginal rate.

    Parameters
    ----------
    taxable
        Taxable cancelled debt (:attr:`CancelledDebtTax.taxable`).
    marginal_rate
        The user's federal marginal rate in percent; must lie within the bracket range
        (10 to 37), normally one of :func:`federal_brackets`.

    Notes
    -----
    ``tax = round_half_up(taxable x rate / 100, cents)``. A single rate ignores a large
    amount spilling into a higher bracket, and state tax is not included.

    Examples
    --------
    >>> estimated_extra_tax(20000, 22)
    Decimal('4400.00')
    >>> estimated_extra_tax(20000, 50)
    Traceback (most recent call last):
    ...
    deficiency.errors.InvalidInputError: Marginal tax rate: must be from 10% to 37%
    """
    amount = to_money(taxable, "Taxable cancelled debt")
    rate = to_decimal(marginal_rate, "Marginal tax rate")
    brackets = federal_brackets()
    if not brackets[0] <= rate <= brackets[-1]:
        raise InvalidInputError(
            "Marginal tax rate",
            f"must be from {brackets[0]}% to {brackets[-1]}%",
        )
    return percent_of(amount, rate)


# --- Information returns: Forms 1099-A and 1099-C ----------------------------------------


class FormStatus(enum.Enum):
    """How likely a form is on a path."""

    EXPECTED = "expected"
    POSSIBLE = "possible"
    NOT_EXPECTED = "not_expected"

    @property
    def label(self) -> str:
        """The status in words, e.g. "Not expected"."""
        return _(_FORM_STATUS_LABELS[self.value])


#: Each :class:`FormStatus` in words, translated where shown.
_FORM_STATUS_LABELS = {
    # Translators: whether to expect a tax form (Form 1099-C): it is expected.
    "expected": N_("Expected"),
    # Translators: whether to expect a tax form: it may come.
    "possible": N_("Possible"),
    # Translators: whether to expect a tax form: it is not expected.
    "not_expected": N_("Not expected"),
}


@dataclass(frozen=True)
class ExpectedForm:
    """One information return, whether to expect it, why, and where the rule was read."""

    form: str
    status: FormStatus
    explanation: str
    sources: tuple[Source, ...]
    verified: bool = True


def form_1099c_threshold() -> Decimal:
    """The Form 1099-C filing threshold: $600 (IRC 6050P(b)), confirmed through the data's
    ``threshold_confirmed_through`` year."""
    return Decimal(rules()["form_1099c"]["threshold"])


def form_1099c_sources() -> tuple[Source, ...]:
    """Where the Form 1099-C rule was read: IRC 6050P(b) first."""
    return sources_of(rules()["form_1099c"])


def form_1099_due_sources() -> tuple[Source, ...]:
    """Where the borrower's due date and its move to the next business day were read."""
    return sources_of(rules()["form_1099c"]["recipient_due"])


def form_1099_due(tax_year: int) -> date:
    """The date the borrower's copy of a 1099 for ``tax_year`` is due: January 31 of the next
    year, or the next business day when that is a Saturday, Sunday or legal holiday
    (IRC 7503).

    >>> form_1099_due(2025)  # 31 January 2026 is a Saturday
    datetime.date(2026, 2, 2)
    >>> form_1099_due(2026)
    datetime.date(2027, 2, 1)
    """
    due = rules()["form_1099c"]["recipient_due"]
    nominal = date(tax_year + 1, due["month"], due["day"])
    return next_business_day(nominal)


def _copy_due(tax_year: int | None) -> str:
    """When the borrower's copy is due, in words: the date when the year is known."""
    if tax_year is None:
        return _(
            "your copy due by January 31 of the next year (the next business day when that "
            "is a Saturday, Sunday or legal holiday)"
        )
    due = form_1099_due(tax_year)
    return _("your copy due by {date}").format(date=_reader_date(due, weekday=True))


_CANCELLING_PATHS = (DeficiencyPath.WAIVED, DeficiencyPath.SETTLED)


def expected_forms(
    exit: str | enum.Enum,
    path: str | enum.Enum,
    cancelled: Amount,
    *,
    same_year: bool = True,
    personal_use: bool = True,
    tax_year: int | None = None,
) -> tuple[ExpectedForm, ExpectedForm]:
    """Which of Forms 1099-A and 1099-C to expect for an exit and what became of the deficiency.

    Parameters
    ----------
    exit
        A :class:`MortgageExit` or :class:`AutoExit` (or its value).
    path
        A :class:`DeficiencyPath` or :class:`Resolution` (or its value).
    cancelled
        The amount cancelled: a waived deficiency, or the forgiven part of a settlement.
    same_year
        True if the lender acquires the property and cancels the debt in the same
        calendar year (it may then file only a 1099-C).
    personal_use
        True for a car used only personally (no Form 1099-A for such property).
    tax_year
        Calendar year of the cancellation, if known. The $600 threshold is confirmed
        only up to ``threshold_confirmed_through`` in the data; for later or unknown
        years the 1099-C answer carries a "check current rules" caveat and
        ``verified=False``.

    Notes
    -----
    - 1099-C: filed when >= threshold ($600) is cancelled and an identifiable event
      occurred (waiver, settlement); not while the lender still pursues the debt
      (judgment); nothing is cancelled when paid; a charge-off alone is not a cancellation.
    - 1099-A: filed when the lender acquires the property (foreclosure, deed in lieu, a
      repossessed car held for business or investment); a short sale's buyer is a third
      party. With a same-year cancellation of $600+ the lender may file only the 1099-C.

    References
    ----------
    Instructions for Forms 1099-A and 1099-C; IRS Topic No. 431.

    Examples
    --------
    >>> form_a, form_c = expected_forms("foreclosure", "waived", 50000)
    >>> form_a.status.value, form_c.status.value
    ('possible', 'expected')
    >>> expected_forms("repossession", "settled", "599.99", tax_year=2025)[1].status.value
    'not_expected'
    """
    the_exit = parse_exit(exit)
    the_path = parse_path(path)
    amount = to_money(cancelled, "Cancelled debt")
    year = None if tax_year is None else whole_number(tax_year, "Tax year", 1900, 2200)
    form_c = _form_1099c(the_path, amount, year)
    same = flag(same_year, "Same year")
    personal = flag(personal_use, "Personal use")
    return _form_1099a(the_exit, form_c, same, personal, year), form_c


def _form_1099c(path: DeficiencyPath, amount: Decimal, tax_year: int | None) -> ExpectedForm:
    data = rules()["form_1099c"]
    threshold = Decimal(data["threshold"])
    source = sources_of(data)
    shown = f"${threshold:,.0f}"
    confirmed = tax_year is not None and tax_year <= data["threshold_confirmed_through"]
    caveat = (
        ""
        if confirmed
        else " "
        + _("{threshold} is the last confirmed threshold (through {year}); {note}").format(
            threshold=shown,
            year=data["threshold_confirmed_through"],
            note=_text(data, "threshold_note"),
        )
    )
    if path is DeficiencyPath.JUDGMENT:
        text = _(
            "{rule} If the lender later forgives or settles the "
            "debt, a Form 1099-C follows for that year if {threshold} or more is cancelled."
        ).format(rule=_text(data["still_collecting"], "text"), threshold=shown)
        return ExpectedForm(
            "1099-C", FormStatus.NOT_EXPECTED, text, sources_of(data["still_collecting"])
        )
    if path is DeficiencyPath.PAID:
        text = _(
            "The deficiency is paid in full, so no debt is cancelled and no Form 1099-C is due."
        )
        return ExpectedForm("1099-C", FormStatus.NOT_EXPECTED, text, source)
    if amount < threshold:
        text = (
            _(
                "${amount} cancelled is under the {threshold} reporting threshold, so no Form "
                "1099-C is required. {rule}"
            ).format(
                amount=f"{amount:,.2f}",
                threshold=shown,
                rule=_text(data["under_threshold"], "text"),
            )
            + caveat
        )
        return ExpectedForm(
            "1099-C",
            FormStatus.NOT_EXPECTED,
            text,
            source + sources_of(data["under_threshold"]),
            verified=confirmed,
        )
    if path is DeficiencyPath.CHARGED_OFF:
        text = _text(data["charge_off"], "text") + caveat
        return ExpectedForm(
            "1099-C",
            FormStatus.POSSIBLE,
            text,
            sources_of(data["charge_off"]) + source,
            verified=confirmed,
        )
    if path is DeficiencyPath.WAIVED:
        expect = _(
            "The lender waives ${amount}, at least {threshold}: expect a Form 1099-C for the "
            "year of the cancellation, with {copy_due}."
        )
    else:
        expect = _(
            "The lender settles for less and forgives ${amount}, at least {threshold}: expect "
            "a Form 1099-C for the year of the cancellation, with {copy_due}."
        )
    text = (
        expect.format(amount=f"{amount:,.2f}", threshold=shown, copy_due=_copy_due(tax_year))
        + caveat
    )
    return ExpectedForm(
        "1099-C", FormStatus.EXPECTED, text, source + form_1099_due_sources(), verified=confirmed
    )


def _form_1099a(
    exit: Exit, form_c: ExpectedForm, same_year: bool, personal_use: bool, tax_year: int | None
) -> ExpectedForm:
    data = rules()["form_1099a"]
    source = sources_of(data)
    if exit is MortgageExit.SHORT_SALE:
        text = _(
            "In a short sale a buyer, not the lender, acquires the house, so no Form 1099-A "
            "is expected."
        )
        return ExpectedForm("1099-A", FormStatus.NOT_EXPECTED, text, source)
    if isinstance(exit, AutoExit) and personal_use:
        text = _("No Form 1099-A for a car used only personally. {rule}").format(
            rule=_text(data, "property_rule")
        )
        return ExpectedForm("1099-A", FormStatus.NOT_EXPECTED, text, source)
    acquired = {
        MortgageExit.FORECLOSURE: _("The lender acquires the house at the foreclosure."),
        MortgageExit.DEED_IN_LIEU: _("The lender takes the deed to the house."),
        AutoExit.REPOSSESSION: _("The lender repossesses the vehicle."),
        AutoExit.VOLUNTARY_SURRENDER: _("The lender takes back the surrendered vehicle."),
    }[exit]
    if same_year and form_c.status is FormStatus.EXPECTED:
        text = f"{acquired} {_text(data, 'coordination')}"
        return ExpectedForm("1099-A", FormStatus.POSSIBLE, text, source)
    expect = {
        MortgageExit.FORECLOSURE: _(
            "The lender acquires the house at the foreclosure: expect a Form 1099-A showing "
            "the debt and the property's fair market value, with {copy_due}."
        ),
        MortgageExit.DEED_IN_LIEU: _(
            "The lender takes the deed to the house: expect a Form 1099-A showing the debt "
            "and the property's fair market value, with {copy_due}."
        ),
        AutoExit.REPOSSESSION: _(
            "The lender repossesses the vehicle: expect a Form 1099-A showing the debt and "
            "the property's fair market value, with {copy_due}."
        ),
        AutoExit.VOLUNTARY_SURRENDER: _(
            "The lender takes back the surrendered vehicle: expect a Form 1099-A showing the "
            "debt and the property's fair market value, with {copy_due}."
        ),
    }[exit]
    text = expect.format(copy_due=_copy_due(tax_year))
    return ExpectedForm("1099-A", FormStatus.EXPECTED, text, source + form_1099_due_sources())

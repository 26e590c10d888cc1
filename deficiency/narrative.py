"""Plain-language sentences about a statement or outcome, for people rather than accountants."""

from __future__ import annotations

from decimal import Decimal

from deficiency.i18n import N_, _
from deficiency.money import ZERO, format_usd
from deficiency.parsing import instance, text
from deficiency.resolution import Outcome, Resolution
from deficiency.statement import Statement
from deficiency.tax import form_1099c_threshold

#: What a caller may pass as ``collateral`` to :func:`takeaway`, in English: each reads
#: translated, with its article ("la casa", "el auto").
COLLATERAL_WORDS = (N_("the home"), N_("the house"), N_("the car"))


def _usd(amount: Decimal) -> str:
    return format_usd(amount, cents=False)


def takeaway(outcome: Outcome, collateral: str) -> str:
    """One sentence saying what the borrower is left owing after ``collateral`` is sold.

    Examples
    --------
    >>> from deficiency.scenarios import LoanKind, evaluate
    >>> car = {"unpaid_principal": 10000, "sale_price": 8500, "retaking_fee": 500}
    >>> takeaway(evaluate(LoanKind.AUTO, car, "repossession", "judgment"), "the car")
    'You would still owe $2,000 after the car is sold.'
    """
    outcome = instance(outcome, Outcome, N_("Outcome"))
    # "the car" or "the home" reads in the reader's language (its catalog entry).
    collateral = _(text(collateral, N_("Collateral")))
    if outcome.surplus > ZERO:
        return _(
            "The sale more than covers the debt: a surplus of {surplus} is "
            "left after {collateral} is sold. It is yours once any other lender with a "
            "later lien on {collateral} that claims it is paid."
        ).format(surplus=_usd(outcome.surplus), collateral=collateral)
    if outcome.deficiency == ZERO:
        return _(
            "The sale exactly covers the debt: you would owe nothing after {collateral} is sold."
        ).format(collateral=collateral)
    if outcome.collectible == ZERO:
        return _(
            "You would owe nothing after {collateral} is sold: state law bars the lender "
            "from collecting the {deficiency} deficiency."
        ).format(collateral=collateral, deficiency=_usd(outcome.deficiency))
    figures = {
        "collateral": collateral,
        "deficiency": _usd(outcome.deficiency),
        "collectible": _usd(outcome.collectible),
        "owes": _usd(outcome.borrower_owes),
        "cancelled": _usd(outcome.cancelled),
        "costs": _usd(outcome.judgment_costs),
    }
    limited = outcome.barred > ZERO
    resolution = outcome.terms.resolution
    if resolution is Resolution.WAIVED:
        if limited:
            message = _(
                "You would owe nothing after {collateral} is sold: the lender waives the "
                "{collectible} shortfall (state law limits the {deficiency} deficiency to "
                "{collectible}), which becomes cancelled debt."
            )
        else:
            message = _(
                "You would owe nothing after {collateral} is sold: the lender waives the "
                "{collectible} shortfall, which becomes cancelled debt."
            )
        return message.format(**figures)
    if resolution is Resolution.SETTLED:
        if limited:
            message = _(
                "You would pay {owes} after {collateral} is sold; the other {cancelled} of the "
                "{collectible} deficiency is cancelled (state law limits the {deficiency} "
                "deficiency to {collectible})."
            )
        else:
            message = _(
                "You would pay {owes} after {collateral} is sold; the other {cancelled} of the "
                "{collectible} deficiency is cancelled."
            )
        return message.format(**figures)
    with_costs = outcome.judgment_costs > ZERO
    if with_costs and limited:
        message = _(
            "You would still owe {owes} after {collateral} is sold, including {costs} of court "
            "costs and fees (state law limits the {deficiency} deficiency to {collectible})."
        )
    elif with_costs:
        message = _(
            "You would still owe {owes} after {collateral} is sold, including {costs} of court "
            "costs and fees."
        )
    elif limited:
        message = _(
            "You would still owe {owes} after {collateral} is sold (state law limits the "
            "{deficiency} deficiency to {collectible})."
        )
    else:
        message = _("You would still owe {owes} after {collateral} is sold.")
    return message.format(**figures)


def tax_note(outcome: Outcome) -> str | None:
    """The tax side of a forgiven deficiency in one sentence, or None when nothing is forgiven.

    Cancelled debt is income unless an exclusion applies (IRC 61, "income from discharge of
    indebtedness", and 108); the lender files Form 1099-C at the threshold in
    ``data/tax_rules.toml``.

    >>> from deficiency.scenarios import LoanKind, evaluate
    >>> home = {"unpaid_principal": 250000, "sale_price": 200000}
    >>> tax_note(evaluate(LoanKind.MORTGAGE, home, "short_sale", "waived"))[:70]
    'The $50,000 the lender forgives may count as taxable income: a Form 10'
    """
    outcome = instance(outcome, Outcome, N_("Outcome"))
    if outcome.cancelled <= ZERO:
        return None
    threshold = _usd(form_1099c_threshold())
    return _(
        "The {cancelled} the lender forgives may count as taxable income: a "
        "Form 1099-C is expected for {threshold} or more, and an exclusion, such as "
        "insolvency or bankruptcy, may cover it. Not tax advice."
    ).format(cancelled=_usd(outcome.cancelled), threshold=threshold)


def formula(statement: Statement) -> str:
    """The statement as one line of arithmetic with the user's numbers, for students.

    Examples
    --------
    >>> from deficiency.statement import explain
    >>> formula(explain(owed=10000, sale_price=8500, expenses={"Repossession": 500}))
    '$10,000.00 owed - $8,500.00 sale + $500.00 expenses - $0.00 credits = $2,000.00 deficiency'
    """
    statement = instance(statement, Statement, N_("Statement"))
    figures = {
        "owed": format_usd(statement.owed),
        "sale": format_usd(statement.proceeds),
        "expenses": format_usd(statement.expenses),
        "credits": format_usd(statement.credits),
    }
    if statement.surplus > ZERO:
        return _(
            "{owed} owed - {sale} sale + {expenses} expenses - {credits} credits = {result} surplus"
        ).format(result=format_usd(statement.surplus), **figures)
    return _(
        "{owed} owed - {sale} sale + {expenses} expenses - {credits} credits = {result} deficiency"
    ).format(result=format_usd(statement.deficiency), **figures)


def how_it_builds(statement: Statement) -> str:
    """Where the deficiency comes from: the unpaid loan after the sale, then costs and credits.

    Examples
    --------
    >>> from deficiency.statement import explain
    >>> how_it_builds(explain(owed=10000, sale_price=8500, expenses={"Repossession": 500}))
    'The sale leaves $1,500 of the debt unpaid; $500 of expenses bring it to a $2,000 deficiency.'
    """
    statement = instance(statement, Statement, N_("Statement"))
    if statement.surplus > ZERO:
        return _(
            "The sale brings {proceeds}, more than the "
            "{owed} owed plus costs, so {surplus} "
            "goes to any junior lienholder who claims it, then to the borrower."
        ).format(
            proceeds=_usd(statement.proceeds),
            owed=_usd(statement.owed),
            surplus=_usd(statement.surplus),
        )
    unpaid = statement.owed_after_proceeds
    figures = {
        "unpaid": _usd(unpaid),
        "owed": _usd(statement.owed),
        "expenses": _usd(statement.expenses),
        "credits": _usd(statement.credits),
        "deficiency": _usd(statement.deficiency),
    }
    costs = statement.expenses > ZERO
    credits = statement.credits > ZERO
    # One whole sentence for each case: what the sale leaves (or covers), then what the
    # expenses and credits do to it.
    if unpaid > ZERO:
        if costs and credits:
            message = _(
                "The sale leaves {unpaid} of the debt unpaid; {expenses} of expenses and "
                "{credits} of credits bring it to a {deficiency} deficiency."
            )
        elif costs:
            message = _(
                "The sale leaves {unpaid} of the debt unpaid; {expenses} of expenses bring it "
                "to a {deficiency} deficiency."
            )
        elif credits:
            message = _(
                "The sale leaves {unpaid} of the debt unpaid; {credits} of credits bring it "
                "to a {deficiency} deficiency."
            )
        else:
            message = _(
                "The sale leaves {unpaid} of the debt unpaid: that is the deficiency, {deficiency}."
            )
    elif costs and credits:
        message = _(
            "The sale covers the {owed} owed; {expenses} of expenses and {credits} of "
            "credits bring it to a {deficiency} deficiency."
        )
    elif costs:
        message = _(
            "The sale covers the {owed} owed; {expenses} of expenses bring it to a "
            "{deficiency} deficiency."
        )
    elif credits:
        message = _(
            "The sale covers the {owed} owed; {credits} of credits bring it to a "
            "{deficiency} deficiency."
        )
    else:
        message = _("The sale covers the {owed} owed: that is the deficiency, {deficiency}.")
    return message.format(**figures)


def _sum_line(name: str, items: tuple[tuple[str, Decimal], ...], total: Decimal) -> str:
    # A line of arithmetic: its words are the statement's labels, already translated.
    if not items:
        return f"{name} = {format_usd(total)}"
    parts = " + ".join(f"{format_usd(amount)} {label.lower()}" for label, amount in items)
    return f"{name} = {parts} = {format_usd(total)}"


def formulas(outcome: Outcome) -> list[str]:
    """Every figure's formula with the user's numbers substituted, in the order they build.

    Examples
    --------
    >>> from deficiency.scenarios import LoanKind, evaluate
    >>> car = {"unpaid_principal": 10000, "sale_price": 8500, "retaking_fee": 500,
    ...        "settlement_percent": 40}
    >>> lines = formulas(evaluate(LoanKind.AUTO, car, "repossession", "settled"))
    >>> for line in lines[:2] + lines[-2:]:
    ...     print(line)
    Amount owed = $10,000.00 unpaid principal = $10,000.00
    Lender's expenses = $500.00 repossession (retaking) = $500.00
    Borrower pays = 40% x $2,000.00 = $800.00
    Cancelled = $2,000.00 - $800.00 = $1,200.00
    """
    outcome = instance(outcome, Outcome, N_("Outcome"))
    statement = outcome.statement
    lines = [
        _sum_line(_("Amount owed"), statement.obligation_items, statement.owed),
        _sum_line(statement.expenses_label, statement.expense_items, statement.expenses),
        _sum_line(_("Credits"), statement.credit_items, statement.credits),
    ]
    result = _("Surplus") if statement.surplus > ZERO else _("Deficiency")
    lines.append(f"{result}: {formula(statement)}")
    if outcome.barred > ZERO:
        lines.append(
            _("Collectible = {deficiency} - {barred} barred by state law = {collectible}").format(
                deficiency=format_usd(outcome.deficiency),
                barred=format_usd(outcome.barred),
                collectible=format_usd(outcome.collectible),
            )
        )
    if outcome.collectible == ZERO:
        return lines
    terms = outcome.terms
    if terms.resolution is Resolution.SETTLED:
        share = f"{terms.settlement_percent.normalize():f}%"
        lines.append(
            _("Borrower pays = {share} x {collectible} = {paid}").format(
                share=share,
                collectible=format_usd(outcome.collectible),
                paid=format_usd(outcome.paid_toward_deficiency),
            )
        )
        lines.append(
            _("Cancelled = {collectible} - {paid} = {cancelled}").format(
                collectible=format_usd(outcome.collectible),
                paid=format_usd(outcome.paid_toward_deficiency),
                cancelled=format_usd(outcome.cancelled),
            )
        )
    elif terms.resolution is Resolution.JUDGMENT:
        lines.append(
            _(
                "Borrower owes = {collectible} deficiency + {court_costs} court costs + "
                "{attorney_fees} attorney fees = {owes}"
            ).format(
                collectible=format_usd(outcome.collectible),
                court_costs=format_usd(terms.court_costs),
                attorney_fees=format_usd(terms.judgment_attorney_fees),
                owes=format_usd(outcome.borrower_owes),
            )
        )
    else:
        lines.append(
            _("Cancelled = the whole {collectible} deficiency, waived").format(
                collectible=format_usd(outcome.collectible)
            )
        )
    return lines

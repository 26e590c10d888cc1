"""Plain-language sentences about a statement or outcome, for people rather than accountants."""

from __future__ import annotations

from decimal import Decimal

from deficiency.money import ZERO, format_usd
from deficiency.parsing import instance, text
from deficiency.resolution import Outcome, Resolution
from deficiency.statement import Statement
from deficiency.tax import form_1099c_threshold


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
    outcome = instance(outcome, Outcome, "Outcome")
    collateral = text(collateral, "Collateral")
    if outcome.surplus > ZERO:
        return (
            f"The sale more than covers the debt: a surplus of {_usd(outcome.surplus)} is "
            f"left after {collateral} is sold. It is yours once any other lender with a "
            f"later lien on {collateral} that claims it is paid."
        )
    if outcome.deficiency == ZERO:
        return (
            f"The sale exactly covers the debt: you would owe nothing after {collateral} is sold."
        )
    if outcome.collectible == ZERO:
        return (
            f"You would owe nothing after {collateral} is sold: state law bars the lender "
            f"from collecting the {_usd(outcome.deficiency)} deficiency."
        )
    limited = (
        f" (state law limits the {_usd(outcome.deficiency)} deficiency to "
        f"{_usd(outcome.collectible)})"
        if outcome.barred > ZERO
        else ""
    )
    resolution = outcome.terms.resolution
    if resolution is Resolution.WAIVED:
        return (
            f"You would owe nothing after {collateral} is sold: the lender waives the "
            f"{_usd(outcome.collectible)} shortfall{limited}, which becomes cancelled debt."
        )
    if resolution is Resolution.SETTLED:
        return (
            f"You would pay {_usd(outcome.borrower_owes)} after {collateral} is sold; "
            f"the other {_usd(outcome.cancelled)} of the {_usd(outcome.collectible)} "
            f"deficiency is cancelled{limited}."
        )
    sentence = f"You would still owe {_usd(outcome.borrower_owes)} after {collateral} is sold"
    if outcome.judgment_costs > ZERO:
        sentence += f", including {_usd(outcome.judgment_costs)} of court costs and fees"
    return sentence + limited + "."


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
    outcome = instance(outcome, Outcome, "Outcome")
    if outcome.cancelled <= ZERO:
        return None
    threshold = _usd(form_1099c_threshold())
    return (
        f"The {_usd(outcome.cancelled)} the lender forgives may count as taxable income: a "
        f"Form 1099-C is expected for {threshold} or more, and an exclusion, such as "
        "insolvency or bankruptcy, may cover it. Not tax advice."
    )


def formula(statement: Statement) -> str:
    """The statement as one line of arithmetic with the user's numbers, for students.

    Examples
    --------
    >>> from deficiency.statement import explain
    >>> formula(explain(owed=10000, sale_price=8500, expenses={"Repossession": 500}))
    '$10,000.00 owed - $8,500.00 sale + $500.00 expenses - $0.00 credits = $2,000.00 deficiency'
    """
    statement = instance(statement, Statement, "Statement")
    result = (
        f"{format_usd(statement.surplus)} surplus"
        if statement.surplus > ZERO
        else f"{format_usd(statement.deficiency)} deficiency"
    )
    return (
        f"{format_usd(statement.owed)} owed - {format_usd(statement.proceeds)} sale"
        f" + {format_usd(statement.expenses)} expenses - {format_usd(statement.credits)} credits"
        f" = {result}"
    )


def how_it_builds(statement: Statement) -> str:
    """Where the deficiency comes from: the unpaid loan after the sale, then costs and credits.

    Examples
    --------
    >>> from deficiency.statement import explain
    >>> how_it_builds(explain(owed=10000, sale_price=8500, expenses={"Repossession": 500}))
    'The sale leaves $1,500 of the debt unpaid; $500 of expenses bring it to a $2,000 deficiency.'
    """
    statement = instance(statement, Statement, "Statement")
    if statement.surplus > ZERO:
        return (
            f"The sale brings {_usd(statement.proceeds)}, more than the "
            f"{_usd(statement.owed)} owed plus costs, so {_usd(statement.surplus)} "
            f"goes to any junior lienholder who claims it, then to the borrower."
        )
    unpaid = statement.owed_after_proceeds
    start = (
        f"The sale leaves {_usd(unpaid)} of the debt unpaid"
        if unpaid > ZERO
        else f"The sale covers the {_usd(statement.owed)} owed"
    )
    parts = []
    if statement.expenses > ZERO:
        parts.append(f"{_usd(statement.expenses)} of expenses")
    if statement.credits > ZERO:
        parts.append(f"{_usd(statement.credits)} of credits")
    if not parts:
        return f"{start}: that is the deficiency, {_usd(statement.deficiency)}."
    return f"{start}; {' and '.join(parts)} bring it to a {_usd(statement.deficiency)} deficiency."


def _sum_line(name: str, items: tuple[tuple[str, Decimal], ...], total: Decimal) -> str:
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
    outcome = instance(outcome, Outcome, "Outcome")
    statement = outcome.statement
    lines = [
        _sum_line("Amount owed", statement.obligation_items, statement.owed),
        _sum_line(statement.expenses_label, statement.expense_items, statement.expenses),
        _sum_line("Credits", statement.credit_items, statement.credits),
    ]
    result = "Surplus" if statement.surplus > ZERO else "Deficiency"
    lines.append(f"{result}: {formula(statement)}")
    if outcome.barred > ZERO:
        lines.append(
            f"Collectible = {format_usd(outcome.deficiency)} - {format_usd(outcome.barred)} "
            f"barred by state law = {format_usd(outcome.collectible)}"
        )
    if outcome.collectible == ZERO:
        return lines
    terms = outcome.terms
    if terms.resolution is Resolution.SETTLED:
        share = f"{terms.settlement_percent.normalize():f}%"
        lines.append(
            f"Borrower pays = {share} x {format_usd(outcome.collectible)} = "
            f"{format_usd(outcome.paid_toward_deficiency)}"
        )
        lines.append(
            f"Cancelled = {format_usd(outcome.collectible)} - "
            f"{format_usd(outcome.paid_toward_deficiency)} = {format_usd(outcome.cancelled)}"
        )
    elif terms.resolution is Resolution.JUDGMENT:
        lines.append(
            f"Borrower owes = {format_usd(outcome.collectible)} deficiency + "
            f"{format_usd(terms.court_costs)} court costs + "
            f"{format_usd(terms.judgment_attorney_fees)} attorney fees = "
            f"{format_usd(outcome.borrower_owes)}"
        )
    else:
        lines.append(f"Cancelled = the whole {format_usd(outcome.collectible)} deficiency, waived")
    return lines

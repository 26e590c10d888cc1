"""Break-even sale price: the lowest price, in cents, that leaves no deficiency.

The answer is what the UI shows as "the house (or car) would have to sell for at
least ...". It is solved exactly against the same statement the rest of the app
shows, so at the break-even price the statement has no deficiency and one cent
lower it has one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor

from deficiency.i18n import N_
from deficiency.money import MAX_AMOUNT, Amount
from deficiency.parsing import choice, mapping
from deficiency.scenarios import LoanKind, fixed_totals, statement_for

_MAX_CENTS = int(MAX_AMOUNT) * 100


def _balance_cents(
    kind: LoanKind, values: Mapping[str, Amount], exit: str | enum.Enum, price_cents: int
) -> int:
    """The statement's signed balance (deficiency > 0, surplus < 0) at a price, in cents."""
    price = Decimal(price_cents).scaleb(-2)
    statement = statement_for(kind, {**values, "sale_price": price}, exit)
    return int(statement.balance * 100)


def break_even_price(
    kind: LoanKind | str, values: Mapping[str, Amount], exit: str | enum.Enum
) -> Decimal | None:
    """The lowest sale price with no deficiency, or ``None`` if no price up to $1 trillion has none.

    Parameters
    ----------
    kind
        ``LoanKind.MORTGAGE`` or ``LoanKind.AUTO`` (or their values).
    values
        The flat inputs of :func:`deficiency.scenarios.evaluate`; ``sale_price`` is ignored.
    exit
        A ``MortgageExit`` or ``AutoExit`` (or its value).

    Returns
    -------
    Decimal or None
        The price in dollars and cents; ``Decimal('0.00')`` when even a $0 sale leaves
        no deficiency (credits cover everything); ``None`` when no price does, which
        happens only with a 100% commission or a debt near the $1 trillion limit.

    Raises
    ------
    InvalidInputError
        Naming the first bad input, as :func:`deficiency.scenarios.evaluate` does.

    Notes
    -----
    With ``T`` the balance at a $0 sale (debt + fixed costs - credits) and ``r`` the
    commission share, the balance at price ``P`` cents is
    ``T - (P - round_half_up(P r))``. ``f(P) = P - round_half_up(P r)`` is a
    non-decreasing step function (it rises by 0 or 1 per cent since ``r <= 1``) and
    ``P (1 - r) - 1/2 < f(P) <= P (1 - r) + 1/2``. So the answer lies between
    ``floor((T - 1/2) / (1 - r))`` and ``ceil(T / (1 - r))``; a binary search over
    that bracket, evaluated with the exact statement, finds the lowest ``P`` with
    ``f(P) >= T``.

    Examples
    --------
    The worked car example (docs/law.md): $10,000 owed and $500 of costs need a $10,500 sale.

    >>> car = {"unpaid_principal": 10000, "retaking_fee": 500}
    >>> break_even_price(LoanKind.AUTO, car, "repossession")
    Decimal('10500.00')

    Short sale of 7.1: payoff $260,525, $2,000 costs, 6% commission:
    ``P x 0.94 >= 262,525``.

    >>> house = {"unpaid_principal": 250000, "accrued_interest": 8125,
    ...          "escrow_advances": 2400, "commission_rate": 6, "seller_closing_costs": 2000}
    >>> break_even_price(LoanKind.MORTGAGE, house, "short_sale")
    Decimal('279281.91')
    """
    loan_kind = choice(LoanKind, kind, N_("Loan type"))
    values = mapping(values, N_("Scenario values"))
    target = _balance_cents(loan_kind, values, exit, 0)
    if target <= 0:
        return Decimal("0.00")
    share = Fraction(fixed_totals(loan_kind, values, exit).commission_rate) / 100
    if share >= 1:
        return None
    keep = 1 - share
    low = max(0, floor((target - Fraction(1, 2)) / keep))
    high = min(ceil(target / keep), _MAX_CENTS)
    if _balance_cents(loan_kind, values, exit, high) > 0:
        return None
    # Invariant: a deficiency at `low` (or low is 0, already checked) and none at `high`.
    while high - low > 1:
        middle = (low + high) // 2
        if _balance_cents(loan_kind, values, exit, middle) > 0:
            low = middle
        else:
            high = middle
    return Decimal(high).scaleb(-2).quantize(Decimal("0.01"))

"""The UCC 9-616(c) explanation: obligation, proceeds, expenses, credits, deficiency or surplus.

Both exits (a repossessed car, a house sold short or foreclosed) end in this one
statement, so every figure on screen is built by :func:`explain_items`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _
from deficiency.line_items import LineItem, signed_balance
from deficiency.money import ZERO, Amount, to_money
from deficiency.parsing import text


class StatementLine(NamedTuple):
    """One labelled amount; unpacks as ``(label, amount)``."""

    label: str
    amount: Decimal


#: The six line labels of UCC 9-616(c), in the statute's order.
#: They are marked for the catalog and read translated where a statement is built or listed.
OBLIGATION_LABEL = N_("Amount owed (obligation secured)")
PROCEEDS_LABEL = N_("Sale proceeds")
AFTER_PROCEEDS_LABEL = N_("Owed after the sale proceeds")
EXPENSES_LABEL = N_("Lender's expenses")
CREDITS_LABEL = N_("Credits")
DEFICIENCY_LABEL = N_("Deficiency")
#: A surplus pays a junior lienholder who demanded it before the borrower: UCC 9-615(a)(3),
#: (d)(1) for a car; the lien priority of a foreclosure sale for a home.
SURPLUS_LABEL = N_("Surplus (to junior lienholders, then the borrower)")
#: The order a car's statement follows: the six lines UCC 9-616(c) requires.
UCC_ORDER = N_("UCC 9-616(c) order")
#: The order a home's statement follows. Article 9 does not cover a home: a servicer's
#: payoff and deficiency letter starts from the payoff, takes off what the sale brought
#: after its costs, then the credits, and the statement keeps that order.
PAYOFF_ORDER = N_("a servicer's payoff order")


@dataclass(frozen=True)
class Statement:
    """An itemised explanation of a deficiency or surplus, in the UCC 9-616(c) order.

    Amounts are positive with their effect given by where they sit: the
    obligation and expenses add, proceeds and credits subtract.

    Notes
    -----
    ``result = obligation - proceeds + expenses - credits``; a positive result is
    a deficiency the obligor owes (UCC 9-615(d)(2)), a negative one a surplus the
    lender must pay to the debtor (UCC 9-615(d)(1)). A surplus is never shown as a
    negative deficiency: at most one of ``deficiency`` and ``surplus`` is non-zero.
    """

    obligation_items: tuple[StatementLine, ...]
    proceeds: Decimal
    expense_items: tuple[StatementLine, ...]
    credit_items: tuple[StatementLine, ...]
    proceeds_label: str = PROCEEDS_LABEL
    expenses_label: str = EXPENSES_LABEL
    #: The order the lines follow, as a heading names it (:data:`UCC_ORDER` for a car).
    order: str = UCC_ORDER

    def __post_init__(self) -> None:
        # The labels a reader sees, in the language the statement is built in (a label
        # already translated, or one the user typed, reads as given).
        for name in ("proceeds_label", "expenses_label", "order"):
            object.__setattr__(self, name, _(getattr(self, name)))

    @property
    def owed(self) -> Decimal:
        """Line 1: the aggregate obligation secured."""
        return sum((item.amount for item in self.obligation_items), ZERO)

    @property
    def owed_after_proceeds(self) -> Decimal:
        """Line 3: obligation minus proceeds; negative when the sale covered the whole debt."""
        return self.owed - self.proceeds

    @property
    def expenses(self) -> Decimal:
        """Line 4: the lender's expenses in total."""
        return sum((item.amount for item in self.expense_items), ZERO)

    @property
    def credits(self) -> Decimal:
        """Line 5: credits to which the obligor is entitled, in total."""
        return sum((item.amount for item in self.credit_items), ZERO)

    @property
    def balance(self) -> Decimal:
        """Signed result: positive is a deficiency, negative a surplus."""
        return signed_balance(self.owed, self.proceeds, self.expenses, self.credits)

    @property
    def deficiency(self) -> Decimal:
        """What the obligor owes after the sale, before any state-law limit; never negative."""
        return max(self.balance, ZERO)

    @property
    def surplus(self) -> Decimal:
        """What the lender must pay the debtor; never negative."""
        return max(-self.balance, ZERO)

    @property
    def net_proceeds(self) -> Decimal:
        """Proceeds after the lender's expenses, as applied under UCC 9-615(a); may be negative."""
        return self.proceeds - self.expenses

    @property
    def lines(self) -> tuple[StatementLine, ...]:
        """The six items of the UCC 9-616(c) explanation, as (label, amount) pairs."""
        result = (
            StatementLine(_(DEFICIENCY_LABEL), self.deficiency)
            if self.surplus == ZERO
            else StatementLine(_(SURPLUS_LABEL), self.surplus)
        )
        return (
            StatementLine(_(OBLIGATION_LABEL), self.owed),
            StatementLine(self.proceeds_label, self.proceeds),
            StatementLine(_(AFTER_PROCEEDS_LABEL), self.owed_after_proceeds),
            StatementLine(self.expenses_label, self.expenses),
            StatementLine(_(CREDITS_LABEL), self.credits),
            result,
        )


def _items(amounts: Mapping[str, Amount] | None, group: str) -> tuple[StatementLine, ...]:
    if amounts is None:
        return ()
    if not isinstance(amounts, Mapping):
        raise InvalidInputError(
            group, _("expected labelled amounts, got {value}").format(value=shown(amounts))
        )
    lines = []
    for label, amount in amounts.items():
        # Translators: the field of a line's label, as "obligation label" (a group's name first).
        name = text(label, _("{group} label").format(group=_(group)), 200)
        # Translators: one line of a group, as "expense 'Storage'".
        field = _("{group} '{name}'").format(group=_(group), name=name)
        lines.append(StatementLine(name, to_money(amount, field)))
    return tuple(lines)


def explain_items(
    obligation: Mapping[str, Amount],
    sale_price: Amount,
    expenses: Mapping[str, Amount] | None = None,
    credits: Mapping[str, Amount] | None = None,
    *,
    proceeds_label: str = PROCEEDS_LABEL,
) -> Statement:
    """Build a statement from an itemised obligation (principal, interest, fees...).

    Every amount is validated (non-negative, finite, at most $1 trillion) and
    rounded half-up to cents before any arithmetic, so the result is exact.

    Examples
    --------
    >>> s = explain_items({"Unpaid principal": 10000}, 8500, {"Repossession": 500})
    >>> s.deficiency, s.surplus
    (Decimal('2000.00'), Decimal('0.00'))
    """
    return Statement(
        obligation_items=_items(obligation, N_("obligation")),
        proceeds=to_money(sale_price, N_("sale price")),
        expense_items=_items(expenses, N_("expense")),
        credit_items=_items(credits, N_("credit")),
        proceeds_label=text(proceeds_label, N_("Proceeds label"), 200),
    )


def explain(
    owed: Amount,
    sale_price: Amount,
    expenses: Mapping[str, Amount] | None = None,
    credits: Mapping[str, Amount] | None = None,
) -> Statement:
    """Explain the deficiency or surplus after collateral is sold (UCC 9-615, 9-616).

    Parameters
    ----------
    owed
        Aggregate obligation secured: unpaid principal, accrued interest, late fees and charges.
    sale_price
        Cash proceeds of the sale (the gross price; expenses are listed separately).
    expenses
        The lender's expenses by type (retaking, storage, auction fees, attorney fees...).
    credits
        Credits owed to the borrower not already in ``owed`` (unearned interest, GAP refund...).

    Returns
    -------
    Statement
        ``.deficiency`` and ``.surplus`` (cents, never negative, at most one non-zero)
        and ``.lines``, the six (label, amount) items of UCC 9-616(c).

    Raises
    ------
    InvalidInputError
        A ``ValueError`` naming the field: negative, NaN, infinite, non-numeric,
        or above $1 trillion.

    Notes
    -----
    ``deficiency - surplus = owed - sale_price + sum(expenses) - sum(credits)``.

    References
    ----------
    UCC 9-615(a), (d) and 9-616(c); ``docs/law.md``.

    Examples
    --------
    The car example: $10,000 owed, sold for $8,500, $500 of repossession costs.

    >>> s = explain(owed=10000, sale_price=8500, expenses={"Repossession": 500})
    >>> s.deficiency
    Decimal('2000.00')
    >>> [label for label, _amount in s.lines][-1]
    'Deficiency'
    """
    return explain_items({_(OBLIGATION_LABEL): owed}, sale_price, expenses, credits)


def nonzero_lines(items: Iterable[tuple[str, Decimal]]) -> tuple[StatementLine, ...]:
    """Statement lines for the items that are not zero, so a statement lists only what applies."""
    return tuple(StatementLine(label, amount) for label, amount in items if amount != ZERO)


def item_lines(
    items: Iterable[LineItem],
    amounts: Mapping[str, Decimal],
    labels: Mapping[str, str] | None = None,
) -> tuple[StatementLine, ...]:
    """Statement lines for ``items``, each amount read by its input name from ``amounts``;
    ``labels`` replaces an item's label (a commission that names its rate). Zero items
    are left out unless shown at zero. Labels read in the reader's language."""
    relabelled = labels or {}
    return tuple(
        StatementLine(relabelled.get(item.name, item.label), amounts[item.name])
        for item in items
        if item.shown_at_zero or amounts[item.name] != ZERO
    )

"""The charges and credits that make up a deficiency, defined once for every path.

The exact statement (:func:`deficiency.mortgage_statement`, :func:`deficiency.auto_statement`),
the integer-cents arrays (:mod:`deficiency.vectorized`) and the batch fast path
(:func:`deficiency.batch.fast_row`) all read these tables and :func:`signed_balance`, so a
line item or the formula changes in one place.

Notes
-----
Each item sits in one group of the UCC 9-616(c) explanation: the obligation and the
lender's expenses are charges, the sale proceeds and the borrower's credits reduce what is
owed::

    balance = obligation - proceeds + expenses - credits

A positive balance is the deficiency, a negative one the surplus.

Two expenses are worked out from other inputs: a short sale's commission is
``commission_rate`` percent of the sale price (rounded half-up to cents), and a car's
storage is ``storage_days x storage_daily_rate``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, Self, TypeVar

from deficiency.i18n import N_, _


class Group(enum.Enum):
    """Where an item sits on the statement, and so whether it adds to the balance."""

    OBLIGATION = "obligation"
    EXPENSE = "expense"
    CREDIT = "credit"

    @property
    def is_charge(self) -> bool:
        """True for what the borrower is charged (obligation, expenses); False for credits."""
        return self is not Group.CREDIT


@dataclass(frozen=True)
class LineItem:
    """One input amount on the statement: its input name, the label it shows under, its
    group, and the exits it applies to (every exit of the loan when empty). An item is
    left off the statement at zero unless ``shown_at_zero``."""

    name: str
    #: The label in English, marked for the catalog; :attr:`label` reads it translated.
    english_label: str
    group: Group
    exits: frozenset[str] = frozenset()
    shown_at_zero: bool = False

    @property
    def label(self) -> str:
        """The item's label in the reader's language."""
        return _(self.english_label)

    def applies_to(self, exit: str | enum.Enum) -> bool:
        """Whether the item counts on ``exit``'s statement (an exit or its value)."""
        value = exit.value if isinstance(exit, enum.Enum) else exit
        return not self.exits or value in self.exits


#: Exits by value (the exit enums live beside the statements that read these tables).
_SHORT_SALE = frozenset({"short_sale"})
_LEGAL = frozenset({"foreclosure", "deed_in_lieu"})
_REPOSSESSION = frozenset({"repossession"})

#: The input name of the worked-out expenses (see the module notes).
COMMISSION = "commission"
STORAGE = "storage"

#: A mortgage's line items in statement order: the payoff, then a short sale's selling
#: costs or a foreclosure's (or deed in lieu's) legal costs. The principal shows even at
#: zero, on both loans: it anchors line 1.
MORTGAGE_ITEMS: tuple[LineItem, ...] = (
    LineItem("unpaid_principal", N_("Unpaid principal"), Group.OBLIGATION, shown_at_zero=True),
    LineItem("accrued_interest", N_("Accrued interest"), Group.OBLIGATION),
    LineItem("escrow_advances", N_("Escrow advances"), Group.OBLIGATION),
    LineItem("late_fees", N_("Late fees"), Group.OBLIGATION),
    LineItem("servicer_advances", N_("Inspection and preservation advances"), Group.OBLIGATION),
    LineItem("other_fees", N_("Other payoff fees"), Group.OBLIGATION),
    LineItem(COMMISSION, N_("Commission"), Group.EXPENSE, _SHORT_SALE),
    LineItem("seller_closing_costs", N_("Seller closing costs"), Group.EXPENSE, _SHORT_SALE),
    LineItem("transfer_taxes", N_("Transfer taxes"), Group.EXPENSE, _SHORT_SALE),
    LineItem("junior_lien_payments", N_("Payments to junior liens"), Group.EXPENSE, _SHORT_SALE),
    LineItem("hoa_arrears", N_("HOA arrears"), Group.EXPENSE, _SHORT_SALE),
    LineItem("seller_concessions", N_("Seller concessions"), Group.EXPENSE, _SHORT_SALE),
    LineItem("attorney_fees", N_("Foreclosure attorney fees"), Group.EXPENSE, _LEGAL),
    LineItem("trustee_fees", N_("Trustee fees"), Group.EXPENSE, _LEGAL),
    LineItem("costs_of_sale", N_("Costs of sale"), Group.EXPENSE, _LEGAL),
)

#: A car loan's line items in statement order: the loan, the lender's expenses (no
#: retaking fee after a voluntary surrender), then the borrower's credits.
AUTO_ITEMS: tuple[LineItem, ...] = (
    LineItem("unpaid_principal", N_("Unpaid principal"), Group.OBLIGATION, shown_at_zero=True),
    LineItem("accrued_interest", N_("Accrued interest"), Group.OBLIGATION),
    LineItem("late_fees", N_("Late fees"), Group.OBLIGATION),
    LineItem("other_charges", N_("Other contract charges"), Group.OBLIGATION),
    LineItem("retaking_fee", N_("Repossession (retaking)"), Group.EXPENSE, _REPOSSESSION),
    LineItem("transport", N_("Transport"), Group.EXPENSE),
    LineItem(STORAGE, N_("Storage"), Group.EXPENSE),
    LineItem("reconditioning", N_("Reconditioning"), Group.EXPENSE),
    LineItem("auction_fee", N_("Auction or sale fees"), Group.EXPENSE),
    LineItem("attorney_fees", N_("Attorney fees"), Group.EXPENSE),
    LineItem("unearned_interest", N_("Unearned interest rebate"), Group.CREDIT),
    LineItem("gap_refund", N_("GAP refund"), Group.CREDIT),
    LineItem("service_contract_refund", N_("Service contract refund"), Group.CREDIT),
    LineItem("credit_insurance_refund", N_("Credit insurance refund"), Group.CREDIT),
)


def items_of(
    items: Iterable[LineItem], exit: str | enum.Enum, group: Group | None = None
) -> tuple[LineItem, ...]:
    """The items that count on ``exit``'s statement, in order; only ``group``'s when given.

    Examples
    --------
    >>> [item.name for item in items_of(MORTGAGE_ITEMS, "foreclosure", Group.EXPENSE)]
    ['attorney_fees', 'trustee_fees', 'costs_of_sale']
    """
    return tuple(
        item for item in items if item.applies_to(exit) and (group is None or item.group is group)
    )


class _Arithmetic(Protocol):
    def __add__(self, other: Self, /) -> Self: ...
    def __sub__(self, other: Self, /) -> Self: ...


#: A number type the balance is taken in: ``Decimal`` dollars, ``int`` cents or arrays.
N = TypeVar("N", bound=_Arithmetic)


def signed_balance(obligation: N, proceeds: N, expenses: N, credits: N) -> N:
    """The signed result of the statement: positive is a deficiency, negative a surplus.

    Works on any numbers that add and subtract: ``Decimal`` dollars, ``int`` cents or
    NumPy arrays of cents, so every path takes the result from this one line.

    Examples
    --------
    >>> signed_balance(10000, 8500, 500, 0)
    2000
    """
    return obligation - proceeds + expenses - credits

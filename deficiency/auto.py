"""Auto repossession and voluntary surrender under UCC Article 9 (consumer goods).

The lender sells the car and applies the proceeds first to its expenses, then
to the loan (UCC 9-615(a)); what is left unpaid is the deficiency.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from deficiency.i18n import N_, _
from deficiency.inputs import count_field, field_amounts, money_field, validate
from deficiency.line_items import AUTO_ITEMS, STORAGE, Group, items_of
from deficiency.money import round_cents, to_money
from deficiency.parsing import choice, instance
from deficiency.statement import Statement, item_lines


class AutoExit(enum.Enum):
    """How the lender got the car back."""

    REPOSSESSION = "repossession"
    VOLUNTARY_SURRENDER = "voluntary_surrender"

    @property
    def label(self) -> str:
        """The exit in the reader's language."""
        return _(_EXIT_LABELS[self.value])


_EXIT_LABELS = {
    "repossession": N_("Repossession"),
    "voluntary_surrender": N_("Voluntary surrender"),
}


@dataclass(frozen=True)
class AutoLoan:
    """What the borrower owed on the car loan as of the statement date (UCC 9-616(c)(1))."""

    unpaid_principal: Decimal = money_field(N_("Loan balance (unpaid principal)"))
    accrued_interest: Decimal = money_field(N_("Accrued interest"))
    late_fees: Decimal = money_field(N_("Late fees"))
    other_charges: Decimal = money_field(N_("Other contract charges"))

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class RepossessionCosts:
    """The lender's expenses of retaking, holding, preparing and selling (UCC 9-615(a)(1)).

    Attorney fees count only where the contract allows them and the law does not forbid.
    """

    retaking_fee: Decimal = money_field(N_("Repossession (retaking) fee"))
    transport: Decimal = money_field(N_("Transport"))
    storage_days: int = count_field(N_("Storage days"), maximum=3650)
    storage_daily_rate: Decimal = money_field(N_("Storage per day"))
    reconditioning: Decimal = money_field(N_("Reconditioning"))
    auction_fee: Decimal = money_field(N_("Auction or sale fees"))
    attorney_fees: Decimal = money_field(N_("Attorney fees"))

    def __post_init__(self) -> None:
        validate(self)

    @property
    def storage(self) -> Decimal:
        """Storage = days x daily rate, in cents."""
        return round_cents(self.storage_daily_rate * self.storage_days)


@dataclass(frozen=True)
class AddOnCredits:
    """Credits the lender owes the borrower (UCC 9-616(c)(5)): rebates and add-on refunds."""

    unearned_interest: Decimal = money_field(N_("Unearned interest rebate"))
    gap_refund: Decimal = money_field(N_("GAP refund"))
    service_contract_refund: Decimal = money_field(N_("Service contract refund"))
    credit_insurance_refund: Decimal = money_field(N_("Credit insurance refund"))

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class AutoScenario:
    """A car sold after repossession or voluntary surrender."""

    loan: AutoLoan
    sale_price: Decimal
    costs: RepossessionCosts = field(default_factory=RepossessionCosts)
    credits: AddOnCredits = field(default_factory=AddOnCredits)
    exit: AutoExit = AutoExit.REPOSSESSION

    def __post_init__(self) -> None:
        instance(self.loan, AutoLoan, N_("Loan"))
        instance(self.costs, RepossessionCosts, N_("Repossession costs"))
        instance(self.credits, AddOnCredits, N_("Credits"))
        object.__setattr__(self, "sale_price", to_money(self.sale_price, _("Sale price")))
        # Its value too ("voluntary_surrender"): any other string is refused, never read as a
        # repossession.
        object.__setattr__(self, "exit", choice(AutoExit, self.exit, N_("Repossession type")))


def auto_statement(scenario: AutoScenario) -> Statement:
    """The 9-616(c) statement for a car sale; a voluntary surrender drops the retaking fee.

    Zero-amount items are left out so the statement lists only what applies.

    Examples
    --------
    >>> s = auto_statement(AutoScenario(AutoLoan(unpaid_principal=10000), Decimal(8500),
    ...                                 RepossessionCosts(retaking_fee=500)))
    >>> s.deficiency
    Decimal('2000.00')
    """
    scenario = instance(scenario, AutoScenario, N_("Scenario"))
    costs = scenario.costs
    amounts = {
        **field_amounts(scenario.loan),
        **field_amounts(costs),
        **field_amounts(scenario.credits),
        STORAGE: costs.storage,
    }
    labels = {
        STORAGE: _("Storage ({days} days x {rate})").format(
            days=costs.storage_days, rate=f"${costs.storage_daily_rate:,.2f}"
        )
    }
    exit = scenario.exit
    return Statement(
        obligation_items=item_lines(items_of(AUTO_ITEMS, exit, Group.OBLIGATION), amounts),
        proceeds=scenario.sale_price,
        expense_items=item_lines(items_of(AUTO_ITEMS, exit, Group.EXPENSE), amounts, labels),
        credit_items=item_lines(items_of(AUTO_ITEMS, exit, Group.CREDIT), amounts),
        proceeds_label=_("Auction sale price")
        if scenario.exit is AutoExit.REPOSSESSION
        else _("Sale price"),
    )

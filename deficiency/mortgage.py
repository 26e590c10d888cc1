"""Mortgage exits: short sale, foreclosure and deed in lieu, each against the servicer's payoff.

A short sale's shortfall is the payoff minus the sale's net proceeds (price less the
selling costs the lender allows); a foreclosure's deficiency is the debt at sale minus
the sale price; a deed in lieu credits the value the lender accepts for the house.
State anti-deficiency law may bar or limit what the lender can collect.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from deficiency.i18n import N_, _
from deficiency.inputs import field_amounts, money_field, percent_field, validate
from deficiency.line_items import COMMISSION, MORTGAGE_ITEMS, Group, items_of
from deficiency.money import percent_of, to_money
from deficiency.parsing import choice, instance
from deficiency.statement import PAYOFF_ORDER, Statement, item_lines


class MortgageExit(enum.Enum):
    """How the borrower leaves the house (docs/law.md)."""

    SHORT_SALE = "short_sale"
    FORECLOSURE = "foreclosure"
    DEED_IN_LIEU = "deed_in_lieu"

    @property
    def label(self) -> str:
        """The exit in the reader's language."""
        return _(_EXIT_LABELS[self.value])

    @property
    def costs_label(self) -> str:
        """What the statement's expenses line holds on this exit."""
        return _(_COSTS_LABELS[self.value])

    @property
    def proceeds_label(self) -> str:
        """What the lender credits for the house on this exit."""
        return _(_PROCEEDS_LABELS[self.value])


_EXIT_LABELS = {
    "short_sale": N_("Short sale"),
    "foreclosure": N_("Foreclosure"),
    "deed_in_lieu": N_("Deed in lieu"),
}
_COSTS_LABELS = {
    "short_sale": N_("Selling costs paid from the price"),
    "foreclosure": N_("Foreclosure costs"),
    "deed_in_lieu": N_("Deed-in-lieu costs"),
}
_PROCEEDS_LABELS = {
    "short_sale": N_("Short sale price"),
    "foreclosure": N_("Foreclosure sale price"),
    "deed_in_lieu": N_("Value credited for the deed"),
}


@dataclass(frozen=True)
class MortgagePayoff:
    """The servicer's payoff: principal plus what piled up in default."""

    unpaid_principal: Decimal = money_field(N_("Loan balance (unpaid principal)"))
    accrued_interest: Decimal = money_field(N_("Accrued interest"))
    escrow_advances: Decimal = money_field(N_("Escrow advances (taxes, insurance)"))
    late_fees: Decimal = money_field(N_("Late fees"))
    servicer_advances: Decimal = money_field(N_("Inspection and preservation advances"))
    other_fees: Decimal = money_field(N_("Other payoff fees"))

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class SaleCosts:
    """Selling costs paid out of a short sale's price before the lender is paid.

    Fannie Mae allows a customary commission of at most 6%, seller closing costs,
    transfer taxes and past-due HOA fees.
    """

    commission_rate: Decimal = percent_field(N_("Commission (% of price)"))
    seller_closing_costs: Decimal = money_field(N_("Seller closing costs"))
    transfer_taxes: Decimal = money_field(N_("Transfer taxes"))
    junior_lien_payments: Decimal = money_field(N_("Payments to junior liens"))
    hoa_arrears: Decimal = money_field(N_("HOA arrears"))
    seller_concessions: Decimal = money_field(N_("Seller concessions"))

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class ForeclosureCosts:
    """Legal costs a foreclosure or a deed in lieu adds to the debt."""

    attorney_fees: Decimal = money_field(N_("Foreclosure attorney fees"))
    trustee_fees: Decimal = money_field(N_("Trustee fees"))
    costs_of_sale: Decimal = money_field(N_("Costs of sale (title, publication)"))

    def __post_init__(self) -> None:
        validate(self)


@dataclass(frozen=True)
class MortgageScenario:
    """A house leaving the borrower by one exit; ``sale_price`` is what the lender credits."""

    payoff: MortgagePayoff
    sale_price: Decimal
    exit: MortgageExit = MortgageExit.SHORT_SALE
    sale_costs: SaleCosts = field(default_factory=SaleCosts)
    foreclosure_costs: ForeclosureCosts = field(default_factory=ForeclosureCosts)

    def __post_init__(self) -> None:
        instance(self.payoff, MortgagePayoff, N_("Payoff"))
        instance(self.sale_costs, SaleCosts, N_("Selling costs"))
        instance(self.foreclosure_costs, ForeclosureCosts, N_("Foreclosure costs"))
        object.__setattr__(self, "sale_price", to_money(self.sale_price, _("Sale price")))
        object.__setattr__(self, "exit", choice(MortgageExit, self.exit, N_("Mortgage exit")))

    @property
    def commission(self) -> Decimal:
        """The commission in dollars: the rate applied to the sale price."""
        return percent_of(self.sale_price, self.sale_costs.commission_rate)


def mortgage_statement(scenario: MortgageScenario) -> Statement:
    """The statement of a mortgage exit, in a servicer's payoff order (:data:`PAYOFF_ORDER`).

    A short sale deducts its selling costs; a foreclosure and a deed in lieu add the
    lender's legal costs. Zero items are left out.

    Examples
    --------
    The worked short sale (docs/law.md): payoff $260,525, price $200,000,
    6% commission and $2,000 other costs leave a $74,525 shortfall.

    >>> payoff = MortgagePayoff(250000, accrued_interest=8125, escrow_advances=2400)
    >>> costs = SaleCosts(commission_rate=6, seller_closing_costs=2000)
    >>> mortgage_statement(MortgageScenario(payoff, Decimal(200000), sale_costs=costs)).deficiency
    Decimal('74525.00')
    """
    scenario = instance(scenario, MortgageScenario, N_("Scenario"))
    amounts = {
        **field_amounts(scenario.payoff),
        **field_amounts(scenario.sale_costs),
        **field_amounts(scenario.foreclosure_costs),
        COMMISSION: scenario.commission,
    }
    rate = f"{scenario.sale_costs.commission_rate.normalize():f}"
    labels = {COMMISSION: _("Commission ({rate}% of price)").format(rate=rate)}
    exit = scenario.exit
    return Statement(
        obligation_items=item_lines(items_of(MORTGAGE_ITEMS, exit, Group.OBLIGATION), amounts),
        proceeds=scenario.sale_price,
        expense_items=item_lines(items_of(MORTGAGE_ITEMS, exit, Group.EXPENSE), amounts, labels),
        credit_items=item_lines(items_of(MORTGAGE_ITEMS, exit, Group.CREDIT), amounts),
        proceeds_label=scenario.exit.proceeds_label,
        expenses_label=scenario.exit.costs_label,
        order=PAYOFF_ORDER,
    )

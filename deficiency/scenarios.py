"""Flat scenarios: build a mortgage or car scenario from one mapping of named inputs.

Pages, URL parameters and uploaded files all hold inputs as flat ``name -> value``
pairs; this module turns them into the typed scenario and its outcome in one call.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from deficiency.auto import (
    AddOnCredits,
    AutoExit,
    AutoLoan,
    AutoScenario,
    RepossessionCosts,
    auto_statement,
)
from deficiency.i18n import N_, _
from deficiency.inputs import MONEY, PERCENT, input_fields
from deficiency.line_items import COMMISSION, MORTGAGE_ITEMS, items_of
from deficiency.money import MAX_AMOUNT, MAX_PERCENT, Amount, to_count, to_money, to_percent
from deficiency.mortgage import (
    ForeclosureCosts,
    MortgageExit,
    MortgagePayoff,
    MortgageScenario,
    SaleCosts,
    mortgage_statement,
)
from deficiency.parsing import choice, instance, mapping
from deficiency.resolution import Outcome, Resolution, ResolutionTerms, resolve
from deficiency.statement import Statement


class LoanKind(enum.Enum):
    """The two kinds of secured loan the explorer compares."""

    MORTGAGE = "mortgage"
    AUTO = "auto"


@dataclass(frozen=True)
class FieldInfo:
    """One flat input: its name, label, kind (money, percent, count) and group on the statement."""

    name: str
    #: The label as written (English, marked for the catalog); :attr:`label` reads it in
    #: the reader's language.
    english_label: str
    kind: str
    group: str
    maximum: int = int(MAX_AMOUNT)

    @property
    def label(self) -> str:
        """The input's label in the reader's language: what an error about it names."""
        return _(self.english_label)


SALE_PRICE = FieldInfo("sale_price", N_("Sale price"), "money", "sale")

_GROUPS: dict[LoanKind, tuple[tuple[str, type[Any]], ...]] = {
    LoanKind.MORTGAGE: (
        ("obligation", MortgagePayoff),
        ("selling costs", SaleCosts),
        ("foreclosure costs", ForeclosureCosts),
    ),
    LoanKind.AUTO: (
        ("obligation", AutoLoan),
        ("expenses", RepossessionCosts),
        ("credits", AddOnCredits),
    ),
}


def _maximum(metadata: Mapping[str, Any]) -> int:
    if metadata["kind"] == "percent":
        return int(MAX_PERCENT)
    return int(metadata.get("maximum", MAX_AMOUNT))


def _infos(group: str, dataclass_type: type[Any]) -> tuple[FieldInfo, ...]:
    return tuple(
        FieldInfo(
            item.name,
            item.metadata["label"],
            item.metadata["kind"],
            group,
            _maximum(item.metadata),
        )
        for item in input_fields(dataclass_type)
    )


def scenario_fields(kind: LoanKind | str) -> tuple[FieldInfo, ...]:
    """Every flat input of a scenario kind, sale price included, in statement order."""
    groups = _GROUPS[choice(LoanKind, kind, N_("Loan kind"))]
    obligation = _infos(*groups[0])
    rest = tuple(info for group in groups[1:] for info in _infos(*group))
    return (*obligation, SALE_PRICE, *rest)


def parse_field(info: FieldInfo, raw: Amount) -> Decimal | int:
    """Validate one flat input by its kind; raises ``InvalidInputError`` naming its label.

    >>> parse_field(SALE_PRICE, "$8,500")
    Decimal('8500.00')
    """
    info = instance(info, FieldInfo, N_("Field"))
    if info.kind == MONEY:
        return to_money(raw, info.label)
    if info.kind == PERCENT:
        return to_percent(raw, info.label)
    return to_count(raw, info.label, maximum=info.maximum)


def exit_fields(kind: LoanKind | str, exit: str | enum.Enum) -> tuple[FieldInfo, ...]:
    """The inputs that count on this exit's statement, in statement order.

    A short sale pays selling costs and no foreclosure costs; a foreclosure or deed in
    lieu the reverse (:func:`deficiency.mortgage.mortgage_statement`). A voluntary
    surrender has no retaking fee (:func:`deficiency.auto.auto_statement`).

    >>> [info.name for info in exit_fields(LoanKind.AUTO, "voluntary_surrender")][:4]
    ['unpaid_principal', 'accrued_interest', 'late_fees', 'other_charges']
    >>> "retaking_fee" in {info.name for info in exit_fields(LoanKind.AUTO, "voluntary_surrender")}
    False
    """
    fields = scenario_fields(kind)
    if choice(LoanKind, kind, N_("Loan kind")) is LoanKind.MORTGAGE:
        chosen = choice(MortgageExit, exit, N_("Mortgage exit"))
        unused = "foreclosure costs" if chosen is MortgageExit.SHORT_SALE else "selling costs"
        return tuple(info for info in fields if info.group != unused)
    if choice(AutoExit, exit, N_("Repossession type")) is AutoExit.VOLUNTARY_SURRENDER:
        return tuple(info for info in fields if info.name != "retaking_fee")
    return fields


#: The resolution terms each resolution reads (:func:`deficiency.resolution.resolve`).
_RESOLUTION_FIELDS = {
    Resolution.WAIVED: (),
    Resolution.JUDGMENT: ("court_costs", "judgment_attorney_fees"),
    Resolution.SETTLED: ("settlement_percent",),
}


def resolution_fields(resolution: str | Resolution | None = None) -> tuple[FieldInfo, ...]:
    """The flat inputs of the resolution terms (court costs, fees, settlement share); with a
    resolution, only those it reads: a judgment its costs, a settlement its share.

    >>> [info.name for info in resolution_fields("settled")]
    ['settlement_percent']
    """
    infos = _infos("resolution", ResolutionTerms)
    if resolution is None:
        return infos
    used = _RESOLUTION_FIELDS[choice(Resolution, resolution, N_("Resolution"))]
    return tuple(info for info in infos if info.name in used)


def _pick(dataclass_type: type[Any], values: Mapping[str, Amount], **fixed: Any) -> Any:
    names = {item.name for item in input_fields(dataclass_type)}
    picked = {
        name: value
        for name, value in mapping(values, N_("Scenario values")).items()
        if name in names
    }
    return dataclass_type(**picked, **fixed)


def build_mortgage(values: Mapping[str, Amount], exit: str | enum.Enum) -> MortgageScenario:
    """A mortgage scenario from flat values; missing inputs take their defaults (zero)."""
    values = mapping(values, N_("Scenario values"))
    return MortgageScenario(
        payoff=_pick(MortgagePayoff, values),
        sale_price=values.get("sale_price", 0),  # type: ignore[arg-type]
        exit=choice(MortgageExit, exit, N_("Mortgage exit")),
        sale_costs=_pick(SaleCosts, values),
        foreclosure_costs=_pick(ForeclosureCosts, values),
    )


def build_auto(values: Mapping[str, Amount], exit: str | enum.Enum) -> AutoScenario:
    """A car scenario from flat values; missing inputs take their defaults (zero)."""
    values = mapping(values, N_("Scenario values"))
    return AutoScenario(
        loan=_pick(AutoLoan, values),
        sale_price=values.get("sale_price", 0),  # type: ignore[arg-type]
        costs=_pick(RepossessionCosts, values),
        credits=_pick(AddOnCredits, values),
        exit=choice(AutoExit, exit, N_("Repossession type")),
    )


def statement_for(
    kind: LoanKind | str, values: Mapping[str, Amount], exit: str | enum.Enum
) -> Statement:
    """The 9-616(c) statement of a flat scenario; ``exit`` is a MortgageExit or AutoExit value."""
    if choice(LoanKind, kind, N_("Loan kind")) is LoanKind.MORTGAGE:
        return mortgage_statement(build_mortgage(values, exit))
    return auto_statement(build_auto(values, exit))


@dataclass(frozen=True)
class FixedTotals:
    """What does not move with the sale price: the amount owed, the fixed expenses and
    the credits (the statement at a $0 sale), and the commission rate in percent charged
    on each price (0 on an exit without a commission)."""

    owed: Decimal
    expenses: Decimal
    credits: Decimal
    commission_rate: Decimal


def fixed_totals(
    kind: LoanKind | str, values: Mapping[str, Amount], exit: str | enum.Enum
) -> FixedTotals:
    """The totals of a flat scenario that a sale price does not change, for the grids and
    searches that vary the price (the commission applies where its line item does).

    Examples
    --------
    >>> house = {"unpaid_principal": 250000, "commission_rate": 6, "seller_closing_costs": 2000}
    >>> short_sale = fixed_totals("mortgage", house, "short_sale")
    >>> short_sale.owed, short_sale.expenses, short_sale.commission_rate
    (Decimal('250000.00'), Decimal('2000.00'), Decimal('6'))
    >>> fixed_totals("mortgage", house, "foreclosure").commission_rate
    Decimal('0')
    """
    values = mapping(values, N_("Scenario values"))
    priced = {**values, "sale_price": 0}
    statement = statement_for(kind, priced, exit)
    rate = Decimal(0)
    if choice(LoanKind, kind, N_("Loan kind")) is LoanKind.MORTGAGE:
        scenario = build_mortgage(priced, exit)
        if any(item.name == COMMISSION for item in items_of(MORTGAGE_ITEMS, scenario.exit)):
            rate = scenario.sale_costs.commission_rate
    return FixedTotals(statement.owed, statement.expenses, statement.credits, rate)


def evaluate(
    kind: LoanKind | str,
    values: Mapping[str, Amount],
    exit: str | enum.Enum,
    resolution: str | Resolution,
) -> Outcome:
    """The outcome of a flat scenario under a resolution: the one call pages and batch use.

    ``kind``, ``exit`` and ``resolution`` are enum members or their values ("auto").
    Raises ``InvalidInputError`` (a ``ValueError``) naming the first bad field.

    Examples
    --------
    >>> car = {"unpaid_principal": "10000", "sale_price": "8500", "retaking_fee": "500"}
    >>> evaluate(LoanKind.AUTO, car, "repossession", "judgment").borrower_owes
    Decimal('2000.00')
    """
    return resolve(statement_for(kind, values, exit), resolution_terms(values, resolution))


def resolution_terms(values: Mapping[str, Amount], resolution: str | Resolution) -> ResolutionTerms:
    """The resolution terms of a flat scenario (court costs, fees, settlement share)."""
    terms: ResolutionTerms = _pick(
        ResolutionTerms, values, resolution=choice(Resolution, resolution, N_("Resolution"))
    )
    return terms

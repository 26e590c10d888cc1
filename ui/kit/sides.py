"""The two sides of the comparison, the inputs each shows and their widget ranges.

A state key is ``<prefix>_<field name>`` (``c_sale_price``): short, stable, and the
name a URL parameter or an uploaded file uses for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from deficiency import (
    N_,
    AutoExit,
    FieldInfo,
    LoanKind,
    MortgageExit,
    Resolution,
    exit_fields,
    resolution_fields,
    scenario_fields,
)
from ui.kit.i18n import _


@dataclass(frozen=True)
class InputSpec:
    """One input on screen: its state key, the package's field info and the slider's range."""

    key: str
    info: FieldInfo
    slider_max: float
    step: float

    @property
    def label(self) -> str:
        return self.info.label


@dataclass(frozen=True)
class Side:
    """One loan kind as the dashboard shows it.

    ``title_text`` and ``collateral_text`` are the English words (marked with ``N_``);
    :attr:`title` and :attr:`collateral` give them in the reader's language, at call time.
    """

    kind: LoanKind
    prefix: str
    title_text: str
    collateral_text: str
    exit_type: type[MortgageExit] | type[AutoExit]
    headline: tuple[str, ...]
    ranges: dict[str, tuple[float, float]]

    @property
    def title(self) -> str:
        """The side's name in the reader's language, e.g. "Mortgage"."""
        return _(self.title_text)

    @property
    def collateral(self) -> str:
        """What secures the loan, with its article, as a sentence uses it: "the house"."""
        return _(self.collateral_text)

    @property
    def exits(self) -> tuple[tuple[str, str], ...]:
        """Each exit's value and label, the label in the reader's language."""
        return tuple((exit.value, exit.label) for exit in self.exit_type)

    def key(self, name: str) -> str:
        """The session-state key (and URL parameter name) of an input or choice."""
        return f"{self.prefix}_{name}"

    @property
    def exit_key(self) -> str:
        return self.key("exit")

    @property
    def resolution_key(self) -> str:
        return self.key("resolution")

    @property
    def preset_key(self) -> str:
        return self.key("preset")

    def spec(self, info: FieldInfo) -> InputSpec:
        default_max, default_step = _DEFAULT_RANGES[info.kind]
        slider_max, step = self.ranges.get(info.name, (default_max, default_step))
        return InputSpec(self.key(info.name), info, slider_max, step)

    @property
    def specs(self) -> tuple[InputSpec, ...]:
        """Every scenario input of this side, in statement order."""
        return tuple(self.spec(info) for info in scenario_fields(self.kind))

    @property
    def resolution_specs(self) -> dict[str, InputSpec]:
        """The resolution inputs (court costs, attorney fees, settlement share) by field name."""
        return {info.name: self.spec(info) for info in resolution_fields()}

    def specs_for(self, exit: str) -> tuple[InputSpec, ...]:
        """The inputs that count on ``exit``'s statement (:func:`deficiency.exit_fields`):
        a page shows no input that could not move its figures."""
        return tuple(self.spec(info) for info in exit_fields(self.kind, exit))

    def specs_in(self, group: str, exit: str) -> tuple[InputSpec, ...]:
        return tuple(spec for spec in self.specs_for(exit) if spec.info.group == group)

    def headline_specs(self, exit: str) -> tuple[InputSpec, ...]:
        by_name = {spec.info.name: spec for spec in self.specs_for(exit)}
        return tuple(by_name[name] for name in self.headline if name in by_name)

    def other_specs(self, exit: str) -> tuple[InputSpec, ...]:
        return tuple(spec for spec in self.specs_for(exit) if spec.info.name not in self.headline)

    def resolution_specs_for(self, resolution: str) -> tuple[InputSpec, ...]:
        """The resolution inputs ``resolution`` reads: a judgment's costs, a settlement's share."""
        return tuple(self.spec(info) for info in resolution_fields(resolution))


# (slider maximum, step) by input kind, where a side does not set its own.
_DEFAULT_RANGES: dict[str, tuple[float, float]] = {
    "money": (20_000.0, 50.0),
    "percent": (100.0, 1.0),
    "count": (365.0, 1.0),
}

MORTGAGE = Side(
    kind=LoanKind.MORTGAGE,
    prefix="m",
    title_text=N_("Mortgage"),
    # Translators: substituted into sentences ("after {collateral} is sold"): keep the article.
    collateral_text=N_("the house"),
    exit_type=MortgageExit,
    headline=("unpaid_principal", "sale_price", "commission_rate"),
    ranges={
        "unpaid_principal": (1_000_000.0, 1_000.0),
        "sale_price": (1_000_000.0, 1_000.0),
        "accrued_interest": (60_000.0, 100.0),
        "escrow_advances": (30_000.0, 100.0),
        "commission_rate": (10.0, 0.1),
        "seller_closing_costs": (50_000.0, 100.0),
        "junior_lien_payments": (50_000.0, 100.0),
        "court_costs": (10_000.0, 50.0),
        "judgment_attorney_fees": (20_000.0, 100.0),
    },
)

CAR = Side(
    kind=LoanKind.AUTO,
    prefix="c",
    title_text=N_("Car loan"),
    # Translators: substituted into sentences ("after {collateral} is sold"): keep the article.
    collateral_text=N_("the car"),
    exit_type=AutoExit,
    headline=("unpaid_principal", "sale_price", "retaking_fee"),
    ranges={
        "unpaid_principal": (100_000.0, 100.0),
        "sale_price": (100_000.0, 100.0),
        "accrued_interest": (5_000.0, 10.0),
        "late_fees": (2_000.0, 5.0),
        "other_charges": (5_000.0, 10.0),
        "retaking_fee": (2_500.0, 25.0),
        "transport": (2_000.0, 25.0),
        "storage_daily_rate": (100.0, 1.0),
        "reconditioning": (5_000.0, 25.0),
        "auction_fee": (2_000.0, 25.0),
        "attorney_fees": (5_000.0, 25.0),
        "unearned_interest": (5_000.0, 10.0),
        "gap_refund": (2_000.0, 10.0),
        "service_contract_refund": (5_000.0, 10.0),
        "credit_insurance_refund": (2_000.0, 10.0),
        "court_costs": (2_000.0, 25.0),
        "judgment_attorney_fees": (5_000.0, 25.0),
    },
)

SIDES = (MORTGAGE, CAR)


class _Resolutions(Sequence[tuple[str, str]]):
    """Each resolution's value and label, the label read in the reader's language each
    time it is used (a tuple built at import would keep the English)."""

    def _pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((resolution.value, resolution.label) for resolution in Resolution)

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, str]]: ...

    def __getitem__(self, index: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        return self._pairs()[index]

    def __len__(self) -> int:
        return len(Resolution)


RESOLUTIONS: Sequence[tuple[str, str]] = _Resolutions()

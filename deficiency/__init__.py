"""Exact arithmetic of deficiency balances after a short sale, foreclosure or car repossession.

The public API is re-exported here. Money is ``Decimal`` rounded half-up to cents;
bad input raises :class:`InvalidInputError`, a ``ValueError`` naming the field.
The package informs; it is not legal or tax advice.
"""

from deficiency.auto import (
    AddOnCredits,
    AutoExit,
    AutoLoan,
    AutoScenario,
    RepossessionCosts,
    auto_statement,
)
from deficiency.errors import InvalidInputError
from deficiency.money import format_usd, round_cents, to_money
from deficiency.mortgage import (
    ForeclosureCosts,
    MortgageExit,
    MortgagePayoff,
    MortgageScenario,
    SaleCosts,
    mortgage_statement,
)
from deficiency.presets import Preset, preset, presets, presets_for
from deficiency.resolution import Outcome, Resolution, ResolutionTerms, resolve
from deficiency.scenarios import FieldInfo, LoanKind, evaluate, resolution_fields, scenario_fields
from deficiency.statement import Statement, StatementLine, explain, explain_items

__all__ = [
    "AddOnCredits",
    "AutoExit",
    "AutoLoan",
    "AutoScenario",
    "FieldInfo",
    "ForeclosureCosts",
    "InvalidInputError",
    "LoanKind",
    "MortgageExit",
    "MortgagePayoff",
    "MortgageScenario",
    "Outcome",
    "Preset",
    "RepossessionCosts",
    "Resolution",
    "ResolutionTerms",
    "SaleCosts",
    "Statement",
    "StatementLine",
    "auto_statement",
    "evaluate",
    "explain",
    "explain_items",
    "format_usd",
    "mortgage_statement",
    "preset",
    "presets",
    "presets_for",
    "resolution_fields",
    "resolve",
    "round_cents",
    "scenario_fields",
    "to_money",
]

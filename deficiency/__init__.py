"""Exact arithmetic of deficiency balances after a short sale, foreclosure or car repossession.

The public API is re-exported here, with the enums an ordinary call names
(``Compounding.SIMPLE``; each also takes its value, "simple"). Money is ``Decimal``
rounded half-up to cents; bad input of any kind raises :class:`InvalidInputError`, a
``ValueError`` naming the field (:class:`InvalidScenarioError` is one, naming every bad
field).
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
from deficiency.batch import run_batch, template_csv
from deficiency.breakeven import break_even_price
from deficiency.case import (
    AnswerKind,
    Case,
    CaseDates,
    CaseOutcome,
    Headline,
    TaxFacts,
    TaxReconciliation,
    case_outcome,
)
from deficiency.collection import (
    PayPeriod,
    PlannerInputs,
    compare_options,
    countdown,
    garnishment_cap,
    garnishment_payoff,
    payoff_schedule,
    post_judgment_interest,
)
from deficiency.credit import (
    CreditReporting,
    TimelineEvent,
    credit_reporting,
    removal_date,
    timeline,
)
from deficiency.errors import InvalidInputError
from deficiency.garnishment import StateGarnishment, WageGarnishment, state_garnishment
from deficiency.judgment_interest import (
    Compounding,
    DebtPurpose,
    InterestRule,
    RateChoice,
    interest_rules,
    interest_rules_for,
    judgment_rate,
)
from deficiency.letter_check import (
    Flag,
    LenderLetter,
    LetterFacts,
    NoticeStatus,
    Severity,
    check_letter,
    minimum_statutory_damages,
)
from deficiency.limitations import Claim, Limitation, TimeLimit, limitations_for, time_limits
from deficiency.money import format_usd, number_text, round_cents, to_money
from deficiency.montecarlo import (
    PriceDistribution,
    SaleSimulation,
    TornadoRow,
    simulate_sale,
    tornado,
    validate_spread,
)
from deficiency.mortgage import (
    ForeclosureCosts,
    MortgageExit,
    MortgagePayoff,
    MortgageScenario,
    SaleCosts,
    mortgage_statement,
)
from deficiency.paths import DeficiencyPath
from deficiency.presets import Preset, preset, presets, presets_for
from deficiency.resolution import Outcome, Resolution, ResolutionTerms, resolve
from deficiency.scenarios import FieldInfo, LoanKind, evaluate, resolution_fields, scenario_fields
from deficiency.serialize import (
    InvalidScenarioError,
    ScenarioDocument,
    from_json,
    scenario_document,
    statement_csv,
    to_json,
)
from deficiency.sources import Confidence, Source
from deficiency.state_law import (
    ForeclosureType,
    LoanFacts,
    StateLawResult,
    StateRule,
    apply_state_law,
    cure_rules,
    owing_at_default,
    states,
)
from deficiency.statement import Statement, StatementLine, explain, explain_items
from deficiency.tax import (
    CancelledDebtTax,
    DebtType,
    ForeclosureWorksheet,
    estimated_extra_tax,
    expected_forms,
    foreclosure_worksheet,
    insolvency,
    taxable_cancelled_debt,
)
from deficiency.vectorized import DeficiencyGrid, cents_steps, deficiency_cents, deficiency_grid

__all__ = [
    "AddOnCredits",
    "AnswerKind",
    "AutoExit",
    "AutoLoan",
    "AutoScenario",
    "CancelledDebtTax",
    "Case",
    "CaseDates",
    "CaseOutcome",
    "Claim",
    "Compounding",
    "Confidence",
    "CreditReporting",
    "DebtPurpose",
    "DebtType",
    "DeficiencyGrid",
    "DeficiencyPath",
    "FieldInfo",
    "Flag",
    "ForeclosureCosts",
    "ForeclosureType",
    "ForeclosureWorksheet",
    "Headline",
    "InterestRule",
    "InvalidInputError",
    "InvalidScenarioError",
    "LenderLetter",
    "LetterFacts",
    "Limitation",
    "LoanFacts",
    "LoanKind",
    "MortgageExit",
    "MortgagePayoff",
    "MortgageScenario",
    "NoticeStatus",
    "Outcome",
    "PayPeriod",
    "PlannerInputs",
    "Preset",
    "PriceDistribution",
    "RateChoice",
    "RepossessionCosts",
    "Resolution",
    "ResolutionTerms",
    "SaleCosts",
    "SaleSimulation",
    "ScenarioDocument",
    "Severity",
    "Source",
    "StateGarnishment",
    "StateLawResult",
    "StateRule",
    "Statement",
    "StatementLine",
    "TaxFacts",
    "TaxReconciliation",
    "TimeLimit",
    "TimelineEvent",
    "TornadoRow",
    "WageGarnishment",
    "apply_state_law",
    "auto_statement",
    "break_even_price",
    "case_outcome",
    "cents_steps",
    "check_letter",
    "compare_options",
    "countdown",
    "credit_reporting",
    "cure_rules",
    "deficiency_cents",
    "deficiency_grid",
    "estimated_extra_tax",
    "evaluate",
    "expected_forms",
    "explain",
    "explain_items",
    "foreclosure_worksheet",
    "format_usd",
    "from_json",
    "garnishment_cap",
    "garnishment_payoff",
    "insolvency",
    "interest_rules",
    "interest_rules_for",
    "judgment_rate",
    "limitations_for",
    "minimum_statutory_damages",
    "mortgage_statement",
    "number_text",
    "owing_at_default",
    "payoff_schedule",
    "post_judgment_interest",
    "preset",
    "presets",
    "presets_for",
    "removal_date",
    "resolution_fields",
    "resolve",
    "round_cents",
    "run_batch",
    "scenario_document",
    "scenario_fields",
    "simulate_sale",
    "state_garnishment",
    "statement_csv",
    "states",
    "taxable_cancelled_debt",
    "template_csv",
    "time_limits",
    "timeline",
    "to_json",
    "to_money",
    "tornado",
    "validate_spread",
]

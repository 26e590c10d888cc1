"""Every public callable of ``deficiency`` (its ``__all__``) with one valid call each, and the
hostile kinds of input each parameter is tried with (tests/package/test_fuzz_package.py).

A callable's documented inputs are accepted; anything else must raise
``InvalidInputError`` (``InvalidScenarioError`` is one) naming the field. Result types
(a ``Statement``, an ``Outcome``...) are built by the package, not from user input, so
they are called only as arguments of the functions that take them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np

import deficiency as d

#: Public callables that are not called with user input: enums and exceptions (Python's
#: own types), result types the package builds, and the app's one-time wiring of the
#: reader's language (a catalog's folder, where the session's language is read; a call
#: here would replace the app's). Constants are not callables at all.
NOT_CALLED = frozenset(
    {
        "Translator",
        "read_language_from",
        "CarRoute",
        "EventKind",
        "FormStatus",
        "ExclusionKind",
        "Limit",
        "Option",
        "PayoffStatus",
        "BatchFileError",
        "Assessment",
        "BatchSummary",
        "EquityRow",
        "ExclusionRules",
        "FixedTotals",
        "FederalRates",
        "GapRow",
        "GarnishmentPayoff",
        "OptionResult",
        "PayoffSchedule",
        "TimelineGaps",
        "UnderwaterSpan",
        "AutoExit",
        "Claim",
        "Compounding",
        "Confidence",
        "DebtPurpose",
        "DebtType",
        "DeficiencyPath",
        "ForeclosureType",
        "LoanKind",
        "MortgageExit",
        "NoticeStatus",
        "PayPeriod",
        "PriceDistribution",
        "Resolution",
        "Severity",
        "WageGarnishment",
        "InvalidInputError",
        "InvalidScenarioError",
        "InterestRule",
        "Limitation",
        "RateChoice",
        "Source",
        "StateGarnishment",
        "StateRule",
        "TimeLimit",
        "AnswerKind",
        "CaseOutcome",
        "Headline",
        "TaxReconciliation",
        "WorksheetStart",
        "CancelledDebtTax",
        "CreditReporting",
        "DeficiencyGrid",
        "FieldInfo",
        "Flag",
        "ForeclosureWorksheet",
        "Outcome",
        "Preset",
        "SaleSimulation",
        "StateLawResult",
        "Statement",
        "StatementLine",
        "TimelineEvent",
        "TornadoRow",
    }
)

CAR = {"unpaid_principal": "10000", "sale_price": "8500", "retaking_fee": "500"}
HOME = {"unpaid_principal": "250000", "sale_price": "200000", "commission_rate": "6"}


def _mortgage_letter() -> d.MortgageLetter:
    return d.MortgageLetter(
        Decimal(312000), Decimal(0), Decimal(0), {}, Decimal(275000), {}, {}, Decimal(37000)
    )


def _letter() -> d.LenderLetter:
    return d.LenderLetter(
        balance_owed=Decimal(10000),
        sale_proceeds=Decimal(8500),
        balance_after_proceeds=Decimal(1500),
        expenses={"Repossession fee": Decimal(500)},
        credits={},
        deficiency=Decimal(2000),
    )


def _document() -> d.ScenarioDocument:
    return d.scenario_document("auto", "repossession", "judgment", CAR, name="Car", state="CA")


def _outcome() -> d.Outcome:
    return d.resolve(d.explain(10000, 8000), d.ResolutionTerms(d.Resolution.SETTLED, 40))


def _planner() -> d.PlannerInputs:
    return d.PlannerInputs(
        Decimal(2000), Decimal(40), plan_months=12, disposable_earnings=Decimal(368)
    )


#: One valid call of every public callable: name -> keyword arguments (built fresh).
VALID: dict[str, Callable[[], dict[str, Any]]] = {
    "CarDefault": lambda: {"default_date": dt.date(2024, 1, 1), "unpaid_principal": 10000},
    "MortgageDefault": lambda: {"default_date": dt.date(2024, 1, 1), "home_value": "250000"},
    "amortization": lambda: {
        "principal": 10000,
        "annual_rate": "7",
        "term_months": 60,
        "start": dt.date(2024, 1, 1),
    },
    "assess": lambda: {
        "kind": "auto",
        "values": CAR,
        "exit": "repossession",
        "resolution": "judgment",
        "state": "MN",
        "facts": {},
    },
    "car_gap_by_month": lambda: {
        "situation": d.CarDefault(dt.date(2024, 1, 1), Decimal(10000), car_value=Decimal(9000)),
        "plan": d.typical_car_plan("repossession"),
    },
    "car_values": lambda: {"price": 20000, "months": 24},
    "cents_to_money": lambda: {"cents": 123456},
    "column_descriptions": lambda: {},
    "credit_disclaimer": lambda: {},
    "decoded_lines": lambda: {"binary": io.BytesIO(d.template_csv().encode())},
    "equity_rows": lambda: {
        "schedule": d.amortization(10000, 7, 12, dt.date(2024, 1, 1)),
        "values": d.car_values(12000, 12),
    },
    "exclusion_rules": lambda: {},
    "exit_fields": lambda: {"kind": "auto", "exit": "repossession"},
    "fact_answer": lambda: {"name": "purchase_money", "raw": "yes"},
    "fact_question": lambda: {"fact": "purchase_money"},
    "facts_asked": lambda: {"state": "MN", "kind": "mortgage", "exit": "foreclosure"},
    "federal_rates": lambda: {},
    "fixed_totals": lambda: {"kind": "mortgage", "values": HOME, "exit": "short_sale"},
    "form_1099c_threshold": lambda: {},
    "formula": lambda: {"statement": d.explain(10000, 8000)},
    "formulas": lambda: {"outcome": _outcome()},
    "garnishment_source": lambda: {},
    "home_gap_by_month": lambda: {
        "situation": d.MortgageDefault(dt.date(2024, 1, 1), Decimal(250000)),
        "plan": d.typical_home_plan("foreclosure"),
    },
    "home_values": lambda: {"price": 250000, "months": 24, "yearly_change": "-2"},
    "how_it_builds": lambda: {"statement": d.explain(10000, 8000)},
    "jurisdiction_names": lambda: {},
    "money_to_cents": lambda: {"value": "12.34", "field": "Sale price"},
    "new_mortgage_dates": lambda: {
        "events": d.timeline(dt.date(2024, 1, 15), "short_sale", "waived")
    },
    "parse_field": lambda: {"info": d.exit_fields("auto", "repossession")[0], "raw": "100"},
    "path_choices": lambda: {"resolution": "settled"},
    "percent_of": lambda: {"amount": Decimal(1000), "percent": Decimal(15)},
    "statement_for": lambda: {"kind": "auto", "values": CAR, "exit": "repossession"},
    "takeaway": lambda: {"outcome": _outcome(), "collateral": "car"},
    "tax_disclaimer": lambda: {},
    "tax_note": lambda: {"outcome": _outcome()},
    "timeline_gaps": lambda: {"exit": "foreclosure", "path": "judgment"},
    "typical_car_plan": lambda: {"route": "repossession"},
    "typical_home_plan": lambda: {"exit": "foreclosure"},
    "underwater_spans": lambda: {
        "rows": d.equity_rows(d.amortization(10000, 7, 12, dt.date(2024, 1, 1)), [Decimal(0)] * 13)
    },
    "Case": lambda: {
        "kind": "mortgage",
        "exit": "short_sale",
        "amounts": HOME,
        "resolution": "judgment",
        "dates": d.CaseDates(dt.date(2025, 1, 15)),
        "state": "CA",
        "facts": {"purchase_money": "yes"},
        "tax": d.TaxFacts(main_home_loan=True),
    },
    "CaseDates": lambda: {
        "first_missed_payment": dt.date(2025, 1, 15),
        "months_default_to_sale": 10,
        "months_sale_to_resolution": 2,
    },
    "TaxFacts": lambda: {
        "main_home_loan": True,
        "title_11_case": False,
        "married_filing_separately": False,
        "liabilities": "20000",
        "assets": 5000,
        "elect_insolvency": False,
        "adjusted_basis": "180000",
    },
    "case_outcome": lambda: {
        "case": d.Case(
            d.LoanKind.AUTO,
            "repossession",
            CAR,
            d.Resolution.SETTLED,
            d.CaseDates(dt.date(2025, 1, 15)),
        )
    },
    "AddOnCredits": lambda: {"gap_refund": "100", "unearned_interest": 50},
    "AutoLoan": lambda: {"unpaid_principal": "10000", "late_fees": 25},
    "AutoScenario": lambda: {
        "loan": d.AutoLoan(unpaid_principal=Decimal(10000)),
        "sale_price": Decimal(8500),
        "costs": d.RepossessionCosts(retaking_fee=Decimal(500)),
        "credits": d.AddOnCredits(),
        "exit": "repossession",
    },
    "ForeclosureCosts": lambda: {"attorney_fees": 1000, "trustee_fees": "500"},
    "MortgageLetter": lambda: {
        "unpaid_principal": 312000,
        "interest": "1,200.00",
        "escrow_advances": 0,
        "fees": {"Property inspection": 30},
        "sale_price": 275000,
        "costs_of_sale": {"Commission": 16500, "Closing costs": 3000},
        "credits": {},
        "deficiency_claimed": 57730,
    },
    "LenderLetter": lambda: {
        "balance_owed": 10000,
        "sale_proceeds": "8,500.00",
        "balance_after_proceeds": 1500,
        "expenses": {"Repossession fee": 500},
        "credits": {"GAP refund": 0},
        "deficiency": 2000,
        "surplus": 0,
        "expenses_total": 500,
        "credits_total": None,
    },
    "LetterFacts": lambda: {
        "believed_value": 9000,
        "low_price_fraction": "0.5",
        "repossession_date": dt.date(2025, 1, 2),
        "sale_date": dt.date(2025, 3, 1),
        "balance_date": None,
        "state": "WI",
        "notice": "received",
        "finance_charge": 1200,
        "principal_amount": 9000,
        "precomputed": False,
        "add_ons": frozenset({"gap"}),
        "long_sale_days": 90,
    },
    "LoanFacts": lambda: {
        "foreclosure_type": "nonjudicial",
        "purchase_money": True,
        "owner_occupied": 1,
        "fair_market_value": 200000,
        "sale_price": "180000",
    },
    "MortgagePayoff": lambda: {"unpaid_principal": 250000, "accrued_interest": "1000"},
    "MortgageScenario": lambda: {
        "payoff": d.MortgagePayoff(unpaid_principal=Decimal(250000)),
        "sale_price": 200000,
        "exit": "short_sale",
        "sale_costs": d.SaleCosts(commission_rate=Decimal(6)),
        "foreclosure_costs": d.ForeclosureCosts(),
    },
    "PlannerInputs": lambda: {
        "deficiency": 2000,
        "settlement_percent": 40,
        "plan_monthly_payment": None,
        "plan_months": 12,
        "plan_annual_rate": 0,
        "disposable_earnings": 368,
        "pay_period": "weekly",
        "judgment_rate": 10,
        "judgment_costs": 350,
        "state": "CA",
        "interest_state": "US",
        "judgment_date": dt.date(2025, 6, 1),
        "debt_type": "personal",
        "gross_earnings": 500,
    },
    "RepossessionCosts": lambda: {
        "retaking_fee": 500,
        "storage_days": 10,
        "storage_daily_rate": 20,
    },
    "ResolutionTerms": lambda: {
        "resolution": "settled",
        "court_costs": 350,
        "judgment_attorney_fees": 0,
        "settlement_percent": 40,
    },
    "SaleCosts": lambda: {"commission_rate": 6, "seller_closing_costs": "2500"},
    "ScenarioDocument": lambda: {
        "kind": "auto",
        "exit": "repossession",
        "resolution": "judgment",
        "values": CAR,
        "name": "Car",
        "state": "CA",
        "facts": {"credit_sale": "yes"},
    },
    "apply_state_law": lambda: {
        "state": "CA",
        "kind": "mortgage",
        "exit": "foreclosure",
        "gross_deficiency": 40000,
        "facts": d.LoanFacts(foreclosure_type=d.ForeclosureType.NONJUDICIAL),
    },
    "auto_statement": lambda: {
        "scenario": d.AutoScenario(d.AutoLoan(unpaid_principal=Decimal(10000)), Decimal(8500))
    },
    "break_even_price": lambda: {"kind": "auto", "values": CAR, "exit": "repossession"},
    "cents_steps": lambda: {"low": 0, "high": 1000, "steps": 5, "field": "Sale price"},
    "check_mortgage_letter": lambda: {"letter": _mortgage_letter(), "state_law": None},
    "check_letter": lambda: {
        "letter": _letter(),
        "facts": d.LetterFacts(believed_value=Decimal(9000)),
        "state_note": "A note.",
    },
    "compare_options": lambda: {"inputs": _planner()},
    "countdown": lambda: {
        "start": dt.date(2024, 3, 1),
        "on": dt.date(2026, 3, 1),
        "years": 4,
        "months": 0,
        "days": 0,
    },
    "credit_reporting": lambda: {"exit": "short_sale", "path": "settled"},
    "deficiency_cents": lambda: {
        "owed": [1_000_000],
        "sale_price": np.array([850_000]),
        "expenses": 50_000,
        "credits": 0,
        "commission_rate": 0,
    },
    "deficiency_grid": lambda: {
        "owed": 10000,
        "sale_prices": [800_000, 900_000],
        "fees": [0, 50_000],
        "credits": 0,
        "commission_rate": "6",
    },
    "estimated_extra_tax": lambda: {"taxable": 1000, "marginal_rate": 22},
    "evaluate": lambda: {
        "kind": "auto",
        "values": CAR,
        "exit": "repossession",
        "resolution": "judgment",
    },
    "expected_forms": lambda: {
        "exit": "short_sale",
        "path": "waived",
        "cancelled": 5000,
        "same_year": True,
        "personal_use": True,
        "tax_year": 2025,
    },
    "explain": lambda: {
        "owed": 10000,
        "sale_price": 8500,
        "expenses": {"Repossession": 500},
        "credits": {"GAP refund": 100},
    },
    "explain_items": lambda: {
        "obligation": {"Unpaid principal": 10000},
        "sale_price": 8500,
        "expenses": {"Repossession": 500},
        "credits": None,
        "proceeds_label": "Auction price",
    },
    "foreclosure_worksheet": lambda: {
        "debt_before_transfer": 250000,
        "fair_market_value": 200000,
        "adjusted_basis": 180000,
        "debt_type": "recourse",
        "still_owed_after_transfer": 0,
        "proceeds_received": 0,
        "personal_use": True,
    },
    "format_usd": lambda: {"amount": Decimal("2000.5"), "cents": True},
    "from_json": lambda: {"text": d.to_json(_document())},
    "garnishment_cap": lambda: {
        "disposable_earnings": 368,
        "period": "weekly",
        "minimum_wage": None,
        "state": "TX",
        "gross_earnings": 500,
    },
    "garnishment_payoff": lambda: {
        "judgment": 2000,
        "disposable_earnings": 368,
        "annual_rate": 10,
        "period": "weekly",
        "max_years": 30,
        "state": None,
        "gross_earnings": None,
    },
    "insolvency": lambda: {"liabilities": 50000, "assets": 30000},
    "interest_rules": lambda: {},
    "interest_rules_for": lambda: {"state": "CA"},
    "judgment_rate": lambda: {
        "state": "CA",
        "judgment_date": dt.date(2025, 6, 1),
        "principal": 12000,
        "debt_type": "personal",
        "contract_sets_rate": False,
    },
    "limitations_for": lambda: {"state": "CO", "kind": "auto"},
    "time_limits": lambda: {
        "state": "AZ",
        "kind": "mortgage",
        "exit": "foreclosure",
        "start": dt.date(2025, 1, 10),
    },
    "state_garnishment": lambda: {"state": "NY"},
    "cure_rules": lambda: {"state": "WI"},
    "minimum_statutory_damages": lambda: {
        "finance_charge": 1200,
        "principal_amount": 9000,
        "time_price_differential": None,
        "cash_price": None,
    },
    "mortgage_statement": lambda: {
        "scenario": d.MortgageScenario(d.MortgagePayoff(unpaid_principal=Decimal(9)), Decimal(5))
    },
    "number_text": lambda: {"number": Decimal("8500.00")},
    "owing_at_default": lambda: {
        "state": "WI",
        "kind": "auto",
        "answered": None,
        "owed_now": 950,
    },
    "payoff_schedule": lambda: {
        "principal": 1000,
        "payment": 92,
        "annual_rate": 10,
        "period": "weekly",
        "max_years": 30,
        "final_period": None,
    },
    "post_judgment_interest": lambda: {
        "principal": 2000,
        "annual_rate": 10,
        "days": 730,
        "compounding": "simple",
    },
    "preset": lambda: {"preset_id": "car-example"},
    "presets": lambda: {},
    "presets_for": lambda: {"kind": "auto"},
    "removal_date": lambda: {"first_missed_payment": dt.date(2024, 1, 15)},
    "resolution_fields": lambda: {"resolution": "settled"},
    "resolve": lambda: {
        "statement": d.explain(10000, 8000),
        "terms": d.ResolutionTerms(d.Resolution.JUDGMENT),
        "collectible": Decimal(1000),
    },
    "round_cents": lambda: {"value": Decimal("1.005")},
    "N_": lambda: {"message": "Sale price"},
    "current_language": lambda: {},
    "language": lambda: {"code": "es"},
    "pick": lambda: {"english": "Yes", "spanish": "Sí"},
    "compute_caseload": lambda: {
        "data": d.template_csv().encode(),
        "source_format": "csv",
        "language": "es",
    },
    "run_batch": lambda: {
        "source": io.StringIO(d.template_csv()),
        "sink": io.StringIO(),
        "json_lines": False,
        "progress": None,
        "progress_every": 10,
        "language": "es",
    },
    "scenario_document": lambda: {
        "kind": "auto",
        "exit": "repossession",
        "resolution": "judgment",
        "values": CAR,
        "name": "Car",
        "state": "CA",
        "facts": {"credit_sale": "no"},
    },
    "scenario_fields": lambda: {"kind": "mortgage"},
    "simulate_sale": lambda: {
        "owed": 250000,
        "expected_price": 240000,
        "spread_percent": 10,
        "expenses": 5000,
        "credits": 0,
        "commission_rate": 6,
        "draws": 200,
        "seed": 7,
        "distribution": "lognormal",
    },
    "statement_csv": lambda: {"document": _document()},
    "states": lambda: {},
    "taxable_cancelled_debt": lambda: {
        "cancelled_debt": 50000,
        "discharge_date": dt.date(2025, 6, 1),
        "title_11_case": False,
        "qualified_home_debt": 50000,
        "loan_balance": 300000,
        "written_arrangement_date": None,
        "married_filing_separately": False,
        "liabilities": 60000,
        "assets": 20000,
        "elect_insolvency": False,
    },
    "template_csv": lambda: {},
    "timeline": lambda: {
        "first_missed_payment": dt.date(2024, 1, 15),
        "exit": "short_sale",
        "path": "waived",
        "months_default_to_sale": 12,
        "months_sale_to_resolution": 3,
        "cancelled": 5000,
    },
    "to_json": lambda: {"document": _document(), "indent": 2},
    "to_decimal": lambda: {"value": "$1,234.56", "field": "Months"},
    "to_money": lambda: {"value": "$1,234.56", "field": "Sale price"},
    "tornado": lambda: {
        "kind": "auto",
        "values": CAR,
        "exit": "repossession",
        "ranges": {"sale_price": (7000, 10000)},
    },
    "validate_spread": lambda: {"spread_percent": 10, "field": "Spread"},
}


class Junk:
    """An object of no type the package knows."""

    def __repr__(self) -> str:
        return "Junk()"


#: Every hostile kind each parameter is tried with: wrong types, non-numbers, numbers past
#: every limit (10**5000 has more digits than Python prints), text that only looks right,
#: wrong enum spellings and booleans where a number belongs.
HOSTILE: tuple[Any, ...] = (
    None,
    True,
    False,
    2,
    -1,
    0.5,
    float("nan"),
    float("inf"),
    10**5000,
    -(10**400),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("-Infinity"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    "",
    " ",
    "x",
    "yes",
    "Simple",
    "1E-999999",
    "8.500,00",
    "1,00",
    "9" * 5000,
    "\x00",
    "<b>x</b>",
    "١٢٣",
    b"100",
    [],
    [1, "x"],
    {},
    {"x": Junk()},
    {None: 1},
    (1,),
    frozenset({"x"}),
    dt.date(2024, 1, 1),
    dt.datetime(2024, 1, 1, 12, 0),
    dt.date.min,
    1 + 2j,
    Junk(),
    d.Resolution.WAIVED,
    d.AutoExit.REPOSSESSION,
    np.float64("nan"),
    np.array(["a"]),
    np.array([[1, 2], [3, 4]]),
    np.array([2**62]),
    json,  # a module
    print,  # a function
)


def public_callables() -> list[str]:
    """The names of ``deficiency.__all__`` that are called with user input."""
    return [name for name in d.__all__ if callable(getattr(d, name)) and name not in NOT_CALLED]


#: Yes/no parameters: True/False and 1/0 are read, nothing else.
BOOL_PARAMS: tuple[tuple[str, str], ...] = (
    ("format_usd", "cents"),
    ("expected_forms", "same_year"),
    ("expected_forms", "personal_use"),
    ("foreclosure_worksheet", "personal_use"),
    ("taxable_cancelled_debt", "title_11_case"),
    ("taxable_cancelled_debt", "married_filing_separately"),
    ("taxable_cancelled_debt", "elect_insolvency"),
    ("run_batch", "json_lines"),
    ("LetterFacts", "precomputed"),
    ("LoanFacts", "purchase_money"),
    ("LoanFacts", "owner_occupied"),
    ("judgment_rate", "contract_sets_rate"),
    ("TaxFacts", "main_home_loan"),
    ("TaxFacts", "title_11_case"),
    ("TaxFacts", "married_filing_separately"),
    ("TaxFacts", "elect_insolvency"),
)
#: Whole-number parameters: a bool is never read as 1 or 0 there.
INT_PARAMS: tuple[tuple[str, str], ...] = (
    ("expected_forms", "tax_year"),
    ("countdown", "years"),
    ("countdown", "days"),
    ("RepossessionCosts", "storage_days"),
    ("payoff_schedule", "max_years"),
    ("garnishment_payoff", "max_years"),
    ("simulate_sale", "draws"),
    ("simulate_sale", "seed"),
    ("cents_steps", "steps"),
    ("to_json", "indent"),
    ("run_batch", "progress_every"),
    ("post_judgment_interest", "days"),
    ("timeline", "months_default_to_sale"),
    ("timeline", "months_sale_to_resolution"),
    ("PlannerInputs", "plan_months"),
    ("LetterFacts", "long_sale_days"),
    ("CaseDates", "months_default_to_sale"),
    ("CaseDates", "months_sale_to_resolution"),
)
#: Choice parameters: the enum member or its exact value; any other spelling is refused.
ENUM_PARAMS: dict[tuple[str, str], type[Any]] = {
    ("AutoScenario", "exit"): d.AutoExit,
    ("MortgageScenario", "exit"): d.MortgageExit,
    ("ResolutionTerms", "resolution"): d.Resolution,
    ("Case", "kind"): d.LoanKind,
    ("Case", "exit"): d.MortgageExit,
    ("Case", "resolution"): d.Resolution,
    ("LetterFacts", "notice"): d.NoticeStatus,
    ("LoanFacts", "foreclosure_type"): d.ForeclosureType,
    ("PlannerInputs", "pay_period"): d.PayPeriod,
    ("ScenarioDocument", "kind"): d.LoanKind,
    ("ScenarioDocument", "exit"): d.AutoExit,
    ("ScenarioDocument", "resolution"): d.Resolution,
    ("apply_state_law", "kind"): d.LoanKind,
    ("apply_state_law", "exit"): d.MortgageExit,
    ("break_even_price", "kind"): d.LoanKind,
    ("break_even_price", "exit"): d.AutoExit,
    ("credit_reporting", "exit"): d.MortgageExit,
    ("credit_reporting", "path"): d.DeficiencyPath,
    ("evaluate", "kind"): d.LoanKind,
    ("evaluate", "exit"): d.AutoExit,
    ("evaluate", "resolution"): d.Resolution,
    ("expected_forms", "exit"): d.MortgageExit,
    ("expected_forms", "path"): d.DeficiencyPath,
    ("foreclosure_worksheet", "debt_type"): d.DebtType,
    ("judgment_rate", "debt_type"): d.DebtPurpose,
    ("PlannerInputs", "debt_type"): d.DebtPurpose,
    ("limitations_for", "kind"): d.LoanKind,
    ("time_limits", "kind"): d.LoanKind,
    ("time_limits", "exit"): d.MortgageExit,
    ("garnishment_cap", "period"): d.PayPeriod,
    ("garnishment_payoff", "period"): d.PayPeriod,
    ("owing_at_default", "kind"): d.LoanKind,
    ("payoff_schedule", "period"): d.PayPeriod,
    ("post_judgment_interest", "compounding"): d.Compounding,
    ("presets_for", "kind"): d.LoanKind,
    ("resolution_fields", "resolution"): d.Resolution,
    ("scenario_document", "kind"): d.LoanKind,
    ("scenario_document", "exit"): d.AutoExit,
    ("scenario_document", "resolution"): d.Resolution,
    ("scenario_fields", "kind"): d.LoanKind,
    ("simulate_sale", "distribution"): d.PriceDistribution,
    ("timeline", "exit"): d.MortgageExit,
    ("timeline", "path"): d.DeficiencyPath,
    ("tornado", "kind"): d.LoanKind,
    ("tornado", "exit"): d.AutoExit,
}

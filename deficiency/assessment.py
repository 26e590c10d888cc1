"""A scenario under the law of the borrower's state: the gross and the collectible deficiency.

:func:`assess` computes the statement, applies the state's anti-deficiency rules from
:mod:`deficiency.state_law`, and resolves only the collectible part, so a barred
deficiency shows as $0 owed with the rule that barred it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import _
from deficiency.money import Amount, to_money
from deficiency.parsing import choice, text
from deficiency.resolution import Outcome, Resolution, resolve
from deficiency.scenarios import LoanKind, resolution_terms, statement_for
from deficiency.state_law import (
    AMOUNT_FACTS,
    ForeclosureType,
    LoanFacts,
    StateLawResult,
    StateRule,
    apply_state_law,
    judicial_only,
    owing_at_default,
    rules_for,
)

#: Facts read from the scenario itself rather than asked: the price the lender credited.
DERIVED_FACTS = ("sale_price",)
YES, NO, UNKNOWN = "yes", "no", "unknown"


@dataclass(frozen=True)
class Assessment:
    """The outcome after state law, and the state-law finding (``None`` when no state is chosen)."""

    outcome: Outcome
    law: StateLawResult | None


def facts_asked(state: str, kind: LoanKind, exit: str) -> tuple[str, ...]:
    """The facts the state's rules for this loan and exit depend on, in a stable order.

    Facts the scenario already gives (:data:`DERIVED_FACTS`) are not asked.

    >>> facts_asked("MN", LoanKind.MORTGAGE, "foreclosure")
    ('foreclosure_type', 'short_redemption_period')
    """
    asked: list[str] = []
    for rule in rules_for(state, kind):
        if rule.exits and exit not in rule.exits:
            continue
        asked.extend(fact for fact in rule_facts(state, rule) if fact not in asked)
    return tuple(asked)


def rule_facts(state: str, rule: StateRule) -> tuple[str, ...]:
    """The facts one rule's scope and effect read, less those the scenario gives itself."""
    needed = [condition.fact for condition in rule.conditions]
    if rule.foreclosure_type is not None and not judicial_only(state):
        needed.insert(0, "foreclosure_type")
    if rule.threshold is not None:
        needed.append(rule.threshold.measure)
    if rule.fair_value_method is not None:
        needed.append("fair_market_value")
        if rule.fair_value_method.value == "fmv_less_surviving_liens":
            needed.append("surviving_liens")
    return tuple(fact for fact in dict.fromkeys(needed) if fact not in DERIVED_FACTS)


def loan_facts(raw: Mapping[str, str]) -> LoanFacts:
    """Parse facts as the UI and files hold them: "yes"/"no"/"unknown", amounts, a foreclosure type.

    Blank or "unknown" means not known, which never bars a deficiency.
    """
    if not isinstance(raw, Mapping):
        raise InvalidInputError(_("Facts"), _("expected answers by fact name"))
    parsed: dict[str, object] = {}
    names = {item.name for item in fields(LoanFacts)}
    for name, value in raw.items():
        if not isinstance(name, str) or name not in names:
            raise InvalidInputError(
                _("Facts"),
                _("{value} is not a fact the state rules use").format(value=shown(name)),
            )
        if name in AMOUNT_FACTS and not isinstance(value, str):
            parsed[name] = to_money(value, name.replace("_", " ").capitalize())
            continue
        if not isinstance(value, str):
            raise InvalidInputError(
                name, _("{value} is not yes, no or unknown").format(value=shown(value))
            )
        text = value.strip().lower()
        if text in ("", UNKNOWN):
            continue
        if name == "foreclosure_type":
            parsed[name] = choice(ForeclosureType, text, "Foreclosure type")
        elif name in AMOUNT_FACTS:
            parsed[name] = to_money(value, name.replace("_", " ").capitalize())
        elif text in (YES, NO):
            parsed[name] = text == YES
        else:
            raise InvalidInputError(
                name, _("{value} is not yes, no or unknown").format(value=shown(value))
            )
    return LoanFacts(**parsed)  # type: ignore[arg-type]


def fact_answer(name: str, raw: str) -> str:
    """One answer as pages, links and files hold it: "yes", "no", "unknown", an amount to
    the cent or a foreclosure type. Raises ``InvalidInputError`` naming the fact for an
    unknown fact, a fact read from the scenario, or an answer that is none of these.

    >>> fact_answer("purchase_money", " Yes "), fact_answer("fair_market_value", "$180,000")
    ('yes', '180000.00')
    """
    name = text(name, "Fact")
    if name in DERIVED_FACTS:
        raise InvalidInputError(name, _("is read from the scenario, not asked"))
    value = getattr(loan_facts({name: raw}), name)
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, enum.Enum):
        return str(value.value)
    return f"{value:f}"


def assess(
    kind: LoanKind,
    values: Mapping[str, Amount],
    exit: str,
    resolution: str | Resolution,
    state: str | None = None,
    facts: Mapping[str, str] | None = None,
) -> Assessment:
    """The outcome of a flat scenario after the state's rules; no state means the arithmetic only.

    Examples
    --------
    A California short sale of a purchase-money home the owner lived in cannot be pursued
    (Cal. Code Civ. Proc. 580e, 580b):

    >>> home = {"unpaid_principal": "250000", "sale_price": "200000"}
    >>> facts = {"purchase_money": "yes", "owner_occupied": "yes", "one_to_four_units": "yes"}
    >>> result = assess(LoanKind.MORTGAGE, home, "short_sale", "judgment", "CA", facts)
    >>> result.outcome.deficiency, result.outcome.collectible, result.outcome.borrower_owes
    (Decimal('50000.00'), Decimal('0.00'), Decimal('0.00'))
    """
    if state is not None:
        state = text(state, "State")
    statement = statement_for(kind, values, exit)
    terms = resolution_terms(values, resolution)
    if not state:
        return Assessment(resolve(statement, terms), None)
    given = loan_facts({} if facts is None else facts)
    known = replace(
        given,
        sale_price=statement.proceeds,
        amount_owing_at_default=owing_at_default(
            state, kind, given.amount_owing_at_default, statement.owed
        ),
    )
    law = apply_state_law(state, kind, exit, statement.deficiency, known)
    return Assessment(resolve(statement, terms, law.collectible_deficiency), law)

"""The issue's reference cases, as a session holds them: built once for every surface's test.

The California short sale ($312,000 owed, $275,000 sale, 6% commission, $3,000 closing
costs, the state's questions answered yes) has a $56,500.00 shortfall that state law bars;
the car, settled at 50%, has half its shortfall cancelled.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ui.kit.sides import CAR, MORTGAGE
from ui.kit.state import STATE_KEY, fact_key, init_state

CALIFORNIA_FACTS = {
    "purchase_money": "yes",
    "owner_occupied": "yes",
    "one_to_four_units": "yes",
    "secured_only_by_home": "yes",
    "individual_borrower": "yes",
}
CALIFORNIA_HOME = {
    "unpaid_principal": "312000.00",
    "accrued_interest": "0.00",
    "escrow_advances": "0.00",
    "sale_price": "275000.00",
    "commission_rate": "6",
    "seller_closing_costs": "3000.00",
}
#: The car's scenario: its worked example, the lender settling for half.
CAR_SETTLED = {"settlement_percent": "50"}
TODAY = date(2026, 3, 14)


def reference_session() -> dict[str, Any]:
    """A session holding both reference cases: the California short sale, the car settled."""
    state: dict[str, Any] = {}
    init_state(state)
    state[STATE_KEY] = "CA"
    state[MORTGAGE.exit_key] = "short_sale"
    state[MORTGAGE.resolution_key] = "waived"
    for name, value in CALIFORNIA_HOME.items():
        state[MORTGAGE.key(name)] = value
    for name, answer in CALIFORNIA_FACTS.items():
        state[fact_key(MORTGAGE, name)] = answer
    state[CAR.resolution_key] = "settled"
    for name, value in CAR_SETTLED.items():
        state[CAR.key(name)] = value
    return state

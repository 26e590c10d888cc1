"""The "What happens next" pages' inputs in the link: the scenario they read (``n_side``),
Credit report (``r_``), Taxes (``x_``) and Paying it off (``p_``).

Registered by ``app.py`` (:mod:`ui.kit.page_link`). An input that starts at a scenario
figure and follows it (:func:`ui.next_steps.inputs.follow_scenario`) is written only when
the user's figure differs from the one it follows; empty boxes (an unknown amount, no
date) stay empty.
"""

from __future__ import annotations

from datetime import date

from deficiency import DebtPurpose, DebtType, DeficiencyPath, PayPeriod, federal_rates
from ui.kit.page_link import (
    Default,
    Field,
    Kind,
    choice,
    constant,
    day,
    money,
    percent,
    whole,
    yes_no,
)
from ui.kit.state import State
from ui.next_steps.inputs import SIDE_KEY, followed
from ui.next_steps.paying_off import RATE_FEDERAL, RATE_FROM_LAW, RATE_TYPED

_DATE = day(date(1990, 1, 1), date(2060, 12, 31), optional=True)
_RATES = choice(str(rate) for rate in federal_rates().rates)
_EMPTY = constant("")


def _follows(key: str) -> Default:
    def default(state: State) -> object:
        return followed(state, key)

    return default


def _following(key: str, kind: Kind) -> Field:
    return Field(key, kind, _follows(key))


#: Every input of Credit report, Taxes and Paying it off.
NEXT_STEPS_INPUTS: tuple[Field, ...] = (
    Field(SIDE_KEY, choice(("m", "c")), constant("m")),
    # Credit report
    Field(
        "r_path",
        choice(("scenario", *(path.value for path in DeficiencyPath))),
        constant("scenario"),
    ),
    # The case's dates: empty while assumed (this month's first, the data's gaps).
    Field("r_first_missed", _DATE, _EMPTY),
    Field("r_months_to_sale", whole(0, 240, optional=True), _EMPTY),
    Field("r_months_to_resolution", whole(0, 240, optional=True), _EMPTY),
    # Taxes
    _following("x_debt_before", money()),
    _following("x_still_owed", money()),
    _following("x_fmv", money()),
    _following("x_basis", money()),
    _following("x_proceeds", money()),
    _following("x_debt_type", choice(item.value for item in DebtType)),
    Field("x_personal", yes_no, constant("yes")),
    Field("x_title11", yes_no, constant("no")),
    Field("x_home_loan", yes_no, constant("yes")),
    Field("x_written", _DATE, _EMPTY),
    Field("x_separate", yes_no, constant("no")),
    Field("x_liabilities", money(optional=True), _EMPTY),
    Field("x_assets", money(optional=True), _EMPTY),
    Field("x_elect_insolvency", yes_no, constant("no")),
    Field("x_rate", _RATES, constant("22")),
    # Paying it off
    _following("p_rate_from", choice((RATE_FROM_LAW, RATE_FEDERAL, RATE_TYPED))),
    Field("p_judgment_date", _DATE, _EMPTY),
    Field("p_debt_type", choice(item.value for item in DebtPurpose), constant("personal")),
    Field("p_rate", percent(), constant("10")),
    _following("p_costs", money()),
    Field("p_earnings", money(), constant("368")),
    Field("p_period", choice(item.value for item in PayPeriod), constant(PayPeriod.WEEKLY.value)),
    Field("p_gross", money(optional=True), _EMPTY),
    _following("p_settle", percent()),
    Field("p_tax_rate", _RATES, constant("22")),
    Field("p_plan_months", whole(0, 360), constant("24")),
    Field("p_plan_rate", percent(), constant("0")),
)

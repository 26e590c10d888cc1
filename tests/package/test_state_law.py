"""State anti-deficiency rules: every data row applied, required known answers, properties."""

import csv
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deficiency.auto import AutoExit
from deficiency.errors import InvalidInputError
from deficiency.mortgage import MortgageExit
from deficiency.scenarios import LoanKind
from deficiency.state_law import (
    AMOUNT_FACTS,
    BOOLEAN_FACTS,
    Comparison,
    Effect,
    Finding,
    ForeclosureType,
    LoanFacts,
    StateRule,
    _rule,
    apply_state_law,
    deficiency_deadlines,
    judicial_only,
    jurisdiction_names,
    rules_for,
    state_rules,
    states,
)

CSV_TEXT = resources.files("deficiency").joinpath("data", "state_rules.csv").read_text("utf-8")
ROWS = list(csv.DictReader(CSV_TEXT.splitlines()))
RULES = {rule.rule_id: rule for rule in state_rules()}
GROSS = Decimal("50000.00")
PRICE = Decimal("100000.00")
FAIR_VALUE_GAP = Decimal("10000.00")

JURISDICTIONS = list(jurisdiction_names())


def exit_of(rule: StateRule) -> MortgageExit | AutoExit:
    value = sorted(rule.exits)[0]
    return MortgageExit(value) if rule.loan_kind is LoanKind.MORTGAGE else AutoExit(value)


def facts_meeting(rule: StateRule, **overrides: object) -> LoanFacts:
    """Facts under which every part of the rule's scope holds; all else unknown."""
    values: dict[str, object] = {c.fact: c.required for c in rule.conditions}
    if rule.foreclosure_type is not None:
        values["foreclosure_type"] = rule.foreclosure_type
    if rule.threshold is not None:
        at_limit = rule.threshold.comparison is Comparison.AT_MOST
        values[rule.threshold.measure] = rule.threshold.amount - (
            Decimal(0) if at_limit else Decimal("0.01")
        )
    if rule.effect is Effect.FAIR_VALUE:
        values.update(
            sale_price=PRICE, fair_market_value=PRICE + FAIR_VALUE_GAP, surviving_liens=Decimal(0)
        )
    values.update(overrides)
    return LoanFacts(**values)  # type: ignore[arg-type]


def finding_of(result, rule_id):
    return next(item for item in result.findings if item.rule.rule_id == rule_id)


def test_the_csv_has_one_parsed_rule_per_row_with_unique_ids():
    assert [row["rule_id"] for row in ROWS] == [rule.rule_id for rule in state_rules()]
    assert len(RULES) == len(ROWS)


@pytest.mark.parametrize("state", JURISDICTIONS)
def test_every_jurisdiction_has_rows_for_both_loan_kinds(state):
    assert rules_for(state, LoanKind.MORTGAGE)
    assert rules_for(state, LoanKind.AUTO)


@pytest.mark.parametrize("row", ROWS, ids=[row["rule_id"] for row in ROWS])
def test_every_row_carries_a_structured_source(row):
    rule = RULES[row["rule_id"]]
    assert rule.summary and rule.source.citation
    assert date.fromisoformat(row["as_of"]) == rule.source.as_of
    if rule.confidence.value in {"H", "M"}:
        assert rule.source.url.startswith(("http://", "https://"))
    if rule.confidence.value == "H":
        assert rule.source.section_read and rule.source.quote
    if rule.uncertain:
        assert not rule.effect.changes_amount, "an unverified rule must not change a number"


DEFICIENCY_ROWS = [row for row in ROWS if row["topic"] == "deficiency"]


@pytest.mark.parametrize("row", DEFICIENCY_ROWS, ids=[row["rule_id"] for row in DEFICIENCY_ROWS])
def test_every_row_applies_when_its_facts_hold(row):
    rule = RULES[row["rule_id"]]
    result = apply_state_law(rule.state, rule.loan_kind, exit_of(rule), GROSS, facts_meeting(rule))
    found = finding_of(result, rule.rule_id)
    assert 0 <= result.collectible_deficiency <= GROSS
    if rule.effect is Effect.BAR:
        assert found.finding is Finding.APPLIED
        assert result.collectible_deficiency == 0 and result.barred
        assert rule.citation in result.explanation
    elif rule.effect is Effect.FAIR_VALUE:
        assert found.finding is Finding.APPLIED
        assert found.reduction == FAIR_VALUE_GAP
        assert result.collectible_deficiency == GROSS - FAIR_VALUE_GAP
    else:
        assert found.finding is Finding.INFORMATIONAL
        assert found.reduction == 0


CHANGING = [row for row in ROWS if row["effect"] in {"bar", "fair_value"}]


@pytest.mark.parametrize("row", CHANGING, ids=[row["rule_id"] for row in CHANGING])
def test_every_changing_row_stays_out_when_a_fact_fails_or_is_unknown(row):
    rule = RULES[row["rule_id"]]
    exit = exit_of(rule)
    if rule.conditions:
        first = rule.conditions[0]
        failing = facts_meeting(rule, **{first.fact: not first.required})
        unknown = facts_meeting(rule, **{first.fact: None})
    elif rule.threshold is not None:
        failing = facts_meeting(rule, **{rule.threshold.measure: rule.threshold.amount + 1})
        unknown = facts_meeting(rule, **{rule.threshold.measure: None})
    elif rule.foreclosure_type is not None and not judicial_only(rule.state):
        other = next(kind for kind in ForeclosureType if kind is not rule.foreclosure_type)
        failing = facts_meeting(rule, foreclosure_type=other)
        unknown = facts_meeting(rule, foreclosure_type=None)
    else:
        failing = facts_meeting(rule, fair_market_value=PRICE - 1)
        unknown = facts_meeting(rule, fair_market_value=None)
    not_met = finding_of(
        apply_state_law(rule.state, rule.loan_kind, exit, GROSS, failing), row["rule_id"]
    )
    assert not_met.reduction == 0
    assert not_met.finding in {Finding.NOT_MET, Finding.APPLIED}
    maybe = finding_of(
        apply_state_law(rule.state, rule.loan_kind, exit, GROSS, unknown), row["rule_id"]
    )
    assert maybe.finding is Finding.MAY_APPLY and maybe.reduction == 0


def test_california_purchase_money_short_sale_cannot_be_pursued():
    facts = LoanFacts(
        purchase_money=True,
        owner_occupied=True,
        one_to_four_units=True,
        secured_only_by_home=True,
        individual_borrower=True,
    )
    result = apply_state_law("CA", LoanKind.MORTGAGE, MortgageExit.SHORT_SALE, "74525", facts)
    assert result.gross_deficiency == Decimal("74525.00")
    assert result.collectible_deficiency == 0
    assert {item.rule.rule_id for item in result.applied} == {"CA-580b", "CA-580e"}
    assert "580e" in result.explanation and "580b" in result.explanation
    assert all(item.rule.confidence.value == "H" for item in result.applied)


def test_california_short_sale_of_a_commercial_building_is_not_barred():
    facts = LoanFacts(purchase_money=True, owner_occupied=False, one_to_four_units=False)
    result = apply_state_law("CA", LoanKind.MORTGAGE, "short_sale", 1000, facts)
    assert result.collectible_deficiency == Decimal("1000.00")


@pytest.mark.parametrize(
    ("secured_only", "individual", "collectible"),
    [
        (True, True, "0.00"),
        (False, True, "1000.00"),
        (True, False, "1000.00"),
        (None, True, "1000.00"),
    ],
)
def test_california_580e_needs_a_note_secured_only_by_the_home_and_a_personal_borrower(
    secured_only, individual, collectible
):
    # A refinance with cash out: not purchase money, so only 580e can bar the deficiency.
    facts = LoanFacts(
        purchase_money=False,
        seller_financed=False,
        one_to_four_units=True,
        secured_only_by_home=secured_only,
        individual_borrower=individual,
    )
    result = apply_state_law("CA", LoanKind.MORTGAGE, "short_sale", 1000, facts)
    assert result.collectible_deficiency == Decimal(collectible)
    expected = {True: Finding.APPLIED, False: Finding.NOT_MET, None: Finding.MAY_APPLY}
    assert finding_of(result, "CA-580e").finding is expected[secured_only and individual]


@pytest.mark.parametrize(
    ("short_redemption", "collectible", "finding"),
    [
        (True, "0.00", Finding.APPLIED),
        (False, "50000.00", Finding.NOT_MET),
        (None, "50000.00", Finding.MAY_APPLY),
    ],
)
def test_minnesota_bar_needs_a_six_month_or_five_week_redemption_period(
    short_redemption, collectible, finding
):
    # Minn. Stat. 582.30 subd. 2: only foreclosures by advertisement with those periods.
    facts = LoanFacts(
        foreclosure_type=ForeclosureType.NONJUDICIAL, short_redemption_period=short_redemption
    )
    result = apply_state_law("MN", LoanKind.MORTGAGE, "foreclosure", 50000, facts)
    assert result.collectible_deficiency == Decimal(collectible)
    assert finding_of(result, "MN-582.30").finding is finding


@pytest.mark.parametrize(
    ("owing", "collectible"),
    [("1000", "0.00"), ("999.99", "0.00"), ("1000.01", "2500.00")],
)
def test_wisconsin_small_balance_bar_at_1000_owing_at_default(owing, collectible):
    # Wis. Stat. 425.209(2): "the customer is not personally liable ... for the unpaid balance
    # of the debt arising from the sale" when "the amount owing at the time of default was
    # $1,000 or less": a dealer's credit sale, not a direct loan.
    facts = LoanFacts(amount_owing_at_default=Decimal(owing), sale_compliant=True, credit_sale=True)
    result = apply_state_law("WI", LoanKind.AUTO, AutoExit.REPOSSESSION, 2500, facts)
    assert result.collectible_deficiency == Decimal(collectible)
    assert finding_of(result, "WI-425.209(2)").finding is (
        Finding.APPLIED if collectible == "0.00" else Finding.NOT_MET
    )


def test_arizona_fair_value_credits_value_after_prior_liens_when_above_the_price():
    """A.R.S. 33-814(A): the deficiency is the debt less "the fair market value of the trust
    property on the date of the sale ... less prior liens and encumbrances" or the sale
    price, whichever is higher. Debt $250,000; sale $180,000; value $200,000 with a
    $5,000 prior lien -> $55,000, not $70,000."""
    facts = LoanFacts(
        foreclosure_type=ForeclosureType.NONJUDICIAL,
        one_or_two_family_on_2_5_acres=False,
        purchase_money=False,
        sale_price=Decimal(180000),
        fair_market_value=Decimal(200000),
        surviving_liens=Decimal(5000),
    )
    result = apply_state_law("AZ", LoanKind.MORTGAGE, "foreclosure", 70000, facts)
    assert result.collectible_deficiency == Decimal("55000.00")
    assert [item.rule.rule_id for item in result.applied] == ["AZ-33-814A"]


def test_arizona_33_729_bars_only_a_court_foreclosure():
    """A.R.S. 33-729(A) speaks of "an action to foreclose" a purchase-money mortgage: a
    court foreclosure. A trustee's sale is 33-814(G)'s."""
    facts = LoanFacts(purchase_money=True, one_or_two_family_on_2_5_acres=True)
    judicial = apply_state_law(
        "AZ",
        LoanKind.MORTGAGE,
        "foreclosure",
        50000,
        LoanFacts(**{**facts.__dict__, "foreclosure_type": ForeclosureType.JUDICIAL}),
    )
    assert [item.rule.rule_id for item in judicial.applied] == ["AZ-33-729A"]


def test_new_york_fair_value_gives_no_credit_when_the_sale_beat_market_value():
    high = LoanFacts(sale_price=Decimal(300000), fair_market_value=Decimal(320000))
    low = LoanFacts(sale_price=Decimal(300000), fair_market_value=Decimal(280000))
    assert apply_state_law(
        "NY", LoanKind.MORTGAGE, "foreclosure", 60000, high
    ).collectible_deficiency == Decimal("40000.00")
    assert apply_state_law(
        "NY", LoanKind.MORTGAGE, "foreclosure", 60000, low
    ).collectible_deficiency == Decimal("60000.00")


def test_nevada_deficiency_is_the_lesser_of_debt_minus_fmv_or_debt_minus_price():
    debt, fmv, price = Decimal(250000), Decimal(210000), Decimal(190000)
    facts = LoanFacts(sale_price=price, fair_market_value=fmv, junior_lien=False)
    result = apply_state_law("NV", LoanKind.MORTGAGE, "foreclosure", debt - price, facts)
    assert result.collectible_deficiency == min(debt - fmv, debt - price) == Decimal(40000)


def test_texas_offset_subtracts_surviving_liens_from_fair_market_value():
    facts = LoanFacts(
        foreclosure_type=ForeclosureType.NONJUDICIAL,
        sale_price=Decimal(150000),
        fair_market_value=Decimal(200000),
        surviving_liens=Decimal(20000),
    )
    result = apply_state_law("TX", LoanKind.MORTGAGE, "foreclosure", 50000, facts)
    assert result.collectible_deficiency == Decimal("20000.00")  # offset 200k - 20k - 150k


def test_a_code_that_is_not_a_jurisdiction_is_refused_not_guessed():
    with pytest.raises(InvalidInputError, match="not the code of a US state or DC"):
        apply_state_law("zz", LoanKind.MORTGAGE, "short_sale", 1234)


@pytest.mark.parametrize("state", JURISDICTIONS)
def test_every_exit_of_every_jurisdiction_is_spoken_to_by_a_row(state):
    for kind, exits in ((LoanKind.MORTGAGE, MortgageExit), (LoanKind.AUTO, AutoExit)):
        for exit in exits:
            result = apply_state_law(state, kind, exit, GROSS)
            # A rule, "no special rule", or a rule we could not verify (shown as not checked).
            answering = [
                item
                for item in result.findings
                if item.rule.effect is not Effect.INFO or item.rule.uncertain
            ]
            assert answering, f"{state} {exit.value}: no row says what may be collected"


@pytest.mark.parametrize("bad", ["California", "", "C1", "   "])
def test_a_malformed_state_code_is_rejected(bad):
    with pytest.raises(InvalidInputError, match="State"):
        apply_state_law(bad, LoanKind.AUTO, "repossession", 1)


def test_an_exit_of_the_wrong_loan_kind_is_rejected():
    with pytest.raises(InvalidInputError, match="Exit"):
        apply_state_law("CA", LoanKind.AUTO, MortgageExit.SHORT_SALE, 1)


def test_the_loader_refuses_a_low_confidence_rule_that_would_change_a_number():
    row = dict(ROWS[0], effect="bar", confidence="L", fair_value_method="")
    with pytest.raises(ValueError, match="must not change a number"):
        _rule(row)


def test_the_loader_refuses_an_unknown_condition():
    row = dict(ROWS[0], conditions="owns_a_boat")
    with pytest.raises(ValueError, match="unknown condition"):
        _rule(row)


UNCERTAIN = [rule for rule in state_rules() if rule.uncertain and rule.topic.value == "deficiency"]


@pytest.mark.parametrize("rule", UNCERTAIN, ids=[rule.rule_id for rule in UNCERTAIN])
def test_an_unverified_rule_is_shown_as_such_and_never_applied(rule):
    result = apply_state_law(rule.state, rule.loan_kind, exit_of(rule), GROSS, facts_meeting(rule))
    found = finding_of(result, rule.rule_id)
    assert found.finding is not Finding.APPLIED and found.reduction == 0
    if found.finding is Finding.INFORMATIONAL:
        assert found.reason.startswith("Unverified, not applied")


def test_states_for_the_selectbox_are_unique_and_sorted_by_name():
    listed = states()
    codes = [info.code for info in listed]
    assert len(codes) == len(set(codes))
    assert [info.name for info in listed] == sorted(info.name for info in listed)
    assert set(codes) == set(JURISDICTIONS) and len(codes) == 51


def test_deadlines_to_seek_a_deficiency_where_known():
    az = dict((rule.rule_id, d) for rule, d in deficiency_deadlines("AZ", LoanKind.MORTGAGE))
    assert az["AZ-33-814A"].due(date(2025, 1, 31)) == date(2025, 5, 1)
    ny = deficiency_deadlines("NY", LoanKind.MORTGAGE)[0][1]
    assert (ny.days, ny.starts_at) == (
        90,
        "delivery of the deed to the buyer at the foreclosure sale",
    )
    tx = deficiency_deadlines("TX", LoanKind.MORTGAGE)[0][1]
    assert tx.due(date(2024, 2, 29)) == date(2026, 2, 28)
    ca = {rule.rule_id: d.words for rule, d in deficiency_deadlines("CA", LoanKind.MORTGAGE)}
    assert ca["CA-580a"] == "3 months after the trustee's sale"
    assert deficiency_deadlines("WI", LoanKind.AUTO) == ()


def test_explanation_states_a_known_deadline_when_the_rule_applies():
    facts = LoanFacts(sale_price=Decimal(1), fair_market_value=Decimal(1))
    result = apply_state_law("NY", LoanKind.MORTGAGE, "foreclosure", 5000, facts)
    assert "within 90 days after delivery of the deed" in result.explanation


# ---- properties -------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=Decimal("1e7"), places=2, allow_nan=False)
maybe_bool = st.sampled_from([None, True, False])
codes = st.sampled_from([info.code for info in states()])


@st.composite
def facts(draw):
    values = {name: draw(maybe_bool) for name in BOOLEAN_FACTS}
    values.update({name: draw(st.none() | money) for name in AMOUNT_FACTS})
    values["foreclosure_type"] = draw(st.none() | st.sampled_from(list(ForeclosureType)))
    return LoanFacts(**values)


@st.composite
def kind_and_exit(draw):
    kind = draw(st.sampled_from(list(LoanKind)))
    exits = list(MortgageExit) if kind is LoanKind.MORTGAGE else list(AutoExit)
    return kind, draw(st.sampled_from(exits))


@given(codes, kind_and_exit(), money, facts())
def test_collectible_is_never_negative_nor_above_the_gross(code, pair, gross, loan_facts):
    kind, exit = pair
    result = apply_state_law(code, kind, exit, gross, loan_facts)
    assert 0 <= result.collectible_deficiency <= result.gross_deficiency == gross
    assert result.collectible_deficiency == result.collectible_deficiency.quantize(Decimal("0.01"))
    if not result.barred:
        largest = max((item.reduction for item in result.applied), default=Decimal(0))
        assert result.reduction == min(largest, gross)
    for item in result.findings:
        if item.rule.confidence.uncertain:
            assert item.finding is not Finding.APPLIED


@given(codes, kind_and_exit(), money)
def test_with_no_facts_known_nothing_is_ever_barred(code, pair, gross):
    kind, exit = pair
    result = apply_state_law(code, kind, exit, gross)
    assert result.collectible_deficiency == result.gross_deficiency


def test_a_rule_that_needs_a_fact_false_says_so_in_plain_words():
    # Wis. Stat. 425.209 bars a deficiency after a sale that did not comply.
    facts = LoanFacts(amount_owing_at_default=Decimal(5000), sale_compliant=True, credit_sale=True)
    result = apply_state_law("WI", LoanKind.AUTO, "repossession", 2000, facts)
    reason = finding_of(result, "WI-425.209(1)").reason
    assert reason == (
        "Does not apply: it applies only when the lender's notice or sale did not comply "
        "with the law."
    )
    assert all("not:" not in item.reason for item in result.findings)

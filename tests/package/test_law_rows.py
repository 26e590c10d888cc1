"""Rows corrected or added when every rule was re-read against the law's own words.

Each test names the subsection read, checks the row quotes the words the rule rests on,
and shows the rule doing what those words say, and no more.
"""

from decimal import Decimal

from deficiency import LoanKind
from deficiency.state_law import (
    Effect,
    Finding,
    ForeclosureType,
    LoanFacts,
    apply_state_law,
    state_rules,
)

RULES = {rule.rule_id: rule for rule in state_rules()}
GROSS = Decimal("8000.00")


def row(rule_id: str, words: str):
    rule = RULES[rule_id]
    assert words in rule.source.quote, f"{rule_id} does not quote {words!r}"
    assert rule.confidence.value == "H"
    return rule


def collectible(state: str, kind: LoanKind, exit: str, **facts: object) -> Decimal:
    return apply_state_law(state, kind, exit, GROSS, LoanFacts(**facts)).collectible_deficiency


def test_wisconsin_small_balance_bar_covers_a_dealer_credit_sale_not_a_bank_loan():
    """Wis. Stat. 425.209(2): "not personally liable ... for the unpaid balance of the debt
    arising from the sale" when "the amount owing at the time of default was $1,000 or less".
    A loan the borrower got from a bank or credit union is not a sale's debt."""
    row("WI-425.209(2)", "$1,000 or less")
    owing = Decimal("900")
    assert (
        collectible(
            "WI", LoanKind.AUTO, "repossession", credit_sale=True, amount_owing_at_default=owing
        )
        == 0
    )
    assert (
        collectible(
            "WI",
            LoanKind.AUTO,
            "repossession",
            credit_sale=False,
            seller_related_loan=False,
            amount_owing_at_default=owing,
        )
        == GROSS
    )


def test_colorado_and_kansas_sale_bars_reach_credit_sales_not_independent_loans():
    """C.R.S. 5-5-103(1): "This section applies to a consumer credit sale"; K.S.A.
    16a-5-103(1) likewise, with a loan tied to the seller under (4)."""
    row("CO-5-5-103-1", "consumer credit sale")
    assert (
        collectible("CO", LoanKind.AUTO, "repossession", credit_sale=True, sale_compliant=False)
        == 0
    )
    assert (
        collectible("CO", LoanKind.AUTO, "repossession", credit_sale=False, sale_compliant=False)
        == GROSS
    )
    row("KS-16a-5-103-4", "$1,000 or less")
    assert (
        collectible(
            "KS",
            LoanKind.AUTO,
            "repossession",
            credit_sale=False,
            seller_related_loan=True,
            amount_financed=Decimal(900),
        )
        == 0
    )


def test_south_carolina_small_balance_bar_is_a_credit_sale_rule():
    """S.C. Code 37-5-103(2): "the unpaid balance of the debt arising from the sale of a
    commercial unit of goods of which the cash sale price was" $1,500 or less (as adjusted:
    the adjusted figure is shown as not checked, so the lower statutory figure is used)."""
    row("SC-37-5-103(2)", "arising from the sale")
    assert (
        collectible("SC", LoanKind.AUTO, "repossession", credit_sale=True, cash_price=Decimal(1500))
        == 0
    )
    assert (
        collectible(
            "SC",
            LoanKind.AUTO,
            "repossession",
            credit_sale=False,
            seller_related_loan=False,
            cash_price=Decimal(1500),
        )
        == GROSS
    )


def test_district_of_columbia_bars_a_deficiency_after_a_sale_not_in_good_faith():
    """D.C. Code 28-3812(e): "A creditor may not maintain a proceeding for a deficiency
    unless he has disposed of the goods in good faith and in a commercially reasonable
    manner"."""
    row("DC-28-3812-e2", "in good faith and in a commercially reasonable manner")
    assert (
        collectible("DC", LoanKind.AUTO, "repossession", credit_sale=True, sale_compliant=False)
        == 0
    )


def test_utah_satisfies_the_debt_on_a_dealer_sale_of_3000_or_less():
    """Utah Code 70C-7-101: where "the cash price of the sale was $3,000 or less, any debt
    remaining from the sale shall be fully satisfied"."""
    row("UT-70C-7-101", "$3,000 or less")
    assert (
        collectible("UT", LoanKind.AUTO, "repossession", credit_sale=True, cash_price=Decimal(3000))
        == 0
    )
    assert (
        collectible(
            "UT", LoanKind.AUTO, "repossession", credit_sale=True, cash_price=Decimal("3000.01")
        )
        == GROSS
    )


def test_nevada_car_deficiency_needs_the_sale_notice_within_60_days():
    """NRS 482.516(3): liable "for any deficiency after sale ... only if the notice
    prescribed by this section is given within 60 days"."""
    row("NV-482.516(3)", "within 60 days")
    assert (
        collectible("NV", LoanKind.AUTO, "repossession", credit_sale=True, sale_compliant=False)
        == 0
    )


def test_minnesota_bars_a_deficiency_when_the_credit_was_7800_or_less():
    """Minn. Stat. 325G.22: "the aggregate amount of the credit extended in the transaction
    was $7,800 or less, the buyer is not personally liable to the seller or lender"."""
    row("MN-325G.22", "$7,800 or less")
    assert collectible("MN", LoanKind.AUTO, "repossession", amount_financed=Decimal(7800)) == 0


def test_virginia_title_lender_may_not_seek_a_personal_judgment():
    """Va. Code 6.2-2217(A): "a licensee shall not seek or obtain a personal money judgment
    against a borrower"."""
    row("VA-6.2-2217", "shall not seek or obtain a personal money judgment")
    assert collectible("VA", LoanKind.AUTO, "repossession", title_loan=True) == 0
    assert collectible("VA", LoanKind.AUTO, "repossession", title_loan=False) == GROSS


def test_florida_limits_an_owner_occupied_home_to_the_debt_less_its_value():
    """Fla. Stat. 702.06: "in the case of an owner-occupied residential property, the amount
    of the deficiency may not exceed the difference between the judgment amount ... and the
    fair market value", after a foreclosure or a short sale."""
    row("FL-702.06-owner", "owner-occupied residential property")
    for exit in ("foreclosure", "short_sale"):
        result = apply_state_law(
            "FL",
            LoanKind.MORTGAGE,
            exit,
            GROSS,
            LoanFacts(
                owner_occupied=True, sale_price=Decimal(100000), fair_market_value=Decimal(103000)
            ),
        )
        assert result.collectible_deficiency == Decimal("5000.00")


def test_illinois_deed_in_lieu_frees_the_borrower_unless_they_agreed_otherwise():
    """735 ILCS 5/15-1401: acceptance of a deed in lieu "shall relieve from personal
    liability ... except to the extent a person agrees not to be relieved in an instrument
    executed contemporaneously"."""
    row("IL-15-1401", "relieve from personal liability")
    assert collectible("IL", LoanKind.MORTGAGE, "deed_in_lieu", agreed_to_owe_balance=False) == 0
    assert collectible("IL", LoanKind.MORTGAGE, "deed_in_lieu", agreed_to_owe_balance=True) == GROSS


def test_nevada_short_sale_waiver_bars_only_for_a_financial_institutions_home_loan():
    """NRS 40.458: a short-sale agreement with "a conspicuous statement ... acknowledged by
    the signature of the banking or other financial institution and the debtor"."""
    row("NV-40.458", "financial institution")
    home = dict(purchase_money=True, owner_occupied=True, signed_short_sale_waiver=True)
    assert (
        collectible(
            "NV", LoanKind.MORTGAGE, "short_sale", lender_financial_institution=True, **home
        )
        == 0
    )
    assert (
        collectible(
            "NV", LoanKind.MORTGAGE, "short_sale", lender_financial_institution=False, **home
        )
        == GROSS
    )


def test_montana_bars_a_deficiency_after_a_trustees_sale_only():
    """MCA 71-1-317: "When a trust indenture ... is foreclosed by advertisement and sale",
    no other action is allowed; a court foreclosure is not in those words."""
    rule = row("MT-71-1-317", "foreclosed by advertisement and sale")
    assert rule.foreclosure_type is ForeclosureType.NONJUDICIAL and rule.effect is Effect.BAR
    judicial = apply_state_law(
        "MT",
        LoanKind.MORTGAGE,
        "foreclosure",
        GROSS,
        LoanFacts(foreclosure_type=ForeclosureType.JUDICIAL, deed_of_trust=True),
    )
    assert judicial.collectible_deficiency == GROSS


def test_oregon_judicial_bar_needs_a_home_someone_lives_in():
    """ORS 86.705: a "Residential trust deed" is one on property "upon which are situated
    four or fewer residential units and one of the residential units is occupied as the
    principal residence"."""
    row("OR-86.797-judicial", "occupied as")
    base = dict(
        foreclosure_type=ForeclosureType.JUDICIAL,
        deed_of_trust=True,
        one_to_four_units=True,
        junior_lien=False,
    )
    assert collectible("OR", LoanKind.MORTGAGE, "foreclosure", owner_occupied=True, **base) == 0
    assert (
        collectible("OR", LoanKind.MORTGAGE, "foreclosure", owner_occupied=False, **base) == GROSS
    )


def test_north_carolina_purchase_money_bar_is_seller_financing_in_court_or_out():
    """N.C. Gen. Stat. 45-21.38: "In all sales of real property by mortgagees and/or
    trustees under powers of sale ... or where judgment or decree is given for the
    foreclosure" of a note for the purchase price owed to the seller."""
    row("NC-45-21.38", "where judgment or decree is given")
    for kind in ForeclosureType:
        assert (
            collectible(
                "NC",
                LoanKind.MORTGAGE,
                "foreclosure",
                foreclosure_type=kind,
                seller_financed=True,
                purchase_money=True,
            )
            == 0
        )
    third_party = apply_state_law(
        "NC",
        LoanKind.MORTGAGE,
        "foreclosure",
        GROSS,
        LoanFacts(
            foreclosure_type=ForeclosureType.NONJUDICIAL, seller_financed=False, purchase_money=True
        ),
    )
    assert not any(
        item.rule.rule_id == "NC-45-21.38" and item.finding is Finding.APPLIED
        for item in third_party.findings
    )


def test_texas_judicial_foreclosure_gets_the_same_fair_value_offset():
    """Tex. Prop. Code 51.004: the debtor is "entitled to an offset against the deficiency"
    by the amount fair market value (less prior liens) exceeds the sale price."""
    row("TX-51.004", "entitled to an offset against the deficiency")
    result = apply_state_law(
        "TX",
        LoanKind.MORTGAGE,
        "foreclosure",
        GROSS,
        LoanFacts(
            foreclosure_type=ForeclosureType.JUDICIAL,
            sale_price=Decimal(100000),
            fair_market_value=Decimal(105000),
            surviving_liens=Decimal(1000),
        ),
    )
    assert result.collectible_deficiency == Decimal("4000.00")


def test_pennsylvania_fair_value_needs_the_creditor_to_have_bought():
    """42 Pa.C.S. 8103(a): "Whenever any real property is sold ... to the judgment creditor
    in execution proceedings and the price ... is not sufficient to satisfy" the debt."""
    rule = row("PA-8103", "to the judgment creditor")
    assert rule.deadline is not None and rule.deadline.months == 6
    result = apply_state_law(
        "PA",
        LoanKind.MORTGAGE,
        "foreclosure",
        GROSS,
        LoanFacts(lender_bought_at_sale=False, sale_price=Decimal(1), fair_market_value=Decimal(9)),
    )
    assert result.collectible_deficiency == GROSS


def test_missouri_measures_the_deficiency_by_the_sale_price_alone():
    """First Bank v. Fischer & Frichtel (Mo. 2012): the deficiency is "measured by the
    amount received at the foreclosure sale"."""
    rule = row("MO-recourse", "amount received at the foreclosure sale")
    assert rule.effect is Effect.ALLOWED
    assert (
        collectible(
            "MO",
            LoanKind.MORTGAGE,
            "foreclosure",
            sale_price=Decimal(1),
            fair_market_value=Decimal(99999),
        )
        == GROSS
    )

"""Who bears a deficiency: the lender waives it, pursues a judgment, or settles for less.

Each path splits the obligation into what the sale covered, what the borrower pays
toward the deficiency and what is cancelled; a judgment adds court costs and fees.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from deficiency.errors import InvalidInputError
from deficiency.i18n import N_, _
from deficiency.inputs import money_field, percent_field, validate
from deficiency.money import ZERO, percent_of, round_cents, to_decimal
from deficiency.parsing import choice, instance
from deficiency.statement import Statement

#: The settlement share is the user's choice; no reliable typical figure exists
#: (no published settlement norm was found), so the default is a neutral midpoint.
ILLUSTRATIVE_SETTLEMENT_PERCENT = Decimal("50")


class Resolution(enum.Enum):
    """What happens to a deficiency after the sale."""

    WAIVED = "waived"
    JUDGMENT = "judgment"
    SETTLED = "settled"

    @property
    def label(self) -> str:
        """The choice in the reader's language."""
        return _(_RESOLUTION_LABELS[self.value])


_RESOLUTION_LABELS = {
    "waived": N_("Lender waives or absorbs it"),
    "judgment": N_("Lender pursues a deficiency judgment"),
    "settled": N_("Settled for less"),
}


@dataclass(frozen=True)
class ResolutionTerms:
    """The chosen path and its numbers; costs apply to a judgment, the share to a settlement."""

    resolution: Resolution = Resolution.WAIVED
    court_costs: Decimal = money_field(N_("Court costs"))
    judgment_attorney_fees: Decimal = money_field(N_("Attorney fees for the judgment"))
    settlement_percent: Decimal = percent_field(
        N_("Share of the deficiency paid in the settlement (%)"),
        str(ILLUSTRATIVE_SETTLEMENT_PERCENT),
    )

    def __post_init__(self) -> None:
        # Its value too ("judgment"): any other string is refused, never read as a settlement.
        object.__setattr__(
            self, "resolution", choice(Resolution, self.resolution, N_("Resolution"))
        )
        validate(self)


@dataclass(frozen=True)
class Outcome:
    """Who ends up with what after the sale and the chosen resolution.

    Notes
    -----
    ``owed + unrecovered_expenses = covered_by_sale + paid_toward_deficiency + cancelled
    + barred`` always holds, every term non-negative, and ``borrower_owes =
    paid_toward_deficiency + judgment_costs``. ``unrecovered_expenses`` is the part of the
    lender's expenses the sale did not pay (UCC 9-615(a) pays expenses first), zero unless
    the expenses exceed what the sale brought. ``barred`` is the part of the deficiency
    state law keeps the lender from collecting. A surplus goes to the borrower and
    nothing is owed, cancelled or barred.
    """

    statement: Statement
    terms: ResolutionTerms
    paid_toward_deficiency: Decimal
    judgment_costs: Decimal
    cancelled: Decimal
    barred: Decimal = ZERO

    @property
    def deficiency(self) -> Decimal:
        return self.statement.deficiency

    @property
    def surplus(self) -> Decimal:
        return self.statement.surplus

    @property
    def collectible(self) -> Decimal:
        """The deficiency the lender may pursue after state law: gross less ``barred``."""
        return self.statement.deficiency - self.barred

    @property
    def covered_by_sale(self) -> Decimal:
        """The part of the obligation the sale (after expenses) and credits paid; never negative."""
        return max(ZERO, self.statement.owed - self.statement.deficiency)

    @property
    def unrecovered_expenses(self) -> Decimal:
        """Expenses beyond what the sale and credits brought, which the deficiency also carries."""
        return max(ZERO, self.statement.deficiency - self.statement.owed)

    @property
    def borrower_owes(self) -> Decimal:
        """What the borrower still has to pay: the deficiency share plus any judgment costs."""
        return self.paid_toward_deficiency + self.judgment_costs

    @property
    def lender_recovers(self) -> Decimal:
        """What the lender collects toward the obligation: the sale plus the borrower's payment."""
        return self.covered_by_sale + self.paid_toward_deficiency


def resolve(
    statement: Statement, terms: ResolutionTerms, collectible: Decimal | None = None
) -> Outcome:
    """Apply a resolution to the part of a statement's deficiency the lender may collect.

    ``collectible`` is the deficiency left after state law (see
    :mod:`deficiency.assessment`), a non-negative amount; when it is given, the rest of
    the deficiency is ``barred`` and the resolution applies to the collectible part only.

    Notes
    -----
    - Waived: nothing paid, the whole deficiency cancelled (a short-sale waiver, or a
      lender that writes it off).
    - Judgment: the whole deficiency plus court costs and attorney fees is owed;
      nothing is cancelled while the lender collects (IRC 61(a)(11); docs/law.md).
    - Settled: the borrower pays ``settlement_percent`` of the deficiency (rounded to
      cents) and the rest is cancelled.

    Examples
    --------
    >>> from deficiency.statement import explain
    >>> car = explain(owed=10000, sale_price=8500, expenses={"Repossession": 500})
    >>> resolve(car, ResolutionTerms(Resolution.JUDGMENT)).borrower_owes
    Decimal('2000.00')
    >>> settled = resolve(car, ResolutionTerms(Resolution.SETTLED, settlement_percent=40))
    >>> settled.borrower_owes, settled.cancelled
    (Decimal('800.00'), Decimal('1200.00'))
    """
    statement = instance(statement, Statement, N_("Statement"))
    terms = instance(terms, ResolutionTerms, N_("Resolution terms"))
    gross = statement.deficiency
    if collectible is None:
        deficiency = gross
    else:
        limit = to_decimal(collectible, N_("Collectible deficiency"))
        if limit < 0:
            raise InvalidInputError(N_("Collectible deficiency"), _("cannot be negative"))
        # Above the deficiency (a huge figure included) it leaves the whole of it collectible.
        deficiency = round_cents(min(gross, limit))
    barred = gross - deficiency
    if deficiency == ZERO:
        return Outcome(
            statement=statement,
            terms=terms,
            paid_toward_deficiency=ZERO,
            judgment_costs=ZERO,
            cancelled=ZERO,
            barred=barred,
        )
    if terms.resolution is Resolution.WAIVED:
        return Outcome(
            statement=statement,
            terms=terms,
            paid_toward_deficiency=ZERO,
            judgment_costs=ZERO,
            cancelled=deficiency,
            barred=barred,
        )
    if terms.resolution is Resolution.JUDGMENT:
        costs = terms.court_costs + terms.judgment_attorney_fees
        return Outcome(
            statement=statement,
            terms=terms,
            paid_toward_deficiency=deficiency,
            judgment_costs=costs,
            cancelled=ZERO,
            barred=barred,
        )
    paid = percent_of(deficiency, terms.settlement_percent)
    return Outcome(
        statement=statement,
        terms=terms,
        paid_toward_deficiency=paid,
        judgment_costs=ZERO,
        cancelled=deficiency - paid,
        barred=barred,
    )

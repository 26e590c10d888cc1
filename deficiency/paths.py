"""Paths a deficiency takes: how the borrower left the property, then what became of the rest.

Taxes (:mod:`deficiency.tax`) and credit reporting (:mod:`deficiency.credit`) both depend
on the pair (exit, path). The exits are the package's existing :class:`MortgageExit` and
:class:`AutoExit`; the path extends :class:`Resolution` (waived, judgment, settled) with
the two endings a credit report distinguishes: paid in full and charged off.
"""

from __future__ import annotations

import enum

from deficiency.auto import AutoExit
from deficiency.errors import InvalidInputError, shown
from deficiency.i18n import N_, _
from deficiency.mortgage import MortgageExit
from deficiency.parsing import choice
from deficiency.resolution import Resolution

#: Any way the borrower parted with the collateral.
Exit = MortgageExit | AutoExit


class DeficiencyPath(enum.Enum):
    """What became of the deficiency after the sale.

    The first three share their values with :class:`Resolution`, so a resolution
    converts by value (``DeficiencyPath(Resolution.WAIVED.value)``).
    """

    WAIVED = "waived"
    JUDGMENT = "judgment"
    SETTLED = "settled"
    PAID = "paid"
    CHARGED_OFF = "charged_off"

    @property
    def label(self) -> str:
        """The path in the reader's language."""
        return _(_PATH_LABELS[self.value])


_PATH_LABELS = {
    "waived": N_("Lender waives it"),
    "judgment": N_("Lender pursues it (deficiency judgment)"),
    "settled": N_("Settled for less than the full balance"),
    "paid": N_("Borrower pays it in full"),
    "charged_off": N_("Lender charges it off"),
}


def parse_exit(value: str | enum.Enum, field: str = N_("Exit")) -> Exit:
    """A mortgage or car exit from an enum member or its value.

    Examples
    --------
    >>> parse_exit("deed_in_lieu")
    <MortgageExit.DEED_IN_LIEU: 'deed_in_lieu'>
    >>> parse_exit(AutoExit.REPOSSESSION)
    <AutoExit.REPOSSESSION: 'repossession'>
    """
    if isinstance(value, MortgageExit | AutoExit):
        return value
    if isinstance(value, str):
        if value in {member.value for member in MortgageExit}:
            return choice(MortgageExit, value, field)
        if value in {member.value for member in AutoExit}:
            return choice(AutoExit, value, field)
    allowed = ", ".join(str(member.value) for member in (*MortgageExit, *AutoExit))
    raise InvalidInputError(
        field, _("{value} is not one of: {allowed}").format(value=shown(value), allowed=allowed)
    )


def parse_path(value: str | enum.Enum, field: str = N_("Deficiency path")) -> DeficiencyPath:
    """A deficiency path from a :class:`DeficiencyPath`, a :class:`Resolution` or a value.

    Examples
    --------
    >>> parse_path(Resolution.SETTLED)
    <DeficiencyPath.SETTLED: 'settled'>
    >>> parse_path("charged_off")
    <DeficiencyPath.CHARGED_OFF: 'charged_off'>
    """
    raw = value.value if isinstance(value, Resolution) else value
    return choice(DeficiencyPath, raw, field)


def is_mortgage(exit: Exit) -> bool:
    """True for a house (short sale, foreclosure, deed in lieu), False for a car."""
    return isinstance(exit, MortgageExit)

"""Typed input fields for scenario dataclasses: a label, a kind and validation at construction.

A scenario's fields carry their human label in metadata, so an error message, the
statement and the UI all name an input the same way.
"""

from __future__ import annotations

from dataclasses import Field, field, fields
from decimal import Decimal
from typing import Any

from deficiency.errors import InvalidInputError
from deficiency.i18n import _
from deficiency.money import to_count, to_money, to_percent

MONEY = "money"
PERCENT = "percent"
COUNT = "count"


def money_field(label: str, default: str = "0") -> Any:
    """A dollar amount: non-negative, at most $1 trillion, rounded to cents."""
    return field(default=Decimal(default), metadata={"label": label, "kind": MONEY})


def percent_field(label: str, default: str = "0") -> Any:
    """A percentage from 0 to 100."""
    return field(default=Decimal(default), metadata={"label": label, "kind": PERCENT})


def count_field(label: str, default: int = 0, maximum: int = 3650) -> Any:
    """A whole count (days, months) from 0 to ``maximum``."""
    return field(default=default, metadata={"label": label, "kind": COUNT, "maximum": maximum})


def label_of(dataclass_type: Any, name: str) -> str:
    """The human label of field ``name`` on a scenario dataclass, in the reader's language."""
    for item in fields(dataclass_type):
        if item.name == name:
            return _(str(item.metadata["label"]))
    raise KeyError(name)


def input_fields(dataclass_type: Any) -> tuple[Field[Any], ...]:
    """The labelled input fields of a scenario dataclass, in declaration order."""
    return tuple(item for item in fields(dataclass_type) if "kind" in item.metadata)


def validate(instance: Any) -> None:
    """Convert and check every labelled field of a frozen dataclass in place.

    Raises ``InvalidInputError`` naming the field by its label, in the reader's language
    (as :attr:`deficiency.scenarios.FieldInfo.label` names it).
    """
    for item in input_fields(type(instance)):
        raw = getattr(instance, item.name)
        label = item.metadata["label"]
        kind = item.metadata["kind"]
        try:
            if kind == MONEY:
                value: Any = to_money(raw, label)
            elif kind == PERCENT:
                value = to_percent(raw, label)
            else:
                value = to_count(raw, label, maximum=item.metadata["maximum"])
        except InvalidInputError as error:
            # The label translated only on the way out (a lookup per field per scenario
            # otherwise), so the error names the field as its FieldInfo.label does.
            raise InvalidInputError(_(label), error.problem) from None
        object.__setattr__(instance, item.name, value)


def field_amounts(instance: Any) -> dict[str, Decimal]:
    """The dollar amounts of a scenario dataclass by input name (its money fields)."""
    return {
        item.name: getattr(instance, item.name)
        for item in input_fields(type(instance))
        if item.metadata["kind"] == MONEY
    }

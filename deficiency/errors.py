"""The package's one error type for bad input, so callers can show it next to the field."""

from __future__ import annotations

from deficiency.i18n import _


class InvalidInputError(ValueError):
    """An input that cannot be used; ``field`` names it and the message says why.

    It subclasses ``ValueError`` so generic callers can catch it as one. ``field`` is the
    name the caller gave (it matches the input's label); ``label`` is that name in the
    reader's language and ``problem`` is already in it, so the message reads as one
    sentence in either language.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        #: The field's name as the reader reads it (its catalog entry, else as given).
        self.label = _(field) if field else field
        # Translators: an input's name, then what is wrong with it ("Sale price: the amount
        # cannot be negative"). Keep the two placeholders.
        super().__init__(_("{field}: {problem}").format(field=self.label, problem=problem))


def shown(value: object, limit: int = 30) -> str:
    """``value`` as a message quotes it: its repr, cut to ``limit`` characters, and never
    Python's own complaint (the repr of a 5,000-digit number raises one).

    >>> shown("abc"), shown(10**5000), shown("x" * 40)
    ("'abc'", 'a number of more than 30 digits', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return _("a number of more than {limit} digits").format(limit=limit)
    try:
        text = repr(value)
    except Exception:  # a repr that fails says nothing a user can act on
        return _("a {type_name}").format(type_name=type(value).__name__)
    return text if len(text) <= limit else text[:limit] + "..."

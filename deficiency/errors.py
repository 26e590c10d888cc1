"""The package's one error type for bad input, so callers can show it next to the field."""

from __future__ import annotations


class InvalidInputError(ValueError):
    """An input that cannot be used; ``field`` names it and the message says why.

    It subclasses ``ValueError`` so generic callers can catch it as one.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def shown(value: object, limit: int = 30) -> str:
    """``value`` as a message quotes it: its repr, cut to ``limit`` characters, and never
    Python's own complaint (the repr of a 5,000-digit number raises one).

    >>> shown("abc"), shown(10**5000), shown("x" * 40)
    ("'abc'", 'a number of more than 30 digits', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return f"a number of more than {limit} digits"
    try:
        text = repr(value)
    except Exception:  # a repr that fails says nothing a user can act on
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit] + "..."

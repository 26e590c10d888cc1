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

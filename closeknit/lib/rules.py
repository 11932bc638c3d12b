"""The product's input rules, applied by the services so every path refuses alike.

A page's form and an API schema only parse (a number is a number, a date is a
date); what the product accepts is decided here, once, with the words people
see: a whitespace-only title from the API is refused exactly like the form
refuses it, with the same message and the same field.

    >>> text("  Picnic  ", field="title", max_length=120, required="Give it a name.")
    'Picnic'
    >>> text("   ", field="title", max_length=120, required="Give it a name.")
    Traceback (most recent call last):
    closeknit.lib.errors.Invalid: Give it a name.
    >>> number(9, field="stars", low=1, high=5, message="Choose between one and five.")
    Traceback (most recent call last):
    closeknit.lib.errors.Invalid: Choose between one and five.
"""

from collections.abc import Collection
from typing import TypeVar

from closeknit.lib.errors import Invalid

T = TypeVar("T")


def text(
    value: str | None,
    *,
    field: str,
    max_length: int,
    required: str | None = None,
    too_long: str | None = None,
) -> str:
    """`value` without surrounding spaces; refused when empty (if `required` says why) or too long.

    Optional text passes `required=None` and may come back empty.
    """
    cleaned = (value or "").strip()
    if not cleaned and required is not None:
        raise Invalid(required, field=field)
    if len(cleaned) > max_length:
        raise Invalid(too_long or f"Keep it to {max_length:,} characters or fewer.", field=field)
    return cleaned


def number(value: int, *, field: str, low: int, high: int, message: str | None = None) -> int:
    """`value` when low <= value <= high; else refused (by default: "a number from ...")."""
    if not low <= value <= high:
        raise Invalid(message or f"Choose a number from {low} to {high}.", field=field)
    return value


def choice(value: T, allowed: Collection[T], *, field: str, message: str) -> T:
    """`value` when it is one of `allowed`; else refused with `message`."""
    if value not in allowed:
        raise Invalid(message, field=field)
    return value

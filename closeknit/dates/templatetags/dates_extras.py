from collections.abc import Sequence

from django import template

from closeknit.dates import forms
from closeknit.dates.selectors import Month

register = template.Library()


@register.filter
def total_dates(months: Sequence[Month]) -> int:
    return sum(month.count for month in months)


@register.filter
def times(count: int) -> range:
    """{% for _ in n|times %}: repeat a small mark n times (capped, to stay tidy)."""
    return range(min(int(count), 12))


@register.filter
def in_set(value: object, collection: set[object]) -> bool:
    return value in collection


@register.filter
def lasting(minutes: int) -> str:
    """{{ idea.duration|lasting }}: "Two hours", "1 h 30 min"."""
    return forms.length(int(minutes))

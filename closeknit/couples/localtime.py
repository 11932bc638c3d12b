"""Times on the couple's clock."""

from collections.abc import Callable
from datetime import date, datetime, time
from functools import wraps
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from closeknit.couples.access import CoupleRequest
from closeknit.couples.models import Couple


def in_couple_time(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Forms read and templates show times in the couple's zone, not the server's.

    Goes inside `couple_required`, which sets request.couple.
    """

    @wraps(view)
    def wrapper(request: CoupleRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with timezone.override(request.couple.tz):
            return view(request, *args, **kwargs)

    return wrapper


def local(couple: Couple, day: date, at: time) -> datetime:
    """An aware datetime for a wall-clock time on the couple's calendar."""
    return datetime.combine(day, at, tzinfo=couple.tz)


def as_couple_time(couple: Couple, value: datetime) -> datetime:
    """Aware as given, or a naive wall-clock time read in the couple's zone."""
    if timezone.is_naive(value):
        return value.replace(tzinfo=couple.tz)
    return value

"""Reads for shows and the jokes jar; every one is scoped to a couple."""

import random
from uuid import UUID

from django.db.models import Case, IntegerField, QuerySet, Value, When

from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.fun.models import InsideJoke, Show

# The statuses in the order a page groups them.
STATUS_ORDER = Case(
    *(When(status=s, then=Value(n)) for n, s in enumerate(Show.Status.values)),
    output_field=IntegerField(),
)


def shows(couple: Couple, status: str = "") -> QuerySet[Show]:
    """The couple's shows, latest first."""
    qs = for_couple(Show, couple).select_related("added_by")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-updated")


def shows_by_status(couple: Couple) -> QuerySet[Show]:
    """The couple's shows as the page groups them: want, watching, watched; latest first."""
    return shows(couple).order_by(STATUS_ORDER, "-updated")


def jokes(couple: Couple) -> QuerySet[InsideJoke]:
    return for_couple(InsideJoke, couple).select_related("added_by").order_by("-created")


def random_joke(couple: Couple, exclude: UUID | None = None) -> InsideJoke | None:
    """One note pulled from the jar (a different one than `exclude` when there is one).

    Two queries however full the jar is: how many, then the one at a random place.
    """
    pool = jokes(couple).exclude(pk=exclude) if exclude else jokes(couple)
    count = pool.count()
    return pool[random.randrange(count)] if count else jokes(couple).first()

"""Reads for shows and the jokes jar; every one is scoped to a couple."""

import random
from uuid import UUID

from django.db.models import Q, QuerySet

from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.fun.models import InsideJoke, Show


def shows(couple: Couple, status: str = "") -> QuerySet[Show]:
    qs = for_couple(Show, couple).select_related("added_by")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-updated")


def jokes(couple: Couple) -> QuerySet[InsideJoke]:
    return for_couple(InsideJoke, couple).select_related("added_by").order_by("-created")


def random_joke(couple: Couple, exclude: UUID | None = None) -> InsideJoke | None:
    """One note pulled from the jar (a different one than `exclude` when there is one)."""
    pool = list(jokes(couple).filter(~Q(pk=exclude) if exclude else Q()))
    return random.choice(pool) if pool else jokes(couple).first()

"""Reads for rituals; every one is scoped to a couple."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.lib.weeks import week_start
from closeknit.rituals.models import CoupleRitual, Ritual, RitualMark


def rituals(couple: Couple) -> QuerySet[CoupleRitual]:
    return for_couple(CoupleRitual, couple).order_by("created")


def rituals_with_marks(couple: Couple, first: date, last: date) -> list[CoupleRitual]:
    """The couple's rituals, each with `.days`: the set of days it was done in [first, last]."""
    marks = RitualMark.objects.filter(day__gte=first, day__lte=last)
    found = list(rituals(couple).prefetch_related(Prefetch("marks", queryset=marks)))
    for ritual in found:
        ritual.days = {mark.day for mark in ritual.marks.all()}  # type: ignore[attr-defined]
    return found


def rituals_today(couple: Couple, today: date) -> QuerySet[CoupleRitual]:
    """The couple's rituals, each annotated `done_today` (the reader's today), in one query."""
    marks = RitualMark.objects.filter(ritual=OuterRef("pk"), day=today)
    return rituals(couple).annotate(done_today=Exists(marks))


def week_days(couple: Couple, start: date | None = None) -> list[date]:
    """The week of `start`, or of the reader's today (the zone the request runs in)."""
    first = week_start(start or timezone.localdate())
    return [first + timedelta(days=n) for n in range(7)]


def suggested_rituals(couple: Couple) -> QuerySet[Ritual]:
    """The suggestions, each annotated `chosen` when the couple has it already."""
    chosen = for_couple(CoupleRitual, couple).filter(source=OuterRef("pk"))
    return Ritual.objects.annotate(chosen=Exists(chosen))

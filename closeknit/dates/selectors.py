"""Reads for dates, ideas, rituals and fun; every one is scoped to a couple."""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import visible_entries
from closeknit.dates.localtime import local, week_start
from closeknit.dates.models import (
    CoupleRitual,
    DateIdea,
    DatePlan,
    DateRating,
    InsideJoke,
    Ritual,
    RitualMark,
    Show,
)

S = DatePlan.Status


def dates(couple: Couple) -> QuerySet[DatePlan]:
    return for_couple(DatePlan, couple).select_related("proposed_by", "planner", "idea")


def upcoming_dates(couple: Couple) -> QuerySet[DatePlan]:
    """Dates still ahead, proposed or on, soonest first."""
    return (
        dates(couple)
        .filter(status__in=[S.PROPOSED, S.ACCEPTED], starts_at__gt=timezone.now())
        .order_by("starts_at")
    )


def next_date(couple: Couple) -> DatePlan | None:
    return upcoming_dates(couple).first()


def past_dates(couple: Couple) -> QuerySet[DatePlan]:
    """Dates that happened (they were on and their time has come), newest first."""
    return (
        dates(couple)
        .filter(status=S.ACCEPTED, starts_at__lte=timezone.now())
        .prefetch_related(Prefetch("ratings", queryset=DateRating.objects.order_by("created")))
        .order_by("-starts_at")
    )


def visible_ratings(date_plan: DatePlan, viewer: User) -> dict[str, DateRating | None]:
    """{"mine", "theirs"}: the partner's rating shows once the viewer has rated too."""
    return visible_entries(date_plan.ratings.all(), viewer.pk)


def with_ratings(page: list[DatePlan], viewer: User) -> list[tuple[DatePlan, dict]]:
    return [(d, visible_ratings(d, viewer)) for d in page]


@dataclass
class Month:
    start: date
    count: int


def monthly_counts(couple: Couple, months: int = 6) -> list[Month]:
    """How many dates happened in each of the last `months` months, on the couple's calendar.

    Counted in Python after one query, so month edges follow the couple's
    time zone on any database.
    """
    today = couple.today()
    starts = [_add_months(today.replace(day=1), -n) for n in reversed(range(months))]
    since = local(couple, starts[0], time(0))
    happened = (
        for_couple(DatePlan, couple)
        .filter(status=S.ACCEPTED, starts_at__gte=since, starts_at__lte=timezone.now())
        .values_list("starts_at", flat=True)
    )
    counts = dict.fromkeys(starts, 0)
    for starts_at in happened:
        counts[starts_at.astimezone(couple.tz).date().replace(day=1)] += 1
    return [Month(start, count) for start, count in counts.items()]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def ideas(couple: Couple, category: str = "") -> QuerySet[DateIdea]:
    """The idea bank, ideas the couple has not done yet first (novelty keeps dating fresh)."""
    done = for_couple(DatePlan, couple).filter(
        idea=OuterRef("pk"), status=S.ACCEPTED, starts_at__lte=timezone.now()
    )
    qs = DateIdea.objects.annotate(done=Exists(done))
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("done", "key")


def surprise_idea(couple: Couple, category: str = "") -> DateIdea | None:
    """A random idea the couple has not done yet (any idea once they have done them all)."""
    found = list(ideas(couple, category))
    pool = [idea for idea in found if not idea.done] or found  # type: ignore[attr-defined]
    return random.choice(pool) if pool else None


def rituals(couple: Couple) -> QuerySet[CoupleRitual]:
    return for_couple(CoupleRitual, couple).order_by("created")


def rituals_with_marks(couple: Couple, first: date, last: date) -> list[CoupleRitual]:
    """The couple's rituals, each with `.days`: the set of days it was done in [first, last]."""
    marks = RitualMark.objects.filter(day__gte=first, day__lte=last)
    found = list(rituals(couple).prefetch_related(Prefetch("marks", queryset=marks)))
    for ritual in found:
        ritual.days = {mark.day for mark in ritual.marks.all()}  # type: ignore[attr-defined]
    return found


def rituals_today(couple: Couple) -> QuerySet[CoupleRitual]:
    """The couple's rituals, each annotated `done_today`, in one query."""
    today = RitualMark.objects.filter(ritual=OuterRef("pk"), day=couple.today())
    return rituals(couple).annotate(done_today=Exists(today))


def week_days(couple: Couple, start: date | None = None) -> list[date]:
    first = week_start(start or couple.today())
    return [first + timedelta(days=n) for n in range(7)]


def suggested_rituals(couple: Couple) -> QuerySet[Ritual]:
    """The suggestions, each annotated `chosen` when the couple has it already."""
    chosen = for_couple(CoupleRitual, couple).filter(source=OuterRef("pk"))
    return Ritual.objects.annotate(chosen=Exists(chosen))


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

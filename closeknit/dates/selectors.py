"""Reads for dates and ideas; every one is scoped to a couple."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple, get_for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import visible_entries
from closeknit.dates.models import CalendarFeed, DateIdea, DatePlan, DateRating, SavedIdea

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


def with_ratings(
    page: list[DatePlan], viewer: User
) -> list[tuple[DatePlan, dict[str, DateRating | None]]]:
    return [(d, visible_ratings(d, viewer)) for d in page]


@dataclass
class Month:
    start: date
    count: int


def monthly_counts(couple: Couple, months: int = 6) -> list[Month]:
    """How many dates happened in each of the last `months` months, on the reader's calendar
    (the zone the request runs in).

    Counted in Python after one query, so month edges follow the reader's
    time zone on any database. `months` is 1 to 24.
    """
    months = max(1, min(months, 24))
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    starts = [_add_months(today.replace(day=1), -n) for n in reversed(range(months))]
    since = datetime.combine(starts[0], time(0), tzinfo=zone)
    happened = (
        for_couple(DatePlan, couple)
        .filter(status=S.ACCEPTED, starts_at__gte=since, starts_at__lte=timezone.now())
        .values_list("starts_at", flat=True)
    )
    counts = dict.fromkeys(starts, 0)
    for starts_at in happened:
        counts[starts_at.astimezone(zone).date().replace(day=1)] += 1
    return [Month(start, count) for start, count in counts.items()]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _done(couple: Couple) -> Exists:
    """An idea the couple has had as a date (one that happened)."""
    return Exists(
        for_couple(DatePlan, couple).filter(
            idea=OuterRef("pk"), status=S.ACCEPTED, starts_at__lte=timezone.now()
        )
    )


SHOW = ("ours", "saved")  # besides every idea: the couple's own, the ones they saved


def ideas(couple: Couple, category: str = "", show: str = "") -> QuerySet[DateIdea]:
    """The library's ideas and the couple's own, annotated `done` and `saved`.

    Ideas the couple has not done yet come first (novelty keeps dating fresh),
    and among them their own. `show` narrows to "ours" or "saved".
    """
    qs = _visible_ideas(couple).annotate(done=_done(couple), saved=_saved(couple))
    if category:
        qs = qs.filter(category=category)
    if show == "ours":
        qs = qs.filter(couple=couple)
    elif show == "saved":
        qs = qs.filter(saved=True)
    return qs.order_by("done", F("key").asc(nulls_first=True), "-created")


def _visible_ideas(couple: Couple) -> QuerySet[DateIdea]:
    # An own idea whose writer has gone (emptied for a date planned from it) is not shown.
    return DateIdea.objects.filter(
        Q(couple__isnull=True) | Q(couple=couple, author__isnull=False)
    ).select_related("author")


def _saved(couple: Couple) -> Exists:
    return Exists(for_couple(SavedIdea, couple).filter(idea=OuterRef("pk")))


def idea_for(couple: Couple, pk: UUID | str) -> DateIdea:
    """An idea the couple can see (the library's or their own), with `done` and `saved`; or 404."""
    try:
        return ideas(couple).get(pk=pk)
    except (DateIdea.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Not found") from exc


def own_idea(couple: Couple, user: User, pk: UUID) -> DateIdea:
    """One of the ideas `user` wrote, or 404 (the partner's and the library's included)."""
    return get_for_couple(ideas(couple).filter(author=user), couple, pk=pk)


def surprise_idea(couple: Couple, category: str = "") -> DateIdea | None:
    """A random idea the couple has not done yet (any idea once they have done them all)."""
    found = ideas(couple, category)
    fresh = found.exclude(_done(couple))
    pool = fresh if fresh.exists() else found
    count = pool.count()
    return pool[random.randrange(count)] if count else None


def idea(couple: Couple, pk: UUID | str | None) -> DateIdea | None:
    """An idea the couple can see by its id, or None (nothing of another couple's)."""
    if not pk:
        return None
    try:
        return _visible_ideas(couple).filter(pk=pk).first()
    except (ValueError, ValidationError):
        return None


def calendar_feed(couple: Couple, user: User) -> CalendarFeed | None:
    """The person's own calendar address, if they turned it on."""
    return CalendarFeed.objects.filter(couple=couple, user=user).first()

"""Reads for rituals; every one is scoped to a couple."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.lib.paging import Rows
from closeknit.lib.weeks import week_start
from closeknit.rituals.models import CoupleRitual, Ritual, RitualMark


def rituals(couple: Couple) -> QuerySet[CoupleRitual]:
    return for_couple(CoupleRitual, couple).order_by("created")


@dataclass(frozen=True)
class RitualWeek:
    """One of the couple's rituals and the days of one week it was done."""

    id: UUID
    title: str
    description: str
    when: str
    suggestion: UUID | None  # the suggested ritual it was chosen from
    days: frozenset[date]

    @classmethod
    def of(cls, r: CoupleRitual, days: frozenset[date] = frozenset()) -> "RitualWeek":
        return cls(r.pk, r.title, r.description, r.when, r.source_id, days)

    @property
    def days_done(self) -> list[date]:
        return sorted(self.days)


def rituals_with_marks(couple: Couple, first: date, last: date) -> Rows[Any, RitualWeek]:
    """The couple's rituals with the days each was done in [first, last], a page at a time."""
    return Rows(rituals(couple), lambda page: weeks_of(page, first, last))


def weeks_of(page: list[CoupleRitual], first: date, last: date) -> list[RitualWeek]:
    """The rituals of `page` with their days done in [first, last], in one query."""
    days: dict[UUID, set[date]] = {r.pk: set() for r in page}
    marks = RitualMark.objects.filter(ritual__in=page, day__gte=first, day__lte=last)
    for ritual_id, day in marks.values_list("ritual", "day"):
        days[ritual_id].add(day)
    return [RitualWeek.of(r, frozenset(days[r.pk])) for r in page]


# The home card shows the first few; the rituals page has them all, a page at a time.
HOME_LIMIT = 8


def days_ticked(couple: Couple, ritual: CoupleRitual) -> int:
    """How many days the couple marked this ritual done: they go when it is removed."""
    return for_couple(RitualMark, couple).filter(ritual=ritual).count()


def rituals_today(couple: Couple, today: date) -> QuerySet[CoupleRitual]:
    """The couple's first rituals, each annotated `done_today` (the reader's today): one query."""
    marks = RitualMark.objects.filter(ritual=OuterRef("pk"), day=today)
    return rituals(couple).annotate(done_today=Exists(marks))[:HOME_LIMIT]


def week_days(couple: Couple, start: date | None = None) -> list[date]:
    """The week of `start`, or of the reader's today (the zone the request runs in)."""
    first = week_start(start or timezone.localdate())
    return [first + timedelta(days=n) for n in range(7)]


def suggested_rituals(couple: Couple) -> QuerySet[Ritual]:
    """The suggestions, each annotated `chosen` when the couple has it already."""
    chosen = for_couple(CoupleRitual, couple).filter(source=OuterRef("pk"))
    return Ritual.objects.annotate(chosen=Exists(chosen))


@dataclass(frozen=True)
class Week:
    """A week's days and every ritual of the couple's with the days it was done (the API's)."""

    days: list[date]
    rituals: list[RitualWeek]


def whole_week(couple: Couple, start: date | None = None) -> Week:
    days = week_days(couple, start)
    return Week(days, list(rituals_with_marks(couple, days[0], days[-1])))

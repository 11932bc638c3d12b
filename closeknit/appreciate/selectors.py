"""Reads for appreciations (shared), the journal (author only) and the tally (author only)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, QuerySet

from closeknit.accounts.models import User
from closeknit.appreciate.models import Appreciation, JournalEntry, TallyMark
from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.lib.weeks import week_start

TALLY_WEEKS = 8


def wall(couple: Couple) -> QuerySet[Appreciation]:
    """Every appreciation either partner sent, newest first (both partners see them all)."""
    return for_couple(Appreciation, couple).select_related("author").order_by("-created")


def latest_received(couple: Couple, user: User) -> Appreciation | None:
    return wall(couple).filter(recipient=user).first()


def journal(couple: Couple, user: User) -> QuerySet[JournalEntry]:
    """The author's own journal. Private: never the partner's, whatever the caller asks."""
    return for_couple(JournalEntry, couple).filter(author=user).order_by("-created")


def tally_marks(couple: Couple, user: User) -> QuerySet[TallyMark]:
    return for_couple(TallyMark, couple).filter(author=user)


def tally_groups(n: int) -> list[str]:
    """Tally marks in fives, the way they're drawn by hand: 7 -> ["||||/", "||"]."""
    fives, rest = divmod(n, 5)
    return ["||||/"] * fives + (["|" * rest] if rest else [])


@dataclass
class TallyWeek:
    week: date
    appreciations: int
    complaints: int

    @property
    def appreciation_marks(self) -> list[str]:
        return tally_groups(self.appreciations)

    @property
    def complaint_marks(self) -> list[str]:
        return tally_groups(self.complaints)


def tally_weeks(couple: Couple, user: User, weeks: int = TALLY_WEEKS) -> list[TallyWeek]:
    """What `user` logged per week of their own calendar (the last 1 to 52), oldest first,
    in one query."""
    weeks = max(1, min(weeks, 52))
    current = week_start(user.today())
    first = current - timedelta(weeks=weeks - 1)
    counts: dict[tuple[date, str], int] = defaultdict(int)
    rows = (
        tally_marks(couple, user)
        .filter(day__gte=first)
        .values("day", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[(week_start(row["day"]), row["kind"])] += row["n"]
    return [
        TallyWeek(w, counts[(w, "appreciation")], counts[(w, "complaint")])
        for w in (first + timedelta(weeks=i) for i in range(weeks))
    ]


def last_mark_today(couple: Couple, user: User) -> TallyMark | None:
    """The mark an "undo" would remove: the latest one logged today."""
    qs = tally_marks(couple, user).filter(day=user.today())
    return qs.order_by("-created").first()


@dataclass(frozen=True)
class Tally:
    """What a person logged, week by week: theirs alone, and honestly labelled."""

    weeks: list[TallyWeek]
    note: str = "A tally of what you logged; not a measure of your relationship."


def tally(couple: Couple, user: User, weeks: int = TALLY_WEEKS) -> Tally:
    return Tally(tally_weeks(couple, user, weeks))

"""A lived-in history for the demo: ten weeks of check-ins, a dip in the middle."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.checkin.models import Checkin, Item
from closeknit.couples.models import Couple
from closeknit.lib.weeks import week_start

# Ten weeks, oldest first: (closeness, satisfaction items, mood, needs) per partner.
# A busy stretch in the middle dips a little, then things warm up again.
ANA = [
    (5, (5, 5, 5, 4), 4, ["fun"]),
    (5, (5, 6, 5, 5), 4, []),
    (6, (6, 6, 5, 5), 5, ["affection"]),
    (5, (5, 5, 4, 5), 3, ["listening"]),
    (4, (4, 4, 4, 4), 2, ["listening", "space"]),
    (4, (4, 5, 3, 4), 3, ["affection"]),
    (5, (5, 5, 5, 5), 4, ["fun"]),
    (5, (6, 5, 5, 6), 4, []),
    (6, (6, 6, 6, 5), 5, ["affection", "fun"]),
    (6, (6, 6, 5, 6), 4, ["fun"]),
]
BEN = [
    (6, (6, 5, 5, 5), 4, []),
    (5, (5, 5, 6, 5), 4, ["fun"]),
    (6, (6, 6, 6, 5), 4, []),
    (5, (5, 5, 5, 4), 3, ["advice"]),
    (5, (4, 4, 5, 4), 3, ["space"]),
    (4, (4, 4, 4, 3), 2, ["listening"]),
    (5, (5, 5, 5, 4), 3, ["affection"]),
    (6, (5, 6, 6, 5), 4, ["fun"]),
    (6, (6, 6, 6, 6), 5, ["affection"]),
    (5, (6, 5, 6, 5), 4, []),
]
NOTES = {
    (4, "ana"): "Work has been swallowing me. Not about us.",
    (5, "ben"): "Tired this week. A quiet evening together would be lovely.",
    (8, "ana"): "Loved Saturday.",
}


def seed(couple: Couple, a: User, b: User) -> None:
    keys = list(Item.objects.values_list("key", flat=True))
    this_week = week_start(couple.today())
    first = this_week - timedelta(weeks=len(ANA))
    rows = []
    for i, (ana_week, ben_week) in enumerate(zip(ANA, BEN, strict=True)):
        week = first + timedelta(weeks=i)
        for person, (closeness, scores, mood, needs), who in (
            (a, ana_week, "ana"),
            (b, ben_week, "ben"),
        ):
            when = _at(couple, week + timedelta(days=6 if who == "ana" else 5))
            rows.append(
                Checkin(
                    couple=couple,
                    author=person,
                    week=week,
                    closeness=closeness,
                    scores=dict(zip(keys, scores, strict=False)),
                    mood=mood,
                    needs=needs,
                    note=NOTES.get((i, who), ""),
                    created=when,
                    updated=when,
                )
            )
    # This week Ben is in and Ana is not yet: his stays sealed until hers is.
    now = timezone.now()
    rows.append(
        Checkin(
            couple=couple,
            author=b,
            week=this_week,
            closeness=6,
            scores=dict(zip(keys, (6, 6, 5, 6), strict=False)),
            mood=4,
            needs=["fun"],
            created=now,
            updated=now,
        )
    )
    Checkin.objects.bulk_create(rows)


def _at(couple: Couple, day: object) -> datetime:
    return datetime.combine(day, time(20, 30), tzinfo=couple.tz)  # type: ignore[arg-type]

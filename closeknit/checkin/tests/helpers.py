from datetime import timedelta
from typing import Any

from closeknit.accounts.models import User
from closeknit.checkin.models import Checkin, Item
from closeknit.couples.models import Couple
from closeknit.lib.weeks import week_start


def form_data(closeness: int = 5, score: int = 5, mood: int = 4, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"closeness": closeness, "mood": mood, "needs": ["listening"]}
    data.update({f"item_{key}": score for key in Item.objects.values_list("key", flat=True)})
    data.update(extra)
    return data


def make_checkin(
    couple: Couple, author: User, weeks_ago: int = 0, closeness: int = 5, score: int = 5, **kw: Any
) -> Checkin:
    week = week_start(couple.today()) - timedelta(weeks=weeks_ago)
    scores = dict.fromkeys(Item.objects.values_list("key", flat=True), score)
    return Checkin.objects.create(
        couple=couple,
        author=author,
        week=week,
        closeness=closeness,
        scores=scores,
        mood=kw.pop("mood", 3),
        **kw,
    )

"""Paths' reminder for the worker (closeknit.nudges.schedule calls `due(now)`).

On the last day of a path's week, at six in the evening in the couple's zone,
a partner who hasn't reflected on it yet hears that the reflection is open.
Once per week and person (the key); never about a paused path, and never
about the path behind "Just us" while it is off. The words never name a path.
"""

from collections.abc import Iterator
from datetime import datetime, time

from django.urls import reverse

from closeknit.nudges.schedule import Reminder, couples_at, members
from closeknit.paths import selectors
from closeknit.paths.models import PathRun, Reflection, RunWeek

REFLECT_AT = time(18, 0)


def due(now: datetime) -> Iterator[Reminder]:
    couples = {c.pk: c for c in couples_at(now, REFLECT_AT)}
    if not couples:
        return
    weeks = RunWeek.objects.filter(
        couple_id__in=couples,
        status=RunWeek.Status.CURRENT,
        run__status=PathRun.Status.ACTIVE,
    ).select_related("run__path", "run__couple")
    for week in weeks:
        couple = couples[week.couple_id]
        if now.astimezone(couple.tz).date() != week.last_day or selectors.is_hidden(week.run):
            continue
        done = set(Reflection.objects.filter(week=week).values_list("author_id", flat=True))
        url = reverse("paths:week", args=[week.pk]) + "#reflection"
        for user in members(couple):
            if user.pk not in done:
                key = f"path_reflection:{week.pk}:{user.pk}"
                yield Reminder(user, "path_reflection", url, key)

"""The check-in's reminders for the worker (closeknit.nudges.schedule calls `due(now)`).

On Sunday at five on their own clock, a partner who hasn't checked in this
week (their own week, as the check-in page counts it) hears that the weekly
check-in is open. Each reminder's key makes it happen once, however often the
sweep runs.
"""

from collections.abc import Iterator
from datetime import datetime, time

from django.urls import reverse

from closeknit.checkin.models import Checkin
from closeknit.lib.weeks import week_start
from closeknit.nudges.schedule import Reminder, people_at

CHECKIN_AT = time(17, 0)
SUNDAY = 6


def due(now: datetime) -> Iterator[Reminder]:
    yield from checkin_reminders(now)


def checkin_reminders(now: datetime) -> Iterator[Reminder]:
    for couple, user in people_at(now, CHECKIN_AT):
        local = now.astimezone(user.tz)
        if local.weekday() != SUNDAY:
            continue
        week = week_start(local.date())
        if not Checkin.objects.filter(couple=couple, week=week, author=user).exists():
            key = f"checkin:{couple.id}:{week}:{user.pk}"
            yield Reminder(user, "checkin", reverse("checkin:index"), key)

"""The check-in's reminders for the worker (closeknit.nudges.schedule calls `due(now)`).

On Sunday at five in the couple's zone, a partner who hasn't checked in this
week hears that the weekly check-in is open. Each reminder's key makes it
happen once, however often the sweep runs.
"""

from collections.abc import Iterator
from datetime import datetime, time

from django.urls import reverse

from closeknit.checkin.models import Checkin
from closeknit.lib.weeks import week_start
from closeknit.nudges.schedule import Reminder, couples_at, members

CHECKIN_AT = time(17, 0)
SUNDAY = 6


def due(now: datetime) -> Iterator[Reminder]:
    yield from checkin_reminders(now)


def checkin_reminders(now: datetime) -> Iterator[Reminder]:
    for couple in couples_at(now, CHECKIN_AT):
        local = now.astimezone(couple.tz)
        if local.weekday() != SUNDAY:
            continue
        week = week_start(local.date())
        done = set(
            Checkin.objects.filter(couple=couple, week=week).values_list("author_id", flat=True)
        )
        for user in members(couple):
            if user.pk not in done:
                key = f"checkin:{couple.id}:{week}:{user.pk}"
                yield Reminder(user, "checkin", reverse("checkin:index"), key)

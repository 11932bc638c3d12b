"""Date reminders, on each partner's own clock: the morning of the date (their date's day),
or the evening before an early one. The nudges sweeper calls `due(now)` every minute; keys
make it happen once."""

import zoneinfo
from collections.abc import Iterator
from datetime import datetime, time, timedelta

from django.urls import reverse

from closeknit.dates.models import DatePlan
from closeknit.nudges.schedule import Reminder, members

MORNING = time(8)
EVENING_BEFORE = time(18)


def due(now: datetime) -> Iterator[Reminder]:
    """Both partners, once per date and time (a moved date is reminded afresh)."""
    soon = DatePlan.objects.filter(
        status=DatePlan.Status.ACCEPTED,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=2),
        couple__ended_at__isnull=True,
    ).select_related("couple")
    for date_plan in soon:
        url = reverse("dates:detail", args=[date_plan.pk])
        stamp = date_plan.starts_at.isoformat()
        for user in members(date_plan.couple):
            if reminder_due_at(date_plan, user.tz) <= now:
                key = f"date_reminder:{date_plan.pk}:{stamp}:{user.pk}"
                yield Reminder(user, "date_reminder", url, key)


def reminder_due_at(date_plan: DatePlan, zone: zoneinfo.ZoneInfo) -> datetime:
    """8:00 on the date's day, or 18:00 the evening before a date that starts before 10:00,
    on the clock of `zone`."""
    starts = date_plan.starts_at.astimezone(zone)
    morning = datetime.combine(starts.date(), MORNING, tzinfo=zone)
    if starts - morning >= timedelta(hours=2):
        return morning
    return datetime.combine(starts.date() - timedelta(days=1), EVENING_BEFORE, tzinfo=zone)

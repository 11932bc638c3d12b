"""Scheduled reminders: each feature says what is due; notify() makes each one happen once.

A feature app may have `reminders.py` with `due(now) -> Iterable[Reminder]`.
The sweeper calls every feature every minute; the idempotency key of each
reminder (e.g. "daily_question:<couple>:<date>:<user>") makes a second run,
a second worker or a restart harmless.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib.features import hooks
from closeknit.nudges.notify import notify


@dataclass(frozen=True)
class Reminder:
    recipient: User
    kind: str
    url: str
    key: str
    partner: User | None = None


def couples_at(
    now: datetime, at: time, window: timedelta = timedelta(hours=1)
) -> Iterator[Couple]:
    """Active couples whose local clock is between `at` and `at + window` right now.

    Grouped by time zone, so the cost follows the number of zones, not couples.
    """
    zones = (
        Couple.objects.filter(ended_at__isnull=True).values_list("timezone", flat=True).distinct()
    )
    for zone in zones:
        local = now.astimezone(Couple(timezone=zone).tz)
        start = datetime.combine(local.date(), at, tzinfo=local.tzinfo)
        if start <= local < start + window:
            yield from Couple.objects.filter(ended_at__isnull=True, timezone=zone).iterator()


def members(couple: Couple) -> list[User]:
    return list(User.objects.filter(memberships__couple=couple, memberships__left_at__isnull=True))


def run_reminders(now: datetime) -> int:
    created = 0
    for _, module in hooks("reminders"):
        for reminder in module.due(now):
            created += notify(
                reminder.recipient,
                reminder.kind,
                reminder.url,
                key=reminder.key,
                partner=reminder.partner,
            )
    return created

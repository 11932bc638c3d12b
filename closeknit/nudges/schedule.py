"""Scheduled reminders: each feature says what is due; notify() makes each one happen once.

A feature app may have `reminders.py` with `due(now) -> Iterable[Reminder]`.
The sweeper calls every feature every minute; the idempotency key of each
reminder (e.g. "daily_question:<couple>:<date>:<user>") makes a second run,
a second worker or a restart harmless.

A reminder goes out on its recipient's own clock (`people_at`): the daily
question at nine in Berlin for one partner and at nine in New York for the
other.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from closeknit.accounts.models import User, zone_named
from closeknit.couples.models import Couple, Membership
from closeknit.lib.features import hooks
from closeknit.nudges.notify import notify


@dataclass(frozen=True)
class Reminder:
    recipient: User
    kind: str
    url: str
    key: str
    partner: User | None = None


def _in_window(now: datetime, zone: str, at: time, window: timedelta) -> bool:
    local = now.astimezone(zone_named(zone))
    start = datetime.combine(local.date(), at, tzinfo=local.tzinfo)
    return start <= local < start + window


def people_at(
    now: datetime, at: time, window: timedelta = timedelta(hours=1)
) -> Iterator[tuple[Couple, User]]:
    """Each partner of an active couple whose own clock is between `at` and `at + window`.

    Grouped by time zone, so the cost follows the number of zones, not people.
    """
    paired = Membership.objects.filter(left_at__isnull=True, couple__ended_at__isnull=True)
    zones = paired.values_list("user__timezone", flat=True).distinct().order_by()
    for zone in zones:
        if _in_window(now, zone, at, window):
            in_zone = paired.filter(user__timezone=zone).select_related("couple", "user")
            for membership in in_zone.order_by("couple_id", "user_id").iterator():
                yield membership.couple, membership.user


def couples_at(
    now: datetime, at: time, window: timedelta = timedelta(hours=1)
) -> Iterator[Couple]:
    """Active couples whose shared clock (`Couple.timezone`) is in the window right now.

    For what happens once for the two of them on one clock; a reminder to a
    person uses `people_at`, their own.
    """
    zones = (
        Couple.objects.filter(ended_at__isnull=True).values_list("timezone", flat=True).distinct()
    )
    for zone in zones:
        if _in_window(now, zone, at, window):
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

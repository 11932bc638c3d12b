"""Intention reminders for the worker (closeknit.nudges.schedule calls `due(now)`).

Once a month since someone last wrote or confirmed their intentions, at ten
on their own clock, a nudge to look at them again. Each reminder's key makes
it happen once, however often the sweep runs.
"""

from collections.abc import Collection, Iterator
from datetime import datetime, time, timedelta
from uuid import UUID

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from closeknit.couples.models import Membership
from closeknit.intentions.models import Intention
from closeknit.nudges.models import Notification
from closeknit.nudges.schedule import Reminder, people_at

INTENTIONS_AT = time(10, 0)
INTENTION_REVISIT = timedelta(days=30)


def due(now: datetime) -> Iterator[Reminder]:
    people = [user.pk for _, user in people_at(now, INTENTIONS_AT)]
    if people:
        yield from intention_reminders(now, people)


def intention_reminders(
    now: datetime, author_ids: Collection[UUID] | None = None
) -> Iterator[Reminder]:
    """One reminder per person for each 30 days since their intentions were last visited."""
    same_person = Intention.objects.filter(couple=OuterRef("couple"), author=OuterRef("author"))
    latest = same_person.order_by("-created").values("id")[:1]
    still_paired = Membership.objects.filter(
        couple=OuterRef("couple"), user=OuterRef("author"), left_at__isnull=True
    )
    current = (
        Intention.objects.filter(id=Subquery(latest), couple__ended_at__isnull=True)
        .filter(Exists(still_paired))
        .annotate(visited=Coalesce("reviewed_at", "created"))
        .filter(visited__lte=now - INTENTION_REVISIT)
        .select_related("author")
    )
    if author_ids is not None:
        current = current.filter(author_id__in=author_ids)
    reminders = [_intention_reminder(i, now) for i in current]
    # The sweep runs every minute: skip the ones already sent without touching notify().
    sent = set(
        Notification.objects.filter(key__in=[r.key for r in reminders]).values_list(
            "key", flat=True
        )
    )
    yield from (r for r in reminders if r.key not in sent)


def _intention_reminder(intention: Intention, now: datetime) -> Reminder:
    visited = intention.last_visited
    periods = (now - visited) // INTENTION_REVISIT
    key = f"intentions:{intention.id}:{visited.isoformat()}:{periods}"
    return Reminder(intention.author, "intentions", reverse("intentions:index"), key)

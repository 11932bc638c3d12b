"""notify(): how every feature tells a partner something happened.

The inbox item is written in the caller's transaction; e-mail and push
deliveries are queued for the worker only after that transaction commits, so
nothing is sent for a write that rolled back.
"""

from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples import homecache
from closeknit.nudges import preferences
from closeknit.nudges.kinds import KINDS, text_for
from closeknit.nudges.models import Delivery, Notification, PushSubscription


def notify(recipient: User, kind: str, url: str, *, key: str, partner: User | None = None) -> bool:
    """Tell `recipient` about an event, once per `key`, in the inbox and on their channels.

    `key` names the event (e.g. "daily_answered:<answer id>"); a second call with
    the same key does nothing, so retries and races never notify twice.
    Returns True when a new notification was created.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind: {kind}")
    name = partner.display_name if partner else "Your partner"
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient, kind=kind, text=text_for(kind, name), url=url, key=key
            )
            deliveries = _plan_deliveries(notification, recipient)
    except IntegrityError:
        return False
    homecache.inbox_changed(recipient.pk)  # the unread badge on a kept home page
    now = timezone.now()
    ready = [d.id for d in deliveries if not d.digest and d.due_at <= now]
    if ready:
        transaction.on_commit(lambda: _enqueue(ready))
    return True


def _plan_deliveries(notification: Notification, recipient: User) -> list[Delivery]:
    prefs = preferences.settings_for(recipient)
    now = timezone.now()
    planned = []
    for channel in preferences.channels_for(prefs, notification.kind):
        if channel == "push" and not PushSubscription.objects.filter(user=recipient).exists():
            continue
        digest = channel == "email" and prefs.daily_digest
        due = (
            preferences.next_digest(prefs, recipient.timezone, now)
            if digest
            else preferences.next_allowed(prefs, recipient.timezone, now)
        )
        planned.append(
            Delivery(notification=notification, channel=channel, digest=digest, due_at=due)
        )
    return Delivery.objects.bulk_create(planned)


def _enqueue(delivery_ids: list[UUID]) -> None:
    from django_q.tasks import async_task

    for delivery_id in delivery_ids:
        async_task("closeknit.nudges.delivery.deliver", str(delivery_id), group="deliveries")

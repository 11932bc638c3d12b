"""Sending what notify() planned: e-mail and Web Push, at most once each.

`deliver()` runs in the worker. It claims its Delivery with one conditional
UPDATE (pending -> sending); only the worker whose UPDATE changed the row
sends, so two workers, a retry or a restart never send the same thing twice.
A send that raises is put back to pending with a growing delay (and shows in
the admin with its error); after MAX_ATTEMPTS it is marked failed.
"""

import json
import logging
from collections import defaultdict
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pywebpush import WebPushException, webpush

from closeknit.accounts.models import User
from closeknit.nudges import vapid
from closeknit.nudges.kinds import KINDS
from closeknit.nudges.models import Delivery, Notification, PushSubscription
from closeknit.nudges.preferences import ALL_KINDS

log = logging.getLogger(__name__)

BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
MAX_ATTEMPTS = len(BACKOFF) + 1
STUCK_AFTER = timedelta(hours=1)


def deliver(delivery_id: str) -> str:
    """Send one delivery if it is still pending and due. Returns what happened."""
    now = timezone.now()
    claimed = Delivery.objects.filter(
        id=delivery_id, status=Delivery.PENDING, digest=False, due_at__lte=now
    ).update(status=Delivery.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return "not mine"
    delivery = Delivery.objects.select_related("notification__recipient").get(id=delivery_id)
    try:
        SENDERS[delivery.channel](delivery.notification)
    except Exception as exc:
        _retry_later(delivery, exc)
        raise  # recorded by the queue too, so the failure shows in the admin
    delivery.status, delivery.sent_at = Delivery.SENT, timezone.now()
    delivery.save(update_fields=["status", "sent_at"])
    return "sent"


def _retry_later(delivery: Delivery, exc: Exception) -> None:
    delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = Delivery.FAILED
    else:
        delivery.status = Delivery.PENDING
        delivery.due_at = timezone.now() + BACKOFF[delivery.attempts - 1]
    delivery.save(update_fields=["status", "due_at", "last_error"])


def absolute(url: str) -> str:
    site: str = settings.SITE_URL
    return site + url


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": str(user.pk), "k": kind}, salt="unsubscribe")


def send_email(notification: Notification) -> None:
    user = notification.recipient
    unsubscribe = absolute(
        reverse("unsubscribe", args=[unsubscribe_token(user, notification.kind)])
    )
    ctx = {
        "user": user,
        "items": [notification],
        "link": absolute(notification.url),
        "unsubscribe": unsubscribe,
        "kind_label": KINDS[notification.kind].label,
    }
    _send(user, notification.text, ctx, unsubscribe)


def send_digest_email(user: User, notifications: list[Notification]) -> None:
    # The digest gathers every kind, so its one-click link stops every e-mail.
    unsubscribe = absolute(reverse("unsubscribe", args=[unsubscribe_token(user, ALL_KINDS)]))
    ctx = {
        "user": user,
        "items": notifications,
        "link": absolute("/inbox/"),
        "digest": True,
        "unsubscribe": unsubscribe,
        "settings": absolute(reverse("nudge_settings")),
    }
    count = len(notifications)
    subject = f"{count} new thing{'s' if count != 1 else ''} in Closeknit today"
    _send(user, subject, ctx, unsubscribe)


def _send(user: User, subject: str, ctx: dict[str, object], unsubscribe: str) -> None:
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=render_to_string("nudges/email.txt", ctx),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("nudges/email.html", ctx), "text/html")
    message.send()


def push_payload(notification: Notification) -> str:
    """What a lock screen may show: the fixed text and a link, never content."""
    return json.dumps({"title": "Closeknit", "body": notification.text, "url": notification.url})


def send_push(notification: Notification) -> None:
    subscriptions = list(PushSubscription.objects.filter(user=notification.recipient))
    errors = [err for sub in subscriptions if (err := _push_one(sub, notification))]
    if subscriptions and len(errors) == len(subscriptions):
        raise RuntimeError("; ".join(errors))


def _push_one(sub: PushSubscription, notification: Notification) -> str | None:
    try:
        webpush(
            subscription_info={
                "endpoint": sub.endpoint,
                "keys": {"p256dh": sub.p256dh, "auth": sub.auth},
            },
            data=push_payload(notification),
            vapid_private_key=vapid.private_key_path(),
            vapid_claims={
                "sub": f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}"
            },
            ttl=24 * 3600,
            timeout=10,
        )
    except WebPushException as exc:
        if exc.response is not None and exc.response.status_code in (404, 410):
            sub.delete()  # the browser unsubscribed; forget it
            return None
        return str(exc)
    return None


SENDERS = {"email": send_email, "push": send_push}


def send_due(now: object = None) -> int:
    """Deliver everything pending and due (quiet hours over, retries' delay passed)."""
    now = now or timezone.now()
    due = Delivery.objects.filter(status=Delivery.PENDING, digest=False, due_at__lte=now)
    sent = 0
    for delivery_id in list(due.values_list("id", flat=True)[:500]):
        try:
            sent += deliver(str(delivery_id)) == "sent"
        except Exception:
            log.warning("Delivery %s failed; it will be retried", delivery_id, exc_info=True)
    return sent


def send_digests(now: object = None) -> int:
    """One e-mail per person with every digest item that has come due."""
    now = now or timezone.now()
    due = Delivery.objects.filter(status=Delivery.PENDING, digest=True, due_at__lte=now)
    by_user: dict[UUID, list[UUID]] = defaultdict(list)
    for delivery_id, user_id in due.values_list("id", "notification__recipient_id")[:2000]:
        by_user[user_id].append(delivery_id)
    for user_id, ids in by_user.items():
        _send_one_digest(user_id, ids)
    return len(by_user)


def _send_one_digest(user_id: UUID, ids: list[UUID]) -> None:
    now = timezone.now()
    claimed = Delivery.objects.filter(id__in=ids, status=Delivery.PENDING)
    mine = list(claimed.values_list("id", flat=True))
    if not claimed.filter(id__in=mine).update(status=Delivery.SENDING, claimed_at=now):
        return
    notifications = list(Notification.objects.filter(deliveries__id__in=mine).order_by("created"))
    send_digest_email(User.objects.get(pk=user_id), notifications)
    Delivery.objects.filter(id__in=mine).update(status=Delivery.SENT, sent_at=timezone.now())


def release_stuck(now: object = None) -> int:
    """A claim older than an hour died with its worker: mark it failed, never resend."""
    now = now or timezone.now()
    return Delivery.objects.filter(
        status=Delivery.SENDING,
        claimed_at__lt=now - STUCK_AFTER,  # type: ignore[operator]
    ).update(status=Delivery.FAILED, last_error="The worker stopped while sending; not resent.")

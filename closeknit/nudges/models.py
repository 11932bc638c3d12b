from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.lib.models import uuid_pk
from closeknit.nudges.kinds import KINDS


class Notification(models.Model):
    """An inbox item. Its text comes from `kinds.KINDS` and never holds content."""

    id = uuid_pk()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=[(k, v.label) for k, v in KINDS.items()])
    text = models.CharField(max_length=200)
    url = models.CharField(max_length=200)
    # One notification per event, however many times the event is processed.
    key = models.CharField(max_length=200, unique=True)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.text


CHANNELS = [("email", "E-mail"), ("push", "Push to my devices")]


def default_quiet_start() -> time:
    return time(22, 0)


def default_quiet_end() -> time:
    return time(7, 0)


class NudgeSettings(models.Model):
    """How one person wants to be told: per kind and channel, quiet hours, digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="nudge_settings"
    )
    # {"<kind>": ["email", "push"], ...}; a kind not listed uses DEFAULT_CHANNELS.
    channels = models.JSONField(default=dict, blank=True)
    quiet_start = models.TimeField(default=default_quiet_start, null=True, blank=True)
    quiet_end = models.TimeField(default=default_quiet_end, null=True, blank=True)
    daily_digest = models.BooleanField("One e-mail a day instead of one per event", default=False)
    digest_hour = models.PositiveSmallIntegerField(default=18)

    def __str__(self) -> str:
        return f"Nudge settings of {self.user_id}"


class Delivery(models.Model):
    """One notification on one channel: sent at most once.

    A worker claims a row by moving it from "pending" to "sending" in a single
    UPDATE; only the worker whose UPDATE changed the row sends. A crash after
    the claim leaves it "sending" and it is never sent again: at most once.
    """

    PENDING, SENDING, SENT, FAILED, SKIPPED = "pending", "sending", "sent", "failed", "skipped"
    STATUSES = [(s, s) for s in (PENDING, SENDING, SENT, FAILED, SKIPPED)]

    id = uuid_pk()
    notification = models.ForeignKey(Notification, models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=8, choices=CHANNELS)
    status = models.CharField(max_length=8, choices=STATUSES, default=PENDING)
    digest = models.BooleanField(default=False)
    due_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="one_delivery_per_channel"
            )
        ]
        indexes = [models.Index(fields=["status", "due_at"])]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.channel} {self.status}"


class PushSubscription(models.Model):
    """A browser's Web Push subscription (from PushManager.subscribe())."""

    id = uuid_pk()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Push subscription {self.id}"

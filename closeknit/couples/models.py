import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from closeknit.lib.models import uuid_pk


class Couple(models.Model):
    """The tenant: two partners and everything they share."""

    id = uuid_pk()
    created = models.DateTimeField(default=timezone.now)
    timezone = models.CharField(
        "time zone",
        max_length=64,
        default="UTC",
        help_text="Your days (the daily question, check-in weeks, reminders) follow this zone.",
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    # Who ended it and how, so the partner left behind is told what happened.
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_how = models.CharField(
        max_length=10, blank=True, choices=[("unpaired", "Unpaired"), ("deleted", "Deleted")]
    )

    def __str__(self) -> str:
        return f"Couple {self.id}"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def now(self) -> datetime:
        return timezone.now().astimezone(self.tz)

    def today(self) -> date:
        """The couple's calendar date: a new day starts at their local midnight."""
        return self.now().date()


class Membership(models.Model):
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One active couple per person, enforced by the database itself.
            models.UniqueConstraint(
                fields=["user"], condition=Q(left_at__isnull=True), name="one_active_couple"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.couple}"


class Invite(models.Model):
    """A single-use, expiring invitation: a link token and a short code."""

    id = uuid_pk()
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="invites")
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=8, unique=True)
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Invite from {self.inviter}"

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

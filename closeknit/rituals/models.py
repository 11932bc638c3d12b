"""Rituals of connection: the suggestions, the couple's own list, and the days they did them.

The tables keep the names they had when rituals lived in `dates`
(`Meta.db_table`): the move changed no data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.models import uuid_pk

TITLE_MAX = 120  # a ritual's title, and when it happens
DESCRIPTION_MAX = 1000


class Ritual(models.Model):
    """A suggested ritual of connection (data/rituals.csv, loaded by a migration)."""

    id = uuid_pk()
    key = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=120)
    description = models.TextField()
    when = models.CharField(max_length=120)

    class Meta:
        db_table = "dates_ritual"
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title


class CoupleRitual(models.Model):
    """A ritual the couple chose: from the suggestions (copied) or their own."""

    AUTHOR = "added_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="rituals")
    source = models.ForeignKey(Ritual, models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    when = models.CharField(max_length=120, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "dates_coupleritual"
        ordering = ["created"]
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return self.title


class RitualMark(models.Model):
    """ "We did it" for one ritual on one day (the couple's calendar day)."""

    AUTHOR = "marked_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    ritual = models.ForeignKey(CoupleRitual, models.CASCADE, related_name="marks")
    day = models.DateField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "dates_ritualmark"
        constraints = [models.UniqueConstraint(fields=["ritual", "day"], name="one_mark_per_day")]
        indexes = [models.Index(fields=["couple", "day"])]

    def __str__(self) -> str:
        return f"{self.ritual_id} on {self.day}"

"""Fun together: shows to watch, and the inside-jokes jar.

The tables keep the names they had when fun lived in `dates`
(`Meta.db_table`): the move changed no data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

TITLE_MAX = 200  # a show's title
JOKE_MAX = 1000  # a note in the jar


class Show(models.Model):
    """A show or film to watch together."""

    AUTHOR = "added_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    class Status(models.TextChoices):
        WANT = "want", "Want to watch"
        WATCHING = "watching", "Watching"
        DONE = "done", "Watched"

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="shows")
    title = models.CharField(max_length=TITLE_MAX)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WANT)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "dates_show"
        indexes = [models.Index(fields=["couple", "status"])]

    def __str__(self) -> str:
        return self.title


class InsideJoke(models.Model):
    """A note in the inside-jokes jar: a line only the two of you get."""

    AUTHOR = "added_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="jokes")
    text = EncryptedTextField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "dates_insidejoke"
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Inside joke {self.id}"

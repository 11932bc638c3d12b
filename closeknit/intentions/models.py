"""Intentions: what each partner wants from this, and is willing to do.

The table keeps the name it had when intentions lived in `checkin`
(`Meta.db_table`): the move changed no data.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

INTENTION_MAX = 2000  # characters in each part


class Intention(models.Model):
    """What one partner wants from this and is willing to do; each change is a new row."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    want = EncryptedTextField("What I want from this")
    willing = EncryptedTextField("What I'm willing to do")
    created = models.DateTimeField(default=timezone.now)
    # "These still hold": revisited without a change.
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "checkin_intention"
        indexes = [models.Index(fields=["couple", "author", "created"])]

    def __str__(self) -> str:
        return f"Intention of {self.created:%Y-%m-%d}"

    @property
    def last_visited(self) -> datetime:
        return self.reviewed_at or self.created

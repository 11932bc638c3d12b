"""The support signal: "I'm having a hard time", and the partner's "I'm here".

The table keeps the name it had when the signal lived in `checkin`
(`Meta.db_table`): the move changed no data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

NOTE_MAX = 1000
SUPPORT_KINDS = [
    ("listen", "Someone to listen"),
    ("company", "Company, even quietly"),
    ("practical", "Help with something practical"),
    ("comfort", "A hug or some comfort"),
    ("space", "A little space, kindly given"),
    ("distraction", "Something to take my mind off it"),
]
SUPPORT_OFFERS = [
    ("listen", "I'll make time to listen"),
    ("call", "I'll call you"),
    ("company", "I'll be with you"),
    ("practical", "I'll take something off your plate"),
    ("comfort", "A hug is waiting"),
    ("space", "I'll give you room, and I'm close by"),
    ("fun", "I'll plan something to take your mind off it"),
]


class SupportSignal(models.Model):
    """ "I'm having a hard time": a request for support, and the partner's answer."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    kind = models.CharField("What would help", max_length=16, choices=SUPPORT_KINDS)
    note = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    offer = models.CharField(max_length=16, choices=SUPPORT_OFFERS, blank=True)
    answer_note = EncryptedTextField(blank=True, default="")
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "checkin_supportsignal"
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Support signal of {self.created:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

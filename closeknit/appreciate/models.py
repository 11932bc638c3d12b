from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

REACTIONS = [
    ("loved", "❤️ Loved it"),
    ("smile", "😊 Made me smile"),
    ("hug", "🤗 Sending a hug"),
    ("thanks", "🙏 Thank you"),
]
TALLY_KINDS = [("appreciation", "Appreciation"), ("complaint", "Complaint")]
PART_MAX = 1000


class Appreciation(models.Model):
    """An appreciation in three parts, sent to the partner (shared once sent)."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    # The writer's words stay theirs when the person they thanked deletes their account.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    did = EncryptedTextField("What you did")
    felt = EncryptedTextField("How it affected me")
    shows = EncryptedTextField("What it shows about you")
    created = models.DateTimeField(default=timezone.now)
    # The recipient's reaction, one at a time.
    reaction = models.CharField(max_length=16, choices=REACTIONS, blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Appreciation of {self.created:%Y-%m-%d}"


class JournalEntry(models.Model):
    """The private gratitude journal: only its author ever sees an entry."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    text = EncryptedTextField("Today I'm grateful for")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "author", "created"])]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return f"Journal entry of {self.created:%Y-%m-%d}"


class TallyMark(models.Model):
    """One logged appreciation or complaint, counted by the person who logged it (private)."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=TALLY_KINDS)
    day = models.DateField(help_text="The couple's local date.")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "author", "day"])]

    def __str__(self) -> str:
        return f"{self.kind} on {self.day}"

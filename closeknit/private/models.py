"""The opt-in list that only ever shows what both partners would like.

Nothing here is read directly by views, the API or the export: they all go
through closeknit.private.selectors, which holds the mutual-only rule.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk


class Category(models.TextChoices):
    AFFECTION = "affection", "Affection"
    MOOD = "mood", "Setting the mood"
    TALK = "talk", "Talking"
    PLAY = "play", "Playful"
    ADVENTURE = "adventure", "Something new"
    AFTERCARE = "aftercare", "Afterwards"


class Choice(models.TextChoices):
    YES = "yes", "Yes"
    MAYBE = "maybe", "Maybe"
    NO = "no", "No"


class Item(models.Model):
    """One item of the list (data/items.csv, loaded by a migration)."""

    id = uuid_pk()
    key = models.CharField(max_length=40, unique=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    text = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.key


class OptIn(models.Model):
    """A partner's own choice to turn the list on; the list opens when both have."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "user"], name="one_opt_in")]

    def __str__(self) -> str:
        return f"Opt-in {self.id}"


class Answer(models.Model):
    """A partner's private yes / maybe / no, encrypted so a dump reveals nothing."""

    AUTHOR = "user"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, models.CASCADE, related_name="+")
    choice = EncryptedTextField()
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "user", "item"], name="one_answer")
        ]

    def __str__(self) -> str:
        return f"Answer {self.id}"


class TryNext(models.Model):
    """A mutual item either partner put on the try-next list."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    tried_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "item"], name="one_try_next")]

    def __str__(self) -> str:
        return f"Try next {self.id}"


class Evening(models.Model):
    """A close evening one partner marked; it brings a gentle after-care reminder."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    # Partners who put the reminder away; each does so for themself.
    dismissed_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Evening {self.id}"

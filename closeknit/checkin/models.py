from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

NOTE_MAX = 1000
SCALE = (1, 7)  # closeness and the satisfaction items share one 1-7 scale
CLOSENESS_WORDS = {
    1: "Apart",
    2: "Touching",
    3: "A little overlap",
    4: "Some overlap",
    5: "Much overlap",
    6: "Mostly overlap",
    7: "Almost one",
}
MOODS = [
    (1, "Heavy"),
    (2, "Low"),
    (3, "Steady"),
    (4, "Good"),
    (5, "Bright"),
]
NEEDS = [
    ("listening", "Listening"),
    ("advice", "Advice"),
    ("space", "Space"),
    ("affection", "Affection"),
    ("fun", "Fun"),
]


class Item(models.Model):
    """A satisfaction item; its wording lives in data/items.csv."""

    key = models.SlugField(max_length=40, unique=True)
    text = models.CharField(max_length=300)
    low = models.CharField(max_length=60)
    high = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.text


class Checkin(models.Model):
    """One partner's one-minute check-in for one local week (sealed until both are in)."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    week = models.DateField(help_text="The Monday of the couple's local week.")
    closeness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[1])]
    )
    # {item key: 1-7}; the wording of each key lives in Item.
    scores = models.JSONField(default=dict)
    mood = models.PositiveSmallIntegerField(choices=MOODS)
    needs = models.JSONField(default=list)
    note = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    # Revealed means settled (closeknit.couples.sealing.settle): the numbers are
    # locked at the reveal; a note edited after it is marked and keeps its first words.
    edited_after_reveal = models.BooleanField(default=False)
    first_shared = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "author", "week"], name="one_checkin_a_week")
        ]
        indexes = [models.Index(fields=["couple", "week"])]

    def __str__(self) -> str:
        return f"Check-in of {self.week}"

    @property
    def is_complete(self) -> bool:
        return True  # a check-in is only saved whole

    @property
    def need_labels(self) -> list[str]:
        labels = dict(NEEDS)
        return [labels[n] for n in self.needs if n in labels]

import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField

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


def uuid_pk() -> models.UUIDField:
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


def week_of(day: date) -> date:
    """The Monday that starts the check-in week containing `day`."""
    return day - timedelta(days=day.weekday())


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


class SupportSignal(models.Model):
    """ "I'm having a hard time": a request for support, and the partner's answer."""

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
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Support signal of {self.created:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Intention(models.Model):
    """What one partner wants from this and is willing to do; each change is a new row."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    want = EncryptedTextField("What I want from this")
    willing = EncryptedTextField("What I'm willing to do")
    created = models.DateTimeField(default=timezone.now)
    # "These still hold": revisited without a change.
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "author", "created"])]

    def __str__(self) -> str:
        return f"Intention of {self.created:%Y-%m-%d}"

    @property
    def last_visited(self) -> datetime:
        return self.reviewed_at or self.created

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk


class Category(models.TextChoices):
    AT_HOME = "at_home", "At home"
    OUT = "out", "Out and about"
    OUTDOORS = "outdoors", "Outdoors"
    LOW_COST = "low_cost", "Low cost"
    NEW_TO_BOTH = "new_to_both", "New to both"
    TALK_CENTRED = "talk_centred", "Talk-centred"
    PLAYFUL = "playful", "Playful"


TITLE_MAX = 120  # what the date is
PLACE_MAX = 200
NOTES_MAX = 2000  # what an idea is about, and a date's notes
MEMORY_MAX = 4000  # a memory kept with a rating
DURATION = (15, 24 * 60)  # minutes a date may last


class DateIdea(models.Model):
    """One idea of the bank: the library's (with a key, data/date_ideas.csv, loaded by a
    migration) or a couple's own (with their couple and its author), seen by both partners."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    key = models.CharField(max_length=40, unique=True, null=True, blank=True)
    couple = models.ForeignKey(Couple, models.CASCADE, null=True, blank=True, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField(blank=True)
    place = models.CharField(max_length=PLACE_MAX, blank=True)
    duration = models.PositiveSmallIntegerField("minutes", null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["key"]
        indexes = [models.Index(fields=["couple", "category"])]

    def __str__(self) -> str:
        return self.title

    @property
    def own(self) -> bool:
        """Written by the couple, not from the library."""
        return self.couple_id is not None


class SavedIdea(models.Model):
    """An idea the couple keeps for later ("saved for us"): either partner saves or unsaves it."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    idea = models.ForeignKey(DateIdea, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "idea"], name="one_save_per_idea")
        ]

    def __str__(self) -> str:
        return f"{self.idea_id} saved by {self.couple_id}"


class DatePlan(models.Model):
    """A date one partner proposed; the other accepts it or suggests another time."""

    AUTHOR = "proposed_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for an answer"
        ACCEPTED = "accepted", "On"
        CANCELLED = "cancelled", "Called off"

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="dates")
    idea = models.ForeignKey(DateIdea, models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField("what", max_length=TITLE_MAX)
    place = models.CharField("where", max_length=PLACE_MAX, blank=True)
    notes = models.TextField(blank=True)
    starts_at = models.DateTimeField("when")
    duration = models.PositiveSmallIntegerField("how long (minutes)", default=120)
    # Who plans it (books, packs, surprises); blank means both together.
    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The author of the current proposal; a suggested new time changes it.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def happened(self) -> bool:
        return self.status == self.Status.ACCEPTED and self.is_past

    def awaits(self, user_id: uuid.UUID) -> bool:
        """True when `user` is the one to accept or suggest another time."""
        return (
            self.status == self.Status.PROPOSED
            and not self.is_past
            and self.proposed_by_id not in (None, user_id)
        )


class DateRating(models.Model):
    """A partner's rating of a date and their memory of it.

    Sealed (closeknit.couples.sealing): each sees the other's after rating it
    themself, so neither anchors the other.
    """

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    date = models.ForeignKey(DatePlan, models.CASCADE, related_name="ratings")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    stars = models.PositiveSmallIntegerField()
    memory = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    # Revealed means settled (closeknit.couples.sealing.settle): the stars are
    # locked at the reveal; a memory edited after it is marked and keeps its first words.
    edited_after_reveal = models.BooleanField(default=False)
    first_shared = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["date", "author"], name="one_rating_per_partner")
        ]
        indexes = [models.Index(fields=["couple"])]

    def __str__(self) -> str:
        return f"{self.stars}/5"

    @property
    def is_complete(self) -> bool:
        return True


class CalendarFeed(models.Model):
    """A partner's secret calendar address; the secret in the URL is the credential.

    The digest finds the feed; the encrypted copy lets its owner see the
    address again. Regenerating replaces both, which revokes the old address.
    """

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    secret = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "user"], name="one_feed_per_partner")
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.user_id}"

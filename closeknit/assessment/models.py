from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.models import uuid_pk

KINDS = [
    ("emotional", "Emotional"),
    ("intellectual", "Intellectual"),
    ("physical", "Physical affection"),
    ("sexual", "Sexual"),
    ("spiritual", "Spiritual or shared meaning"),
    ("recreational", "Recreational"),
    ("social", "Social"),
]
TOPICS = [
    ("people", "People in your lives"),
    ("stresses", "Stresses"),
    ("hopes", "Hopes and dreams"),
    ("history", "Growing up"),
    ("preferences", "Likes and preferences"),
    ("inner_world", "Inner world"),
]
QUARTER_DAYS = 91
SUGGESTION_TYPES = [
    ("prompt_kind", "Questions to talk about"),
    ("exercise", "Exercise"),
    ("date", "Date"),
]


class IntimacyItem(models.Model):
    """A statement about one kind of intimacy (data/intimacy_items.csv)."""

    key = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=16, choices=KINDS)
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    # A private matter (sexual intimacy): it may be skipped with "Prefer not to say".
    sensitive = models.BooleanField(default=False)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.text


class ResponsivenessItem(models.Model):
    """One responsiveness item, worded two ways (data/responsiveness_items.csv)."""

    key = models.SlugField(max_length=40, unique=True)
    to_me = models.CharField(max_length=300)
    from_me = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.to_me


class LovemapQuestion(models.Model):
    """A love-map quiz question (data/lovemap_quiz.csv); answers are option indexes."""

    key = models.SlugField(max_length=40, unique=True)
    topic = models.CharField(max_length=16, choices=TOPICS)
    about_me = models.CharField(max_length=300)
    about_partner = models.CharField(max_length=300)
    options = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.about_me


class Suggestion(models.Model):
    """Something to try for a kind of intimacy (data/suggestions.csv)."""

    key = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=16, choices=KINDS)
    type = models.CharField(max_length=16, choices=SUGGESTION_TYPES)
    text = models.TextField()

    def __str__(self) -> str:
        return self.key


class Round(models.Model):
    """One sitting of the assessment for a couple: the baseline, then one a quarter."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField(help_text="1 is the baseline.")
    started_on = models.DateField(help_text="The couple's local date.")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "number"], name="one_round_number")
        ]
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Assessment {self.number} of {self.couple_id}"

    @property
    def is_baseline(self) -> bool:
        return self.number == 1

    @property
    def label(self) -> str:
        when = self.started_on.strftime("%B %Y")
        return f"Baseline, {when}" if self.is_baseline else when


class Response(models.Model):
    """One partner's answers for a round; sealed until both have finished.

    intimacy: {item key: [now, ideal], or None for "prefer not to say" on a sensitive
    item}; responsiveness: {item key: [to me, from me]}
    (all 1-7); lovemap: {question key: [my answer, my guess of my partner's]} as
    option indexes.
    """

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    round = models.ForeignKey(Round, models.CASCADE, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    intimacy = models.JSONField(default=dict)
    responsiveness = models.JSONField(default=dict)
    lovemap = models.JSONField(default=dict)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "author"], name="one_response_a_round")
        ]
        indexes = [models.Index(fields=["couple", "round"])]

    def __str__(self) -> str:
        return f"Response to {self.round_id}"

    @property
    def is_complete(self) -> bool:
        return self.finished_at is not None


def next_due(last_started: date) -> date:
    """A new round opens a quarter after the last one started."""
    return last_started + timedelta(days=QUARTER_DAYS)

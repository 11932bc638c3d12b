"""Paths: guided programmes of a few weeks, and a couple's way through one.

`Path` and `PathWeek` are the product's own content (data/*.toml, loaded by a
data migration). `PathRun` is one couple's going through one path, `RunWeek`
one week of it in the couple's own days, and `Reflection` one partner's
ten-second look back at a week: sealed until the partner has reflected too.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

WEEK_DAYS = 7
SCALE = (1, 7)
NOTE_MAX = 280


class Path(models.Model):
    """One guided programme of four to six weeks (data/<key>.toml)."""

    key = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=80)
    subtitle = models.CharField(max_length=120)
    summary = models.TextField()
    # What in an assessment report this path answers, strongest first: kinds of
    # intimacy with a gap, "responsiveness" or "lovemap" (closeknit/paths/offers.py).
    fits = models.JSONField(default=list)
    # Offered gently after a sustained dip in the weekly check-in.
    reconnect = models.BooleanField(default=False)
    # Shown only while both partners have turned on "Just us" (the opt-in list).
    private = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.key


class PathWeek(models.Model):
    """One week of a path: a reading, a practice, a prompt, a ritual or date idea."""

    path = models.ForeignKey(Path, models.CASCADE, related_name="weeks")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=120)
    reading = models.TextField()
    source = models.CharField(max_length=300)
    # A key of closeknit.paths.content.PRACTICES: which page of the app to practise on.
    practice = models.CharField(max_length=20)
    practice_text = models.TextField()
    prompt_key = models.CharField(max_length=40, blank=True)  # a talk library prompt
    idea_key = models.CharField(max_length=40, blank=True)  # a dates Ritual or DateIdea

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["path", "number"], name="one_path_week_number")
        ]
        ordering = ["path", "number"]

    def __str__(self) -> str:
        return f"{self.path_id} week {self.number}"


class PathRun(models.Model):
    """A couple's way through one path: proposed by one partner, accepted by the other."""

    AUTHOR = "proposed_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Suggested"
        ACTIVE = "active", "Under way"
        PAUSED = "paused", "Paused"
        FINISHED = "finished", "Finished"
        DECLINED = "declined", "Not now"
        LEFT = "left", "Stopped"

    OPEN = (Status.PROPOSED, Status.ACTIVE, Status.PAUSED)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    # Shared by both once accepted, so deleting the proposer's account keeps it for the partner.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    path = models.ForeignKey(Path, models.RESTRICT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True, help_text="The couple's local date.")
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One path at a time per couple, held by the database itself.
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(status__in=["proposed", "active", "paused"]),
                name="one_open_path_run",
            )
        ]
        indexes = [models.Index(fields=["couple", "created"])]

    def __str__(self) -> str:
        return f"Path run {self.id}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class RunWeek(models.Model):
    """One week of a run, in the couple's days: it starts on a local date and runs seven days."""

    class Status(models.TextChoices):
        CURRENT = "current", "This week"
        DONE = "done", "Done"
        SKIPPED = "skipped", "Skipped"
        REPEATED = "repeated", "Done again next"

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    run = models.ForeignKey(PathRun, models.CASCADE, related_name="weeks")
    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CURRENT)
    again = models.BooleanField(default=False, help_text="A repeat of the week before it.")
    started_on = models.DateField(help_text="The couple's local date.")
    ended_on = models.DateField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["started_on", "created"]
        indexes = [models.Index(fields=["couple", "run"])]

    def __str__(self) -> str:
        return f"Week {self.number} from {self.started_on}"

    @property
    def last_day(self) -> date:
        """The week's seventh day: its reflection opens then."""
        return self.started_on + timedelta(days=WEEK_DAYS - 1)


def scale_field(label: str) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[1])]
    )


class Reflection(models.Model):
    """One partner's end-of-week reflection: sealed until the partner has reflected too."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    week = models.ForeignKey(RunWeek, models.CASCADE, related_name="reflections")
    understood = scale_field("I felt understood")
    validated = scale_field("I felt validated")
    cared = scale_field("I felt cared for")
    note = EncryptedTextField("A word about this week, if you like", blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "author"], name="one_reflection_each")
        ]
        indexes = [models.Index(fields=["couple", "week"])]

    def __str__(self) -> str:
        return f"Reflection by {self.author_id}"

    @property
    def is_complete(self) -> bool:
        return True  # saved whole, never as a draft

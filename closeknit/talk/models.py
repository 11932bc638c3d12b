import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from closeknit.accounts.models import zone_named
from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk

KINDS = [
    ("values", "Personal values"),
    ("dreams", "Dreams and goals"),
    ("experiences", "Life experiences"),
    ("feelings", "Feelings and emotional experiences"),
    ("current_events", "Current events"),
    ("family", "Family and relationships"),
    ("love_maps", "Love maps"),
    ("fun", "Fun"),
    ("gratitude", "Gratitude"),
    ("intimacy_emotional", "Emotional intimacy"),
    ("intimacy_intellectual", "Intellectual intimacy"),
    ("intimacy_physical", "Physical affection"),
    ("intimacy_sexual", "Sexual intimacy"),
    ("intimacy_spiritual", "Shared meaning"),
    ("intimacy_recreational", "Playing together"),
    ("intimacy_social", "Our social world"),
]
# The six kinds of topic for weekly talk time.
TOPIC_KINDS = KINDS[:6]
DEPTHS = [("light", "Light"), ("medium", "Medium"), ("deep", "Deep")]
MAX_TEXT = 5000
PROMPT_MAX = 300  # a prompt, and a talk's own topic
TITLE_MAX = 200  # the name of a "both true" moment


class Prompt(models.Model):
    """A question: from the library (with a key) or written by a couple."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    key = models.SlugField(max_length=40, unique=True, null=True, blank=True)
    couple = models.ForeignKey(Couple, models.CASCADE, null=True, blank=True, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=KINDS)
    depth = models.CharField(max_length=8, choices=DEPTHS)
    text = models.CharField(max_length=PROMPT_MAX)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["depth", "kind"])]

    def __str__(self) -> str:
        return self.text


class TalkSettings(models.Model):
    couple = models.OneToOneField(Couple, models.CASCADE, primary_key=True, related_name="+")
    depth = models.CharField(
        "How deep should daily questions go?",
        max_length=8,
        choices=[*DEPTHS, ("mixed", "Growing with us: light at first, deeper as weeks go by")],
        default="mixed",
    )

    def __str__(self) -> str:
        return f"Talk settings of {self.couple_id}"


class DailyQuestion(models.Model):
    """The couple's prompt for one local day, or an extra one a partner asked that day."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    date = models.DateField()
    # RESTRICT, not PROTECT: a prompt stays while it was asked, yet a couple
    # (with its own prompts and its questions) can still be deleted at once.
    prompt = models.ForeignKey(Prompt, models.RESTRICT, related_name="+")
    # Love maps change: an old question asked again, shown then-and-now.
    revisit_of = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField("saved to talk about", null=True, blank=True)
    # Asked from the library on top of the day's own question (the day's had been started).
    extra = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "date"],
                condition=models.Q(extra=False),
                name="one_question_a_day",
            )
        ]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date}: {self.prompt_id}"


class Answer(models.Model):
    """One partner's answer to a daily question: sealed until the other answers."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    question = models.ForeignKey(DailyQuestion, models.CASCADE, related_name="answers")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    text = EncryptedTextField(blank=True)
    passed = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    # Revealed means settled (closeknit.couples.sealing.settle): an edit after
    # the reveal is marked and keeps the words as first shared.
    edited_after_reveal = models.BooleanField(default=False)
    first_shared = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return f"Answer by {self.author_id}"

    @property
    def is_complete(self) -> bool:
        """A pass is not an answer: it never unseals the partner's."""
        return not self.passed and bool(self.text)


REACTIONS = [("heart", "❤️"), ("hug", "🤗"), ("laugh", "😂"), ("thanks", "🙏"), ("wow", "😮")]


class Reply(models.Model):
    """A reply under revealed answers. Shared; `kept_feedback` is the writer's alone."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    question = models.ForeignKey(DailyQuestion, models.CASCADE, related_name="replies")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    text = EncryptedTextField()
    kept_feedback = EncryptedTextField(blank=True)
    created = models.DateTimeField(default=timezone.now)
    # Set by the partner who received the reply.
    reaction = models.CharField(max_length=8, choices=REACTIONS, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created"]

    def __str__(self) -> str:
        return f"Reply by {self.author_id}"

    @property
    def reaction_emoji(self) -> str:
        return dict(REACTIONS).get(self.reaction, "")


class BothTrue(models.Model):
    """One shared event, two experiences, shown side by side joined by "and"."""

    AUTHOR = "started_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    title = EncryptedTextField("What happened")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Both true {self.id}"


class BothTrueSide(models.Model):
    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)
    id = uuid_pk()
    both_true = models.ForeignKey(BothTrue, models.CASCADE, related_name="sides")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    text = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    # Revealed means settled (closeknit.couples.sealing.settle): an edit after
    # the reveal is marked and keeps the words as first shared.
    edited_after_reveal = models.BooleanField(default=False)
    first_shared = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["both_true", "author"], name="one_side_each")
        ]

    def __str__(self) -> str:
        return f"Side by {self.author_id}"

    @property
    def is_complete(self) -> bool:
        return bool(self.text)


class BothTrueQuestion(models.Model):
    """After the reveal, each may ask one open question about the other's side."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    both_true = models.ForeignKey(BothTrue, models.CASCADE, related_name="questions")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    text = EncryptedTextField()
    answer = EncryptedTextField(blank=True)
    created = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["both_true", "author"], name="one_question_each")
        ]

    def __str__(self) -> str:
        return f"Question by {self.author_id}"


WEEKDAYS = [
    (0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"),
    (4, "Friday"), (5, "Saturday"), (6, "Sunday"),
]  # fmt: skip


class TalkTime(models.Model):
    """The weekly talk-time appointment: proposed by one, accepted by the other.

    It repeats on its proposer's clock: "Tuesdays at 19:30" in Berlin stays
    19:30 there across daylight-saving changes, and its partner in New York
    sees 13:30 (14:30 in the weeks the two zones change on different dates).
    """

    AUTHOR = "proposed_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    time = models.TimeField("at")
    minutes = models.PositiveSmallIntegerField(
        "for (minutes)", default=30, validators=[MinValueValidator(10), MaxValueValidator(180)]
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    # Last: a field named `timezone` hides django.utils.timezone in the class body.
    timezone = models.CharField(
        "time zone", max_length=64, default="UTC", help_text="the clock it repeats on"
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.time}"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zone_named(self.timezone)

    def next_start(self, now: datetime | None = None) -> datetime:
        """The next time it starts, on its own clock."""
        local = (now or timezone.now()).astimezone(self.tz)
        days = (self.weekday - local.weekday()) % 7
        start = datetime.combine(local.date() + timedelta(days=days), self.time, tzinfo=self.tz)
        return start if start > local else start + timedelta(days=7)


SESSION_KINDS = [
    ("listening", "Listening, in turns"),
    ("stress", "Stress-reducing conversation"),
    ("escalating", "Escalating questions"),
]


class TalkSession(models.Model):
    """A guided talk on one device."""

    AUTHOR = "first_speaker"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=SESSION_KINDS, default="listening")
    topic_kind = models.CharField(max_length=24, choices=[*TOPIC_KINDS, ("own", "Our own")])
    topic = EncryptedTextField(blank=True)
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    listen_minutes = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    step = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Talk {self.started_at:%Y-%m-%d}"


class TalkNote(models.Model):
    """A note typed during a step (read by the coach first); shared by both."""

    id = uuid_pk()
    session = models.ForeignKey(TalkSession, models.CASCADE, related_name="notes")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField()
    text = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created"]

    def __str__(self) -> str:
        return f"Note at step {self.step}"


def rating_field(label: str) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )


class TalkRating(models.Model):
    """How each partner felt at the end: understood, validated, cared for (1-7)."""

    AUTHOR = "rater"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    session = models.ForeignKey(TalkSession, models.CASCADE, related_name="ratings")
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    understood = rating_field("I felt understood")
    validated = rating_field("I felt validated")
    cared = rating_field("I felt cared for")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "rater"], name="one_rating_each")
        ]

    def __str__(self) -> str:
        return f"Rating by {self.rater_id}"

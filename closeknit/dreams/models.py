from django.conf import settings
from django.db import models
from django.utils import timezone

from closeknit.couples.models import Couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.models import uuid_pk


class Dream(models.Model):
    """A partner's dream or own goal; private (author only) or shared with the partner.

    Read only through `selectors.visible_dreams()`, which holds the privacy rule.
    """

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    class Kind(models.TextChoices):
        DREAM = "dream", "A dream"
        GOAL = "goal", "An own goal"

    class Visibility(models.TextChoices):
        PRIVATE = "private", "Just for me"
        SHARED = "shared", "Shared with my partner"

    class Status(models.TextChoices):
        ACTIVE = "active", "Working on it"
        REACHED = "reached", "Reached"
        SET_ASIDE = "set_aside", "Set aside for now"

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="dreams")
    # No author: removed by its writer, kept for the partner's words on it.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DREAM)
    title = EncryptedTextField()
    details = EncryptedTextField(blank=True, default="")
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "author"])]

    def __str__(self) -> str:
        return f"Dream {self.id}"

    @property
    def is_removed(self) -> bool:
        """Its writer removed it; it stays only for the partner's words on it."""
        return self.author_id is None

    @property
    def is_shared(self) -> bool:
        return self.visibility == self.Visibility.SHARED


class Pledge(models.Model):
    """The partner's promise of support for a shared dream."""

    AUTHOR = "supporter"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    dream = models.ForeignKey(Dream, models.CASCADE, related_name="pledges")
    supporter = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    message = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dream", "supporter"], name="one_pledge_per_supporter")
        ]
        indexes = [models.Index(fields=["couple"])]

    def __str__(self) -> str:
        return f"Pledge {self.id}"


class Task(models.Model):
    """Something that takes the dreamer's time, which the partner can take on."""

    AUTHOR = "created_by"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    dream = models.ForeignKey(Dream, models.CASCADE, related_name="tasks")
    title = EncryptedTextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["couple"])]

    def __str__(self) -> str:
        return f"Task {self.id}"


class Milestone(models.Model):
    """A step towards a dream; reaching it opens a celebration on a shared dream."""

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    dream = models.ForeignKey(Dream, models.CASCADE, related_name="milestones")
    title = EncryptedTextField()
    target = models.DateField("hoped for by", null=True, blank=True)
    reached_at = models.DateTimeField(null=True, blank=True)
    # The dreamer's good news, told when marking the milestone reached.
    news = EncryptedTextField(blank=True, default="")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["couple"])]

    def __str__(self) -> str:
        return f"Milestone {self.id}"

    @property
    def is_removed(self) -> bool:
        """The dreamer removed it; it stays, emptied, only for the partner's celebration."""
        return not self.title


class Celebration(models.Model):
    """The partner's answer to a reached milestone (coached toward active-constructive)."""

    AUTHOR = "author"  # who wrote it: authorship decides deletion (lib/authorship.py)

    id = uuid_pk()
    couple = models.ForeignKey(Couple, models.CASCADE, related_name="+")
    milestone = models.OneToOneField(Milestone, models.CASCADE, related_name="celebration")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    message = EncryptedTextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple"])]

    def __str__(self) -> str:
        return f"Celebration {self.id}"

import uuid
import zoneinfo
from datetime import date, datetime
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone

from closeknit.accounts.usercache import forget_user


class UserManager(BaseUserManager["User"]):
    """Users sign in with their e-mail address; there are no usernames."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(
        self, email: str, password: str | None = None, **fields: object
    ) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """The zone of that name; UTC for a name this system does not know (an older tzdata)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def timezone_choices() -> list[tuple[str, str]]:
    """Canonical Region/City zones (and UTC), without the legacy aliases."""
    names = [n for n in zoneinfo.available_timezones() if n.split("/")[0] in REGIONS]
    return [("UTC", "UTC"), *((n, n.replace("_", " ")) for n in sorted(names))]


class User(AbstractUser):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(
        "name", max_length=60, help_text="What your partner sees, e.g. your first name."
    )
    timezone = models.CharField("time zone", max_length=64, default="UTC")

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    def __str__(self) -> str:
        return self.display_name or self.email

    # Each signed-in request reads this row from the cache (accounts/usercache.py):
    # every change through the model drops the kept copy.
    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        forget_user(self.pk)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        pk = self.pk
        deleted = super().delete(*args, **kwargs)
        forget_user(pk)
        return deleted

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zone_named(self.timezone)

    def now(self) -> datetime:
        return timezone.now().astimezone(self.tz)

    def today(self) -> date:
        """This person's calendar date: their day starts at their own midnight.

        Days are labels the couple shares (the question of 14 June, the check-in
        week of 9 June); which label is "today" is each partner's own.
        """
        return self.now().date()


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 digest is stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=60)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.name

"""Writes for dates and the calendar feed; one verb each. Refusals are `closeknit.lib.errors`."""

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.couples.sealing import is_revealed, settle
from closeknit.dates.models import (
    DURATION,
    MEMORY_MAX,
    NOTES_MAX,
    PLACE_MAX,
    TITLE_MAX,
    CalendarFeed,
    Category,
    DateIdea,
    DatePlan,
    DateRating,
    SavedIdea,
)
from closeknit.lib import rules
from closeknit.lib.authorship import forget
from closeknit.lib.errors import Conflict, Forbidden, Invalid
from closeknit.nudges.notify import notify

S = DatePlan.Status


def _ahead(starts_at: datetime) -> datetime:
    if starts_at <= timezone.now():
        raise Invalid("Choose a time that is still ahead.", field="starts_at")
    return starts_at


def _duration(minutes: int) -> int:
    low, high = DURATION
    message = "A date lasts from a quarter of an hour to a day."
    return rules.number(minutes, field="duration", low=low, high=high, message=message)


def _tell(recipient: User, kind: str, date_plan: DatePlan, key: str, partner: User) -> None:
    # Inside the service's transaction: the inbox item lands with the change or not at all.
    notify(recipient, kind, reverse("dates:detail", args=[date_plan.pk]), key=key, partner=partner)


@transaction.atomic
def propose_date(
    couple: Couple,
    user: User,
    partner: User,
    *,
    title: str,
    starts_at: datetime,
    place: str = "",
    notes: str = "",
    duration: int = 120,
    planner: User | None = None,
    idea: DateIdea | None = None,
) -> DatePlan:
    title = rules.text(
        title, field="title", max_length=TITLE_MAX, required="Say what the date is."
    )
    date_plan = DatePlan.objects.create(
        couple=couple,
        title=title,
        place=rules.text(place, field="place", max_length=PLACE_MAX),
        notes=rules.text(notes, field="notes", max_length=NOTES_MAX),
        starts_at=_ahead(starts_at),
        duration=_duration(duration),
        planner=planner,
        proposed_by=user,
        idea=idea,
    )
    _tell(partner, "date_proposed", date_plan, f"date_proposed:{date_plan.pk}", user)
    return date_plan


def _check_awaits(date_plan: DatePlan, user: User) -> None:
    if not date_plan.awaits(user.pk):
        raise Conflict("This date isn't waiting for your answer.")


@transaction.atomic
def accept_date(date_plan: DatePlan, user: User, partner: User) -> None:
    _check_awaits(date_plan, user)
    date_plan.status = S.ACCEPTED
    date_plan.updated = timezone.now()
    date_plan.save(update_fields=["status", "updated"])
    key = f"date_answered:{date_plan.pk}:accepted:{date_plan.starts_at.isoformat()}"
    _tell(partner, "date_answered", date_plan, key, user)


@transaction.atomic
def suggest_time(date_plan: DatePlan, user: User, partner: User, starts_at: datetime) -> None:
    """Answer with another time: the date now waits for the partner's answer."""
    _check_awaits(date_plan, user)
    date_plan.starts_at = _ahead(starts_at)
    date_plan.proposed_by = user
    date_plan.updated = timezone.now()
    date_plan.save(update_fields=["starts_at", "proposed_by", "updated"])
    key = f"date_answered:{date_plan.pk}:moved:{starts_at.isoformat()}"
    _tell(partner, "date_answered", date_plan, key, user)


def check_can_cancel(date_plan: DatePlan) -> None:
    """Refuse to call off a date already called off or gone by (the page asks only if not)."""
    if date_plan.status == S.CANCELLED or date_plan.is_past:
        raise Conflict("This date can't be called off any more.")


@transaction.atomic
def cancel_date(date_plan: DatePlan, user: User, partner: User) -> None:
    check_can_cancel(date_plan)
    date_plan.status = S.CANCELLED
    date_plan.updated = timezone.now()
    date_plan.save(update_fields=["status", "updated"])
    _tell(partner, "date_cancelled", date_plan, f"date_cancelled:{date_plan.pk}", user)


@transaction.atomic
def rate_date(date_plan: DatePlan, user: User, stars: int, memory: str = "") -> DateRating:
    """Rate a date that happened, or change one's rating; memory notes are encrypted.

    Once both have rated, the stars are settled and the memory may change,
    marked as edited (closeknit.couples.sealing.settle).
    """
    if not date_plan.happened:
        raise Conflict("You can rate a date once it has happened.")
    rules.number(stars, field="stars", low=1, high=5, message="Choose between one and five.")
    memory = rules.text(memory, field="memory", max_length=MEMORY_MAX)
    # Lock the date so a change and the partner's first rating are serialised.
    DatePlan.objects.select_for_update().filter(pk=date_plan.pk).first()
    ratings = list(DateRating.objects.filter(date=date_plan))
    rating = next((r for r in ratings if r.author_id == user.pk), None)
    if rating is None:
        return DateRating.objects.create(
            date=date_plan, couple_id=date_plan.couple_id, author=user, stars=stars, memory=memory
        )
    changed = settle(
        rating,
        revealed=is_revealed(ratings),
        words=("memory", memory),
        numbers={"stars": stars},
        settled_message=STARS_SETTLED,
    )
    rating.save(update_fields=changed)
    return rating


# The seal keeps either from anchoring the other's stars; changing them after
# seeing the partner's would be exactly that, so they are locked at the reveal.
STARS_SETTLED = (
    "You've both rated this date, so the hearts stay as they were. "
    "You can still add to your memory of it."
)


def _idea_fields(
    title: str, category: str, description: str, place: str, duration: int | None
) -> dict[str, object]:
    return {
        "title": rules.text(
            title, field="title", max_length=TITLE_MAX, required="Give the idea a name."
        ),
        "category": rules.choice(
            category, Category.values, field="category", message="Choose a kind of date."
        ),
        "description": rules.text(description, field="description", max_length=NOTES_MAX),
        "place": rules.text(place, field="place", max_length=PLACE_MAX),
        "duration": None if duration is None else _duration(duration),
    }


def add_idea(
    couple: Couple,
    author: User,
    *,
    title: str,
    category: str,
    description: str = "",
    place: str = "",
    duration: int | None = None,
) -> DateIdea:
    """An idea of the couple's own, in their bank for both of them."""
    fields = _idea_fields(title, category, description, place, duration)
    return DateIdea.objects.create(couple=couple, author=author, **fields)


def _own_idea(idea: DateIdea, user: User) -> None:
    if idea.couple_id is None:
        raise Forbidden("Ideas from the bank can't be changed, only your own.")
    if idea.author_id != user.pk:
        raise Forbidden(f"Only {idea.author} can change this idea.")


def edit_idea(
    idea: DateIdea,
    user: User,
    *,
    title: str,
    category: str,
    description: str = "",
    place: str = "",
    duration: int | None = None,
) -> DateIdea:
    """Its author rewrites an own idea; dates planned from it keep what they were given."""
    _own_idea(idea, user)
    fields = _idea_fields(title, category, description, place, duration)
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.save(update_fields=list(fields))
    return idea


def delete_idea(idea: DateIdea, user: User) -> None:
    """Its author removes an own idea; dates planned from it stay as they are."""
    _own_idea(idea, user)
    forget(idea, user)


def save_idea(couple: Couple, idea: DateIdea) -> None:
    """Keep an idea for the two of them; saving it again changes nothing."""
    SavedIdea.objects.get_or_create(couple=couple, idea=idea)


def unsave_idea(couple: Couple, idea: DateIdea) -> None:
    SavedIdea.objects.filter(couple=couple, idea=idea).delete()


def feed_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def regenerate_feed(couple: Couple, user: User) -> CalendarFeed:
    """A new secret address for the user's calendar feed; any old address stops working."""
    secret = secrets.token_urlsafe(32)
    feed, _ = CalendarFeed.objects.update_or_create(
        couple=couple,
        user=user,
        defaults={"digest": feed_digest(secret), "secret": secret, "created": timezone.now()},
    )
    return feed


def revoke_feed(couple: Couple, user: User) -> None:
    CalendarFeed.objects.filter(couple=couple, user=user).delete()

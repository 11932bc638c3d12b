"""Writes for dates, the calendar feed, rituals and fun; one verb each."""

import hashlib
import secrets
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates.models import (
    CalendarFeed,
    CoupleRitual,
    DateIdea,
    DatePlan,
    DateRating,
    InsideJoke,
    Ritual,
    RitualMark,
    Show,
)
from closeknit.nudges.notify import notify

S = DatePlan.Status
# Ritual days can be marked a little after the fact, never ahead of time.
MARK_DAYS_BACK = 14


class DateError(Exception):
    """Something a person can fix or understand; the message says what."""


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
    duration: int = 120,
    planner: User | None = None,
    idea: DateIdea | None = None,
) -> DatePlan:
    if starts_at <= timezone.now():
        raise DateError("Choose a time that is still ahead.")
    date_plan = DatePlan.objects.create(
        couple=couple,
        title=title,
        place=place,
        starts_at=starts_at,
        duration=duration,
        planner=planner,
        proposed_by=user,
        idea=idea,
    )
    _tell(partner, "date_proposed", date_plan, f"date_proposed:{date_plan.pk}", user)
    return date_plan


def _check_awaits(date_plan: DatePlan, user: User) -> None:
    if not date_plan.awaits(user.pk):
        raise DateError("This date isn't waiting for your answer.")


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
    if starts_at <= timezone.now():
        raise DateError("Choose a time that is still ahead.")
    date_plan.starts_at = starts_at
    date_plan.proposed_by = user
    date_plan.updated = timezone.now()
    date_plan.save(update_fields=["starts_at", "proposed_by", "updated"])
    key = f"date_answered:{date_plan.pk}:moved:{starts_at.isoformat()}"
    _tell(partner, "date_answered", date_plan, key, user)


@transaction.atomic
def cancel_date(date_plan: DatePlan, user: User, partner: User) -> None:
    if date_plan.status == S.CANCELLED or date_plan.is_past:
        raise DateError("This date can't be called off any more.")
    date_plan.status = S.CANCELLED
    date_plan.updated = timezone.now()
    date_plan.save(update_fields=["status", "updated"])
    _tell(partner, "date_cancelled", date_plan, f"date_cancelled:{date_plan.pk}", user)


@transaction.atomic
def rate_date(date_plan: DatePlan, user: User, stars: int, memory: str = "") -> DateRating:
    """Rate a date that happened, or change one's rating; memory notes are encrypted."""
    if not date_plan.happened:
        raise DateError("You can rate a date once it has happened.")
    if not 1 <= stars <= 5:
        raise DateError("Choose between one and five.")
    rating, _ = DateRating.objects.update_or_create(
        date=date_plan,
        author=user,
        defaults={"couple_id": date_plan.couple_id, "stars": stars, "memory": memory},
    )
    return rating


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


def choose_ritual(couple: Couple, user: User, ritual: Ritual) -> CoupleRitual:
    """Add a suggested ritual (its wording copied, so the couple can make it theirs)."""
    existing = CoupleRitual.objects.filter(couple=couple, source=ritual).first()
    if existing:
        return existing
    return CoupleRitual.objects.create(
        couple=couple,
        source=ritual,
        title=ritual.title,
        description=ritual.description,
        when=ritual.when,
        added_by=user,
    )


def add_own_ritual(
    couple: Couple, user: User, *, title: str, description: str = "", when: str = ""
) -> CoupleRitual:
    return CoupleRitual.objects.create(
        couple=couple, title=title, description=description, when=when, added_by=user
    )


def remove_ritual(ritual: CoupleRitual) -> None:
    ritual.delete()


def set_ritual_done(
    couple: Couple, ritual: CoupleRitual, user: User, day: date, done: bool
) -> None:
    """Mark (or unmark) a ritual as done on one of the couple's days."""
    today = couple.today()
    if not today - timedelta(days=MARK_DAYS_BACK) <= day <= today:
        raise DateError("Mark a day from the last two weeks, up to today.")
    if not done:
        RitualMark.objects.filter(ritual=ritual, day=day).delete()
        return
    try:
        with transaction.atomic():
            RitualMark.objects.create(couple=couple, ritual=ritual, day=day, marked_by=user)
    except IntegrityError:
        pass  # the partner marked it a moment ago: done is done


def add_show(couple: Couple, user: User, title: str, status: str = Show.Status.WANT) -> Show:
    return Show.objects.create(couple=couple, title=title, status=status, added_by=user)


def set_show_status(show: Show, status: str) -> None:
    if status not in Show.Status.values:
        raise DateError("Choose want to watch, watching or watched.")
    show.status = status
    show.updated = timezone.now()
    show.save(update_fields=["status", "updated"])


def remove_show(show: Show) -> None:
    show.delete()


def add_joke(couple: Couple, user: User, text: str) -> InsideJoke:
    return InsideJoke.objects.create(couple=couple, text=text, added_by=user)


def remove_joke(joke: InsideJoke) -> None:
    joke.delete()

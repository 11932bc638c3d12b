"""Writes for the check-in, the support signal and intentions."""

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.checkin.models import (
    MOODS,
    NEEDS,
    NOTE_MAX,
    SCALE,
    SUPPORT_KINDS,
    SUPPORT_OFFERS,
    Checkin,
    Intention,
    SupportSignal,
)
from closeknit.checkin.selectors import this_week
from closeknit.couples.models import Couple
from closeknit.nudges.notify import notify

INTENTION_MAX = 2000


class CheckinError(Exception):
    """A write that cannot happen, with a message for the person."""


def check_answers(
    item_keys: Iterable[str],
    *,
    closeness: int,
    scores: Mapping[str, int],
    mood: int,
    needs: Iterable[str],
    note: str = "",
) -> None:
    """The API's validation (the web form has its own fields): a clear message or nothing."""
    low, high = SCALE
    if not low <= closeness <= high:
        raise CheckinError(f"Closeness is a step from {low} to {high}.")
    keys = set(item_keys)
    if set(scores) != keys:
        raise CheckinError(f"Answer each question once: {', '.join(sorted(keys))}.")
    if any(not low <= v <= high for v in scores.values()):
        raise CheckinError(f"Each answer is a number from {low} to {high}.")
    if mood not in dict(MOODS):
        raise CheckinError(f"Mood is a number from 1 to {len(MOODS)}.")
    if not set(needs) <= set(dict(NEEDS)):
        raise CheckinError(f"Needs can be: {', '.join(dict(NEEDS))}.")
    if len(note) > NOTE_MAX:
        raise CheckinError(f"The note can be up to {NOTE_MAX} characters.")


@transaction.atomic
def save_checkin(
    couple: Couple,
    author: User,
    partner: User,
    *,
    closeness: int,
    scores: Mapping[str, int],
    mood: int,
    needs: Iterable[str],
    note: str = "",
) -> Checkin:
    """Save (or change) the author's check-in for this local week; tell the partner once."""
    now = timezone.now()
    answers = {
        "closeness": closeness,
        "scores": dict(scores),
        "mood": mood,
        "needs": list(needs),
        "note": note.strip(),
        "updated": now,
    }
    checkin, created = Checkin.objects.update_or_create(
        couple=couple,
        author=author,
        week=this_week(couple),
        defaults=answers,
        create_defaults={**answers, "created": now},
    )
    if created:
        url = reverse("checkin:index")
        notify(partner, "checkin_done", url, key=f"checkin_done:{checkin.id}", partner=author)
    return checkin


@transaction.atomic
def send_support(
    couple: Couple, author: User, partner: User, *, kind: str, note: str = ""
) -> SupportSignal:
    if kind not in dict(SUPPORT_KINDS):
        raise CheckinError("Choose the kind of support that would help.")
    if len(note) > NOTE_MAX:
        raise CheckinError(f"The note can be up to {NOTE_MAX} characters.")
    signal = SupportSignal.objects.create(
        couple=couple, author=author, kind=kind, note=note.strip()
    )
    url = reverse("checkin:support")
    notify(partner, "support", url, key=f"support:{signal.id}", partner=author)
    return signal


@transaction.atomic
def answer_support(signal: SupportSignal, responder: User, *, offer: str, note: str = "") -> None:
    """The partner's "I'm here", with what they will do."""
    if signal.author_id == responder.id:
        raise CheckinError("This is your own signal; your partner answers it.")
    if offer not in dict(SUPPORT_OFFERS):
        raise CheckinError("Choose what you will do.")
    if len(note) > NOTE_MAX:
        raise CheckinError(f"The note can be up to {NOTE_MAX} characters.")
    signal.offer, signal.answer_note, signal.answered_at = offer, note.strip(), timezone.now()
    signal.save(update_fields=["offer", "answer_note", "answered_at"])
    url = reverse("checkin:support")
    notify(
        signal.author,
        "support_answered",
        url,
        key=f"support_answered:{signal.id}:{signal.answered_at.isoformat()}",
        partner=responder,
    )


def close_support(signal: SupportSignal, user: User) -> None:
    """The author feels better (or no longer needs it)."""
    if signal.author_id != user.id:
        raise CheckinError("Only the person who asked can close this.")
    if signal.closed_at is None:
        signal.closed_at = timezone.now()
        signal.save(update_fields=["closed_at"])


def write_intention(couple: Couple, author: User, *, want: str, willing: str) -> Intention:
    """A new version of the author's intentions; earlier versions stay as history."""
    want, willing = want.strip(), willing.strip()
    if not want or not willing:
        raise CheckinError("Write both: what you want from this and what you're willing to do.")
    if max(len(want), len(willing)) > INTENTION_MAX:
        raise CheckinError(f"Each part can be up to {INTENTION_MAX} characters.")
    return Intention.objects.create(couple=couple, author=author, want=want, willing=willing)


def confirm_intention(couple: Couple, author: User) -> Intention:
    """ "These still hold": mark the current intentions as revisited without changing them."""
    current = Intention.objects.filter(couple=couple, author=author).order_by("-created").first()
    if current is None:
        raise CheckinError("Write your intentions first.")
    current.reviewed_at = timezone.now()
    current.save(update_fields=["reviewed_at"])
    return current


def due_intention_nudges(now: datetime | None = None) -> int:
    """Nudge everyone whose intentions were last visited a month or more ago; returns how many.

    The worker reaches the same reminders through reminders.due() at a
    morning hour in each couple's zone; this runs them all at once.
    """
    from closeknit.checkin.reminders import intention_reminders

    return sum(
        notify(r.recipient, r.kind, r.url, key=r.key, partner=r.partner)
        for r in intention_reminders(now or timezone.now())
    )

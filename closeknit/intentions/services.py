"""Writes for intentions; earlier versions stay as history."""

from datetime import datetime

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.intentions.models import INTENTION_MAX, Intention
from closeknit.nudges.notify import notify


class IntentionError(Exception):
    """A write that cannot happen, with a message for the person."""


def write_intention(couple: Couple, author: User, *, want: str, willing: str) -> Intention:
    """A new version of the author's intentions; earlier versions stay as history."""
    want, willing = want.strip(), willing.strip()
    if not want or not willing:
        raise IntentionError("Write both: what you want from this and what you're willing to do.")
    if max(len(want), len(willing)) > INTENTION_MAX:
        raise IntentionError(f"Each part can be up to {INTENTION_MAX} characters.")
    return Intention.objects.create(couple=couple, author=author, want=want, willing=willing)


def confirm_intention(couple: Couple, author: User) -> Intention:
    """ "These still hold": mark the current intentions as revisited without changing them."""
    current = Intention.objects.filter(couple=couple, author=author).order_by("-created").first()
    if current is None:
        raise IntentionError("Write your intentions first.")
    current.reviewed_at = timezone.now()
    current.save(update_fields=["reviewed_at"])
    return current


def due_intention_nudges(now: datetime | None = None) -> int:
    """Nudge everyone whose intentions were last visited a month or more ago; returns how many.

    The worker reaches the same reminders through reminders.due() at a
    morning hour in each couple's zone; this runs them all at once.
    """
    from closeknit.intentions.reminders import intention_reminders

    return sum(
        notify(r.recipient, r.kind, r.url, key=r.key, partner=r.partner)
        for r in intention_reminders(now or timezone.now())
    )

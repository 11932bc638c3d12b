"""Writes for intentions; earlier versions stay as history."""

from datetime import datetime

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.intentions.models import INTENTION_MAX, Intention
from closeknit.lib import rules
from closeknit.lib.errors import Conflict
from closeknit.nudges.notify import notify


def write_intention(couple: Couple, author: User, *, want: str, willing: str) -> Intention:
    """A new version of the author's intentions; earlier versions stay as history."""
    want = rules.text(
        want,
        field="want",
        max_length=INTENTION_MAX,
        required="Write what you want from this, even in a few words.",
    )
    willing = rules.text(
        willing,
        field="willing",
        max_length=INTENTION_MAX,
        required="Write what you're willing to do, even in a few words.",
    )
    return Intention.objects.create(couple=couple, author=author, want=want, willing=willing)


def confirm_intention(couple: Couple, author: User) -> Intention:
    """ "These still hold": mark the current intentions as revisited without changing them."""
    current = Intention.objects.filter(couple=couple, author=author).order_by("-created").first()
    if current is None:
        raise Conflict("Write your intentions first.")
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

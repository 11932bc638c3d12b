"""Writes for the check-in."""

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.checkin.models import MOODS, NEEDS, NOTE_MAX, SCALE, Checkin
from closeknit.checkin.selectors import this_week
from closeknit.couples.models import Couple
from closeknit.nudges.notify import notify


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
        week=this_week(author),
        defaults=answers,
        create_defaults={**answers, "created": now},
    )
    if created:
        url = reverse("checkin:index")
        notify(partner, "checkin_done", url, key=f"checkin_done:{checkin.id}", partner=author)
    return checkin

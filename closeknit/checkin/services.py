"""Writes for the check-in; its rules here, for the page and the API alike."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.checkin.models import MOODS, NEEDS, NOTE_MAX, SCALE, Checkin
from closeknit.checkin.selectors import items, this_week
from closeknit.couples.models import Couple
from closeknit.lib import ratelimit, rules
from closeknit.lib.errors import Invalid
from closeknit.nudges.notify import notify


def _checked(
    *,
    closeness: int,
    scores: Mapping[str, int],
    mood: int,
    needs: Iterable[str],
    note: str,
) -> dict[str, Any]:
    """The answers as stored, or the first rule they break."""
    low, high = SCALE
    step = f"a step from {low} to {high}"
    rules.number(closeness, field="closeness", low=low, high=high, message=f"Closeness is {step}.")
    keys = {item.key for item in items()}
    if set(scores) != keys:
        message = f"Answer each question once: {', '.join(sorted(keys))}."
        raise Invalid(message, field="scores")
    for key, value in scores.items():
        rules.number(value, field=f"item_{key}", low=low, high=high)
    rules.choice(
        mood, dict(MOODS), field="mood", message=f"Mood is a number from 1 to {len(MOODS)}."
    )
    needs = list(needs)
    if not set(needs) <= set(dict(NEEDS)):
        raise Invalid(f"Needs can be: {', '.join(dict(NEEDS))}.", field="needs")
    too_long = f"The note can be up to {NOTE_MAX:,} characters."
    note = rules.text(note, field="note", max_length=NOTE_MAX, too_long=too_long)
    return {
        "closeness": closeness,
        "scores": dict(scores),
        "mood": mood,
        "needs": needs,
        "note": note,
    }


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
    ratelimit.check(author, "checkin")
    now = timezone.now()
    checked = _checked(closeness=closeness, scores=scores, mood=mood, needs=needs, note=note)
    answers = {**checked, "updated": now}
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

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
from closeknit.couples.sealing import is_revealed, settle
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
    # In the list's own order, once each: the same needs sent again are no change.
    needs = [need for need in dict(NEEDS) if need in needs]
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
    """Save (or change) the author's check-in for this local week; tell the partner once.

    Once both are in, the numbers are settled and only the note may change,
    marked as edited (closeknit.couples.sealing.settle).
    """
    ratelimit.check(author, "checkin")
    now = timezone.now()
    checked = _checked(closeness=closeness, scores=scores, mood=mood, needs=needs, note=note)
    week = this_week(author)
    # Lock the couple so a change and the partner's first check-in are serialised:
    # whether the week is revealed decides how the change is kept.
    Couple.objects.select_for_update().filter(pk=couple.pk).first()
    entries = list(Checkin.objects.filter(couple=couple, week=week))
    checkin = next((c for c in entries if c.author_id == author.pk), None)
    if checkin is None:
        checkin = Checkin.objects.create(
            couple=couple, author=author, week=week, created=now, updated=now, **checked
        )
        url = reverse("checkin:index")
        notify(partner, "checkin_done", url, key=f"checkin_done:{checkin.id}", partner=author)
        return checkin
    note = checked.pop("note")
    changed = settle(
        checkin,
        revealed=is_revealed(entries),
        words=("note", note),
        numbers=checked,
        settled_message=SETTLED,
    )
    checkin.updated = now
    checkin.save(update_fields=[*changed, "updated"])
    return checkin


# Scores are locked once both have read them: the week's picture (and the trend
# drawn from it) is what the two of you saw; next week's check-in is the place
# for a change. Words are different: a note may be added to, marked as edited.
SETTLED = (
    "You've both seen this week's check-ins, so your answers stay as they were. "
    "You can still change your note, and next week is a fresh start."
)

"""The rituals section of a person's export, read through the same selectors as the pages."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.rituals import selectors
from closeknit.rituals.models import RitualMark


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {"rituals": _rituals(couple)}


def _rituals(couple: Couple) -> list[dict[str, Any]]:
    marks = RitualMark.objects.filter(couple=couple).order_by("day")
    days: dict[Any, list[str]] = {}
    for mark in marks:
        days.setdefault(mark.ritual_id, []).append(mark.day.isoformat())
    return [
        {
            "title": r.title,
            "when": r.when,
            "description": r.description,
            "done_on": days.get(r.pk, []),
        }
        for r in selectors.rituals(couple)
    ]

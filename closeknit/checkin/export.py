"""The check-in in a person's data export, through the same selectors (sealed rule kept)."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.checkin import scoring, selectors
from closeknit.checkin.models import Checkin
from closeknit.couples.models import Couple


def _checkin(entry: Checkin) -> dict[str, Any]:
    return {
        "week": entry.week.isoformat(),
        "closeness": entry.closeness,
        "scores": entry.scores,
        "satisfaction": scoring.satisfaction(entry.scores),
        "mood": entry.get_mood_display(),
        "needs": entry.needs,
        "note": entry.note,
        "note_edited": entry.edited_after_reveal,
        "first_note": entry.first_shared if entry.edited_after_reveal else None,
    }


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
        "checkins": [
            {
                "week": w.week.isoformat(),
                "mine": _checkin(w.mine) if w.mine else None,
                "partner": _checkin(w.theirs) if w.theirs else None,
            }
            for w in selectors.history(couple, user)
        ],
    }

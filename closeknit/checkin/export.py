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
        "support_signals": [
            {
                "mine": s.author_id == user.id,
                "created": s.created.isoformat(),
                "kind": s.get_kind_display(),
                "note": s.note,
                "answer": s.get_offer_display() if s.offer else None,
                "answer_note": s.answer_note,
                "closed_at": s.closed_at.isoformat() if s.closed_at else None,
            }
            for s in reversed(selectors.support_signals(couple, limit=None))
        ],
        "intentions": [
            {
                "mine": i.author_id == user.id,
                "created": i.created.isoformat(),
                "want": i.want,
                "willing": i.willing,
                "reviewed_at": i.reviewed_at.isoformat() if i.reviewed_at else None,
            }
            for i in reversed(selectors.intentions(couple, user, limit=None).history)
        ],
    }

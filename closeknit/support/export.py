"""The support signals in a person's data export (both partners': they were shared)."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.support import selectors


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
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
    }

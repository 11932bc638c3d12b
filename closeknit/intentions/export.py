"""Intentions in a person's data export: both partners' (they are shared), oldest first."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.intentions import selectors


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
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

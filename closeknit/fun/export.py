"""Shows and the jokes jar in a person's export, read through the same selectors as the pages."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.fun import selectors


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
        "shows": [
            {"title": s.title, "status": s.status, "updated": s.updated.isoformat()}
            for s in selectors.shows(couple)
        ],
        "inside_jokes": [
            {"text": j.text, "added_by": str(j.added_by or ""), "created": j.created.isoformat()}
            for j in selectors.jokes(couple)
        ],
    }

"""Appreciations in the export: the wall (shared), and the journal and tally of the user only."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.appreciate import selectors
from closeknit.couples.models import Couple


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
        "appreciations": [
            {
                "from_me": a.author_id == user.id,
                "created": a.created.isoformat(),
                "what_you_did": a.did,
                "how_it_affected_me": a.felt,
                "what_it_shows_about_you": a.shows,
                "reaction": a.get_reaction_display() if a.reaction else None,
            }
            for a in selectors.wall(couple).order_by("created")
        ],
        "gratitude_journal": [
            {"created": e.created.isoformat(), "text": e.text}
            for e in selectors.journal(couple, user).order_by("created")
        ],
        "tally": [
            {"day": m.day.isoformat(), "kind": m.kind}
            for m in selectors.tally_marks(couple, user).order_by("day", "created")
        ],
    }

"""The dreams section of a person's export: only what the privacy rule lets them see."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dreams import selectors
from closeknit.dreams.models import Dream, Milestone


def section(user: User, couple: Couple) -> list[dict[str, Any]]:
    return [_dream(d) for d in selectors.dreams_with_everything(couple, user).order_by("created")]


def _dream(dream: Dream) -> dict[str, Any]:
    return {
        "author": str(dream.author) if dream.author else None,  # None: removed by its writer
        "kind": dream.kind,
        "visibility": dream.visibility,
        "status": dream.status,
        "title": dream.title,
        "details": dream.details,
        "created": dream.created.isoformat(),
        "pledges": [{"by": str(p.supporter), "message": p.message} for p in dream.pledges.all()],
        "tasks": [
            {"title": t.title, "taken_on_by": str(t.taken_by or ""), "done": t.done_at is not None}
            for t in dream.tasks.all()
        ],
        "milestones": [_milestone(m) for m in dream.milestones.all()],
    }


def _milestone(m: Milestone) -> dict[str, Any]:
    celebration = getattr(m, "celebration", None)
    return {
        "title": m.title,
        "target": m.target.isoformat() if m.target else None,
        "reached_at": m.reached_at.isoformat() if m.reached_at else None,
        "news": m.news,
        "removed": m.is_removed,  # by the dreamer; kept for the partner's celebration
        "celebration": {"by": str(celebration.author), "message": celebration.message}
        if celebration
        else None,
    }

"""The dates section of a person's export, read through the same selectors as the pages."""

from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates import selectors
from closeknit.dates.models import DateIdea, DateRating


def section(user: User, couple: Couple) -> dict[str, Any]:
    return {
        "dates": [
            _date(d, user)
            for d in selectors.dates(couple).prefetch_related("ratings").order_by("starts_at")
        ],
        "own_ideas": [
            _idea(idea) for idea in selectors.ideas(couple, show="ours").order_by("created")
        ],
        "saved_ideas": [idea.title for idea in selectors.ideas(couple, show="saved")],
    }


def _idea(idea: DateIdea) -> dict[str, Any]:
    return {
        "title": idea.title,
        "kind": idea.category,
        "description": idea.description,
        "place": idea.place,
        "minutes": idea.duration,
        "written_by": str(idea.author or ""),
    }


def _date(date_plan: Any, user: User) -> dict[str, Any]:
    ratings = selectors.visible_ratings(date_plan, user)
    return {
        "title": date_plan.title,
        "place": date_plan.place,
        "notes": date_plan.notes,
        "starts_at": date_plan.starts_at.isoformat(),
        "minutes": date_plan.duration,
        "status": date_plan.status,
        "proposed_by": str(date_plan.proposed_by or ""),
        "planner": str(date_plan.planner or "both"),
        "my_rating": _rating(ratings["mine"]),
        "partner_rating": _rating(ratings["theirs"]),
    }


def _rating(rating: DateRating | None) -> dict[str, Any] | None:
    if rating is None:
        return None
    return {
        "stars": rating.stars,
        "memory": rating.memory,
        "memory_edited": rating.edited_after_reveal,
        "first_memory": rating.first_shared if rating.edited_after_reveal else None,
    }

"""What the dates API reads and returns: its request and response schemas."""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from closeknit.api.auth import api_user, viewer
from closeknit.api.times import AwareDateTime
from closeknit.dates import selectors
from closeknit.dates.models import (
    MEMORY_MAX,
    NOTES_MAX,
    PLACE_MAX,
    TITLE_MAX,
    DateIdea,
    DatePlan,
    DateRating,
)

# The same values as models.Category (a test keeps them in step).
CategoryIn = Literal[
    "at_home", "out", "outdoors", "low_cost", "new_to_both", "talk_centred", "playful"
]
Planner = Literal["me", "partner", "both"]
Show = Literal["ours", "saved"]


class IdeaOut(Schema):
    id: UUID
    key: str | None = Field(description="the library's name for it; null for your own ideas")
    category: str
    title: str
    description: str
    place: str
    duration: int | None = Field(description="minutes, when the idea says")
    own: bool = Field(description="one of the two of you wrote it (not from the library)")
    mine: bool = Field(description="you wrote it: only you can change or delete it")
    done: bool = Field(description="the two of you have had this date already")
    saved: bool = Field(description="saved for the two of you")

    @staticmethod
    def resolve_mine(idea: DateIdea, context: dict[str, Any]) -> bool:
        return idea.author_id is not None and idea.author_id == viewer(context)


class IdeaIn(Schema):
    title: str = Field(..., description=f"Up to {TITLE_MAX} characters.")
    category: CategoryIn
    description: str = Field("", description=f"Up to {NOTES_MAX:,} characters.")
    place: str = Field("", description=f"Up to {PLACE_MAX} characters.")
    duration: int | None = Field(None, description="minutes, from 15 to 1440")


class RatingOut(Schema):
    stars: int
    memory: str
    edited: bool = Field(
        alias="edited_after_reveal", description="the memory changed after you had both rated"
    )
    first_memory: str | None = Field(
        description="the memory as first shared, kept when edited after the reveal; else null"
    )

    @staticmethod
    def resolve_first_memory(rating: DateRating) -> str | None:
        return rating.first_shared if rating.edited_after_reveal else None


def _ratings(date_plan: DatePlan, context: dict[str, Any]) -> dict[str, DateRating | None]:
    return selectors.visible_ratings(date_plan, api_user(context["request"]))


class DateOut(Schema):
    id: UUID
    title: str
    place: str
    notes: str
    starts_at: datetime
    duration: int = Field(description="minutes")
    status: Literal["proposed", "accepted", "cancelled"]
    planner: Planner
    proposed_by_me: bool = Field(description="who made the current proposal (or time)")
    awaits_me: bool = Field(description="true when you are the one to accept or move it")
    happened: bool
    idea: UUID | None = Field(alias="idea_id", description="the idea it was planned from")
    mine: RatingOut | None
    partner: RatingOut | None = Field(description="null until you have rated it too")

    @staticmethod
    def resolve_planner(date_plan: DatePlan, context: dict[str, Any]) -> str:
        if date_plan.planner_id is None:
            return "both"
        return "me" if date_plan.planner_id == viewer(context) else "partner"

    @staticmethod
    def resolve_proposed_by_me(date_plan: DatePlan, context: dict[str, Any]) -> bool:
        return date_plan.proposed_by_id == viewer(context)

    @staticmethod
    def resolve_awaits_me(date_plan: DatePlan, context: dict[str, Any]) -> bool:
        return date_plan.awaits(viewer(context))

    @staticmethod
    def resolve_mine(date_plan: DatePlan, context: dict[str, Any]) -> DateRating | None:
        return _ratings(date_plan, context)["mine"]

    @staticmethod
    def resolve_partner(date_plan: DatePlan, context: dict[str, Any]) -> DateRating | None:
        return _ratings(date_plan, context)["theirs"]


class DateIn(Schema):
    title: str = Field(..., description=f"Up to {TITLE_MAX} characters.")
    place: str = Field("", description=f"Up to {PLACE_MAX} characters.")
    notes: str = Field("", description=f"Up to {NOTES_MAX:,} characters.")
    starts_at: AwareDateTime
    duration: int = Field(120, description="minutes, from 15 to 1440")
    planner: Planner = "both"
    idea: UUID | None = Field(None, description="the idea it comes from, for the record")


class TimeIn(Schema):
    starts_at: AwareDateTime


class RatingIn(Schema):
    stars: int = Field(..., description="1 to 5")
    memory: str = Field("", description=f"Up to {MEMORY_MAX:,} characters.")


class MonthOut(Schema):
    month: date = Field(alias="start")
    dates: int = Field(alias="count")


class FeedOut(Schema):
    url: str | None = Field(description="your private .ics address; null when turned off")

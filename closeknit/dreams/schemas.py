"""What the dreams API reads and returns: its request and response schemas."""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from closeknit.api.auth import viewer
from closeknit.dreams.models import Celebration, Dream, Milestone, Pledge, Task
from closeknit.dreams.services import TEXT_MAX, TITLE_MAX

Kind = Literal["dream", "goal"]
Visibility = Literal["private", "shared"]
DreamStatus = Literal["active", "reached", "set_aside"]
Text = Field(..., description=f"Up to {TEXT_MAX:,} characters.")
Title = Field(..., description=f"Up to {TITLE_MAX} characters.")


class PledgeOut(Schema):
    supporter: str
    mine: bool
    message: str
    updated: datetime

    @staticmethod
    def resolve_supporter(pledge: Pledge) -> str:
        return str(pledge.supporter)

    @staticmethod
    def resolve_mine(pledge: Pledge, context: dict[str, Any]) -> bool:
        return pledge.supporter_id == viewer(context)


class TaskOut(Schema):
    id: UUID
    title: str
    taken_by: Literal["me", "partner"] | None
    done: bool

    @staticmethod
    def resolve_taken_by(task: Task, context: dict[str, Any]) -> str | None:
        if task.taken_by_id is None:
            return None
        return "me" if task.taken_by_id == viewer(context) else "partner"

    @staticmethod
    def resolve_done(task: Task) -> bool:
        return task.done_at is not None


class CelebrationOut(Schema):
    mine: bool
    message: str
    created: datetime

    @staticmethod
    def resolve_mine(celebration: Celebration, context: dict[str, Any]) -> bool:
        return celebration.author_id == viewer(context)


class MilestoneOut(Schema):
    id: UUID
    dream: UUID = Field(alias="dream_id")
    title: str
    target: date | None
    reached_at: datetime | None
    news: str
    removed: bool = Field(
        alias="is_removed",
        description="its dreamer removed it; it stays, without their words, for the celebration",
    )
    celebration: CelebrationOut | None

    @staticmethod
    def resolve_celebration(milestone: Milestone) -> Celebration | None:
        return getattr(milestone, "celebration", None)


class DreamOut(Schema):
    id: UUID
    mine: bool
    author: str
    kind: Kind
    visibility: Visibility
    status: DreamStatus
    title: str
    details: str
    created: datetime

    @staticmethod
    def resolve_mine(dream: Dream, context: dict[str, Any]) -> bool:
        return dream.author_id == viewer(context)

    @staticmethod
    def resolve_author(dream: Dream) -> str:
        return str(dream.author)


class DreamDetailOut(DreamOut):
    pledges: list[PledgeOut]
    tasks: list[TaskOut]
    milestones: list[MilestoneOut]


class DreamIn(Schema):
    title: str = Title
    details: str = Field("", description=f"Up to {TEXT_MAX:,} characters.")
    kind: Kind = "dream"
    visibility: Visibility = "private"


class DreamPatch(Schema):
    title: str | None = Field(None, description=f"Up to {TITLE_MAX} characters.")
    details: str | None = Field(None, description=f"Up to {TEXT_MAX:,} characters.")
    kind: Kind | None = None
    visibility: Visibility | None = None
    status: DreamStatus | None = None


class MessageIn(Schema):
    message: str = Text


class TitleIn(Schema):
    title: str = Title


class MilestoneIn(TitleIn):
    target: date | None = None


class NewsIn(Schema):
    news: str = Field("", description=f"Up to {TEXT_MAX:,} characters.")


class DoneIn(Schema):
    done: bool

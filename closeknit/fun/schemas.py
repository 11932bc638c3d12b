"""What the fun API reads and returns: its request and response schemas."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from closeknit.api.auth import viewer
from closeknit.fun.models import JOKE_MAX, TITLE_MAX, InsideJoke

# The same values as Show.Status (a test keeps them in step).
ShowStatus = Literal["want", "watching", "done"]


class ShowIn(Schema):
    title: str = Field(..., description=f"Up to {TITLE_MAX} characters.")
    status: ShowStatus = "want"


class ShowStatusIn(Schema):
    status: ShowStatus


class ShowOut(Schema):
    id: UUID
    title: str
    status: str
    updated: datetime


class JokeIn(Schema):
    text: str = Field(..., description=f"Up to {JOKE_MAX:,} characters.")


class JokeOut(Schema):
    id: UUID
    text: str
    mine: bool
    created: datetime

    @staticmethod
    def resolve_mine(joke: InsideJoke, context: dict[str, Any]) -> bool:
        return joke.added_by_id == viewer(context)

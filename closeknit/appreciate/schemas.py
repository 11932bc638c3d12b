"""What the appreciate API reads and returns: its request and response schemas."""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from closeknit.api.auth import viewer
from closeknit.appreciate.models import (
    REACTIONS,
    Appreciation,
)


class AppreciationIn(Schema):
    did: str = Field(description="What you did (one specific moment).")
    felt: str = Field(description="How it affected me.")
    shows: str = Field(description="What it shows about you (praise the person).")


class AppreciationOut(Schema):
    id: UUID
    from_me: bool
    author: str
    did: str
    felt: str
    shows: str
    created: datetime
    reaction: str
    reaction_label: str

    @staticmethod
    def resolve_from_me(appreciation: Appreciation, context: dict[str, Any]) -> bool:
        return appreciation.author_id == viewer(context)

    @staticmethod
    def resolve_author(appreciation: Appreciation) -> str:
        return str(appreciation.author)

    @staticmethod
    def resolve_reaction_label(appreciation: Appreciation) -> str:
        return appreciation.get_reaction_display() if appreciation.reaction else ""


class AppreciationReactionIn(Schema):
    reaction: str = Field(
        description=f"One of {', '.join(dict(REACTIONS))}, or '' to take it back."
    )


class HintOut(Schema):
    part: str
    good: bool
    message: str
    example: str


class JournalIn(Schema):
    text: str


class JournalOut(Schema):
    id: UUID
    text: str
    created: datetime


class TallyIn(Schema):
    kind: str = Field(description="appreciation or complaint")


class TallyMarkOut(Schema):
    id: UUID
    kind: str
    day: date


class TallyWeekOut(Schema):
    week: date
    appreciations: int
    complaints: int


class TallyOut(Schema):
    note: str = "A tally of what you logged; not a measure of your relationship."
    weeks: list[TallyWeekOut]

"""What the checkin API reads and returns: its request and response schemas."""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from closeknit.api.auth import viewer
from closeknit.checkin import scoring
from closeknit.checkin.models import NEEDS, NOTE_MAX, Checkin


class CheckinItemOut(Schema):
    key: str
    text: str
    low: str
    high: str


class CheckinOut(Schema):
    id: UUID
    author: str
    mine: bool
    week: date
    closeness: int
    scores: dict[str, int]
    satisfaction: float | None
    mood: int
    mood_label: str
    needs: list[str]
    note: str
    edited: bool = Field(
        alias="edited_after_reveal", description="the note changed after you had both read it"
    )
    first_note: str | None = Field(
        description="the note as first shared, kept when edited after the reveal; else null"
    )
    created: datetime
    updated: datetime

    @staticmethod
    def resolve_first_note(entry: Checkin) -> str | None:
        return entry.first_shared if entry.edited_after_reveal else None

    @staticmethod
    def resolve_author(entry: Checkin) -> str:
        return str(entry.author)

    @staticmethod
    def resolve_mine(entry: Checkin, context: dict[str, Any]) -> bool:
        return entry.author_id == viewer(context)

    @staticmethod
    def resolve_satisfaction(entry: Checkin) -> float | None:
        return scoring.satisfaction(entry.scores)

    @staticmethod
    def resolve_mood_label(entry: Checkin) -> str:
        return entry.get_mood_display()


class WeekOut(Schema):
    week: date
    mine: CheckinOut | None
    theirs: CheckinOut | None = Field(description="Null while sealed (until you check in).")
    partner_done: bool
    revealed: bool


class CheckinIn(Schema):
    closeness: int = Field(description="1 (apart) to 7 (almost one circle).")
    scores: dict[str, int] = Field(description="Every item's key (GET /checkin/items) -> 1-7.")
    mood: int = Field(description="1 heavy, 2 low, 3 steady, 4 good, 5 bright.")
    needs: list[str] = Field(default=[], description=f"Any of: {', '.join(dict(NEEDS))}.")
    note: str = Field("", description=f"Up to {NOTE_MAX:,} characters.")


class TrendRowOut(Schema):
    week: date
    my_closeness: int | None
    their_closeness: int | None
    closeness_gap: float | None
    my_satisfaction: float | None
    their_satisfaction: float | None
    satisfaction_gap: float | None
    partner_sealed: bool


class TrendOut(Schema):
    rows: list[TrendRowOut]
    sustained_dip_me: bool = Field(alias="dip_me")
    sustained_dip_partner: bool = Field(alias="dip_partner")
    low_this_week: bool
    resources_url: str = "/check-in/resources/"


class ResourcesOut(Schema):
    markdown: str

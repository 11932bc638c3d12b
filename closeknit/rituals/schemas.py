"""What the rituals API reads and returns: its request and response schemas."""

from datetime import date
from uuid import UUID

from ninja import Field, Schema

from closeknit.rituals.models import DESCRIPTION_MAX, TITLE_MAX


class RitualOut(Schema):
    id: UUID
    title: str
    description: str
    when: str
    suggestion: UUID | None
    days_done: list[date] = Field(description="days of the requested week it was done")


class SuggestionOut(Schema):
    id: UUID
    key: str
    title: str
    description: str
    when: str
    chosen: bool


class RitualIn(Schema):
    suggestion: UUID | None = Field(None, description="a suggestion's id; or give a title")
    title: str = Field("", description=f"Up to {TITLE_MAX} characters.")
    when: str = Field("", description=f"Up to {TITLE_MAX} characters.")
    description: str = Field("", description=f"Up to {DESCRIPTION_MAX:,} characters.")


class RitualWeekOut(Schema):
    days: list[date]
    rituals: list[RitualOut]

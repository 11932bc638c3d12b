"""What the paths API reads and returns: its request and response schemas."""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from closeknit.paths.models import NOTE_MAX


class PathOut(Schema):
    key: str
    title: str
    subtitle: str
    summary: str
    weeks: int
    private: bool = Field(description="shown only while both have turned on “Just us”")
    reconnect: bool


class PathWeekOutlineOut(Schema):
    number: int
    title: str
    source: str


class PathDetailOut(Schema):
    path: PathOut
    weeks: list[PathWeekOutlineOut]


class PathPracticeOut(Schema):
    key: str
    label: str
    url: str
    text: str


class PathPromptOut(Schema):
    text: str
    kind: str
    kind_label: str
    url: str


class PathIdeaOut(Schema):
    kind: str = Field(description="“ritual” or “date”")
    id: UUID
    title: str
    description: str
    when: str
    url: str
    add_url: str


class PathContentOut(Schema):
    number: int
    title: str
    reading: str
    source: str
    practice: PathPracticeOut
    prompt: PathPromptOut | None
    idea: PathIdeaOut | None


class PathReflectionOut(Schema):
    understood: int
    validated: int
    cared: int
    note: str
    created: datetime


class PathWeekOut(Schema):
    id: UUID
    run_id: UUID
    number: int
    total: int
    content: PathContentOut | None
    status: str
    status_label: str
    again: bool
    current: bool
    started_on: date
    last_day: date = Field(description="the week's seventh day: its reflection opens then")
    ended_on: date | None
    day: int | None = Field(description="1 to 7 (and on) while it is the current week")
    reflection_open: bool
    mine: PathReflectionOut | None
    theirs: PathReflectionOut | None = Field(description="null while sealed (until you reflect)")
    partner_reflected: bool
    revealed: bool
    can_go_on: bool


class PathRunOut(Schema):
    id: UUID
    status: str
    status_label: str
    hidden: bool = Field(description="a private path while “Just us” is off: nothing shown")
    path: PathOut | None
    proposed_by_me: bool
    proposer: str
    can_accept: bool
    created: datetime
    accepted_at: datetime | None
    paused_on: date | None
    ended_at: datetime | None
    current: PathWeekOut | None
    weeks: list[PathWeekOut]


class PathCurrentOut(Schema):
    run: PathRunOut | None = Field(description="the path you're on or have been offered, if any")
    offer: PathOut | None = Field(description="a reconnecting path, after a check-in dip")


class PathRunSummaryOut(Schema):
    id: UUID
    title: str
    hidden: bool
    status: str
    status_label: str
    created: datetime
    ended_at: datetime | None


class PathReflectionIn(Schema):
    understood: int = Field(ge=1, le=7, description="I felt understood, 1 to 7")
    validated: int = Field(ge=1, le=7, description="I felt validated, 1 to 7")
    cared: int = Field(ge=1, le=7, description="I felt cared for, 1 to 7")
    note: str = Field("", max_length=NOTE_MAX, description="optional, sealed too")

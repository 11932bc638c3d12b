"""What the talk API reads and returns: its request and response schemas."""

import datetime as dt
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.utils import timezone
from ninja import Field, Schema
from pydantic import field_validator

from closeknit.api.auth import viewer
from closeknit.api.times import AwareTime, time_of
from closeknit.talk import selectors
from closeknit.talk.models import (
    KINDS,
    MAX_TEXT,
    Answer,
    BothTrueSide,
    Prompt,
    Reply,
    TalkSession,
    TalkTime,
)
from closeknit.talk.selectors import QuestionView, RatingView

Text = Field(..., description=f"Up to {MAX_TEXT:,} characters.")
Depth = Literal["light", "medium", "deep"]
Reaction = Literal["heart", "hug", "laugh", "thanks", "wow"]
KIND_NAMES = [k for k, _ in KINDS]


class PromptOut(Schema):
    id: UUID
    text: str
    kind: str
    depth: str
    own: bool = Field(description="one of the two of you wrote it")
    mine: bool = Field(description="you wrote it: you may change or delete it until it's asked")

    @staticmethod
    def resolve_own(prompt: Prompt) -> bool:
        return prompt.couple_id is not None

    @staticmethod
    def resolve_mine(prompt: Prompt, context: dict[str, Any]) -> bool:
        return prompt.author_id is not None and prompt.author_id == viewer(context)


EDITED = "changed after you had both read it"
FIRST_SHARED = "the text as first shared, kept when edited after the reveal; else null"


def first_shared(entry: Answer | BothTrueSide) -> str | None:
    return entry.first_shared if entry.edited_after_reveal else None


class AnswerOut(Schema):
    text: str
    passed: bool
    edited: bool = Field(alias="edited_after_reveal", description=EDITED)
    first_text: str | None = Field(description=FIRST_SHARED)
    updated: datetime

    @staticmethod
    def resolve_first_text(answer: Answer) -> str | None:
        return first_shared(answer)


class ReplyOut(Schema):
    id: UUID
    mine: bool
    text: str
    created: datetime
    reaction: str
    thanked: bool

    @staticmethod
    def resolve_mine(reply: Reply, context: dict[str, Any]) -> bool:
        return reply.author_id == viewer(context)

    @staticmethod
    def resolve_thanked(reply: Reply) -> bool:
        return reply.thanked_at is not None


class ThenOut(Schema):
    date: dt.date = Field(alias="question.date")
    mine: AnswerOut | None
    partner: AnswerOut | None = Field(alias="theirs")


class QuestionOut(Schema):
    id: UUID = Field(alias="question.id")
    date: dt.date = Field(alias="question.date")
    prompt: PromptOut = Field(alias="question.prompt")
    mine: AnswerOut | None
    partner: AnswerOut | None = Field(
        alias="theirs", description="null while sealed: answer first"
    )
    partner_answered: bool
    partner_passed: bool
    revealed: bool
    saved: bool
    extra: bool = Field(
        alias="question.extra",
        description="asked from the library next to the day's own question",
    )
    replies: list[ReplyOut]
    then: ThenOut | None

    @staticmethod
    def resolve_saved(view: QuestionView) -> bool:
        return view.question.saved_at is not None


class TextIn(Schema):
    text: str = Text


class ReplyIn(Schema):
    text: str = Text


class ReactionIn(Schema):
    reaction: Reaction


class PromptIn(Schema):
    text: str = Field(..., description="Up to 300 characters.")
    kind: str = Field(
        ...,
        description="one of: " + ", ".join(KIND_NAMES),
        json_schema_extra={"enum": list[Any](KIND_NAMES)},
    )
    depth: Depth

    @field_validator("kind")
    @classmethod
    def known_kind(cls, value: str) -> str:
        if value not in KIND_NAMES:
            raise ValueError("Unknown kind. Use one of: " + ", ".join(KIND_NAMES))
        return value


class DepthIn(Schema):
    depth: Literal["light", "medium", "deep", "mixed"]


class BothTrueIn(Schema):
    title: str = Field(..., description="Up to 200 characters.")
    text: str = Field("", description=f"Up to {MAX_TEXT:,} characters.")


class SideOut(Schema):
    text: str
    edited: bool = Field(alias="edited_after_reveal", description=EDITED)
    first_text: str | None = Field(description=FIRST_SHARED)

    @staticmethod
    def resolve_first_text(side: BothTrueSide) -> str | None:
        return first_shared(side)


class SideQuestionOut(Schema):
    id: UUID
    text: str
    answer: str


class BothTrueOut(Schema):
    id: UUID = Field(alias="both.id")
    title: str = Field(alias="both.title")
    created: datetime = Field(alias="both.created")
    mine: SideOut | None
    partner: SideOut | None = Field(
        alias="theirs", description="null while sealed: write yours first"
    )
    partner_wrote: bool
    revealed: bool
    my_question: SideQuestionOut | None
    partner_question: SideQuestionOut | None = Field(alias="their_question")


class TalkTimeIn(Schema):
    weekday: int = Field(..., description="0 = Monday … 6 = Sunday, at the offset of `time`")
    time: AwareTime = Field(
        ..., description="with its offset, e.g. 19:30:00+02:00; it repeats on your clock"
    )
    minutes: int = Field(30, description="10 to 180")


class TalkTimeOut(Schema):
    """Weekday and time on the reader's clock: the proposer's 19:30 may be 13:30 here."""

    id: UUID
    weekday: int = Field(description="0 = Monday, on your clock")
    time: AwareTime = Field(description="on your clock, with the offset of the next meeting")
    next_at: datetime = Field(description="The next meeting.")
    minutes: int
    proposed_by_me: bool
    accepted: bool

    @staticmethod
    def resolve_next_at(talk_time: TalkTime) -> datetime:
        return timezone.localtime(talk_time.next_start())

    @staticmethod
    def resolve_weekday(talk_time: TalkTime) -> int:
        return timezone.localtime(talk_time.next_start()).weekday()

    @staticmethod
    def resolve_time(talk_time: TalkTime) -> dt.time:
        return time_of(timezone.localtime(talk_time.next_start()))

    @staticmethod
    def resolve_proposed_by_me(talk_time: TalkTime, context: dict[str, Any]) -> bool:
        return talk_time.proposed_by_id == viewer(context)

    @staticmethod
    def resolve_accepted(talk_time: TalkTime) -> bool:
        return talk_time.accepted_at is not None


class SessionIn(Schema):
    kind: Literal["listening", "stress", "escalating"] = "listening"
    topic_kind: Literal[
        "values", "dreams", "experiences", "feelings", "current_events", "family", "own"
    ]
    topic: str = Field("", description="Up to 300 characters.")
    i_speak_first: bool = True
    listen_minutes: int | None = Field(
        None, description="1 to 30, for every speaker's turn; empty: 3 (listening) or 15 (stress)"
    )


class SessionRatingIn(Schema):
    understood: int = Field(..., description="1 to 7")
    validated: int = Field(..., description="1 to 7")
    cared: int = Field(..., description="1 to 7")


class RatingsIn(Schema):
    me: SessionRatingIn
    partner: SessionRatingIn


class SessionRatingOut(Schema):
    name: str
    understood: int
    validated: int
    cared: int


class SessionOut(Schema):
    id: UUID
    kind: str
    topic: str
    step: int
    started_at: datetime
    ended_at: datetime | None
    ratings: list[SessionRatingOut]

    @staticmethod
    def resolve_ratings(session: TalkSession) -> list[RatingView]:
        return selectors.rating_summary(session)


class AdvanceIn(Schema):
    note: str = Field("", description=f"Up to {MAX_TEXT:,} characters.")
    back: bool = False

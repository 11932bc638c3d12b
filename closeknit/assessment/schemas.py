"""What the assessment API reads and returns: its request and response schemas."""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from closeknit.assessment import scoring
from closeknit.assessment.models import KINDS, TOPICS


class IntimacyItemOut(Schema):
    key: str
    kind: str
    text: str
    sensitive: bool = Field(description='may be skipped: answer null, "prefer not to say"')


class ResponsivenessItemOut(Schema):
    key: str
    to_me: str
    from_me: str


class LovemapQuestionOut(Schema):
    key: str
    topic: str
    about_me: str
    about_partner: str
    options: list[str]


class ItemsOut(Schema):
    scale: tuple[int, int] = scoring.SCALE
    kinds: dict[str, str] = dict(KINDS)
    topics: dict[str, str] = dict(TOPICS)
    intimacy: list[IntimacyItemOut]
    responsiveness: list[ResponsivenessItemOut]
    lovemap: list[LovemapQuestionOut]


class RoundOut(Schema):
    id: UUID
    number: int
    baseline: bool
    started_on: date
    my_status: str = Field(description="not_started, in_progress or finished")
    partner_status: str
    revealed: bool


class RoundsOut(Schema):
    rounds: list[RoundOut]
    next_due: date | None = Field(description="When a new round may start (null: now).")


class AnswersIn(Schema):
    intimacy: dict[str, list[int] | None] = Field(
        default={},
        description="{item key: [now, as I'd like it]}, 1-7; null on a sensitive item is "
        '"prefer not to say": it is left out of every mean, never counted as 0',
    )
    responsiveness: dict[str, list[int]] = Field(
        default={}, description="{item key: [to me, from me]}, 1-7"
    )
    lovemap: dict[str, list[int]] = Field(
        default={},
        description="{question key: [my answer, my guess of my partner's]}, option indexes",
    )


class AnswersOut(AnswersIn):
    finished_at: datetime | None
    missing: list[str] = Field(description="Pages still open (by title).")


class KindOut(Schema):
    kind: str
    label: str
    my_now: float
    my_ideal: float
    their_now: float
    their_ideal: float
    now_differs: bool
    ideal_differs: bool


class GapOut(Schema):
    kind: str
    mine: float
    theirs: float
    together: float


class DifferenceOut(Schema):
    kind: str
    aspect: str
    mine: float
    theirs: float


class TopicOut(Schema):
    topic: str
    i_knew: int
    they_knew: int
    total: int


class SkippedOut(Schema):
    kind: str
    mine: int = Field(description='items you skipped ("prefer not to say")')
    theirs: int
    total: int = Field(description="items of this kind")
    compared: bool = Field(
        description="both answered some, so the kind is in `kinds`; false: left out of "
        "the profiles, gaps and differences"
    )


class ReportSuggestionOut(Schema):
    kind: str
    prompts: list[str]
    exercise: str
    date: str


class ReportOut(Schema):
    round: RoundOut
    noise: float = Field(
        description="Differences smaller than this (on 1-7 means) are not shown as differences."
    )
    kinds: list[KindOut]
    biggest_gaps: list[GapOut]
    differences: list[DifferenceOut]
    responsiveness: dict[str, float]
    lovemap: list[TopicOut]
    suggestions: list[ReportSuggestionOut]
    skipped: list[SkippedOut] = Field(
        description="kinds where either of you preferred not to say for some items"
    )
    their_answers: AnswersIn

"""What the coaching API reads and returns: its request and response schemas."""

from ninja import Field, Schema


class CoachIn(Schema):
    id: str | int | None = None
    text: str = Field(..., description="The reply about to be sent (up to 5,000 characters).")
    context: str | None = Field(
        None,
        description=(
            "What the partner shared, if anything. For an answer to a daily question,"
            ' "Q: <the question> A: <their answer>".'
        ),
    )


class FindingOut(Schema):
    signal: str = Field(
        ..., description="A signal's name, or 'i_statement' for a word of recognition."
    )
    start: int
    end: int
    message: str
    suggestion: str | None


class SignalsOut(Schema):
    dismissive_but: bool
    you_statement: bool
    validation: bool
    open_question: bool
    closed_question: bool
    advice: bool
    minimizing: bool
    too_short: bool
    active_constructive: bool
    self_focus: bool
    good_news_dismissed: bool


class EmpathyOut(Schema):
    emotional_reactions: int = Field(..., ge=0, le=2)
    interpretations: int = Field(..., ge=0, le=2)
    explorations: int = Field(..., ge=0, le=2)


class CoachOut(Schema):
    id: str | int | None
    signals: SignalsOut
    empathy: EmpathyOut
    listening_level: str
    findings: list[FindingOut]
    notice: str | None = None


class NoteOut(Schema):
    signal: str
    label: str
    positive: bool
    start: int
    end: int
    original: str
    message: str
    suggestion: str | None


class EmpathyLevelOut(Schema):
    label: str
    level: int = Field(..., ge=0, le=2)
    word: str


class FeedbackOut(Schema):
    """The coach's feedback as the reply boxes show it, in plain words."""

    notes: list[NoteOut]
    summary: str
    next_step: str | None
    empathy: list[EmpathyLevelOut]
    level: str
    notice: str | None
    open_questions: list[str]
    all_clear: bool

"""POST /api/v1/coach: the listening coach for signed-in users."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from closeknit.api.auth import limit
from closeknit.api.errors import ErrorOut
from closeknit.coach import CoachInputError, analyze

router = Router(tags=["coach"])


class CoachIn(Schema):
    id: str | int | None = None
    text: str = Field(..., description="The reply about to be sent (up to 5,000 characters).")
    context: str | None = Field(None, description="What the partner shared, if anything.")


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


@router.post("/coach", response={200: CoachOut, 400: ErrorOut, 429: ErrorOut})
def coach(request: HttpRequest, data: CoachIn) -> dict[str, Any]:
    """Read a reply before it is sent. Nothing is stored: the answer is for the writer alone."""
    limit(request, "coach", "60/m")
    try:
        result = analyze(data.text, data.context)
    except CoachInputError as exc:
        raise HttpError(400, str(exc)) from exc
    return {"id": data.id, **result.to_dict()}

"""Talk in the JSON API: the same selectors and services as the pages."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.api.times import AwareTime, time_of, weekly_on
from closeknit.couples.access import get_for_couple
from closeknit.talk import prompts, selectors, services
from closeknit.talk.models import (
    KINDS,
    MAX_TEXT,
    BothTrue,
    BothTrueQuestion,
    Prompt,
    Reply,
    TalkSession,
    TalkTime,
)
from closeknit.talk.selectors import BothTrueView, QuestionView
from closeknit.talk.services import Slot, TalkError

router = Router(tags=["talk"])

Text = Field(..., min_length=1, max_length=MAX_TEXT)
Depth = Literal["light", "medium", "deep"]
Reaction = Literal["heart", "hug", "laugh", "thanks", "wow"]
KIND_NAMES = [k for k, _ in KINDS]


class PromptOut(Schema):
    id: UUID
    text: str
    kind: str
    depth: str
    own: bool


class AnswerOut(Schema):
    text: str
    passed: bool
    edited: bool
    updated: datetime


class ReplyOut(Schema):
    id: UUID
    mine: bool
    text: str
    created: datetime
    reaction: str
    thanked: bool


class ThenOut(Schema):
    date: date
    mine: AnswerOut | None
    partner: AnswerOut | None


class QuestionOut(Schema):
    id: UUID
    date: date
    prompt: PromptOut
    mine: AnswerOut | None
    partner: AnswerOut | None = Field(description="null while sealed: answer first")
    partner_answered: bool
    partner_passed: bool
    revealed: bool
    saved: bool
    replies: list[ReplyOut]
    then: ThenOut | None


class TextIn(Schema):
    text: str = Text


class ReplyIn(Schema):
    text: str = Text


class ReactionIn(Schema):
    reaction: Reaction


class PromptIn(Schema):
    text: str = Field(..., min_length=1, max_length=300)
    kind: str = Field(..., description="one of: " + ", ".join(KIND_NAMES))
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
    title: str = Field(..., min_length=1, max_length=200)
    text: str = Field("", max_length=MAX_TEXT)


class SideOut(Schema):
    text: str


class SideQuestionOut(Schema):
    id: UUID
    text: str
    answer: str


class BothTrueOut(Schema):
    id: UUID
    title: str
    created: datetime
    mine: SideOut | None
    partner: SideOut | None = Field(description="null while sealed: write yours first")
    partner_wrote: bool
    revealed: bool
    my_question: SideQuestionOut | None
    partner_question: SideQuestionOut | None


class TalkTimeIn(Schema):
    weekday: int = Field(..., ge=0, le=6, description="0 = Monday, at the offset of `time`")
    time: AwareTime = Field(
        ..., description="with its offset, e.g. 19:30:00+02:00; it repeats on your clock"
    )
    minutes: int = Field(30, ge=10, le=180)


class TalkTimeOut(Schema):
    id: UUID
    weekday: int = Field(description="0 = Monday, on your clock")
    time: AwareTime = Field(description="on your clock, with the offset of the next meeting")
    next_at: datetime = Field(description="the next meeting")
    minutes: int
    proposed_by_me: bool
    accepted: bool


class SessionIn(Schema):
    kind: Literal["listening", "stress", "escalating"] = "listening"
    topic_kind: Literal[
        "values", "dreams", "experiences", "feelings", "current_events", "family", "own"
    ]
    topic: str = Field("", max_length=300)
    i_speak_first: bool = True
    listen_minutes: int = Field(3, ge=1, le=30)


class SessionRatingIn(Schema):
    understood: int = Field(..., ge=1, le=7)
    validated: int = Field(..., ge=1, le=7)
    cared: int = Field(..., ge=1, le=7)


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


def _answer(a: object) -> AnswerOut | None:
    if a is None:
        return None
    return AnswerOut(text=a.text, passed=a.passed, edited=a.edited_after_reveal, updated=a.updated)  # type: ignore[attr-defined]


def _prompt(p: Prompt) -> PromptOut:
    return PromptOut(id=p.id, text=p.text, kind=p.kind, depth=p.depth, own=p.couple_id is not None)


def question_out(view: QuestionView, viewer_id: UUID) -> QuestionOut:
    q = view.question
    then = None
    if view.then:
        then = ThenOut(
            date=view.then.question.date,
            mine=_answer(view.then.mine),
            partner=_answer(view.then.theirs),
        )
    return QuestionOut(
        id=q.id,
        date=q.date,
        prompt=_prompt(q.prompt),
        mine=_answer(view.mine),
        partner=_answer(view.theirs),
        partner_answered=view.partner_answered,
        partner_passed=view.partner_passed,
        revealed=view.revealed,
        saved=bool(q.saved_at),
        replies=[
            ReplyOut(
                id=r.id,
                mine=r.author_id == viewer_id,
                text=r.text,
                created=r.created,
                reaction=r.reaction,
                thanked=bool(r.thanked_at),
            )
            for r in view.replies
        ],
        then=then,
    )


def _question_view(request: HttpRequest, question_id: UUID) -> QuestionView:
    couple, _ = api_couple(request)
    q = get_for_couple(selectors.questions_for(couple), couple, pk=question_id)
    return selectors.question_view(q, api_user(request).pk)


def _conflict(exc: TalkError) -> HttpError:
    return HttpError(409, str(exc))


@router.get("/today", response={200: QuestionOut, 403: ErrorOut})
def today(request: HttpRequest) -> QuestionOut:
    """Your today's question: the couple's question of your own calendar day."""
    couple, _ = api_couple(request)
    question = prompts.todays_question(couple, api_user(request))
    return question_out(_question_view(request, question.id), api_user(request).pk)


@router.get("/questions", response={200: list[QuestionOut], 403: ErrorOut})
def question_history(request: HttpRequest, q: str = "", page: int = 1) -> list[QuestionOut]:
    """Past questions, newest first, 20 a page; `q` searches prompts and visible answers."""
    couple, _ = api_couple(request)
    views = selectors.history(couple, api_user(request).pk, q[:100])
    start = max(page - 1, 0) * 20
    return [question_out(v, api_user(request).pk) for v in views[start : start + 20]]


@router.get("/questions/{question_id}", response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut})
def question_detail(request: HttpRequest, question_id: UUID) -> QuestionOut:
    return question_out(_question_view(request, question_id), api_user(request).pk)


@router.put(
    "/questions/{question_id}/answer",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def answer(request: HttpRequest, question_id: UUID, data: TextIn) -> QuestionOut:
    """Answer (or edit). The partner's answer appears in the response once both have answered."""
    view = _question_view(request, question_id)
    try:
        services.answer_question(view.question, api_user(request), data.text)
    except TalkError as exc:
        raise _conflict(exc) from exc
    return question_out(_question_view(request, question_id), api_user(request).pk)


@router.post(
    "/questions/{question_id}/pass",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def pass_question(request: HttpRequest, question_id: UUID) -> QuestionOut:
    view = _question_view(request, question_id)
    try:
        services.pass_question(view.question, api_user(request))
    except TalkError as exc:
        raise _conflict(exc) from exc
    return question_out(_question_view(request, question_id), api_user(request).pk)


@router.post(
    "/questions/{question_id}/another",
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def another(request: HttpRequest, question_id: UUID) -> QuestionOut:
    view = _question_view(request, question_id)
    try:
        services.another_prompt(view.question, api_user(request))
    except TalkError as exc:
        raise _conflict(exc) from exc
    return question_out(_question_view(request, question_id), api_user(request).pk)


@router.post(
    "/questions/{question_id}/save", response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut}
)
def save(request: HttpRequest, question_id: UUID) -> QuestionOut:
    """Toggle "save to talk about"."""
    services.toggle_saved(_question_view(request, question_id).question)
    return question_out(_question_view(request, question_id), api_user(request).pk)


@router.post(
    "/questions/{question_id}/replies",
    response={201: ReplyOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def reply(request: HttpRequest, question_id: UUID, data: ReplyIn) -> Status[ReplyOut]:
    view = _question_view(request, question_id)
    try:
        r = services.add_reply(view.question, api_user(request), data.text)
    except TalkError as exc:
        raise _conflict(exc) from exc
    out = ReplyOut(id=r.id, mine=True, text=r.text, created=r.created, reaction="", thanked=False)
    return Status(201, out)


def _reply(request: HttpRequest, reply_id: UUID) -> Reply:
    couple, _ = api_couple(request)
    return get_for_couple(Reply, couple, pk=reply_id)


@router.post(
    "/replies/{reply_id}/reaction",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def react(request: HttpRequest, reply_id: UUID, data: ReactionIn) -> Status[None]:
    """React to your partner's reply (the same reaction again takes it back)."""
    try:
        services.react(_reply(request, reply_id), api_user(request), data.reaction)
    except TalkError as exc:
        raise _conflict(exc) from exc
    return Status(204, None)


@router.post(
    "/replies/{reply_id}/thanks", response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def thank(request: HttpRequest, reply_id: UUID) -> Status[None]:
    """Say "thank you for listening" for your partner's reply."""
    try:
        services.thank(_reply(request, reply_id), api_user(request))
    except TalkError as exc:
        raise _conflict(exc) from exc
    return Status(204, None)


@router.get("/prompts", response={200: list[PromptOut], 403: ErrorOut})
def prompt_library(request: HttpRequest, kind: str = "") -> list[PromptOut]:
    """The library and your own prompts, optionally of one kind."""
    couple, _ = api_couple(request)
    found = Prompt.objects.filter(couple__isnull=True) | Prompt.objects.filter(couple=couple)
    if kind:
        found = found.filter(kind=kind)
    return [_prompt(p) for p in found.order_by("kind", "depth", "key")]


@router.post("/prompts", response={201: PromptOut, 403: ErrorOut})
def add_prompt(request: HttpRequest, data: PromptIn) -> Status[PromptOut]:
    couple, _ = api_couple(request)
    p = services.add_prompt(couple, api_user(request), data.text, data.kind, data.depth)
    return Status(201, _prompt(p))


@router.put("/settings/depth", response={200: DepthIn, 403: ErrorOut})
def set_depth(request: HttpRequest, data: DepthIn) -> DepthIn:
    couple, _ = api_couple(request)
    services.set_depth(couple, data.depth)
    return data


# Both true


def both_true_out(view: BothTrueView) -> BothTrueOut:
    def q(x: BothTrueQuestion | None) -> SideQuestionOut | None:
        return SideQuestionOut(id=x.id, text=x.text, answer=x.answer) if x else None

    return BothTrueOut(
        id=view.both.id,
        title=view.both.title,
        created=view.both.created,
        mine=SideOut(text=view.mine.text) if view.mine else None,
        partner=SideOut(text=view.theirs.text) if view.theirs else None,
        partner_wrote=view.partner_wrote,
        revealed=view.revealed,
        my_question=q(view.my_question),
        partner_question=q(view.their_question),
    )


def _both(request: HttpRequest, both_id: UUID) -> BothTrue:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.both_trues_for(couple), couple, pk=both_id)


def _both_out(request: HttpRequest, both_id: UUID) -> BothTrueOut:
    return both_true_out(selectors.both_true_view(_both(request, both_id), api_user(request).pk))


@router.get("/both-true", response={200: list[BothTrueOut], 403: ErrorOut})
def both_true_list(request: HttpRequest) -> list[BothTrueOut]:
    couple, _ = api_couple(request)
    viewer = api_user(request).pk
    return [
        both_true_out(selectors.both_true_view(b, viewer))
        for b in selectors.both_trues_for(couple)
    ]


@router.post("/both-true", response={201: BothTrueOut, 403: ErrorOut})
def start_both_true(request: HttpRequest, data: BothTrueIn) -> Status[BothTrueOut]:
    couple, _ = api_couple(request)
    both = services.start_both_true(couple, api_user(request), data.title, data.text)
    return Status(201, _both_out(request, both.id))


@router.get("/both-true/{both_id}", response={200: BothTrueOut, 403: ErrorOut, 404: ErrorOut})
def both_true_detail(request: HttpRequest, both_id: UUID) -> BothTrueOut:
    return _both_out(request, both_id)


@router.put(
    "/both-true/{both_id}/side",
    response={200: BothTrueOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def write_side(request: HttpRequest, both_id: UUID, data: TextIn) -> BothTrueOut:
    try:
        services.write_side(_both(request, both_id), api_user(request), data.text)
    except TalkError as exc:
        raise _conflict(exc) from exc
    return _both_out(request, both_id)


@router.post(
    "/both-true/{both_id}/question",
    response={201: BothTrueOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def ask(request: HttpRequest, both_id: UUID, data: TextIn) -> Status[BothTrueOut]:
    """Your one open question about your partner's side (after both have written)."""
    try:
        services.ask_about_side(_both(request, both_id), api_user(request), data.text)
    except TalkError as exc:
        raise _conflict(exc) from exc
    return Status(201, _both_out(request, both_id))


@router.put(
    "/both-true/questions/{question_id}/answer",
    response={200: BothTrueOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def answer_side_question(request: HttpRequest, question_id: UUID, data: TextIn) -> BothTrueOut:
    couple, _ = api_couple(request)
    question = get_for_couple(BothTrueQuestion, couple, pk=question_id)
    try:
        services.answer_side_question(question, api_user(request), data.text)
    except TalkError as exc:
        raise _conflict(exc) from exc
    return _both_out(request, question.both_true_id)


# Talk time


def talk_time_out(t: TalkTime, viewer_id: UUID) -> TalkTimeOut:
    """Weekday and time on the reader's clock: the proposer's 19:30 may be 13:30 here."""
    mine = timezone.localtime(t.next_start())
    return TalkTimeOut(
        id=t.id,
        weekday=mine.weekday(),
        time=time_of(mine),
        next_at=mine,
        minutes=t.minutes,
        proposed_by_me=t.proposed_by_id == viewer_id,
        accepted=t.accepted_at is not None,
    )


@router.get("/talk-time", response={200: list[TalkTimeOut], 403: ErrorOut})
def talk_times(request: HttpRequest) -> list[TalkTimeOut]:
    """The accepted weekly time and any suggestion waiting for an answer."""
    couple, _ = api_couple(request)
    return [talk_time_out(t, api_user(request).pk) for t in TalkTime.objects.filter(couple=couple)]


@router.post("/talk-time", response={201: TalkTimeOut, 403: ErrorOut})
def propose_talk_time(request: HttpRequest, data: TalkTimeIn) -> Status[TalkTimeOut]:
    couple, _ = api_couple(request)
    user = api_user(request)
    weekday, at = weekly_on(user.tz, data.weekday, data.time)
    t = services.propose_talk_time(couple, user, Slot(weekday, at, data.minutes))
    return Status(201, talk_time_out(t, api_user(request).pk))


@router.post(
    "/talk-time/{talk_time_id}/accept",
    response={200: TalkTimeOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def accept_talk_time(request: HttpRequest, talk_time_id: UUID) -> TalkTimeOut:
    couple, _ = api_couple(request)
    t = get_for_couple(TalkTime, couple, pk=talk_time_id)
    try:
        services.accept_talk_time(t, api_user(request))
    except TalkError as exc:
        raise _conflict(exc) from exc
    return talk_time_out(t, api_user(request).pk)


def session_out(s: TalkSession) -> SessionOut:
    return SessionOut(
        id=s.id,
        kind=s.kind,
        topic=s.topic,
        step=s.step,
        started_at=s.started_at,
        ended_at=s.ended_at,
        ratings=[SessionRatingOut(**r) for r in selectors.rating_summary(s)],
    )


@router.get("/sessions", response={200: list[SessionOut], 403: ErrorOut})
def sessions(request: HttpRequest) -> list[SessionOut]:
    couple, _ = api_couple(request)
    return [session_out(s) for s in selectors.sessions_for(couple)[:100]]


@router.post("/sessions", response={201: SessionOut, 403: ErrorOut})
def start_session(request: HttpRequest, data: SessionIn) -> Status[SessionOut]:
    couple, partner = api_couple(request)
    me = api_user(request)
    s = services.start_session(
        couple,
        kind=data.kind,
        topic_kind=data.topic_kind,
        topic=data.topic,
        first_speaker=me if data.i_speak_first else partner,
        listen_minutes=data.listen_minutes,
    )
    return Status(201, session_out(s))


class AdvanceIn(Schema):
    note: str = Field("", max_length=MAX_TEXT)
    back: bool = False


@router.post(
    "/sessions/{session_id}/advance", response={200: SessionOut, 403: ErrorOut, 404: ErrorOut}
)
def advance(request: HttpRequest, session_id: UUID, data: AdvanceIn) -> SessionOut:
    """Go to the next step (or back), keeping a typed note if there is one."""
    couple, _ = api_couple(request)
    s = get_for_couple(selectors.sessions_for(couple), couple, pk=session_id)
    return session_out(services.advance(s, -1 if data.back else 1, data.note))


@router.post(
    "/sessions/{session_id}/ratings", response={200: SessionOut, 403: ErrorOut, 404: ErrorOut}
)
def rate_session(request: HttpRequest, session_id: UUID, data: RatingsIn) -> SessionOut:
    """Both partners' ratings at the end, entered together on one device."""
    couple, partner = api_couple(request)
    s = get_for_couple(selectors.sessions_for(couple), couple, pk=session_id)
    services.rate_session(s, {api_user(request): data.me.dict(), partner: data.partner.dict()})
    return session_out(get_for_couple(selectors.sessions_for(couple), couple, pk=session_id))

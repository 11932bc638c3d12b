"""Talk in the JSON API: declarations over the same selectors and services as the pages.

Refusals are the services' own (`closeknit.lib.errors`, answered by the API
root); every output is read from a selector's read model (`QuestionView`,
`BothTrueView`) or a row, through the schemas in `schemas.py`.
"""

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.api.paging import Pages
from closeknit.api.times import weekly_on
from closeknit.couples.access import get_for_couple
from closeknit.lib.paging import Rows
from closeknit.talk import prompts, selectors, services
from closeknit.talk.models import (
    BothTrue,
    BothTrueQuestion,
    DailyQuestion,
    Prompt,
    Reply,
    TalkSession,
    TalkTime,
)
from closeknit.talk.schemas import (
    AdvanceIn,
    BothTrueIn,
    BothTrueOut,
    DepthIn,
    PromptIn,
    PromptOut,
    QuestionOut,
    RatingsIn,
    ReactionIn,
    ReplyIn,
    ReplyOut,
    SessionIn,
    SessionOut,
    TalkTimeIn,
    TalkTimeOut,
    TextIn,
)
from closeknit.talk.selectors import BothTrueView, QuestionView
from closeknit.talk.services import Slot

router = Router(tags=["talk"])


def _question(request: HttpRequest, question_id: UUID) -> DailyQuestion:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.questions_for(couple), couple, pk=question_id)


def _view(request: HttpRequest, question_id: UUID) -> QuestionView:
    return selectors.question_view(_question(request, question_id), api_user(request).pk)


@router.get("/today", response={200: QuestionOut, **ERRORS})
def today(request: HttpRequest) -> QuestionView:
    """Your today's question: the couple's question of your own calendar day."""
    couple, _ = api_couple(request)
    return _view(request, prompts.todays_question(couple, api_user(request)).pk)


@router.get("/today/more", response={200: list[QuestionOut], **ERRORS})
def today_more(request: HttpRequest) -> list[QuestionView]:
    """Questions asked from the library today, next to today's own, in asking order."""
    couple, _ = api_couple(request)
    user = api_user(request)
    return [_view(request, q.pk) for q in selectors.extras_on(couple, user.today())]


@router.get("/questions", response={200: list[QuestionOut], **ERRORS})
@paginate(Pages)
def question_history(request: HttpRequest, q: str = "") -> Rows[Any, QuestionView]:
    """Past questions, newest first, 20 a page; `q` searches prompts and visible answers."""
    couple, _ = api_couple(request)
    return selectors.history(couple, api_user(request).pk, q[:100])


@router.get("/questions/{question_id}", response={200: QuestionOut, **ERRORS})
def question_detail(request: HttpRequest, question_id: UUID) -> QuestionView:
    return _view(request, question_id)


@router.put("/questions/{question_id}/answer", response={200: QuestionOut, **ERRORS})
def answer(request: HttpRequest, question_id: UUID, data: TextIn) -> QuestionView:
    """Answer (or edit). The partner's answer appears in the response once both have answered.

    An edit after that is marked `edited`, and the answer as first shared stays in `first_text`.
    """
    services.answer_question(_question(request, question_id), api_user(request), data.text)
    return _view(request, question_id)


@router.post("/questions/{question_id}/pass", response={200: QuestionOut, **ERRORS})
def pass_question(request: HttpRequest, question_id: UUID) -> QuestionView:
    services.pass_question(_question(request, question_id), api_user(request))
    return _view(request, question_id)


@router.post("/questions/{question_id}/another", response={200: QuestionOut, **ERRORS})
def another(request: HttpRequest, question_id: UUID) -> QuestionView:
    services.another_prompt(_question(request, question_id), api_user(request))
    return _view(request, question_id)


@router.post("/questions/{question_id}/save", response={200: QuestionOut, **ERRORS})
def save(request: HttpRequest, question_id: UUID) -> QuestionView:
    """Toggle "save to talk about"."""
    services.toggle_saved(_question(request, question_id))
    return _view(request, question_id)


@router.post("/questions/{question_id}/replies", response={201: ReplyOut, **ERRORS})
def reply(request: HttpRequest, question_id: UUID, data: ReplyIn) -> Status[Reply]:
    question = _question(request, question_id)
    return Status(201, services.add_reply(question, api_user(request), data.text))


def _reply(request: HttpRequest, reply_id: UUID) -> Reply:
    couple, _ = api_couple(request)
    return get_for_couple(Reply, couple, pk=reply_id)


@router.post("/replies/{reply_id}/reaction", response={204: None, **ERRORS})
def react(request: HttpRequest, reply_id: UUID, data: ReactionIn) -> Status[None]:
    """React to your partner's reply (the same reaction again takes it back)."""
    services.react(_reply(request, reply_id), api_user(request), data.reaction)
    return Status(204, None)


@router.post("/replies/{reply_id}/thanks", response={204: None, **ERRORS})
def thank(request: HttpRequest, reply_id: UUID) -> Status[None]:
    """Say "thank you for listening" for your partner's reply."""
    services.thank(_reply(request, reply_id), api_user(request))
    return Status(204, None)


@router.get("/prompts", response={200: list[PromptOut], **ERRORS})
def prompt_library(request: HttpRequest, kind: str = "") -> QuerySet[Prompt]:
    """The library and your own prompts, optionally of one kind."""
    couple, _ = api_couple(request)
    return selectors.prompt_library(couple, kind)


@router.post("/prompts", response={201: PromptOut, **ERRORS})
def add_prompt(request: HttpRequest, data: PromptIn) -> Status[Prompt]:
    couple, _ = api_couple(request)
    prompt = services.add_prompt(couple, api_user(request), data.text, data.kind, data.depth)
    return Status(201, prompt)


@router.get("/prompts/sample", response={200: list[PromptOut], **ERRORS})
def prompt_sample(request: HttpRequest) -> list[Prompt]:
    """A few library questions of every kind, light to deep; a fresh choice each day."""
    api_couple(request)
    return selectors.library_sample(api_user(request).today())


@router.put("/prompts/{prompt_id}", response={200: PromptOut, **ERRORS})
def edit_prompt(request: HttpRequest, prompt_id: UUID, data: PromptIn) -> Prompt:
    """Reword one of your own questions, until it has been asked."""
    couple, _ = api_couple(request)
    prompt = selectors.prompt_for(couple, prompt_id)
    return services.edit_prompt(prompt, api_user(request), data.text, data.kind, data.depth)


@router.delete("/prompts/{prompt_id}", response={204: None, **ERRORS})
def delete_prompt(request: HttpRequest, prompt_id: UUID) -> Status[None]:
    """Delete one of your own questions, until it has been asked."""
    couple, _ = api_couple(request)
    services.delete_prompt(selectors.prompt_for(couple, prompt_id), api_user(request))
    return Status(204, None)


@router.post("/prompts/{prompt_id}/ask", response={200: QuestionOut, **ERRORS})
def ask_prompt(request: HttpRequest, prompt_id: UUID) -> QuestionView:
    """Ask a question now: it becomes today's while neither of you has started on today's,
    else it is asked as one more for today (`extra`) and your partner is told."""
    couple, partner = api_couple(request)
    prompt = selectors.prompt_for(couple, prompt_id)
    asked = services.ask_now(couple, api_user(request), partner, prompt)
    return _view(request, asked.question.pk)


@router.put("/settings/depth", response={200: DepthIn, **ERRORS})
def set_depth(request: HttpRequest, data: DepthIn) -> DepthIn:
    couple, _ = api_couple(request)
    services.set_depth(couple, data.depth)
    return data


# Both true


def _both(request: HttpRequest, both_id: UUID) -> BothTrue:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.both_trues_for(couple), couple, pk=both_id)


def _both_view(request: HttpRequest, both_id: UUID) -> BothTrueView:
    return selectors.both_true_view(_both(request, both_id), api_user(request).pk)


@router.get("/both-true", response={200: list[BothTrueOut], **ERRORS})
def both_true_list(request: HttpRequest) -> list[BothTrueView]:
    couple, _ = api_couple(request)
    viewer_id = api_user(request).pk
    return [selectors.both_true_view(b, viewer_id) for b in selectors.both_trues_for(couple)]


@router.post("/both-true", response={201: BothTrueOut, **ERRORS})
def start_both_true(request: HttpRequest, data: BothTrueIn) -> Status[BothTrueView]:
    couple, _ = api_couple(request)
    both = services.start_both_true(couple, api_user(request), data.title, data.text)
    return Status(201, _both_view(request, both.id))


@router.get("/both-true/{both_id}", response={200: BothTrueOut, **ERRORS})
def both_true_detail(request: HttpRequest, both_id: UUID) -> BothTrueView:
    return _both_view(request, both_id)


@router.put("/both-true/{both_id}/side", response={200: BothTrueOut, **ERRORS})
def write_side(request: HttpRequest, both_id: UUID, data: TextIn) -> BothTrueView:
    """Write (or edit) your side; after both have written, an edit keeps `first_text`."""
    services.write_side(_both(request, both_id), api_user(request), data.text)
    return _both_view(request, both_id)


@router.post("/both-true/{both_id}/question", response={201: BothTrueOut, **ERRORS})
def ask(request: HttpRequest, both_id: UUID, data: TextIn) -> Status[BothTrueView]:
    """Your one open question about your partner's side (after both have written)."""
    services.ask_about_side(_both(request, both_id), api_user(request), data.text)
    return Status(201, _both_view(request, both_id))


@router.put("/both-true/questions/{question_id}/answer", response={200: BothTrueOut, **ERRORS})
def answer_side_question(request: HttpRequest, question_id: UUID, data: TextIn) -> BothTrueView:
    couple, _ = api_couple(request)
    question = get_for_couple(BothTrueQuestion, couple, pk=question_id)
    services.answer_side_question(question, api_user(request), data.text)
    return _both_view(request, question.both_true_id)


# Talk time


@router.get("/talk-time", response={200: list[TalkTimeOut], **ERRORS})
def talk_times(request: HttpRequest) -> QuerySet[TalkTime]:
    """The accepted weekly time and any suggestion waiting for an answer."""
    couple, _ = api_couple(request)
    return TalkTime.objects.filter(couple=couple)


@router.post("/talk-time", response={201: TalkTimeOut, **ERRORS})
def propose_talk_time(request: HttpRequest, data: TalkTimeIn) -> Status[TalkTime]:
    couple, _ = api_couple(request)
    user = api_user(request)
    weekday, at = weekly_on(user.tz, data.weekday, data.time)  # onto the proposer's clock
    slot = Slot(weekday=weekday, time=at, minutes=data.minutes)
    return Status(201, services.propose_talk_time(couple, user, slot))


@router.post("/talk-time/{talk_time_id}/accept", response={200: TalkTimeOut, **ERRORS})
def accept_talk_time(request: HttpRequest, talk_time_id: UUID) -> TalkTime:
    couple, _ = api_couple(request)
    talk_time = get_for_couple(TalkTime, couple, pk=talk_time_id)
    return services.accept_talk_time(talk_time, api_user(request))


@router.get("/sessions", response={200: list[SessionOut], **ERRORS})
@paginate(Pages, page_size=100)
def sessions(request: HttpRequest) -> QuerySet[TalkSession]:
    """Your talks, newest first, 100 a page."""
    couple, _ = api_couple(request)
    return selectors.sessions_for(couple)


@router.post("/sessions", response={201: SessionOut, **ERRORS})
def start_session(request: HttpRequest, data: SessionIn) -> Status[TalkSession]:
    couple, partner = api_couple(request)
    me = api_user(request)
    session = services.start_session(
        couple,
        kind=data.kind,
        topic_kind=data.topic_kind,
        topic=data.topic,
        first_speaker=me if data.i_speak_first else partner,
        listen_minutes=data.listen_minutes,
    )
    return Status(201, session)


def _session(request: HttpRequest, session_id: UUID) -> TalkSession:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.sessions_for(couple), couple, pk=session_id)


@router.post("/sessions/{session_id}/advance", response={200: SessionOut, **ERRORS})
def advance(request: HttpRequest, session_id: UUID, data: AdvanceIn) -> TalkSession:
    """Go to the next step (or back), keeping a typed note if there is one."""
    return services.advance(_session(request, session_id), -1 if data.back else 1, data.note)


@router.post("/sessions/{session_id}/ratings", response={200: SessionOut, **ERRORS})
def rate_session(request: HttpRequest, session_id: UUID, data: RatingsIn) -> TalkSession:
    """Both partners' ratings at the end, entered together on one device."""
    _, partner = api_couple(request)
    ratings = {api_user(request): data.me.dict(), partner: data.partner.dict()}
    services.rate_session(_session(request, session_id), ratings)
    return _session(request, session_id)

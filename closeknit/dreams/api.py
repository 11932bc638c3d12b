"""Dreams in the JSON API: declarations over the pages' selectors (privacy rule) and services."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.coaching import feedback
from closeknit.coaching.schemas import FeedbackOut
from closeknit.couples.access import get_for_couple
from closeknit.dreams import selectors, services
from closeknit.dreams.models import Dream, Milestone, Task
from closeknit.dreams.schemas import (
    DoneIn,
    DreamDetailOut,
    DreamIn,
    DreamOut,
    DreamPatch,
    MessageIn,
    MilestoneIn,
    MilestoneOut,
    NewsIn,
    TaskOut,
    TitleIn,
)

router = Router(tags=["dreams"])


def _detail(request: HttpRequest, dream_id: UUID) -> Dream:
    couple, _ = api_couple(request)
    return selectors.dream_with_everything(couple, api_user(request), dream_id)


def _dream(request: HttpRequest, dream_id: UUID) -> Dream:
    couple, _ = api_couple(request)
    return selectors.dream_for(couple, api_user(request), dream_id)


@router.get("", response={200: list[DreamOut], **ERRORS})
def dreams(request: HttpRequest) -> list[Dream]:
    """Your dreams and goals (private and shared) and your partner's shared ones."""
    couple, _ = api_couple(request)
    mine, theirs = selectors.dreams_by_owner(couple, api_user(request))
    return mine + theirs


@router.post("", response={201: DreamDetailOut, **ERRORS})
def create(request: HttpRequest, data: DreamIn) -> Status[Dream]:
    couple, _ = api_couple(request)
    dream = services.create_dream(couple, api_user(request), **data.dict())
    return Status(201, _detail(request, dream.pk))


@router.get("/celebrations/waiting", response={200: list[MilestoneOut], **ERRORS})
def waiting(request: HttpRequest) -> QuerySet[Milestone]:
    """Milestones your partner reached that you haven't celebrated yet."""
    couple, _ = api_couple(request)
    return selectors.celebrations_waiting(couple, api_user(request))


@router.get("/{dream_id}", response={200: DreamDetailOut, **ERRORS})
def detail(request: HttpRequest, dream_id: UUID) -> Dream:
    """One dream with its pledges, tasks and milestones (404 for a partner's private dream)."""
    return _detail(request, dream_id)


def _own(request: HttpRequest, dream_id: UUID) -> Dream:
    couple, _ = api_couple(request)
    own = selectors.visible_dreams(couple, api_user(request)).filter(author=api_user(request))
    return get_for_couple(own, couple, pk=dream_id)


@router.patch("/{dream_id}", response={200: DreamDetailOut, **ERRORS})
def update(request: HttpRequest, dream_id: UUID, data: DreamPatch) -> Dream:
    """Change your own dream (making it private hides it from your partner again)."""
    services.update_dream(
        _own(request, dream_id), api_user(request), **data.dict(exclude_none=True)
    )
    return _detail(request, dream_id)


@router.delete("/{dream_id}", response={204: None, **ERRORS})
def delete(request: HttpRequest, dream_id: UUID) -> Status[None]:
    services.delete_dream(_own(request, dream_id), api_user(request))
    return Status(204, None)


@router.put("/{dream_id}/pledge", response={200: DreamDetailOut, **ERRORS})
def pledge(request: HttpRequest, dream_id: UUID, data: MessageIn) -> Dream:
    """Pledge support for your partner's shared dream (or change your pledge)."""
    services.pledge(_dream(request, dream_id), api_user(request), data.message)
    return _detail(request, dream_id)


@router.delete("/{dream_id}/pledge", response={204: None, **ERRORS})
def withdraw(request: HttpRequest, dream_id: UUID) -> Status[None]:
    services.withdraw_pledge(_dream(request, dream_id), api_user(request))
    return Status(204, None)


@router.post("/{dream_id}/tasks", response={201: TaskOut, **ERRORS})
def add_task(request: HttpRequest, dream_id: UUID, data: TitleIn) -> Status[Task]:
    """The dreamer lists something that takes their time; the partner adds one they take on."""
    dream, user = _dream(request, dream_id), api_user(request)
    task = services.add_task(dream, user, data.title, take_on=dream.author_id != user.pk)
    return Status(201, task)


def _task(request: HttpRequest, task_id: UUID) -> Task:
    couple, _ = api_couple(request)
    return selectors.task_for(couple, api_user(request), task_id)


@router.post("/tasks/{task_id}/take", response={200: TaskOut, **ERRORS})
def take(request: HttpRequest, task_id: UUID) -> Task:
    """Take a task off your partner's plate."""
    services.take_on(task := _task(request, task_id), api_user(request))
    return task


@router.put("/tasks/{task_id}/done", response={200: TaskOut, **ERRORS})
def task_done(request: HttpRequest, task_id: UUID, data: DoneIn) -> Task:
    services.set_task_done(task := _task(request, task_id), api_user(request), data.done)
    return task


@router.delete("/tasks/{task_id}", response={204: None, **ERRORS})
def remove_task(request: HttpRequest, task_id: UUID) -> Status[None]:
    services.remove_task(_task(request, task_id), api_user(request))
    return Status(204, None)


@router.post("/{dream_id}/milestones", response={201: MilestoneOut, **ERRORS})
def add_milestone(request: HttpRequest, dream_id: UUID, data: MilestoneIn) -> Status[Milestone]:
    dream = _dream(request, dream_id)
    return Status(201, services.add_milestone(dream, api_user(request), data.title, data.target))


def _milestone(request: HttpRequest, milestone_id: UUID) -> Milestone:
    couple, _ = api_couple(request)
    return selectors.milestone_for(couple, api_user(request), milestone_id)


@router.post("/milestones/{milestone_id}/reached", response={200: MilestoneOut, **ERRORS})
def reached(request: HttpRequest, milestone_id: UUID, data: NewsIn) -> Milestone:
    """Mark your milestone reached; on a shared dream your partner is invited to celebrate."""
    _, partner = api_couple(request)
    milestone = _milestone(request, milestone_id)
    services.reach_milestone(milestone, api_user(request), partner, data.news)
    return milestone


@router.delete("/milestones/{milestone_id}", response={204: None, **ERRORS})
def remove_milestone(request: HttpRequest, milestone_id: UUID) -> Status[None]:
    services.remove_milestone(_milestone(request, milestone_id), api_user(request))
    return Status(204, None)


@router.post("/milestones/{milestone_id}/celebration/coach", response={200: FeedbackOut, **ERRORS})
def celebration_coach(
    request: HttpRequest, milestone_id: UUID, data: MessageIn
) -> feedback.Feedback:
    """The coach's private reading of a draft celebration, against the good news. Not stored."""
    news = selectors.good_news(_milestone(request, milestone_id))
    empty = "Write your answer first."
    return feedback.check(api_user(request), data.message, news, field="message", empty=empty)


@router.put("/milestones/{milestone_id}/celebration", response={200: MilestoneOut, **ERRORS})
def celebrate(request: HttpRequest, milestone_id: UUID, data: MessageIn) -> Milestone:
    """Answer your partner's reached milestone; they are told."""
    services.celebrate(_milestone(request, milestone_id), api_user(request), data.message)
    return _milestone(request, milestone_id)

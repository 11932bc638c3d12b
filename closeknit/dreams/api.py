"""Dreams in the JSON API: the same selectors (privacy rule) and services as the pages."""

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS, ErrorOut
from closeknit.coaching import feedback
from closeknit.coaching.api import FeedbackOut
from closeknit.couples.access import get_for_couple
from closeknit.dreams import selectors, services
from closeknit.dreams.models import Dream, Milestone, Task
from closeknit.dreams.services import DreamError
from closeknit.lib.errors import Invalid

router = Router(tags=["dreams"])

Kind = Literal["dream", "goal"]
Visibility = Literal["private", "shared"]
DreamStatus = Literal["active", "reached", "set_aside"]
Text = Field(..., min_length=1, max_length=4000)


class PledgeOut(Schema):
    supporter: str
    mine: bool
    message: str
    updated: datetime


class TaskOut(Schema):
    id: UUID
    title: str
    taken_by: Literal["me", "partner"] | None
    done: bool


class CelebrationOut(Schema):
    mine: bool
    message: str
    created: datetime


class MilestoneOut(Schema):
    id: UUID
    dream: UUID
    title: str
    target: date | None
    reached_at: datetime | None
    news: str
    celebration: CelebrationOut | None


class DreamOut(Schema):
    id: UUID
    mine: bool
    author: str
    kind: Kind
    visibility: Visibility
    status: DreamStatus
    title: str
    details: str
    created: datetime


class DreamDetailOut(DreamOut):
    pledges: list[PledgeOut]
    tasks: list[TaskOut]
    milestones: list[MilestoneOut]


class DreamIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    details: str = Field("", max_length=4000)
    kind: Kind = "dream"
    visibility: Visibility = "private"


class DreamPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    details: str | None = Field(None, max_length=4000)
    kind: Kind | None = None
    visibility: Visibility | None = None
    status: DreamStatus | None = None


class MessageIn(Schema):
    message: str = Text


class TitleIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)


class MilestoneIn(TitleIn):
    target: date | None = None


class NewsIn(Schema):
    news: str = Field("", max_length=4000)


class DoneIn(Schema):
    done: bool


def _dream_fields(dream: Dream, viewer: User) -> dict[str, Any]:
    return {
        "id": dream.pk,
        "mine": dream.author_id == viewer.pk,
        "author": str(dream.author),
        "kind": dream.kind,
        "visibility": dream.visibility,
        "status": dream.status,
        "title": dream.title,
        "details": dream.details,
        "created": dream.created,
    }


def _milestone_out(m: Milestone, viewer: User) -> MilestoneOut:
    c = getattr(m, "celebration", None)
    celebration = None
    if c is not None:
        celebration = CelebrationOut(
            mine=c.author_id == viewer.pk, message=c.message, created=c.created
        )
    return MilestoneOut(
        id=m.pk,
        dream=m.dream_id,
        title=m.title,
        target=m.target,
        reached_at=m.reached_at,
        news=m.news,
        celebration=celebration,
    )


def _task_out(task: Task, viewer: User) -> TaskOut:
    taken = (
        None if task.taken_by_id is None else "me" if task.taken_by_id == viewer.pk else "partner"
    )
    return TaskOut(id=task.pk, title=task.title, taken_by=taken, done=task.done_at is not None)  # type: ignore[arg-type]


def detail_out(dream: Dream, viewer: User) -> DreamDetailOut:
    return DreamDetailOut(
        **_dream_fields(dream, viewer),
        pledges=[
            PledgeOut(
                supporter=str(p.supporter),
                mine=p.supporter_id == viewer.pk,
                message=p.message,
                updated=p.updated,
            )
            for p in dream.pledges.all()
        ],
        tasks=[_task_out(t, viewer) for t in dream.tasks.all()],
        milestones=[_milestone_out(m, viewer) for m in dream.milestones.all()],
    )


def _viewer(request: HttpRequest) -> tuple[Any, User, User]:
    couple, partner = api_couple(request)
    return couple, api_user(request), partner


def _detail(request: HttpRequest, dream_id: UUID) -> DreamDetailOut:
    couple, user, _ = _viewer(request)
    return detail_out(selectors.dream_with_everything(couple, user, dream_id), user)


def _conflict(exc: DreamError) -> HttpError:
    return HttpError(409, str(exc))


@router.get("", response={200: list[DreamOut], 403: ErrorOut})
def dreams(request: HttpRequest) -> list[DreamOut]:
    """Your dreams and goals (private and shared) and your partner's shared ones."""
    couple, user, _ = _viewer(request)
    mine, theirs = selectors.dreams_by_owner(couple, user)
    return [DreamOut(**_dream_fields(d, user)) for d in mine + theirs]


@router.post("", response={201: DreamDetailOut, 403: ErrorOut})
def create(request: HttpRequest, data: DreamIn) -> Status[DreamDetailOut]:
    couple, user, _ = _viewer(request)
    dream = services.create_dream(couple, user, **data.dict())
    return Status(201, _detail(request, dream.pk))


@router.get("/celebrations/waiting", response={200: list[MilestoneOut], 403: ErrorOut})
def waiting(request: HttpRequest) -> list[MilestoneOut]:
    """Milestones your partner reached that you haven't celebrated yet."""
    couple, user, _ = _viewer(request)
    return [_milestone_out(m, user) for m in selectors.celebrations_waiting(couple, user)]


@router.get("/{dream_id}", response={200: DreamDetailOut, 403: ErrorOut, 404: ErrorOut})
def detail(request: HttpRequest, dream_id: UUID) -> DreamDetailOut:
    """One dream with its pledges, tasks and milestones (404 for a partner's private dream)."""
    return _detail(request, dream_id)


def _own(request: HttpRequest, dream_id: UUID) -> tuple[Dream, User]:
    couple, user, _ = _viewer(request)
    own = selectors.visible_dreams(couple, user).filter(author=user)
    return get_for_couple(own, couple, pk=dream_id), user


@router.patch("/{dream_id}", response={200: DreamDetailOut, 403: ErrorOut, 404: ErrorOut})
def update(request: HttpRequest, dream_id: UUID, data: DreamPatch) -> DreamDetailOut:
    """Change your own dream (making it private hides it from your partner again)."""
    dream, user = _own(request, dream_id)
    services.update_dream(dream, user, **data.dict(exclude_none=True))
    return _detail(request, dream_id)


@router.delete("/{dream_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def delete(request: HttpRequest, dream_id: UUID) -> Status[None]:
    dream, user = _own(request, dream_id)
    services.delete_dream(dream, user)
    return Status(204, None)


@router.put(
    "/{dream_id}/pledge",
    response={200: DreamDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def pledge(request: HttpRequest, dream_id: UUID, data: MessageIn) -> DreamDetailOut:
    """Pledge support for your partner's shared dream (or change your pledge)."""
    couple, user, _ = _viewer(request)
    try:
        services.pledge(selectors.dream_for(couple, user, dream_id), user, data.message)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return _detail(request, dream_id)


@router.delete("/{dream_id}/pledge", response={204: None, 403: ErrorOut, 404: ErrorOut})
def withdraw(request: HttpRequest, dream_id: UUID) -> Status[None]:
    couple, user, _ = _viewer(request)
    services.withdraw_pledge(selectors.dream_for(couple, user, dream_id), user)
    return Status(204, None)


@router.post(
    "/{dream_id}/tasks", response={201: TaskOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def add_task(request: HttpRequest, dream_id: UUID, data: TitleIn) -> Status[TaskOut]:
    """The dreamer lists something that takes their time; the partner adds one they take on."""
    couple, user, _ = _viewer(request)
    dream = selectors.dream_for(couple, user, dream_id)
    try:
        task = services.add_task(dream, user, data.title, take_on=dream.author_id != user.pk)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return Status(201, _task_out(task, user))


def _task(request: HttpRequest, task_id: UUID) -> tuple[Task, User]:
    couple, user, _ = _viewer(request)
    return selectors.task_for(couple, user, task_id), user


@router.post(
    "/tasks/{task_id}/take", response={200: TaskOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def take(request: HttpRequest, task_id: UUID) -> TaskOut:
    """Take a task off your partner's plate."""
    task, user = _task(request, task_id)
    try:
        services.take_on(task, user)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return _task_out(task, user)


@router.put(
    "/tasks/{task_id}/done", response={200: TaskOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def task_done(request: HttpRequest, task_id: UUID, data: DoneIn) -> TaskOut:
    task, user = _task(request, task_id)
    try:
        services.set_task_done(task, user, data.done)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return _task_out(task, user)


@router.delete(
    "/tasks/{task_id}", response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def remove_task(request: HttpRequest, task_id: UUID) -> Status[None]:
    task, user = _task(request, task_id)
    try:
        services.remove_task(task, user)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return Status(204, None)


@router.post(
    "/{dream_id}/milestones",
    response={201: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def add_milestone(request: HttpRequest, dream_id: UUID, data: MilestoneIn) -> Status[MilestoneOut]:
    couple, user, _ = _viewer(request)
    dream = selectors.dream_for(couple, user, dream_id)
    try:
        milestone = services.add_milestone(dream, user, data.title, data.target)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return Status(201, _milestone_out(milestone, user))


def _milestone(request: HttpRequest, milestone_id: UUID) -> tuple[Milestone, User, User]:
    couple, user, partner = _viewer(request)
    return selectors.milestone_for(couple, user, milestone_id), user, partner


@router.post(
    "/milestones/{milestone_id}/reached",
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def reached(request: HttpRequest, milestone_id: UUID, data: NewsIn) -> MilestoneOut:
    """Mark your milestone reached; on a shared dream your partner is invited to celebrate."""
    milestone, user, partner = _milestone(request, milestone_id)
    try:
        services.reach_milestone(milestone, user, partner, data.news)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return _milestone_out(milestone, user)


@router.delete(
    "/milestones/{milestone_id}", response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def remove_milestone(request: HttpRequest, milestone_id: UUID) -> Status[None]:
    milestone, user, _ = _milestone(request, milestone_id)
    try:
        services.remove_milestone(milestone, user)
    except DreamError as exc:
        raise _conflict(exc) from exc
    return Status(204, None)


@router.post(
    "/milestones/{milestone_id}/celebration/coach",
    response={200: FeedbackOut, **ERRORS},
)
def celebration_coach(
    request: HttpRequest, milestone_id: UUID, data: MessageIn
) -> feedback.Feedback:
    """The coach's private reading of a draft celebration, against the good news. Not stored."""
    milestone, user, _ = _milestone(request, milestone_id)
    news = selectors.good_news(milestone)
    found = feedback.read(user, data.message, news, field="message")
    if found is None:
        raise Invalid("Write your answer first.", field="message")
    return found


@router.put(
    "/milestones/{milestone_id}/celebration",
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def celebrate(request: HttpRequest, milestone_id: UUID, data: MessageIn) -> MilestoneOut:
    """Answer your partner's reached milestone; they are told."""
    milestone, user, _ = _milestone(request, milestone_id)
    try:
        services.celebrate(milestone, user, data.message)
    except DreamError as exc:
        raise _conflict(exc) from exc
    milestone, _, _ = _milestone(request, milestone_id)
    return _milestone_out(milestone, user)

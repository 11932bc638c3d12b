"""Intentions for API clients: the same selectors and services as the pages.

The API root serves this router under /api/v1/checkin/, where intentions were
published before they had their own app.
"""

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.intentions import selectors, services
from closeknit.intentions.models import Intention

router = Router()


class IntentionIn(Schema):
    want: str
    willing: str


class IntentionOut(Schema):
    id: UUID
    mine: bool
    author: str
    want: str
    willing: str
    created: datetime
    reviewed_at: datetime | None


class IntentionsOut(Schema):
    mine: IntentionOut | None
    theirs: IntentionOut | None
    history: list[IntentionOut]


def maybe_intention(i: Intention | None, viewer: User, partner: User) -> IntentionOut | None:
    return None if i is None else intention_out(i, viewer, partner)


def intention_out(i: Intention, viewer: User, partner: User) -> IntentionOut:
    mine = i.author_id == viewer.id
    return IntentionOut(
        id=i.id,
        mine=mine,
        author=str(viewer if mine else partner),
        want=i.want,
        willing=i.willing,
        created=i.created,
        reviewed_at=i.reviewed_at,
    )


@router.get("/intentions", response={200: IntentionsOut, 403: ErrorOut})
def get_intentions(request: HttpRequest) -> IntentionsOut:
    """Both partners' current intentions (shared) and the history, newest first."""
    couple, partner = api_couple(request)
    user = api_user(request)
    found = selectors.intentions(couple, user)
    return IntentionsOut(
        mine=maybe_intention(found.mine, user, partner),
        theirs=maybe_intention(found.theirs, user, partner),
        history=[intention_out(i, user, partner) for i in found.history],
    )


@router.post("/intentions", response={201: IntentionOut, 400: ErrorOut, 403: ErrorOut})
def create_intention(request: HttpRequest, data: IntentionIn) -> Status[IntentionOut]:
    """Write a new version of your intentions (earlier ones stay in the history)."""
    couple, partner = api_couple(request)
    user = api_user(request)
    try:
        intention = services.write_intention(couple, user, want=data.want, willing=data.willing)
    except services.IntentionError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, intention_out(intention, user, partner))


@router.post("/intentions/still-true", response={200: IntentionOut, 400: ErrorOut, 403: ErrorOut})
def confirm_intention(request: HttpRequest) -> IntentionOut:
    """Mark your current intentions as revisited, unchanged."""
    couple, partner = api_couple(request)
    user = api_user(request)
    try:
        intention = services.confirm_intention(couple, user)
    except services.IntentionError as exc:
        raise HttpError(400, str(exc)) from exc
    return intention_out(intention, user, partner)

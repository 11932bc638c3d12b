"""The support signal for API clients: the same selectors and services as the pages.

The API root serves this router under /api/v1/checkin/, where the signal was
published before it had its own app.
"""

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user, limit
from closeknit.api.errors import ErrorOut
from closeknit.couples.access import get_for_couple
from closeknit.support import selectors, services
from closeknit.support.models import SupportSignal

router = Router()


class SupportIn(Schema):
    kind: str
    note: str = ""


class SupportAnswerIn(Schema):
    offer: str
    note: str = ""


class SupportOut(Schema):
    id: UUID
    mine: bool
    kind: str
    kind_label: str
    note: str
    created: datetime
    answered_at: datetime | None
    offer: str
    offer_label: str
    answer_note: str
    closed_at: datetime | None


def support_out(signal: SupportSignal, viewer: User) -> SupportOut:
    return SupportOut(
        id=signal.id,
        mine=signal.author_id == viewer.id,
        kind=signal.kind,
        kind_label=signal.get_kind_display(),
        note=signal.note,
        created=signal.created,
        answered_at=signal.answered_at,
        offer=signal.offer,
        offer_label=signal.get_offer_display() if signal.offer else "",
        answer_note=signal.answer_note,
        closed_at=signal.closed_at,
    )


@router.get("/support", response={200: list[SupportOut], 403: ErrorOut})
def list_support(request: HttpRequest) -> list[SupportOut]:
    couple, _ = api_couple(request)
    user = api_user(request)
    return [support_out(s, user) for s in selectors.support_signals(couple)]


@router.post("/support", response={201: SupportOut, 400: ErrorOut, 403: ErrorOut, 429: ErrorOut})
def create_support(request: HttpRequest, data: SupportIn) -> Status[SupportOut]:
    """“I'm having a hard time”: your partner is told, gently, with no details in the notice."""
    limit(request, "support", "20/h")
    couple, partner = api_couple(request)
    user = api_user(request)
    try:
        signal = services.send_support(couple, user, partner, kind=data.kind, note=data.note)
    except services.SupportError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, support_out(signal, user))


@router.post(
    "/support/{signal_id}/answer",
    response={200: SupportOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def answer_support(request: HttpRequest, signal_id: UUID, data: SupportAnswerIn) -> SupportOut:
    """“I'm here”, with what you will do."""
    couple, _ = api_couple(request)
    user = api_user(request)
    signal = get_for_couple(SupportSignal.objects.select_related("author"), couple, pk=signal_id)
    try:
        services.answer_support(signal, user, offer=data.offer, note=data.note)
    except services.SupportError as exc:
        raise HttpError(400, str(exc)) from exc
    return support_out(signal, user)


@router.post(
    "/support/{signal_id}/close",
    response={200: SupportOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def close_support(request: HttpRequest, signal_id: UUID) -> SupportOut:
    couple, _ = api_couple(request)
    user = api_user(request)
    signal = get_for_couple(SupportSignal, couple, pk=signal_id)
    try:
        services.close_support(signal, user)
    except services.SupportError as exc:
        raise HttpError(400, str(exc)) from exc
    return support_out(signal, user)

"""The support signal for API clients: declarations over the pages' selectors and services.

The API root serves this router under /api/v1/checkin/, where the signal was
published before it had its own app.
"""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Status

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.couples.access import get_for_couple
from closeknit.support import selectors, services
from closeknit.support.models import SupportSignal
from closeknit.support.schemas import (
    SupportAnswerIn,
    SupportIn,
    SupportOut,
)

router = Router()


@router.get("/support", response={200: list[SupportOut], **ERRORS})
def list_support(request: HttpRequest) -> list[SupportSignal]:
    couple, _ = api_couple(request)
    return selectors.support_signals(couple)


@router.post("/support", response={201: SupportOut, **ERRORS})
def create_support(request: HttpRequest, data: SupportIn) -> Status[SupportSignal]:
    """“I'm having a hard time”: your partner is told, gently, with no details in the notice."""
    couple, partner = api_couple(request)
    signal = services.send_support(couple, api_user(request), partner, **data.dict())
    return Status(201, signal)


def _signal(request: HttpRequest, signal_id: UUID) -> SupportSignal:
    couple, _ = api_couple(request)
    return get_for_couple(SupportSignal.objects.select_related("author"), couple, pk=signal_id)


@router.post("/support/{signal_id}/answer", response={200: SupportOut, **ERRORS})
def answer_support(request: HttpRequest, signal_id: UUID, data: SupportAnswerIn) -> SupportSignal:
    """“I'm here”, with what you will do."""
    signal = _signal(request, signal_id)
    services.answer_support(signal, api_user(request), **data.dict())
    return signal


@router.post("/support/{signal_id}/close", response={200: SupportOut, **ERRORS})
def close_support(request: HttpRequest, signal_id: UUID) -> SupportSignal:
    signal = _signal(request, signal_id)
    services.close_support(signal, api_user(request))
    return signal

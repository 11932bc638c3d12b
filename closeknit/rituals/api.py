"""Rituals in the JSON API: declarations over the pages' selectors and services.

The API root serves this router under /api/v1/dates/, where rituals were
published before they had their own app.
"""

from datetime import date
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.couples.access import get_for_couple
from closeknit.rituals import selectors, services
from closeknit.rituals.models import CoupleRitual, Ritual
from closeknit.rituals.schemas import (
    RitualIn,
    RitualOut,
    RitualWeekOut,
    SuggestionOut,
)
from closeknit.rituals.selectors import RitualWeek, Week

router = Router()


@router.get("/rituals/suggestions", response={200: list[SuggestionOut], **ERRORS})
def ritual_suggestions(request: HttpRequest) -> QuerySet[Ritual]:
    couple, _ = api_couple(request)
    return selectors.suggested_rituals(couple)


@router.get("/rituals", response={200: RitualWeekOut, **ERRORS})
def rituals(request: HttpRequest, week: date | None = None) -> Week:
    """Your rituals and the days of one week (Monday to Sunday) they were done."""
    couple, _ = api_couple(request)
    return selectors.whole_week(couple, week)


@router.post("/rituals", response={201: RitualOut, **ERRORS})
def add_ritual(request: HttpRequest, data: RitualIn) -> Status[RitualWeek]:
    """Choose a suggested ritual (by id) or add your own (a title)."""
    couple, _ = api_couple(request)
    ritual = services.add_ritual(couple, api_user(request), **data.dict())
    return Status(201, RitualWeek.of(ritual))


@router.delete("/rituals/{ritual_id}", response={204: None, **ERRORS})
def remove_ritual(request: HttpRequest, ritual_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    services.remove_ritual(get_for_couple(CoupleRitual, couple, pk=ritual_id))
    return Status(204, None)


def _mark(request: HttpRequest, ritual_id: UUID, day: date, done: bool) -> Status[None]:
    couple, _ = api_couple(request)
    ritual = get_for_couple(CoupleRitual, couple, pk=ritual_id)
    services.set_ritual_done(couple, ritual, api_user(request), day, done)
    return Status(204, None)


@router.put("/rituals/{ritual_id}/days/{day}", response={204: None, **ERRORS})
def mark_done(request: HttpRequest, ritual_id: UUID, day: date) -> Status[None]:
    """Mark a ritual done on a day (yours to mark up to two weeks back)."""
    return _mark(request, ritual_id, day, True)


@router.delete("/rituals/{ritual_id}/days/{day}", response={204: None, **ERRORS})
def unmark_done(request: HttpRequest, ritual_id: UUID, day: date) -> Status[None]:
    return _mark(request, ritual_id, day, False)

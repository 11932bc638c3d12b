"""Rituals in the JSON API: the same selectors and services as the pages.

The API root serves this router under /api/v1/dates/, where rituals were
published before they had their own app.
"""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.couples.access import get_for_couple
from closeknit.rituals import selectors, services
from closeknit.rituals.models import CoupleRitual, Ritual
from closeknit.rituals.services import RitualError

router = Router()


class RitualOut(Schema):
    id: UUID
    title: str
    description: str
    when: str
    suggestion: UUID | None
    days_done: list[date] = Field(description="days of the requested week it was done")


class SuggestionOut(Schema):
    id: UUID
    key: str
    title: str
    description: str
    when: str
    chosen: bool


class RitualIn(Schema):
    suggestion: UUID | None = Field(None, description="a suggestion's id; or give a title")
    title: str = Field("", max_length=120)
    when: str = Field("", max_length=120)
    description: str = Field("", max_length=1000)


class RitualWeekOut(Schema):
    days: list[date]
    rituals: list[RitualOut]


def _ritual_out(ritual: CoupleRitual) -> RitualOut:
    return RitualOut(
        id=ritual.pk,
        title=ritual.title,
        description=ritual.description,
        when=ritual.when,
        suggestion=ritual.source_id,
        days_done=sorted(getattr(ritual, "days", set())),
    )


@router.get("/rituals/suggestions", response={200: list[SuggestionOut], 403: ErrorOut})
def ritual_suggestions(request: HttpRequest) -> list[SuggestionOut]:
    couple, _ = api_couple(request)
    return [
        SuggestionOut(
            id=r.pk,
            key=r.key,
            title=r.title,
            description=r.description,
            when=r.when,
            chosen=getattr(r, "chosen", False),
        )
        for r in selectors.suggested_rituals(couple)
    ]


@router.get("/rituals", response={200: RitualWeekOut, 403: ErrorOut})
def rituals(request: HttpRequest, week: date | None = None) -> RitualWeekOut:
    """Your rituals and the days of one week (Monday to Sunday) they were done."""
    couple, _ = api_couple(request)
    days = selectors.week_days(couple, week)
    found = selectors.rituals_with_marks(couple, days[0], days[-1])
    return RitualWeekOut(days=days, rituals=[_ritual_out(r) for r in found])


@router.post("/rituals", response={201: RitualOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def add_ritual(request: HttpRequest, data: RitualIn) -> Status[RitualOut]:
    """Choose a suggested ritual (by id) or add your own (a title)."""
    couple, _ = api_couple(request)
    user = api_user(request)
    if data.suggestion:
        suggestion = Ritual.objects.filter(pk=data.suggestion).first()
        if suggestion is None:
            raise HttpError(404, "There's no such suggestion.")
        return Status(201, _ritual_out(services.choose_ritual(couple, user, suggestion)))
    if not data.title.strip():
        raise HttpError(400, "Give your ritual a title, or choose a suggestion.")
    ritual = services.add_own_ritual(
        couple, user, title=data.title.strip(), when=data.when, description=data.description
    )
    return Status(201, _ritual_out(ritual))


@router.delete("/rituals/{ritual_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def remove_ritual(request: HttpRequest, ritual_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    services.remove_ritual(get_for_couple(CoupleRitual, couple, pk=ritual_id))
    return Status(204, None)


def _mark(request: HttpRequest, ritual_id: UUID, day: date, done: bool) -> Status[None]:
    couple, _ = api_couple(request)
    ritual = get_for_couple(CoupleRitual, couple, pk=ritual_id)
    try:
        services.set_ritual_done(couple, ritual, api_user(request), day, done)
    except RitualError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(204, None)


@router.put(
    "/rituals/{ritual_id}/days/{day}",
    response={204: None, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def mark_done(request: HttpRequest, ritual_id: UUID, day: date) -> Status[None]:
    """Mark a ritual done on a day (yours to mark up to two weeks back)."""
    return _mark(request, ritual_id, day, True)


@router.delete(
    "/rituals/{ritual_id}/days/{day}",
    response={204: None, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def unmark_done(request: HttpRequest, ritual_id: UUID, day: date) -> Status[None]:
    return _mark(request, ritual_id, day, False)

"""Appreciations, the gratitude journal and the tally for API clients: declarations.

The journal and the tally are private: every operation only ever reaches the
caller's own entries (another person's id is a 404).
"""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.api.paging import NumberedPages, Pages
from closeknit.appreciate import selectors, services
from closeknit.appreciate.hints import Hint
from closeknit.appreciate.models import (
    Appreciation,
    JournalEntry,
    TallyMark,
)
from closeknit.appreciate.schemas import (
    AppreciationIn,
    AppreciationOut,
    AppreciationReactionIn,
    HintOut,
    JournalIn,
    JournalOut,
    TallyIn,
    TallyMarkOut,
    TallyOut,
)
from closeknit.couples.access import get_for_couple

router = Router(tags=["appreciate"])


@router.get("/appreciations", response={200: list[AppreciationOut], **ERRORS})
@paginate(NumberedPages)
def list_appreciations(request: HttpRequest) -> QuerySet[Appreciation]:
    """The appreciation wall, newest first, 20 a page."""
    couple, _ = api_couple(request)
    return selectors.wall(couple)


@router.post("/appreciations", response={201: AppreciationOut, **ERRORS})
def send_appreciation(request: HttpRequest, data: AppreciationIn) -> Status[Appreciation]:
    """Send an appreciation; your partner is told (with no content in the notice)."""
    couple, partner = api_couple(request)
    sent = services.send_appreciation(couple, api_user(request), partner, **data.dict())
    return Status(201, sent)


@router.get("/appreciations/{appreciation_id}", response={200: AppreciationOut, **ERRORS})
def get_appreciation(request: HttpRequest, appreciation_id: UUID) -> Appreciation:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.wall(couple), couple, pk=appreciation_id)


@router.put("/appreciations/{appreciation_id}/reaction", response={200: AppreciationOut, **ERRORS})
def react(
    request: HttpRequest, appreciation_id: UUID, data: AppreciationReactionIn
) -> Appreciation:
    """React to an appreciation you received."""
    couple, _ = api_couple(request)
    appreciation = get_for_couple(selectors.wall(couple), couple, pk=appreciation_id)
    services.react(appreciation, api_user(request), data.reaction)
    return appreciation


@router.post("/coach", response={200: list[HintOut], **ERRORS})
def coach(request: HttpRequest, data: AppreciationIn) -> list[Hint]:
    """The appreciation coach's private hints for a draft. Nothing is sent or kept."""
    _, partner = api_couple(request)
    return services.coach_draft(api_user(request), partner, **data.dict())


@router.get("/journal", response={200: list[JournalOut], **ERRORS})
@paginate(Pages)
def list_journal(request: HttpRequest) -> QuerySet[JournalEntry]:
    """Your private gratitude journal (only yours), newest first, 20 a page."""
    couple, _ = api_couple(request)
    return selectors.journal(couple, api_user(request))


@router.post("/journal", response={201: JournalOut, **ERRORS})
def write_journal(request: HttpRequest, data: JournalIn) -> Status[JournalEntry]:
    couple, _ = api_couple(request)
    return Status(201, services.write_journal(couple, api_user(request), data.text))


@router.delete("/journal/{entry_id}", response={204: None, **ERRORS})
def delete_journal(request: HttpRequest, entry_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    get_for_couple(selectors.journal(couple, api_user(request)), couple, pk=entry_id).delete()
    return Status(204, None)


@router.get("/tally", response={200: TallyOut, **ERRORS})
def get_tally(request: HttpRequest, weeks: int = 8) -> selectors.Tally:
    """What you logged, per week, oldest first (only yours)."""
    couple, _ = api_couple(request)
    return selectors.tally(couple, api_user(request), weeks)


@router.post("/tally", response={201: TallyMarkOut, **ERRORS})
def log_tally(request: HttpRequest, data: TallyIn) -> Status[TallyMark]:
    couple, _ = api_couple(request)
    return Status(201, services.log_tally(couple, api_user(request), data.kind))


@router.delete("/tally/{mark_id}", response={204: None, **ERRORS})
def delete_tally(request: HttpRequest, mark_id: UUID) -> Status[None]:
    """Take a mark back."""
    couple, _ = api_couple(request)
    get_for_couple(selectors.tally_marks(couple, api_user(request)), couple, pk=mark_id).delete()
    return Status(204, None)

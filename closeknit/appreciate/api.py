"""Appreciations, the gratitude journal and the tally, for API clients.

The journal and the tally are private: every operation only ever reaches the
caller's own entries (another person's id is a 404).
"""

from datetime import date, datetime
from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user, limit
from closeknit.appreciate import hints, selectors, services
from closeknit.appreciate.models import REACTIONS, Appreciation, JournalEntry
from closeknit.couples.access import get_for_couple
from closeknit.couples.api import ErrorOut

router = Router(tags=["appreciate"])
PER_PAGE = 20


class AppreciationIn(Schema):
    did: str = Field(description="What you did (one specific moment).")
    felt: str = Field(description="How it affected me.")
    shows: str = Field(description="What it shows about you (praise the person).")


class AppreciationOut(Schema):
    id: UUID
    from_me: bool
    author: str
    did: str
    felt: str
    shows: str
    created: datetime
    reaction: str
    reaction_label: str


class AppreciationPage(Schema):
    items: list[AppreciationOut]
    page: int
    pages: int


class AppreciationReactionIn(Schema):
    reaction: str = Field(
        description=f"One of {', '.join(dict(REACTIONS))}, or '' to take it back."
    )


class HintOut(Schema):
    part: str
    good: bool
    message: str
    example: str


class JournalIn(Schema):
    text: str


class JournalOut(Schema):
    id: UUID
    text: str
    created: datetime


class TallyIn(Schema):
    kind: str = Field(description="appreciation or complaint")


class TallyMarkOut(Schema):
    id: UUID
    kind: str
    day: date


class TallyWeekOut(Schema):
    week: date
    appreciations: int
    complaints: int


class TallyOut(Schema):
    note: str = "A tally of what you logged; not a measure of your relationship."
    weeks: list[TallyWeekOut]


def appreciation_out(a: Appreciation, viewer: User, partner: User) -> AppreciationOut:
    mine = a.author_id == viewer.id
    return AppreciationOut(
        id=a.id,
        from_me=mine,
        author=str(viewer if mine else partner),
        did=a.did,
        felt=a.felt,
        shows=a.shows,
        created=a.created,
        reaction=a.reaction,
        reaction_label=a.get_reaction_display() if a.reaction else "",
    )


def journal_out(e: JournalEntry) -> JournalOut:
    return JournalOut(id=e.id, text=e.text, created=e.created)


@router.get("/appreciations", response={200: AppreciationPage, 403: ErrorOut})
def list_appreciations(request: HttpRequest, page: int = 1) -> AppreciationPage:
    """The appreciation wall, newest first, 20 a page."""
    couple, partner = api_couple(request)
    user = api_user(request)
    found = Paginator(selectors.wall(couple), PER_PAGE).get_page(page)
    return AppreciationPage(
        items=[appreciation_out(a, user, partner) for a in found],
        page=found.number,
        pages=found.paginator.num_pages,
    )


@router.post(
    "/appreciations", response={201: AppreciationOut, 400: ErrorOut, 403: ErrorOut, 429: ErrorOut}
)
def send_appreciation(request: HttpRequest, data: AppreciationIn) -> Status[AppreciationOut]:
    """Send an appreciation; your partner is told (with no content in the notice)."""
    limit(request, "appreciations", "60/h")
    couple, partner = api_couple(request)
    user = api_user(request)
    try:
        a = services.send_appreciation(couple, user, partner, **data.dict())
    except services.AppreciateError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, appreciation_out(a, user, partner))


@router.get(
    "/appreciations/{appreciation_id}",
    response={200: AppreciationOut, 403: ErrorOut, 404: ErrorOut},
)
def get_appreciation(request: HttpRequest, appreciation_id: UUID) -> AppreciationOut:
    couple, partner = api_couple(request)
    a = get_for_couple(Appreciation, couple, pk=appreciation_id)
    return appreciation_out(a, api_user(request), partner)


@router.put(
    "/appreciations/{appreciation_id}/reaction",
    response={200: AppreciationOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def react(
    request: HttpRequest, appreciation_id: UUID, data: AppreciationReactionIn
) -> AppreciationOut:
    """React to an appreciation you received."""
    couple, partner = api_couple(request)
    user = api_user(request)
    a = get_for_couple(Appreciation, couple, pk=appreciation_id)
    try:
        services.react(a, user, data.reaction)
    except services.AppreciateError as exc:
        raise HttpError(400, str(exc)) from exc
    return appreciation_out(a, user, partner)


@router.post("/coach", response={200: list[HintOut], 403: ErrorOut, 429: ErrorOut})
def coach(request: HttpRequest, data: AppreciationIn) -> list[HintOut]:
    """The appreciation coach's private hints for a draft. Nothing is sent or kept."""
    limit(request, "appreciation-coach", "90/m")
    _, partner = api_couple(request)
    found = hints.hints(data.did, data.felt, data.shows, str(partner))
    return [HintOut(part=h.part, good=h.good, message=h.message, example=h.example) for h in found]


@router.get("/journal", response={200: list[JournalOut], 403: ErrorOut})
def list_journal(request: HttpRequest, page: int = 1) -> list[JournalOut]:
    """Your private gratitude journal (only yours), newest first."""
    couple, _ = api_couple(request)
    entries = selectors.journal(couple, api_user(request))
    return [journal_out(e) for e in Paginator(entries, PER_PAGE).get_page(page)]


@router.post("/journal", response={201: JournalOut, 400: ErrorOut, 403: ErrorOut})
def write_journal(request: HttpRequest, data: JournalIn) -> Status[JournalOut]:
    couple, _ = api_couple(request)
    try:
        entry = services.write_journal(couple, api_user(request), data.text)
    except services.AppreciateError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, journal_out(entry))


@router.delete("/journal/{entry_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def delete_journal(request: HttpRequest, entry_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    get_for_couple(selectors.journal(couple, api_user(request)), couple, pk=entry_id).delete()
    return Status(204, None)


@router.get("/tally", response={200: TallyOut, 403: ErrorOut})
def get_tally(request: HttpRequest, weeks: int = 8) -> TallyOut:
    """What you logged, per week, oldest first (only yours)."""
    couple, _ = api_couple(request)
    found = selectors.tally_weeks(couple, api_user(request), max(1, min(weeks, 52)))
    return TallyOut(
        weeks=[
            TallyWeekOut(week=w.week, appreciations=w.appreciations, complaints=w.complaints)
            for w in found
        ]
    )


@router.post("/tally", response={201: TallyMarkOut, 400: ErrorOut, 403: ErrorOut})
def log_tally(request: HttpRequest, data: TallyIn) -> Status[TallyMarkOut]:
    couple, _ = api_couple(request)
    try:
        mark = services.log_tally(couple, api_user(request), data.kind)
    except services.AppreciateError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, TallyMarkOut(id=mark.id, kind=mark.kind, day=mark.day))


@router.delete("/tally/{mark_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def delete_tally(request: HttpRequest, mark_id: UUID) -> Status[None]:
    """Take a mark back."""
    couple, _ = api_couple(request)
    get_for_couple(selectors.tally_marks(couple, api_user(request)), couple, pk=mark_id).delete()
    return Status(204, None)

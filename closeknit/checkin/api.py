"""The weekly check-in, for API clients.

Check-ins are sealed like on the web: a partner's check-in for a week is
only returned once the caller has checked in for that week too.
"""

from datetime import date, datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user, limit
from closeknit.api.errors import ErrorOut
from closeknit.checkin import content, scoring, selectors, services
from closeknit.checkin.models import NEEDS, Checkin

router = Router(tags=["checkin"])


class CheckinItemOut(Schema):
    key: str
    text: str
    low: str
    high: str


class CheckinOut(Schema):
    id: UUID
    author: str
    mine: bool
    week: date
    closeness: int
    scores: dict[str, int]
    satisfaction: float | None
    mood: int
    mood_label: str
    needs: list[str]
    note: str
    created: datetime
    updated: datetime


class WeekOut(Schema):
    week: date
    mine: CheckinOut | None
    theirs: CheckinOut | None = Field(description="Null while sealed (until you check in).")
    partner_done: bool
    revealed: bool


class CheckinIn(Schema):
    closeness: int = Field(description="1 (apart) to 7 (almost one circle).")
    scores: dict[str, int] = Field(description="Every item's key (GET /checkin/items) -> 1-7.")
    mood: int = Field(description="1 heavy, 2 low, 3 steady, 4 good, 5 bright.")
    needs: list[str] = Field(default=[], description=f"Any of: {', '.join(dict(NEEDS))}.")
    note: str = ""


class TrendRowOut(Schema):
    week: date
    my_closeness: int | None
    their_closeness: int | None
    closeness_gap: float | None
    my_satisfaction: float | None
    their_satisfaction: float | None
    satisfaction_gap: float | None
    partner_sealed: bool


class TrendOut(Schema):
    rows: list[TrendRowOut]
    sustained_dip_me: bool
    sustained_dip_partner: bool
    low_this_week: bool
    resources_url: str = "/check-in/resources/"


class ResourcesOut(Schema):
    markdown: str


def checkin_out(entry: Checkin | None, viewer: User, partner: User) -> CheckinOut | None:
    if entry is None:
        return None
    mine = entry.author_id == viewer.id
    return CheckinOut(
        id=entry.id,
        author=str(viewer if mine else partner),
        mine=mine,
        week=entry.week,
        closeness=entry.closeness,
        scores=entry.scores,
        satisfaction=scoring.satisfaction(entry.scores),
        mood=entry.mood,
        mood_label=entry.get_mood_display(),
        needs=entry.needs,
        note=entry.note,
        created=entry.created,
        updated=entry.updated,
    )


def week_out(week: selectors.Week, viewer: User, partner: User) -> WeekOut:
    return WeekOut(
        week=week.week,
        mine=checkin_out(week.mine, viewer, partner),
        theirs=checkin_out(week.theirs, viewer, partner),
        partner_done=week.partner_done,
        revealed=week.revealed,
    )


@router.get("/items", response={200: list[CheckinItemOut], 403: ErrorOut})
def list_items(request: HttpRequest) -> list[CheckinItemOut]:
    """The satisfaction items (1-7, with their low and high anchors)."""
    api_couple(request)
    return [
        CheckinItemOut(key=i.key, text=i.text, low=i.low, high=i.high) for i in selectors.items()
    ]


@router.get("/week", response={200: WeekOut, 403: ErrorOut})
def get_week(request: HttpRequest) -> WeekOut:
    """This local week's check-ins: yours, and your partner's once yours is in."""
    couple, partner = api_couple(request)
    user = api_user(request)
    return week_out(selectors.week_for(couple, user), user, partner)


@router.put("/week", response={200: WeekOut, 400: ErrorOut, 403: ErrorOut, 429: ErrorOut})
def put_week(request: HttpRequest, data: CheckinIn) -> WeekOut:
    """Check in (or change this week's check-in)."""
    limit(request, "checkin", "30/m")
    couple, partner = api_couple(request)
    user = api_user(request)
    answers = data.dict()
    try:
        services.check_answers([i.key for i in selectors.items()], **answers)
    except services.CheckinError as exc:
        raise HttpError(400, str(exc)) from exc
    services.save_checkin(couple, user, partner, **answers)
    return week_out(selectors.week_for(couple, user), user, partner)


@router.get("/trend", response={200: TrendOut, 403: ErrorOut})
def get_trend(request: HttpRequest, weeks: int = 12) -> TrendOut:
    """Recent weeks for both of you (sealed weeks show only yours), and gentle flags."""
    couple, _ = api_couple(request)
    user = api_user(request)
    trend = selectors.trend(couple, user, weeks=max(1, min(weeks, 52)))
    current = trend.weeks[-1]
    return TrendOut(
        rows=[TrendRowOut(**row) for row in trend.rows],
        sustained_dip_me=trend.dip_me,
        sustained_dip_partner=trend.dip_partner,
        low_this_week=selectors.is_low(current.mine) or selectors.is_low(current.theirs),
    )


@router.get("/resources", response={200: ResourcesOut})
def get_resources(request: HttpRequest) -> ResourcesOut:
    """The support and resources page, as Markdown."""
    return ResourcesOut(markdown=content.resources_markdown())

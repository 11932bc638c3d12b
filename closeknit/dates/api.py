"""Dates, the idea bank and the calendar feed in the JSON API.

The same selectors and services as the pages; times come out on the reader's
clock with their offset, and a time sent without an offset is refused
(closeknit/api/times.py).
"""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.api.times import AwareDateTime
from closeknit.couples.access import get_for_couple
from closeknit.couples.models import Couple
from closeknit.dates import selectors, services
from closeknit.dates.models import CalendarFeed, DateIdea, DatePlan, DateRating
from closeknit.dates.services import DateError

router = Router(tags=["dates"])

# The same values as models.Category (a test keeps them in step).
CategoryIn = Literal[
    "at_home", "out", "outdoors", "low_cost", "new_to_both", "talk_centred", "playful"
]
Planner = Literal["me", "partner", "both"]
PAGE = 20


class IdeaOut(Schema):
    id: UUID
    key: str
    category: str
    title: str
    description: str
    done: bool = Field(description="the two of you have had this date already")


class RatingOut(Schema):
    stars: int
    memory: str


class DateOut(Schema):
    id: UUID
    title: str
    place: str
    starts_at: datetime
    duration: int = Field(description="minutes")
    status: Literal["proposed", "accepted", "cancelled"]
    planner: Planner
    proposed_by_me: bool = Field(description="who made the current proposal (or time)")
    awaits_me: bool = Field(description="true when you are the one to accept or move it")
    happened: bool
    idea: UUID | None
    mine: RatingOut | None
    partner: RatingOut | None = Field(description="null until you have rated it too")


class DateIn(Schema):
    title: str = Field(..., min_length=1, max_length=120)
    place: str = Field("", max_length=200)
    starts_at: AwareDateTime
    duration: int = Field(120, ge=15, le=1440)
    planner: Planner = "both"
    idea: UUID | None = None


class TimeIn(Schema):
    starts_at: AwareDateTime


class RatingIn(Schema):
    stars: int = Field(..., ge=1, le=5)
    memory: str = Field("", max_length=4000)


class MonthOut(Schema):
    month: date
    dates: int


class FeedOut(Schema):
    url: str | None = Field(description="your private .ics address; null when turned off")


def _planner(date_plan: DatePlan, viewer: User) -> str:
    if date_plan.planner_id is None:
        return "both"
    return "me" if date_plan.planner_id == viewer.pk else "partner"


def _rating(rating: DateRating | None) -> RatingOut | None:
    return RatingOut(stars=rating.stars, memory=rating.memory) if rating else None


def date_out(date_plan: DatePlan, viewer: User, couple: Couple) -> DateOut:
    ratings = selectors.visible_ratings(date_plan, viewer)
    return DateOut(
        id=date_plan.pk,
        title=date_plan.title,
        place=date_plan.place,
        starts_at=date_plan.starts_at,
        duration=date_plan.duration,
        status=date_plan.status,  # type: ignore[arg-type]
        planner=_planner(date_plan, viewer),  # type: ignore[arg-type]
        proposed_by_me=date_plan.proposed_by_id == viewer.pk,
        awaits_me=date_plan.awaits(viewer.pk),
        happened=date_plan.happened,
        idea=date_plan.idea_id,
        mine=_rating(ratings["mine"]),
        partner=_rating(ratings["theirs"]),
    )


def _bad(exc: DateError) -> HttpError:
    return HttpError(409, str(exc))


def _date(request: HttpRequest, date_id: UUID) -> tuple[DatePlan, Couple, User, User]:
    couple, partner = api_couple(request)
    date_plan = get_for_couple(
        selectors.dates(couple).prefetch_related("ratings"), couple, pk=date_id
    )
    return date_plan, couple, api_user(request), partner


@router.get("/plans", response={200: list[DateOut], 403: ErrorOut})
def upcoming(request: HttpRequest) -> list[DateOut]:
    """Dates still ahead (proposed or on), soonest first."""
    couple, _ = api_couple(request)
    plans = selectors.upcoming_dates(couple).prefetch_related("ratings")
    return [date_out(d, api_user(request), couple) for d in plans]


@router.post("/plans", response={201: DateOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut})
def propose(request: HttpRequest, data: DateIn) -> Status[DateOut]:
    """Propose a date; your partner is told and can accept or suggest another time."""
    couple, partner = api_couple(request)
    user = api_user(request)
    idea = DateIdea.objects.filter(pk=data.idea).first() if data.idea else None
    planner = {"me": user, "partner": partner, "both": None}[data.planner]
    try:
        date_plan = services.propose_date(
            couple,
            user,
            partner,
            title=data.title,
            place=data.place,
            starts_at=data.starts_at,
            duration=data.duration,
            planner=planner,
            idea=idea,
        )
    except DateError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, date_out(date_plan, user, couple))


@router.get("/plans/history", response={200: list[DateOut], 403: ErrorOut})
def history(request: HttpRequest, page: int = 1) -> list[DateOut]:
    """Dates that happened, newest first, 20 a page, with both ratings (sealed)."""
    couple, _ = api_couple(request)
    start = max(page - 1, 0) * PAGE
    plans = selectors.past_dates(couple)[start : start + PAGE]
    return [date_out(d, api_user(request), couple) for d in plans]


@router.get("/plans/{date_id}", response={200: DateOut, 403: ErrorOut, 404: ErrorOut})
def date_detail(request: HttpRequest, date_id: UUID) -> DateOut:
    date_plan, couple, user, _ = _date(request, date_id)
    return date_out(date_plan, user, couple)


@router.post(
    "/plans/{date_id}/accept", response={200: DateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def accept(request: HttpRequest, date_id: UUID) -> DateOut:
    date_plan, couple, user, partner = _date(request, date_id)
    try:
        services.accept_date(date_plan, user, partner)
    except DateError as exc:
        raise _bad(exc) from exc
    return date_out(date_plan, user, couple)


@router.post(
    "/plans/{date_id}/another-time",
    response={200: DateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def another_time(request: HttpRequest, date_id: UUID, data: TimeIn) -> DateOut:
    """Answer a proposal with another time; it then waits for your partner."""
    date_plan, couple, user, partner = _date(request, date_id)
    try:
        services.suggest_time(date_plan, user, partner, data.starts_at)
    except DateError as exc:
        raise _bad(exc) from exc
    return date_out(date_plan, user, couple)


@router.post(
    "/plans/{date_id}/call-off",
    response={200: DateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def call_off(request: HttpRequest, date_id: UUID) -> DateOut:
    date_plan, couple, user, partner = _date(request, date_id)
    try:
        services.cancel_date(date_plan, user, partner)
    except DateError as exc:
        raise _bad(exc) from exc
    return date_out(date_plan, user, couple)


@router.put(
    "/plans/{date_id}/rating", response={200: DateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
)
def rate(request: HttpRequest, date_id: UUID, data: RatingIn) -> DateOut:
    """Rate a date that happened, with a memory note; your partner's shows once you've rated."""
    date_plan, couple, user, _ = _date(request, date_id)
    try:
        services.rate_date(date_plan, user, data.stars, data.memory)
    except DateError as exc:
        raise _bad(exc) from exc
    date_plan, *_ = _date(request, date_id)
    return date_out(date_plan, user, couple)


@router.get("/frequency", response={200: list[MonthOut], 403: ErrorOut})
def frequency(request: HttpRequest, months: int = 6) -> list[MonthOut]:
    """How many dates you had in each recent month (up to 24), on your calendar."""
    couple, _ = api_couple(request)
    counts = selectors.monthly_counts(couple, max(1, min(months, 24)))
    return [MonthOut(month=m.start, dates=m.count) for m in counts]


def idea_out(idea: DateIdea) -> IdeaOut:
    done = bool(getattr(idea, "done", False))
    return IdeaOut(
        id=idea.pk,
        key=idea.key,
        category=idea.category,
        title=idea.title,
        description=idea.description,
        done=done,
    )


@router.get("/ideas", response={200: list[IdeaOut], 403: ErrorOut})
def ideas(
    request: HttpRequest, category: CategoryIn | None = None, page: int = 1
) -> list[IdeaOut]:
    """The idea bank, ideas you haven't done yet first; 20 a page."""
    couple, _ = api_couple(request)
    start = max(page - 1, 0) * PAGE
    return [idea_out(i) for i in selectors.ideas(couple, category or "")[start : start + PAGE]]


@router.get("/ideas/surprise", response={200: IdeaOut, 403: ErrorOut, 404: ErrorOut})
def surprise(request: HttpRequest, category: CategoryIn | None = None) -> IdeaOut:
    """A random idea you haven't done yet."""
    couple, _ = api_couple(request)
    idea = selectors.surprise_idea(couple, category or "")
    if idea is None:
        raise HttpError(404, "No ideas in that category.")
    return idea_out(idea)


def _feed_out(request: HttpRequest, feed: CalendarFeed | None) -> FeedOut:
    if feed is None:
        return FeedOut(url=None)
    return FeedOut(url=request.build_absolute_uri(reverse("dates:feed", args=[feed.secret])))


@router.get("/calendar", response={200: FeedOut, 403: ErrorOut})
def calendar(request: HttpRequest) -> FeedOut:
    """Your private calendar (.ics) address, if you have turned it on."""
    couple, _ = api_couple(request)
    feed = CalendarFeed.objects.filter(couple=couple, user=api_user(request)).first()
    return _feed_out(request, feed)


@router.post("/calendar", response={201: FeedOut, 403: ErrorOut})
def new_calendar(request: HttpRequest) -> Status[FeedOut]:
    """A new private address; any earlier one stops working."""
    couple, _ = api_couple(request)
    return Status(201, _feed_out(request, services.regenerate_feed(couple, api_user(request))))


@router.delete("/calendar", response={204: None, 403: ErrorOut})
def calendar_off(request: HttpRequest) -> Status[None]:
    couple, _ = api_couple(request)
    services.revoke_feed(couple, api_user(request))
    return Status(204, None)

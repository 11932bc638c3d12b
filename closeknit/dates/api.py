"""Dates, the idea bank, the calendar feed, rituals and fun in the JSON API.

The same selectors and services as the pages; times are in the couple's zone
(a time sent without an offset is read on the couple's clock).
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
from closeknit.couples.access import get_for_couple
from closeknit.couples.models import Couple
from closeknit.dates import selectors, services
from closeknit.dates.localtime import as_couple_time
from closeknit.dates.models import (
    CalendarFeed,
    CoupleRitual,
    DateIdea,
    DatePlan,
    DateRating,
    InsideJoke,
    Ritual,
    Show,
)
from closeknit.dates.services import DateError

router = Router(tags=["dates"])

# The same values as models.Category and Show.Status (a test keeps them in step).
CategoryIn = Literal[
    "at_home", "out", "outdoors", "low_cost", "new_to_both", "talk_centred", "playful"
]
ShowStatus = Literal["want", "watching", "done"]
Planner = Literal["me", "partner", "both"]
PAGE = 20


class ErrorOut(Schema):
    detail: str


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
    starts_at: datetime
    duration: int = Field(120, ge=15, le=1440)
    planner: Planner = "both"
    idea: UUID | None = None


class TimeIn(Schema):
    starts_at: datetime


class RatingIn(Schema):
    stars: int = Field(..., ge=1, le=5)
    memory: str = Field("", max_length=4000)


class MonthOut(Schema):
    month: date
    dates: int


class FeedOut(Schema):
    url: str | None = Field(description="your private .ics address; null when turned off")


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


class ShowIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    status: ShowStatus = "want"


class ShowStatusIn(Schema):
    status: ShowStatus


class ShowOut(Schema):
    id: UUID
    title: str
    status: str
    updated: datetime


class JokeIn(Schema):
    text: str = Field(..., min_length=1, max_length=1000)


class JokeOut(Schema):
    id: UUID
    text: str
    mine: bool
    created: datetime


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
        starts_at=date_plan.starts_at.astimezone(couple.tz),
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
            starts_at=as_couple_time(couple, data.starts_at),
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
        services.suggest_time(date_plan, user, partner, as_couple_time(couple, data.starts_at))
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
    except DateError as exc:
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


def _show_out(show: Show) -> ShowOut:
    return ShowOut(id=show.pk, title=show.title, status=show.status, updated=show.updated)


@router.get("/shows", response={200: list[ShowOut], 403: ErrorOut})
def shows(request: HttpRequest, status: ShowStatus | None = None) -> list[ShowOut]:
    couple, _ = api_couple(request)
    return [_show_out(s) for s in selectors.shows(couple, status or "")]


@router.post("/shows", response={201: ShowOut, 403: ErrorOut})
def add_show(request: HttpRequest, data: ShowIn) -> Status[ShowOut]:
    couple, _ = api_couple(request)
    return Status(
        201, _show_out(services.add_show(couple, api_user(request), data.title, data.status))
    )


@router.patch("/shows/{show_id}", response={200: ShowOut, 403: ErrorOut, 404: ErrorOut})
def move_show(request: HttpRequest, show_id: UUID, data: ShowStatusIn) -> ShowOut:
    couple, _ = api_couple(request)
    show = get_for_couple(Show, couple, pk=show_id)
    services.set_show_status(show, data.status)
    return _show_out(show)


@router.delete("/shows/{show_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def remove_show(request: HttpRequest, show_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    services.remove_show(get_for_couple(Show, couple, pk=show_id))
    return Status(204, None)


def _joke_out(joke: InsideJoke, viewer: User) -> JokeOut:
    return JokeOut(
        id=joke.pk, text=joke.text, mine=joke.added_by_id == viewer.pk, created=joke.created
    )


@router.get("/jokes", response={200: list[JokeOut], 403: ErrorOut})
def jokes(request: HttpRequest) -> list[JokeOut]:
    """Everything in the inside-jokes jar, newest first."""
    couple, _ = api_couple(request)
    return [_joke_out(j, api_user(request)) for j in selectors.jokes(couple)]


@router.get("/jokes/random", response={200: JokeOut, 403: ErrorOut, 404: ErrorOut})
def random_joke(request: HttpRequest) -> JokeOut:
    """Pull one note from the jar."""
    couple, _ = api_couple(request)
    joke = selectors.random_joke(couple)
    if joke is None:
        raise HttpError(404, "The jar is empty.")
    return _joke_out(joke, api_user(request))


@router.post("/jokes", response={201: JokeOut, 403: ErrorOut})
def add_joke(request: HttpRequest, data: JokeIn) -> Status[JokeOut]:
    couple, _ = api_couple(request)
    user = api_user(request)
    return Status(201, _joke_out(services.add_joke(couple, user, data.text), user))


@router.delete("/jokes/{joke_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def remove_joke(request: HttpRequest, joke_id: UUID) -> Status[None]:
    """Take out a note you put in."""
    couple, _ = api_couple(request)
    user = api_user(request)
    services.remove_joke(get_for_couple(InsideJoke, couple, pk=joke_id, added_by=user))
    return Status(204, None)

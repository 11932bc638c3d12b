"""Dates, the idea bank and the calendar feed in the JSON API.

The same selectors and services as the pages; times come out on the reader's
clock with their offset, and a time sent without an offset is refused
(closeknit/api/times.py).
"""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.pagination import paginate

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.api.paging import Pages
from closeknit.couples.access import get_for_couple
from closeknit.couples.models import Couple
from closeknit.dates import selectors, services
from closeknit.dates.models import (
    CalendarFeed,
    DateIdea,
    DatePlan,
)
from closeknit.dates.schemas import (
    CategoryIn,
    DateIn,
    DateOut,
    FeedOut,
    IdeaIn,
    IdeaOut,
    MonthOut,
    RatingIn,
    Show,
    TimeIn,
)
from closeknit.lib.errors import NotFound

router = Router(tags=["dates"])


def _date(request: HttpRequest, date_id: UUID) -> DatePlan:
    couple, _ = api_couple(request)
    return get_for_couple(selectors.dates(couple).prefetch_related("ratings"), couple, pk=date_id)


@router.get("/plans", response={200: list[DateOut], **ERRORS})
def upcoming(request: HttpRequest) -> QuerySet[DatePlan]:
    """Dates still ahead (proposed or on), soonest first."""
    couple, _ = api_couple(request)
    return selectors.upcoming_dates(couple).prefetch_related("ratings")


def _idea(couple: Couple, idea_id: UUID | None) -> DateIdea | None:
    """The idea a date is planned from: one of the bank's or the couple's own, if named."""
    idea = selectors.idea(couple, idea_id)
    if idea_id is not None and idea is None:
        raise NotFound("There's no such idea in your bank.", field="idea")
    return idea


@router.post("/plans", response={201: DateOut, **ERRORS})
def propose(request: HttpRequest, data: DateIn) -> Status[DatePlan]:
    """Propose a date; your partner is told and can accept or suggest another time."""
    couple, partner = api_couple(request)
    user = api_user(request)
    date_plan = services.propose_date(
        couple,
        user,
        partner,
        title=data.title,
        place=data.place,
        notes=data.notes,
        starts_at=data.starts_at,
        duration=data.duration,
        planner={"me": user, "partner": partner, "both": None}[data.planner],
        idea=_idea(couple, data.idea),
    )
    return Status(201, _date(request, date_plan.pk))


@router.get("/plans/history", response={200: list[DateOut], **ERRORS})
@paginate(Pages)
def history(request: HttpRequest) -> QuerySet[DatePlan]:
    """Dates that happened, newest first, 20 a page, with both ratings (sealed)."""
    couple, _ = api_couple(request)
    return selectors.past_dates(couple)


@router.get("/plans/{date_id}", response={200: DateOut, **ERRORS})
def date_detail(request: HttpRequest, date_id: UUID) -> DatePlan:
    return _date(request, date_id)


@router.post("/plans/{date_id}/accept", response={200: DateOut, **ERRORS})
def accept(request: HttpRequest, date_id: UUID) -> DatePlan:
    _, partner = api_couple(request)
    services.accept_date(date_plan := _date(request, date_id), api_user(request), partner)
    return date_plan


@router.post("/plans/{date_id}/another-time", response={200: DateOut, **ERRORS})
def another_time(request: HttpRequest, date_id: UUID, data: TimeIn) -> DatePlan:
    """Answer a proposal with another time; it then waits for your partner."""
    _, partner = api_couple(request)
    date_plan = _date(request, date_id)
    services.suggest_time(date_plan, api_user(request), partner, data.starts_at)
    return date_plan


@router.post("/plans/{date_id}/call-off", response={200: DateOut, **ERRORS})
def call_off(request: HttpRequest, date_id: UUID) -> DatePlan:
    _, partner = api_couple(request)
    services.cancel_date(date_plan := _date(request, date_id), api_user(request), partner)
    return date_plan


@router.put("/plans/{date_id}/rating", response={200: DateOut, **ERRORS})
def rate(request: HttpRequest, date_id: UUID, data: RatingIn) -> DatePlan:
    """Rate a date that happened, with a memory note; your partner's shows once you've rated.

    Once you have both rated, the stars stay (409 for others) and an edited memory keeps
    `first_memory`.
    """
    services.rate_date(_date(request, date_id), api_user(request), data.stars, data.memory)
    return _date(request, date_id)


@router.get("/frequency", response={200: list[MonthOut], **ERRORS})
def frequency(request: HttpRequest, months: int = 6) -> list[selectors.Month]:
    """How many dates you had in each recent month (up to 24), on your calendar."""
    couple, _ = api_couple(request)
    return selectors.monthly_counts(couple, months)


@router.get("/ideas", response={200: list[IdeaOut], **ERRORS})
@paginate(Pages)
def ideas(
    request: HttpRequest, category: CategoryIn | None = None, show: Show | None = None
) -> QuerySet[DateIdea]:
    """The idea bank and your own ideas, ones you haven't done yet first; 20 a page.

    `show=ours` keeps the ideas the two of you wrote, `show=saved` the ones you saved.
    """
    couple, _ = api_couple(request)
    return selectors.ideas(couple, category or "", show or "")


@router.post("/ideas", response={201: IdeaOut, **ERRORS})
def add_idea(request: HttpRequest, data: IdeaIn) -> Status[DateIdea]:
    """An idea of your own, in the bank for both of you."""
    couple, _ = api_couple(request)
    idea = services.add_idea(couple, api_user(request), **data.dict())
    return Status(201, selectors.idea_for(couple, idea.pk))


@router.get("/ideas/surprise", response={200: IdeaOut, **ERRORS})
def surprise(request: HttpRequest, category: CategoryIn | None = None) -> DateIdea:
    """A random idea you haven't done yet."""
    couple, _ = api_couple(request)
    idea = selectors.surprise_idea(couple, category or "")
    if idea is None:
        raise NotFound("No ideas in that category.")
    return idea


@router.get("/ideas/{idea_id}", response={200: IdeaOut, **ERRORS})
def idea_detail(request: HttpRequest, idea_id: UUID) -> DateIdea:
    couple, _ = api_couple(request)
    return selectors.idea_for(couple, idea_id)


@router.put("/ideas/{idea_id}", response={200: IdeaOut, **ERRORS})
def edit_idea(request: HttpRequest, idea_id: UUID, data: IdeaIn) -> DateIdea:
    """Rewrite an idea you wrote; dates planned from it keep what they were given."""
    couple, _ = api_couple(request)
    services.edit_idea(selectors.idea_for(couple, idea_id), api_user(request), **data.dict())
    return selectors.idea_for(couple, idea_id)


@router.delete("/ideas/{idea_id}", response={204: None, **ERRORS})
def delete_idea(request: HttpRequest, idea_id: UUID) -> Status[None]:
    """Delete an idea you wrote."""
    couple, _ = api_couple(request)
    services.delete_idea(selectors.idea_for(couple, idea_id), api_user(request))
    return Status(204, None)


@router.put("/ideas/{idea_id}/saved", response={200: IdeaOut, **ERRORS})
def save_idea(request: HttpRequest, idea_id: UUID) -> DateIdea:
    """Save an idea for the two of you (saving it again changes nothing)."""
    couple, _ = api_couple(request)
    services.save_idea(couple, selectors.idea_for(couple, idea_id))
    return selectors.idea_for(couple, idea_id)


@router.delete("/ideas/{idea_id}/saved", response={204: None, **ERRORS})
def unsave_idea(request: HttpRequest, idea_id: UUID) -> Status[None]:
    """Let a saved idea go; it stays in the bank."""
    couple, _ = api_couple(request)
    services.unsave_idea(couple, selectors.idea_for(couple, idea_id))
    return Status(204, None)


def _feed_out(request: HttpRequest, feed: CalendarFeed | None) -> FeedOut:
    if feed is None:
        return FeedOut(url=None)
    return FeedOut(url=request.build_absolute_uri(reverse("dates:feed", args=[feed.secret])))


@router.get("/calendar", response={200: FeedOut, **ERRORS})
def calendar(request: HttpRequest) -> FeedOut:
    """Your private calendar (.ics) address, if you have turned it on."""
    couple, _ = api_couple(request)
    return _feed_out(request, selectors.calendar_feed(couple, api_user(request)))


@router.post("/calendar", response={201: FeedOut, **ERRORS})
def new_calendar(request: HttpRequest) -> Status[FeedOut]:
    """A new private address; any earlier one stops working."""
    couple, _ = api_couple(request)
    return Status(201, _feed_out(request, services.regenerate_feed(couple, api_user(request))))


@router.delete("/calendar", response={204: None, **ERRORS})
def calendar_off(request: HttpRequest) -> Status[None]:
    couple, _ = api_couple(request)
    services.revoke_feed(couple, api_user(request))
    return Status(204, None)

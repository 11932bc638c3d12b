"""The weekly check-in, for API clients: declarations over the pages' selectors and services.

Check-ins are sealed like on the web: a partner's check-in for a week is
only returned once the caller has checked in for that week too.
"""

from django.http import HttpRequest
from ninja import Router

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.checkin import content, selectors, services
from closeknit.checkin.models import Item
from closeknit.checkin.schemas import (
    CheckinIn,
    CheckinItemOut,
    ResourcesOut,
    TrendOut,
    WeekOut,
)

router = Router(tags=["checkin"])


@router.get("/items", response={200: list[CheckinItemOut], **ERRORS})
def list_items(request: HttpRequest) -> list[Item]:
    """The satisfaction items (1-7, with their low and high anchors)."""
    api_couple(request)
    return selectors.items()


@router.get("/week", response={200: WeekOut, **ERRORS})
def get_week(request: HttpRequest) -> selectors.Week:
    """This local week's check-ins: yours, and your partner's once yours is in."""
    couple, _ = api_couple(request)
    return selectors.week_for(couple, api_user(request))


@router.put("/week", response={200: WeekOut, **ERRORS})
def put_week(request: HttpRequest, data: CheckinIn) -> selectors.Week:
    """Check in (or change this week's check-in; once you've both seen them, only the note)."""
    couple, partner = api_couple(request)
    services.save_checkin(couple, api_user(request), partner, **data.dict())
    return selectors.week_for(couple, api_user(request))


@router.get("/trend", response={200: TrendOut, **ERRORS})
def get_trend(request: HttpRequest, weeks: int = 12) -> selectors.Trend:
    """Recent weeks for both of you (sealed weeks show only yours), and gentle flags."""
    couple, _ = api_couple(request)
    return selectors.trend(couple, api_user(request), weeks=weeks)


@router.get("/resources", response={200: ResourcesOut, **ERRORS})
def get_resources(request: HttpRequest) -> ResourcesOut:
    """The support and resources page, as Markdown."""
    return ResourcesOut(markdown=content.resources_markdown())

"""Paths in the JSON API, under /paths: the same reads and writes as the pages.

Reflections are sealed as on the web: a partner's reflection on a week is
returned only once the caller has reflected on that week too. The path that
lives behind "Just us" is listed and shown only while both have turned it on.
Every refusal is a DomainError, answered by the API root in the one error shape.
"""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.paths import offers, selectors, services
from closeknit.paths.offers import Current
from closeknit.paths.schemas import (
    PathCurrentOut,
    PathDetailOut,
    PathOut,
    PathReflectionIn,
    PathRunOut,
    PathRunSummaryOut,
    PathWeekOut,
)
from closeknit.paths.selectors import PathCard, PathDetail, RunView, WeekView

router = Router(tags=["paths"])


@router.get("", response={200: list[PathOut], **ERRORS})
def list_paths(request: HttpRequest) -> list[PathCard]:
    """The paths you can choose from."""
    couple, _ = api_couple(request)
    return selectors.catalogue(couple)


@router.get("/current", response={200: PathCurrentOut, **ERRORS})
def current(request: HttpRequest) -> Current:
    """The path you're on or have been offered, and a gentle offer after a check-in dip."""
    couple, _ = api_couple(request)
    return offers.current(couple, api_user(request))


@router.get("/runs", response={200: list[PathRunSummaryOut], **ERRORS})
@paginate(LimitOffsetPagination)
def runs(request: HttpRequest) -> selectors.Summaries:
    """Every path you've been on or offered, newest first."""
    couple, _ = api_couple(request)
    return selectors.history(couple)


@router.get("/runs/{run_id}", response={200: PathRunOut, **ERRORS})
def run(request: HttpRequest, run_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    return selectors.run_view(selectors.run_for(couple, run_id), api_user(request))


@router.post("/runs/{run_id}/accept", response={200: PathRunOut, **ERRORS})
def accept(request: HttpRequest, run_id: UUID) -> RunView:
    """Say yes to the path your partner suggested: week 1 starts today."""
    couple, _ = api_couple(request)
    found = services.accept(selectors.run_for(couple, run_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.post("/runs/{run_id}/not-now", response={200: PathRunOut, **ERRORS})
def not_now(request: HttpRequest, run_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    found = services.not_now(selectors.run_for(couple, run_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.post("/runs/{run_id}/pause", response={200: PathRunOut, **ERRORS})
def pause(request: HttpRequest, run_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    found = services.pause(selectors.run_for(couple, run_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.post("/runs/{run_id}/resume", response={200: PathRunOut, **ERRORS})
def resume(request: HttpRequest, run_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    found = services.resume(selectors.run_for(couple, run_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.post("/runs/{run_id}/leave", response={200: PathRunOut, **ERRORS})
def leave(request: HttpRequest, run_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    found = services.leave(selectors.run_for(couple, run_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.get("/weeks/{week_id}", response={200: PathWeekOut, **ERRORS})
def week(request: HttpRequest, week_id: UUID) -> WeekView:
    couple, _ = api_couple(request)
    return selectors.one_week(selectors.week_for(couple, week_id), api_user(request))


@router.post("/weeks/{week_id}/reflection", response={200: PathWeekOut, **ERRORS})
def reflect(request: HttpRequest, week_id: UUID, data: PathReflectionIn) -> WeekView:
    """Your ten-second reflection, once. Your partner's shows once you've both reflected."""
    couple, partner = api_couple(request)
    found = selectors.week_for(couple, week_id)
    values = {"understood": data.understood, "validated": data.validated, "cared": data.cared}
    services.reflect(found, api_user(request), partner, values, data.note)
    return selectors.one_week(found, api_user(request))


@router.post("/weeks/{week_id}/next", response={200: PathRunOut, **ERRORS})
def next_week(request: HttpRequest, week_id: UUID) -> RunView:
    """Go on once the week's seven days have come round; the last week finishes the path."""
    couple, partner = api_couple(request)
    found = services.next_week(selectors.week_for(couple, week_id), api_user(request), partner)
    return selectors.run_view(found, api_user(request))


@router.post("/weeks/{week_id}/skip", response={200: PathRunOut, **ERRORS})
def skip(request: HttpRequest, week_id: UUID) -> RunView:
    couple, partner = api_couple(request)
    found = services.skip_week(selectors.week_for(couple, week_id), api_user(request), partner)
    return selectors.run_view(found, api_user(request))


@router.post("/weeks/{week_id}/repeat", response={200: PathRunOut, **ERRORS})
def repeat(request: HttpRequest, week_id: UUID) -> RunView:
    couple, _ = api_couple(request)
    found = services.repeat_week(selectors.week_for(couple, week_id), api_user(request))
    return selectors.run_view(found, api_user(request))


@router.get("/{key}", response={200: PathDetailOut, **ERRORS})
def path(request: HttpRequest, key: str) -> PathDetail:
    """One path and its weeks."""
    couple, _ = api_couple(request)
    return selectors.path_detail(selectors.path_for(couple, key))


@router.post("/{key}/propose", response={201: PathRunOut, **ERRORS})
def propose(request: HttpRequest, key: str) -> Status[RunView]:
    """Suggest a path to your partner; it starts when they accept. One path at a time."""
    couple, partner = api_couple(request)
    user = api_user(request)
    found = services.propose(couple, user, partner, selectors.path_for(couple, key))
    return Status(201, selectors.run_view(found, user))

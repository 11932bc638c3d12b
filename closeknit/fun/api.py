"""Shows and the jokes jar in the JSON API: declarations over the pages' selectors and services.

The API root serves this router under /api/v1/dates/, where fun was
published before it had its own app.
"""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status

from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ERRORS
from closeknit.couples.access import get_for_couple
from closeknit.fun import selectors, services
from closeknit.fun.models import InsideJoke, Show
from closeknit.fun.schemas import (
    JokeIn,
    JokeOut,
    ShowIn,
    ShowOut,
    ShowStatus,
    ShowStatusIn,
)
from closeknit.lib.errors import NotFound

router = Router()


@router.get("/shows", response={200: list[ShowOut], **ERRORS})
def shows(request: HttpRequest, status: ShowStatus | None = None) -> QuerySet[Show]:
    couple, _ = api_couple(request)
    return selectors.shows(couple, status or "")


@router.post("/shows", response={201: ShowOut, **ERRORS})
def add_show(request: HttpRequest, data: ShowIn) -> Status[Show]:
    couple, _ = api_couple(request)
    return Status(201, services.add_show(couple, api_user(request), data.title, data.status))


@router.patch("/shows/{show_id}", response={200: ShowOut, **ERRORS})
def move_show(request: HttpRequest, show_id: UUID, data: ShowStatusIn) -> Show:
    couple, _ = api_couple(request)
    show = get_for_couple(Show, couple, pk=show_id)
    services.set_show_status(show, data.status)
    return show


@router.delete("/shows/{show_id}", response={204: None, **ERRORS})
def remove_show(request: HttpRequest, show_id: UUID) -> Status[None]:
    couple, _ = api_couple(request)
    services.remove_show(get_for_couple(Show, couple, pk=show_id))
    return Status(204, None)


@router.get("/jokes", response={200: list[JokeOut], **ERRORS})
def jokes(request: HttpRequest) -> QuerySet[InsideJoke]:
    """Everything in the inside-jokes jar, newest first."""
    couple, _ = api_couple(request)
    return selectors.jokes(couple)


@router.get("/jokes/random", response={200: JokeOut, **ERRORS})
def random_joke(request: HttpRequest) -> InsideJoke:
    """Pull one note from the jar."""
    couple, _ = api_couple(request)
    joke = selectors.random_joke(couple)
    if joke is None:
        raise NotFound("The jar is empty.")
    return joke


@router.post("/jokes", response={201: JokeOut, **ERRORS})
def add_joke(request: HttpRequest, data: JokeIn) -> Status[InsideJoke]:
    couple, _ = api_couple(request)
    return Status(201, services.add_joke(couple, api_user(request), data.text))


@router.delete("/jokes/{joke_id}", response={204: None, **ERRORS})
def remove_joke(request: HttpRequest, joke_id: UUID) -> Status[None]:
    """Take out a note you put in."""
    couple, _ = api_couple(request)
    user = api_user(request)
    services.remove_joke(get_for_couple(InsideJoke, couple, pk=joke_id, added_by=user))
    return Status(204, None)

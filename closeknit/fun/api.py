"""Shows and the jokes jar in the JSON API: the same selectors and services as the pages.

The API root serves this router under /api/v1/dates/, where fun was
published before it had its own app.
"""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.couples.access import get_for_couple
from closeknit.fun import selectors, services
from closeknit.fun.models import InsideJoke, Show

router = Router()

# The same values as Show.Status (a test keeps them in step).
ShowStatus = Literal["want", "watching", "done"]


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

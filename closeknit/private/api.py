"""The opt-in list ("Just us") in the JSON API, under /private.

Every operation but the status and opting in or out is 404 while the list is
closed, and everything about the partner comes from the mutual-only selector.
"""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError

from closeknit.accounts.models import User
from closeknit.api.auth import api_couple, api_user
from closeknit.api.errors import ErrorOut
from closeknit.couples.access import get_for_couple
from closeknit.couples.models import Couple
from closeknit.private import selectors, services
from closeknit.private.models import Evening, Item, TryNext
from closeknit.private.schemas import (
    AftercareOut,
    AnswerIn,
    ItemOut,
    MutualOut,
    MyItemOut,
    OptOutIn,
    StatusOut,
    TryNextIn,
    TryNextOut,
)

# Tagged like its URL prefix: the docs never name it either.
router = Router(tags=["private"])


def _open(request: HttpRequest) -> tuple[Couple, User]:
    """The caller's couple, or 404 while the list isn't open for both."""
    couple, _ = api_couple(request)
    if not selectors.is_open(couple):
        raise HttpError(404, "Not found")
    return couple, api_user(request)


def _item(item: Item) -> ItemOut:
    return ItemOut(id=item.pk, key=item.key, category=item.category, text=item.text)


def _status(couple: Couple, user: User) -> StatusOut:
    return StatusOut(
        turned_on_by_me=selectors.has_opted_in(couple, user), open=selectors.is_open(couple)
    )


@router.get("/status", response={200: StatusOut, 403: ErrorOut})
def status(request: HttpRequest) -> StatusOut:
    """Whether you have turned it on, and whether it is open (never the partner's choice alone)."""
    couple, _ = api_couple(request)
    return _status(couple, api_user(request))


@router.post("/opt-in", response={200: StatusOut, 403: ErrorOut})
def opt_in(request: HttpRequest) -> StatusOut:
    couple, _ = api_couple(request)
    services.opt_in(couple, api_user(request))
    return _status(couple, api_user(request))


@router.post("/opt-out", response={200: StatusOut, 403: ErrorOut})
def opt_out(request: HttpRequest, data: OptOutIn) -> StatusOut:
    """Turn it off: hidden again for both of you."""
    couple, _ = api_couple(request)
    services.opt_out(couple, api_user(request), erase_answers=data.erase_answers)
    return _status(couple, api_user(request))


@router.get("/items", response={200: list[MyItemOut], 403: ErrorOut, 404: ErrorOut})
def items(request: HttpRequest) -> list[MyItemOut]:
    """Every item with your own answer."""
    couple, user = _open(request)
    mine = selectors.my_answers(couple, user)
    return [MyItemOut(**_item(i).dict(), mine=mine.get(i.pk)) for i in selectors.items()]  # type: ignore[arg-type]


@router.put("/items/{key}", response={200: MyItemOut, 403: ErrorOut, 404: ErrorOut})
def answer(request: HttpRequest, key: str, data: AnswerIn) -> MyItemOut:
    """Answer one item privately. The reply holds your answer only."""
    couple, user = _open(request)
    item = Item.objects.filter(key=key).first()
    if item is None:
        raise HttpError(404, "Not found")
    services.answer(couple, user, item, data.answer)
    return MyItemOut(**_item(item).dict(), mine=data.answer)


@router.get("/mutual", response={200: MutualOut, 403: ErrorOut, 404: ErrorOut})
def mutual(request: HttpRequest) -> MutualOut:
    """The items you both answered yes or maybe, and how many."""
    couple, user = _open(request)
    view = selectors.together(couple, user)
    found = view.mutual if view else []
    return MutualOut(count=len(found), items=[_item(i) for i in found])


def _try_next_out(entry: TryNext) -> TryNextOut:
    return TryNextOut(id=entry.pk, item=_item(entry.item), tried=entry.tried_at is not None)


@router.get("/try-next", response={200: list[TryNextOut], 403: ErrorOut, 404: ErrorOut})
def try_next(request: HttpRequest) -> list[TryNextOut]:
    couple, user = _open(request)
    view = selectors.together(couple, user)
    return [_try_next_out(t) for t in (view.try_next + view.tried if view else [])]


@router.post("/try-next", response={201: TryNextOut, 403: ErrorOut, 404: ErrorOut})
def add_try_next(request: HttpRequest, data: TryNextIn) -> Status[TryNextOut]:
    couple, _ = _open(request)
    item = selectors.mutual_item(couple, data.item)
    if item is None:
        raise HttpError(404, "Not found")
    return Status(201, _try_next_out(services.add_try_next(couple, item)))


def _entry(request: HttpRequest, entry_id: UUID) -> TryNext:
    couple, _ = _open(request)
    entry = selectors.try_next_entry(couple, entry_id)
    if entry is None:
        raise HttpError(404, "Not found")
    return entry


@router.post(
    "/try-next/{entry_id}/tried", response={200: TryNextOut, 403: ErrorOut, 404: ErrorOut}
)
def tried(request: HttpRequest, entry_id: UUID) -> TryNextOut:
    entry = _entry(request, entry_id)
    services.mark_tried(entry)
    return _try_next_out(entry)


@router.delete("/try-next/{entry_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def remove_try_next(request: HttpRequest, entry_id: UUID) -> Status[None]:
    services.remove_try_next(_entry(request, entry_id))
    return Status(204, None)


def _aftercare(couple: Couple, user: User) -> AftercareOut:
    view = selectors.together(couple, user)
    reminder = view.reminder if view else None
    return AftercareOut(
        reminder=reminder.pk if reminder else None,
        items=[_item(i) for i in (view.aftercare if view else [])],
    )


@router.post("/evenings", response={201: AftercareOut, 403: ErrorOut, 404: ErrorOut})
def evening(request: HttpRequest) -> Status[AftercareOut]:
    """Mark a close evening: you both get an in-app after-care reminder, never a notification."""
    couple, user = _open(request)
    services.mark_evening(couple)
    return Status(201, _aftercare(couple, user))


@router.get("/aftercare", response={200: AftercareOut, 403: ErrorOut, 404: ErrorOut})
def aftercare(request: HttpRequest) -> AftercareOut:
    couple, user = _open(request)
    return _aftercare(couple, user)


@router.post(
    "/aftercare/{reminder_id}/dismiss", response={204: None, 403: ErrorOut, 404: ErrorOut}
)
def dismiss(request: HttpRequest, reminder_id: UUID) -> Status[None]:
    couple, user = _open(request)
    services.dismiss_reminder(get_for_couple(Evening, couple, pk=reminder_id), user)
    return Status(204, None)

"""The couple home's cards, kept per person until the couple next changes something.

The home page is the most visited page, and every feature adds a card to it
(about twenty queries and a dozen templates in all). The rendered cards are
cached under a key made of:

- the couple and the person: cards show only what that person may see;
- their CSRF secret: some cards hold a form, so a new sign-in renders anew;
- the couple's version: any change to the couple's rows (saved or deleted,
  by a page, the API, the worker or a command), and any successful write
  request by either partner (a new display name, a bulk update), gives the
  couple a new version, so the next visit renders anew;
- the couple's local date, and a short lifetime for what the clock changes
  (the next date, this week's check-in, writes made by the worker).
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from closeknit.couples.access import CoupleRequest, couple_for
from closeknit.couples.models import Couple

LIFETIME = 60  # seconds
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _version_key(couple_id: uuid.UUID) -> str:
    return f"couple-version:{couple_id}"


def cards(request: CoupleRequest, render: Callable[[], list[str]]) -> list[str]:
    """The cached cards for this person now, or render() them and keep them."""
    # The version is read before anything is rendered: a write that lands in
    # between leaves these cards under the old version, never the new one.
    version = cache.get(_version_key(request.couple.pk), "0")
    get_token(request)  # makes sure the secret exists before it goes into the key
    secret = hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()[:16]
    today = timezone.localdate(timezone=request.couple.tz)
    key = f"home-cards:{request.couple.pk}:{request.user.pk}:{secret}:{version}:{today}"
    found = cache.get(key)
    if found is None:
        found = render()
        cache.set(key, found, LIFETIME)
    return found


def couple_changed(couple_id: uuid.UUID) -> None:
    """Both partners' cached cards are stale: a new, unguessable version.

    A new random value, not a counter: two processes bumping at once can
    never leave the old value in place.
    """
    cache.set(_version_key(couple_id), uuid.uuid4().hex, None)


def row_changed(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """post_save and post_delete of any model: a couple's row makes its cards stale.

    Every model that holds couple data has a `couple` foreign key (the couple
    itself counts too). Stale at once, and again after the commit: a visit in
    between may have cached the rows as they were before the commit.
    """
    if raw:
        return  # loading fixtures

    couple_id: uuid.UUID | None = (
        instance.pk if isinstance(instance, Couple) else getattr(instance, "couple_id", None)
    )
    if couple_id is not None:
        couple_changed(couple_id)
        transaction.on_commit(lambda: couple_changed(couple_id))


def forget_on_write(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Middleware: a successful write by a paired person makes the couple's cards stale.

    After the response, so after the view's transaction has committed: a visit
    that reads the new version also reads the new rows.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.method in SAFE_METHODS or response.status_code >= 400:
            return response
        couple = getattr(request, "couple", None)
        user = getattr(request, "user", None)
        if couple is None and user is not None and user.is_authenticated:
            couple = couple_for(user)
        if couple is not None:
            couple_changed(couple.pk)
        return response

    return middleware

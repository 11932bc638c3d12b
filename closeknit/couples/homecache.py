"""The couple home page, kept per person and device until something of theirs changes.

The home page is the most visited page, and every feature adds a card to it
(fourteen queries and a dozen templates). A profile of a signed-in visit
showed rendering and the couple's and inbox's queries as most of its cost, so
the whole rendered page is kept, and a repeat visit costs three cache reads
(the session, the user's row, and the page with its versions) and no query.

Freshness is explicit, not inferred from signals:

- `couple_changed()` gives the couple a new version. `bump_after_writes`
  calls it after every write request (POST, PUT, PATCH, DELETE) by a partner,
  through a page or the API; code that changes a couple's things outside a
  request calls it itself.
- `inbox_changed()` gives a person's inbox a new version; `notify()` calls it,
  so a reminder sent by the worker shows on the badge at the next visit.
- The kept page names both versions, and the reader's time zone and local date
  (today's question, rituals and times are the reader's own); it lives ten
  minutes at most, for what the clock changes ("2 hours ago", a date that has
  started).

A page is kept per device: its forms carry that browser's CSRF token, so
nothing in it is rewritten when it is served again. Nothing is shared between
people, so a kept page can never show one partner what only the other may see.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from closeknit.accounts.models import User
from closeknit.couples.access import couple_for

LIFETIME = 10 * 60  # seconds
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_COUPLE = "kept-home-couple"  # the couple whose page this session keeps


def _couple_key(couple_id: uuid.UUID | str) -> str:
    return f"couple-version:{couple_id}"


def _inbox_key(user_id: object) -> str:
    return f"inbox-version:{user_id}"


def couple_changed(couple_id: uuid.UUID) -> None:
    """Both partners' kept pages are stale.

    A new random value, not a counter: two processes bumping at once can
    never leave the old value in place.
    """
    cache.set(_couple_key(couple_id), uuid.uuid4().hex, None)


def inbox_changed(user_id: uuid.UUID) -> None:
    """The person's kept page is stale (its unread badge), once the change is committed."""
    transaction.on_commit(lambda: cache.set(_inbox_key(user_id), uuid.uuid4().hex, None))


def _page_key(request: HttpRequest) -> str | None:
    """This person on this device; None before the browser has a CSRF cookie."""
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if not secret:
        return None
    device = hashlib.sha256(secret.encode()).hexdigest()[:24]
    return f"home-page:{request.user.pk}:{device}"


def _has_messages(request: HttpRequest) -> bool:
    # A flash message is shown once: such a visit is rendered, never served kept.
    return "messages" in request.COOKIES or "_messages" in request.session


def kept_page(request: HttpRequest) -> HttpResponse | None:
    """The page kept for this person and device, if nothing of theirs changed since.

    One cache round trip: the session names the couple the page was kept for,
    so the page and both versions are read together.
    """
    user = request.user
    assert isinstance(user, User)
    key = _page_key(request)
    couple_id = request.session.get(SESSION_COUPLE)
    if key is None or couple_id is None or _has_messages(request):
        return None
    couple_key, inbox_key = _couple_key(couple_id), _inbox_key(user.pk)
    found = cache.get_many([key, couple_key, inbox_key])
    entry: dict[str, Any] | None = found.get(key)
    if (
        entry is None
        or entry["couple"] != couple_id
        or found.get(couple_key, "0") != entry["couple_version"]
        or found.get(inbox_key, "0") != entry["inbox_version"]
        or entry["tz"] != user.timezone
        or user.today().isoformat() != entry["day"]
    ):
        return None
    return HttpResponse(entry["body"])


def keep_page(request: Any, render: Callable[[], HttpResponse]) -> HttpResponse:
    """Render the page, and keep it under the versions read before rendering.

    Read first: a write that lands while this renders leaves the page under
    the old version, so it is never served after the write.
    """
    key = _page_key(request)
    couple = request.couple
    versions = cache.get_many([_couple_key(couple.pk), _inbox_key(request.user.pk)])
    response = render()
    if key is not None and not _has_messages(request) and response.status_code == 200:
        entry = {
            "couple": str(couple.pk),
            "tz": request.user.timezone,
            "day": request.user.today().isoformat(),
            "couple_version": versions.get(_couple_key(couple.pk), "0"),
            "inbox_version": versions.get(_inbox_key(request.user.pk), "0"),
            "body": response.content.decode(),
        }
        cache.set(key, entry, LIFETIME)
        if request.session.get(SESSION_COUPLE) != entry["couple"]:
            request.session[SESSION_COUPLE] = entry["couple"]  # saved once, not per visit
    return response


def changes_nothing(request: HttpRequest) -> None:
    """This POST only reads (the coach): the couple's kept pages stay fresh after it.

    The live coach posts a reply box's text every pause in typing; treating
    each as a write would render both partners' home pages again and again.
    """
    request.changes_nothing = True  # type: ignore[attr-defined]


def bump_after_writes(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """After a write request by a partner (page or API), the couple's pages are stale.

    After the response, so after the request's transactions have committed:
    a visit that read the old version meanwhile may keep the old rows only
    under the old version.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.method in UNSAFE and not getattr(request, "changes_nothing", False):
            user = getattr(request, "user", None)
            # request.couple when a view attached it; else (an API token, a profile) look it up.
            couple = getattr(request, "couple", None)
            if couple is None and isinstance(user, User) and user.is_authenticated:
                couple = couple_for(user)
            if couple is not None:
                couple_changed(couple.pk)
        return response

    return middleware

"""The couple home's cards, kept per person until the couple next changes something.

The home page is the most visited page, and every feature adds a card to it
(fourteen queries and a dozen templates in all). The rendered cards are
cached under a key made of:

- the couple and the person: cards show only what that person may see;
- the couple's version: any change to the couple's rows (saved or deleted,
  by a page, the API, the worker or a command) gives the couple a new
  version, so the next visit renders anew;
- the couple's local date, and a short lifetime for what the clock changes
  (the next date, this week's check-in, writes made by the worker).
"""

import re
import uuid
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import mark_safe

from closeknit.accounts.models import User
from closeknit.couples.access import CoupleRequest, couple_for
from closeknit.couples.models import Couple

# Writes make cards stale at once; this bounds only what the clock changes
# (a date that has started, an after-care reminder whose window has passed).
LIFETIME = 10 * 60  # seconds


def _version_key(couple_id: uuid.UUID) -> str:
    return f"couple-version:{couple_id}"


# A form's CSRF token in a rendered card: cached without it, filled in per visit.
TOKEN = re.compile(r'(?<=name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(?=")')


def cards(request: CoupleRequest, render: Callable[[], list[str]]) -> list[str]:
    """The cached cards for this person now, or render() them and keep them."""
    # The version is read before anything is rendered: a write that lands in
    # between leaves these cards under the old version, never the new one.
    version = cache.get(_version_key(request.couple.pk), "0")
    today = timezone.localdate(timezone=request.couple.tz)
    key = f"home-cards:{request.couple.pk}:{request.user.pk}:{version}:{today}"
    pieces: list[list[str]] | None = cache.get(key)
    if pieces is None:
        pieces = [TOKEN.split(card) for card in render()]
        cache.set(key, pieces, LIFETIME)
    # A freshly masked token of this visitor's own secret, as {% csrf_token %} gives.
    token = get_token(request)
    # Safe: the pieces are our own rendered templates, split around the tokens.
    return [mark_safe(token.join(parts)) for parts in pieces]


def couple_changed(couple_id: uuid.UUID) -> None:
    """Both partners' cached cards are stale: a new, unguessable version.

    A new random value, not a counter: two processes bumping at once can
    never leave the old value in place.
    """
    cache.set(_version_key(couple_id), uuid.uuid4().hex, None)


def connect() -> None:
    """Listen to saves and deletes of the couple's own rows, and of nothing else.

    Every model that holds couple data has a `couple` foreign key; the couple
    itself and a partner's profile (the name on the cards) count too. Only
    these senders: a post_delete listener turns off Django's fast bulk delete
    for its model, which sessions, deliveries and the like should keep.
    """
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if model in (Couple, User) or "couple" in names:
            post_save.connect(row_changed, sender=model, dispatch_uid=f"homecache-save-{model}")
            post_delete.connect(row_changed, sender=model, dispatch_uid=f"homecache-del-{model}")


def row_changed(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """A couple's row was saved or deleted: its cards are stale.

    Stale at once, and again after the commit: a visit in between may have
    cached the rows as they were before the commit.
    """
    if raw or kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # loading fixtures; a sign-in
    couple_id = _couple_of(instance)
    if couple_id is not None:
        couple_changed(couple_id)
        transaction.on_commit(lambda: couple_changed(couple_id))


def _couple_of(instance: Model) -> uuid.UUID | None:
    if isinstance(instance, Couple):
        return instance.pk
    if isinstance(instance, User):
        couple = couple_for(instance)
        return couple.pk if couple else None
    return getattr(instance, "couple_id", None)

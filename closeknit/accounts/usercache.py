"""The signed-in person's row, kept in the cache for a minute.

Every signed-in request loads the user's row to check the session against
it (its password hash) and that the account is active. On the kept home page
that query was a third of a visit's cost (with the connection health check
that precedes a request's first query, two database round trips), so the
authentication backends (`accounts/backends.py`) read the row from here.

Freshness is explicit: `User.save()` and `User.delete()` call `forget_user`,
at once and again after the transaction commits (so a request that read the
old row meanwhile cannot leave it behind for long). A password change, a
deactivation or a deleted account therefore takes effect on the next request,
as without the cache. Only a write that bypasses the model (a raw
`QuerySet.update()` or bulk delete of users; the project has none) shows
within `LIFETIME`.

The kept row holds what the table holds, the password's hash included, in
the same cache as the sessions themselves: Redis must be as private as the
database (README, "Running it for many couples").
"""

import hashlib
from functools import cache as once
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction

LIFETIME = 60  # seconds


@once
def _fields() -> tuple[list[str], str]:
    """The row's columns in order, and a short name for that list.

    The key names the columns, so a process running a newer schema never
    reads a row kept by an older one.
    """
    names = [f.attname for f in get_user_model()._meta.concrete_fields]
    return names, hashlib.sha256(" ".join(names).encode()).hexdigest()[:8]


def _key(user_id: object) -> str:
    return f"user-row:{_fields()[1]}:{user_id}"


def cached_user(user_id: Any) -> Any:
    """The user with this id (None if there is none), from the cache when kept there."""
    model = get_user_model()
    names, _ = _fields()
    values = cache.get(_key(user_id))
    if values is not None:
        return model.from_db("default", names, values)
    user = model._default_manager.filter(pk=user_id).first()
    if user is not None:
        cache.set(_key(user_id), [getattr(user, name) for name in names], LIFETIME)
    return user


def forget_user(user_id: object) -> None:
    """The kept row is stale: drop it now and once more when the change is committed."""
    key = _key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))

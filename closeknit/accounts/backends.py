"""Django's and allauth's sign-in backends, reading the signed-in user through the cache.

Only `get_user` (every signed-in request) changes; signing in is theirs.
See `accounts/usercache.py` for how the kept row stays fresh.
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend

from closeknit.accounts.usercache import cached_user


class CachedGetUser(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        user = cached_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class CachedModelBackend(CachedGetUser):
    """Django's e-mail and password backend (the admin's sign-in)."""


class CachedAllauthBackend(CachedGetUser, AuthenticationBackend):  # type: ignore[misc]  # allauth ships no types
    """allauth's backend (every sign-in through the site)."""

"""API authentication and the API's side of the access helpers."""

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from closeknit.accounts.models import User
from closeknit.accounts.tokens import user_for_token
from closeknit.accounts.zones import read_as
from closeknit.couples.access import couple_and_partner
from closeknit.couples.models import Couple
from closeknit.lib import ratelimit
from closeknit.lib.errors import Forbidden


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
            read_as(user)  # the middleware ran before the token was read
        return user


# Tokens for apps; the browser session (with its CSRF check) for the web app.
API_AUTH: list[Any] = [TokenAuth(), django_auth]


def api_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def api_couple(request: HttpRequest) -> tuple[Couple, User]:
    """The caller's couple and partner, or 403 for someone who is not paired."""
    found = couple_and_partner(api_user(request))
    if found is None:
        raise Forbidden("Pair with your partner first.")
    return found


def limit(request: HttpRequest, group: str, rate: str) -> None:
    """Until every limited write counts in its service (closeknit.lib.ratelimit.check)."""
    user = request.user
    ratelimit.check(user if user.is_authenticated else ratelimit.address(request), group)


def viewer(context: dict[str, Any]) -> UUID:
    """Who is reading, for a schema's resolver: `mine` and `from_me` are about them."""
    return api_user(context["request"]).pk

"""Rate limits: one table of rates, counted below the transport.

Services call `check(user, group)` before the write they protect, so a page, an
API operation, the CLI and the worker meet the same limit and the same refusal
(`RateLimited`: 429 with the one error shape on the API, the message on the
page's form with a 429). django-ratelimit does the counting, in the cache that
every process shares (Redis when REDIS_URL is set).
"""

from collections.abc import Callable
from typing import TypeVar, cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from closeknit.lib.errors import RateLimited

# group: rate, per person (or per address, for someone signed out).
RATES = {
    "appreciations": "60/h",  # appreciations sent (each tells the partner)
    "appreciation-coach": "90/m",  # the appreciation coach's hints on a draft
    "checkin": "30/m",  # check-ins saved
    "coach": "60/m",  # the listening coach: live, the no-JavaScript button and the API
    "invite-accept": "10/m",  # invite codes tried and invites accepted
    "invites": "20/h",  # invites made
    "jokes": "30/m",  # notes put in the jokes jar
    "support": "20/h",  # support signals sent (each tells the partner)
    "tokens": "10/m",  # API tokens asked for with a password, per address
}


def check(who: AbstractBaseUser | str, group: str) -> None:
    """Count one `group` action by `who` (a user, or `address(request)`); refuse when over.

    >>> check("ip:192.0.2.1", "tokens")  # the first of ten a minute
    """
    key = who if isinstance(who, str) else f"user:{who.pk}"
    # No request: django-ratelimit reads none when the key is a callable and
    # the method is ALL, so services call this with what they already have.
    over = is_ratelimited(
        None,
        group=group,
        key=lambda _group, _request: key,
        rate=RATES[group],
        method=ALL,
        increment=True,
    )
    if over:
        raise RateLimited()


View = TypeVar("View", bound=Callable[..., HttpResponse])


def per_address(rate: str) -> Callable[[View], View]:
    """For links opened without an account (the invite link, the calendar feed), where
    no service knows who asks: counted by the client's address, answered with the 429
    page (`too_many_requests`). django-ratelimit ships no types; this names them."""
    return cast("Callable[[View], View]", ratelimit(key="ip", rate=rate, block=True))


def address(request: HttpRequest) -> str:
    """Who is asking when nobody is signed in: the client's address."""
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The page django-ratelimit's decorator shows (the invite link, the calendar feed)."""
    return render(request, "429.html", status=429)

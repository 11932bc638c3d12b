"""Every time is the reader's: the signed-in person's own time zone, around every request.

Times are stored in UTC. While a request runs, Django's current time zone is
the reader's (`User.timezone`), so templates show, forms read and
`timezone.localdate()` answers on the reader's clock; each partner has their
own. The API's token authentication switches to the token owner's zone the same
way (`closeknit.api.auth.TokenAuth`), since a token is only read after this.
Signed out, times are UTC.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from closeknit.accounts.models import User


def reader_time_zone(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """The middleware: after authentication; the zone is put back when the request ends."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        zone = user.tz if isinstance(user, User) and user.is_authenticated else None
        with timezone.override(zone):
            return get_response(request)

    return middleware


def read_as(user: User) -> None:
    """From now until the request ends, times are `user`'s (a token read after the middleware)."""
    timezone.activate(user.tz)

import json
import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

log = logging.getLogger(__name__)

# Closeknit never needs these browser features; saying so limits what an
# injected script could reach for.
POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def permissions_policy(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", POLICY)
        return response

    return middleware


class DatabaseUnavailable:
    """While the database cannot be reached (a restart, a fail-over), answer 503, not 500.

    Only when the connection itself is gone: the request's transaction never
    started or was aborted by the server, so nothing of it is stored and the
    client may send it again (Retry-After). Any other database error stays a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError) or _database_up():
            return None
        log.warning("Database unreachable, answered 503: %s", exception)
        message = "Closeknit is reconnecting to its database. Please try again in a moment."
        if request.path.startswith("/api/"):
            body = {"detail": message, "code": "unavailable", "field": None}
            response: HttpResponse = JsonResponse(body, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "2"
        return response


def _database_up() -> bool:
    return connection.connection is not None and connection.is_usable()


NUL_MESSAGE = "Text cannot contain the NUL character (U+0000). Remove it and send again."


def refuse_nul(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Answer 400 to a NUL character in a query string or a JSON body.

    PostgreSQL cannot store NUL in text, so it would surface as a 500 on
    PostgreSQL and be stored on SQLite. Django's forms already refuse it; the
    JSON API and query strings are checked here, in one place.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if not _has_nul(request):
            return get_response(request)
        if request.path.startswith("/api/"):
            body = {"detail": NUL_MESSAGE, "code": "bad_request", "field": None}
            return JsonResponse(body, status=400)
        return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")

    return middleware


def _has_nul(request: HttpRequest) -> bool:
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return True
    if request.method in ("GET", "HEAD") or request.content_type != "application/json":
        return False
    try:
        return _any_nul(json.loads(request.body))
    except ValueError:
        return False  # not JSON: the API answers that itself


def _any_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_any_nul(k) or _any_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_any_nul(v) for v in value)
    return False

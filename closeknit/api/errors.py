"""One error shape for the whole API, and the status each kind of refusal gets.

Every refusal, whether a product rule (`closeknit.lib.errors`), a body that does
not match its schema, a missing sign-in or a rate limit, answers
`{"detail": <a sentence for people>, "code": <a word for programs>, "field": <or null>}`.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from closeknit.lib.errors import DomainError


class ErrorOut(Schema):
    detail: str
    code: str
    field: str | None = None


# Declared on every operation that can answer them: `response={200: X, **ERRORS}`.
ERRORS: dict[int, Any] = dict.fromkeys((403, 404, 409, 422, 429), ErrorOut)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found"}
_CODES |= {405: "method_not_allowed", 409: "conflict", 422: "invalid", 429: "rate_limited"}


def install(api: NinjaAPI) -> None:
    """Register the handlers that give every refusal the one shape."""

    def answer(
        request: HttpRequest, status: int, detail: str, field: str | None = None
    ) -> HttpResponse:
        body = {"detail": detail, "code": _CODES.get(status, "error"), "field": field}
        response: HttpResponse = api.create_response(request, body, status=status)
        return response

    @api.exception_handler(DomainError)
    def domain(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return answer(request, exc.status, exc.message, exc.field)

    @api.exception_handler(HttpError)
    def http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # The access helpers answer another couple's identifier like a missing one.
        return answer(request, 404, "Not found.")

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 401, "Sign in or send a valid API token.")

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        detail, field = describe(exc.errors)
        return answer(request, 422, detail, field)


def describe(errors: list[dict[str, Any]]) -> tuple[str, str | None]:
    """The first schema error in words, and the field it is about.

    >>> describe([{"loc": ("body", "data", "title"), "msg": "Field required"}])
    ('title: Field required.', 'title')
    """
    if not errors:
        return "The request doesn't match what this operation takes.", None
    first = errors[0]
    names = [str(part) for part in first.get("loc", ()) if part not in ("body", "data", "query")]
    field = names[-1] if names else None
    message = str(first.get("msg", "is not valid")).rstrip(".")
    return (f"{field}: {message}." if field else f"{message}."), field

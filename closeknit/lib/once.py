"""Once is once: a repeated submission returns the first answer, and nothing runs twice.

A double tap on a slow link, Back then Send, or an API client retrying after a
lost answer all send the same request again. Each carries a key:

- pages: every POST form has `{% once %}`, a hidden field with a key made
  when the page was rendered (htmx sends it only when a form is submitted,
  not from live checks inside the form: see app.js);
- the API: the standard `Idempotency-Key` header, chosen by the client.

The first request with a key runs and its answer is kept for a day (status,
Location, cookies, body), under the key and who sent it; a repeat gets that
answer again without running the view, so nothing is created or notified
twice. A repeat that arrives while the first still runs waits for it. The
same API key with a different request is refused (422).
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse

FIELD = "_once"
HEADER = "Idempotency-Key"
KEEP = 24 * 3600  # seconds a first answer is kept
WAIT = 20.0  # seconds a repeat waits for the first to finish
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _scope(request: HttpRequest) -> str | None:
    """Who sent it: the signed-in person, or the API token's digest; None for anyone else."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return "token:" + hashlib.sha256(auth.encode()).hexdigest()
    return None


def _key(request: HttpRequest) -> str | None:
    if request.method not in UNSAFE:
        return None
    if given := request.headers.get(HEADER, "").strip():
        return given[:200]
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return request.POST.get(FIELD, "").strip()[:200] or None
    return None


def _fingerprint(request: HttpRequest) -> str:
    """The request itself, less the form's own key: the same key for another request is misuse."""
    body = request.body if request.content_type == "application/json" else b""
    return hashlib.sha256(f"{request.method} {request.path}".encode() + body).hexdigest()


def _kept(response: HttpResponse) -> dict[str, Any]:
    return {
        "status": response.status_code,
        "headers": {
            name: response[name]
            for name in ("Content-Type", "Location", "HX-Redirect", "HX-Trigger")
            if name in response
        },
        "cookies": [(m.key, m.value, dict(m.items())) for m in response.cookies.values()],
        "body": response.content,
    }


def _replay(kept: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(kept["body"], status=kept["status"])
    for name, value in kept["headers"].items():
        response[name] = value
    for name, value, attributes in kept["cookies"]:
        response.cookies[name] = value
        response.cookies[name].update(attributes)
    response["Idempotent-Replay"] = "true"
    return response


def _refused(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        code = "invalid" if status == 422 else "conflict"
        return JsonResponse({"detail": message, "code": code, "field": None}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class Once:
    """The middleware: after authentication and CSRF, around every unsafe request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        name = getattr(request, "_once_name", None)
        if name is not None:
            if response.status_code < 500 and not response.streaming:
                kept = {"fingerprint": request._once_fingerprint, **_kept(response)}  # type: ignore[attr-defined]
                cache.set(name, kept, KEEP)
            cache.delete(f"{name}:running")  # a 5xx keeps nothing: the next try runs anew
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        # Here, not in __call__: CSRF has been checked, and the person is known.
        # The key first: a GET (most requests) never loads the session or the user here.
        key = _key(request)
        scope = _scope(request) if key is not None else None
        if key is None or scope is None:
            return None
        name = f"once:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"
        fingerprint = _fingerprint(request)
        if cache.get(name) is not None or not cache.add(f"{name}:running", 1, int(WAIT) + 10):
            return _answer_again(request, name, fingerprint)
        request._once_name = name  # type: ignore[attr-defined]
        request._once_fingerprint = fingerprint  # type: ignore[attr-defined]
        return None


def _answer_again(request: HttpRequest, name: str, fingerprint: str) -> HttpResponse:
    """The first answer to this key, once it is there."""
    deadline = time.monotonic() + WAIT
    while True:
        kept = cache.get(name)
        if kept is not None:
            if kept["fingerprint"] != fingerprint:
                return _refused(
                    request, 422, "This Idempotency-Key was used for a different request."
                )
            return _replay(kept)
        if cache.get(f"{name}:running") is None:
            return _refused(request, 409, "The first try didn't go through. Please send it again.")
        if time.monotonic() > deadline:
            return _refused(request, 409, "This is still being sent. Please reload in a moment.")
        time.sleep(0.1)

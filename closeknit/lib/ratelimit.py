"""Rate limits for pages and the API, on top of django-ratelimit."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The page django-ratelimit shows when a form is sent too often."""
    return render(request, "429.html", status=429)


def over_limit(request: HttpRequest, group: str, rate: str) -> bool:
    """Count this request against `group` per user (or IP when signed out).

    Used where a decorator cannot reach, such as django-ninja operations.
    """
    return is_ratelimited(
        request, group=group, key=_user_or_ip, rate=rate, method=is_ratelimited.ALL, increment=True
    )


def _user_or_ip(group: str, request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"

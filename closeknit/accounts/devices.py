"""Signed-in devices: what Settings lists, and ending one.

allauth's user sessions keep a row per browser session (made at sign-in);
`track_activity` keeps its "last seen" fresh, at most every few minutes so a
page view does not become a database write.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from ua_parser import parse

from closeknit.accounts.models import User

SEEN_EVERY = 300  # seconds between two "last seen" writes for one session


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    ip: str
    signed_in: datetime
    last_seen: datetime
    current: bool


def device_name(user_agent: str) -> str:
    """A person's words for a browser: "Firefox on Android", or "A browser".

    >>> device_name("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
    'Firefox on Linux'
    """
    result = parse(user_agent)
    browser = result.user_agent.family if result.user_agent else ""
    system = result.os.family if result.os else ""
    browser = "" if browser in ("Other", "") else browser
    system = "" if system in ("Other", "") else system
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or "A browser or app"


def devices_for(request: HttpRequest, user: User) -> list[Device]:
    """The person's live sessions, this one first, then the most recently seen."""
    current = request.session.session_key
    sessions = UserSession.objects.purge_and_list(user)
    devices = [
        Device(
            id=public_id(s),
            name=device_name(s.user_agent),
            ip=s.ip,
            signed_in=s.created_at,
            last_seen=s.last_seen_at,
            current=s.session_key == current,
        )
        for s in sessions
    ]
    return sorted(devices, key=lambda d: (not d.current, -d.last_seen.timestamp()))


def public_id(session: UserSession) -> str:
    """An opaque name for a session in addresses: never its key, never a counter."""
    return hashlib.sha256(f"device:{session.session_key}".encode()).hexdigest()[:32]


def end_device(user: User, device_id: str) -> bool:
    """Sign one of the person's sessions out; False when it is not theirs or is gone."""
    for session in UserSession.objects.filter(user=user):
        if public_id(session) == device_id:
            session.end()
            return True
    return False


def track_activity(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Keep each signed-in session's "last seen", one write per session every few minutes."""

    def middleware(request: HttpRequest) -> HttpResponse:
        key = request.session.session_key
        if key and request.user.is_authenticated and cache.add(f"seen:{key}", 1, SEEN_EVERY):
            UserSession.objects.create_from_request(request)
        return get_response(request)

    return middleware

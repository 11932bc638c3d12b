"""Signed-in devices: what Settings lists, and ending one.

allauth's user sessions keep a row per browser session, made at sign-in.
"Last seen" lives in the cache, set by `track_activity` at most every few
minutes per session: a page view never becomes a database write. When the
cache has forgotten, the row's own time (the sign-in) stands in.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
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


def _seen_key(session_key: str) -> str:
    return f"seen:{session_key}"


def devices_for(request: HttpRequest, user: User) -> list[Device]:
    """The person's live sessions, this one first, then the most recently seen."""
    current = request.session.session_key
    sessions = UserSession.objects.purge_and_list(user)
    seen = cache.get_many([_seen_key(s.session_key) for s in sessions])
    devices = [
        Device(
            id=public_id(s),
            name=device_name(s.user_agent),
            ip=s.ip,
            signed_in=s.created_at,
            last_seen=max(s.last_seen_at, seen.get(_seen_key(s.session_key), s.last_seen_at)),
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
    """Note when each signed-in session was last seen, in the cache, every few minutes.

    Each process remembers what it noted lately, so most requests cost nothing here.
    """
    noted: dict[str, float] = {}

    def middleware(request: HttpRequest) -> HttpResponse:
        key = request.session.session_key
        now = time.time()
        if key and now - noted.get(key, -SEEN_EVERY) >= SEEN_EVERY:
            if len(noted) > 10_000:
                noted.clear()  # a bound on memory; forgetting only costs one more note
            noted[key] = now
            if request.user.is_authenticated:
                cache.set(_seen_key(key), timezone.now(), 30 * 24 * 3600)
        return get_response(request)

    return middleware

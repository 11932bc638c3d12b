"""API tokens: shown once, stored as a SHA-256 digest."""

import hashlib
import secrets

from django.utils import timezone

from closeknit.accounts.models import ApiToken, User

PREFIX = "ck_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    raw = PREFIX + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name, digest=_digest(raw)), raw


def user_for_token(raw: str) -> User | None:
    if not raw.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(raw)).first()
    if token is None or not token.user.is_active:
        return None
    # Touch at most once a minute, so reads do not become writes on every call.
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        token.last_used = now
        token.save(update_fields=["last_used"])
    return token.user

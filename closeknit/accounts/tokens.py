"""API tokens: shown once, stored as a SHA-256 digest.

A token reads everything its owner can, so it is only as strong as the way it
was obtained: with a second factor turned on, e-mail and password alone are
not enough (`token_for_credentials`), and a new password or a new second
factor revokes every token made before it (`revoke_tokens`).
"""

import hashlib
import secrets

from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.models import Authenticator
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone

from closeknit.accounts.models import ApiToken, User

PREFIX = "ck_"


class TokenRefused(Exception):
    """Why a token was not issued; `reason` is machine-readable for API clients."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    raw = PREFIX + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name, digest=_digest(raw)), raw


def token_for_credentials(
    request: HttpRequest, email: str, password: str, code: str, name: str
) -> str:
    """A new token for e-mail, password and (when the account has one) a second factor.

    The code is a current authenticator-app code or an unused recovery code,
    checked by allauth with its own rate limit and replay protection.
    """
    user = authenticate(request, email=email, password=password)
    if not isinstance(user, User):
        raise TokenRefused(
            "invalid_credentials", "That e-mail and password don't match an account."
        )
    _check_second_factor(user, code.strip())
    return create_token(user, name[:60])[1]


def _check_second_factor(user: User, code: str) -> None:
    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    if not kinds:
        return
    if not code and kinds <= {Authenticator.Type.WEBAUTHN, Authenticator.Type.RECOVERY_CODES}:
        # A passkey cannot be used through this endpoint: the browser has to sign in.
        raise TokenRefused(
            "passkey_only",
            "This account's second factor is a passkey: sign in with it and create "
            "a token in Settings → Devices and tokens.",
        )
    if not code:
        raise TokenRefused(
            "second_factor_required",
            "This account has two-factor authentication: send the code from your "
            'authenticator app (or a recovery code) as "code".',
        )
    form = BaseAuthenticateForm(user=user, data={"code": code})
    if not form.is_valid():
        raise TokenRefused("invalid_second_factor", "That code is not right, or was used already.")


def revoke_tokens(user: User) -> int:
    """End every API token of the person (after a new password or second factor)."""
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return deleted


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

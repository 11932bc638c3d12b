from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from closeknit.couples.invites import PENDING_INVITE_SESSION_KEY


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth ships no types
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # A host may close sign-up; someone holding an invite link may still join.
        if request.session.get(PENDING_INVITE_SESSION_KEY):
            return True
        return bool(getattr(settings, "SIGNUP_OPEN", True))

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Back to the invite the person arrived with, even after verifying e-mail.
        if token := request.session.get(PENDING_INVITE_SESSION_KEY):
            return f"/pair/{token}/"
        url: str = super().get_login_redirect_url(request)
        return url

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self.get_login_redirect_url(request)

from typing import Any

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "closeknit.accounts"
    label = "accounts"

    def ready(self) -> None:
        # allauth runs the password and two-factor flows; these are its only
        # hooks into them. The receivers only call the named service.
        from allauth.account import signals as account_signals
        from allauth.mfa import signals as mfa_signals

        for signal in (
            account_signals.password_changed,
            account_signals.password_reset,
            account_signals.password_set,
            mfa_signals.authenticator_added,
        ):
            signal.connect(_revoke_tokens, dispatch_uid=f"revoke-tokens-{id(signal)}")


def _revoke_tokens(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Tokens made with the old password, or without the new factor, stop working."""
    from django.contrib import messages

    from closeknit.accounts.tokens import revoke_tokens

    if revoke_tokens(user) and request is not None:
        messages.info(request, "Your API tokens were revoked: make new ones in Settings.")

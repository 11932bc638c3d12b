"""POST /api/v1/tokens with two-factor turned on: the password alone gets nothing."""

import time
from typing import Any

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.webauthn.internal.auth import WebAuthn
from django.core.cache import cache

from closeknit.accounts.models import ApiToken
from closeknit.accounts.tokens import user_for_token
from closeknit.api.tests.base import ApiTestCase
from closeknit.test import PASSWORD


def current_code(secret: str) -> str:
    code: str = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    return code


class SecondFactorTokenTestCase(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.secret = generate_totp_secret()
        TOTP.activate(self.ana, self.secret)
        self.recovery = RecoveryCodes.activate(self.ana).get_unused_codes()

    def ask(self, **extra: str) -> Any:
        body = {"email": "ana@example.org", "password": PASSWORD, "name": "Phone", **extra}
        return self.api("post", "/tokens", None, body)

    def test_it_refuses_the_password_alone(self) -> None:
        r = self.ask()
        self.assertEqual(r.status_code, 401)
        self.assertEqual(r.json()["reason"], "second_factor_required")
        self.assertIn("authenticator app", r.json()["detail"])
        self.assertFalse(ApiToken.objects.exists())

    def test_it_refuses_a_wrong_code(self) -> None:
        wrong = f"{(int(current_code(self.secret)) + 1) % 1_000_000:06d}"
        r = self.ask(code=wrong)
        self.assertEqual(r.status_code, 401)
        self.assertEqual(r.json()["reason"], "invalid_second_factor")
        self.assertFalse(ApiToken.objects.exists())

    def test_it_issues_a_token_for_the_current_code_once(self) -> None:
        code = current_code(self.secret)
        r = self.ask(code=code)
        self.assertEqual(r.status_code, 201)
        self.assertEqual(user_for_token(r.json()["token"]), self.ana)
        # The same code cannot be replayed for a second token.
        self.assertEqual(self.ask(code=code).status_code, 401)
        self.assertEqual(ApiToken.objects.count(), 1)

    def test_a_recovery_code_works_once(self) -> None:
        self.assertEqual(self.ask(code=self.recovery[0]).status_code, 201)
        self.assertEqual(self.ask(code=self.recovery[0]).status_code, 401)

    def test_the_password_must_still_be_right(self) -> None:
        body = {"email": "ana@example.org", "password": "nope", "code": current_code(self.secret)}
        r = self.api("post", "/tokens", None, body)
        self.assertEqual(r.json()["reason"], "invalid_credentials")

    def test_an_account_without_two_factor_is_unchanged(self) -> None:
        body = {"email": "ben@example.org", "password": PASSWORD}
        self.assertEqual(self.api("post", "/tokens", None, body).status_code, 201)


class PasskeyOnlyTokenTestCase(ApiTestCase):
    def test_a_passkey_account_is_sent_to_settings(self) -> None:
        WebAuthn.add(self.ana, "Laptop", {"credential": {}})
        body = {"email": "ana@example.org", "password": PASSWORD}
        r = self.api("post", "/tokens", None, body)
        self.assertEqual(r.status_code, 401)
        self.assertEqual(r.json()["reason"], "passkey_only")
        self.assertIn("Settings", r.json()["detail"])


class RevocationTestCase(ApiTestCase):
    """A new password or a new second factor ends every token made before it."""

    def setUp(self) -> None:
        cache.clear()
        body = {"email": "ana@example.org", "password": PASSWORD}
        self.token = self.api("post", "/tokens", None, body).json()["token"]
        self.ben_token = self.api(
            "post", "/tokens", None, {"email": "ben@example.org", "password": PASSWORD}
        ).json()["token"]

    def test_a_password_change_revokes_tokens(self) -> None:
        client = self.client_for(self.ana)
        r = client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "a-new-long-password",
                "password2": "a-new-long-password",
            },
        )
        self.assertEqual(r.status_code, 302)
        self.assertIsNone(user_for_token(self.token))
        self.assertEqual(user_for_token(self.ben_token), self.ben)

    def test_turning_on_an_authenticator_app_revokes_tokens(self) -> None:
        client = self.client_for(self.ana)
        client.post("/accounts/reauthenticate/", {"password": PASSWORD})  # allauth asks first
        client.get("/accounts/2fa/totp/activate/")
        secret = client.session["mfa.totp.secret"]
        with self.captureOnCommitCallbacks(execute=True):
            r = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
        self.assertEqual(r.status_code, 302)
        self.assertIsNone(user_for_token(self.token))
        self.assertEqual(user_for_token(self.ben_token), self.ben)

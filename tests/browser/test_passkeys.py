"""Passkeys and the second factor, in Chromium with its virtual authenticator."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.test import PASSWORD, make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def virtual_authenticator(page: Page) -> None:
    """A platform authenticator that says yes, as a phone's fingerprint reader would."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})


def test_a_passkey_is_added_then_used_to_sign_in(live_server: LiveServer, new_page) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana = new_page("ana")
    virtual_authenticator(ana)
    log_in(ana, base, "ana@example.org")

    ana.goto(f"{base}/accounts/2fa/webauthn/add/")
    if "reauthenticate" in ana.url:  # allauth asks for the password before a new key
        ana.get_by_label("Password").fill(PASSWORD)
        ana.get_by_role("button", name="Confirm").click()
    ana.get_by_label("Name").fill("Ana's phone")
    ana.get_by_label("Passwordless").check()  # a passkey: sign in with it alone
    ana.get_by_role("button", name="Add").click()
    expect(ana.get_by_text("Passkey added.")).to_be_visible()
    assert Authenticator.objects.filter(type=Authenticator.Type.WEBAUTHN).count() == 1

    ana.get_by_role("button", name="Log out").click()
    ana.goto(f"{base}/accounts/login/")
    ana.get_by_role("button", name="Log in with a passkey").click()
    expect(ana.get_by_role("button", name="Log out")).to_be_visible()


def test_with_an_authenticator_app_the_password_alone_gets_no_api_token(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana = new_page("ana")
    log_in(ana, base, "ana@example.org")
    ana.goto(f"{base}/accounts/2fa/totp/activate/")
    if "reauthenticate" in ana.url:
        ana.get_by_label("Password").fill(PASSWORD)
        ana.get_by_role("button", name="Confirm").click()
    secret = ana.locator("#authenticator_secret").input_value()
    ana.get_by_label("Authenticator code").fill(code_for(secret))
    ana.get_by_role("button", name="Activate").click()
    expect(ana.get_by_text("Recovery codes", exact=False).first).to_be_visible()

    api = Client()
    body = {"email": "ana@example.org", "password": PASSWORD}
    refused = api.post("/api/v1/tokens", body, content_type="application/json")
    assert refused.status_code == 401
    assert refused.json()["reason"] == "second_factor_required"
    # The activation used this period's code: a recovery code from the page it shows.
    recovery = ana.locator("textarea").input_value().split()[0]
    granted = api.post(
        "/api/v1/tokens", {**body, "code": recovery}, content_type="application/json"
    )
    assert granted.status_code == 201


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))

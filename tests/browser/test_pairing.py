import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.accounts.models import User
from closeknit.couples.models import Membership

PASSWORD = "a long and lovely passphrase"


def sign_up(page: Page, base: str, email: str, name: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your time zone").select_option("Europe/Lisbon")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()


@pytest.mark.django_db(transaction=True)
def test_two_partners_sign_up_invite_accept_and_share_a_home(
    live_server: LiveServer, new_page
) -> None:
    base = live_server.url
    ana = new_page("ana")
    ana.goto(f"{base}/accounts/signup/")
    sign_up(ana, base, "ana@example.org", "Ana")
    expect(ana.get_by_role("heading", name="Pair with your partner")).to_be_visible()
    ana.get_by_role("button", name="Create an invite").click()
    link = ana.get_by_label("Invite link").input_value()
    assert "/pair/" in link
    # One tap copies the whole link, and the page says so.
    ana.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ana.get_by_role("button", name="Copy the link").click()
    expect(ana.get_by_role("status")).to_have_text(re.compile("^Copied"))
    assert ana.evaluate("navigator.clipboard.readText()") == link
    # Opening your own link says so before any tap.
    ana.goto(link)
    expect(ana.get_by_role("heading", name="This is your own invite")).to_be_visible()
    expect(ana.get_by_role("button", name="Yes, pair us")).to_have_count(0)

    ben = new_page("ben")
    ben.goto(link)
    expect(ben.get_by_role("heading", name="Ana invited you to Closeknit")).to_be_visible()
    ben.get_by_role("button", name="Create an account").click()
    sign_up(ben, base, "ben@example.org", "Ben")
    expect(ben.get_by_role("heading", name="Pair with Ana?")).to_be_visible()
    ben.get_by_role("button", name="Yes, pair us").click()
    expect(ben.get_by_role("heading", name="Hello, Ben")).to_be_visible()
    expect(ben.locator("hgroup p")).to_contain_text("You and Ana")

    ana.goto(base)
    expect(ana.get_by_role("heading", name="Hello, Ana")).to_be_visible()
    expect(ana.locator("hgroup p")).to_contain_text("You and Ben")
    couples = {m.couple_id for m in Membership.objects.filter(left_at__isnull=True)}
    assert len(couples) == 1 and User.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_partner_with_an_account_pairs_with_a_typed_code(
    live_server: LiveServer, new_page
) -> None:
    for email, name in [("cora@example.org", "Cora"), ("dev@example.org", "Dev")]:
        User.objects.create_user(email, PASSWORD, display_name=name)
    base = live_server.url
    cora = new_page("cora")
    cora.goto(f"{base}/accounts/login/")
    cora.get_by_label("Email").fill("cora@example.org")
    cora.get_by_label("Password").fill(PASSWORD)
    cora.get_by_role("button", name="Log in", exact=True).click()
    cora.get_by_role("button", name="Create an invite").click()
    code = cora.get_by_label("Invite code").inner_text()

    dev = new_page("dev")
    dev.goto(f"{base}/accounts/login/")
    dev.get_by_label("Email").fill("dev@example.org")
    dev.get_by_label("Password").fill(PASSWORD)
    dev.get_by_role("button", name="Log in", exact=True).click()
    dev.get_by_label("Your partner's code").fill("WRONG-CODE")
    dev.get_by_role("button", name="Continue").click()
    expect(dev.get_by_text("couldn't find that invite")).to_be_visible()
    dev.get_by_label("Your partner's code").fill(code.lower())
    dev.get_by_role("button", name="Continue").click()
    dev.get_by_role("button", name="Yes, pair us").click()
    expect(dev.locator("hgroup p")).to_contain_text("You and Cora")

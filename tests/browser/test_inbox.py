import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from closeknit.test import make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_inbox_shows_a_partners_new_answer(live_server: LiveServer, new_page) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")
    ana.goto(f"{base}/talk/")
    ana.get_by_label("Your answer").fill("Something I have never said out loud.")
    ana.get_by_role("button", name="Share my answer").click()
    expect(ana.locator(".answer-text")).to_contain_text("never said out loud")

    ben.goto(base)
    inbox = ben.get_by_role("link", name="Inbox 1 unread")
    expect(inbox).to_be_visible()
    inbox.click()
    item = ben.get_by_role("button", name="Ana answered today's question.")
    expect(item).to_be_visible()
    assert "never said out loud" not in ben.content()
    item.click()
    expect(ben.locator(".sealed")).to_contain_text("Ana has answered")
    # Read: the badge is gone, and Inbox is just "Inbox".
    expect(ben.get_by_role("link", name="Inbox", exact=True)).to_be_visible()

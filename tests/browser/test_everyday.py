"""Everyday trust in the browser: a double tap sends once, and the page says so."""

import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from closeknit.appreciate.models import Appreciation
from closeknit.nudges.models import Notification
from closeknit.test import make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_double_tap_on_send_sends_one_appreciation(live_server: LiveServer, new_page) -> None:
    _, ben, _ = make_couple("ana", "ben")
    page = new_page("ana")
    log_in(page, live_server.url, "ana@example.org")
    page.goto(f"{live_server.url}/appreciate/new/")
    page.get_by_label("What you did").fill("You made soup when I was ill.")
    page.get_by_label("How it affected me").fill("I felt looked after.")
    page.get_by_label("What it shows about you").fill("It shows how caring you are.")
    key = page.locator("form input[name=_once]").first.input_value()
    page.get_by_role("button", name="Send to Ben").dblclick()
    expect(page.get_by_text("Sent. Ben will find it on the wall.")).to_be_visible()
    assert Appreciation.objects.count() == 1
    assert Notification.objects.filter(recipient=ben).count() == 1

    # Back to the filled form, and Send again: the first appreciation, not a second.
    page.go_back()
    assert page.locator("form input[name=_once]").first.input_value() == key
    page.get_by_role("button", name="Send to Ben").click()
    expect(page.get_by_role("heading", name="Appreciations")).to_be_visible()
    assert Appreciation.objects.count() == 1

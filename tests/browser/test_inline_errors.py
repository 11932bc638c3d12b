"""With JavaScript on, a refused htmx form shows its message where the person is.

The forms that send through htmx (the daily answer, a reply, the paths
reflection) get a 422 for bad input; htmx is configured once (base.html) to
swap that answer in, as the no-JavaScript page shows it. Each test below checks
the message appears, the page did not navigate, and what was typed is kept.
"""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.talk import prompts, services
from closeknit.talk.models import Answer, Reply
from closeknit.test import make_couple
from tests.browser.helpers import htmx_settled, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def sent_by_htmx(page: Page, button: str) -> None:
    """Click and wait for htmx; fail if the click loaded a new page instead."""
    htmx_settled(page)
    page.evaluate("window.__same_page = true")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name=button).click()
    assert answer.value.status == 422
    htmx_settled(page)
    assert page.evaluate("window.__same_page === true"), "the form navigated instead of swapping"


def test_an_empty_daily_answer_is_explained_in_place(live_server: LiveServer, new_page) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana = new_page("ana")
    log_in(ana, base, "ana@example.org")
    ana.goto(f"{base}/talk/")
    ana.get_by_label("Your answer").fill("   ")
    sent_by_htmx(ana, "Share my answer")
    card = ana.locator("#question-card")
    expect(card.locator(".field-error")).to_have_text("Write a few words, or pass on this one.")
    expect(ana.get_by_label("Your answer")).to_be_visible()
    assert not Answer.objects.exists()


def test_an_empty_reply_is_explained_in_place_and_the_coach_note_kept(
    live_server: LiveServer, new_page
) -> None:
    ana_user, ben_user, couple = make_couple("ana", "ben")
    question = prompts.todays_question(couple)
    services.answer_question(question, ana_user, "The smell of rain on the balcony.")
    services.answer_question(question, ben_user, "Our Sunday walks.")
    base = live_server.url
    ben = new_page("ben")
    log_in(ben, base, "ben@example.org")
    ben.goto(f"{base}/talk/")
    keep = ben.get_by_role("checkbox")
    if keep.count():
        keep.first.check()
    sent_by_htmx(ben, "Send reply")
    expect(ben.locator("#question-card .field-error")).to_have_text("Your reply is empty.")
    if keep.count():
        expect(keep.first).to_be_checked()
    assert not Reply.objects.exists()

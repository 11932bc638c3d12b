import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from closeknit.talk.models import Reply, TalkRating
from closeknit.test import make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_daily_question_stays_sealed_until_both_answer_then_a_coached_reply(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/talk/")
    ana.get_by_label("Your answer").fill("The smell of rain on the balcony.")
    ana.get_by_role("button", name="Share my answer").click()
    expect(ana.locator(".answer-text")).to_contain_text("balcony")

    ben.goto(f"{base}/talk/")
    expect(ben.locator(".sealed")).to_contain_text("Ana has answered")
    assert "balcony" not in ben.content()
    ben.get_by_label("Your answer").fill("Our Sunday walks.")
    ben.get_by_role("button", name="Share my answer").click()
    expect(ben.get_by_text("The smell of rain on the balcony.")).to_be_visible()

    # htmx binds the live coach when the page has loaded; typing before that
    # sends no input event to it.
    ben.wait_for_load_state("load")
    reply = ben.get_by_label("Your reply")
    reply.fill("Sure, but rain is just water.")
    expect(ben.get_by_text("A “but” that may cancel")).to_be_visible()
    ben.get_by_role("button", name="Use: “Sure, and rain is just water.”").click()
    expect(reply).to_have_value("Sure, and rain is just water.")
    ben.get_by_role("button", name="Send reply").click()
    expect(ben.locator(".reply").get_by_text("Sure, and rain is just water.")).to_be_visible()
    assert Reply.objects.get().text == "Sure, and rain is just water."

    ana.goto(f"{base}/talk/")
    expect(ana.get_by_text("Our Sunday walks.")).to_be_visible()
    ana.get_by_role("button", name="Thank you for listening").click()
    expect(ana.get_by_text("You said thank you for listening")).to_be_visible()


def test_a_full_talk_time_session_on_one_device(live_server: LiveServer, new_page) -> None:
    make_couple("cora", "dev")
    base = live_server.url
    page = new_page("cora")
    log_in(page, base, "cora@example.org")
    page.goto(f"{base}/talk/time/")
    page.get_by_label("Topic", exact=True).select_option("dreams")
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_role("heading", name="Cora speaks, Dev only listens")).to_be_visible()
    page.get_by_role("button", name="Start the timer").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    for _ in range(10):
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="How did it feel?")).to_be_visible()
    for group in page.locator("fieldset.scale").all():
        group.get_by_label("6").check()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("Thank you both.")).to_be_visible()
    assert TalkRating.objects.count() == 2

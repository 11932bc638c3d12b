import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from closeknit.talk import prompts, services
from closeknit.talk.models import Reply, TalkRating
from closeknit.test import make_couple
from tests.browser.helpers import htmx_settled, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_daily_question_stays_sealed_until_both_answer_then_a_coached_reply(
    live_server: LiveServer, new_page
) -> None:
    ana_user, _, couple = make_couple("ana", "ben")
    # Today's question is drawn at random, and what the coach says to a reply
    # depends on it: a couple's own question comes first, so it is this one.
    home = "What's a smell that feels like home?"
    services.add_prompt(couple, ana_user, home, "values", "light")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/talk/")
    expect(ana.get_by_text(home)).to_be_visible()
    ana.get_by_label("Your answer").fill("The smell of rain on the balcony.")
    ana.get_by_role("button", name="Share my answer").click()
    expect(ana.locator(".answer-text")).to_contain_text("balcony")

    ben.goto(f"{base}/talk/")
    expect(ben.locator(".sealed")).to_contain_text("Ana has answered")
    assert "balcony" not in ben.content()
    ben.get_by_label("Your answer").fill("Our Sunday walks.")
    ben.get_by_role("button", name="Share my answer").click()
    expect(ben.get_by_text("The smell of rain on the balcony.")).to_be_visible()

    htmx_settled(ben)
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


def test_a_reply_typed_before_htmx_has_loaded_still_gets_the_coach(
    live_server: LiveServer, new_page
) -> None:
    """On a slow link the page shows (and takes typing) before htmx has loaded.

    The script is held back until the reply is typed: the coach must still read it.
    """
    ana, ben, couple = make_couple("ana", "ben")
    question = prompts.todays_question(couple)
    services.answer_question(question, ana, "The smell of rain on the balcony.")
    services.answer_question(question, ben, "Our Sunday walks.")
    page = new_page("ben")
    log_in(page, live_server.url, "ben@example.org")

    held = []
    page.route("**/htmx.min.js", lambda route: held.append(route))
    page.goto(f"{live_server.url}/talk/", wait_until="commit")
    page.get_by_label("Your reply").fill("Sure, but rain is just water.")
    expect(page.get_by_text("A “but” that may cancel")).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_text("A “but” that may cancel")).to_be_visible()


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

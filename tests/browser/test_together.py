"""Together: a date, a dream with a pledge and a celebration, and the opt-in "Just us" list,
each done by two partners in their own browsers."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.dates.models import DatePlan
from closeknit.dreams.models import Celebration, Pledge
from closeknit.private.models import Answer, Item
from closeknit.rituals import services as rituals
from closeknit.rituals.models import CoupleRitual
from closeknit.test import make_couple
from tests.browser.helpers import htmx_settled, log_in

# Content (ideas, rituals, the list's items) comes from data migrations: keep it between tests.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_date_proposed_by_one_partner_is_accepted_by_the_other(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/dates/ideas/?category=outdoors")
    ana.get_by_role("link", name="Plan this").first.click()
    expect(ana.get_by_label("What")).not_to_have_value("")
    ana.get_by_label("Where").fill("The old harbour")
    ana.get_by_label("When").fill("2031-06-14T19:30")
    ana.get_by_text("Me", exact=True).click()
    ana.get_by_role("button", name="Send to Ben").click()
    expect(ana.get_by_text("Waiting for Ben's answer.")).to_be_visible()

    ben.goto(f"{base}/dates/")
    waiting = ben.get_by_role("region", name="Waiting for your answer")
    expect(waiting.get_by_text("Saturday 14 June, 19:30")).to_be_visible()
    waiting.get_by_role("button", name="Accept").click()
    expect(ben.get_by_text("It's a date.")).to_be_visible()

    ana.reload()
    expect(ana.get_by_text("It's on: you both said yes.")).to_be_visible()
    date_plan = DatePlan.objects.get()
    assert date_plan.status == DatePlan.Status.ACCEPTED
    assert date_plan.starts_at.astimezone(date_plan.couple.tz).hour == 19
    ana.goto(f"{base}/")
    expect(ana.get_by_role("heading", name="Next date")).to_be_visible()

    # A ritual chosen by one is marked done from the other's home page, in one tap (htmx).
    ana.goto(f"{base}/rituals/choose/")
    ana.get_by_role("button", name="Add Six-second kiss").click()
    expect(ana.get_by_role("heading", name="Six-second kiss")).to_be_visible()
    ben.goto(f"{base}/")
    htmx_settled(ben)
    kiss = ben.get_by_role("button", name="Six-second kiss")
    expect(kiss).to_have_attribute("aria-pressed", "false")
    # By keyboard: the swap brings a new button and focus stays on it, not on <body>.
    kiss.focus()
    ben.keyboard.press("Enter")
    expect(kiss).to_have_attribute("aria-pressed", "true")
    expect(kiss).to_be_focused()
    ana.goto(f"{base}/rituals/")
    htmx_settled(ana)
    expect(ana.locator("button.day.done")).to_have_count(1)
    today = ana.locator("button.day.today")
    today.focus()
    ana.keyboard.press("Space")
    expect(ana.locator("button.day.done")).to_have_count(0)
    expect(today).to_be_focused()


def test_a_shared_dream_gets_a_pledge_and_a_milestone_is_celebrated(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/dreams/")
    ana.get_by_role("button", name="Add a dream or goal").click()
    ana.get_by_label("Your dream or goal").fill("Run a marathon")
    ana.get_by_text("Shared with my partner").click()
    ana.get_by_role("button", name="Save").click()
    dream_url = ana.url

    ben.goto(f"{base}/dreams/")
    ben.get_by_role("link", name="Run a marathon").click()
    ben.get_by_label("How I'll support you").fill(
        "I'll take the Sunday cooking so you can do long runs."
    )
    ben.get_by_role("button", name="Pledge my support").click()
    expect(ben.get_by_text("Ana can see your pledge.")).to_be_visible()
    ben.get_by_label("A task").fill("School run on Tuesdays")
    ben.get_by_role("button", name="I'll take this on").click()
    expect(ben.get_by_text("you took this on")).to_be_visible()

    ana.goto(dream_url)
    expect(ana.get_by_text("I'll take the Sunday cooking")).to_be_visible()
    ana.get_by_label("A milestone").fill("First 10k")
    ana.get_by_role("button", name="Add a milestone").click()
    ana.get_by_role("button", name="We're there: mark reached").click()
    ana.get_by_label("Tell your partner the news (optional)").fill("Under an hour, in the rain!")
    ana.get_by_role("button", name="Mark it reached").click()
    expect(ana.get_by_text("Well done! Ben will hear about it.")).to_be_visible()

    ben.goto(f"{base}/")
    ben.get_by_role("button", name="Celebrate with Ana").click()
    expect(ben.get_by_text("Under an hour, in the rain!")).to_be_visible()
    ben.get_by_label("Your answer").fill(
        "That's amazing, I'm so proud of you! How did the last km feel?"
    )
    # The live coach, for Ben's eyes only, recognises an active-constructive reply.
    expect(ben.get_by_text("Celebrating with them")).to_be_visible()
    ben.get_by_role("button", name="Send", exact=True).click()
    expect(ben.get_by_text("Sent to Ana.")).to_be_visible()

    ana.goto(dream_url)
    expect(ana.get_by_text("How did the last km feel?")).to_be_visible()
    assert Pledge.objects.count() == 1 and Celebration.objects.count() == 1


def answer_affection(page: Page, base: str, answers: dict[str, str]) -> None:
    """Answer some items of the first kind, then save the whole kind (works without JS too)."""
    page.goto(f"{base}/private/answer/?category=affection")
    for key, label in answers.items():
        page.locator(f"#item-{key}").get_by_text(label, exact=True).click()
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_text("Only you can see your answers.")).to_be_visible()


def test_both_opt_in_and_each_sees_only_what_both_want(live_server: LiveServer, new_page) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")
    texts = {i.key: i.text.capitalize() for i in Item.objects.filter(category="affection")}

    ana.goto(f"{base}/us/")
    ana.get_by_role("link", name="Just us").click()
    expect(ana).to_have_title("Just us · Closeknit")
    ana.get_by_role("button", name="Turn it on for me").click()
    expect(ana.get_by_text("It opens when Ben turns it on too.")).to_be_visible()

    ben.goto(f"{base}/private/")
    expect(ben.get_by_role("button", name="Turn it on for me")).to_be_visible()
    ben.get_by_role("button", name="Turn it on for me").click()
    expect(ben.get_by_role("heading", name="You both said yes or maybe")).to_be_visible()

    answer_affection(
        ana, base, {"affection-001": "Yes", "affection-002": "Yes", "affection-003": "No"}
    )
    answer_affection(
        ben, base, {"affection-001": "Maybe", "affection-002": "No", "affection-003": "Yes"}
    )
    # One more, saved on its own as soon as it is tapped (htmx), with no submit.
    ana.goto(f"{base}/private/answer/?category=affection")
    ana.locator("#item-affection-004").get_by_text("Yes", exact=True).click()
    expect(ana.locator("#item-affection-004").get_by_text("Saved")).to_be_visible()
    ben.goto(f"{base}/private/answer/?category=affection")
    ben.locator("#item-affection-004").get_by_text("Maybe", exact=True).click()
    expect(ben.locator("#item-affection-004").get_by_text("Saved")).to_be_visible()

    for page in [ana, ben]:
        page.goto(f"{base}/private/")
        mutual = page.locator("#mutual")
        expect(mutual.get_by_text("2 in common so far.")).to_be_visible()
        expect(mutual.get_by_text(texts["affection-001"], exact=True)).to_be_visible()
        expect(mutual.get_by_text(texts["affection-004"], exact=True)).to_be_visible()
        expect(page.get_by_text(texts["affection-002"])).to_have_count(0)
        expect(page.get_by_text(texts["affection-003"])).to_have_count(0)

    ana.locator("#mutual").get_by_role("button", name="Try next").first.click()
    ben.reload()
    expect(
        ben.locator("#try-next").get_by_text(texts["affection-001"], exact=True)
    ).to_be_visible()

    ben.goto(f"{base}/private/off/")
    ben.get_by_role("button", name="Turn it off").click()
    ana.goto(f"{base}/private/")
    expect(ana.get_by_text(texts["affection-001"])).to_have_count(0)
    expect(ana.get_by_text("You've turned it on.")).to_be_visible()
    assert Answer.objects.count() == 8


def test_calling_a_date_off_and_taking_a_ritual_off_ask_once_first(
    live_server: LiveServer, new_page
) -> None:
    ana_user, ben_user, couple = make_couple("ana", "ben")
    date_plan = DatePlan.objects.create(
        couple=couple,
        proposed_by=ana_user,
        title="Picnic by the river",
        starts_at=timezone.now() + timedelta(days=3),
        status=DatePlan.Status.ACCEPTED,
    )
    walk = rituals.add_own_ritual(couple, ana_user, title="Sunday walk")
    rituals.set_ritual_done(couple, walk, ben_user, ben_user.today(), True)
    base = live_server.url
    ana = new_page("ana")
    log_in(ana, base, "ana@example.org")

    ana.goto(f"{base}/dates/{date_plan.pk}/")
    ana.get_by_role("link", name="Call this date off").click()
    expect(ana).to_have_title("Call off “Picnic by the river”? · Closeknit")
    expect(ana.get_by_text("Ben is told in their inbox")).to_be_visible()
    ana.get_by_role("button", name="Keep the date").click()
    expect(ana.get_by_text("It's on: you both said yes.")).to_be_visible()
    ana.get_by_role("link", name="Call this date off").click()
    ana.get_by_role("button", name="Call it off").click()
    expect(ana.get_by_text("This date was called off.")).to_be_visible()
    date_plan.refresh_from_db()
    assert date_plan.status == DatePlan.Status.CANCELLED

    ana.goto(f"{base}/rituals/")
    # The link names its ritual for screen readers (a hidden ": Sunday walk").
    ana.get_by_role("link", name=re.compile(r"^Take it off our list…\s*: Sunday walk$")).click()
    expect(ana.get_by_role("heading", name="Take “Sunday walk” off your list?")).to_be_visible()
    expect(ana.get_by_text("the 1 day you ticked, for both of you")).to_be_visible()
    ana.get_by_role("button", name="Take it off our list").click()
    expect(ana.get_by_text("“Sunday walk” is off your list.")).to_be_visible()
    assert not CoupleRitual.objects.filter(pk=walk.pk).exists()


def test_an_idea_of_our_own_is_saved_for_us_and_planned_with_everything_it_says(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/dates/ideas/")
    ana.get_by_role("button", name="Add an idea of your own").click()
    ana.get_by_label("The idea").fill("Night swim at the lake")
    ana.get_by_label("Kind of date").select_option("outdoors")
    ana.get_by_label("What it involves").fill("Bring the big towels and a flask of tea.")
    ana.get_by_label("Where").fill("Lagoa Azul")
    ana.get_by_label("How long").select_option("180")
    ana.get_by_role("button", name="Add to our ideas").click()
    expect(ana.get_by_text("Added to your ideas. Ben sees it too.")).to_be_visible()

    ben.goto(f"{base}/dates/ideas/")
    card = ben.locator("li.idea", has_text="Night swim at the lake")
    expect(card).to_contain_text("Ana's idea")
    card.get_by_role("button", name="Save for us").click()  # htmx swaps the button alone
    expect(card.get_by_role("button", name="Saved for us")).to_be_visible()
    ben.goto(f"{base}/dates/ideas/?show=saved")
    ben.get_by_role("link", name=re.compile("Plan this.*Night swim")).click()
    expect(ben.get_by_label("What")).to_have_value("Night swim at the lake")
    expect(ben.get_by_label("Where")).to_have_value("Lagoa Azul")
    expect(ben.get_by_label("Notes")).to_have_value("Bring the big towels and a flask of tea.")
    expect(ben.get_by_label("How long")).to_have_value("180")
    ben.get_by_label("When").fill("2031-07-04T21:00")
    ben.get_by_role("button", name="Send to Ana").click()
    expect(ben.get_by_text("Bring the big towels and a flask of tea.")).to_be_visible()
    assert DatePlan.objects.get().notes == "Bring the big towels and a flask of tea."

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.appreciate.models import Appreciation
from closeknit.checkin.models import Checkin
from closeknit.test import make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_appreciation_is_coached_sent_seen_and_reacted_to(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/appreciate/")
    ana.get_by_role("button", name="Appreciate Ben").first.click()
    ana.get_by_label("What you did").fill("You made me coffee before my early meeting on Tuesday.")
    ana.get_by_label("How it affected me").fill("I walked in calmer.")
    ana.get_by_label("What it shows about you").fill("The coffee was great.")
    # The live coach (htmx) nudges toward praising Ben, not only the act.
    expect(ana.get_by_text("Praise Ben, not only the act")).to_be_visible()
    ana.get_by_label("What it shows about you").fill("It shows how thoughtful you are.")
    expect(ana.get_by_text("You named a quality of theirs: thoughtful.")).to_be_visible()
    assert not Appreciation.objects.exists()
    ana.get_by_role("button", name="Send to Ben").click()
    expect(ana.get_by_text("Sent. Ben will find it on the wall.")).to_be_visible()

    ben.goto(f"{base}/")
    expect(ben.get_by_text("It shows how thoughtful you are.")).to_be_visible()
    ben.goto(f"{base}/inbox/")
    ben.get_by_role("button", name="Ana sent you an appreciation.").click()
    expect(
        ben.get_by_text("You made me coffee before my early meeting on Tuesday.")
    ).to_be_visible()
    ben.get_by_role("button", name="❤️ Loved it").click()
    expect(ben.get_by_role("button", name="❤️ Loved it")).to_have_attribute("aria-pressed", "true")

    ana.goto(f"{base}/appreciate/")
    expect(ana.get_by_text("Ben reacted: ❤️ Loved it")).to_be_visible()
    assert Appreciation.objects.get().reaction == "loved"


def check_in(page: Page, base: str, closeness: int, score: int) -> None:
    page.goto(f"{base}/check-in/")
    # The closeness circles are a radio group: choose with the keyboard.
    page.locator("input[name=closeness]").first.focus()
    for _ in range(closeness - 1):
        page.keyboard.press("ArrowRight")
    for scale in page.locator("fieldset.scale").all():
        scale.locator("label.pick").nth(score - 1).click()
    page.get_by_text("Good", exact=True).click()
    page.get_by_text("Fun", exact=True).click()
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_text("Thank you. Your check-in is in.")).to_be_visible()


def test_both_check_in_and_see_each_other_and_the_chart(live_server: LiveServer, new_page) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    check_in(ana, base, closeness=5, score=6)
    assert Checkin.objects.get().closeness == 5
    expect(ana.get_by_text("Ben hasn't checked in yet")).to_be_visible()

    ben.goto(f"{base}/")
    expect(ben.get_by_text("Ana has checked in. Yours opens theirs.")).to_be_visible()
    check_in(ben, base, closeness=3, score=4)
    expect(
        ben.get_by_text("You experience this week this way, and Ana experiences it that way.")
    ).to_be_visible()
    expect(ben.locator(".result").nth(1)).to_contain_text("5 of 7")

    ana.goto(f"{base}/check-in/")
    expect(ana.locator(".result").nth(1)).to_contain_text("3 of 7")
    # Chart.js drew the trend; the same numbers are in the table.
    ana.wait_for_function("() => window.Chart && Chart.getChart('closeness-chart')")
    points = ana.evaluate(
        "() => Chart.getChart('closeness-chart').data.datasets.map(d => d.data.at(-1))"
    )
    assert points == [5, 3, 2]
    expect(ana.locator("#closeness-chart")).to_be_visible()
    row = ana.locator(".trend-table tbody tr").first
    expect(row).to_contain_text("5")
    expect(row).to_contain_text("3")

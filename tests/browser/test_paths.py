"""Paths in two browsers: chosen from the assessment report, two weeks of it, sealed reflections,
and a pause. The live server runs in this process, so time_machine moves its clock too."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.assessment.tests.helpers import make_round, respond
from closeknit.paths.models import PathRun, Reflection, RunWeek
from closeknit.test import make_couple
from tests.browser.helpers import htmx_settled, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    """The server's clock, running from now; `clock.shift()` moves it on by days."""
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        yield traveller


def reflect(page: Page, understood: int, validated: int, cared: int, note: str) -> None:
    card = page.locator("#reflection")
    htmx_settled(page)
    for i, value in enumerate((understood, validated, cared)):
        card.locator("fieldset.scale").nth(i).locator("label.pick").nth(value - 1).click()
    card.get_by_label("A word about this week").fill(note)
    card.get_by_role("button", name="Share my reflection").click()
    expect(card.get_by_role("heading", name="You")).to_be_visible()


def test_two_partners_choose_a_path_from_their_report_and_take_two_weeks_of_it(
    live_server: LiveServer, new_page, clock: time_machine.Traveller
) -> None:
    ana_user, ben_user, couple = make_couple("ana", "ben")
    rnd = make_round(couple)
    # Both guess the other's love-map answers wrong: "Curious about you" fits best.
    respond(rnd, ana_user, now=5, ideal=6, me=0, guess=1)
    respond(rnd, ben_user, now=5, ideal=6, me=0, guess=1)
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    # Ana reads the report and suggests the first path it offers.
    ana.goto(f"{base}/assessment/{rnd.pk}/report/")
    offers = ana.get_by_role("region", name="A path for the two of you")
    expect(offers).to_contain_text("many love-map answers were new to you")
    offers.get_by_role("button", name="Suggest “Curious about you” to Ben").click()
    expect(ana.get_by_role("heading", name="Waiting for Ben")).to_be_visible()

    # Ben finds it on his home page and starts it: week 1 begins today.
    ben.goto(f"{base}/")
    ben.get_by_role("button", name="Have a look").click()
    expect(ben.get_by_role("heading", name="Ana suggested this path")).to_be_visible()
    ben.get_by_role("button", name="Start it together").click()
    expect(ben.locator(".path-status")).to_contain_text("Week 1 of 5")
    expect(ben.locator(".path-status")).to_contain_text("day 1 of 7")
    expect(ben.get_by_role("heading", name="The map you carry")).to_be_visible()
    expect(ben.locator("#reflection")).to_contain_text("Opens on")
    run = PathRun.objects.get()
    assert (run.status, run.proposed_by_id, run.accepted_by_id) == (
        "active",
        ana_user.pk,
        ben_user.pk,
    )

    for week, title in [(1, "The map you carry"), (2, "Asking like you mean it")]:
        clock.shift(timedelta(days=6))  # the week's seventh day: its reflection opens
        ana.goto(f"{base}/paths/runs/{run.pk}/")
        expect(ana.locator(".path-status")).to_contain_text(f"Week {week} of 5")
        expect(ana.locator(".path-status")).to_contain_text("day 7 of 7")
        expect(ana.get_by_role("heading", name=title)).to_be_visible()
        reflect(ana, 4, 5, 6, f"zqana week {week}")
        expect(ana.locator("#reflection")).to_contain_text("Ben hasn't reflected yet.")

        # Sealed: Ben sees that Ana reflected, never how, until he has too.
        ben.goto(f"{base}/")
        expect(
            ben.get_by_text("Ana has reflected on this week. Yours opens theirs.")
        ).to_be_visible()
        ben.get_by_role("button", name="Reflect").click()
        sealed = ben.locator("#reflection")
        expect(sealed).to_contain_text("Ana has reflected. Share yours and you'll both see")
        expect(ben.locator("body")).not_to_contain_text(f"zqana week {week}")
        reflect(ben, 6, 6, 7, f"zqben week {week}")
        expect(sealed).to_contain_text(f"zqana week {week}")
        expect(sealed).to_contain_text("6 of 7")
        ana.reload()
        expect(ana.locator("#reflection")).to_contain_text(f"zqben week {week}")

        if week == 1:
            ben.get_by_role("button", name="Go on to week 2").click()
            expect(ben.locator(".path-status")).to_contain_text("Week 2 of 5")
            expect(ben.locator(".path-status")).to_contain_text("day 1 of 7")

    # Ana pauses; Ben sees it, with no words of blame, and could resume.
    ana.get_by_role("button", name="Pause for now").click()
    expect(ana.get_by_text("Paused. The week waits for you both")).to_be_visible()
    clock.shift(timedelta(days=1))  # thirteen days in; a sign-in lasts two weeks
    ben.goto(f"{base}/paths/runs/{run.pk}/")
    expect(ben.locator(".path-status")).to_contain_text("paused")
    expect(ben.get_by_role("button", name="Resume the path")).to_be_visible()
    expect(ben.get_by_role("button", name="Skip to week 3")).to_have_count(0)
    ben.get_by_role("link", name="Week 1: The map you carry").click()
    expect(ben.locator("#reflection")).to_contain_text("zqana week 1")

    run.refresh_from_db()
    assert run.status == "paused"
    weeks = list(RunWeek.objects.filter(run=run).values_list("number", "status"))
    assert weeks == [(1, "done"), (2, "current")]
    assert Reflection.objects.filter(week__run=run).count() == 4

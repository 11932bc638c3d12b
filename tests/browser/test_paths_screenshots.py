"""Every Paths page for both partners at phone width, saved for people to look at.

The pictures land in test-output/screenshots/paths/. Each page must also fit
390 px without sideways scrolling and load without a Content-Security-Policy
complaint (the `new_page` fixture checks that).
"""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.assessment.tests.helpers import make_round, respond
from closeknit.checkin.tests.helpers import make_checkin
from closeknit.couples import homecache
from closeknit.paths import services
from closeknit.paths.models import Path as PathModel
from closeknit.paths.models import RunWeek
from closeknit.private import services as just_us
from closeknit.test import make_couple
from tests.browser.conftest import OUTPUT, PHONE
from tests.browser.helpers import htmx_settled, log_in

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = OUTPUT / "screenshots" / "paths"
VALUES = {"understood": 5, "validated": 6, "cared": 6}


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        yield traveller


class Camera:
    def __init__(self, base: str) -> None:
        self.base = base
        self.count = 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        for old in SHOTS.glob("*.png"):
            old.unlink()

    def shot(self, page: Page, who: str, name: str, url: str, heading: str) -> Path:
        page.goto(f"{self.base}{url}")
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} is {width}px wide for {who}"
        self.count += 1
        path = SHOTS / f"{self.count:02d}-{name}-{who}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


def week_of(run: object) -> RunWeek:
    return RunWeek.objects.get(run=run, status="current")


def test_every_paths_page_for_both_partners_at_phone_width(
    live_server: LiveServer, new_page, clock: time_machine.Traveller
) -> None:
    a, b, couple = make_couple("ana", "ben")
    rnd = make_round(couple)
    respond(rnd, a, now=4, ideal=6, felt=4, given=6, me=0, guess=1)
    respond(rnd, b, now=5, ideal=6, felt=6, given=6, me=0, guess=1)
    cam = Camera(live_server.url)
    pages = {"ana": new_page("ana"), "ben": new_page("ben")}
    log_in(pages["ana"], live_server.url, "ana@example.org")
    log_in(pages["ben"], live_server.url, "ben@example.org")

    def both(name: str, url: str, heading: str) -> None:
        # The states are written here, outside a request: the kept home pages are stale.
        homecache.couple_changed(couple.pk)
        for who, page in pages.items():
            cam.shot(page, who, name, url, heading)

    report = reverse("assessment:report", args=[rnd.pk])
    for who, page in pages.items():
        cam.shot(page, who, "report", report, "A path for the two of you")
        page.locator("#paths").screenshot(
            path=str(SHOTS / f"{cam.count:02d}-report-offers-{who}.png")
        )
    both("index", reverse("paths:index"), "Paths")
    both("detail", reverse("paths:detail", args=["curious-about-you"]), "Curious about you")
    both("home-no-path", "/", "Paths")

    run = services.propose(couple, a, b, PathModel.objects.get(key="curious-about-you"))
    both("proposed", reverse("paths:run", args=[run.pk]), "Curious about you")
    both("home-proposed", "/", "A path: Curious about you")
    services.accept(run, b)
    both("week-1-day-1", reverse("paths:run", args=[run.pk]), "The map you carry")
    both("home-week-1", "/", "Curious about you · week 1 of 5")

    clock.shift(timedelta(days=6))
    week = week_of(run)
    both(
        "reflection-open",
        reverse("paths:run", args=[run.pk]),
        "Ten seconds at the end of the week",
    )
    services.reflect(
        week, a, b, VALUES, "I asked more questions than usual, and liked the answers."
    )
    both(
        "reflection-sealed",
        reverse("paths:run", args=[run.pk]),
        "Ten seconds at the end of the week",
    )
    both("home-sealed", "/", "Curious about you · week 1 of 5")
    ben = pages["ben"]
    ben.goto(f"{live_server.url}{reverse('paths:run', args=[run.pk])}")
    htmx_settled(ben)
    ben.locator("#reflection").get_by_role("button", name="Share my reflection").click()
    expect(ben.locator(".field-error").first).to_be_visible()
    ben.screenshot(path=str(SHOTS / f"{cam.count:02d}-reflection-error-ben.png"), full_page=True)
    services.reflect(week, b, a, {**VALUES, "cared": 7}, "Loved our Sunday walk.")
    both(
        "reflection-revealed",
        reverse("paths:run", args=[run.pk]),
        "Ten seconds at the end of the week",
    )

    services.next_week(week, b, a)
    services.pause(run, a)
    both("paused", reverse("paths:run", args=[run.pk]), "At your own pace")
    both("past-week", reverse("paths:week", args=[week.pk]), "The map you carry")
    services.resume(run, b)
    services.repeat_week(week_of(run), a)
    both("repeated", reverse("paths:run", args=[run.pk]), "Asking like you mean it")
    for _ in range(4):  # week 2 (again) to week 5, each begun six days ago
        current = week_of(run)
        RunWeek.objects.filter(pk=current.pk).update(started_on=current.started_on - timedelta(6))
        current.refresh_from_db()
        services.reflect(current, a, b, VALUES, "")
        if current.number % 2:
            services.reflect(current, b, a, {**VALUES, "understood": 4}, "")
        services.next_week(current, a, b)
    both(
        "finished", reverse("paths:run", args=[run.pk]), "You finished Curious about you together"
    )
    both("history", reverse("paths:history"), "Your paths")

    for weeks_ago in range(7, 2, -1):
        make_checkin(couple, a, weeks_ago, closeness=6, score=6)
        make_checkin(couple, b, weeks_ago, closeness=6, score=6)
    for weeks_ago in (2, 1, 0):
        make_checkin(couple, a, weeks_ago, closeness=3, score=3)
        make_checkin(couple, b, weeks_ago, closeness=3, score=3)
    both("home-dip-offer", "/", "If you'd like: Finding each other again")
    both("index-dip-offer", reverse("paths:index"), "Finding each other again")

    just_us.opt_in(couple, a)
    just_us.opt_in(couple, b)
    both("detail-private", reverse("paths:detail", args=["close-in-body"]), "Close in body")
    private = services.accept(
        services.propose(couple, b, a, PathModel.objects.get(key="close-in-body")), a
    )
    both("private-week-1", reverse("paths:run", args=[private.pk]), "Everyday touch")
    just_us.opt_out(couple, a)
    both("private-resting", reverse("paths:run", args=[private.pk]), "A path of your own")
    both("home-private-resting", "/", "Paths")
    assert cam.count >= 40

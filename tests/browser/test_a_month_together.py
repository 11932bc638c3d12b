"""A month together: Ana in Berlin and Ben in New York, 35 days, both daylight-saving changes.

The live server runs in this process, so time_machine moves its clock; the worker's
schedule is `tasks.sweep()`, called at the moments the worker would run it. Each day
both partners open the app at their own morning; the notable moments (first answers,
the question asked again, check-ins, a date, a support signal) go through the pages,
the routine daily answers through the service.

The browsers' clocks move with the server's (Playwright's page.clock). Nothing on the
pages reads them today (the server renders every time), but a page that starts to, a
"today" worked out in a script, say, sees the simulated day and not the machine's.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates.models import DatePlan
from closeknit.nudges import delivery, notify, tasks
from closeknit.nudges.models import Notification
from closeknit.talk import prompts, services
from closeknit.test import make_couple
from tests.browser.helpers import htmx_settled, log_in

pytestmark = pytest.mark.django_db(transaction=True)

# A Monday. The US moves its clocks on 14 March 2027 (day 6), the EU on 28 March
# (day 20): Berlin and New York are five hours apart, then four, then six again.
START = date(2027, 3, 8)
DAYS = 35
SUNDAYS = [6, 13, 20, 27, 34]
LOVE_MAP = "What is your favourite place in your city?"


@dataclass
class Partner:
    name: str
    user: User
    page: Page
    zone: ZoneInfo

    @property
    def email(self) -> str:
        return str(self.user.email)


@dataclass
class Month:
    base: str
    clock: time_machine.Traveller
    couple: Couple
    queue: list[UUID] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def at(self, who: Partner, day: int, hour: int, minute: int = 0) -> datetime:
        """Move the clocks to `who`'s local time on day `day`: only ever forward."""
        moment = datetime.combine(START + timedelta(days=day), time(hour, minute), who.zone)
        assert moment > timezone.now(), f"the clock only moves forward, not to {moment}"
        self.clock.move_to(moment)
        for page in self.pages:
            page.clock.set_system_time(moment)
        return moment

    def worker(self) -> None:
        """What the worker does at this moment: the queued deliveries, then its sweep."""
        while self.queue:
            delivery.deliver(str(self.queue.pop(0)))
        tasks.sweep()

    def goto(self, who: Partner, path: str) -> None:
        who.page.goto(f"{self.base}{path}")

    def log_in_again(self, who: Partner) -> None:
        """A sign-in lasts two weeks: each signs in afresh on Monday mornings, well before
        it runs out (never between opening a page and sending its form)."""
        who.page.context.clear_cookies()
        log_in(who.page, self.base, who.email)


@pytest.fixture
def month_queue(monkeypatch: pytest.MonkeyPatch) -> list[UUID]:
    """The worker's queue, worked by `Month.worker()`.

    The test settings run queued tasks at once, in the caller's thread, and django-q
    then closes that thread's database connection: under the sweep's open cursor
    (people_at iterates) that breaks the sweep. A real worker queues instead.
    """
    queue: list[UUID] = []
    monkeypatch.setattr(notify, "_enqueue", queue.extend)
    return queue


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(datetime(2027, 3, 8, 7, 0, tzinfo=UTC), tick=True) as traveller:
        yield traveller


def reminded(who: Partner, kind: str, since: datetime | None = None) -> int:
    found = Notification.objects.filter(recipient=who.user, kind=kind)
    if since is not None:
        found = found.filter(created__gte=since)
    return found.count()


def emails_to(who: Partner, subject: str) -> int:
    return sum(1 for m in mail.outbox if who.email in m.to and subject in m.subject)


def morning(month: Month, who: Partner) -> tuple[str, str]:
    """Open today's question; return its text and the kicker (day · kind · depth)."""
    month.goto(who, "/talk/")
    card = who.page.locator("#question-card")
    expect(card.locator("h1.prompt")).to_be_visible()
    return card.locator("h1.prompt").inner_text(), card.locator(".kicker").text_content() or ""


def answer_today(page: Page, text: str) -> None:
    htmx_settled(page)
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Share my answer").click()
    expect(page.locator(".answer-text").first).to_contain_text(text)


def words(who: Partner, day: int) -> str:
    return f"{who.name} on {START + timedelta(days=day)}"


def check_in(month: Month, who: Partner, closeness: int, score: int) -> None:
    month.goto(who, "/check-in/")
    page = who.page
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


def test_a_month_together(
    live_server: LiveServer, new_page, clock: time_machine.Traveller, month_queue: list[UUID]
) -> None:
    ana_user, ben_user, couple = make_couple("ana", "ben")
    ana_user.timezone, ben_user.timezone = "Europe/Berlin", "America/New_York"
    ana_user.save(update_fields=["timezone"])
    ben_user.save(update_fields=["timezone"])
    # When they joined, Ana added a love-map question of her own; it comes before the
    # library's, so it is the first day's question, and the one asked again.
    services.add_prompt(couple, ana_user, LOVE_MAP, kind="love_maps", depth="light")
    month = Month(live_server.url, clock, couple, month_queue)
    ana = Partner("Ana", ana_user, new_page("ana"), ZoneInfo("Europe/Berlin"))
    ben = Partner("Ben", ben_user, new_page("ben"), ZoneInfo("America/New_York"))
    for who in (ana, ben):
        who.page.clock.install(time=timezone.now())  # before any page has loaded
        month.pages.append(who.page)
        log_in(who.page, month.base, who.email)

    depths: dict[int, str] = {}
    asked: dict[int, str] = {}
    revisits: list[int] = []
    closeness = {"Ana": [3, 4, 4, 5, 6], "Ben": [4, 4, 5, 5, 6]}
    date_plan: DatePlan | None = None

    for day in range(DAYS):
        today = START + timedelta(days=day)
        seen: dict[str, str] = {}
        for who, partner in ((ana, ben), (ben, ana)):
            # The worker reminds each at nine on their own clock, not an hour off
            # on the days either country changes its clocks.
            month.at(who, day, 8, 50)
            month.worker()
            key = f"daily_question:{couple.id}:{today}:{who.user.pk}"
            assert not Notification.objects.filter(key=key).exists(), (day, who.name)
            # Quiet hours (22:00 to 07:00 by default): the partner's answer, given
            # in the other's morning, waited for this one's morning to be e-mailed.
            answered = f"{partner.name} answered today's question."
            if who is ben:
                assert emails_to(ben, answered) == day + 1, day
            month.at(who, day, 9, 5)
            month.worker()
            assert Notification.objects.filter(key=key).exists(), (day, who.name)

            if day % 7 == 0 and day > 0:
                month.log_in_again(who)
            text, kicker = morning(month, who)
            seen[who.name] = text
            if who is ana:
                assert text == prompts.question_on(couple, today).prompt.text
            else:  # his own today, the same calendar day: the same question
                assert text == seen["Ana"], day
            depth = kicker.split("·")[2].split()[0].lower()
            again = "asked again" in kicker.lower()

            if day == 0 or again:
                answer_today(who.page, words(who, day))
            else:
                question = prompts.question_on(couple, today)
                services.answer_question(question, who.user, words(who, day))
            month.worker()

            if who is ana:
                # At 09:05 in Berlin it is the small hours in New York.
                assert emails_to(ben, "Ana answered today's question.") == day, day
            else:  # and mid-afternoon in Berlin: sent straight away
                assert emails_to(ana, "Ben answered today's question.") == day + 1, day

            if again and who is ben:
                # Both have answered again: then and now, side by side.
                question = prompts.question_on(couple, today)
                assert question.revisit_of is not None
                then_day = (question.revisit_of.date - START).days
                then = who.page.locator(".then-and-now")
                expect(then).to_contain_text(words(ana, then_day))
                expect(then).to_contain_text(words(ben, then_day))
                expect(who.page.locator("#question-card")).to_contain_text(words(ana, day))
                revisits.append(day)
                assert day - then_day >= 28, (day, then_day)
        depths[day] = depth
        asked[day] = seen["Ana"]

        # Later in the day, in order: Ana's evening is Ben's afternoon.
        if day in SUNDAYS:
            week = SUNDAYS.index(day)
            weekly_check_in(month, ana, ben, day, week, closeness)
        if day == 2:
            own_days(month, ana, ben, day, asked[day])
        if day == 10:
            support(month, ana, ben, day)
        if day == 15:
            date_plan = propose_and_accept(month, ana, ben, day)
        if day == 26:
            assert date_plan is not None
            date_reminders(month, ana, ben, date_plan, day)
        if day == 28:
            assert date_plan is not None
            rate_the_date(month, ana, ben, date_plan, day)

    # Depth grew with their time together: two light weeks, then some medium, then deep.
    revisit_days = set(revisits)
    assert {depths[d] for d in range(14) if d not in revisit_days} == {"light"}
    assert "medium" in {depths[d] for d in range(14, 28)}
    assert "deep" in {depths[d] for d in range(28, DAYS) if d not in revisit_days}
    # The love-map question came back once, four weeks after it was first asked.
    assert asked[0] == LOVE_MAP
    assert revisits == [28]
    assert asked[28] == LOVE_MAP
    assert len(set(asked.values())) == DAYS - 1  # no other question repeats

    # The trend, as Ana sees it: five weeks, both sides, the latest first.
    month.goto(ana, "/check-in/")
    rows = ana.page.locator(".trend-table tbody tr")
    expect(rows).to_have_count(5)
    for week, (mine, theirs) in enumerate(zip(closeness["Ana"], closeness["Ben"], strict=True)):
        cells = rows.nth(len(SUNDAYS) - 1 - week).locator("td")
        expect(cells.nth(0)).to_have_text(str(mine))
        expect(cells.nth(1)).to_have_text(str(theirs))


def own_days(month: Month, ana: Partner, ben: Partner, day: int, todays: str) -> None:
    """Late in Ben's evening it is already tomorrow in Berlin: each has their own today."""
    month.at(ben, day, 21, 30)  # 02:30 in Berlin, the next day
    ben_text, ben_kicker = morning(month, ben)
    assert (ben_text, ben_kicker.split("·")[0].strip()) == (todays, "Today")
    expect(ben.page.locator("#question-card")).to_contain_text(words(ben, day))
    ana_text, _ = morning(month, ana)
    on_her_clock = "() => new Date().toLocaleDateString('en-CA', {timeZone: 'Europe/Berlin'})"
    assert ana.page.evaluate(on_her_clock) == str(START + timedelta(days=day + 1))
    assert ana_text != todays
    assert (
        ana_text == prompts.question_on(month.couple, START + timedelta(days=day + 1)).prompt.text
    )
    expect(ana.page.get_by_label("Your answer")).to_be_visible()  # a new day, not answered


def weekly_check_in(
    month: Month, ana: Partner, ben: Partner, day: int, week: int, closeness: dict[str, list[int]]
) -> None:
    """Sunday at five on each one's own clock: reminded, checked in, sealed until both."""
    for who in (ana, ben):
        month.at(who, day, 16, 55)
        month.worker()
        before = reminded(who, "checkin")
        assert before == week, (day, who.name)
        month.at(who, day, 17, 5)
        month.worker()
        assert reminded(who, "checkin") == week + 1, (day, who.name)
        if who is ben:
            month.goto(ben, "/")
            expect(ben.page.get_by_text("Ana has checked in. Yours opens theirs.")).to_be_visible()
        check_in(month, who, closeness[who.name][week], score=4 + week // 2)
        if who is ana:
            expect(ana.page.get_by_text("Ben hasn't checked in yet")).to_be_visible()
    expect(ben.page.locator(".result").nth(1)).to_contain_text(f"{closeness['Ana'][week]} of 7")


def support(month: Month, ana: Partner, ben: Partner, day: int) -> None:
    """Ana asks late in her evening; Ben answers in his; Ana hears at her morning."""
    month.at(ana, day, 21, 30)  # 16:30 in New York
    month.goto(ana, "/support/")
    ana.page.get_by_text("Someone to listen", exact=True).click()
    ana.page.get_by_role("button", name="Let Ben know").click()
    expect(ana.page.get_by_role("heading", name="You let Ben know")).to_be_visible()
    month.worker()
    assert emails_to(ben, "Ana could use some support today.") == 1  # his afternoon

    month.at(ben, day, 17, 30)  # 22:30 in Berlin: Ana's quiet hours
    month.goto(ben, "/")
    expect(ben.page.get_by_role("heading", name="Ana could use some support")).to_be_visible()
    ben.page.get_by_role("button", name="I'm here").first.click()
    answer = ben.page.locator("form").filter(has=ben.page.get_by_role("button", name="I'm here"))
    answer.get_by_text("I'll call you", exact=True).click()
    answer.get_by_label("A few words (optional)").fill("After your first meeting?")
    answer.get_by_role("button", name="I'm here").click()
    expect(ben.page.get_by_text("You answered: I'll call you.")).to_be_visible()

    assert reminded(ana, "support_answered") == 1  # in her inbox at once
    month.at(ana, day + 1, 6, 55)
    month.worker()
    assert emails_to(ana, "Ben is here for you.") == 0
    month.at(ana, day + 1, 7, 5)
    month.worker()
    assert emails_to(ana, "Ben is here for you.") == 1
    month.goto(ana, "/")
    expect(ana.page.get_by_role("heading", name="Ben is here for you")).to_be_visible()
    expect(ana.page.get_by_text("Ben answered: I'll call you.")).to_be_visible()


def propose_and_accept(month: Month, ana: Partner, ben: Partner, day: int) -> DatePlan:
    """Ana proposes dinner on day 26 (Saturday 3 April), Berlin time; Ben accepts."""
    month.at(ana, day, 20)
    month.goto(ana, "/dates/new/")
    ana.page.get_by_label("What").fill("Dinner over video")
    ana.page.get_by_label("When").fill(f"{START + timedelta(days=26)}T19:30")
    ana.page.get_by_text("Both of us", exact=True).click()
    ana.page.get_by_role("button", name="Send to Ben").click()
    expect(ana.page.get_by_text("Waiting for Ben's answer.")).to_be_visible()
    date_plan = DatePlan.objects.get()
    assert date_plan.starts_at == datetime(2027, 4, 3, 19, 30, tzinfo=ana.zone)

    month.at(ben, day, 19)
    month.goto(ben, "/dates/")
    waiting = ben.page.get_by_role("region", name="Waiting for your answer")
    waiting.get_by_role("button", name="Accept").click()
    expect(ben.page.get_by_text("It's on: you both said yes.")).to_be_visible()
    # He sees it on both clocks: 13:30 in New York.
    expect(ben.page.locator("article.card").first).to_contain_text("13:30")
    return date_plan


def date_reminders(
    month: Month, ana: Partner, ben: Partner, date_plan: DatePlan, day: int
) -> None:
    """Each is reminded at eight on the date's day, on their own clock: by the worker's
    first run after it, the mornings' 08:50 (Ana's is 02:50 in New York, not yet his)."""
    for who in (ana, ben):
        assert reminded(who, "date_reminder") == 1, who.name
    reminders = Notification.objects.filter(kind="date_reminder").order_by("created")
    assert [n.recipient_id for n in reminders] == [ana.user.pk, ben.user.pk]
    ana_at = reminders[0].created.astimezone(ana.zone)
    ben_at = reminders[1].created.astimezone(ben.zone)
    on_the_day = START + timedelta(days=day)
    assert (ana_at.date(), ana_at.hour, ben_at.date(), ben_at.hour) == (on_the_day, 8) * 2
    month.goto(ben, "/inbox/")
    expect(ben.page.get_by_text("Your date is coming up.")).to_be_visible()


def rate_the_date(month: Month, ana: Partner, ben: Partner, date_plan: DatePlan, day: int) -> None:
    """Two days later each adds hearts and a memory; Ana's opens once Ben has added his."""
    url = f"/dates/{date_plan.pk}/"
    month.at(ana, day, 19)
    month.goto(ana, url)
    expect(ana.page.get_by_text("This date happened. How was it?")).to_be_visible()
    ana.page.get_by_text("5 of 5", exact=True).click()
    ana.page.get_by_label("A memory to keep").fill("zqana the candle that fell over")
    ana.page.get_by_role("button", name="Save").click()
    expect(ana.page.get_by_text("Ben hasn't rated it yet.")).to_be_visible()

    month.at(ben, day, 18)
    month.goto(ben, url)
    expect(ben.page.locator("#memories")).not_to_contain_text("zqana")
    ben.page.get_by_text("4 of 5", exact=True).click()
    ben.page.get_by_label("A memory to keep").fill("zqben your laugh at the candle")
    ben.page.get_by_role("button", name="Save").click()
    memories = ben.page.locator("#memories")
    expect(memories).to_contain_text("zqana the candle that fell over")
    expect(memories).to_contain_text("5 of 5")
    month.goto(ana, url)
    expect(ana.page.locator("#memories")).to_contain_text("zqben your laugh at the candle")
    expect(ana.page.locator("#memories")).to_contain_text(re.compile(r"4 of 5"))

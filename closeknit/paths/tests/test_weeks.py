"""Going through the weeks in the couple's days: content, going on, repeat, skip, pause, finish."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.paths.models import PathRun, RunWeek
from closeknit.paths.tests.helpers import START, PathTestCase, current_week, reflection


class WeekPageTestCase(PathTestCase):
    def test_a_week_has_a_reading_a_practice_a_prompt_and_an_idea_linked_to_the_app(self) -> None:
        run = self.on_path()
        r = self.page(self.ben).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Week 1 of 4")
        self.assertContains(r, "day 1 of 7")
        self.assertContains(r, "Where this comes from: From the counsellor Darren Wilk")
        self.assertContains(r, f'href="{reverse("talk:index")}"')  # the practice: today's question
        self.assertContains(r, "What small sign tells you I&#x27;m really listening?")
        self.assertContains(r, f"{reverse('talk:library')}?kind=intimacy_emotional")
        self.assertContains(r, "Bedtime check-in")  # the ritual, with a way to add it
        self.assertContains(r, "Add to our rituals")
        self.assertContains(r, 'aria-current="step"')

    def test_a_date_idea_links_to_planning_it(self) -> None:
        run = self.on_path("time-for-us")
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Indoor picnic")
        self.assertContains(r, f"{reverse('dates:propose')}?idea=")
        self.assertContains(r, "Plan it as a date")

    def test_the_days_are_the_couples_own(self) -> None:
        self.couple.timezone = "Pacific/Auckland"  # 23:00 on Monday there at START
        self.couple.save(update_fields=["timezone"])
        run = self.on_path()
        self.assertEqual(current_week(run).started_on, START.date())
        self.later(hours=2)  # still Monday in UTC, already Tuesday in Auckland
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "day 2 of 7")


class GoingOnTestCase(PathTestCase):
    def test_going_on_waits_for_the_weeks_last_day(self) -> None:
        run = self.on_path()
        week = current_week(run)
        r = self.page(self.ana).post(reverse("paths:next", args=[week.pk]), follow=True)
        self.assertContains(
            r, "Week 1 runs until Sunday 8 March. You can skip it to move on sooner."
        )
        self.assertEqual(RunWeek.objects.count(), 1)
        self.later(days=6)
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Go on to week 2")
        self.page(self.ana).post(reverse("paths:next", args=[week.pk]))
        week.refresh_from_db()
        self.assertEqual((week.status, week.ended_on), ("done", START.date() + timedelta(days=6)))
        now = current_week(run)
        self.assertEqual((now.number, now.started_on), (2, START.date() + timedelta(days=6)))

    def test_pressing_twice_moves_on_once(self) -> None:
        run = self.on_path()
        week = current_week(run)
        self.later(days=7)
        self.page(self.ana).post(reverse("paths:next", args=[week.pk]))
        self.page(self.ben).post(reverse("paths:next", args=[week.pk]))
        self.assertEqual(current_week(run).number, 2)
        self.assertEqual(RunWeek.objects.filter(run=run).count(), 2)

    def test_a_week_can_be_skipped_without_guilt(self) -> None:
        run = self.on_path()
        week = current_week(run)
        self.later(days=2)
        self.page(self.ben).post(reverse("paths:skip", args=[week.pk]))
        week.refresh_from_db()
        self.assertEqual(week.status, "skipped")
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Week 2 of 4")
        self.assertContains(r, "skipped")
        for word in ("missed", "streak", "failed", "behind"):
            self.assertNotContains(r, word)
        r = self.page(self.ana).get(reverse("paths:week", args=[week.pk]))
        self.assertContains(r, "You skipped this week, so there's nothing to reflect on.")

    def test_a_week_can_be_repeated_from_today(self) -> None:
        run = self.on_path()
        week = current_week(run)
        self.later(days=3)
        r = self.page(self.ana).post(reverse("paths:repeat", args=[week.pk]), follow=True)
        self.assertContains(r, "Week 1 again, from today.")
        self.assertContains(r, "Week 1 of 4 (again)")
        again = current_week(run)
        self.assertEqual((again.number, again.again), (1, True))
        self.assertEqual(again.started_on, START.date() + timedelta(days=3))
        week.refresh_from_db()
        self.assertEqual(week.status, "repeated")
        self.page(self.ben).post(reverse("paths:repeat", args=[week.pk]))  # a double tap
        self.assertEqual(RunWeek.objects.filter(run=run).count(), 2)

    def test_a_pause_stops_the_clock_and_resuming_picks_up_the_same_day(self) -> None:
        run = self.on_path()
        week = current_week(run)
        self.later(days=2)  # day 3
        r = self.page(self.ben).post(reverse("paths:pause", args=[run.pk]), follow=True)
        self.assertContains(r, "Paused since")
        self.assertContains(r, "Resume the path")
        self.assertNotContains(r, "Skip to week 2")
        self.later(days=10)
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Week 1 of 4")
        self.assertContains(r, "· paused")
        r = self.page(self.ana).post(reverse("paths:skip", args=[week.pk]), follow=True)
        self.assertContains(r, "The path is paused. Resume it first.")
        self.page(self.ana).post(reverse("paths:resume", args=[run.pk]))
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "day 3 of 7")
        week.refresh_from_db()
        self.assertEqual(week.started_on, START.date() + timedelta(days=10))

    def test_stopping_keeps_what_was_done(self) -> None:
        run = self.on_path()
        self.later(days=7)
        self.page(self.ana).post(
            reverse("paths:reflect", args=[current_week(run).pk]), reflection(note="kept")
        )
        self.page(self.ben).post(reverse("paths:leave", args=[run.pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, "left")
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "You stopped this path on 9 March 2026.")
        self.assertContains(r, "“kept”")


class FinishingTestCase(PathTestCase):
    def test_the_last_week_finishes_quietly_with_the_reflections_side_by_side(self) -> None:
        run = self.on_path()
        for number in range(1, 5):
            week = current_week(run)
            self.later(days=7)
            self.page(self.ana).post(
                reverse("paths:reflect", args=[week.pk]),
                reflection(5, 5, number + 2, f"ana {number}"),
            )
            if number != 2:
                self.page(self.ben).post(
                    reverse("paths:reflect", args=[week.pk]), reflection(4, 4, 4, f"ben {number}")
                )
            self.page(self.ben).post(reverse("paths:next", args=[week.pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, PathRun.Status.FINISHED)
        note = Notification.objects.get(kind="path_finished")
        self.assertEqual(
            (note.recipient, note.text), (self.ana, "You and Ben finished a path together.")
        )
        r = self.page(self.ana).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "You finished Both true together")
        self.assertContains(r, "“ben 1”")
        self.assertContains(r, "“ben 4”")
        self.assertContains(r, "Week 2: Two true stories")
        self.assertContains(r, "6 of 7")  # ana's week 4: cared for 6
        self.assertEqual(r.content.decode().count('class="side"'), 8)
        r = self.page(self.ben).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Ana reflected. Yours opens theirs.")  # week 2, ben never did
        self.assertContains(r, "“ana 1”")
        self.assertNotContains(r, "“ana 2”")


class QueriesTestCase(PathTestCase):
    def queries(self, url: str) -> int:
        client = self.page(self.ana)
        client.get(url)  # the session and the like, read once
        with CaptureQueriesContext(connection) as found:
            self.assertEqual(client.get(url).status_code, 200)
        return len(found)

    def test_the_path_pages_read_the_same_few_queries_however_many_weeks_lie_behind(self) -> None:
        run = self.on_path("curious-about-you")
        first = current_week(run)
        urls = [reverse("paths:run", args=[run.pk]), reverse("paths:week", args=[first.pk])]
        before = [self.queries(url) for url in urls]
        for _ in range(3):
            week = current_week(run)
            self.later(days=7)
            self.page(self.ana).post(reverse("paths:reflect", args=[week.pk]), reflection())
            self.page(self.ben).post(reverse("paths:reflect", args=[week.pk]), reflection())
            self.page(self.ben).post(reverse("paths:next", args=[week.pk]))
        self.assertEqual([self.queries(url) for url in urls], before)
        self.assertLessEqual(max(before), 11, before)

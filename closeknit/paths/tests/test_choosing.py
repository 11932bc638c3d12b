"""Choosing a path: the catalogue, suggesting, saying yes or not now, one path at a time."""

from django.db import IntegrityError, transaction
from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.paths.models import Path, PathRun, RunWeek
from closeknit.paths.tests.helpers import START, PathTestCase, start_path


class CatalogueTestCase(PathTestCase):
    def test_it_lists_every_path_but_the_private_one(self) -> None:
        r = self.page(self.ana).get(reverse("paths:index"))
        self.assertEqual(r.status_code, 200)
        for path in Path.objects.filter(private=False):
            self.assertContains(r, path.title)
        self.assertNotContains(r, "Close in body")
        self.assertContains(
            r, "Suggest it to Ben", count=Path.objects.filter(private=False).count()
        )

    def test_a_path_shows_its_weeks_and_where_they_come_from(self) -> None:
        r = self.page(self.ben).get(reverse("paths:detail", args=["listen-first"]))
        self.assertContains(r, "Just listening")
        self.assertContains(r, "Questions that open")
        self.assertContains(r, "Butch Losey")
        self.assertContains(r, "Suggest it to Ana")

    def test_an_unknown_path_is_not_found(self) -> None:
        self.assertEqual(self.page(self.ana).get("/paths/no-such-path/").status_code, 404)

    def test_paths_are_reachable_from_home_and_from_us(self) -> None:
        index = reverse("paths:index")
        self.assertContains(self.page(self.ana).get(reverse("home")), f'href="{index}"')
        self.assertContains(self.page(self.ana).get(reverse("us")), f'href="{index}"')
        r = self.page(self.ana).get(index)
        self.assertContains(r, 'aria-current="true">Us</a>')

    def test_someone_unpaired_is_sent_to_pair_first(self) -> None:
        r = self.page(self.eli).get(reverse("paths:index"))
        self.assertRedirects(r, reverse("pair"))


class ProposeTestCase(PathTestCase):
    def test_either_partner_suggests_and_the_other_hears_of_it(self) -> None:
        r = self.page(self.ben).post(reverse("paths:propose", args=["time-for-us"]))
        run = PathRun.objects.get(couple=self.couple)
        self.assertRedirects(r, reverse("paths:run", args=[run.pk]))
        self.assertEqual((run.status, run.proposed_by), ("proposed", self.ben))
        self.assertFalse(RunWeek.objects.exists())
        note = Notification.objects.get(recipient=self.ana, kind="path_proposed")
        self.assertEqual(note.text, "Ben suggested a path for the two of you.")
        self.assertEqual(note.url, reverse("paths:run", args=[run.pk]))
        page = self.page(self.ben).get(note.url)
        self.assertContains(page, "Waiting for Ana")
        self.assertNotContains(page, "Start it together")

    def test_the_other_partner_starts_it_and_week_one_begins_today(self) -> None:
        self.page(self.ana).post(reverse("paths:propose", args=["both-true"]))
        run = PathRun.objects.get(couple=self.couple)
        r = self.page(self.ben).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "Ana suggested this path")
        r = self.page(self.ben).post(reverse("paths:accept", args=[run.pk]), follow=True)
        self.assertContains(r, "Week 1 starts today.")
        self.assertContains(r, "Catching the “but”")
        run.refresh_from_db()
        self.assertEqual((run.status, run.accepted_by), ("active", self.ben))
        week = RunWeek.objects.get(run=run)
        self.assertEqual((week.number, week.started_on), (1, START.date()))
        note = Notification.objects.get(recipient=self.ana, kind="path_accepted")
        self.assertEqual(note.text, "Ben said yes to the path you suggested.")

    def test_the_one_who_suggested_cannot_accept_it_alone(self) -> None:
        self.page(self.ana).post(reverse("paths:propose", args=["both-true"]))
        run = PathRun.objects.get(couple=self.couple)
        r = self.page(self.ana).post(reverse("paths:accept", args=[run.pk]), follow=True)
        self.assertContains(r, "You suggested this path; your partner starts it by saying yes.")
        run.refresh_from_db()
        self.assertEqual(run.status, "proposed")
        self.assertFalse(RunWeek.objects.exists())

    def test_either_partner_can_say_not_now(self) -> None:
        for who in (self.ana, self.ben):
            self.page(self.ana).post(reverse("paths:propose", args=["both-true"]))
            run = PathRun.objects.get(couple=self.couple, status="proposed")
            r = self.page(who).post(reverse("paths:not_now", args=[run.pk]))
            self.assertRedirects(r, reverse("paths:index"))
            run.refresh_from_db()
            self.assertEqual(run.status, "declined")
        r = self.page(self.ben).get(reverse("paths:run", args=[run.pk]))
        self.assertContains(r, "This suggestion was put aside")

    def test_one_path_at_a_time(self) -> None:
        start_path(self.couple, self.ana, self.ben)
        r = self.page(self.ben).post(reverse("paths:propose", args=["time-for-us"]), follow=True)
        self.assertContains(r, "You&#x27;re on a path together already. One at a time")
        self.assertEqual(PathRun.objects.filter(couple=self.couple).count(), 1)
        r = self.page(self.ben).get(reverse("paths:index"))
        self.assertNotContains(r, "Suggest it to Ana")
        self.assertContains(r, "One path at a time")

    def test_a_suggestion_waiting_for_you_comes_first(self) -> None:
        self.page(self.ana).post(reverse("paths:propose", args=["both-true"]))
        r = self.page(self.ben).post(reverse("paths:propose", args=["time-for-us"]), follow=True)
        self.assertContains(r, "Your partner has suggested a path. Start it together or say not")
        self.assertEqual(PathRun.objects.count(), 1)

    def test_suggesting_twice_is_one_suggestion(self) -> None:
        url = reverse("paths:propose", args=["both-true"])
        self.page(self.ana).post(url)
        self.page(self.ana).post(url)
        self.assertEqual(PathRun.objects.count(), 1)
        self.assertEqual(Notification.objects.filter(kind="path_proposed").count(), 1)

    def test_the_database_holds_one_open_path_per_couple(self) -> None:
        start_path(self.couple, self.ana, self.ben)
        with self.assertRaises(IntegrityError), transaction.atomic():
            PathRun.objects.create(
                couple=self.couple, path=Path.objects.get(key="time-for-us"), proposed_by=self.ben
            )
        # Another couple has its own one.
        start_path(self.other_couple, self.cora, self.dev, "time-for-us")

    def test_after_a_path_ends_another_can_begin(self) -> None:
        run = start_path(self.couple, self.ana, self.ben)
        self.page(self.ben).post(reverse("paths:leave", args=[run.pk]))
        self.page(self.ben).post(reverse("paths:propose", args=["time-for-us"]))
        self.assertEqual(PathRun.objects.filter(status="proposed").count(), 1)
        r = self.page(self.ana).get(reverse("paths:index"))
        self.assertContains(r, "Ben suggested it.")
        r = self.page(self.ana).get(reverse("paths:history"))
        self.assertContains(r, 'Both true</a> <span class="muted">· stopped')
        self.assertContains(r, 'Time for us</a> <span class="muted">· suggested')

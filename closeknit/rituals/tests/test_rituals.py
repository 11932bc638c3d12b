from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.rituals import services
from closeknit.rituals.models import CoupleRitual, Ritual, RitualMark
from closeknit.test import BaseTestCase


class RitualsTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.kiss = Ritual.objects.get(key="ritual-01")
        self.ritual = services.choose_ritual(self.couple, self.ana, self.kiss)
        self.today = self.couple.today()

    def mark(self, user: User, day: date, done: str = "1", **headers: str) -> Any:
        url = reverse("rituals:done", args=[self.ritual.pk])
        return self.client_for(user).post(
            url, {"day": day.isoformat(), "done": done}, headers=headers
        )

    def test_there_are_suggestions_including_the_six_second_kiss_without_science_claims(
        self,
    ) -> None:
        r = self.client_for(self.ben).get(reverse("rituals:choose"))
        self.assertContains(r, "Six-second kiss")
        self.assertContains(r, "On your list")
        for claim in ["studies", "research", "oxytocin", "proven", "science", "scientific"]:
            self.assertNotIn(claim, r.content.decode().lower())

    def test_choosing_a_suggestion_twice_keeps_one(self) -> None:
        self.client_for(self.ben).post(reverse("rituals:add", args=[self.kiss.pk]))
        self.assertEqual(CoupleRitual.objects.filter(couple=self.couple).count(), 1)

    def test_a_couple_adds_their_own_ritual(self) -> None:
        data = {"title": "Sunday pancakes", "when": "Sundays", "description": ""}
        r = self.client_for(self.ben).post(reverse("rituals:choose"), data)
        self.assertRedirects(r, reverse("rituals:index"))
        self.assertTrue(
            CoupleRitual.objects.filter(couple=self.couple, title="Sunday pancakes").exists()
        )

    def test_an_own_ritual_needs_a_title(self) -> None:
        r = self.client_for(self.ben).post(reverse("rituals:choose"), {"title": ""})
        self.assertContains(
            r, "Give your ritual a title, or choose a suggestion.", status_code=422
        )

    def test_marking_done_is_one_tap_and_undoable(self) -> None:
        self.mark(self.ben, self.today)
        mark = RitualMark.objects.get(ritual=self.ritual)
        self.assertEqual((mark.day, mark.marked_by), (self.today, self.ben))
        self.mark(self.ana, self.today)  # the partner taps too: still one mark
        self.assertEqual(RitualMark.objects.count(), 1)
        self.mark(self.ana, self.today, "0")
        self.assertFalse(RitualMark.objects.exists())

    def test_the_future_and_the_distant_past_cannot_be_marked(self) -> None:
        self.mark(self.ben, self.today + timedelta(days=1))
        self.mark(self.ben, self.today - timedelta(days=30))
        r = self.mark(self.ben, self.today, **{})
        self.assertEqual(RitualMark.objects.count(), 1)
        self.assertEqual(r.status_code, 302)

    def test_a_bad_day_is_explained(self) -> None:
        url = reverse("rituals:done", args=[self.ritual.pk])
        r = self.client_for(self.ben).post(url, {"day": "soon", "done": "1"}, follow=True)
        self.assertContains(r, "Choose a day.")
        self.assertFalse(RitualMark.objects.exists())

    def test_htmx_gets_the_ritual_row_back(self) -> None:
        r = self.mark(self.ben, self.today, HX_Request="true")
        self.assertContains(r, f'id="ritual-{self.ritual.pk}"')
        self.assertContains(r, 'aria-pressed="true"')
        self.assertNotContains(r, "<html")

    def test_the_weekly_view_shows_seven_days_and_the_marks(self) -> None:
        self.mark(self.ben, self.today)
        r = self.client_for(self.ana).get(reverse("rituals:index"))
        self.assertEqual(len(r.context["days"]), 7)
        self.assertEqual(r.context["days"][0].weekday(), 0)
        self.assertContains(r, 'aria-pressed="true"', count=1)
        earlier = self.today - timedelta(days=7)
        r = self.client_for(self.ana).get(reverse("rituals:index"), {"week": earlier.isoformat()})
        self.assertNotContains(r, 'aria-pressed="true"')

    def test_another_couple_gets_404(self) -> None:
        for name in ["done", "remove"]:
            url = reverse(f"rituals:{name}", args=[self.ritual.pk])
            r = self.client_for(self.cora).post(url, {"day": self.today.isoformat(), "done": "1"})
            self.assertEqual(r.status_code, 404)
        self.assertFalse(RitualMark.objects.exists())
        self.assertTrue(CoupleRitual.objects.exists())

    def test_the_week_renders_in_constant_queries(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.client_for(self.ana).get(reverse("rituals:index"))
            return len(ctx.captured_queries)

        small = count()
        for ritual in Ritual.objects.all():
            chosen = services.choose_ritual(self.couple, self.ben, ritual)
            for n in range(7):
                services.set_ritual_done(
                    self.couple, chosen, self.ben, self.today - timedelta(days=n), True
                )
        self.assertEqual(count(), small)

    def test_a_long_list_is_read_a_page_at_a_time_keeping_the_week(self) -> None:
        CoupleRitual.objects.bulk_create(
            CoupleRitual(couple=self.couple, title=f"Ritual {n}", added_by=self.ana)
            for n in range(45)
        )
        week = self.today - timedelta(days=7)
        client = self.client_for(self.ana)
        client.get(reverse("rituals:index"))  # warm
        with CaptureQueriesContext(connection) as first:
            r = client.get(reverse("rituals:index"), {"week": week.isoformat()})
        self.assertEqual(len(r.context["rituals"]), 20)
        self.assertContains(r, "Page 1 of 3")
        self.assertContains(r, f"?week={week - timedelta(days=week.weekday())}&amp;page=2")
        with CaptureQueriesContext(connection) as last:
            r = client.get(reverse("rituals:index"), {"week": week.isoformat(), "page": "3"})
        self.assertEqual(len(r.context["rituals"]), 6)
        self.assertEqual(len(last), len(first))

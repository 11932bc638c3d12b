from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.rituals import demo, export, home, services
from closeknit.rituals.models import CoupleRitual, Ritual, RitualMark
from closeknit.test import BaseTestCase


class HomeCardTestCase(BaseTestCase):
    def test_it_shows_today_rituals(self) -> None:
        services.choose_ritual(self.couple, self.ana, Ritual.objects.get(key="ritual-01"))
        r = self.client_for(self.ana).get(reverse("home"))
        self.assertContains(r, "Today's rituals")
        self.assertContains(r, "Six-second kiss")

    def test_there_is_no_card_without_rituals(self) -> None:
        self.assertNotContains(self.client_for(self.ana).get(reverse("home")), "Today's rituals")

    def test_marking_a_ritual_from_home_returns_the_card(self) -> None:
        ritual = services.choose_ritual(self.couple, self.ana, Ritual.objects.get(key="ritual-01"))
        url = reverse("rituals:done", args=[ritual.pk])
        data = {"day": self.couple.today().isoformat(), "done": "1", "from": "home"}
        r = self.client_for(self.ana).post(url, data, headers={"HX-Request": "true"})
        self.assertContains(r, 'id="today-rituals"')
        self.assertContains(r, 'aria-pressed="true"')
        r = self.client_for(self.ana).post(url, {**data, "done": "0"})
        self.assertRedirects(r, reverse("home"), fetch_redirect_response=False)

    def test_the_card_takes_one_query(self) -> None:
        request = self.client_for(self.ana).get(reverse("home")).wsgi_request
        request.couple, request.partner = self.couple, self.ben  # type: ignore[attr-defined]
        for ritual in Ritual.objects.all()[:5]:
            services.choose_ritual(self.couple, self.ana, ritual)
        with CaptureQueriesContext(connection) as ctx:
            home.card(request)  # type: ignore[arg-type]
        self.assertEqual(len(ctx.captured_queries), 1)


class ExportTestCase(BaseTestCase):
    def test_it_exports_the_rituals_and_the_days_they_were_done(self) -> None:
        ritual = services.add_own_ritual(self.couple, self.ben, title="Sunday pancakes")
        services.set_ritual_done(self.couple, ritual, self.ana, self.couple.today(), True)
        data = export.section(self.ana, self.couple)
        self.assertEqual(data["rituals"][0]["title"], "Sunday pancakes")
        self.assertEqual(data["rituals"][0]["done_on"], [self.couple.today().isoformat()])

    def test_the_whole_export_has_a_rituals_section(self) -> None:
        services.add_own_ritual(self.other_couple, self.cora, title="Cora's secret ritual")
        r = self.client_for(self.ana).post(reverse("export"))
        self.assertIn("rituals", r.json()["couples"][0])
        self.assertNotIn("Cora's secret ritual", r.content.decode())


class DemoTestCase(BaseTestCase):
    def test_it_seeds_two_rituals_done_on_recent_days(self) -> None:
        couple = Couple.objects.create(timezone="Europe/Lisbon")
        a, b = User.objects.create_user("a@x.org", "x"), User.objects.create_user("b@x.org", "x")
        demo.seed(couple, a, b)
        self.assertEqual(CoupleRitual.objects.filter(couple=couple).count(), 2)
        days = RitualMark.objects.filter(couple=couple).values_list("day", flat=True)
        self.assertTrue(
            all(couple.today() - timedelta(days=5) <= d < couple.today() for d in days)
        )

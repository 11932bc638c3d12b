import json
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dates import demo, export, home, selectors, services
from closeknit.dates.models import DatePlan, DateRating
from closeknit.dates.tests.helpers import make_date
from closeknit.test import BaseTestCase

S = DatePlan.Status


class HomeCardTestCase(BaseTestCase):
    def test_it_shows_the_next_date(self) -> None:
        make_date(self.couple, self.ben, days=2, title="Pottery", status=S.ACCEPTED)
        r = self.client_for(self.ana).get(reverse("home"))
        self.assertContains(r, "Next date")
        self.assertContains(r, "Pottery")

    def test_the_card_takes_one_query(self) -> None:
        request = self.client_for(self.ana).get(reverse("home")).wsgi_request
        request.couple, request.partner = self.couple, self.ben  # type: ignore[attr-defined]
        for n in range(5):
            make_date(self.couple, self.ben, days=n + 1)
        with CaptureQueriesContext(connection) as ctx:
            home.card(request)  # type: ignore[arg-type]
        self.assertEqual(len(ctx.captured_queries), 1)


class ExportTestCase(BaseTestCase):
    def test_it_exports_dates_with_sealed_ratings(self) -> None:
        d = make_date(self.couple, self.ana, days=-2, status=S.ACCEPTED)
        DateRating.objects.create(
            couple=self.couple, date=d, author=self.ben, stars=5, memory="Ben's memory"
        )
        services.regenerate_feed(self.couple, self.ana)
        data = export.section(self.ana, self.couple)
        self.assertEqual(data["dates"][0]["partner_rating"], None)  # sealed: Ana hasn't rated
        self.assertNotIn("secret", json.dumps(data))
        services.rate_date(d, self.ana, 4, "mine")
        data = export.section(self.ana, self.couple)
        self.assertEqual(
            data["dates"][0]["partner_rating"],
            {"stars": 5, "memory": "Ben's memory", "memory_edited": False, "first_memory": None},
        )

    def test_the_whole_export_includes_dates_and_nothing_of_another_couple(self) -> None:
        make_date(self.other_couple, self.cora, title="Cora's secret date")
        r = self.client_for(self.ana).post(reverse("export"))
        body = json.loads(r.content)
        self.assertIn("dates", body["couples"][0])
        self.assertNotIn("Cora's secret date", r.content.decode())


class DemoTestCase(BaseTestCase):
    def test_it_seeds_a_lived_in_history(self) -> None:
        couple = Couple.objects.create(timezone="Europe/Lisbon")
        a, b = User.objects.create_user("a@x.org", "x"), User.objects.create_user("b@x.org", "x")
        with self.captureOnCommitCallbacks(execute=True):
            demo.seed(couple, a, b)
        self.assertEqual(DatePlan.objects.filter(couple=couple, status=S.ACCEPTED).count(), 3)
        self.assertEqual(DateRating.objects.filter(couple=couple).count(), 6)
        upcoming = DatePlan.objects.get(couple=couple, status=S.PROPOSED)
        self.assertGreater(upcoming.starts_at.date(), couple.today() + timedelta(days=2))
        own = selectors.ideas(couple, show="ours")
        self.assertEqual([i.author for i in own], [a])
        self.assertEqual(selectors.ideas(couple, show="saved").count(), 1)

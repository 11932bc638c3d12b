from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.dates import selectors
from closeknit.dates.models import DatePlan, DateRating
from closeknit.dates.tests.helpers import make_date
from closeknit.test import BaseTestCase

S = DatePlan.Status


class HistoryTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.date = make_date(self.couple, self.ana, days=-3, status=S.ACCEPTED)

    def rate(self, user: User, stars: str = "5", memory: str = "") -> Any:
        url = reverse("dates:rate", args=[self.date.pk])
        return self.client_for(user).post(url, {"stars": stars, "memory": memory})

    def test_each_rates_and_keeps_a_memory_encrypted(self) -> None:
        r = self.rate(self.ana, "4", "The ducks!")
        self.assertRedirects(r, reverse("dates:detail", args=[self.date.pk]))
        rating = DateRating.objects.get(author=self.ana)
        self.assertEqual((rating.stars, rating.memory), (4, "The ducks!"))
        with connection.cursor() as cursor:
            cursor.execute("SELECT memory FROM dates_daterating")
            self.assertNotIn("ducks", cursor.fetchone()[0])

    def test_rating_again_updates(self) -> None:
        self.rate(self.ana, "4")
        self.rate(self.ana, "5", "Better in hindsight")
        rating = DateRating.objects.get(author=self.ana)
        self.assertEqual((rating.stars, rating.memory), (5, "Better in hindsight"))

    def test_the_partner_memory_stays_sealed_until_you_rate(self) -> None:
        self.rate(self.ben, "5", "Ben's secret memory")
        r = self.client_for(self.ana).get(reverse("dates:history"))
        self.assertNotContains(r, "Ben&#x27;s secret memory")
        self.assertContains(r, "Shown once you've added yours")
        r = self.client_for(self.ana).get(reverse("dates:detail", args=[self.date.pk]))
        self.assertNotContains(r, "Ben&#x27;s secret memory")
        self.rate(self.ana, "3", "Ana's memory")
        r = self.client_for(self.ana).get(reverse("dates:history"))
        self.assertContains(r, "Ben&#x27;s secret memory")
        self.assertContains(r, "Ana&#x27;s memory")

    def test_a_date_still_ahead_cannot_be_rated(self) -> None:
        ahead = make_date(self.couple, self.ana, days=2, status=S.ACCEPTED)
        self.client_for(self.ana).post(reverse("dates:rate", args=[ahead.pk]), {"stars": "5"})
        self.assertFalse(DateRating.objects.filter(date=ahead).exists())

    def test_a_bad_rating_is_explained_and_the_memory_kept(self) -> None:
        r = self.rate(self.ana, "9", "keep me")
        self.assertContains(r, "Select a valid choice", status_code=422)
        self.assertContains(r, "keep me", status_code=422)
        self.assertFalse(DateRating.objects.exists())

    def test_only_dates_that_happened_are_history(self) -> None:
        make_date(self.couple, self.ana, days=-1, title="Never answered")
        make_date(self.couple, self.ana, days=-1, status=S.CANCELLED, title="Called off")
        make_date(self.other_couple, self.cora, days=-1, status=S.ACCEPTED, title="Cora's")
        r = self.client_for(self.ana).get(reverse("dates:history"))
        self.assertContains(r, "Picnic by the river")
        for title in ["Never answered", "Called off", "Cora"]:
            self.assertNotContains(r, title)

    def test_the_page_is_gentle_with_counts_per_month(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:history"))
        self.assertContains(r, "You made time for 1 date over the last 6 months.")
        self.assertNotContains(r, "streak")

    def test_it_renders_in_constant_queries(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.client_for(self.ana).get(reverse("dates:history"))
            return len(ctx.captured_queries)

        small = count()
        for n in range(15):
            d = make_date(self.couple, self.ben, days=-5 - n, status=S.ACCEPTED)
            DateRating.objects.create(couple=self.couple, date=d, author=self.ana, stars=4)
            DateRating.objects.create(couple=self.couple, date=d, author=self.ben, stars=5)
        self.assertEqual(count(), small)


class MonthlyCountsTestCase(BaseTestCase):
    @time_machine.travel(datetime(2026, 4, 2, 12, tzinfo=UTC), tick=False)
    def test_months_follow_the_readers_time_zone(self) -> None:
        # 20:00 UTC on 31 March is still March in Lisbon but already April in Tokyo.
        DatePlan.objects.create(
            couple=self.couple,
            proposed_by=self.ana,
            title="Late dinner",
            starts_at=datetime(2026, 3, 31, 20, tzinfo=UTC),
            status=S.ACCEPTED,
        )
        with timezone.override(ZoneInfo("Europe/Lisbon")):
            lisbon = selectors.monthly_counts(self.couple, 2)
        self.assertEqual([(m.start.month, m.count) for m in lisbon], [(3, 1), (4, 0)])
        with timezone.override(ZoneInfo("Asia/Tokyo")):
            tokyo = selectors.monthly_counts(self.couple, 2)
        self.assertEqual([(m.start.month, m.count) for m in tokyo], [(3, 0), (4, 1)])

    @time_machine.travel(datetime(2026, 2, 10, 12, tzinfo=UTC), tick=False)
    def test_months_reach_back_across_the_new_year(self) -> None:
        months = selectors.monthly_counts(self.couple, 3)
        self.assertEqual(
            [(m.start.year, m.start.month) for m in months], [(2025, 12), (2026, 1), (2026, 2)]
        )
        self.assertEqual([m.count for m in months], [0, 0, 0])

"""Revealed means settled: once both have rated a date, the hearts stay as they were
and a changed memory keeps its first words, for both to see, on the page and in the API."""

from typing import Any

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.api.tests.base import ApiTestCase
from closeknit.dates.models import DatePlan, DateRating
from closeknit.dates.tests.helpers import make_date

FIRST = "The ducks stole our bread"
SECOND = "The ducks stole our bread, and you laughed until you cried"


class SettledRatingTestCase(ApiTestCase):
    def setUp(self) -> None:
        self.date = make_date(self.couple, self.ana, days=-2, status=DatePlan.Status.ACCEPTED)
        self.url = reverse("dates:rate", args=[self.date.pk])
        self.page = reverse("dates:detail", args=[self.date.pk])
        self.api_url = f"/dates/plans/{self.date.pk}/rating"

    def rate(self, user: User, stars: int, memory: str) -> Any:
        return self.client_for(user).post(self.url, {"stars": stars, "memory": memory})

    def mine(self) -> DateRating:
        return DateRating.objects.get(author=self.ana)

    def test_it_replaces_silently_before_the_reveal(self) -> None:
        self.rate(self.ana, 3, FIRST)
        self.api("put", self.api_url, self.ana, {"stars": 5, "memory": SECOND})
        mine = self.mine()
        self.assertEqual((mine.stars, mine.memory, mine.edited_after_reveal), (5, SECOND, False))

    def test_after_the_reveal_the_page_keeps_the_first_memory(self) -> None:
        self.rate(self.ben, 4, "Ben's")
        self.rate(self.ana, 5, FIRST)
        self.assertRedirects(self.rate(self.ana, 5, SECOND), self.page)
        mine = self.mine()
        self.assertEqual(
            (mine.memory, mine.first_shared, mine.edited_after_reveal), (SECOND, FIRST, True)
        )
        for user in (self.ana, self.ben):
            page = self.client_for(user).get(self.page)
            self.assertContains(page, "as first shared")
            self.assertContains(page, FIRST)
        self.assertContains(page, 'type="radio"', count=0)  # ben's hearts are settled too
        ana = self.client_for(self.ana).get(self.page)
        self.assertContains(ana, '<input type="hidden" name="stars" value="5">', html=True)
        history = self.client_for(self.ben).get(reverse("dates:history"))
        self.assertContains(history, "as first shared")

    def test_after_the_reveal_the_stars_stay(self) -> None:
        self.rate(self.ben, 4, "Ben's")
        self.rate(self.ana, 5, FIRST)
        r = self.rate(self.ana, 2, SECOND)
        self.assertContains(r, "the hearts stay as they were", status_code=409)
        r = self.api("put", self.api_url, self.ana, {"stars": 2, "memory": SECOND})
        self.assertEqual(r.status_code, 409)
        mine = self.mine()
        self.assertEqual((mine.stars, mine.memory, mine.edited_after_reveal), (5, FIRST, False))

    def test_after_the_reveal_the_api_keeps_the_first_memory(self) -> None:
        self.api("put", self.api_url, self.ben, {"stars": 4, "memory": "Ben's"})
        self.api("put", self.api_url, self.ana, {"stars": 5, "memory": FIRST})
        r = self.api("put", self.api_url, self.ana, {"stars": 5, "memory": SECOND})
        mine = r.json()["mine"]
        self.assertEqual(
            (mine["memory"], mine["edited"], mine["first_memory"]), (SECOND, True, FIRST)
        )
        partner = self.api("get", f"/dates/plans/{self.date.pk}", self.ben).json()["partner"]
        self.assertEqual((partner["edited"], partner["first_memory"]), (True, FIRST))
        export = self.client_for(self.ben).post(reverse("export")).json()
        seen = export["couples"][0]["dates"]["dates"][0]["partner_rating"]
        self.assertEqual((seen["memory"], seen["first_memory"]), (SECOND, FIRST))

    def test_an_empty_memory_filled_in_later_is_not_an_edit(self) -> None:
        self.rate(self.ben, 4, "Ben's")
        self.rate(self.ana, 5, "")
        self.rate(self.ana, 5, FIRST)
        self.assertFalse(self.mine().edited_after_reveal)

    def test_another_couple_gets_404(self) -> None:
        self.rate(self.ben, 4, "Ben's")
        self.assertEqual(self.rate(self.cora, 1, "x").status_code, 404)
        r = self.api("put", self.api_url, self.cora, {"stars": 1, "memory": "x"})
        self.assertEqual(r.status_code, 404)
        self.assertEqual(DateRating.objects.get().memory, "Ben's")

from typing import get_args

from closeknit.api.tests.base import ApiTestCase
from closeknit.dates import schemas
from closeknit.dates.models import Category, DateIdea, DatePlan
from closeknit.dates.tests.helpers import make_date

S = DatePlan.Status


class DatesApiTestCase(ApiTestCase):
    def test_a_date_is_proposed_and_accepted_through_the_api(self) -> None:
        body = {"title": "Tapas", "starts_at": "2031-06-14T19:30+01:00", "planner": "me"}
        r = self.api("post", "/dates/plans", self.ana, body)
        self.assertEqual(r.status_code, 201)
        created = r.json()
        self.assertEqual(created["starts_at"], "2031-06-14T19:30:00+01:00")
        self.assertEqual((created["planner"], created["awaits_me"]), ("me", False))
        listed = self.api("get", "/dates/plans", self.ben).json()
        self.assertEqual(listed[0]["planner"], "partner")
        self.assertTrue(listed[0]["awaits_me"])
        r = self.api("post", f"/dates/plans/{created['id']}/accept", self.ben)
        self.assertEqual(r.json()["status"], "accepted")

    def test_a_date_planned_from_an_idea_names_it_in_every_list(self) -> None:
        idea = DateIdea.objects.first()
        assert idea is not None
        body = {"title": "Walk", "starts_at": "2031-06-14T19:30+01:00", "idea": str(idea.pk)}
        created = self.api("post", "/dates/plans", self.ana, body).json()
        self.assertEqual(created["idea"], str(idea.pk))
        DatePlan.objects.filter(pk=created["id"]).update(
            status=S.ACCEPTED, starts_at="2001-01-01T10:00Z"
        )
        history = self.api("get", "/dates/plans/history", self.ben)
        self.assertEqual(history.status_code, 200)
        self.assertEqual(history.json()[0]["idea"], str(idea.pk))

    def test_another_time_and_a_clear_conflict(self) -> None:
        d = make_date(self.couple, self.ana)
        r = self.api(
            "post",
            f"/dates/plans/{d.pk}/another-time",
            self.ana,
            {"starts_at": "2031-01-01T10:00+00:00"},
        )
        self.assertEqual(r.status_code, 409)
        self.assertEqual(r.json()["detail"], "This date isn't waiting for your answer.")
        r = self.api(
            "post",
            f"/dates/plans/{d.pk}/another-time",
            self.ben,
            {"starts_at": "2031-01-01T10:00:00Z"},
        )
        self.assertEqual(r.json()["starts_at"], "2031-01-01T10:00:00Z")
        self.assertTrue(r.json()["proposed_by_me"])

    def test_a_past_time_is_refused_and_saves_nothing(self) -> None:
        r = self.api(
            "post", "/dates/plans", self.ana, {"title": "x", "starts_at": "2001-01-01T10:00Z"}
        )
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json()["detail"], "Choose a time that is still ahead.")
        self.assertEqual(r.json()["field"], "starts_at")
        self.assertFalse(DatePlan.objects.exists())

    def test_ratings_are_sealed_in_the_api(self) -> None:
        d = make_date(self.couple, self.ana, days=-1, status=S.ACCEPTED)
        self.api("put", f"/dates/plans/{d.pk}/rating", self.ben, {"stars": 5, "memory": "Ben's"})
        seen = self.api("get", f"/dates/plans/{d.pk}", self.ana).json()
        self.assertIsNone(seen["partner"])
        r = self.api("put", f"/dates/plans/{d.pk}/rating", self.ana, {"stars": 4})
        self.assertEqual(
            r.json()["partner"],
            {"stars": 5, "memory": "Ben's", "edited": False, "first_memory": None},
        )
        history = self.api("get", "/dates/plans/history", self.ana).json()
        self.assertEqual(history[0]["mine"]["stars"], 4)
        bad = self.api("put", f"/dates/plans/{d.pk}/rating", self.ana, {"stars": 7})
        self.assertEqual(bad.status_code, 422)

    def test_another_couple_gets_404_on_every_date_operation(self) -> None:
        d = make_date(self.couple, self.ana)
        calls = [
            ("get", ""),
            ("post", "/accept"),
            ("post", "/another-time"),
            ("post", "/call-off"),
            ("put", "/rating"),
        ]
        for method, suffix in calls:
            body = {"starts_at": "2031-01-01T10:00+00:00", "stars": 3}
            r = self.api(method, f"/dates/plans/{d.pk}{suffix}", self.cora, body)
            self.assertEqual(r.status_code, 404, suffix)
        d.refresh_from_db()
        self.assertEqual(d.status, S.PROPOSED)

    def test_unpaired_is_403(self) -> None:
        self.assertEqual(self.api("get", "/dates/plans", self.eli).status_code, 403)

    def test_ideas_frequency_and_surprise(self) -> None:
        ideas = self.api("get", "/dates/ideas?category=outdoors", self.ana).json()
        self.assertEqual(len(ideas), 20)
        self.assertTrue(all(i["category"] == "outdoors" and not i["done"] for i in ideas))
        self.assertEqual(self.api("get", "/dates/ideas/surprise", self.ana).status_code, 200)
        self.assertEqual(self.api("get", "/dates/ideas?category=moon", self.ana).status_code, 422)
        make_date(self.couple, self.ana, days=-1, status=S.ACCEPTED)
        months = self.api("get", "/dates/frequency?months=3", self.ana).json()
        self.assertEqual(
            [m["dates"] for m in months][-1] + sum(m["dates"] for m in months[:-1]), 1
        )

    def test_calendar_address_lifecycle(self) -> None:
        self.assertIsNone(self.api("get", "/dates/calendar", self.ana).json()["url"])
        first = self.api("post", "/dates/calendar", self.ana).json()["url"]
        self.assertIn("/dates/feed/", first)
        second = self.api("post", "/dates/calendar", self.ana).json()["url"]
        self.assertNotEqual(first, second)
        self.assertEqual(self.client.get(first.replace("http://testserver", "")).status_code, 404)
        self.assertEqual(self.api("delete", "/dates/calendar", self.ana).status_code, 204)
        self.assertEqual(self.client.get(second.replace("http://testserver", "")).status_code, 404)

    def test_api_choices_match_the_models(self) -> None:
        self.assertEqual(set(get_args(schemas.CategoryIn)), set(Category.values))

    def test_everything_is_in_the_openapi_document(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "/api/v1/dates/plans",
            "/api/v1/dates/calendar",
            "/api/v1/dates/rituals",
            "/api/v1/dates/jokes",
        ]:
            self.assertIn(path, paths)

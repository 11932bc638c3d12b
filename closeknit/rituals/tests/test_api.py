from datetime import timedelta

from django.utils import timezone

from closeknit.api.tests.base import ApiTestCase
from closeknit.rituals import services
from closeknit.rituals.models import Ritual


class RitualsApiTestCase(ApiTestCase):
    def test_rituals_are_chosen_marked_and_listed_by_week(self) -> None:
        kiss = Ritual.objects.get(key="ritual-01")
        suggestions = self.api("get", "/dates/rituals/suggestions", self.ana).json()
        self.assertEqual(len(suggestions), 15)
        r = self.api("post", "/dates/rituals", self.ana, {"suggestion": str(kiss.pk)})
        ritual_id = r.json()["id"]
        today = self.couple.today().isoformat()
        self.assertEqual(
            self.api("put", f"/dates/rituals/{ritual_id}/days/{today}", self.ben).status_code, 204
        )
        week = self.api("get", "/dates/rituals", self.ana).json()
        self.assertEqual(len(week["days"]), 7)
        self.assertEqual(week["rituals"][0]["days_done"], [today])
        future = (self.couple.today() + timedelta(days=1)).isoformat()
        r = self.api("put", f"/dates/rituals/{ritual_id}/days/{future}", self.ben)
        self.assertEqual((r.status_code, r.json()["field"]), (422, "day"))
        self.api("delete", f"/dates/rituals/{ritual_id}/days/{today}", self.ben)
        self.assertEqual(
            self.api("get", "/dates/rituals", self.ana).json()["rituals"][0]["days_done"], []
        )

    def test_an_own_ritual_needs_a_title(self) -> None:
        r = self.api("post", "/dates/rituals", self.ana, {"title": "  "})
        self.assertEqual((r.status_code, r.json()["field"]), (422, "title"))
        r = self.api("post", "/dates/rituals", self.ana, {"title": "Friday dance"})
        self.assertEqual(r.status_code, 201)

    def test_rituals_of_another_couple_are_404(self) -> None:
        ritual = services.add_own_ritual(self.couple, self.ana, title="Ours")
        today = timezone.now().date().isoformat()
        self.assertEqual(
            self.api("put", f"/dates/rituals/{ritual.pk}/days/{today}", self.cora).status_code, 404
        )
        self.assertEqual(
            self.api("delete", f"/dates/rituals/{ritual.pk}", self.cora).status_code, 404
        )

    def test_they_are_served_where_they_were_published(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "/api/v1/dates/rituals",
            "/api/v1/dates/rituals/suggestions",
            "/api/v1/dates/rituals/{ritual_id}",
            "/api/v1/dates/rituals/{ritual_id}/days/{day}",
        ]:
            self.assertEqual(paths[path][next(iter(paths[path]))]["tags"], ["dates"], path)

from closeknit.api.tests.base import ApiTestCase
from closeknit.intentions.models import Intention


class IntentionsApiTestCase(ApiTestCase):
    def test_intentions_are_written_shared_and_kept(self) -> None:
        r = self.api("post", "/checkin/intentions", self.ana, {"want": "Laugh", "willing": "Plan"})
        self.assertEqual(r.status_code, 201)
        self.api(
            "post", "/checkin/intentions", self.ana, {"want": "Laugh more", "willing": "Plan"}
        )
        data = self.api("get", "/checkin/intentions", self.ben).json()
        self.assertEqual(data["theirs"]["want"], "Laugh more")
        self.assertIsNone(data["mine"])
        self.assertEqual(len(data["history"]), 2)
        r = self.api("post", "/checkin/intentions/still-true", self.ana)
        self.assertIsNotNone(r.json()["reviewed_at"])

    def test_both_parts_are_needed(self) -> None:
        r = self.api("post", "/checkin/intentions", self.ana, {"want": "Laugh", "willing": " "})
        self.assertEqual((r.status_code, r.json()["field"]), (422, "willing"))
        self.assertFalse(Intention.objects.exists())
        r = self.api("post", "/checkin/intentions/still-true", self.ben)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(r.json()["detail"], "Write your intentions first.")

    def test_they_are_served_where_they_were_published(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in ["intentions", "intentions/still-true"]:
            operations = paths[f"/api/v1/checkin/{path}"]
            self.assertEqual(operations[next(iter(operations))]["tags"], ["checkin"], path)

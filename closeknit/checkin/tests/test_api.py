from typing import Any

from closeknit.api.tests.base import ApiTestCase
from closeknit.checkin.models import Checkin, Item
from closeknit.checkin.tests.helpers import make_checkin
from closeknit.nudges.models import Notification


def body(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "closeness": 5,
        "scores": dict.fromkeys(Item.objects.values_list("key", flat=True), 4),
        "mood": 3,
        "needs": ["space"],
        "note": "From the app",
    }
    data.update(extra)
    return data


class CheckinApiTestCase(ApiTestCase):
    def test_it_lists_the_items(self) -> None:
        r = self.api("get", "/checkin/items", self.ana)
        self.assertEqual(r.status_code, 200)
        self.assertEqual(len(r.json()), 4)
        self.assertEqual(r.json()[0]["low"], "Not content")

    def test_it_checks_in_and_keeps_the_partners_sealed(self) -> None:
        make_checkin(self.couple, self.ben, closeness=2, note="Ben note")
        r = self.api("get", "/checkin/week", self.ana)
        self.assertEqual(r.json()["theirs"], None)
        self.assertTrue(r.json()["partner_done"])
        r = self.api("put", "/checkin/week", self.ana, body())
        self.assertEqual(r.status_code, 200, r.content)
        data = r.json()
        self.assertEqual(data["mine"]["closeness"], 5)
        self.assertEqual(data["mine"]["satisfaction"], 4.0)
        self.assertEqual(data["theirs"]["note"], "Ben note")
        self.assertTrue(data["revealed"])
        self.assertEqual(Checkin.objects.get(author=self.ana).needs, ["space"])
        self.assertTrue(
            Notification.objects.filter(recipient=self.ben, kind="checkin_done").exists()
        )

    def test_it_explains_bad_input_and_saves_nothing(self) -> None:
        cases = [
            (body(closeness=0), "Closeness is a step from 1 to 7."),
            (body(scores={"checkin-1": 3}), "Answer each question once"),
            (body(mood=9), "Mood is a number from 1 to 5."),
            (body(needs=["money"]), "Needs can be"),
        ]
        for data, message in cases:
            r = self.api("put", "/checkin/week", self.ana, data)
            self.assertEqual(r.status_code, 422)
            self.assertIn(message, r.json()["detail"])
        self.assertFalse(Checkin.objects.exists())

    def test_the_trend_has_both_partners_and_the_gap(self) -> None:
        make_checkin(self.couple, self.ana, 1, closeness=6)
        make_checkin(self.couple, self.ben, 1, closeness=3)
        make_checkin(self.couple, self.ben, 2, closeness=1)
        rows = self.api("get", "/checkin/trend?weeks=3", self.ana).json()["rows"]
        self.assertEqual([r["their_closeness"] for r in rows], [None, 3, None])
        self.assertEqual(rows[1]["closeness_gap"], 3)
        self.assertTrue(rows[0]["partner_sealed"])

    def test_it_needs_a_couple(self) -> None:
        self.assertEqual(self.api("get", "/checkin/week", self.eli).status_code, 403)
        self.assertEqual(self.api("get", "/checkin/week", None).status_code, 401)

    def test_the_resources_page_is_there(self) -> None:
        r = self.api("get", "/checkin/resources", self.ana)
        self.assertIn("## Talking with a professional", r.json()["markdown"])

    def test_the_operations_are_in_the_openapi_document(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "items",
            "week",
            "trend",
            "support",
            "support/{signal_id}/answer",
            "intentions",
            "intentions/still-true",
            "resources",
        ]:
            self.assertIn(f"/api/v1/checkin/{path}", paths)

from typing import Any

from closeknit.api.tests.base import ApiTestCase
from closeknit.checkin.models import Checkin, Intention, Item, SupportSignal
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
            self.assertEqual(r.status_code, 400)
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


class SupportApiTestCase(ApiTestCase):
    def test_a_signal_is_sent_answered_and_closed(self) -> None:
        r = self.api("post", "/checkin/support", self.ana, {"kind": "listen", "note": "Long day"})
        self.assertEqual(r.status_code, 201)
        signal_id = r.json()["id"]
        theirs = self.api("get", "/checkin/support", self.ben).json()
        self.assertEqual((theirs[0]["mine"], theirs[0]["note"]), (False, "Long day"))
        r = self.api("post", f"/checkin/support/{signal_id}/answer", self.ben, {"offer": "listen"})
        self.assertEqual(r.json()["offer_label"], "I'll make time to listen")
        r = self.api("post", f"/checkin/support/{signal_id}/close", self.ana)
        self.assertIsNotNone(r.json()["closed_at"])
        kinds = set(Notification.objects.values_list("kind", flat=True))
        self.assertEqual(kinds, {"support", "support_answered"})

    def test_bad_input_is_explained(self) -> None:
        r = self.api("post", "/checkin/support", self.ana, {"kind": "money"})
        self.assertEqual(r.status_code, 400)
        self.assertEqual(r.json()["detail"], "Choose the kind of support that would help.")

    def test_another_couple_gets_404(self) -> None:
        signal = SupportSignal.objects.create(couple=self.couple, author=self.ana, kind="listen")
        for action, data in [("answer", {"offer": "call"}), ("close", None)]:
            r = self.api("post", f"/checkin/support/{signal.id}/{action}", self.cora, data)
            self.assertEqual(r.status_code, 404)
        self.assertEqual(self.api("get", "/checkin/support", self.cora).json(), [])


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
        self.assertEqual(r.status_code, 400)
        self.assertFalse(Intention.objects.exists())
        r = self.api("post", "/checkin/intentions/still-true", self.ben)
        self.assertEqual(r.json()["detail"], "Write your intentions first.")

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

from closeknit.api.tests.base import ApiTestCase
from closeknit.nudges.models import Notification
from closeknit.private.models import Answer, Evening
from closeknit.private.tests.helpers import answer, open_list


class ListApiTestCase(ApiTestCase):
    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)

    def test_answers_are_saved_cleared_and_validated(self) -> None:
        r = self.api("put", "/private/items/affection-001", self.ana, {"answer": "maybe"})
        self.assertEqual(r.json()["mine"], "maybe")
        self.assertEqual(
            self.api(
                "put", "/private/items/affection-001", self.ana, {"answer": "sure"}
            ).status_code,
            422,
        )
        self.assertEqual(
            self.api("put", "/private/items/nope", self.ana, {"answer": "yes"}).status_code, 404
        )
        self.api("put", "/private/items/affection-001", self.ana, {"answer": None})
        self.assertFalse(Answer.objects.exists())

    def test_a_close_evening_brings_the_aftercare_reminder_with_mutual_items(self) -> None:
        answer(self.couple, self.ana, **{"aftercare-001": "yes", "aftercare-002": "yes"})
        answer(self.couple, self.ben, **{"aftercare-001": "maybe", "aftercare-002": "no"})
        self.assertIsNone(self.api("get", "/private/aftercare", self.ben).json()["reminder"])
        r = self.api("post", "/private/evenings", self.ana)
        self.assertEqual(r.status_code, 201)
        body = self.api("get", "/private/aftercare", self.ben).json()
        self.assertEqual([i["key"] for i in body["items"]], ["aftercare-001"])
        reminder = body["reminder"]
        self.assertEqual(str(Evening.objects.get().pk), reminder)
        self.assertEqual(
            self.api("post", f"/private/aftercare/{reminder}/dismiss", self.ben).status_code, 204
        )
        self.assertIsNone(self.api("get", "/private/aftercare", self.ben).json()["reminder"])
        self.assertIsNotNone(self.api("get", "/private/aftercare", self.ana).json()["reminder"])
        self.assertFalse(Notification.objects.exists())

    def test_try_next_lifecycle(self) -> None:
        answer(self.couple, self.ana, **{"play-001": "yes"})
        answer(self.couple, self.ben, **{"play-001": "yes"})
        item_id = self.api("get", "/private/mutual", self.ana).json()["items"][0]["id"]
        entry = self.api("post", "/private/try-next", self.ana, {"item": item_id}).json()
        self.assertEqual(
            self.api("post", f"/private/try-next/{entry['id']}/tried", self.ben).json()["tried"],
            True,
        )
        self.assertEqual(
            self.api("delete", f"/private/try-next/{entry['id']}", self.ben).status_code, 204
        )
        self.assertEqual(self.api("get", "/private/try-next", self.ana).json(), [])

    def test_another_couple_reaches_nothing_of_ours(self) -> None:
        answer(self.couple, self.ana, **{"play-001": "yes"})
        answer(self.couple, self.ben, **{"play-001": "yes"})
        item_id = self.api("get", "/private/mutual", self.ana).json()["items"][0]["id"]
        entry = self.api("post", "/private/try-next", self.ana, {"item": item_id}).json()
        open_list(self.other_couple, self.cora, self.dev)
        self.assertEqual(
            self.api("get", "/private/mutual", self.cora).json(), {"count": 0, "items": []}
        )
        self.assertEqual(
            self.api("delete", f"/private/try-next/{entry['id']}", self.cora).status_code, 404
        )
        self.assertEqual(
            self.api("post", "/private/try-next", self.cora, {"item": item_id}).status_code, 404
        )

    def test_it_is_in_the_openapi_document_without_being_named(self) -> None:
        doc = self.client.get("/api/v1/openapi.json").json()
        self.assertIn("/api/v1/private/mutual", doc["paths"])
        tags = {
            tag for op in doc["paths"]["/api/v1/private/mutual"].values() for tag in op["tags"]
        }
        self.assertEqual(tags, {"private"})

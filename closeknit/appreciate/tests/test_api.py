from closeknit.api.tests.base import ApiTestCase
from closeknit.appreciate.models import Appreciation, JournalEntry, TallyMark

GOOD = {
    "did": "You fixed the bike before my ride",
    "felt": "I felt cared for",
    "shows": "It shows how generous you are",
}


class AppreciationApiTestCase(ApiTestCase):
    def test_it_sends_lists_and_reacts(self) -> None:
        r = self.api("post", "/appreciate/appreciations", self.ana, GOOD)
        self.assertEqual(r.status_code, 201)
        a_id = r.json()["id"]
        data = self.api("get", "/appreciate/appreciations", self.ben).json()
        self.assertEqual(data["items"][0]["did"], GOOD["did"])
        self.assertFalse(data["items"][0]["from_me"])
        r = self.api(
            "put", f"/appreciate/appreciations/{a_id}/reaction", self.ben, {"reaction": "loved"}
        )
        self.assertEqual(r.json()["reaction_label"], "❤️ Loved it")
        r = self.api(
            "put", f"/appreciate/appreciations/{a_id}/reaction", self.ana, {"reaction": "hug"}
        )
        self.assertEqual(r.status_code, 403)
        self.assertEqual(Appreciation.objects.get().reaction, "loved")

    def test_a_missing_part_is_explained(self) -> None:
        r = self.api("post", "/appreciate/appreciations", self.ana, {**GOOD, "shows": " "})
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json()["detail"], "Say what it shows about them.")
        self.assertEqual(r.json()["field"], "shows")
        self.assertFalse(Appreciation.objects.exists())

    def test_the_coach_answers_without_keeping_anything(self) -> None:
        r = self.api("post", "/appreciate/coach", self.ana, {**GOOD, "shows": "Nice bike"})
        hints = {h["part"]: h["good"] for h in r.json()}
        self.assertEqual(hints, {"did": True, "felt": True, "shows": False})
        self.assertFalse(Appreciation.objects.exists())

    def test_another_couple_gets_404(self) -> None:
        a = Appreciation.objects.create(
            couple=self.couple, author=self.ana, recipient=self.ben, **GOOD
        )
        self.assertEqual(
            self.api("get", f"/appreciate/appreciations/{a.id}", self.cora).status_code, 404
        )
        r = self.api(
            "put", f"/appreciate/appreciations/{a.id}/reaction", self.dev, {"reaction": "hug"}
        )
        self.assertEqual(r.status_code, 404)


class PrivateApiTestCase(ApiTestCase):
    def test_the_journal_is_only_ever_the_callers(self) -> None:
        r = self.api("post", "/appreciate/journal", self.ana, {"text": "The rain"})
        self.assertEqual(r.status_code, 201)
        entry_id = r.json()["id"]
        self.assertEqual(self.api("get", "/appreciate/journal", self.ben).json(), [])
        self.assertEqual(
            self.api("delete", f"/appreciate/journal/{entry_id}", self.ben).status_code, 404
        )
        self.assertEqual(
            self.api("get", "/appreciate/journal", self.ana).json()[0]["text"], "The rain"
        )
        self.assertEqual(
            self.api("delete", f"/appreciate/journal/{entry_id}", self.ana).status_code, 204
        )
        self.assertFalse(JournalEntry.objects.exists())

    def test_the_tally_is_logged_counted_and_private(self) -> None:
        r = self.api("post", "/appreciate/tally", self.ana, {"kind": "appreciation"})
        self.assertEqual(r.status_code, 201)
        self.api("post", "/appreciate/tally", self.ana, {"kind": "complaint"})
        weeks = self.api("get", "/appreciate/tally?weeks=2", self.ana).json()["weeks"]
        self.assertEqual((weeks[-1]["appreciations"], weeks[-1]["complaints"]), (1, 1))
        ben = self.api("get", "/appreciate/tally?weeks=2", self.ben).json()
        self.assertIn("not a measure", ben["note"])
        self.assertEqual(ben["weeks"][-1]["complaints"], 0)
        mark = TallyMark.objects.filter(kind="complaint").get()
        self.assertEqual(
            self.api("delete", f"/appreciate/tally/{mark.id}", self.ben).status_code, 404
        )
        self.assertEqual(
            self.api("post", "/appreciate/tally", self.ana, {"kind": "x"}).status_code, 422
        )

    def test_the_operations_are_in_the_openapi_document(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "appreciations",
            "appreciations/{appreciation_id}/reaction",
            "coach",
            "journal",
            "journal/{entry_id}",
            "tally",
            "tally/{mark_id}",
        ]:
            self.assertIn(f"/api/v1/appreciate/{path}", paths)

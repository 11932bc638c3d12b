from closeknit.api.tests.base import ApiTestCase
from closeknit.assessment.models import Response, Round
from closeknit.assessment.tests.helpers import answers, make_round, respond


class AssessmentApiTestCase(ApiTestCase):
    def test_it_lists_every_item(self) -> None:
        data = self.api("get", "/assessment/items", self.ana).json()
        self.assertEqual(len(data["intimacy"]), 42)
        self.assertEqual(len(data["responsiveness"]), 10)
        self.assertEqual(len(data["lovemap"]), 24)
        self.assertEqual(data["lovemap"][0]["options"][0], "A close friend")
        self.assertEqual(data["scale"], [1, 7])

    def test_both_partners_take_it_and_read_the_report(self) -> None:
        r = self.api("post", "/assessment/rounds", self.ana)
        self.assertEqual(r.status_code, 201)
        round_id = r.json()["id"]
        self.assertTrue(r.json()["baseline"])
        for user, now in ((self.ana, 3), (self.ben, 5)):
            r = self.api("put", f"/assessment/rounds/{round_id}/answers", user, answers(now=now))
            self.assertEqual(r.status_code, 200, r.content)
            self.assertEqual(r.json()["missing"], [])
        r = self.api("post", f"/assessment/rounds/{round_id}/finish", self.ana)
        self.assertEqual(r.json()["my_status"], "finished")
        r = self.api("get", f"/assessment/rounds/{round_id}/report", self.ana)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(r.json()["detail"], "The report opens when you've both finished.")
        self.api("post", f"/assessment/rounds/{round_id}/finish", self.ben)
        report = self.api("get", f"/assessment/rounds/{round_id}/report", self.ana).json()
        self.assertEqual(report["noise"], 1.0)
        self.assertEqual(report["kinds"][0]["my_now"], 3.0)
        self.assertEqual(report["kinds"][0]["their_now"], 5.0)
        self.assertEqual(len(report["biggest_gaps"]), 3)
        self.assertEqual(report["their_answers"]["intimacy"]["emotional-1"], [5, 6])
        self.assertEqual(len(report["suggestions"]), 3)

    def test_answers_can_be_saved_in_parts_and_are_checked(self) -> None:
        rnd = make_round(self.couple)
        url = f"/assessment/rounds/{rnd.id}/answers"
        r = self.api("put", url, self.ana, {"intimacy": {"emotional-1": [2, 7]}})
        self.assertEqual(r.json()["intimacy"], {"emotional-1": [2, 7]})
        self.assertIn("Emotional intimacy", r.json()["missing"])
        for body, message in [
            ({"intimacy": {"emotional-1": [0, 7]}}, "each from 1 to 7"),
            ({"intimacy": {"nope": [2, 7]}}, "Unknown item: nope."),
            ({"lovemap": {"lovemap-01": [5, 0]}}, "option number"),
        ]:
            r = self.api("put", url, self.ana, body)
            self.assertEqual(r.status_code, 400)
            self.assertIn(message, r.json()["detail"])
        self.assertEqual(Response.objects.get().intimacy, {"emotional-1": [2, 7]})
        r = self.api("post", f"/assessment/rounds/{rnd.id}/finish", self.ana)
        self.assertEqual(r.status_code, 400)
        self.assertIn("A few pages are still open", r.json()["detail"])

    def test_finished_answers_are_kept_as_they_are(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ana)
        r = self.api(
            "put",
            f"/assessment/rounds/{rnd.id}/answers",
            self.ana,
            {"intimacy": {"emotional-1": [1, 1]}},
        )
        self.assertEqual(r.status_code, 409)

    def test_the_partners_answers_are_never_returned_as_mine(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ben, now=7)
        r = self.api("get", f"/assessment/rounds/{rnd.id}/answers", self.ana).json()
        self.assertEqual(r["intimacy"], {})

    def test_the_next_round_waits_a_quarter(self) -> None:
        make_round(self.couple, days_ago=10)
        r = self.api("post", "/assessment/rounds", self.ana)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(Round.objects.count(), 1)
        self.assertIsNotNone(self.api("get", "/assessment/rounds", self.ana).json()["next_due"])

    def test_another_couple_gets_404(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ana)
        respond(rnd, self.ben)
        for method, path in [
            ("get", "answers"),
            ("put", "answers"),
            ("post", "finish"),
            ("get", "report"),
        ]:
            r = self.api(method, f"/assessment/rounds/{rnd.id}/{path}", self.cora, {})
            self.assertEqual(r.status_code, 404, path)
        self.assertEqual(self.api("get", "/assessment/rounds", self.cora).json()["rounds"], [])

    def test_the_operations_are_in_the_openapi_document(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in [
            "items",
            "rounds",
            "rounds/{round_id}/answers",
            "rounds/{round_id}/finish",
            "rounds/{round_id}/report",
        ]:
            self.assertIn(f"/api/v1/assessment/{path}", paths)

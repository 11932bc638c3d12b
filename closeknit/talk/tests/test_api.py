from closeknit.api.tests.base import ApiTestCase
from closeknit.talk.models import Answer, BothTrue, Reply
from closeknit.talk.tests.base import TalkTestCase


class TalkApiTestCase(ApiTestCase, TalkTestCase):
    def test_today_is_sealed_until_i_answer(self) -> None:
        q = self.api("get", "/talk/today", self.ana).json()
        self.api("put", f"/talk/questions/{q['id']}/answer", self.ana, {"text": "the lighthouse"})
        ben = self.api("get", "/talk/today", self.ben).json()
        self.assertIsNone(ben["partner"])
        self.assertTrue(ben["partner_answered"])
        self.assertNotIn("lighthouse", str(ben))
        after = self.api(
            "put", f"/talk/questions/{q['id']}/answer", self.ben, {"text": "a bicycle"}
        )
        self.assertEqual(after.json()["partner"]["text"], "the lighthouse")
        self.assertTrue(after.json()["revealed"])

    def test_history_search_never_matches_a_sealed_answer(self) -> None:
        q = self.question(days_ago=2)
        self.answer(q, self.ben, "marmalade")
        self.assertEqual(self.api("get", "/talk/questions?q=marmalade", self.ana).json(), [])

    def test_bad_input_is_a_clear_error(self) -> None:
        q = self.question()
        r = self.api("put", f"/talk/questions/{q.id}/answer", self.ana, {"text": ""})
        self.assertEqual(r.status_code, 422)
        r = self.api("put", f"/talk/questions/{q.id}/answer", self.ana, {"text": "x" * 5001})
        self.assertEqual(r.status_code, 422)
        self.assertFalse(Answer.objects.exists())

    def test_replies_reactions_and_thanks(self) -> None:
        q = self.question()
        self.answer(q, self.ana)
        early = self.api("post", f"/talk/questions/{q.id}/replies", self.ben, {"text": "hi"})
        self.assertEqual(early.status_code, 409)
        self.answer(q, self.ben)
        r = self.api(
            "post", f"/talk/questions/{q.id}/replies", self.ben, {"text": "Tell me more?"}
        )
        self.assertEqual(r.status_code, 201)
        reply_id = r.json()["id"]
        self.assertEqual(
            self.api("post", f"/talk/replies/{reply_id}/thanks", self.ben).status_code, 403
        )
        self.assertEqual(
            self.api("post", f"/talk/replies/{reply_id}/thanks", self.ana).status_code, 204
        )
        r = self.api("post", f"/talk/replies/{reply_id}/reaction", self.ana, {"reaction": "hug"})
        self.assertEqual(r.status_code, 204)
        self.assertEqual(Reply.objects.get().reaction, "hug")

    def test_both_true_through_the_api(self) -> None:
        r = self.api(
            "post", "/talk/both-true", self.ana, {"title": "The wedding", "text": "Loud."}
        )
        both = r.json()
        self.assertIsNone(
            self.api("get", f"/talk/both-true/{both['id']}", self.ben).json()["partner"]
        )
        r = self.api("put", f"/talk/both-true/{both['id']}/side", self.ben, {"text": "Lovely."})
        self.assertEqual(r.json()["partner"]["text"], "Loud.")

    def test_a_session_with_ratings(self) -> None:
        s = self.api("post", "/talk/sessions", self.ana, {"topic_kind": "values"}).json()
        self.api("post", f"/talk/sessions/{s['id']}/advance", self.ana, {"note": "heard you"})
        body = {
            "me": {"understood": 5, "validated": 6, "cared": 7},
            "partner": {"understood": 4, "validated": 4, "cared": 6},
        }
        r = self.api("post", f"/talk/sessions/{s['id']}/ratings", self.ana, body)
        self.assertEqual(len(r.json()["ratings"]), 2)
        self.assertIsNotNone(r.json()["ended_at"])

    def test_another_couples_objects_are_404(self) -> None:
        q = self.question(couple=self.other_couple)
        both = BothTrue.objects.create(couple=self.other_couple, started_by=self.cora, title="x")
        for method, path, body in [
            ("get", f"/talk/questions/{q.id}", None),
            ("put", f"/talk/questions/{q.id}/answer", {"text": "x"}),
            ("post", f"/talk/questions/{q.id}/pass", None),
            ("get", f"/talk/both-true/{both.id}", None),
            ("put", f"/talk/both-true/{both.id}/side", {"text": "x"}),
        ]:
            with self.subTest(path=path):
                self.assertEqual(self.api(method, path, self.ana, body).status_code, 404)

    def test_an_unpaired_person_gets_403(self) -> None:
        self.assertEqual(self.api("get", "/talk/today", self.eli).status_code, 403)

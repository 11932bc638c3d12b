from django.core.cache import cache
from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.nudges.models import Notification
from closeknit.support.models import SupportSignal
from closeknit.test import one_rate_window


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
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json()["detail"], "Choose the kind of support that would help.")
        self.assertEqual(r.json()["field"], "kind")

    def test_the_author_cannot_answer_their_own_signal(self) -> None:
        signal = SupportSignal.objects.create(couple=self.couple, author=self.ana, kind="listen")
        r = self.api("post", f"/checkin/support/{signal.id}/answer", self.ana, {"offer": "call"})
        self.assertEqual((r.status_code, r.json()["code"]), (403, "forbidden"))

    def test_signals_are_rate_limited_like_on_the_page(self) -> None:
        cache.clear()
        self.addCleanup(cache.clear)
        body = {"kind": "listen"}
        with one_rate_window():
            codes = [
                self.api("post", "/checkin/support", self.ana, body).status_code for _ in range(21)
            ]
            r = self.client_for(self.ana).post(reverse("support:index"), body)
        self.assertEqual(codes[-1], 429)
        self.assertContains(r, "Too many requests", status_code=429)

    def test_another_couple_gets_404(self) -> None:
        signal = SupportSignal.objects.create(couple=self.couple, author=self.ana, kind="listen")
        for action, data in [("answer", {"offer": "call"}), ("close", None)]:
            r = self.api("post", f"/checkin/support/{signal.id}/{action}", self.cora, data)
            self.assertEqual(r.status_code, 404)
        self.assertEqual(self.api("get", "/checkin/support", self.cora).json(), [])

    def test_it_is_served_where_it_was_published(self) -> None:
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        for path in ["support", "support/{signal_id}/answer", "support/{signal_id}/close"]:
            operations = paths[f"/api/v1/checkin/{path}"]
            self.assertEqual(operations[next(iter(operations))]["tags"], ["checkin"], path)

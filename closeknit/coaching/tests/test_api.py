from django.core.cache import cache

from closeknit.api.tests.base import ApiTestCase
from closeknit.test import one_rate_window


class CoachApiTestCase(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_it_reads_a_reply_and_echoes_the_id(self) -> None:
        body = {
            "id": 7,
            "text": "I hear you, but that is not how it was.",
            "context": "I felt alone.",
        }
        r = self.api("post", "/coach", self.ana, body)
        self.assertEqual(r.status_code, 200)
        out = r.json()
        self.assertEqual(out["id"], 7)
        self.assertTrue(out["signals"]["dismissive_but"])
        finding = next(f for f in out["findings"] if f["signal"] == "dismissive_but")
        self.assertIn("and", finding["suggestion"])

    def test_it_reports_the_new_signals(self) -> None:
        body = {"text": "Cool. Anyway, what's for dinner?", "context": "I got the job!!"}
        out = self.api("post", "/coach", self.ana, body).json()
        self.assertIn("self_focus", out["signals"])
        self.assertTrue(out["signals"]["good_news_dismissed"])
        self.assertIn("good_news_dismissed", [f["signal"] for f in out["findings"]])
        self.assertEqual(
            set(out["empathy"]), {"emotional_reactions", "interpretations", "explorations"}
        )
        self.assertIn(out["listening_level"], ("internal", "focused", "global"))

    def test_the_schema_lists_every_signal(self) -> None:
        from closeknit.coach.engine import SIGNALS

        doc = self.client.get("/api/v1/openapi.json").json()
        self.assertEqual(
            list(doc["components"]["schemas"]["SignalsOut"]["properties"]), list(SIGNALS)
        )

    def test_it_refuses_empty_and_too_long_text_clearly(self) -> None:
        for text in ["   ", "x" * 5001]:
            r = self.api("post", "/coach", self.ana, {"text": text})
            self.assertEqual(r.status_code, 422)
            self.assertEqual((r.json()["code"], r.json()["field"]), ("invalid", "text"))
            self.assertTrue(r.json()["detail"])

    def test_it_needs_a_signed_in_user(self) -> None:
        self.assertEqual(self.api("post", "/coach", None, {"text": "hi"}).status_code, 401)

    def test_it_is_rate_limited(self) -> None:
        with one_rate_window():
            codes = [
                self.api("post", "/coach", self.eli, {"text": "ok"}).status_code for _ in range(62)
            ]
        self.assertEqual(codes.count(429), 2)

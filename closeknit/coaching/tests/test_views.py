"""One rate limit for the coach, however it is reached: the live box, the button, the API."""

from django.core.cache import cache
from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.coaching import feedback
from closeknit.lib.ratelimit import RATES
from closeknit.talk.models import Answer
from closeknit.talk.prompts import todays_question
from closeknit.test import one_rate_window

LIMIT = int(RATES["coach"].split("/")[0])


class CoachViewTestCase(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_live_box_reads_the_field_it_is_told(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("coach"), {"coach_field": "note", "note": "I hear you, but no."}
        )
        self.assertContains(r, "A “but” that may cancel")

    def test_a_suggestion_is_a_button_with_the_script_and_words_to_read_without(self) -> None:
        r = self.client_for(self.ana).post(reverse("coach"), {"text": "I hear you, but no."})
        html = r.content.decode()
        self.assertIn("data-apply-suggestion", html)
        self.assertRegex(html, r"data-apply-suggestion[^>]*data-needs-js hidden>Use:")
        to_read = r"<noscript><span class=\"coach-try\">Try: “[^”]+”</span></noscript>"
        self.assertRegex(html, to_read)

    def test_the_panel_says_a_concern_once(self) -> None:
        # The summary names the concern; its note shows where, without saying it again.
        r = self.client_for(self.ana).post(reverse("coach"), {"text": "Did you have fun?"})
        self.assertContains(r, 'coach-summary">This asks for a short answer.', html=False)
        self.assertContains(r, "This asks for a short answer.", count=1)
        self.assertContains(r, "A question with a short answer")
        r = self.client_for(self.ana).post(reverse("coach"), {"text": "I hear you, but no."})
        self.assertContains(r, "may take back what came before it")
        self.assertNotContains(r, "keeps both true")
        self.assertContains(r, "A “but” that may cancel")

    def test_shrinking_good_news_is_not_answered_with_that_sounds_hard(self) -> None:
        data = {"text": "It's only 10k, relax.", "coach_context": "I ran my first 10k today!"}
        r = self.client_for(self.ana).post(reverse("coach"), data)
        self.assertContains(r, "This may make their news sound smaller")
        self.assertContains(r, "a big deal, and I&#x27;m so happy for you!")
        self.assertNotContains(r, "sounds really hard")

    def test_nothing_typed_yet_shows_nothing(self) -> None:
        r = self.client_for(self.ana).post(reverse("coach"), {"text": "   "})
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "coach-panel")

    def test_text_the_coach_cannot_read_is_refused_in_the_box(self) -> None:
        r = self.client_for(self.ana).post(reverse("coach"), {"text": "x" * 5001})
        self.assertContains(r, "5,000", status_code=422)

    def test_the_live_box_the_button_and_the_api_share_one_limit(self) -> None:
        with one_rate_window():
            self.share_one_limit()

    def share_one_limit(self) -> None:
        question = todays_question(self.couple)
        Answer.objects.create(question=question, couple=self.couple, author=self.ana, text="a")
        Answer.objects.create(question=question, couple=self.couple, author=self.ben, text="b")
        ana = self.client_for(self.ana)
        for n in range(LIMIT - 2):
            self.assertEqual(ana.post(reverse("coach"), {"text": f"ok {n}"}).status_code, 200)
        button = {"reply-text": "I hear you, but no.", "coach": "1"}
        url = reverse("talk:reply", args=[question.pk])
        self.assertContains(ana.post(url, button), "A “but” that may cancel")
        self.assertEqual(self.api("post", "/coach", self.ana, {"text": "ok"}).status_code, 200)
        over = ana.post(url, button)
        self.assertContains(over, "Too many requests", status_code=429)
        self.assertNotContains(over, "A “but” that may cancel", status_code=429)
        self.assertContains(
            ana.post(reverse("coach"), {"text": "ok"}), "Too many", status_code=429
        )
        self.assertEqual(self.api("post", "/coach", self.ana, {"text": "ok"}).status_code, 429)
        # Someone else still has their own allowance.
        self.assertIsNotNone(feedback.read(self.ben, "ok"))

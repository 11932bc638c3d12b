from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.talk.models import BothTrue, BothTrueQuestion, BothTrueSide
from closeknit.test import BaseTestCase


class BothTrueTestCase(BaseTestCase):
    def start(self) -> BothTrue:
        self.client_for(self.ana).post(
            reverse("talk:both_true_list"),
            {"title": "Sunday at your sister's", "text": "I felt like a guest in my own family."},
        )
        return BothTrue.objects.get()

    def test_each_side_is_sealed_until_both_have_written(self) -> None:
        both = self.start()
        url = reverse("talk:both_true", args=[both.id])
        page = self.client_for(self.ben).get(url)
        self.assertNotContains(page, "guest in my own family")
        self.assertContains(page, "Ana has written their side")
        self.assertEqual(Notification.objects.get(recipient=self.ben).kind, "both_true")
        self.client_for(self.ben).post(url, {"side-text": "I was so relieved you came."})
        page = self.client_for(self.ben).get(url)
        self.assertContains(page, "guest in my own family")
        self.assertContains(page, "<strong>and</strong> Ana experienced it that way", html=False)

    def test_one_open_question_each_after_the_reveal(self) -> None:
        both = self.start()
        ask = reverse("talk:both_true_ask", args=[both.id])
        r = self.client_for(self.ben).post(
            ask, {"ask-text": "What made it feel that way?"}, follow=True
        )
        self.assertContains(r, "once you have both written", status_code=409)
        self.assertFalse(BothTrueQuestion.objects.exists())
        BothTrueSide.objects.create(
            both_true=both, couple=self.couple, author=self.ben, text="Fine."
        )
        blank = self.client_for(self.ben).post(ask, {"ask-text": " ", "coach": "1"})
        self.assertContains(blank, "Write your reply first", status_code=422)
        self.assertFalse(BothTrueQuestion.objects.exists())
        self.client_for(self.ben).post(ask, {"ask-text": "What made it feel that way?"})
        self.client_for(self.ben).post(ask, {"ask-text": "And another?"})
        self.assertEqual(BothTrueQuestion.objects.count(), 1)
        question = BothTrueQuestion.objects.get()
        answer_url = reverse("talk:both_true_answer", args=[question.id])
        self.client_for(self.ben).post(answer_url, {"answer-text": "answering myself"})
        question.refresh_from_db()
        self.assertEqual(question.answer, "")
        self.client_for(self.ana).post(answer_url, {"answer-text": "Everyone talked past me."})
        question.refresh_from_db()
        self.assertEqual(question.answer, "Everyone talked past me.")

    def test_an_empty_side_is_refused(self) -> None:
        both = self.start()
        r = self.client_for(self.ben).post(
            reverse("talk:both_true", args=[both.id]), {"side-text": ""}
        )
        self.assertEqual(r.status_code, 422)
        self.assertFalse(BothTrueSide.objects.filter(author=self.ben).exists())

    def test_another_couple_cannot_reach_it(self) -> None:
        both = self.start()
        for name, method in [
            ("talk:both_true", "get"),
            ("talk:both_true", "post"),
            ("talk:both_true_ask", "post"),
        ]:
            r = getattr(self.client_for(self.cora), method)(
                reverse(name, args=[both.id]), {"side-text": "x"}
            )
            self.assertEqual(r.status_code, 404)
        self.assertEqual(BothTrueSide.objects.count(), 1)

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.talk import prompts
from closeknit.talk.models import Answer, DailyQuestion
from closeknit.talk.tests.base import TalkTestCase

SECRET = "I have never told anyone about the lighthouse"


class DailyQuestionTestCase(TalkTestCase):
    def test_it_creates_one_question_a_day_for_both(self) -> None:
        self.client_for(self.ana).get(reverse("talk:index"))
        self.client_for(self.ben).get(reverse("talk:index"))
        self.assertEqual(DailyQuestion.objects.filter(couple=self.couple).count(), 1)

    def test_a_new_day_starts_at_each_partners_own_midnight(self) -> None:
        self.ana.timezone = "Pacific/Auckland"
        self.ana.save(update_fields=["timezone"])
        # 11:30 UTC on 1 March is already 00:30 on 2 March in Auckland, and still
        # 11:30 on 1 March in Lisbon: each meets the question of their own day.
        with time_machine.travel(datetime(2026, 3, 1, 11, 30, tzinfo=ZoneInfo("UTC"))):
            hers = prompts.todays_question(self.couple, self.ana)
            his = prompts.todays_question(self.couple, self.ben)
        self.assertEqual((str(hers.date), str(his.date)), ("2026-03-02", "2026-03-01"))
        with time_machine.travel(datetime(2026, 3, 1, 10, 30, tzinfo=ZoneInfo("UTC"))):
            earlier = prompts.todays_question(self.couple, self.ana)
        self.assertEqual(earlier, his)  # one question per calendar day, the same for both

    def test_my_answer_is_sealed_from_my_partner(self) -> None:
        q = self.question()
        self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": SECRET}
        )
        page = self.client_for(self.ben).get(reverse("talk:question", args=[q.id]))
        self.assertNotContains(page, "lighthouse")
        self.assertContains(page, "Ana has answered")
        fragment = self.client_for(self.ben).get(
            reverse("talk:question", args=[q.id]), headers={"HX-Request": "true"}
        )
        self.assertNotContains(fragment, "lighthouse")

    def test_both_answers_show_once_both_have_answered(self) -> None:
        q = self.question()
        self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": SECRET}
        )
        self.client_for(self.ben).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": "Mine is about a bicycle"}
        )
        page = self.client_for(self.ben).get(reverse("talk:question", args=[q.id]))
        self.assertContains(page, "lighthouse")
        self.assertContains(self.client_for(self.ana).get(page.request["PATH_INFO"]), "bicycle")

    def test_a_pass_does_not_unseal(self) -> None:
        q = self.question()
        self.answer(q, self.ana, SECRET)
        self.client_for(self.ben).post(reverse("talk:pass", args=[q.id]))
        self.assertTrue(Answer.objects.get(author=self.ben).passed)
        page = self.client_for(self.ben).get(reverse("talk:question", args=[q.id]))
        self.assertNotContains(page, "lighthouse")

    def test_an_edit_after_the_reveal_shows_as_edited(self) -> None:
        q = self.question()
        self.answer(q, self.ben, "Bicycle")
        url = reverse("talk:answer", args=[q.id])
        self.client_for(self.ana).post(url, {"answer-text": "First thought"})
        self.assertFalse(Answer.objects.get(author=self.ana).edited_after_reveal)
        self.client_for(self.ana).post(url, {"answer-text": "Second thought"})
        mine = Answer.objects.get(author=self.ana)
        self.assertEqual(mine.text, "Second thought")
        self.assertTrue(mine.edited_after_reveal)
        self.assertContains(
            self.client_for(self.ben).get(reverse("talk:question", args=[q.id])), "edited"
        )

    def test_an_empty_answer_is_refused_and_nothing_is_saved(self) -> None:
        q = self.question()
        r = self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": "  "}
        )
        self.assertContains(r, "Write a few words, or pass on this one.", status_code=422)
        self.assertFalse(Answer.objects.exists())

    def test_a_too_long_answer_gets_a_clear_error(self) -> None:
        q = self.question()
        r = self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": "x" * 5001}
        )
        self.assertContains(r, "Keep it to 5,000 characters or fewer.", status_code=422)

    def test_answering_tells_the_partner_without_the_content(self) -> None:
        q = self.question()
        self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": SECRET}
        )
        self.client_for(self.ana).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": SECRET}
        )
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.text, "Ana answered today's question.")
        self.assertNotIn("lighthouse", note.text + note.url)

    def test_another_prompt_only_before_anyone_answers(self) -> None:
        q = self.question()
        old = q.prompt_id
        self.client_for(self.ana).post(reverse("talk:another", args=[q.id]))
        q.refresh_from_db()
        self.assertNotEqual(q.prompt_id, old)
        self.answer(q, self.ben)
        swapped = q.prompt_id
        self.client_for(self.ana).post(reverse("talk:another", args=[q.id]))
        q.refresh_from_db()
        self.assertEqual(q.prompt_id, swapped)

    def test_it_saves_a_question_to_talk_about(self) -> None:
        q = self.question()
        self.client_for(self.ben).post(reverse("talk:save", args=[q.id]))
        q.refresh_from_db()
        self.assertIsNotNone(q.saved_at)
        self.client_for(self.ben).post(reverse("talk:save", args=[q.id]))
        q.refresh_from_db()
        self.assertIsNone(q.saved_at)

    def test_another_couples_question_is_404_on_every_path(self) -> None:
        q = self.question(couple=self.other_couple)
        self.answer(q, self.cora, SECRET)
        client = self.client_for(self.ana)
        for name in [
            "talk:question",
            "talk:answer",
            "talk:pass",
            "talk:another",
            "talk:save",
            "talk:reply",
        ]:
            with self.subTest(name=name):
                method = client.get if name == "talk:question" else client.post
                r = method(reverse(name, args=[q.id]), {"answer-text": "x", "reply-text": "x"})
                self.assertEqual(r.status_code, 404)
        self.assertEqual(Answer.objects.filter(question=q).count(), 1)

    def test_answers_are_encrypted_at_rest(self) -> None:
        from django.db import connection

        q = self.question()
        self.answer(q, self.ana, SECRET)
        with connection.cursor() as cursor:
            cursor.execute("SELECT text FROM talk_answer")
            stored = cursor.fetchone()[0]
        self.assertNotIn("lighthouse", stored)
        self.assertEqual(Answer.objects.get().text, SECRET)

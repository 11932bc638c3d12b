import json
from unittest import mock

from django.urls import reverse
from django.utils.html import escape

from closeknit.nudges.models import Notification
from closeknit.talk.models import Reply
from closeknit.talk.tests.base import TalkTestCase


class RepliesTestCase(TalkTestCase):
    def setUp(self) -> None:
        self.q = self.question()
        self.answer(self.q, self.ana, "I felt left out at the party.")
        self.answer(self.q, self.ben, "I loved the music.")
        self.url = reverse("talk:reply", args=[self.q.id])

    def test_it_saves_a_reply_and_tells_the_partner(self) -> None:
        r = self.client_for(self.ben).post(self.url, {"reply-text": "What was that like for you?"})
        self.assertRedirects(r, reverse("talk:question", args=[self.q.id]))
        reply = Reply.objects.get()
        self.assertEqual((reply.author, reply.kept_feedback), (self.ben, ""))
        self.assertEqual(Notification.objects.get(recipient=self.ana).kind, "reply")

    def test_replies_wait_until_both_have_answered(self) -> None:
        q = self.question(days_ago=1)
        self.answer(q, self.ana)
        r = self.client_for(self.ana).post(
            reverse("talk:reply", args=[q.id]), {"reply-text": "hi"}
        )
        self.assertContains(r, "once you have both answered", status_code=409)
        self.assertFalse(Reply.objects.exists())

    def test_the_coach_preview_saves_nothing(self) -> None:
        r = self.client_for(self.ben).post(
            self.url, {"reply-text": "I hear you, but it was a great party.", "coach": "1"}
        )
        self.assertContains(r, "A “but” that may cancel")
        self.assertFalse(Reply.objects.exists())
        self.assertFalse(Notification.objects.filter(kind="reply").exists())

    def test_checking_a_blank_reply_says_what_to_do(self) -> None:
        r = self.client_for(self.ben).post(self.url, {"reply-text": "   ", "coach": "1"})
        self.assertContains(r, "Write your reply first", status_code=422)
        self.assertContains(r, 'aria-invalid="true"', status_code=422)
        self.assertNotContains(r, "coach-panel", status_code=422)
        self.assertFalse(Reply.objects.exists())

    def test_the_coach_reads_a_reply_against_the_question_and_the_answer(self) -> None:
        # The question tells the coach what the answer is: a taste, or news.
        # Written as the coach's training replies to daily questions are.
        expected = f"Q: {self.q.prompt.text} A: I felt left out at the party."
        page = self.client_for(self.ben).get(reverse("talk:question", args=[self.q.id]))
        self.assertContains(
            page,
            f'name="coach_context" id="id_reply-text-coach-context" value="{escape(expected)}"',
            html=False,
        )
        with mock.patch("closeknit.coaching.feedback.read", return_value=None) as read:
            self.client_for(self.ben).post(self.url, {"reply-text": "Ok.", "coach": "1"})
        read.assert_called_once_with(self.ben, "Ok.", expected, field="text")

    def test_the_live_coach_fragment_reads_against_the_partners_answer(self) -> None:
        r = self.client_for(self.ben).post(
            reverse("coach"),
            {
                "coach_field": "reply-text",
                "reply-text": "You always say that.",
                "coach_context": "I felt left out at the party.",
            },
            headers={"HX-Request": "true"},
        )
        self.assertContains(r, "A “you” that may sound like blame")
        self.assertNotContains(r, "<html")

    def test_kept_coach_notes_are_for_the_writer_only(self) -> None:
        self.client_for(self.ben).post(
            self.url, {"reply-text": "I hear you, but it was fun.", "reply-keep_feedback": "on"}
        )
        kept = json.loads(Reply.objects.get().kept_feedback)
        self.assertIn("notes", kept)
        export = self.client_for(self.ana).post(reverse("export")).content.decode()
        self.assertNotIn("may cancel", export)
        self.assertIn(
            "may cancel", self.client_for(self.ben).post(reverse("export")).content.decode()
        )

    def test_only_the_recipient_reacts_and_thanks(self) -> None:
        reply = Reply.objects.create(
            question=self.q, couple=self.couple, author=self.ben, text="hug"
        )
        self.client_for(self.ben).post(reverse("talk:thank", args=[reply.id]))
        self.client_for(self.ben).post(
            reverse("talk:react", args=[reply.id]), {"reaction": "heart"}
        )
        reply.refresh_from_db()
        self.assertEqual((reply.thanked_at, reply.reaction), (None, ""))
        self.client_for(self.ana).post(reverse("talk:thank", args=[reply.id]))
        self.client_for(self.ana).post(
            reverse("talk:react", args=[reply.id]), {"reaction": "heart"}
        )
        reply.refresh_from_db()
        self.assertIsNotNone(reply.thanked_at)
        self.assertEqual(reply.reaction, "heart")
        self.assertEqual(Notification.objects.get(recipient=self.ben).kind, "thanks")

    def test_an_unknown_reaction_changes_nothing(self) -> None:
        reply = Reply.objects.create(
            question=self.q, couple=self.couple, author=self.ben, text="hug"
        )
        self.client_for(self.ana).post(
            reverse("talk:react", args=[reply.id]), {"reaction": "<script>"}
        )
        reply.refresh_from_db()
        self.assertEqual(reply.reaction, "")

    def test_another_couples_reply_is_404(self) -> None:
        q = self.question(couple=self.other_couple)
        reply = Reply.objects.create(
            question=q, couple=self.other_couple, author=self.dev, text="x"
        )
        for name in ["talk:react", "talk:thank"]:
            r = self.client_for(self.ana).post(
                reverse(name, args=[reply.id]), {"reaction": "heart"}
            )
            self.assertEqual(r.status_code, 404)

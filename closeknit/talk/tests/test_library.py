"""The questions library: ask any question now, change or delete your own, a sample of all."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.nudges.models import Notification
from closeknit.talk import prompts, services
from closeknit.talk.models import KINDS, Answer, DailyQuestion, Prompt
from closeknit.talk.tests.base import TalkTestCase

LIBRARY = reverse("talk:library")


def ask_url(prompt: Prompt) -> str:
    return reverse("talk:ask", args=[prompt.pk])


class AskNowTestCase(TalkTestCase):
    def setUp(self) -> None:
        self.today = prompts.todays_question(self.couple, self.ana)
        self.chosen = Prompt.objects.filter(couple__isnull=True).exclude(pk=self.today.prompt_id)[
            5
        ]

    def test_it_becomes_todays_question_while_neither_has_started(self) -> None:
        r = self.client_for(self.ana).post(ask_url(self.chosen))
        self.assertRedirects(r, reverse("talk:question", args=[self.today.pk]))
        self.today.refresh_from_db()
        self.assertEqual(self.today.prompt, self.chosen)
        self.assertEqual(DailyQuestion.objects.filter(couple=self.couple).count(), 1)
        page = self.client_for(self.ben).get(reverse("talk:index"))
        self.assertEqual(page.context["view"].question.prompt, self.chosen)

    def test_once_started_it_is_asked_as_one_more_and_the_partner_is_told(self) -> None:
        self.answer(self.today, self.ben)
        with self.captureOnCommitCallbacks(execute=True):
            r = self.client_for(self.ana).post(ask_url(self.chosen), follow=True)
        extra = DailyQuestion.objects.get(couple=self.couple, extra=True)
        self.assertRedirects(r, reverse("talk:question", args=[extra.pk]))
        self.assertContains(r, "one more for today")
        self.today.refresh_from_db()
        self.assertNotEqual(self.today.prompt, self.chosen)  # Ben's answer keeps its question
        note = Notification.objects.get(recipient=self.ben, kind="question_asked")
        self.assertEqual(note.text, "Ana asked you one more question today.")
        main = self.client_for(self.ben).get(reverse("talk:index"))
        self.assertContains(main, "Also asked today")
        self.assertContains(main, reverse("talk:question", args=[extra.pk]))

    def test_a_pass_counts_as_started(self) -> None:
        Answer.objects.create(
            question=self.today, couple=self.couple, author=self.ben, text="", passed=True
        )
        self.client_for(self.ana).post(ask_url(self.chosen))
        self.assertTrue(DailyQuestion.objects.filter(extra=True, prompt=self.chosen).exists())

    def test_asking_the_same_again_changes_nothing(self) -> None:
        self.answer(self.today, self.ben)
        for _ in range(2):
            self.client_for(self.ana).post(ask_url(self.chosen))
        self.assertEqual(DailyQuestion.objects.filter(extra=True).count(), 1)
        self.assertEqual(Notification.objects.filter(kind="question_asked").count(), 1)

    def test_a_few_extras_a_day_then_a_kind_no(self) -> None:
        self.answer(self.today, self.ben)
        others = Prompt.objects.filter(couple__isnull=True).exclude(pk=self.today.prompt_id)
        for prompt in others[:3]:
            self.client_for(self.ana).post(ask_url(prompt))
        r = self.client_for(self.ana).post(ask_url(others[3]), follow=True)
        self.assertContains(r, "That&#x27;s plenty of questions for one day.")
        self.assertEqual(DailyQuestion.objects.filter(extra=True).count(), 3)

    def test_an_extra_question_is_not_swapped_for_another(self) -> None:
        self.answer(self.today, self.ben)
        self.client_for(self.ana).post(ask_url(self.chosen))
        extra = DailyQuestion.objects.get(extra=True)
        page = self.client_for(self.ana).get(reverse("talk:question", args=[extra.pk]))
        self.assertNotContains(page, "Another question")
        self.client_for(self.ana).post(reverse("talk:another", args=[extra.pk]))
        extra.refresh_from_db()
        self.assertEqual(extra.prompt, self.chosen)

    def test_our_own_question_can_be_asked_now(self) -> None:
        own = services.add_prompt(self.couple, self.ben, "What made you laugh?", "fun", "light")
        self.client_for(self.ana).post(ask_url(own))
        self.today.refresh_from_db()
        self.assertEqual(self.today.prompt, own)

    def test_another_couple_cannot_ask_our_question(self) -> None:
        own = services.add_prompt(self.couple, self.ben, "What made you laugh?", "fun", "light")
        r = self.client_for(self.cora).post(ask_url(own))
        self.assertEqual(r.status_code, 404)
        self.assertFalse(DailyQuestion.objects.filter(prompt=own).exists())


class OwnQuestionsTestCase(TalkTestCase):
    def setUp(self) -> None:
        self.own = services.add_prompt(
            self.couple, self.ana, "What made you laugh?", "fun", "light"
        )
        self.edit = reverse("talk:edit_prompt", args=[self.own.pk])
        self.delete = reverse("talk:delete_prompt", args=[self.own.pk])

    def test_its_writer_rewords_it(self) -> None:
        body = {"text": "What made you laugh today?", "kind": "fun", "depth": "medium"}
        r = self.client_for(self.ana).post(self.edit, body)
        self.assertRedirects(r, LIBRARY)
        self.own.refresh_from_db()
        self.assertEqual((self.own.text, self.own.depth), ("What made you laugh today?", "medium"))

    def test_a_blank_question_is_refused_with_a_message(self) -> None:
        r = self.client_for(self.ana).post(
            self.edit, {"text": "  ", "kind": "fun", "depth": "light"}
        )
        self.assertContains(r, "Write your question.", status_code=422)
        self.own.refresh_from_db()
        self.assertEqual(self.own.text, "What made you laugh?")

    def test_its_writer_deletes_it(self) -> None:
        r = self.client_for(self.ana).post(self.delete)
        self.assertRedirects(r, LIBRARY)
        self.assertFalse(Prompt.objects.filter(pk=self.own.pk).exists())

    def test_the_partner_sees_it_but_cannot_change_it(self) -> None:
        page = self.client_for(self.ben).get(LIBRARY)
        self.assertContains(page, "What made you laugh?")
        self.assertNotContains(page, self.edit)
        ben = self.client_for(self.ben)
        self.assertEqual(ben.get(self.edit).status_code, 404)
        self.assertEqual(ben.post(self.delete).status_code, 404)
        self.assertTrue(Prompt.objects.filter(pk=self.own.pk).exists())

    def test_another_couple_cannot_see_change_or_delete_it(self) -> None:
        cora = self.client_for(self.cora)
        self.assertNotContains(cora.get(LIBRARY), "What made you laugh?")
        self.assertEqual(cora.get(self.edit).status_code, 404)
        body = {"text": "Ours now", "kind": "fun", "depth": "light"}
        self.assertEqual(cora.post(self.edit, body).status_code, 404)
        self.assertEqual(cora.post(self.delete).status_code, 404)
        self.own.refresh_from_db()
        self.assertEqual(self.own.text, "What made you laugh?")

    def test_once_asked_it_stays_as_it_was(self) -> None:
        prompts.todays_question(self.couple, self.ana)  # the own question comes first
        self.assertTrue(DailyQuestion.objects.filter(prompt=self.own).exists())
        body = {"text": "Something else", "kind": "fun", "depth": "light"}
        r = self.client_for(self.ana).post(self.edit, body)
        self.assertContains(r, "has been asked already", status_code=409)
        self.client_for(self.ana).post(self.delete)
        self.own.refresh_from_db()
        self.assertEqual(self.own.text, "What made you laugh?")
        self.assertContains(self.client_for(self.ana).get(LIBRARY), "asked already")


class SampleTestCase(TalkTestCase):
    def test_the_sample_spans_every_kind_and_depth(self) -> None:
        r = self.client_for(self.ana).get(LIBRARY)
        shown = r.context["prompts"]
        self.assertEqual({p.kind for p in shown}, {k for k, _ in KINDS})
        self.assertEqual({p.depth for p in shown}, {"light", "medium", "deep"})
        self.assertContains(r, "Ask now", count=len(shown) + 1)  # and once in the hint

    def test_a_kind_shows_all_of_its_questions(self) -> None:
        r = self.client_for(self.ana).get(LIBRARY, {"kind": "fun"})
        shown = r.context["prompts"]
        self.assertEqual(
            len(shown), Prompt.objects.filter(couple__isnull=True, kind="fun").count()
        )


class OwnQuestionsPagedTestCase(TalkTestCase):
    def test_a_long_list_of_own_questions_is_read_a_page_at_a_time(self) -> None:
        for n in range(25):
            services.add_prompt(self.couple, self.ana, f"Own question number {n}?", "fun", "light")
        ana = self.client_for(self.ana)
        first = ana.get(LIBRARY, {"kind": "fun"})
        self.assertContains(first, "Own question number 24?")  # newest first
        self.assertNotContains(first, "Own question number 4?")
        self.assertContains(first, "Page 1 of 2")
        self.assertContains(first, "?kind=fun&amp;page=2")  # the browsed kind is kept
        second = ana.get(LIBRARY, {"kind": "fun", "page": "2"})
        self.assertContains(second, "Own question number 0?")
        self.assertNotContains(second, "Own question number 24?")
        with CaptureQueriesContext(connection) as few:
            ana.get(LIBRARY)
        for n in range(25, 60):
            services.add_prompt(self.couple, self.ana, f"Own question number {n}?", "fun", "light")
        with CaptureQueriesContext(connection) as many:
            ana.get(LIBRARY)
        self.assertEqual(len(many), len(few))


class PassShowsKindlyTestCase(TalkTestCase):
    def test_the_partner_sees_a_pass_kindly_on_the_question_and_at_home(self) -> None:
        q = prompts.todays_question(self.couple, self.ana)
        self.client_for(self.ben).post(reverse("talk:pass", args=[q.id]))
        page = self.client_for(self.ana).get(reverse("talk:question", args=[q.id]))
        self.assertContains(page, "Ben passed on this one. That's fine.")
        self.assertNotContains(page, "Ben hasn&#x27;t answered yet")
        home = self.client_for(self.ana).get(reverse("home"))
        self.assertContains(home, "Ben passed on this one.")


class LibraryApiTestCase(ApiTestCase, TalkTestCase):
    def test_ask_now_through_the_api(self) -> None:
        today = self.api("get", "/talk/today", self.ana).json()
        chosen = Prompt.objects.filter(couple__isnull=True).exclude(pk=today["prompt"]["id"])[3]
        r = self.api("post", f"/talk/prompts/{chosen.pk}/ask", self.ana)
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual((r.json()["id"], r.json()["extra"]), (today["id"], False))
        self.assertEqual(r.json()["prompt"]["text"], chosen.text)
        self.api("post", f"/talk/questions/{today['id']}/pass", self.ben)
        other = Prompt.objects.filter(couple__isnull=True).exclude(pk=chosen.pk)[3]
        extra = self.api("post", f"/talk/prompts/{other.pk}/ask", self.ben).json()
        self.assertTrue(extra["extra"])
        more = self.api("get", "/talk/today/more", self.ana).json()
        self.assertEqual([q["id"] for q in more], [extra["id"]])

    def test_own_questions_are_changed_and_deleted_by_their_writer(self) -> None:
        made = self.api(
            "post",
            "/talk/prompts",
            self.ana,
            {"text": "Best day?", "kind": "fun", "depth": "light"},
        ).json()
        self.assertTrue(made["mine"])
        url = f"/talk/prompts/{made['id']}"
        body = {"text": "Best day this year?", "kind": "fun", "depth": "medium"}
        r = self.api("put", url, self.ben, body)
        self.assertEqual(r.status_code, 403)
        self.assertEqual(r.json()["detail"], "Only Ana can change this question.")
        blank = self.api("put", url, self.ana, {**body, "text": " "})
        self.assertEqual(
            (blank.status_code, blank.json()["detail"]), (422, "Write your question.")
        )
        self.assertEqual(
            self.api("put", url, self.ana, body).json()["text"], "Best day this year?"
        )
        self.assertEqual(self.api("delete", url, self.ben).status_code, 403)
        self.assertEqual(self.api("delete", url, self.ana).status_code, 204)
        self.assertFalse(Prompt.objects.filter(pk=made["id"]).exists())

    def test_library_questions_cannot_be_changed(self) -> None:
        library = Prompt.objects.filter(couple__isnull=True).first()
        assert library is not None
        body = {"text": "Mine now", "kind": "fun", "depth": "light"}
        self.assertEqual(
            self.api("put", f"/talk/prompts/{library.pk}", self.ana, body).status_code, 403
        )

    def test_an_asked_question_is_a_conflict_to_change(self) -> None:
        own = services.add_prompt(self.couple, self.ana, "Best day?", "fun", "light")
        prompts.todays_question(self.couple, self.ana)
        body = {"text": "Best day this year?", "kind": "fun", "depth": "light"}
        r = self.api("put", f"/talk/prompts/{own.pk}", self.ana, body)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(self.api("delete", f"/talk/prompts/{own.pk}", self.ana).status_code, 409)

    def test_another_couple_gets_404_on_our_questions(self) -> None:
        own = services.add_prompt(self.couple, self.ana, "Best day?", "fun", "light")
        body = {"text": "Ours now", "kind": "fun", "depth": "light"}
        for method, suffix in [("put", ""), ("delete", ""), ("post", "/ask")]:
            r = self.api(method, f"/talk/prompts/{own.pk}{suffix}", self.cora, body)
            self.assertEqual(r.status_code, 404, (method, suffix))
        listed = self.api("get", "/talk/prompts?kind=fun", self.cora).json()
        self.assertNotIn(str(own.pk), [p["id"] for p in listed])
        own.refresh_from_db()
        self.assertEqual(own.text, "Best day?")

    def test_the_sample_spans_every_kind(self) -> None:
        sample = self.api("get", "/talk/prompts/sample", self.ana).json()
        self.assertEqual({p["kind"] for p in sample}, {k for k, _ in KINDS})

    def test_a_pass_shows_in_the_api(self) -> None:
        q = self.api("get", "/talk/today", self.ben).json()
        self.api("post", f"/talk/questions/{q['id']}/pass", self.ben)
        seen = self.api("get", "/talk/today", self.ana).json()
        self.assertTrue(seen["partner_passed"])
        self.assertIsNone(seen["partner"])

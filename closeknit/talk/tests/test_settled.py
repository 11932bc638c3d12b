"""Revealed means settled: an answer or a "both true" side edited after the reveal
keeps its words as first shared, for both to see, on the page and in the API alike."""

from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.talk.models import Answer, BothTrue, BothTrueSide, DailyQuestion
from closeknit.talk.tests.base import TalkTestCase

FIRST = "The lighthouse at dawn"
SECOND = "The harbour, now that I think of it"


class SettledAnswerTestCase(ApiTestCase, TalkTestCase):
    def edit_on_page(self, q: DailyQuestion, text: str) -> None:
        self.client_for(self.ana).post(reverse("talk:answer", args=[q.id]), {"answer-text": text})

    def edit_in_api(self, q: DailyQuestion, text: str) -> None:
        r = self.api("put", f"/talk/questions/{q.id}/answer", self.ana, {"text": text})
        self.assertEqual(r.status_code, 200, r.content)

    def test_it_replaces_silently_before_the_reveal(self) -> None:
        for edit in (self.edit_on_page, self.edit_in_api):
            q = self.question(days_ago=0 if edit == self.edit_on_page else 1)
            edit(q, FIRST)
            edit(q, SECOND)
            mine = Answer.objects.get(question=q, author=self.ana)
            self.assertEqual(
                (mine.text, mine.edited_after_reveal, mine.first_shared), (SECOND, False, "")
            )

    def test_it_keeps_the_first_version_after_the_reveal_on_the_page(self) -> None:
        q = self.question()
        self.answer(q, self.ben, "A bicycle")
        self.edit_on_page(q, FIRST)
        self.edit_on_page(q, SECOND)
        self.edit_on_page(q, "A third go")
        mine = Answer.objects.get(question=q, author=self.ana)
        self.assertEqual((mine.text, mine.first_shared), ("A third go", FIRST))
        self.assertTrue(mine.edited_after_reveal)
        for user in (self.ana, self.ben):
            page = self.client_for(user).get(reverse("talk:question", args=[q.id]))
            self.assertContains(page, "as first shared")
            self.assertContains(page, FIRST)

    def test_it_keeps_the_first_version_after_the_reveal_in_the_api(self) -> None:
        q = self.question()
        self.answer(q, self.ben, "A bicycle")
        self.edit_in_api(q, FIRST)
        self.edit_in_api(q, SECOND)
        mine = self.api("get", f"/talk/questions/{q.id}", self.ana).json()["mine"]
        self.assertEqual((mine["text"], mine["edited"], mine["first_text"]), (SECOND, True, FIRST))
        theirs = self.api("get", f"/talk/questions/{q.id}", self.ben).json()["partner"]
        self.assertEqual((theirs["edited"], theirs["first_text"]), (True, FIRST))
        ben_own = self.api("get", f"/talk/questions/{q.id}", self.ben).json()["mine"]
        self.assertEqual((ben_own["edited"], ben_own["first_text"]), (False, None))

    def test_the_export_keeps_the_first_version(self) -> None:
        q = self.question()
        self.answer(q, self.ben, "A bicycle")
        self.edit_in_api(q, FIRST)
        self.edit_in_api(q, SECOND)
        export = self.client_for(self.ben).post(reverse("export")).json()
        answer = export["couples"][0]["talk"]["daily_questions"][0]["partner"]
        self.assertEqual((answer["text"], answer["first_text"]), (SECOND, FIRST))

    def test_another_couple_gets_404(self) -> None:
        q = self.question()
        self.answer(q, self.ana, FIRST)
        self.answer(q, self.ben, "A bicycle")
        r = self.client_for(self.cora).post(
            reverse("talk:answer", args=[q.id]), {"answer-text": "x"}
        )
        self.assertEqual(r.status_code, 404)
        r = self.api("put", f"/talk/questions/{q.id}/answer", self.cora, {"text": "x"})
        self.assertEqual(r.status_code, 404)
        self.assertEqual(self.api("get", f"/talk/questions/{q.id}", self.cora).status_code, 404)
        self.assertEqual(Answer.objects.get(author=self.ana).text, FIRST)


class SettledSideTestCase(ApiTestCase, TalkTestCase):
    def setUp(self) -> None:
        self.both = BothTrue.objects.create(couple=self.couple, started_by=self.ben, title="Rain")
        self.url = reverse("talk:both_true", args=[self.both.id])
        self.api_url = f"/talk/both-true/{self.both.id}"

    def ben_writes(self) -> None:
        BothTrueSide.objects.create(
            both_true=self.both, couple=self.couple, author=self.ben, text="Cosy"
        )

    def side(self) -> BothTrueSide:
        return BothTrueSide.objects.get(author=self.ana)

    def test_it_replaces_silently_before_the_reveal(self) -> None:
        self.client_for(self.ana).post(self.url, {"side-text": FIRST})
        self.api("put", f"{self.api_url}/side", self.ana, {"text": SECOND})
        side = self.side()
        self.assertEqual(
            (side.text, side.edited_after_reveal, side.first_shared), (SECOND, False, "")
        )

    def test_it_keeps_the_first_version_after_the_reveal_on_the_page(self) -> None:
        self.ben_writes()
        self.client_for(self.ana).post(self.url, {"side-text": FIRST})
        self.client_for(self.ana).post(self.url, {"side-text": SECOND})
        side = self.side()
        self.assertEqual(
            (side.text, side.first_shared, side.edited_after_reveal), (SECOND, FIRST, True)
        )
        for user in (self.ana, self.ben):
            page = self.client_for(user).get(self.url)
            self.assertContains(page, SECOND)
            self.assertContains(page, "as first shared")
            self.assertContains(page, FIRST)

    def test_the_api_cannot_rewrite_a_revealed_side_silently(self) -> None:
        self.ben_writes()
        self.api("put", f"{self.api_url}/side", self.ana, {"text": FIRST})
        r = self.api("put", f"{self.api_url}/side", self.ana, {"text": SECOND})
        self.assertEqual(r.status_code, 200, r.content)
        seen = self.api("get", self.api_url, self.ben).json()["partner"]
        self.assertEqual(seen, {"text": SECOND, "edited": True, "first_text": FIRST})
        self.assertEqual(self.side().first_shared, FIRST)

    def test_the_export_keeps_the_first_version(self) -> None:
        self.ben_writes()
        self.api("put", f"{self.api_url}/side", self.ana, {"text": FIRST})
        self.api("put", f"{self.api_url}/side", self.ana, {"text": SECOND})
        export = self.client_for(self.ana).post(reverse("export")).json()
        self.assertEqual(export["couples"][0]["talk"]["both_true"][0]["my_first_text"], FIRST)

    def test_another_couple_gets_404(self) -> None:
        self.ben_writes()
        r = self.client_for(self.cora).post(self.url, {"side-text": "x"})
        self.assertEqual(r.status_code, 404)
        r = self.api("put", f"{self.api_url}/side", self.cora, {"text": "x"})
        self.assertEqual(r.status_code, 404)
        self.assertEqual(BothTrueSide.objects.get().text, "Cosy")

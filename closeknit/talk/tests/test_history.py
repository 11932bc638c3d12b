from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.talk.models import Answer, DailyQuestion, Prompt, Reply
from closeknit.talk.tests.base import TalkTestCase


class HistoryTestCase(TalkTestCase):
    def make_history(self, days: int) -> None:
        prompt_ids = list(Prompt.objects.values_list("id", flat=True)[:days])
        questions = DailyQuestion.objects.bulk_create(
            DailyQuestion(
                couple=self.couple,
                date=self.couple.today() - timedelta(days=n + 1),
                prompt_id=prompt_ids[n % len(prompt_ids)],
            )
            for n in range(days)
        )
        Answer.objects.bulk_create(
            Answer(question=q, couple=self.couple, author=u, text=f"answer {n}")
            for n, q in enumerate(questions)
            for u in (self.ana, self.ben)
        )
        Reply.objects.bulk_create(
            Reply(question=q, couple=self.couple, author=self.ben, text="a reply")
            for q in questions[:50]
        )

    def count_queries(self, url: str) -> int:
        client = self.client_for(self.ana)
        with CaptureQueriesContext(connection) as ctx:
            self.assertEqual(client.get(url).status_code, 200)
        return len(ctx.captured_queries)

    def test_pages_take_the_same_number_of_queries_however_long_the_history(self) -> None:
        self.question(days_ago=0)  # today's question exists in both runs
        self.make_history(10)
        small = {u: self.count_queries(u) for u in self.urls()}
        self.make_history_more(990)
        large = {u: self.count_queries(u) for u in self.urls()}
        self.assertEqual(small, large)

    def urls(self) -> list[str]:
        return [
            reverse("talk:history"),
            reverse("talk:history") + "?q=answer",
            reverse("talk:index"),
            reverse("home"),
        ]

    def make_history_more(self, days: int) -> None:
        DailyQuestion.objects.filter(couple=self.couple).exclude(date=self.couple.today()).delete()
        self.make_history(days + 10)

    def test_search_finds_visible_answers_but_never_a_sealed_one(self) -> None:
        q = self.question(days_ago=3)
        self.answer(q, self.ben, "the secret word is marmalade")
        r = self.client_for(self.ana).get(reverse("talk:history"), {"q": "marmalade"})
        self.assertContains(r, "0 questions match")
        self.answer(q, self.ana, "mine")
        r = self.client_for(self.ana).get(reverse("talk:history"), {"q": "marmalade"})
        self.assertContains(r, "1 question match")

    def test_it_paginates(self) -> None:
        self.make_history(25)
        r = self.client_for(self.ana).get(reverse("talk:history"), {"page": 3})
        self.assertContains(r, "Page 3 of 3")
        self.assertEqual(len(r.context["views"]), 5)

    def test_it_shows_another_couples_nothing(self) -> None:
        q = self.question(days_ago=1, couple=self.other_couple)
        # Words without an apostrophe: the page escapes one, and the check would pass blind.
        self.answer(q, self.cora, "cora writes words")
        self.answer(q, self.dev, "dev writes words")
        ours = self.question(days_ago=1)
        self.answer(ours, self.ana, "ana writes words")
        self.answer(ours, self.ben, "ben writes words")
        r = self.client_for(self.ana).get(reverse("talk:history"), {"q": "words"})
        self.assertContains(r, "ana writes words")
        self.assertNotContains(r, "cora writes words")

from datetime import timedelta

from closeknit.talk import prompts
from closeknit.talk.models import DailyQuestion, Prompt, TalkSettings
from closeknit.talk.tests.base import TalkTestCase


class PromptChoiceTestCase(TalkTestCase):
    def test_the_depth_follows_the_couples_choice(self) -> None:
        TalkSettings.objects.create(couple=self.couple, depth="deep")
        for days in range(5):
            prompt, _ = prompts.choose_prompt(self.couple, self.couple.today() + timedelta(days))
            self.assertEqual(prompt.depth, "deep")

    def test_no_prompt_repeats_until_the_tier_is_exhausted(self) -> None:
        TalkSettings.objects.create(couple=self.couple, depth="deep")
        tier = Prompt.objects.filter(couple__isnull=True, depth="deep").count()
        start = self.couple.today()
        seen = []
        for day in range(tier):
            prompt, _ = prompts.choose_prompt(self.couple, start + timedelta(day))
            DailyQuestion.objects.create(
                couple=self.couple, date=start + timedelta(day), prompt=prompt
            )
            seen.append(prompt.id)
        self.assertEqual(len(set(seen)), tier)
        # Exhausted: the next one is the one asked longest ago.
        again, _ = prompts.choose_prompt(self.couple, start + timedelta(tier))
        self.assertEqual(again.id, seen[0])

    def test_the_couples_own_prompts_come_first(self) -> None:
        own = Prompt.objects.create(
            couple=self.couple, author=self.ana, text="Ours?", kind="fun", depth="light"
        )
        prompt, _ = prompts.choose_prompt(self.couple, self.couple.today())
        self.assertEqual(prompt, own)
        other, _ = prompts.choose_prompt(self.other_couple, self.couple.today())
        self.assertNotEqual(other, own)

    def test_an_old_answered_question_comes_back(self) -> None:
        old = self.question(days_ago=120, key="love_maps-001")
        self.answer(old, self.ana)
        self.answer(old, self.ben)
        q = prompts.todays_question(self.couple, self.ana)
        self.assertEqual(q.revisit_of, old)
        self.assertEqual(q.prompt_id, old.prompt_id)
        # Not again for a while.
        _, revisit = prompts.choose_prompt(self.couple, self.couple.today() + timedelta(1))
        self.assertIsNone(revisit)

    def test_an_old_question_only_one_answered_does_not_come_back(self) -> None:
        old = self.question(days_ago=120, key="love_maps-001")
        self.answer(old, self.ana)
        self.assertIsNone(prompts.revisit_candidate(self.couple, self.couple.today()))

    def test_the_library_holds_hundreds_of_prompts_in_every_kind_and_depth(self) -> None:
        library = Prompt.objects.filter(couple__isnull=True)
        self.assertGreaterEqual(library.count(), 360)
        for kind in [
            "values",
            "dreams",
            "experiences",
            "feelings",
            "current_events",
            "family",
            "love_maps",
            "fun",
            "gratitude",
            "intimacy_sexual",
            "intimacy_social",
        ]:
            for depth in ["light", "medium", "deep"]:
                with self.subTest(kind=kind, depth=depth):
                    self.assertTrue(library.filter(kind=kind, depth=depth).exists())

"""The paths' content: complete, linked to real things in the app, and in our own words."""

import re
from pathlib import Path as FilePath

from django.apps import apps
from django.test import TestCase
from django.urls import reverse

from closeknit.dates.models import DateIdea
from closeknit.paths import content
from closeknit.paths.models import Path, PathWeek
from closeknit.rituals.models import Ritual
from closeknit.talk.models import Prompt

SEEDS = FilePath(__file__).resolve().parents[4] / "shared" / "seeds"
# Any run of this many words shared with a seed article counts as copied.
COPIED_RUN = 7
MAX_READING_WORDS = 300


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))


def runs_of(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


class ContentTestCase(TestCase):
    def test_it_loads_at_least_six_paths_of_four_to_six_weeks(self) -> None:
        self.assertGreaterEqual(Path.objects.count(), 7)
        for path in Path.objects.all():
            with self.subTest(path=path.key):
                self.assertTrue(4 <= path.weeks.count() <= 6)
                self.assertEqual(
                    list(path.weeks.values_list("number", flat=True)),
                    list(range(1, path.weeks.count() + 1)),
                )
        private = Path.objects.filter(private=True).values_list("key", flat=True)
        self.assertEqual(list(private), ["close-in-body"])
        self.assertTrue(Path.objects.filter(reconnect=True, private=False).exists())

    def test_each_week_is_short_sourced_and_complete(self) -> None:
        for week in PathWeek.objects.select_related("path"):
            with self.subTest(week=str(week)):
                self.assertLessEqual(len(week.reading.split()), MAX_READING_WORDS)
                self.assertGreater(len(week.reading.split()), 60)
                self.assertTrue(week.source.startswith("From "))
                self.assertTrue(week.title and week.practice_text)

    def test_every_week_links_to_a_real_page_prompt_and_idea(self) -> None:
        prompts = set(Prompt.objects.filter(key__isnull=False).values_list("key", flat=True))
        ideas = set(DateIdea.objects.values_list("key", flat=True))
        ideas |= set(Ritual.objects.values_list("key", flat=True))
        for week in PathWeek.objects.all():
            with self.subTest(week=str(week)):
                self.assertIn(week.practice, content.PRACTICES)
                self.assertTrue(reverse(content.PRACTICES[week.practice].url_name))
                self.assertIn(week.prompt_key, prompts)
                self.assertIn(week.idea_key, ideas)

    def test_the_fits_name_what_a_report_can_point_to(self) -> None:
        from closeknit.assessment.models import KINDS
        from closeknit.paths.offers import REASONS

        known = {k for k, _ in KINDS} | {"responsiveness", "lovemap"}
        self.assertEqual(set(REASONS), known)
        for path in Path.objects.all():
            with self.subTest(path=path.key):
                self.assertLessEqual(set(path.fits), known)

    def test_loading_again_changes_nothing_and_follows_the_files(self) -> None:
        before = list(PathWeek.objects.values_list("pk", "title"))
        content.load(apps)
        self.assertEqual(list(PathWeek.objects.values_list("pk", "title")), before)
        PathWeek.objects.filter(number=1).update(title="Changed by hand")
        content.load(apps)
        self.assertFalse(PathWeek.objects.filter(title="Changed by hand").exists())

    def test_nothing_is_copied_from_the_seed_articles(self) -> None:
        seeds = [p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")]
        if not seeds:
            self.skipTest(f"the seed articles are not at {SEEDS}")
        theirs = set().union(*(runs_of(text, COPIED_RUN) for text in seeds))
        for week in PathWeek.objects.select_related("path"):
            ours = " ".join([week.title, week.reading, week.source, week.practice_text])
            with self.subTest(week=str(week)):
                self.assertEqual(runs_of(ours, COPIED_RUN) & theirs, set())
        for path in Path.objects.all():
            with self.subTest(path=path.key):
                self.assertEqual(runs_of(path.summary, COPIED_RUN) & theirs, set())

    def test_the_copy_check_catches_a_copied_sentence(self) -> None:
        seed = next(iter(SEEDS.glob("*.txt")), None)
        if seed is None:
            self.skipTest(f"the seed articles are not at {SEEDS}")
        sentence = " ".join(words(seed.read_text(encoding="utf-8"))[40:52])
        theirs = runs_of(seed.read_text(encoding="utf-8"), COPIED_RUN)
        self.assertTrue(runs_of(f"Our own words, then {sentence}.", COPIED_RUN) & theirs)

"""The home card: where the two of you are, and what waits for you, in a sentence or two."""

import html

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.paths.models import PathRun
from closeknit.paths.tests.helpers import PathTestCase, current_week, reflection, start_path


class HomeCardTestCase(PathTestCase):
    def home(self, user: User) -> str:
        r = self.page(user).get(reverse("home"))
        self.assertEqual(r.status_code, 200)
        return html.unescape(r.content.decode())

    def test_without_a_path_it_invites_quietly(self) -> None:
        self.assertIn("A few weeks of guided practice, chosen together", self.home(self.ana))
        self.assertIn(f'href="{reverse("paths:index")}"', self.home(self.ana))

    def test_a_suggestion_waits_for_the_partner(self) -> None:
        self.page(self.ana).post(reverse("paths:propose", args=["time-for-us"]))
        run = PathRun.objects.get()
        self.assertIn("You suggested it. It starts when Ben says yes.", self.home(self.ana))
        ben = self.home(self.ben)
        self.assertIn("Ana suggested it for the two of you: 4 weeks", ben)
        self.assertIn(reverse("paths:run", args=[run.pk]), ben)

    def test_during_a_week_it_says_what_to_practise_then_offers_the_reflection(self) -> None:
        run = self.on_path()
        self.assertIn("Both true · week 1 of 4", self.home(self.ben))
        self.assertIn("Answer today's question, then write one reply", self.home(self.ben))
        self.later(days=6)
        self.assertIn("This week's reflection is open", self.home(self.ben))
        self.page(self.ana).post(
            reverse("paths:reflect", args=[current_week(run).pk]), reflection(note="zqhome")
        )
        ben = self.home(self.ben)
        self.assertIn("Ana has reflected on this week. Yours opens theirs.", ben)
        self.assertNotIn("zqhome", ben)

    def test_a_paused_path_waits_without_a_word_of_blame(self) -> None:
        run = start_path(self.couple, self.ben, self.ana)
        self.page(self.ben).post(reverse("paths:pause", args=[run.pk]))
        self.later(days=30)
        home = self.home(self.ana)
        self.assertIn("Paused. Pick it up whenever you're both ready.", home)
        for word in ("missed", "streak", "overdue", "behind"):
            self.assertNotIn(word, home)

from closeknit.appreciate import demo
from closeknit.appreciate.hints import hints
from closeknit.appreciate.models import Appreciation, JournalEntry
from closeknit.test import BaseTestCase


class DemoTestCase(BaseTestCase):
    def test_it_seeds_appreciations_that_follow_the_coach(self) -> None:
        demo.seed(self.couple, self.ana, self.ben)
        self.assertEqual(Appreciation.objects.count(), 4)
        self.assertEqual(JournalEntry.objects.filter(author=self.ben).count(), 1)
        for a in Appreciation.objects.all():
            self.assertTrue(all(h.good for h in hints(a.did, a.felt, a.shows)), a.did)

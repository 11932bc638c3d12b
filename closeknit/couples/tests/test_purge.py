from datetime import timedelta

from django.utils import timezone

from closeknit.couples.invites import unpair
from closeknit.couples.models import Couple
from closeknit.couples.purge import purge_ended_couples
from closeknit.talk.models import DailyQuestion, Prompt
from closeknit.test import BaseTestCase


class PurgeTestCase(BaseTestCase):
    def test_it_deletes_a_shared_space_30_days_after_unpairing(self) -> None:
        DailyQuestion.objects.create(
            couple=self.couple,
            date=self.couple.today(),
            prompt=Prompt.objects.get(key="values-001"),
        )
        unpair(self.ana)
        self.assertEqual(purge_ended_couples(), 0)
        Couple.objects.filter(pk=self.couple.pk).update(
            ended_at=timezone.now() - timedelta(days=31)
        )
        self.assertEqual(purge_ended_couples(), 1)
        self.assertFalse(DailyQuestion.objects.filter(couple_id=self.couple.pk).exists())
        self.assertTrue(Couple.objects.filter(pk=self.other_couple.pk).exists())

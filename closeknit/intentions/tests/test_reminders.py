from datetime import timedelta

from django.utils import timezone

from closeknit.intentions import reminders
from closeknit.intentions.models import Intention
from closeknit.nudges.schedule import run_reminders
from closeknit.test import BaseTestCase


class IntentionRemindersTestCase(BaseTestCase):
    def test_they_come_at_ten_local_time_and_only_once(self) -> None:
        ten = timezone.now().replace(hour=10, minute=5)
        Intention.objects.create(
            couple=self.couple,
            author=self.ana,
            want="W",
            willing="V",
            created=ten - timedelta(days=40),
        )
        found = list(reminders.due(ten))
        self.assertEqual([(r.recipient, r.kind) for r in found], [(self.ana, "intentions")])
        self.assertEqual(list(reminders.due(ten - timedelta(hours=2))), [])
        self.assertEqual(run_reminders(ten), 1)
        self.assertEqual(list(reminders.due(ten + timedelta(minutes=1))), [])

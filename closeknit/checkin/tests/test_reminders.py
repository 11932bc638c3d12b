from datetime import UTC, datetime, timedelta

from closeknit.checkin import reminders
from closeknit.checkin.models import Checkin
from closeknit.lib.weeks import week_start
from closeknit.nudges.schedule import run_reminders
from closeknit.test import BaseTestCase

# Sunday 15 March 2026, 17:30 in Lisbon (UTC+0 in winter)
SUNDAY_EVENING = datetime(2026, 3, 15, 17, 30, tzinfo=UTC)


class CheckinRemindersTestCase(BaseTestCase):
    def test_sunday_evening_reminds_whoever_has_not_checked_in(self) -> None:
        week = week_start(SUNDAY_EVENING.date())
        Checkin.objects.create(couple=self.couple, author=self.ana, week=week, closeness=5, mood=3)
        found = [r for r in reminders.due(SUNDAY_EVENING) if r.recipient in (self.ana, self.ben)]
        self.assertEqual([(r.recipient, r.kind) for r in found], [(self.ben, "checkin")])

    def test_not_on_other_days_or_hours(self) -> None:
        self.assertEqual(list(reminders.due(SUNDAY_EVENING - timedelta(days=1))), [])
        self.assertEqual(list(reminders.due(SUNDAY_EVENING - timedelta(hours=3))), [])

    def test_the_sweep_sends_each_reminder_once(self) -> None:
        self.assertEqual(run_reminders(SUNDAY_EVENING), 4)  # both couples, both partners
        self.assertEqual(run_reminders(SUNDAY_EVENING + timedelta(minutes=1)), 0)

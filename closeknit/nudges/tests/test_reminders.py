from datetime import UTC, datetime, time

import time_machine

from closeknit.nudges.models import Notification
from closeknit.nudges.schedule import run_reminders
from closeknit.talk.models import TalkTime
from closeknit.talk.prompts import todays_question
from closeknit.talk.services import answer_question
from closeknit.test import BaseTestCase

# 09:10 in Lisbon (summer time, UTC+1).
MORNING = datetime(2026, 6, 1, 8, 10, tzinfo=UTC)


class RemindersTestCase(BaseTestCase):
    def test_the_daily_question_reminder_comes_once_at_local_morning(self) -> None:
        with time_machine.travel(datetime(2026, 6, 1, 6, 0, tzinfo=UTC), tick=False):
            run_reminders(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
        self.assertFalse(Notification.objects.filter(kind="daily_question").exists())
        with time_machine.travel(MORNING, tick=False):
            answer_question(todays_question(self.couple, self.ana), self.ana, "done early")
            run_reminders(MORNING)
            run_reminders(MORNING)  # a second worker, or a retry
        reminded = Notification.objects.filter(
            kind="daily_question", recipient__in=[self.ana, self.ben]
        )
        self.assertEqual(
            list(reminded.values_list("recipient__email", flat=True)), ["ben@example.org"]
        )
        # cora and dev (same time zone) got theirs too, once each.
        self.assertEqual(
            Notification.objects.filter(kind="daily_question", recipient=self.cora).count(), 1
        )

    def test_each_partner_waits_for_their_own_morning(self) -> None:
        self.cora.timezone = "America/Los_Angeles"  # dev stays in Lisbon, as does the couple
        self.cora.save(update_fields=["timezone"])
        with time_machine.travel(MORNING, tick=False):
            run_reminders(MORNING)
        self.assertFalse(Notification.objects.filter(recipient=self.cora).exists())
        self.assertTrue(Notification.objects.filter(recipient=self.dev).exists())
        pacific_morning = datetime(2026, 6, 1, 16, 5, tzinfo=UTC)  # 09:05 in Los Angeles
        with time_machine.travel(pacific_morning, tick=False):
            run_reminders(pacific_morning)
        reminded = Notification.objects.get(recipient=self.cora, kind="daily_question")
        self.assertIn(":2026-06-01:", reminded.key)  # her own 1 June

    def test_talk_time_is_announced_half_an_hour_before(self) -> None:
        TalkTime.objects.create(
            couple=self.couple,
            weekday=0,
            time=time(20, 0),
            minutes=30,
            proposed_by=self.ana,
            accepted_at=MORNING,
            timezone="Europe/Lisbon",
        )  # Monday 1 June 2026, 20:00 Lisbon = 19:00 UTC
        at_6 = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)
        at_630 = datetime(2026, 6, 1, 18, 35, tzinfo=UTC)
        with time_machine.travel(at_6, tick=False):
            run_reminders(at_6)
        self.assertFalse(Notification.objects.filter(kind="talk_time").exists())
        with time_machine.travel(at_630, tick=False):
            run_reminders(at_630)
            run_reminders(at_630)
        self.assertEqual(Notification.objects.filter(kind="talk_time").count(), 2)

    def test_a_talk_time_just_after_midnight_is_announced_the_evening_before(self) -> None:
        TalkTime.objects.create(
            couple=self.couple,
            weekday=1,
            time=time(0, 10),
            minutes=30,
            proposed_by=self.ana,
            accepted_at=MORNING,
            timezone="Europe/Lisbon",
        )  # Tuesday 2 June 2026, 00:10 Lisbon = Monday 23:10 UTC
        at_2350_lisbon = datetime(2026, 6, 1, 22, 50, tzinfo=UTC)
        with time_machine.travel(at_2350_lisbon, tick=False):
            run_reminders(at_2350_lisbon)
        self.assertEqual(Notification.objects.filter(kind="talk_time").count(), 2)

from datetime import UTC, datetime

from closeknit.dates import reminders
from closeknit.dates.models import DatePlan
from closeknit.lib.features import hooks
from closeknit.nudges.models import Notification
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase

S = DatePlan.Status


def send_date_reminders(now: datetime) -> int:
    """What the nudges sweeper does with this feature's reminders."""
    return sum(
        notify(r.recipient, r.kind, r.url, key=r.key, partner=r.partner)
        for r in reminders.due(now)
    )


class RemindersTestCase(BaseTestCase):
    def make(self, starts_at: datetime, status: str = S.ACCEPTED) -> DatePlan:
        return DatePlan.objects.create(
            couple=self.couple,
            proposed_by=self.ana,
            title="Dinner",
            starts_at=starts_at,
            status=status,
        )

    def test_both_are_reminded_on_the_morning_of_the_date_on_their_clock(self) -> None:
        # 20:00 in Lisbon (UTC+1 in June) on 10 June; the reminder is due at 08:00 local.
        self.make(datetime(2030, 6, 10, 19, tzinfo=UTC))
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 6, 59, tzinfo=UTC)), 0)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 7, 0, tzinfo=UTC)), 2)
        texts = set(Notification.objects.values_list("recipient__display_name", "text"))
        self.assertEqual(
            texts, {("Ana", "Your date is coming up."), ("Ben", "Your date is coming up.")}
        )

    def test_it_never_reminds_twice(self) -> None:
        self.make(datetime(2030, 6, 10, 19, tzinfo=UTC))
        send_date_reminders(datetime(2030, 6, 10, 7, tzinfo=UTC))
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 9, tzinfo=UTC)), 0)
        self.assertEqual(Notification.objects.count(), 2)

    def test_the_morning_is_each_partners_own(self) -> None:
        self.ana.timezone = "Asia/Tokyo"  # Ben stays in Lisbon
        self.ana.save(update_fields=["timezone"])
        # 20:00 in Tokyo is 11:00 UTC, noon in Lisbon. 08:00 in Tokyo is 23:00 UTC the
        # day before; 08:00 in Lisbon is 07:00 UTC on the day.
        self.make(datetime(2030, 6, 10, 11, tzinfo=UTC))
        self.assertEqual(send_date_reminders(datetime(2030, 6, 9, 22, 59, tzinfo=UTC)), 0)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 9, 23, 0, tzinfo=UTC)), 1)
        self.assertEqual(Notification.objects.get().recipient, self.ana)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 6, 59, tzinfo=UTC)), 0)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 7, 0, tzinfo=UTC)), 1)
        self.assertEqual(
            sorted(Notification.objects.values_list("recipient__display_name", flat=True)),
            ["Ana", "Ben"],
        )

    def test_an_early_date_is_remembered_the_evening_before(self) -> None:
        # 09:00 in Lisbon on 10 June: the reminder comes at 18:00 on 9 June (17:00 UTC).
        self.make(datetime(2030, 6, 10, 8, tzinfo=UTC))
        self.assertEqual(send_date_reminders(datetime(2030, 6, 9, 16, 59, tzinfo=UTC)), 0)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 9, 17, 0, tzinfo=UTC)), 2)

    def test_dates_not_on_are_not_reminded(self) -> None:
        self.make(datetime(2030, 6, 10, 19, tzinfo=UTC), S.PROPOSED)
        self.make(datetime(2030, 6, 10, 19, tzinfo=UTC), S.CANCELLED)
        self.assertEqual(send_date_reminders(datetime(2030, 6, 10, 12, tzinfo=UTC)), 0)

    def test_a_moved_date_is_reminded_again(self) -> None:
        date_plan = self.make(datetime(2030, 6, 10, 19, tzinfo=UTC))
        send_date_reminders(datetime(2030, 6, 10, 7, tzinfo=UTC))
        date_plan.starts_at = datetime(2030, 6, 11, 19, tzinfo=UTC)
        date_plan.save(update_fields=["starts_at"])
        self.assertEqual(send_date_reminders(datetime(2030, 6, 11, 7, tzinfo=UTC)), 2)

    def test_the_nudges_sweeper_finds_these_reminders(self) -> None:
        self.assertIn("dates", [name for name, _ in hooks("reminders")])

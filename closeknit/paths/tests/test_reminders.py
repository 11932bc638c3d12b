"""The reminder on a week's last day: through the notification system, naming no path."""

from datetime import timedelta

from closeknit.nudges.models import Notification
from closeknit.nudges.schedule import run_reminders
from closeknit.paths import reminders
from closeknit.paths.models import PathRun, Reflection
from closeknit.paths.tests.helpers import (
    PRIVATE,
    START,
    PathTestCase,
    current_week,
    open_just_us,
    start_path,
)

# START is Monday 10:00 (UTC); the week's last day is Sunday, its reminder at 18:00.
LAST_DAY_EVENING = START + timedelta(days=6, hours=8, minutes=5)


class ReflectionReminderTestCase(PathTestCase):
    def test_on_the_last_evening_whoever_has_not_reflected_hears_of_it(self) -> None:
        run = self.on_path()
        week = current_week(run)
        Reflection.objects.create(
            couple=self.couple, week=week, author=self.ana, understood=5, validated=5, cared=5
        )
        found = list(reminders.due(LAST_DAY_EVENING))
        self.assertEqual([(r.recipient, r.kind) for r in found], [(self.ben, "path_reflection")])
        self.assertEqual(run_reminders(LAST_DAY_EVENING), 1)
        self.assertEqual(run_reminders(LAST_DAY_EVENING + timedelta(minutes=1)), 0)
        note = Notification.objects.get(kind="path_reflection")
        self.assertEqual(note.text, "Your path's week is ending: a ten-second reflection is open.")

    def test_not_on_other_days_or_hours(self) -> None:
        self.on_path()
        self.assertEqual(list(reminders.due(LAST_DAY_EVENING - timedelta(days=1))), [])
        self.assertEqual(list(reminders.due(LAST_DAY_EVENING - timedelta(hours=3))), [])

    def test_a_paused_path_sends_nothing(self) -> None:
        run = self.on_path()
        PathRun.objects.filter(pk=run.pk).update(status="paused", paused_on=START.date())
        self.assertEqual(list(reminders.due(LAST_DAY_EVENING)), [])

    def test_the_private_path_reminds_in_the_same_plain_words_and_never_while_it_is_off(
        self,
    ) -> None:
        open_just_us(self.couple, self.ana, self.ben)
        start_path(self.couple, self.ana, self.ben, PRIVATE)
        self.assertEqual(run_reminders(LAST_DAY_EVENING), 2)
        for note in Notification.objects.all():
            for word in ("Close in body", PRIVATE, "Affection, touch", "body", "touch"):
                self.assertNotIn(word, note.text)
                self.assertNotIn(word, note.url)
        from closeknit.private import services as just_us

        just_us.opt_out(self.couple, self.ben)
        Notification.objects.filter(kind="path_reflection").delete()
        self.assertEqual(list(reminders.due(LAST_DAY_EVENING)), [])

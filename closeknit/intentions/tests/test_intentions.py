from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples import invites
from closeknit.intentions.models import Intention
from closeknit.intentions.services import due_intention_nudges
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

URL = reverse("intentions:index")


class IntentionsBase(BaseTestCase):
    def write(self, user: User, days_ago: int = 0, **kw: object) -> Intention:
        couple = self.couple if user in (self.ana, self.ben) else self.other_couple
        return Intention.objects.create(
            couple=couple,
            author=user,
            want="More walks",
            willing="Plan them",
            created=timezone.now() - timedelta(days=days_ago),
            **kw,
        )


class IntentionsTestCase(IntentionsBase):
    def test_it_saves_a_new_version_and_keeps_the_old(self) -> None:
        client = self.client_for(self.ana)
        client.post(URL, {"want": "Feel close", "willing": "Listen more"})
        r = client.post(URL, {"want": "Feel close again", "willing": "Listen more"})
        self.assertRedirects(r, URL)
        rows = list(Intention.objects.filter(author=self.ana).order_by("created"))
        self.assertEqual([i.want for i in rows], ["Feel close", "Feel close again"])

    def test_the_partner_sees_the_current_one_and_the_history(self) -> None:
        self.write(self.ana, 40)
        Intention.objects.create(couple=self.couple, author=self.ana, want="Newer", willing="Try")
        r = self.client_for(self.ben).get(URL)
        self.assertEqual(r.context["found"].theirs.want, "Newer")
        self.assertContains(r, "More walks")  # in the history

    def test_it_asks_for_both_parts_and_keeps_what_was_written(self) -> None:
        r = self.client_for(self.ana).post(URL, {"want": "Kept words", "willing": ""})
        self.assertContains(r, "Write what you&#x27;re willing to do", status_code=422)
        self.assertContains(r, "Kept words", status_code=422)
        self.assertFalse(Intention.objects.exists())

    def test_these_still_hold_marks_the_current_one_revisited(self) -> None:
        intention = self.write(self.ana, 40)
        self.client_for(self.ana).post(reverse("intentions:confirm"))
        intention.refresh_from_db()
        self.assertIsNotNone(intention.reviewed_at)
        self.assertEqual(Intention.objects.count(), 1)

    def test_another_couple_sees_nothing(self) -> None:
        self.write(self.ana)
        r = self.client_for(self.cora).get(URL)
        self.assertNotContains(r, "More walks")

    def test_it_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ana)
        self.write(self.ana)
        self.write(self.ben)
        client.get(URL)  # the first visit keeps the user's row
        with self.assertNumQueries(3):
            client.get(URL)
        for day in range(60):
            self.write(self.ana, day + 1)
            self.write(self.ben, day + 1)
        with self.assertNumQueries(3):
            client.get(URL)


class IntentionNudgesTestCase(IntentionsBase):
    def test_it_nudges_once_a_month_since_the_last_visit(self) -> None:
        self.write(self.ana, 31)
        self.write(self.ben, 10)
        now = timezone.now()
        self.assertEqual(due_intention_nudges(now), 1)
        self.assertEqual(due_intention_nudges(now), 0)  # same month: never twice
        note = Notification.objects.get()
        self.assertEqual((note.recipient, note.kind, note.url), (self.ana, "intentions", URL))
        self.assertEqual(due_intention_nudges(now + timedelta(days=30)), 2)  # Ana again, Ben now

    def test_only_the_latest_version_counts(self) -> None:
        self.write(self.ana, 90)
        self.write(self.ana, 5)
        self.assertEqual(due_intention_nudges(), 0)

    def test_a_confirmation_restarts_the_month(self) -> None:
        self.write(self.ana, 90, reviewed_at=timezone.now() - timedelta(days=3))
        self.assertEqual(due_intention_nudges(), 0)

    def test_nobody_who_unpaired_is_nudged(self) -> None:
        self.write(self.cora, 40)
        invites.unpair(self.cora)
        self.assertEqual(due_intention_nudges(), 0)

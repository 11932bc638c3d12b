from datetime import UTC, datetime
from typing import Any

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.dates.models import DatePlan
from closeknit.dates.tests.helpers import make_date
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

S = DatePlan.Status


class AnswerTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.date = make_date(self.couple, self.ana)

    def post(self, user: User, name: str, data: dict[str, str] | None = None) -> Any:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client_for(user).post(
                reverse(f"dates:{name}", args=[self.date.pk]), data or {}
            )

    def test_the_partner_accepts(self) -> None:
        r = self.post(self.ben, "accept")
        self.assertRedirects(r, reverse("dates:detail", args=[self.date.pk]))
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.ACCEPTED)
        self.assertEqual(
            Notification.objects.get(recipient=self.ana).text, "Ben answered your date idea."
        )

    def test_the_proposer_cannot_accept_their_own_proposal(self) -> None:
        url = reverse("dates:accept", args=[self.date.pk])
        r = self.client_for(self.ana).post(url, follow=True)
        self.assertContains(r, "isn&#x27;t waiting for your answer")
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.PROPOSED)

    def test_the_partner_suggests_another_time_and_it_waits_for_the_proposer(self) -> None:
        self.post(self.ben, "suggest", {"starts_at": "2031-07-01T20:00"})
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.PROPOSED)
        self.assertEqual(self.date.proposed_by, self.ben)
        local = self.date.starts_at.astimezone(self.couple.tz)
        self.assertEqual((local.month, local.day, local.hour), (7, 1, 20))
        self.assertTrue(
            Notification.objects.filter(recipient=self.ana, kind="date_answered").exists()
        )
        # Now Ana answers Ben's time.
        self.post(self.ana, "accept")
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.ACCEPTED)

    def test_a_bad_new_time_is_explained_and_nothing_changes(self) -> None:
        before = self.date.starts_at
        r = self.post(self.ben, "suggest", {"starts_at": "not a time"})
        self.assertContains(r, "Enter a valid date/time.", status_code=422)
        r = self.post(self.ben, "suggest", {"starts_at": "2000-01-01T10:00"})
        self.assertContains(r, "still ahead", status_code=422)
        self.date.refresh_from_db()
        self.assertEqual(self.date.starts_at, before)
        self.assertEqual(self.date.proposed_by, self.ana)

    def test_either_partner_calls_it_off(self) -> None:
        self.post(self.ana, "cancel", {"confirm": "yes"})
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.CANCELLED)
        self.assertEqual(
            Notification.objects.get(recipient=self.ben).text, "Ana called off a date."
        )

    def test_a_past_date_cannot_be_called_off(self) -> None:
        past = make_date(self.couple, self.ana, days=-2, status=S.ACCEPTED)
        self.client_for(self.ben).post(reverse("dates:cancel", args=[past.pk]), {"confirm": "yes"})
        past.refresh_from_db()
        self.assertEqual(past.status, S.ACCEPTED)

    def test_another_couple_gets_404_everywhere(self) -> None:
        for name in ["detail", "accept", "suggest", "cancel", "rate"]:
            with self.subTest(name=name):
                url = reverse(f"dates:{name}", args=[self.date.pk])
                client = self.client_for(self.cora)
                r = (
                    client.get(url)
                    if name == "detail"
                    else client.post(url, {"starts_at": "2031-07-01T20:00", "confirm": "yes"})
                )
                self.assertEqual(r.status_code, 404)
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.PROPOSED)

    def test_get_is_not_allowed_for_actions(self) -> None:
        r = self.client_for(self.ben).get(reverse("dates:accept", args=[self.date.pk]))
        self.assertEqual(r.status_code, 405)

    def test_the_detail_page_asks_the_partner_and_tells_the_proposer_to_wait(self) -> None:
        r = self.client_for(self.ben).get(reverse("dates:detail", args=[self.date.pk]))
        self.assertContains(r, "Ana suggested this")
        self.assertContains(r, "Suggest another time")
        r = self.client_for(self.ana).get(reverse("dates:detail", args=[self.date.pk]))
        self.assertContains(r, "Waiting for Ben")
        self.assertNotContains(r, "Suggest another time")

    def test_the_detail_page_is_titled_with_the_date_on_the_readers_own_day(self) -> None:
        # 14:00 UTC on Saturday 12 June is already Sunday 02:00 in Auckland.
        self.date.starts_at = datetime(2027, 6, 12, 14, 0, tzinfo=UTC)
        self.date.save(update_fields=["starts_at"])
        self.ben.timezone = "Pacific/Auckland"
        self.ben.save(update_fields=["timezone"])
        url = reverse("dates:detail", args=[self.date.pk])
        for user, day in ((self.ana, "Saturday 12 June"), (self.ben, "Sunday 13 June")):
            with self.subTest(user=user.display_name):
                r = self.client_for(user).get(url)
                self.assertContains(r, f"<title>Picnic by the river, {day} · Closeknit</title>")

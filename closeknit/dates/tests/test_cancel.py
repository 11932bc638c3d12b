from django.urls import reverse

from closeknit.dates.models import DatePlan
from closeknit.dates.tests.helpers import make_date
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

S = DatePlan.Status


class CancelDateTestCase(BaseTestCase):
    """Calling a date off asks once, saying the partner will be told."""

    def setUp(self) -> None:
        self.date = make_date(self.couple, self.ana, status=S.ACCEPTED, place="The old mill")
        self.url = reverse("dates:cancel", args=[self.date.pk])

    def assertStillOn(self) -> None:
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.ACCEPTED)
        self.assertFalse(Notification.objects.filter(kind="date_cancelled").exists())

    def test_the_date_links_to_the_question(self) -> None:
        r = self.client_for(self.ben).get(reverse("dates:detail", args=[self.date.pk]))
        self.assertContains(r, f'href="{self.url}"')

    def test_it_asks_once_saying_what_happens(self) -> None:
        r = self.client_for(self.ben).get(self.url)
        self.assertContains(r, "<title>Call off “Picnic by the river”? · Closeknit")
        self.assertContains(r, "<h1>Call off “Picnic by the river”?</h1>")
        self.assertContains(r, "The old mill")
        self.assertContains(r, "Ana is told in their inbox that you called it off.")
        self.assertContains(r, 'name="confirm" value="yes"')
        detail = reverse("dates:detail", args=[self.date.pk])
        self.assertContains(r, f'<a href="{detail}" role="button" class="secondary">Keep the date')
        self.assertStillOn()

    def test_the_confirmed_post_calls_it_off_and_tells_the_partner(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            r = self.client_for(self.ben).post(self.url, {"confirm": "yes"})
        self.assertRedirects(r, reverse("dates:detail", args=[self.date.pk]))
        self.date.refresh_from_db()
        self.assertEqual(self.date.status, S.CANCELLED)
        self.assertTrue(
            Notification.objects.filter(recipient=self.ana, kind="date_cancelled").exists()
        )

    def test_a_post_without_the_confirmation_only_asks(self) -> None:
        r = self.client_for(self.ben).post(self.url)
        self.assertContains(r, "Call off “Picnic by the river”?")
        self.assertStillOn()

    def test_a_date_already_called_off_is_not_asked_about_again(self) -> None:
        self.client_for(self.ben).post(self.url, {"confirm": "yes"})
        r = self.client_for(self.ana).get(self.url, follow=True)
        self.assertRedirects(r, reverse("dates:detail", args=[self.date.pk]))
        self.assertContains(r, "can&#x27;t be called off any more")

    def test_a_past_date_is_not_asked_about(self) -> None:
        past = make_date(self.couple, self.ana, days=-2, status=S.ACCEPTED)
        r = self.client_for(self.ben).get(reverse("dates:cancel", args=[past.pk]))
        self.assertRedirects(r, reverse("dates:detail", args=[past.pk]))

    def test_another_couple_gets_404(self) -> None:
        client = self.client_for(self.cora)
        self.assertEqual(client.get(self.url).status_code, 404)
        self.assertEqual(client.post(self.url, {"confirm": "yes"}).status_code, 404)
        self.assertStillOn()

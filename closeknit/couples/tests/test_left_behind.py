"""The partner left behind is told what happened, what they keep, and how to download it."""

import json
from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from closeknit.appreciate import services as appreciate
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase


class LeftBehindTestCase(BaseTestCase):
    def test_after_unpairing_the_partner_lands_on_an_explanation(self) -> None:
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        r = self.client_for(self.ben).get(reverse("home"), follow=True)
        self.assertContains(r, "Ana ended your shared space")
        self.assertContains(r, "nothing you wrote is gone")
        until = (timezone.now() + timedelta(days=30)).strftime("%-d %B %Y")
        self.assertContains(r, until)
        self.assertContains(r, reverse("export"))
        notice = Notification.objects.get(recipient=self.ben, kind="couple_ended")
        self.assertEqual(notice.text, "Ana ended your shared space.")

    def test_the_one_who_unpaired_sees_no_such_notice(self) -> None:
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        r = self.client_for(self.ana).get(reverse("pair"))
        self.assertNotContains(r, "ended your shared space")
        self.assertFalse(Notification.objects.filter(recipient=self.ana).exists())

    def test_after_an_account_is_deleted_the_partner_is_told_without_a_name(self) -> None:
        self.client_for(self.ana).post(reverse("delete_account"), {"confirm": "DELETE"})
        r = self.client_for(self.ben).get(reverse("pair"))
        self.assertContains(r, "Your partner deleted their account")
        notice = Notification.objects.get(recipient=self.ben)
        self.assertEqual(notice.text, "Your partner deleted their account.")
        self.assertNotIn("Ana", notice.text)

    def test_the_partner_can_still_download_the_shared_space(self) -> None:
        appreciate.send_appreciation(
            self.couple, self.ben, self.ana, did="Made tea.", felt="Warm.", shows="Kind."
        )
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        export = json.dumps(json.loads(self.client_for(self.ben).post(reverse("export")).content))
        self.assertIn("Made tea.", export)

    def test_the_notice_goes_once_the_shared_space_is_gone(self) -> None:
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        with time_machine.travel(timezone.now() + timedelta(days=31)):
            r = self.client_for(self.ben).get(reverse("pair"))
        self.assertNotContains(r, "ended your shared space")
        self.assertContains(r, "Pair with your partner")

    def test_another_couple_hears_nothing(self) -> None:
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        self.assertFalse(Notification.objects.filter(recipient__in=[self.cora, self.dev]).exists())

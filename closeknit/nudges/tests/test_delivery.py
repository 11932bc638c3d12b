from datetime import UTC, datetime, timedelta
from unittest import mock

import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client

from closeknit.nudges import delivery
from closeknit.nudges.kinds import KINDS
from closeknit.nudges.models import Delivery, Notification, NudgeSettings
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase

NOON = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)  # 13:00 in Lisbon


@time_machine.travel(NOON, tick=False)
class DeliveryTestCase(BaseTestCase):
    def notify_ben(self, key: str = "k") -> None:
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ben, "daily_answered", "/talk/", key=key, partner=self.ana)

    def test_an_email_goes_out_after_commit_without_content(self) -> None:
        self.notify_ben()
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "[Closeknit] Ana answered today's question.")
        self.assertIn("http://127.0.0.1:8000/talk/", message.body)
        self.assertEqual(message.alternatives[0][1], "text/html")  # type: ignore[union-attr]
        self.assertIn("/inbox/unsubscribe/", message.extra_headers["List-Unsubscribe"])
        self.assertEqual(
            message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        self.assertEqual(Delivery.objects.get().status, Delivery.SENT)

    def test_nothing_is_sent_when_the_transaction_rolls_back(self) -> None:
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            notify(self.ben, "daily_answered", "/talk/", key="k", partner=self.ana)
        # The callbacks never ran: in a real rollback they are dropped.
        self.assertTrue(callbacks)
        self.assertEqual(len(mail.outbox), 0)

    def test_delivering_twice_sends_once(self) -> None:
        self.notify_ben()
        d = Delivery.objects.get()
        self.assertEqual(delivery.deliver(str(d.id)), "not mine")
        self.assertEqual(delivery.send_due(), 0)
        self.assertEqual(len(mail.outbox), 1)

    def test_a_failed_send_is_retried_with_backoff_then_given_up(self) -> None:
        with mock.patch.dict(
            delivery.SENDERS, {"email": mock.Mock(side_effect=OSError("smtp down"))}
        ):
            with self.assertRaises(OSError), self.captureOnCommitCallbacks(execute=True):
                notify(self.ben, "reply", "/", key="k", partner=self.ana)
            d = Delivery.objects.get()
            self.assertEqual((d.status, d.attempts), (Delivery.PENDING, 1))
            self.assertEqual(d.due_at, NOON + timedelta(minutes=1))
            self.assertIn("smtp down", d.last_error)
            for _ in range(4):  # after 1, 5, 30 and 120 minutes
                with time_machine.travel(d.due_at, tick=False):
                    delivery.send_due()
                d.refresh_from_db()
            self.assertEqual((d.status, d.attempts), (Delivery.FAILED, 5))
        self.assertEqual(len(mail.outbox), 0)

    def test_a_claim_left_by_a_dead_worker_is_never_resent(self) -> None:
        self.notify_ben()
        Delivery.objects.update(status=Delivery.SENDING, claimed_at=NOON - timedelta(hours=2))
        self.assertEqual(delivery.release_stuck(), 1)
        self.assertEqual(Delivery.objects.get().status, Delivery.FAILED)

    def test_every_kind_has_a_fixed_text_without_content(self) -> None:
        for n, kind in enumerate(KINDS):
            with self.subTest(kind=kind):
                self.assertTrue(notify(self.ben, kind, "/", key=f"all:{n}", partner=self.ana))
        texts = " ".join(
            Notification.objects.filter(recipient=self.ben).values_list("text", flat=True)
        ).lower()
        for word in ["bedroom", "sex", "private list", "wishlist"]:
            self.assertNotIn(word, texts)

    def test_quiet_hours_hold_a_message_until_they_end(self) -> None:
        NudgeSettings.objects.create(user=self.ben, quiet_start="12:00", quiet_end="14:30")
        self.notify_ben()
        self.assertEqual(len(mail.outbox), 0)
        d = Delivery.objects.get()
        self.assertEqual(d.due_at.astimezone(self.couple.tz).strftime("%H:%M"), "14:30")
        with time_machine.travel(d.due_at - timedelta(seconds=1), tick=False):
            self.assertEqual(delivery.send_due(), 0)
        with time_machine.travel(d.due_at, tick=False):
            self.assertEqual(delivery.send_due(), 1)
        self.assertEqual(len(mail.outbox), 1)

    def test_the_daily_digest_sends_one_email_at_the_chosen_hour(self) -> None:
        NudgeSettings.objects.create(
            user=self.ben, daily_digest=True, digest_hour=18, quiet_start=None
        )
        self.notify_ben("a")
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ben, "appreciation", "/appreciate/", key="b", partner=self.ana)
        self.assertEqual(len(mail.outbox), 0)
        self.assertEqual(delivery.send_digests(), 0)
        with time_machine.travel(NOON + timedelta(hours=5), tick=False):  # 18:00 in Lisbon
            self.assertEqual(delivery.send_digests(), 1)
            self.assertEqual(delivery.send_digests(), 0)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].subject, "[Closeknit] 2 new things in Closeknit today")
        self.assertIn("Ana sent you an appreciation.", mail.outbox[0].body)

    def test_the_digests_one_click_unsubscribe_works_from_the_mail_client(self) -> None:
        NudgeSettings.objects.create(user=self.ben, daily_digest=True, digest_hour=18)
        self.notify_ben("a")
        with time_machine.travel(NOON + timedelta(hours=5), tick=False):
            delivery.send_digests()
        header = mail.outbox[0].extra_headers["List-Unsubscribe"]
        self.assertEqual(
            mail.outbox[0].extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        url = header.strip("<>").removeprefix(settings.SITE_URL)
        # RFC 8058: the mail client posts this body, with no cookie and no CSRF token.
        r = Client(enforce_csrf_checks=True).post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        self.assertContains(r, "no more e-mails from Closeknit")
        prefs = NudgeSettings.objects.get(user=self.ben)
        self.assertFalse(prefs.daily_digest)
        self.assertTrue(all("email" not in prefs.channels[kind] for kind in KINDS))
        mail.outbox.clear()
        self.notify_ben("b")
        self.assertEqual(len(mail.outbox), 0)
        self.assertTrue(Notification.objects.filter(recipient=self.ben, read_at=None).exists())

    def test_a_person_can_turn_email_off_for_a_kind(self) -> None:
        NudgeSettings.objects.create(user=self.ben, channels={"daily_answered": []})
        self.notify_ben()
        self.assertEqual(len(mail.outbox), 0)
        self.assertEqual(
            Notification.objects.filter(recipient=self.ben).count(), 1
        )  # the inbox still has it

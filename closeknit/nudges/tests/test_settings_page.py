from datetime import UTC, datetime

import time_machine
from django.core import mail

from closeknit.nudges.delivery import unsubscribe_token
from closeknit.nudges.models import NudgeSettings
from closeknit.nudges.notify import notify
from closeknit.test import BaseTestCase


@time_machine.travel(datetime(2026, 6, 1, 12, 0, tzinfo=UTC), tick=False)  # not quiet hours
class NudgeSettingsTestCase(BaseTestCase):
    def test_it_saves_channels_quiet_hours_and_digest(self) -> None:
        page = self.client_for(self.ben).get("/inbox/settings/")
        self.assertContains(page, "Quiet hours")
        form = page.context["form"]
        data: dict[str, object] = {n: ["push"] for n in form.fields if n.startswith("kind_")}
        data.update(quiet_start="21:30", quiet_end="06:45", daily_digest="on", digest_hour="19")
        r = self.client_for(self.ben).post("/inbox/settings/", data)
        self.assertRedirects(r, "/inbox/settings/")
        prefs = NudgeSettings.objects.get(user=self.ben)
        self.assertEqual(prefs.channels["reply"], ["push"])
        self.assertEqual(
            (str(prefs.quiet_start), prefs.daily_digest, prefs.digest_hour), ("21:30:00", True, 19)
        )

    def test_bad_times_are_refused_and_nothing_changes(self) -> None:
        r = self.client_for(self.ben).post(
            "/inbox/settings/", {"quiet_start": "25:99", "digest_hour": "7"}
        )
        self.assertContains(r, "Enter a valid time")
        self.assertFalse(NudgeSettings.objects.exists())

    def test_half_filled_or_zero_length_quiet_hours_are_refused(self) -> None:
        cases = [
            ({"quiet_start": "22:00", "quiet_end": ""}, "both a start and an end"),
            ({"quiet_start": "", "quiet_end": "07:00"}, "both a start and an end"),
            ({"quiet_start": "22:00", "quiet_end": "22:00"}, "end at a different time"),
        ]
        for times, message in cases:
            with self.subTest(**times):
                r = self.client_for(self.ben).post(
                    "/inbox/settings/", {**times, "digest_hour": "7"}
                )
                self.assertContains(r, message)
                self.assertFalse(NudgeSettings.objects.exists())

    def test_quiet_hours_can_be_turned_off_by_leaving_both_empty(self) -> None:
        r = self.client_for(self.ben).post(
            "/inbox/settings/", {"quiet_start": "", "quiet_end": "", "digest_hour": "7"}
        )
        self.assertRedirects(r, "/inbox/settings/")
        prefs = NudgeSettings.objects.get(user=self.ben)
        self.assertEqual((prefs.quiet_start, prefs.quiet_end), (None, None))

    def test_one_click_unsubscribe_needs_no_login(self) -> None:
        token = unsubscribe_token(self.ben, "reply")
        self.assertContains(self.client.get(f"/inbox/unsubscribe/{token}/"), "Stop e-mails about")
        self.client.post(f"/inbox/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
        self.assertEqual(NudgeSettings.objects.get(user=self.ben).channels["reply"], ["push"])
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ben, "reply", "/", key="k", partner=self.ana)
            notify(self.ben, "thanks", "/", key="k2", partner=self.ana)
        self.assertEqual(
            [m.subject for m in mail.outbox], ["[Closeknit] Ana thanked you for listening."]
        )

    def test_a_forged_unsubscribe_link_does_nothing(self) -> None:
        r = self.client.post("/inbox/unsubscribe/not-a-token/")
        self.assertEqual(r.status_code, 400)
        self.assertFalse(NudgeSettings.objects.exists())

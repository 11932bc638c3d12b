from django.test import override_settings
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples import invites
from closeknit.test import BaseTestCase

FORM = {
    "email": "fay@example.org",
    "display_name": "Fay",
    "timezone": "America/Chicago",
    "password1": "a long and lovely passphrase",
    "password2": "a long and lovely passphrase",
}


class SignupTestCase(BaseTestCase):
    def test_it_creates_an_account_with_name_and_time_zone(self) -> None:
        r = self.client.post(reverse("account_signup"), FORM)
        self.assertRedirects(r, reverse("home"), target_status_code=302)
        fay = User.objects.get(email="fay@example.org")
        self.assertEqual((fay.display_name, fay.timezone), ("Fay", "America/Chicago"))
        self.assertTrue(fay.password.startswith("md5$"))  # hashed (Argon2 outside tests)

    def test_it_refuses_a_duplicate_email(self) -> None:
        r = self.client.post(reverse("account_signup"), {**FORM, "email": "ana@example.org"})
        self.assertContains(r, "already registered")
        self.assertEqual(User.objects.filter(email="ana@example.org").count(), 1)

    def test_it_returns_to_the_invite_after_signing_up(self) -> None:
        invite = invites.create_invite(self.eli)
        self.client.get(reverse("accept_invite", args=[invite.token]))
        r = self.client.post(reverse("account_signup"), FORM)
        self.assertRedirects(r, reverse("accept_invite", args=[invite.token]))

    @override_settings(SIGNUP_OPEN=False)
    def test_a_closed_instance_still_lets_an_invited_partner_join(self) -> None:
        closed = self.client.get(reverse("account_signup"))
        self.assertContains(closed, "closed")
        invite = invites.create_invite(self.eli)
        self.client.get(reverse("accept_invite", args=[invite.token]))
        r = self.client.post(reverse("account_signup"), FORM)
        self.assertEqual(r.status_code, 302)
        self.assertTrue(User.objects.filter(email="fay@example.org").exists())


@override_settings(ACCOUNT_EMAIL_VERIFICATION="mandatory")
class VerificationTestCase(BaseTestCase):
    def test_it_sends_a_verification_email_when_required(self) -> None:
        from django.core import mail

        self.client.post(reverse("account_signup"), FORM)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("fay@example.org", mail.outbox[0].to)
        self.assertFalse(self.client.get(reverse("home")).wsgi_request.user.is_authenticated)

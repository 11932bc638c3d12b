from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from closeknit.test import PASSWORD, BaseTestCase


class LoginTestCase(BaseTestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_it_logs_in_with_email_and_password(self) -> None:
        r = self.client.post(
            reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD}
        )
        self.assertRedirects(r, reverse("home"))

    def test_repeated_failed_logins_are_slowed_down(self) -> None:
        bad = {"login": "ana@example.org", "password": "wrong"}
        for _ in range(5):
            self.client.post(reverse("account_login"), bad)
        r = self.client.post(
            reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD}
        )
        self.assertContains(r, "Too many failed login attempts")
        self.assertFalse(r.wsgi_request.user.is_authenticated)

    def test_password_reset_sends_an_email(self) -> None:
        self.client.post(reverse("account_reset_password"), {"email": "ana@example.org"})
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("/accounts/password/reset/key/", mail.outbox[0].body)

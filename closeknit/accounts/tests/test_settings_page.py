from django.urls import reverse

from closeknit.test import BaseTestCase


class SettingsTestCase(BaseTestCase):
    def test_it_updates_the_profile(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("settings"), {"display_name": "Ana M.", "timezone": "Europe/Paris"}
        )
        self.assertRedirects(r, reverse("settings"))
        self.ana.refresh_from_db()
        self.assertEqual((self.ana.display_name, self.ana.timezone), ("Ana M.", "Europe/Paris"))

    def test_it_keeps_the_profile_on_bad_input(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("settings"), {"display_name": "", "timezone": "x"}
        )
        self.assertContains(r, "This field is required")
        self.ana.refresh_from_db()
        self.assertEqual(self.ana.display_name, "Ana")

    def test_it_shows_the_partner(self) -> None:
        self.assertContains(self.client_for(self.ana).get(reverse("settings")), "paired with Ben")
        self.assertContains(self.client_for(self.eli).get(reverse("settings")), "not paired yet")

    def test_it_needs_login(self) -> None:
        r = self.client.get(reverse("settings"))
        self.assertRedirects(r, reverse("account_login") + "?next=/settings/")

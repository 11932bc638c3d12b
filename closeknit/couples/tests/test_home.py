from django.urls import reverse

from closeknit.test import BaseTestCase


class HomeTestCase(BaseTestCase):
    def test_it_shows_the_landing_page_when_signed_out(self) -> None:
        r = self.client.get(reverse("home"))
        self.assertContains(r, "Create an account")

    def test_it_shows_the_couple_home(self) -> None:
        r = self.client_for(self.ana).get(reverse("home"))
        self.assertContains(r, "Hello, Ana")
        self.assertContains(r, "You and Ben")
        self.assertContains(r, 'aria-current="page">Today')
        self.assertNotContains(r, "Cora")

    def test_the_us_page_changes_the_couple_time_zone(self) -> None:
        r = self.client_for(self.ben).post(reverse("us"), {"timezone": "Asia/Tokyo"})
        self.assertRedirects(r, reverse("us"))
        self.couple.refresh_from_db()
        self.assertEqual(self.couple.timezone, "Asia/Tokyo")

    def test_the_us_page_rejects_an_unknown_time_zone(self) -> None:
        r = self.client_for(self.ben).post(reverse("us"), {"timezone": "Mars/Olympus"})
        self.assertContains(r, "Select a valid choice")
        self.couple.refresh_from_db()
        self.assertEqual(self.couple.timezone, "Europe/Lisbon")

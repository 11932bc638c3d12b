import json

from django.urls import reverse

from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def test_it_downloads_everything_the_user_may_see(self) -> None:
        r = self.client_for(self.ana).post(reverse("export"))
        self.assertEqual(r["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("attachment;", r["Content-Disposition"])
        data = json.loads(r.content)
        self.assertEqual(data["profile"]["email"], "ana@example.org")
        self.assertEqual(data["couples"][0]["partner"], ["Ben"])
        self.assertNotIn("cora", r.content.decode().lower())

    def test_it_keeps_an_ended_couple_in_the_export(self) -> None:
        self.client_for(self.ben).post(reverse("unpair"), {"confirm": "on"})
        data = json.loads(self.client_for(self.ana).post(reverse("export")).content)
        self.assertIsNotNone(data["couples"][0]["left_at"])

    def test_get_shows_the_page_without_downloading(self) -> None:
        r = self.client_for(self.ana).get(reverse("export"))
        self.assertContains(r, "Download my data")

"""The ten-second reflection: opens on the week's last day, sealed until both have reflected."""

import json

from django.urls import reverse

from closeknit.nudges.models import Notification
from closeknit.paths.models import Reflection
from closeknit.paths.tests.helpers import PathTestCase, current_week, reflection

SECRET = "zqsealed the week felt long to Ana"


class ReflectionTestCase(PathTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.path_run = self.on_path()
        self.week = current_week(self.path_run)
        self.url = reverse("paths:reflect", args=[self.week.pk])

    def test_it_opens_on_the_weeks_last_day(self) -> None:
        r = self.page(self.ana).get(reverse("paths:run", args=[self.path_run.pk]))
        self.assertContains(r, "Opens on Sunday 8 March, the week")
        self.assertNotContains(r, "Share my reflection")
        r = self.page(self.ana).post(self.url, reflection())
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "The reflection opens on Sunday 8 March, the week", status_code=400)
        self.assertFalse(Reflection.objects.exists())
        self.later(days=6)
        r = self.page(self.ana).get(reverse("paths:run", args=[self.path_run.pk]))
        self.assertContains(r, "Share my reflection")
        self.assertContains(r, "I felt understood")

    def test_each_sees_only_their_own_until_both_have_reflected(self) -> None:
        self.later(days=6)
        r = self.page(self.ana).post(self.url, reflection(3, 4, 5, SECRET))
        self.assertRedirects(
            r,
            reverse("paths:run", args=[self.path_run.pk]) + "#reflection",
            fetch_redirect_response=False,
        )
        mine = Reflection.objects.get(author=self.ana)
        self.assertEqual(
            (mine.understood, mine.validated, mine.cared, mine.note), (3, 4, 5, SECRET)
        )

        ana_page = self.page(self.ana).get(reverse("paths:run", args=[self.path_run.pk]))
        self.assertContains(ana_page, SECRET)
        self.assertContains(ana_page, "Ben hasn't reflected yet.")
        for url in (
            reverse("paths:run", args=[self.path_run.pk]),
            reverse("paths:week", args=[self.week.pk]),
        ):
            for htmx in (False, True):
                r = self.page(self.ben, htmx).get(url)
                self.assertNotContains(r, SECRET)
                self.assertNotContains(r, "3 of 7")
                self.assertContains(r, "Ana has reflected. Share yours and you")
        api = self.api("get", f"/paths/weeks/{self.week.pk}", self.ben).json()
        self.assertIsNone(api["theirs"])
        self.assertTrue(api["partner_reflected"])
        self.assertNotIn("zqsealed", json.dumps(api))
        export = self.page(self.ben).post(reverse("export")).content.decode()
        self.assertNotIn("zqsealed", export)

        r = self.page(self.ben, htmx=True).post(self.url, reflection(6, 6, 6, "a word from Ben"))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, SECRET)
        self.assertContains(r, "3 of 7")
        self.assertContains(r, "a word from Ben")
        self.assertContains(
            self.page(self.ana).get(reverse("paths:week", args=[self.week.pk])), "a word from Ben"
        )
        api = self.api("get", f"/paths/weeks/{self.week.pk}", self.ben).json()
        self.assertEqual(api["theirs"]["note"], SECRET)
        self.assertTrue(api["revealed"])
        self.assertIn("zqsealed", self.page(self.ben).post(reverse("export")).content.decode())

    def test_the_partner_hears_only_a_name(self) -> None:
        self.later(days=6)
        self.page(self.ana).post(self.url, reflection(3, 4, 5, SECRET))
        note = Notification.objects.get(recipient=self.ben, kind="path_reflected")
        self.assertEqual(note.text, "Ana reflected on this week of your path.")
        self.assertEqual(note.url, reverse("paths:week", args=[self.week.pk]))
        self.assertNotIn("Both true", note.text)

    def test_once_is_once(self) -> None:
        self.later(days=6)
        self.page(self.ana).post(self.url, reflection(3, 3, 3, "first"))
        self.page(self.ana).post(self.url, reflection(7, 7, 7, "second"))
        mine = Reflection.objects.get(author=self.ana)
        self.assertEqual((mine.understood, mine.note), (3, "first"))
        self.assertEqual(Notification.objects.filter(kind="path_reflected").count(), 1)

    def test_it_explains_what_is_missing(self) -> None:
        self.later(days=6)
        r = self.page(self.ana).post(self.url, {"r-understood": 5, "r-validated": 9})
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, 'aria-invalid="true"', count=2, status_code=400)
        self.assertContains(r, "This field is required.", status_code=400)
        r = self.page(self.ana).post(self.url, reflection(note="x" * 281))
        self.assertContains(r, "Ensure this value has at most 280 characters", status_code=400)
        r = self.page(self.ana, htmx=True).post(self.url, {"r-understood": 5})
        self.assertContains(r, 'class="field-error"', count=2)  # swapped in place by htmx
        self.assertNotContains(r, "<html")
        self.assertFalse(Reflection.objects.exists())

    def test_a_late_reflection_is_welcome_on_an_earlier_week(self) -> None:
        self.later(days=7)
        self.page(self.ben).post(reverse("paths:next", args=[self.week.pk]))
        self.later(days=3)
        r = self.page(self.ana).post(self.url, reflection(note="late, and fine"))
        self.assertRedirects(
            r,
            reverse("paths:week", args=[self.week.pk]) + "#reflection",
            fetch_redirect_response=False,
        )
        self.assertTrue(Reflection.objects.filter(week=self.week, author=self.ana).exists())

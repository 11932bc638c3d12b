"""The physical-closeness path: only while both partners have turned on "Just us"."""

import html

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.nudges.models import Notification
from closeknit.paths.models import PathRun
from closeknit.paths.tests.helpers import (
    PRIVATE,
    PathTestCase,
    current_week,
    open_just_us,
    reflection,
)
from closeknit.private import services as just_us

NAMES = ("Close in body", PRIVATE, "Affection, touch and tenderness")


class PrivatePathTestCase(PathTestCase):
    def text(self, user: User, url: str, status: int = 200) -> str:
        r = self.page(user).get(url)
        self.assertEqual(r.status_code, status, url)
        return html.unescape(r.content.decode())

    def test_it_is_nowhere_until_both_have_turned_on_just_us(self) -> None:
        open_just_us(self.couple, self.ana)  # one-sided: the list stays closed
        for user in (self.ana, self.ben):
            self.assertNotIn("Close in body", self.text(user, reverse("paths:index")))
            self.text(user, reverse("paths:detail", args=[PRIVATE]), status=404)
            r = self.page(user).post(reverse("paths:propose", args=[PRIVATE]))
            self.assertEqual(r.status_code, 404)
            keys = [p["key"] for p in self.api("get", "/paths", user).json()]
            self.assertNotIn(PRIVATE, keys)
        self.assertEqual(self.api("post", f"/paths/{PRIVATE}/propose", self.ana).status_code, 404)
        self.assertFalse(PathRun.objects.exists())

    def test_with_both_in_it_is_a_path_like_any_other_and_never_named_in_a_notification(
        self,
    ) -> None:
        open_just_us(self.couple, self.ana, self.ben)
        self.assertIn("Close in body", self.text(self.ben, reverse("paths:index")))
        self.page(self.ben).post(reverse("paths:propose", args=[PRIVATE]))
        run = PathRun.objects.get()
        self.page(self.ana).post(reverse("paths:accept", args=[run.pk]))
        page = self.text(self.ana, reverse("paths:run", args=[run.pk]))
        self.assertIn("Everyday touch", page)
        week = current_week(run)
        self.later(days=6)
        self.page(self.ana).post(reverse("paths:reflect", args=[week.pk]), reflection())
        self.later(days=1)
        for _ in range(4):
            self.page(self.ben).post(reverse("paths:skip", args=[current_week(run).pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, "finished")
        kinds = set(Notification.objects.values_list("kind", flat=True))
        self.assertEqual(
            kinds, {"path_proposed", "path_accepted", "path_reflected", "path_finished"}
        )
        for note in Notification.objects.all():
            inbox = self.text(note.recipient, reverse("inbox"))
            for name in NAMES:
                self.assertNotIn(name, note.text)
                self.assertNotIn(name, note.url)
                self.assertNotIn(name, inbox)

    def test_when_just_us_is_turned_off_the_path_rests_unnamed(self) -> None:
        open_just_us(self.couple, self.ana, self.ben)
        self.page(self.ben).post(reverse("paths:propose", args=[PRIVATE]))
        run = PathRun.objects.get()
        self.page(self.ana).post(reverse("paths:accept", args=[run.pk]))
        week = current_week(run)
        just_us.opt_out(self.couple, self.ana)
        for user in (self.ana, self.ben):
            for url in (
                reverse("home"),
                reverse("paths:index"),
                reverse("paths:run", args=[run.pk]),
                reverse("paths:history"),
            ):
                text = self.text(user, url)
                for name in (*NAMES, "Everyday touch"):
                    self.assertNotIn(name, text, url)
            self.text(user, reverse("paths:week", args=[week.pk]), status=404)
            api = self.api("get", f"/paths/runs/{run.pk}", user).json()
            self.assertTrue(api["hidden"])
            self.assertIsNone(api["path"])
            self.assertNotIn("Close in body", str(self.api("get", "/paths/current", user).json()))
            self.assertEqual(self.api("get", f"/paths/weeks/{week.pk}", user).status_code, 404)
            self.assertNotIn(
                "Close in body", self.page(user).post(reverse("export")).content.decode()
            )
        self.assertIn(
            "resting while “Just us” is turned off",
            self.text(self.ben, reverse("paths:run", args=[run.pk])),
        )
        r = self.page(self.ben).post(reverse("paths:skip", args=[week.pk]))
        self.assertEqual(r.status_code, 404)
        self.assertEqual(
            self.api("post", f"/paths/runs/{run.pk}/pause", self.ben).status_code, 404
        )
        # It can be closed, so another path can begin.
        self.page(self.ben).post(reverse("paths:leave", args=[run.pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, "left")
        # Turned on again by both, it is there again, as it was.
        just_us.opt_in(self.couple, self.ana)
        self.assertIn("Close in body", self.text(self.ana, reverse("paths:run", args=[run.pk])))

from typing import Any

from django.http.response import HttpResponseBase
from django.urls import reverse

from closeknit.accounts.export import export_for
from closeknit.accounts.models import User
from closeknit.checkin import demo
from closeknit.checkin.models import Checkin
from closeknit.checkin.selectors import trend, week_for
from closeknit.checkin.tests.helpers import make_checkin
from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def section(self, user: User) -> dict[str, Any]:
        section: dict[str, Any] = export_for(user)["couples"][0]["checkin"]
        return section

    def test_the_export_keeps_the_sealed_rule(self) -> None:
        make_checkin(self.couple, self.ben, 1, note="Ben sealed")
        make_checkin(self.couple, self.ben, 2, note="Ben shared")
        make_checkin(self.couple, self.ana, 2, note="Ana shared")
        weeks = self.section(self.ana)["checkins"]
        self.assertEqual(
            [w["partner"] and w["partner"]["note"] for w in weeks], ["Ben shared", None]
        )
        self.assertEqual(weeks[1]["mine"], None)
        ben_weeks = self.section(self.ben)["checkins"]
        self.assertEqual(ben_weeks[1]["mine"]["note"], "Ben sealed")


class HomeCardTestCase(BaseTestCase):
    def test_it_shows_this_weeks_state(self) -> None:
        # A new browser each time: rows written here, outside any request, would
        # not make a page kept by one browser stale (see couples/homecache.py).
        def home() -> HttpResponseBase:
            return self.client_for(self.ana).get(reverse("home"))

        self.assertContains(home(), "Check in</a>")
        make_checkin(self.couple, self.ben)
        self.assertContains(home(), "Ben has checked in. Yours opens theirs.")
        make_checkin(self.couple, self.ana, closeness=4)
        self.assertContains(home(), "you 4 of 7, and Ben 5 of 7")


class DemoTestCase(BaseTestCase):
    def test_it_seeds_a_lived_in_history(self) -> None:
        demo.seed(self.couple, self.ana, self.ben)
        self.assertEqual(Checkin.objects.filter(author=self.ana).count(), 10)
        self.assertEqual(Checkin.objects.filter(author=self.ben).count(), 11)
        t = trend(self.couple, self.ana)
        closeness = [r.my_closeness for r in t.rows]
        self.assertEqual(closeness[-1], None)  # Ana has not checked in this week
        self.assertFalse(t.dip_me or t.dip_partner)
        week = week_for(self.couple, self.ana)
        self.assertTrue(week.partner_done)
        self.assertIsNone(week.theirs)

"""Offers: the report's paths that fit its biggest gaps, and a gentle one after a check-in dip."""

import doctest
from typing import Any
from unittest import TestCase

from django.urls import reverse

from closeknit.assessment.models import Response
from closeknit.assessment.tests.helpers import make_round, respond
from closeknit.checkin.tests.helpers import make_checkin
from closeknit.paths import offers
from closeknit.paths.models import PathRun
from closeknit.paths.tests.helpers import PRIVATE, PathTestCase, open_just_us, start_path


class ReportOffersTestCase(PathTestCase):
    def report(self, **ben: Any) -> str:
        """Ana and Ben answer alike, each happy as things are, but for what `ben` changes."""
        rnd = make_round(self.couple)
        alike: dict[str, Any] = {"now": 6, "ideal": 6, "felt": 6, "given": 6, "me": 0, "guess": 0}
        respond(rnd, self.ana, **alike)
        respond(rnd, self.ben, **{**alike, **ben})
        self.round = rnd
        return reverse("assessment:report", args=[rnd.pk])

    def offered(self, url: str) -> list[str]:
        r = self.page(self.ana).get(url)
        self.assertEqual(r.status_code, 200)
        return [o.path.key for o in r.context["paths"].offers]

    def test_a_wish_for_more_fun_and_affection_offers_time_for_us(self) -> None:
        # Ben would like much more of every kind: the gaps are the kinds in order.
        url = self.report(now=2, ideal=7)
        found = self.offered(url)
        self.assertTrue(2 <= len(found) <= 3)
        self.assertIn("listen-first", found)  # emotional first
        r = self.page(self.ana).get(url)
        self.assertContains(r, "A path for the two of you")
        self.assertContains(r, "Offered because you&#x27;d both like more emotional closeness")
        self.assertContains(r, f'action="{reverse("paths:propose", args=["listen-first"])}"')
        self.assertNotContains(r, "Close in body")  # "Just us" is off

    def test_knowing_little_of_each_others_world_offers_curious_about_you(self) -> None:
        url = self.report(guess=1)  # ben's guesses all miss ana's answers
        self.assertEqual(self.offered(url)[0], "curious-about-you")
        self.assertContains(self.page(self.ana).get(url), "many love-map answers were new to you")

    def test_care_given_and_felt_apart_offers_the_listening_paths(self) -> None:
        found = self.offered(self.report(felt=3))  # ben feels 3 of ana's 6
        self.assertEqual(found, ["noticing-the-good", "listen-first", "both-true"])

    def test_the_private_path_is_offered_only_when_both_turned_on_just_us(self) -> None:
        url = self.report()
        intimacy = {
            k: ([2, 7] if k.startswith(("physical", "sexual")) else [6, 6]) for k in self._keys()
        }
        Response.objects.filter(author=self.ben).update(intimacy=intimacy)
        self.assertNotIn(PRIVATE, self.offered(url))
        open_just_us(self.couple, self.ana)
        self.assertNotIn(PRIVATE, self.offered(url))
        open_just_us(self.couple, self.ben)
        self.assertEqual(self.offered(url)[0], PRIVATE)

    def _keys(self) -> list[str]:
        from closeknit.assessment import content

        return [i.key for i in content.catalog().intimacy]

    def test_both_can_suggest_a_path_from_the_report(self) -> None:
        url = self.report(guess=1)
        r = self.page(self.ben).post(reverse("paths:propose", args=["curious-about-you"]))
        run = PathRun.objects.get()
        self.assertRedirects(r, reverse("paths:run", args=[run.pk]))
        r = self.page(self.ana).get(url)
        self.assertContains(r, "You're on a path at the moment")
        self.assertNotContains(r, "Suggest “Curious about you” to Ben")

    def test_no_gap_no_offer(self) -> None:
        url = self.report()
        self.assertEqual(self.offered(url), [])
        self.assertContains(self.page(self.ana).get(url), "No gap here stands out enough")

    def test_the_printable_report_has_no_offers(self) -> None:
        self.report(guess=1)
        r = self.page(self.ana).get(reverse("assessment:report_print", args=[self.round.pk]))
        self.assertNotContains(r, "A path for the two of you")


class DipOfferTestCase(PathTestCase):
    def dip(self) -> None:
        for weeks_ago in range(7, 2, -1):
            make_checkin(self.couple, self.ana, weeks_ago, closeness=6, score=6)
        for weeks_ago in (2, 1, 0):
            make_checkin(self.couple, self.ana, weeks_ago, closeness=3, score=3)

    def test_a_sustained_dip_brings_a_gentle_offer_home(self) -> None:
        self.assertNotContains(
            self.page(self.ana).get(reverse("home")), "Finding each other again"
        )
        self.dip()
        r = self.page(self.ana).get(reverse("home"))
        self.assertContains(r, "If you'd like: Finding each other again")
        self.assertContains(r, "Your last few check-ins have been lower than usual.")
        for word in ("diagnos", "problem", "unhealthy", "warning"):
            self.assertNotContains(r, word)
        r = self.page(self.ana).get(reverse("paths:index"))
        self.assertContains(r, "Closeness has its seasons in every relationship.")
        self.assertEqual(self.api("get", "/paths/current", self.ana).json()["offer"]["key"],
                         "finding-each-other")  # fmt: skip

    def test_the_partner_sees_it_only_from_check_ins_they_may_see(self) -> None:
        self.dip()  # ana's alone: sealed for ben, who hasn't checked in
        self.assertNotContains(
            self.page(self.ben).get(reverse("home")), "Finding each other again"
        )

    def test_no_offer_while_a_path_is_open(self) -> None:
        self.dip()
        start_path(self.couple, self.ana, self.ben)
        self.assertNotContains(
            self.page(self.ana).get(reverse("home")), "Finding each other again"
        )


class RankTestCase(TestCase):
    def test_the_examples_in_the_docstrings_hold(self) -> None:
        self.assertEqual(doctest.testmod(offers).failed, 0)

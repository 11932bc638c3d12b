from datetime import UTC, date, datetime

import time_machine
from django.core.cache import cache
from django.urls import reverse

from closeknit.checkin.models import Checkin
from closeknit.checkin.tests.helpers import form_data, make_checkin
from closeknit.lib.ratelimit import RATES
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase, one_rate_window

URL = reverse("checkin:index")


class CheckinPageTestCase(BaseTestCase):
    def test_it_shows_the_form_with_seven_circle_steps(self) -> None:
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, 'name="closeness"', count=7)
        self.assertContains(r, '<svg class="circles"', count=7)
        self.assertContains(r, "Almost one")
        self.assertContains(r, "Looking back on this week")
        self.assertContains(r, 'value="affection"')

    def test_it_saves_a_check_in_and_tells_the_partner(self) -> None:
        r = self.client_for(self.ana).post(URL, form_data(closeness=6, score=5, note="Good week"))
        self.assertRedirects(r, URL)
        checkin = Checkin.objects.get(author=self.ana)
        self.assertEqual(checkin.closeness, 6)
        self.assertEqual(set(checkin.scores.values()), {5})
        self.assertEqual(len(checkin.scores), 4)
        self.assertEqual(checkin.needs, ["listening"])
        self.assertEqual(checkin.note, "Good week")
        self.assertEqual(checkin.week.weekday(), 0)
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.kind, "checkin_done")
        self.assertNotIn("Good week", note.text)

    def test_changing_it_keeps_one_check_in_and_notifies_once(self) -> None:
        client = self.client_for(self.ana)
        client.post(URL, form_data(closeness=3))
        client.post(URL, form_data(closeness=4))
        self.assertEqual(Checkin.objects.get(author=self.ana).closeness, 4)
        self.assertEqual(Notification.objects.filter(recipient=self.ben).count(), 1)

    def test_it_keeps_answers_and_explains_when_something_is_missing(self) -> None:
        data = form_data(closeness=6, note="Kept")
        del data["mood"]
        r = self.client_for(self.ana).post(URL, data)
        self.assertEqual(r.status_code, 422)
        self.assertContains(r, "Pick the word closest to your mood", status_code=422)
        self.assertContains(
            r, 'value="6" aria-describedby="closeness-help" checked', status_code=422
        )
        self.assertContains(r, "Kept", status_code=422)
        self.assertFalse(Checkin.objects.exists())

    def test_it_refuses_a_step_outside_the_scale(self) -> None:
        r = self.client_for(self.ana).post(URL, form_data(closeness=9))
        self.assertEqual(r.status_code, 422)
        self.assertFalse(Checkin.objects.exists())

    def test_my_check_in_is_sealed_until_my_partner_checks_in(self) -> None:
        make_checkin(self.couple, self.ben, closeness=2, note="Ben secret note")
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, "Ben has checked in. Theirs opens as soon as yours is in.")
        self.assertNotContains(r, "Ben secret note")
        self.client_for(self.ana).post(URL, form_data(closeness=5))
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, "Ben secret note")
        self.assertContains(r, "and Ben experiences it that way")

    def test_the_partner_sees_nothing_of_mine_before_theirs(self) -> None:
        make_checkin(self.couple, self.ana, closeness=2, note="Ana private note")
        r = self.client_for(self.ben).get(URL)
        self.assertNotContains(r, "Ana private note")
        self.assertContains(r, "Ana has checked in")

    def test_another_couple_sees_nothing(self) -> None:
        make_checkin(self.couple, self.ana, note="Ana private note")
        make_checkin(self.other_couple, self.cora)
        r = self.client_for(self.dev).get(URL)
        self.assertNotContains(r, "Ana private note")
        self.assertContains(r, "Cora has checked in")

    def test_the_week_follows_each_partners_own_clock(self) -> None:
        self.ana.timezone = "Pacific/Auckland"
        self.ana.save(update_fields=["timezone"])
        # Sunday 20:00 UTC is already Monday 09:00 in Auckland: a new week for Ana,
        # and still Sunday evening, the old week, for Ben in Lisbon.
        with time_machine.travel(datetime(2026, 3, 15, 20, 0, tzinfo=UTC), tick=False):
            self.client_for(self.ana).post(URL, form_data())
            self.client_for(self.ben).post(URL, form_data())
        self.assertEqual(Checkin.objects.get(author=self.ana).week, date(2026, 3, 16))
        self.assertEqual(Checkin.objects.get(author=self.ben).week, date(2026, 3, 9))

    def test_the_trend_shows_both_partners_and_the_gap(self) -> None:
        for weeks_ago, (a, b) in enumerate([(6, 4), (5, 5), (4, 6)]):
            make_checkin(self.couple, self.ana, weeks_ago + 1, closeness=a)
            make_checkin(self.couple, self.ben, weeks_ago + 1, closeness=b)
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, 'id="trend-data"')
        self.assertContains(r, "chart.umd.min.js")
        chart = r.context["chart"]
        self.assertEqual(chart["closeness"][0][-4:], [4, 5, 6, None])
        self.assertEqual(chart["closeness"][1][-4:], [6, 5, 4, None])
        self.assertEqual(chart["closeness"][2][-4:], [2, 0, 2, None])
        self.assertContains(r, "<table")
        # Without the script the chart's empty frame stays hidden; the table carries it.
        self.assertContains(r, '<figure class="chart" data-needs-js hidden>', count=2)

    def test_the_trend_keeps_weeks_i_missed_sealed(self) -> None:
        make_checkin(self.couple, self.ben, 2, closeness=1)
        make_checkin(self.couple, self.ana, 1, closeness=5)
        make_checkin(self.couple, self.ben, 1, closeness=6)
        r = self.client_for(self.ana).get(URL)
        chart = r.context["chart"]
        self.assertEqual(chart["closeness"][1][-3:], [None, 6, None])
        self.assertContains(r, "sealed")

    def test_a_sustained_dip_gently_suggests_reconnecting(self) -> None:
        for weeks_ago, closeness in enumerate([3, 3, 3, 6, 6, 6, 6], start=1):
            make_checkin(self.couple, self.ben, weeks_ago, closeness=closeness, score=closeness)
            make_checkin(self.couple, self.ana, weeks_ago, closeness=5)
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, "A moment to reach toward each other?")
        self.assertContains(r, "lower than usual for Ben")
        self.assertNotContains(r, "diagnos")

    def test_no_dip_no_suggestion(self) -> None:
        for weeks_ago in range(1, 8):
            make_checkin(self.couple, self.ana, weeks_ago, closeness=5)
        r = self.client_for(self.ana).get(URL)
        self.assertNotContains(r, "A moment to reach toward each other?")

    def test_low_scores_lead_to_the_resources_page(self) -> None:
        make_checkin(self.couple, self.ana, closeness=1, score=2)
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, "Some weeks are heavy")
        self.assertContains(r, reverse("checkin:resources"))

    def test_it_renders_in_constant_queries_as_history_grows(self) -> None:
        client = self.client_for(self.ana)
        make_checkin(self.couple, self.ana, 1)
        client.get(URL)
        with self.assertNumQueries(4):
            client.get(URL)
        for weeks_ago in range(0, 60):
            make_checkin(self.couple, self.ben, weeks_ago)
            if weeks_ago:
                make_checkin(self.couple, self.ana, weeks_ago + 1)
        with self.assertNumQueries(4):
            client.get(URL)

    def test_it_needs_a_couple(self) -> None:
        r = self.client_for(self.eli).get(URL)
        self.assertRedirects(r, reverse("pair"))


class ResourcesTestCase(BaseTestCase):
    def test_anyone_can_read_it(self) -> None:
        r = self.client.get(reverse("checkin:resources"))
        self.assertContains(r, "<h1>Support and resources</h1>")
        self.assertContains(r, '<h2 id="if-you-dont-feel-safe">If you don\'t feel safe</h2>')
        self.assertContains(r, 'href="#if-youre-in-crisis"')

    def test_it_has_the_check_in_navigation_for_a_couple(self) -> None:
        r = self.client_for(self.ana).get(reverse("checkin:resources"))
        self.assertContains(r, 'aria-current="page">Resources')


class CheckinRateLimitTestCase(BaseTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_page_is_rate_limited_like_the_api(self) -> None:
        client = self.client_for(self.ana)
        limit = int(RATES["checkin"].split("/")[0])
        with one_rate_window():
            for n in range(limit):
                self.assertEqual(client.post(URL, form_data(closeness=1 + n % 7)).status_code, 302)
            r = client.post(URL, form_data(closeness=5, note="one too many"))
        self.assertContains(r, "Too many requests", status_code=429)
        self.assertContains(r, "one too many", status_code=429)  # what was written stays
        self.assertNotEqual(Checkin.objects.get(author=self.ana).note, "one too many")

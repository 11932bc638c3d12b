from datetime import timedelta

from django.urls import reverse
from icalendar import Calendar

from closeknit.dates import services
from closeknit.dates.models import CalendarFeed, DatePlan
from closeknit.dates.tests.helpers import make_date
from closeknit.test import BaseTestCase

S = DatePlan.Status


class FeedTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.feed = services.regenerate_feed(self.couple, self.ana)
        self.url = reverse("dates:feed", args=[self.feed.secret])

    def parse(self) -> Calendar:
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r["Content-Type"].startswith("text/calendar"))
        return Calendar.from_ical(r.content)

    def test_it_is_a_valid_calendar_of_the_couple_dates_without_login(self) -> None:
        on = make_date(self.couple, self.ben, days=2, status=S.ACCEPTED, place="The pier")
        asked = make_date(self.couple, self.ana, days=4, title="Pottery class")
        make_date(self.couple, self.ana, days=5, status=S.CANCELLED, title="Called off")
        make_date(self.other_couple, self.cora, days=2, status=S.ACCEPTED, title="Cora's date")
        cal = self.parse()
        events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
        self.assertEqual(set(events), {f"{on.pk}@closeknit", f"{asked.pk}@closeknit"})
        event = events[f"{on.pk}@closeknit"]
        self.assertEqual(str(event["status"]), "CONFIRMED")
        self.assertEqual(str(event["location"]), "The pier")
        self.assertEqual(event.decoded("dtstart"), on.starts_at.replace(microsecond=0))
        self.assertEqual(event.decoded("dtend") - event.decoded("dtstart"), timedelta(minutes=120))
        self.assertEqual(str(events[f"{asked.pk}@closeknit"]["status"]), "TENTATIVE")

    def test_times_carry_the_couple_time_zone(self) -> None:
        on = make_date(self.couple, self.ben, days=2, status=S.ACCEPTED)
        cal = self.parse()
        self.assertEqual([str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")], ["Europe/Lisbon"])
        event = next(iter(cal.walk("VEVENT")))
        self.assertEqual(event["dtstart"].params["TZID"], "Europe/Lisbon")
        self.assertEqual(
            event.decoded("dtstart").utcoffset(),
            on.starts_at.astimezone(self.couple.tz).utcoffset(),
        )

    def test_regenerating_revokes_the_old_address(self) -> None:
        new = services.regenerate_feed(self.couple, self.ana)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("dates:feed", args=[new.secret])).status_code, 200
        )

    def test_turning_it_off_revokes_it(self) -> None:
        self.client_for(self.ana).post(reverse("dates:calendar_revoke"))
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertFalse(CalendarFeed.objects.exists())

    def test_a_guessed_secret_is_404(self) -> None:
        self.assertEqual(self.client.get(reverse("dates:feed", args=["guess"])).status_code, 404)

    def test_an_ended_couple_feed_stops(self) -> None:
        self.client_for(self.ben).post(reverse("unpair"), {"confirm": "on"})
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_only_a_digest_and_an_encrypted_copy_are_stored(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT digest, secret FROM dates_calendarfeed")
            digest, stored = cursor.fetchone()
        self.assertNotIn(self.feed.secret, digest + stored)

    def test_the_page_shows_my_address_and_makes_a_new_one(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:calendar"))
        self.assertContains(r, self.feed.secret)
        self.assertContains(r, "webcal://")
        self.client_for(self.ana).post(reverse("dates:calendar_new"))
        self.assertNotContains(
            self.client_for(self.ana).get(reverse("dates:calendar")), self.feed.secret
        )

    def test_each_partner_has_their_own_address(self) -> None:
        r = self.client_for(self.ben).get(reverse("dates:calendar"))
        self.assertNotContains(r, self.feed.secret)
        self.assertContains(r, "Create my calendar address")

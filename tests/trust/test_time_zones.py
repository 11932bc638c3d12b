"""Every time is the reader's: three couples, five zones, a daylight-saving change.

Greta (Berlin) and Noah (New York); Kenji and Yuki (Tokyo, no daylight saving);
Inês and Rui (Lisbon). In 2026 New York moves its clocks on 8 March and Berlin
and Lisbon on 29 March, so for three weeks Berlin is five hours ahead of New
York instead of six. Each test walks the same moments through pages, the API
and the export.
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.accounts.tokens import create_token
from closeknit.appreciate import services as appreciate
from closeknit.couples import invites
from closeknit.couples.models import Couple
from closeknit.nudges.models import Notification
from closeknit.nudges.schedule import run_reminders
from closeknit.support import services as support
from closeknit.talk.models import DailyQuestion, TalkTime
from closeknit.test import PASSWORD

WINTER = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # Monday: Berlin +1, New York -5
BETWEEN = datetime(2026, 3, 16, 12, 0, tzinfo=UTC)  # New York -4 already, Berlin still +1
SUMMER = datetime(2026, 3, 30, 12, 0, tzinfo=UTC)  # Berlin +2, New York -4


def person(name: str, zone: str) -> User:
    return User.objects.create_user(
        f"{name.lower()}@example.org", PASSWORD, display_name=name, timezone=zone
    )


def pair(first: User, second: User) -> Couple:
    return invites.accept_invite(invites.create_invite(first), second)


class EveryTimeIsTheReadersTestCase(TestCase):
    greta: User
    noah: User
    kenji: User
    yuki: User
    ines: User
    rui: User

    @classmethod
    def setUpTestData(cls) -> None:
        with time_machine.travel(WINTER - timedelta(days=7), tick=False):
            cls.greta, cls.noah = (
                person("Greta", "Europe/Berlin"),
                person("Noah", "America/New_York"),
            )
            cls.kenji, cls.yuki = person("Kenji", "Asia/Tokyo"), person("Yuki", "Asia/Tokyo")
            cls.ines, cls.rui = person("Inês", "Europe/Lisbon"), person("Rui", "Europe/Lisbon")
            cls.atlantic = pair(cls.greta, cls.noah)  # the couple's own zone is Greta's
            cls.tokyo = pair(cls.kenji, cls.yuki)
            cls.lisbon = pair(cls.ines, cls.rui)

    def page(self, user: User, name: str, *args: Any) -> str:
        client = Client()
        client.force_login(user)
        response = client.get(reverse(name, args=args))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def api(self, user: User, method: str, path: str, body: Any = None) -> Any:
        token = create_token(user, "tests")[1]
        return getattr(Client(), method)(
            f"/api/v1{path}",
            data=body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )

    # --- a talk time set in Berlin ------------------------------------------------------

    def test_it_shows_a_berlin_talk_time_on_each_partners_clock_across_the_change(self) -> None:
        greta = Client()
        greta.force_login(self.greta)
        with time_machine.travel(WINTER, tick=False):
            greta.post(
                reverse("talk:propose_talk_time"), {"weekday": 1, "time": "19:30", "minutes": 45}
            )
            talk_time = TalkTime.objects.get()
            self.assertEqual(talk_time.timezone, "Europe/Berlin")
            self.assertIn(
                "Tuesday, 19:30 for you, 13:30 for Noah", self.page(self.greta, "talk:talk_time")
            )
            self.assertIn(
                "Tuesday, 13:30 for you, 19:30 for Greta", self.page(self.noah, "talk:talk_time")
            )
            self.api(self.noah, "post", f"/talk/talk-time/{talk_time.pk}/accept")
            mine = self.api(self.noah, "get", "/talk/talk-time").json()[0]
            self.assertEqual(
                (mine["weekday"], mine["time"], mine["next_at"]),
                (1, "13:30:00-05:00", "2026-03-03T13:30:00-05:00"),
            )
            hers = self.api(self.greta, "get", "/talk/talk-time").json()[0]
            self.assertEqual(
                (hers["time"], hers["next_at"]), ("19:30:00+01:00", "2026-03-03T19:30:00+01:00")
            )
        with time_machine.travel(BETWEEN, tick=False):
            # New York has moved on, Berlin not yet: 19:30 in Berlin is 14:30 in New York.
            self.assertIn(
                "Tuesday, 14:30 for you, 19:30 for Greta", self.page(self.noah, "talk:talk_time")
            )
            self.assertIn(
                "Tuesday, 19:30 for you, 14:30 for Noah", self.page(self.greta, "talk:talk_time")
            )
        with time_machine.travel(SUMMER, tick=False):
            self.assertIn(
                "Tuesday, 13:30 for you, 19:30 for Greta", self.page(self.noah, "talk:talk_time")
            )
            # The half-hour reminder reaches both at 19:00 in Berlin (17:00 UTC in summer).
            before = datetime(2026, 3, 31, 16, 55, tzinfo=UTC)
            run_reminders(before)
            self.assertFalse(Notification.objects.filter(kind="talk_time").exists())
            run_reminders(datetime(2026, 3, 31, 17, 0, tzinfo=UTC))
            reminded = Notification.objects.filter(kind="talk_time")
            self.assertEqual({n.recipient for n in reminded}, {self.greta, self.noah})

    def test_the_api_reads_a_talk_time_with_its_offset_onto_the_proposers_clock(self) -> None:
        with time_machine.travel(BETWEEN, tick=False):
            # Noah sends Tuesday 14:30 at New York's offset: that is 19:30 in Berlin this week,
            # and on his own clock it stays 14:30 New York time.
            body = {"weekday": 1, "time": "14:30:00-04:00", "minutes": 30}
            created = self.api(self.noah, "post", "/talk/talk-time", body)
            self.assertEqual(created.status_code, 201, created.content)
            talk_time = TalkTime.objects.get()
            self.assertEqual(
                (talk_time.weekday, str(talk_time.time), talk_time.timezone),
                (1, "14:30:00", "America/New_York"),
            )
            self.assertEqual(created.json()["time"], "14:30:00-04:00")
            self.assertEqual(
                self.api(self.greta, "get", "/talk/talk-time").json()[0]["time"], "19:30:00+01:00"
            )

    # --- the API refuses a time without an offset -------------------------------------

    def test_the_api_refuses_a_time_without_an_offset_and_names_the_field(self) -> None:
        with time_machine.travel(WINTER, tick=False):
            naive = [
                (
                    "/dates/plans",
                    {"title": "Dinner", "starts_at": "2026-06-14T19:30"},
                    "starts_at",
                ),
                ("/talk/talk-time", {"weekday": 1, "time": "19:30"}, "time"),
            ]
            for path, body, field in naive:
                with self.subTest(path=path):
                    r = self.api(self.greta, "post", path, body)
                    self.assertEqual(r.status_code, 422)
                    self.assertEqual(r.json()["field"], field)
                    self.assertIn(
                        f"{field}: Give the time with its UTC offset", r.json()["detail"]
                    )
            self.assertFalse(TalkTime.objects.exists())
            # With an offset the same date is taken, and read back on each one's clock.
            body = {"title": "Dinner", "starts_at": "2026-06-14T19:30:00+02:00"}
            created = self.api(self.greta, "post", "/dates/plans", body)
            self.assertEqual(created.json()["starts_at"], "2026-06-14T19:30:00+02:00")
            date_id = created.json()["id"]
            theirs = self.api(self.noah, "get", f"/dates/plans/{date_id}").json()
            self.assertEqual(theirs["starts_at"], "2026-06-14T13:30:00-04:00")
            ours = self.api(self.kenji, "get", "/me").json()
            self.assertEqual(ours["timezone"], "Asia/Tokyo")

    # --- a date belongs to both: both clocks, where they differ -----------------------

    def test_a_date_shows_both_clocks_only_where_the_partners_clocks_differ(self) -> None:
        greta, ines = Client(), Client()
        greta.force_login(self.greta)
        ines.force_login(self.ines)
        form = {"title": "Tapas", "starts_at": "2026-04-04T19:30", "duration": "120"}
        with time_machine.travel(WINTER, tick=False):
            greta.post(reverse("dates:propose"), {**form, "planner": "both"})
            ines.post(reverse("dates:propose"), {**form, "planner": "both"})
            greta_date = self.atlantic_date()
            self.assertEqual(greta_date.starts_at, datetime(2026, 4, 4, 17, 30, tzinfo=UTC))
            noah_sees = self.page(self.noah, "dates:detail", greta_date.pk)
            self.assertIn("Saturday 4 April 2026, 13:30 for you, 19:30 for Greta", noah_sees)
            self.assertIn(
                "Saturday 4 April, 19:30 for you, 13:30 for Noah",
                self.page(self.greta, "dates:index"),
            )
            rui_sees = self.page(self.rui, "dates:index")
            self.assertIn("Saturday 4 April, 19:30</time>", rui_sees)
            self.assertNotIn("for Inês", rui_sees)

    def atlantic_date(self) -> Any:
        from closeknit.dates.models import DatePlan

        return DatePlan.objects.get(couple=self.atlantic)

    # --- what happened when: on the reader's clock --------------------------------------

    def test_a_support_signal_sent_at_1634_in_berlin_says_1634_to_her(self) -> None:
        for moment, hers, his in [
            (datetime(2026, 3, 2, 15, 34, tzinfo=UTC), "16:34", "10:34"),  # winter
            (datetime(2026, 3, 17, 15, 34, tzinfo=UTC), "16:34", "11:34"),  # between
            (datetime(2026, 3, 31, 14, 34, tzinfo=UTC), "16:34", "10:34"),  # summer
        ]:
            with self.subTest(moment=moment), time_machine.travel(moment, tick=False):
                signal = support.send_support(self.atlantic, self.greta, self.noah, kind="listen")
                self.assertIn(hers, self.page(self.greta, "support:index"))
                self.assertIn(his, self.page(self.noah, "support:index"))
                mine = self.api(self.greta, "get", "/checkin/support").json()[0]
                self.assertEqual(mine["created"][11:16], hers)
                self.assertEqual(
                    self.api(self.noah, "get", "/checkin/support").json()[0]["created"][11:16], his
                )
                signal.delete()

    def test_a_tokyo_journal_entry_written_on_saturday_says_saturday(self) -> None:
        saturday_morning = datetime(2026, 3, 27, 23, 0, tzinfo=UTC)  # 08:00 on Saturday in Tokyo
        with time_machine.travel(saturday_morning, tick=False):
            kenji = Client()
            kenji.force_login(self.kenji)
            kenji.post(reverse("appreciate:journal"), {"text": "Yuki's miso soup"})
            self.assertIn("Saturday 28 March 2026", self.page(self.kenji, "appreciate:journal"))
            listed = self.api(self.kenji, "get", "/appreciate/journal").json()
            self.assertEqual(listed[0]["created"], "2026-03-28T08:00:00+09:00")
            readable = self.page(self.kenji, "export_page")
            self.assertIn("28 March 2026, 08:00 JST", readable)
            download = json.loads(kenji.post(reverse("export")).content)
            entry = download["couples"][0]["appreciate"]["gratitude_journal"][0]
            self.assertEqual(datetime.fromisoformat(entry["created"]), saturday_morning)
            self.assertIsNotNone(datetime.fromisoformat(entry["created"]).utcoffset())

    def test_the_readable_export_follows_lisbons_clock_across_the_change(self) -> None:
        with time_machine.travel(datetime(2026, 3, 28, 20, 15, tzinfo=UTC), tick=False):
            appreciate.write_journal(self.lisbon, self.ines, "Before the clocks moved")
        with time_machine.travel(datetime(2026, 3, 29, 20, 15, tzinfo=UTC), tick=False):
            appreciate.write_journal(self.lisbon, self.ines, "After")
            readable = self.page(self.ines, "export_page")
        self.assertIn("28 March 2026, 20:15 WET", readable)
        self.assertIn("29 March 2026, 21:15 WEST", readable)

    # --- which day is today: each partner's own ---------------------------------------

    def test_each_partner_meets_the_question_of_their_own_day_and_at_their_own_morning(
        self,
    ) -> None:
        # 03:30 UTC on 2 March: 04:30 on Monday in Berlin, 22:30 on Sunday in New York.
        with time_machine.travel(datetime(2026, 3, 2, 3, 30, tzinfo=UTC), tick=False):
            self.page(self.greta, "talk:index")
            self.page(self.noah, "talk:index")
        days = sorted(
            str(d)
            for d in DailyQuestion.objects.filter(couple=self.atlantic).values_list(
                "date", flat=True
            )
        )
        self.assertEqual(days, ["2026-03-01", "2026-03-02"])
        # Nine in the morning, on each one's clock, before and after each change.
        for nine_berlin, nine_new_york in [
            (datetime(2026, 3, 3, 8, 5, tzinfo=UTC), datetime(2026, 3, 3, 14, 5, tzinfo=UTC)),
            (datetime(2026, 3, 17, 8, 5, tzinfo=UTC), datetime(2026, 3, 17, 13, 5, tzinfo=UTC)),
            (datetime(2026, 3, 31, 7, 5, tzinfo=UTC), datetime(2026, 3, 31, 13, 5, tzinfo=UTC)),
        ]:
            with self.subTest(day=nine_berlin.date()):
                Notification.objects.all().delete()
                run_reminders(nine_berlin - timedelta(minutes=10))
                self.assertFalse(Notification.objects.filter(recipient=self.greta).exists())
                run_reminders(nine_berlin)
                got = Notification.objects.filter(kind="daily_question")
                self.assertEqual([n.recipient for n in got], [self.greta])
                run_reminders(nine_new_york)
                noahs = got.get(recipient=self.noah)
                self.assertIn(f":{nine_new_york.date()}:", noahs.key)
                # Tokyo's partners had theirs at nine in Tokyo, not at either of these.
                self.assertFalse(got.filter(recipient__in=[self.kenji, self.yuki]).exists())

    def test_the_home_page_kept_for_a_reader_ends_at_the_readers_midnight(self) -> None:
        kenji = Client()
        kenji.force_login(self.kenji)
        kenji.cookies["csrftoken"] = "a" * 32
        # 14:50 UTC is 23:50 in Tokyo (and 15:50 in Berlin, where nothing changes).
        with time_machine.travel(datetime(2026, 3, 6, 14, 50, tzinfo=UTC), tick=False):
            first = kenji.get(reverse("home")).content.decode()
            self.assertEqual(kenji.get(reverse("home")).content.decode(), first)
        with time_machine.travel(datetime(2026, 3, 6, 15, 5, tzinfo=UTC), tick=False):
            after_midnight = kenji.get(reverse("home")).content.decode()
        self.assertIn("Saturday 7 March", after_midnight)
        self.assertNotIn("Saturday 7 March", first)

    # --- the machinery ----------------------------------------------------------------

    def test_a_request_runs_in_its_readers_zone_and_leaves_none_behind(self) -> None:
        with time_machine.travel(WINTER, tick=False):
            self.assertIn("Monday 2 March", self.page(self.kenji, "home"))
            self.assertEqual(timezone.get_current_timezone_name(), "UTC")
            anonymous = Client().get(reverse("home"))
            self.assertEqual(anonymous.status_code, 200)
            self.api(self.noah, "get", "/me")
            self.assertEqual(timezone.get_current_timezone_name(), "UTC")

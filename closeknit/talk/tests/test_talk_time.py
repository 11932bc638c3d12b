from datetime import datetime, time
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from closeknit.talk.models import TalkRating, TalkSession, TalkTime
from closeknit.test import BaseTestCase


class TalkTimeTestCase(BaseTestCase):
    def test_a_weekly_time_is_proposed_and_accepted_by_the_partner(self) -> None:
        self.client_for(self.ana).post(
            reverse("talk:propose_talk_time"), {"weekday": 6, "time": "19:30", "minutes": 30}
        )
        talk_time = TalkTime.objects.get()
        self.client_for(self.ana).post(reverse("talk:accept_talk_time", args=[talk_time.id]))
        talk_time.refresh_from_db()
        self.assertIsNone(talk_time.accepted_at)
        self.client_for(self.ben).post(reverse("talk:accept_talk_time", args=[talk_time.id]))
        talk_time.refresh_from_db()
        self.assertIsNotNone(talk_time.accepted_at)
        self.assertContains(
            self.client_for(self.ana).get(reverse("talk:talk_time")),
            "Sunday, 19:30</time></strong>, for 30 minutes",
        )

    def test_bad_times_are_refused(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("talk:propose_talk_time"),
            {"weekday": 9, "time": "25:00", "minutes": 5},
            follow=True,
        )
        self.assertContains(r, "Choose a day")
        self.assertFalse(TalkTime.objects.exists())

    def test_the_next_start_is_on_the_talk_times_own_clock(self) -> None:
        t = TalkTime(weekday=6, time=time(19, 30), minutes=30, timezone="America/New_York")
        # Sunday 23:00 UTC is Sunday 18:00 in New York: today's talk is still ahead.
        with time_machine.travel(datetime(2026, 3, 1, 23, 0, tzinfo=ZoneInfo("UTC"))):
            start = t.next_start()
        self.assertEqual(start.isoformat(), "2026-03-01T19:30:00-05:00")
        # A week on, New York has moved its clocks: still 19:30 there.
        self.assertEqual(t.next_start(start).isoformat(), "2026-03-08T19:30:00-04:00")

    def test_a_full_session_on_one_device(self) -> None:
        client = self.client_for(self.ana)
        r = client.post(
            reverse("talk:start_session"),
            {
                "kind": "listening",
                "topic_kind": "feelings",
                "topic": "",
                "first_speaker": str(self.ben.pk),
                "listen_minutes": 3,
            },
        )
        session = TalkSession.objects.get()
        self.assertRedirects(r, reverse("talk:session", args=[session.id]))
        self.assertNotEqual(session.topic, "")  # a suggested question
        page = client.get(reverse("talk:session", args=[session.id]))
        self.assertContains(page, "Ben speaks, Ana only listens")
        self.assertContains(page, 'data-timer="180"')
        # Without its script the timer still reads as a clock, not "180".
        self.assertContains(page, "<span data-timer-display>3:00</span>", html=False)
        for step in range(10):
            client.post(
                reverse("talk:session", args=[session.id]),
                {"action": "next", "note": "noted" if step == 1 else ""},
            )
        page = client.get(reverse("talk:session", args=[session.id]))
        self.assertContains(page, "How did it feel?")
        self.assertEqual(session.notes.count(), 1)
        bad = client.post(
            reverse("talk:session", args=[session.id]), {"action": "rate", "r0-understood": 6}
        )
        self.assertEqual(bad.status_code, 422)
        ratings = {
            f"r{n}-{k}": v
            for n in (0, 1)
            for k, v in [("understood", 6), ("validated", 5), ("cared", 7)]
        }
        client.post(reverse("talk:session", args=[session.id]), {"action": "rate", **ratings})
        session.refresh_from_db()
        self.assertIsNotNone(session.ended_at)
        self.assertEqual(TalkRating.objects.filter(session=session).count(), 2)
        self.assertContains(client.get(reverse("talk:talk_time")), "Ben: 6 · 5 · 7")

    def test_checking_a_blank_note_says_what_to_do(self) -> None:
        client = self.client_for(self.ana)
        start = {"kind": "listening", "topic_kind": "feelings", "topic": "", "listen_minutes": 3}
        client.post(reverse("talk:start_session"), {**start, "first_speaker": str(self.ben.pk)})
        url = reverse("talk:session", args=[TalkSession.objects.get().id])
        client.post(url, {"action": "next"})  # to the first step with a note
        r = client.post(url, {"action": "next", "note": " ", "coach": "1"})
        self.assertContains(r, "Write your note first", status_code=422)
        self.assertContains(r, "What I heard (optional)", status_code=422)  # the same step
        self.assertEqual(TalkSession.objects.get().step, 1)

    def test_escalating_questions_go_through_three_tiers(self) -> None:
        client = self.client_for(self.ben)
        client.post(
            reverse("talk:start_session"),
            {
                "kind": "escalating",
                "topic_kind": "own",
                "topic": "Us",
                "first_speaker": str(self.ana.pk),
                "listen_minutes": 3,
            },
        )
        session = TalkSession.objects.get()
        titles = []
        for _ in range(3):
            page = client.get(reverse("talk:session", args=[session.id]))
            titles.append(page.context["turn"].title)
            self.assertEqual(len(page.context["questions"]), 4)
            client.post(reverse("talk:session", args=[session.id]), {"action": "next"})
        self.assertEqual(titles, ["Round 1 of 3", "Round 2 of 3", "Round 3 of 3"])

    def test_another_couples_session_is_404(self) -> None:
        session = TalkSession.objects.create(
            couple=self.other_couple, first_speaker=self.cora, topic_kind="own"
        )
        r = self.client_for(self.ana).post(
            reverse("talk:session", args=[session.id]), {"action": "next"}
        )
        self.assertEqual(r.status_code, 404)
        session.refresh_from_db()
        self.assertEqual(session.step, 0)

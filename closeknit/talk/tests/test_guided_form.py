"""The guided talk's form: its minutes time every kind of turn, a wrong value is
explained and keeps the form, and escalating questions carry no stray topic."""

from django.http.response import HttpResponseBase
from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.talk.models import TalkSession


class GuidedFormTestCase(ApiTestCase):
    def start(self, **fields: object) -> HttpResponseBase:
        data = {
            "kind": "listening",
            "topic_kind": "feelings",
            "topic": "",
            "first_speaker": str(self.ana.pk),
            "listen_minutes": "",
            **fields,
        }
        return self.client_for(self.ana).post(reverse("talk:start_session"), data)

    def first_step(self, session: TalkSession) -> str:
        page = self.client_for(self.ana).get(reverse("talk:session", args=[session.id]))
        return page.content.decode()

    def test_the_stress_talk_is_timed_by_the_minutes_chosen(self) -> None:
        self.start(kind="stress", listen_minutes="10")
        session = TalkSession.objects.get()
        self.assertEqual(session.listen_minutes, 10)
        self.assertIn('data-timer="600"', self.first_step(session))

    def test_left_empty_each_kind_gets_its_own_minutes(self) -> None:
        for kind, minutes in (("listening", 3), ("stress", 15)):
            with self.subTest(kind=kind):
                self.start(kind=kind)
                session = TalkSession.objects.latest("started_at")
                self.assertEqual(session.listen_minutes, minutes)
                self.assertIn(f'data-timer="{minutes * 60}"', self.first_step(session))

    def test_a_wrong_value_is_explained_under_its_field_and_the_form_is_kept(self) -> None:
        for wrong, message in (("45", "Each turn is 1 to 30 minutes."), ("ten", "whole number")):
            with self.subTest(wrong=wrong):
                r = self.start(kind="stress", topic="Work this week", listen_minutes=wrong)
                self.assertContains(r, message, status_code=422)
                self.assertContains(r, "Work this week", status_code=422)
                self.assertContains(r, '<option value="stress" selected>', status_code=422)
        self.assertFalse(TalkSession.objects.exists())

    def test_escalating_questions_get_no_suggested_topic(self) -> None:
        self.start(kind="escalating")
        session = TalkSession.objects.get()
        self.assertEqual(session.topic, "")
        self.assertNotIn("Topic:", self.first_step(session))

    def test_the_api_follows_the_same_rules(self) -> None:
        stress = {"kind": "stress", "topic_kind": "family"}
        s = self.api("post", "/talk/sessions", self.ana, stress)
        self.assertEqual(s.status_code, 201, s.content)
        session = TalkSession.objects.get(pk=s.json()["id"])
        self.assertEqual(session.listen_minutes, 15)
        self.assertNotEqual(session.topic, "")  # a suggested question, as on the page
        body = {"kind": "listening", "topic_kind": "family", "listen_minutes": 45}
        r = self.api("post", "/talk/sessions", self.ana, body)
        self.assertEqual(r.status_code, 422, r.content)
        self.assertEqual(r.json()["detail"], "Each turn is 1 to 30 minutes.")
        escalating = {"kind": "escalating", "topic_kind": "own"}
        e = self.api("post", "/talk/sessions", self.ana, escalating)
        self.assertEqual(TalkSession.objects.get(pk=e.json()["id"]).topic, "")

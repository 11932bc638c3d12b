import re

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from closeknit.nudges.notify import notify
from closeknit.talk import prompts
from closeknit.test import BaseTestCase


class HomePageCacheTestCase(BaseTestCase):
    """The home page is kept per person and device, and never outlives a write."""

    def setUp(self) -> None:
        cache.clear()
        self.question = prompts.todays_question(self.couple)

    def warm(self, client: Client) -> None:
        """A first visit gives the browser its CSRF cookie; the second is kept."""
        client.get(reverse("home"))
        client.get(reverse("home"))

    def answer(self, user_client: Client, text: str) -> None:
        r = user_client.put(
            f"/api/v1/talk/questions/{self.question.pk}/answer",
            {"text": text},
            content_type="application/json",
        )
        self.assertEqual(r.status_code, 200)

    def test_a_kept_visit_costs_no_query(self) -> None:
        ana = self.client_for(self.ana)
        with CaptureQueriesContext(connection) as first:
            ana.get(reverse("home"))
        rendered = len(first)  # now: the next request starts a new query log
        ana.get(reverse("home"))
        with CaptureQueriesContext(connection) as kept:
            r = ana.get(reverse("home"))
        self.assertContains(r, escape(self.question.prompt.text))
        self.assertContains(r, "Appreciate Ben")
        self.assertGreater(rendered, 8)
        self.assertEqual(len(kept), 0)  # the session and the user's row come from the cache

    def test_the_partners_answer_shows_on_the_next_visit(self) -> None:
        ana, ben = self.client_for(self.ana), self.client_for(self.ben)
        self.assertContains(ana.get(reverse("home")), "Answer</a>")
        self.answer(ben, "The sea at dawn.")
        self.assertContains(ana.get(reverse("home")), "Ben has answered.")
        self.answer(ana, "Our first flat.")
        self.assertContains(ana.get(reverse("home")), "You've both answered.")

    def test_each_person_gets_their_own_cards(self) -> None:
        ana, ben = self.client_for(self.ana), self.client_for(self.ben)
        self.answer(ana, "Our first flat.")
        self.assertContains(ana.get(reverse("home")), "You've answered.")
        # Ben has not answered: he never gets Ana's cached "you've answered".
        r = ben.get(reverse("home"))
        self.assertContains(r, "Ana has answered.")
        self.assertNotContains(r, "You've answered.")

    def test_a_write_by_another_couple_changes_nothing_here(self) -> None:
        ana = self.client_for(self.ana)
        self.warm(ana)
        cora = self.client_for(self.cora)
        other = prompts.todays_question(self.other_couple)
        cora.put(
            f"/api/v1/talk/questions/{other.pk}/answer",
            {"text": "Mountains."},
            content_type="application/json",
        )
        with CaptureQueriesContext(connection) as after:
            ana.get(reverse("home"))
        self.assertLessEqual(len(after), 1)

    def test_the_coach_reading_a_reply_keeps_the_page(self) -> None:
        # The live coach posts while someone types; it stores nothing.
        ana = self.client_for(self.ana)
        self.warm(ana)
        ana.post(reverse("coach"), {"text": "I hear you, but you always do this."})
        ana.post("/api/v1/coach", {"text": "That sounds hard."}, content_type="application/json")
        with CaptureQueriesContext(connection) as after:
            ana.get(reverse("home"))
        self.assertLessEqual(len(after), 1)

    def test_a_form_in_a_kept_page_passes_the_csrf_check_on_each_device(self) -> None:
        from closeknit.rituals import services

        ritual = services.add_own_ritual(self.couple, self.ana, title="Six-second kiss")
        # Ana's phone keeps its page; her laptop (another CSRF secret) gets its own.
        phone, ana = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        phone.force_login(self.ana)
        self.warm(phone)
        ana.force_login(self.ana)
        self.warm(ana)
        with CaptureQueriesContext(connection) as kept_visit:
            cached = ana.get(reverse("home")).content.decode()
        self.assertLessEqual(len(kept_visit), 1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', cached)
        assert token is not None
        r = ana.post(
            reverse("rituals:done", args=[ritual.pk]),
            {
                "csrfmiddlewaretoken": token.group(1),
                "day": self.couple.today().isoformat(),
                "from": "home",
                "done": "1",
            },
        )
        self.assertEqual(r.status_code, 302)
        # The write made the card stale: the ritual now shows as done.
        self.assertContains(ana.get(reverse("home")), 'aria-pressed="true"')

    def test_a_partners_new_name_shows_on_the_next_visit(self) -> None:
        ana = self.client_for(self.ana)
        self.warm(ana)
        self.assertContains(ana.get(reverse("home")), "Appreciate Ben")
        r = self.client_for(self.ben).post(
            reverse("settings"), {"display_name": "Benji", "timezone": "Europe/Lisbon"}
        )
        self.assertEqual(r.status_code, 302)
        self.assertContains(ana.get(reverse("home")), "Appreciate Benji")

    def test_a_notification_from_the_worker_shows_on_the_badge(self) -> None:
        ana = self.client_for(self.ana)
        self.warm(ana)
        self.assertNotContains(ana.get(reverse("home")), "1 unread")
        with self.captureOnCommitCallbacks(execute=True):
            notify(self.ana, "checkin", "/check-in/", key="reminder", partner=self.ben)
        self.assertContains(ana.get(reverse("home")), "1 unread")

    def test_a_visit_with_a_message_to_show_is_never_served_kept(self) -> None:
        ana = self.client_for(self.ana)
        self.warm(ana)
        ana.post(reverse("settings"), {"display_name": "Ana", "timezone": "Europe/Lisbon"})
        self.assertContains(ana.get(reverse("home")), "Your profile is saved.")
        self.assertNotContains(ana.get(reverse("home")), "Your profile is saved.")

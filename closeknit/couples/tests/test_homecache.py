import re

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from closeknit.talk import prompts
from closeknit.test import BaseTestCase


class HomeCardsCacheTestCase(BaseTestCase):
    """The home page's cards are cached per person and never outlive a write."""

    def setUp(self) -> None:
        cache.clear()
        self.question = prompts.todays_question(self.couple)

    def answer(self, user_client: Client, text: str) -> None:
        r = user_client.put(
            f"/api/v1/talk/questions/{self.question.pk}/answer",
            {"text": text},
            content_type="application/json",
        )
        self.assertEqual(r.status_code, 200)

    def test_a_second_visit_renders_no_cards_again(self) -> None:
        ana = self.client_for(self.ana)
        with CaptureQueriesContext(connection) as first:
            ana.get(reverse("home"))
        with CaptureQueriesContext(connection) as second:
            r = ana.get(reverse("home"))
        self.assertContains(r, escape(self.question.prompt.text))
        self.assertLess(len(second), len(first))

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
        ana.get(reverse("home"))
        cora = self.client_for(self.cora)
        other = prompts.todays_question(self.other_couple)
        cora.put(
            f"/api/v1/talk/questions/{other.pk}/answer",
            {"text": "Mountains."},
            content_type="application/json",
        )
        with CaptureQueriesContext(connection) as again:
            ana.get(reverse("home"))
        with CaptureQueriesContext(connection) as cached:
            ana.get(reverse("home"))
        self.assertEqual(len(again), len(cached))

    def test_a_form_in_a_cached_card_still_passes_the_csrf_check(self) -> None:
        from closeknit.rituals import services

        ritual = services.add_own_ritual(self.couple, self.ana, title="Six-second kiss")
        # Ana's phone fills the cache; her laptop (another CSRF secret) reads it.
        phone, ana = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        phone.force_login(self.ana)
        phone.get(reverse("home"))
        ana.force_login(self.ana)
        with CaptureQueriesContext(connection) as cached_visit:
            cached = ana.get(reverse("home")).content.decode()
        self.assertLess(len(cached_visit), 8)
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
        self.assertContains(ana.get(reverse("home")), "Appreciate Ben")
        self.ben.display_name = "Benji"
        self.ben.save()
        self.assertContains(ana.get(reverse("home")), "Appreciate Benji")

    def test_a_row_written_outside_a_request_makes_the_cards_stale(self) -> None:
        from closeknit.talk import services

        ana = self.client_for(self.ana)
        ana.get(reverse("home"))
        services.answer_question(self.question, self.ben, "Written by the worker.")
        self.assertContains(ana.get(reverse("home")), "Ben has answered.")

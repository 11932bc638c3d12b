from django.core.cache import cache
from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.appreciate.models import Appreciation
from closeknit.lib.ratelimit import RATES
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase, one_rate_window

NEW = reverse("appreciate:new")
WALL = reverse("appreciate:index")
GOOD = {
    "did": "You made me coffee before my early meeting",
    "felt": "I walked in calmer",
    "shows": "It shows how thoughtful you are",
}


class SendTestCase(BaseTestCase):
    def test_it_sends_an_appreciation_in_three_parts(self) -> None:
        r = self.client_for(self.ana).post(NEW, GOOD)
        self.assertRedirects(r, WALL)
        a = Appreciation.objects.get()
        self.assertEqual(
            (a.author, a.recipient, a.did, a.felt, a.shows),
            (self.ana, self.ben, GOOD["did"], GOOD["felt"], GOOD["shows"]),
        )
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.text, "Ana sent you an appreciation.")
        self.assertEqual(note.url, reverse("appreciate:detail", args=[a.id]))

    def test_a_missing_part_is_explained_and_nothing_is_lost(self) -> None:
        r = self.client_for(self.ana).post(NEW, {**GOOD, "felt": ""})
        self.assertContains(r, "Say how it affected you.", status_code=422)
        self.assertContains(r, GOOD["did"], status_code=422)
        self.assertFalse(Appreciation.objects.exists())

    def test_checking_with_the_coach_sends_nothing_and_keeps_the_draft(self) -> None:
        draft = {"did": "Everything", "felt": "", "shows": "The dinner was great", "coach": "1"}
        r = self.client_for(self.ana).post(NEW, draft)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Name one moment: what did Ben do, and when?")
        self.assertContains(r, "Praise Ben, not only the act")
        self.assertContains(r, "The dinner was great")
        self.assertNotContains(r, "Say how it affected you.")  # not an error: just a check
        self.assertFalse(Appreciation.objects.exists())
        self.assertFalse(Notification.objects.exists())

    def test_the_live_coach_answers_with_hints_only(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("appreciate:coach"), {**GOOD, "did": "stuff"}, headers={"HX-Request": "true"}
        )
        self.assertContains(r, "Name one moment")
        self.assertContains(r, "You named a quality of theirs: thoughtful.")
        self.assertNotContains(r, "<html")
        self.assertFalse(Appreciation.objects.exists())


class WallTestCase(BaseTestCase):
    def send(self, author: User | None = None, **kw: object) -> Appreciation:
        author = author or self.ana
        recipient = self.ben if author == self.ana else self.ana
        return Appreciation.objects.create(
            couple=self.couple, author=author, recipient=recipient, **{**GOOD, **kw}
        )

    def test_both_partners_see_the_wall(self) -> None:
        self.send(did="Ana's words")
        self.send(self.ben, did="Ben's words")
        for user in (self.ana, self.ben):
            r = self.client_for(user).get(WALL)
            self.assertContains(r, "Ana&#x27;s words")
            self.assertContains(r, "Ben&#x27;s words")
        r = self.client_for(self.ben).get(WALL)
        self.assertContains(r, "From Ana to you")

    def test_the_recipient_reacts_and_the_author_sees_it(self) -> None:
        a = self.send()
        r = self.client_for(self.ben).post(
            reverse("appreciate:react", args=[a.id]), {"reaction": "hug"}
        )
        self.assertRedirects(r, reverse("appreciate:detail", args=[a.id]))
        a.refresh_from_db()
        self.assertEqual(a.reaction, "hug")
        r = self.client_for(self.ana).get(WALL)
        self.assertContains(r, "Ben reacted: 🤗 Sending a hug")

    def test_reacting_over_htmx_returns_the_card(self) -> None:
        a = self.send()
        r = self.client_for(self.ben).post(
            reverse("appreciate:react", args=[a.id]),
            {"reaction": "loved"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(r, f'id="a-{a.id}"')
        self.assertContains(r, 'aria-pressed="true">❤️ Loved it')
        self.assertNotContains(r, "<html")

    def test_the_author_cannot_react_to_their_own(self) -> None:
        a = self.send()
        self.client_for(self.ana).post(
            reverse("appreciate:react", args=[a.id]), {"reaction": "hug"}
        )
        a.refresh_from_db()
        self.assertEqual(a.reaction, "")

    def test_another_couple_gets_404_everywhere(self) -> None:
        a = self.send()
        client = self.client_for(self.cora)
        self.assertEqual(client.get(reverse("appreciate:detail", args=[a.id])).status_code, 404)
        r = client.post(reverse("appreciate:react", args=[a.id]), {"reaction": "hug"})
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(client.get(WALL), GOOD["did"])

    def test_the_wall_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ana)
        self.send()
        client.get(WALL)  # the first visit keeps the user's row
        with self.assertNumQueries(4):
            client.get(WALL)
        for i in range(40):
            self.send(self.ben if i % 2 else self.ana, reaction="hug")
        with self.assertNumQueries(4):
            client.get(WALL)

    def test_the_home_card_shows_the_latest_received(self) -> None:
        self.send(shows="It shows how brave you are")
        r = self.client_for(self.ben).get(reverse("home"))
        self.assertContains(r, "It shows how brave you are")
        r = self.client_for(self.ana).get(reverse("home"))
        self.assertNotContains(r, "It shows how brave you are")


class AppreciationRateLimitTestCase(BaseTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_page_is_rate_limited_like_the_api(self) -> None:
        client = self.client_for(self.ana)
        limit = int(RATES["appreciations"].split("/")[0])
        with one_rate_window():
            for _ in range(limit):
                self.assertEqual(client.post(reverse("appreciate:new"), GOOD).status_code, 302)
            r = client.post(reverse("appreciate:new"), GOOD)
        self.assertContains(r, "Too many requests", status_code=429)
        self.assertEqual(Appreciation.objects.count(), limit)

    def test_the_coach_button_counts_like_the_live_coach(self) -> None:
        client = self.client_for(self.ana)
        limit = int(RATES["appreciation-coach"].split("/")[0])
        with one_rate_window():
            for _ in range(limit):
                self.assertEqual(client.post(reverse("appreciate:coach"), GOOD).status_code, 200)
            r = client.post(reverse("appreciate:new"), {**GOOD, "coach": "1"})
        self.assertContains(r, "Too many requests", status_code=429)

from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from closeknit.private import services
from closeknit.private.models import Evening, Item, TryNext
from closeknit.private.tests.helpers import answer, open_list
from closeknit.talk import services as talk_services
from closeknit.test import BaseTestCase

BOTH = {"affection-001": "yes", "aftercare-001": "yes", "aftercare-002": "maybe"}


class TryNextTestCase(BaseTestCase):
    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **BOTH)
        answer(self.couple, self.ben, **BOTH)
        self.item = Item.objects.get(key="affection-001")

    def test_either_puts_a_mutual_item_on_the_list_and_both_see_it_then_mark_it_tried(
        self,
    ) -> None:
        r = self.client_for(self.ana).post(
            reverse("private:try_next_add"), {"item": str(self.item.pk)}
        )
        self.assertRedirects(r, reverse("private:index") + "#try-next")
        entry = TryNext.objects.get(couple=self.couple)
        r = self.client_for(self.ben).get(reverse("private:index"))
        self.assertContains(r, "on your try-next list")
        self.client_for(self.ben).post(reverse("private:try_next_tried", args=[entry.pk]))
        entry.refresh_from_db()
        self.assertIsNotNone(entry.tried_at)
        self.assertContains(
            self.client_for(self.ana).get(reverse("private:index")), "Tried together (1)"
        )

    def test_removing_from_the_list(self) -> None:
        entry = services.add_try_next(self.couple, self.item)
        self.client_for(self.ben).post(reverse("private:try_next_remove", args=[entry.pk]))
        self.assertFalse(TryNext.objects.exists())

    def test_another_couple_gets_404(self) -> None:
        entry = services.add_try_next(self.couple, self.item)
        open_list(self.other_couple, self.cora, self.dev)
        r = self.client_for(self.cora).post(reverse("private:try_next_remove", args=[entry.pk]))
        self.assertEqual(r.status_code, 404)
        r = self.client_for(self.cora).post(
            reverse("private:try_next_add"), {"item": str(self.item.pk)}
        )
        self.assertEqual(r.status_code, 404)
        self.assertTrue(TryNext.objects.filter(pk=entry.pk).exists())

    def test_the_page_renders_in_constant_queries(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as ctx:
                self.client_for(self.ana).get(reverse("private:index"))
            return len(ctx.captured_queries)

        small = count()
        everything = {item.key: "yes" for item in Item.objects.all()}
        answer(self.couple, self.ana, **everything)
        answer(self.couple, self.ben, **everything)
        for item in Item.objects.all()[:20]:
            services.add_try_next(self.couple, item)
        services.mark_evening(self.couple)
        self.assertEqual(count(), small)


class AftercareTestCase(BaseTestCase):
    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **BOTH)
        answer(self.couple, self.ben, **{"aftercare-001": "yes", "aftercare-002": "no"})

    def test_a_marked_evening_brings_both_a_discreet_in_app_reminder_with_mutual_aftercare(
        self,
    ) -> None:
        self.client_for(self.ana).post(reverse("private:evening"))
        for user in [self.ana, self.ben]:
            r = self.client_for(user).get(reverse("private:index"))
            self.assertContains(r, "Look after each other")
            self.assertContains(r, Item.objects.get(key="aftercare-001").text.capitalize())
            self.assertNotContains(r, Item.objects.get(key="aftercare-002").text)
            home = self.client_for(user).get(reverse("home"))
            self.assertContains(home, "Look after each other")
            self.assertNotContains(home, Item.objects.get(key="aftercare-001").text)

    def test_each_puts_the_reminder_away_for_themself(self) -> None:
        services.mark_evening(self.couple)
        evening = Evening.objects.get()
        r = self.client_for(self.ben).post(
            reverse("private:dismiss", args=[evening.pk]), {"from": "home"}
        )
        self.assertRedirects(r, reverse("home"), fetch_redirect_response=False)
        self.assertNotContains(
            self.client_for(self.ben).get(reverse("home")), "Look after each other"
        )
        self.assertContains(
            self.client_for(self.ana).get(reverse("home")), "Look after each other"
        )

    def test_the_reminder_fades_after_a_day(self) -> None:
        services.mark_evening(self.couple)
        with time_machine.travel(timezone.now() + timedelta(hours=25)):
            self.assertNotContains(
                self.client_for(self.ana).get(reverse("private:index")), "Look after each other"
            )

    def test_no_reminder_on_home_once_opted_out(self) -> None:
        services.mark_evening(self.couple)
        services.opt_out(self.couple, self.ana)
        self.assertNotContains(
            self.client_for(self.ben).get(reverse("home")), "Look after each other"
        )

    def test_another_couple_cannot_dismiss(self) -> None:
        evening = services.mark_evening(self.couple)
        open_list(self.other_couple, self.cora, self.dev)
        r = self.client_for(self.cora).post(reverse("private:dismiss", args=[evening.pk]))
        self.assertEqual(r.status_code, 404)


class WordingTestCase(BaseTestCase):
    """The list is never named where others might glance: titles, home, the Us page.

    (Some items' own wording mentions a bedroom; they only show inside the list.)
    """

    def test_no_title_card_or_link_names_it(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **BOTH)
        answer(self.couple, self.ben, **BOTH)
        services.mark_evening(self.couple)
        # Today's question is on the home page and drawn at random; one library
        # question asks about a childhood bedroom. A couple's own comes first.
        talk_services.add_prompt(
            self.couple, self.ana, "What made you laugh today?", "fun", "light"
        )
        client = self.client_for(self.ana)

        def title(url: str) -> str:
            return client.get(url).content.decode().split("<title>")[1].split("</title>")[0]

        for url in [
            reverse("private:index"),
            reverse("private:answer"),
            reverse("private:opt_out"),
        ]:
            self.assertEqual(title(url), "Just us · Closeknit")
        for url in [reverse("home"), reverse("us")]:
            body = client.get(url).content.decode().lower()
            self.assertIn("just us", body)  # the reminder card, the link
            self.assertNotIn("bedroom", body.replace("/private/", ""))
            self.assertNotIn("bedroom", title(url).lower())
        services.opt_out(self.couple, self.ana)
        body = client.get(reverse("private:index")).content.decode().lower()
        self.assertNotIn("bedroom", body)

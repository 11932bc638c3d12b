from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from closeknit.fun import selectors, services
from closeknit.fun.models import InsideJoke, Show
from closeknit.test import BaseTestCase


class ShowsTestCase(BaseTestCase):
    def test_shows_move_from_want_to_watching_to_watched(self) -> None:
        self.client_for(self.ana).post(
            reverse("fun:show_add"), {"title": "Slow Horses", "status": "want"}
        )
        show = Show.objects.get(couple=self.couple)
        self.client_for(self.ben).post(
            reverse("fun:show_status", args=[show.pk]), {"status": "watching"}
        )
        show.refresh_from_db()
        self.assertEqual(show.status, "watching")
        r = self.client_for(self.ben).get(reverse("fun:index"))
        self.assertContains(r, "Slow Horses")

    def test_a_bad_status_is_explained(self) -> None:
        show = services.add_show(self.couple, self.ana, "Film")
        r = self.client_for(self.ben).post(
            reverse("fun:show_status", args=[show.pk]), {"status": "binged"}, follow=True
        )
        self.assertContains(r, "Choose want to watch, watching or watched.")
        show.refresh_from_db()
        self.assertEqual(show.status, "want")

    def test_an_empty_title_keeps_nothing_and_says_so(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("fun:show_add"), {"title": "", "status": "want"}
        )
        self.assertContains(r, "Name the show or film.", status_code=422)
        self.assertFalse(Show.objects.exists())

    def test_another_couple_gets_404(self) -> None:
        show = services.add_show(self.couple, self.ana, "Ours")
        for name in ["show_status", "show_remove"]:
            r = self.client_for(self.cora).post(
                reverse(f"fun:{name}", args=[show.pk]), {"status": "done"}
            )
            self.assertEqual(r.status_code, 404)
        show.refresh_from_db()
        self.assertEqual(show.status, "want")
        self.assertNotContains(self.client_for(self.cora).get(reverse("fun:index")), "Ours")


class JarTestCase(BaseTestCase):
    def test_jokes_go_into_the_jar_encrypted_and_come_out_at_random(self) -> None:
        self.client_for(self.ana).post(reverse("fun:joke_add"), {"text": "The goose incident"})
        joke = InsideJoke.objects.get(couple=self.couple)
        self.assertEqual(joke.added_by, self.ana)
        r = self.client_for(self.ben).get(reverse("fun:joke_pick"), headers={"HX-Request": "true"})
        self.assertContains(r, "The goose incident")
        self.assertNotContains(r, "<html")
        r = self.client_for(self.ben).get(reverse("fun:joke_pick"))
        self.assertContains(r, "The goose incident")
        self.assertContains(r, "<html")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT text FROM dates_insidejoke")
            self.assertNotIn("goose", cursor.fetchone()[0])

    def test_an_empty_jar_says_so(self) -> None:
        r = self.client_for(self.ben).get(reverse("fun:joke_pick"), headers={"HX-Request": "true"})
        self.assertContains(r, "The jar is empty.")

    def test_another_one_prefers_a_different_joke(self) -> None:
        first = services.add_joke(self.couple, self.ana, "one")
        services.add_joke(self.couple, self.ana, "two")
        for _ in range(5):
            r = self.client_for(self.ben).get(reverse("fun:joke_pick"), {"after": str(first.pk)})
            self.assertEqual(r.context["picked"].text, "two")

    def test_only_the_author_takes_a_joke_out(self) -> None:
        joke = services.add_joke(self.couple, self.ana, "mine")
        r = self.client_for(self.ben).post(reverse("fun:joke_remove", args=[joke.pk]))
        self.assertEqual(r.status_code, 404)
        self.client_for(self.ana).post(reverse("fun:joke_remove", args=[joke.pk]))
        self.assertFalse(InsideJoke.objects.exists())

    def test_another_couple_never_sees_our_jokes(self) -> None:
        services.add_joke(self.couple, self.ana, "ours only")
        r = self.client_for(self.cora).get(reverse("fun:joke_pick"))
        self.assertNotContains(r, "ours only")
        self.assertNotContains(self.client_for(self.cora).get(reverse("fun:index")), "ours only")


class LongHistoryTestCase(BaseTestCase):
    """A page, not the whole collection: the same queries with five shows or eighty."""

    def grow(self, n: int) -> None:
        Show.objects.bulk_create(
            Show(couple=self.couple, title=f"Show {i}", status=Show.Status.values[i % 3])
            for i in range(n)
        )
        InsideJoke.objects.bulk_create(
            InsideJoke(couple=self.couple, text=f"joke {i}", added_by=self.ana) for i in range(n)
        )

    def queries(self) -> int:
        client = self.client_for(self.ana)
        client.get(reverse("fun:index"))  # warm
        with CaptureQueriesContext(connection) as seen:
            self.assertEqual(client.get(reverse("fun:index")).status_code, 200)
        return len(seen)

    def test_the_page_reads_one_page_of_shows_and_of_jokes(self) -> None:
        self.grow(5)
        few = self.queries()
        self.grow(75)
        self.assertEqual(self.queries(), few)
        r = self.client_for(self.ana).get(reverse("fun:index"), {"page": 3, "jokes": 4})
        self.assertContains(r, "Page 3 of 3")
        self.assertContains(r, "Page 4 of 4")
        self.assertContains(r, "?jokes=3")
        self.assertEqual(len(r.context["page"].object_list), 20)

    def test_pulling_a_joke_costs_the_same_however_full_the_jar(self) -> None:
        self.grow(80)
        with CaptureQueriesContext(connection) as seen:
            joke = selectors.random_joke(self.couple)
        self.assertIsNotNone(joke)
        self.assertLessEqual(len(seen), 2)

from datetime import timedelta

from django.urls import reverse

from closeknit.rituals import services
from closeknit.rituals.models import CoupleRitual, Ritual, RitualMark
from closeknit.test import BaseTestCase


class RemoveRitualTestCase(BaseTestCase):
    """Taking a ritual off the list asks once, counting the ticked days that go."""

    def setUp(self) -> None:
        kiss = Ritual.objects.get(key="ritual-01")
        self.ritual = services.choose_ritual(self.couple, self.ana, kiss)
        today = self.couple.today()
        for back in range(3):
            day = today - timedelta(days=back)
            services.set_ritual_done(self.couple, self.ritual, self.ana, day, True)
        self.url = reverse("rituals:remove", args=[self.ritual.pk])

    def test_the_list_links_to_the_question(self) -> None:
        r = self.client_for(self.ana).get(reverse("rituals:index"))
        self.assertContains(r, f'href="{self.url}"')

    def test_it_asks_once_saying_what_goes(self) -> None:
        r = self.client_for(self.ben).get(self.url)
        self.assertContains(r, f"<title>Take “{self.ritual.title}” off your list? · Closeknit")
        self.assertContains(r, f"<h1>Take “{self.ritual.title}” off your list?</h1>")
        self.assertContains(r, "the 3 days you ticked, for both of you")
        self.assertContains(r, "Ana will no longer see it.")
        self.assertContains(r, 'name="confirm" value="yes"')
        self.assertContains(r, f'href="{reverse("rituals:index")}" role="button"')
        self.assertTrue(CoupleRitual.objects.filter(pk=self.ritual.pk).exists())

    def test_a_ritual_never_ticked_says_so_without_a_count(self) -> None:
        RitualMark.objects.all().delete()
        r = self.client_for(self.ana).get(self.url)
        self.assertContains(r, "What goes: the ritual, for both of you.")

    def test_the_confirmed_post_removes_it_and_its_days(self) -> None:
        r = self.client_for(self.ben).post(self.url, {"confirm": "yes"})
        self.assertRedirects(r, reverse("rituals:index"))
        self.assertFalse(CoupleRitual.objects.filter(pk=self.ritual.pk).exists())
        self.assertFalse(RitualMark.objects.exists())

    def test_a_post_without_the_confirmation_only_asks(self) -> None:
        r = self.client_for(self.ben).post(self.url)
        self.assertContains(r, "the 3 days you ticked")
        self.assertTrue(CoupleRitual.objects.filter(pk=self.ritual.pk).exists())
        self.assertEqual(RitualMark.objects.count(), 3)

    def test_another_couple_gets_404(self) -> None:
        client = self.client_for(self.cora)
        self.assertEqual(client.get(self.url).status_code, 404)
        self.assertEqual(client.post(self.url, {"confirm": "yes"}).status_code, 404)
        self.assertTrue(CoupleRitual.objects.filter(pk=self.ritual.pk).exists())

    def test_it_counts_only_this_rituals_days(self) -> None:
        other = services.add_own_ritual(self.couple, self.ben, title="Sunday walk")
        services.set_ritual_done(self.couple, other, self.ben, self.couple.today(), True)
        r = self.client_for(self.ana).get(self.url)
        self.assertContains(r, "the 3 days you ticked")

    def test_an_htmx_post_without_the_confirmation_only_asks_too(self) -> None:
        r = self.client_for(self.ben).post(self.url, headers={"HX-Request": "true"})
        self.assertContains(r, "Take “Six-second kiss” off your list?")
        self.assertTrue(CoupleRitual.objects.filter(pk=self.ritual.pk).exists())

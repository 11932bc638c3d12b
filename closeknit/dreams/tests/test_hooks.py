import json

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dreams import demo, export, services
from closeknit.dreams.models import Celebration, Dream, Pledge
from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def test_the_export_holds_own_dreams_and_shared_ones_never_the_partner_private(self) -> None:
        services.create_dream(self.couple, self.ana, title="Ana private")
        shared = services.create_dream(
            self.couple, self.ben, title="Ben shared", visibility="shared"
        )
        services.create_dream(self.couple, self.ben, title="Ben private")
        services.pledge(shared, self.ana, "Ana's pledge")
        titles = [d["title"] for d in export.section(self.ana, self.couple)]
        self.assertEqual(sorted(titles), ["Ana private", "Ben shared"])
        r = self.client_for(self.ana).post(reverse("export"))
        self.assertNotIn("Ben private", r.content.decode())
        self.assertIn(
            "Ana's pledge",
            json.loads(r.content)["couples"][0]["dreams"][1]["pledges"][0]["message"],
        )


class HomeCardTestCase(BaseTestCase):
    def test_a_waiting_celebration_shows_on_the_partner_home(self) -> None:
        dream = services.create_dream(self.couple, self.ana, title="Marathon", visibility="shared")
        milestone = services.add_milestone(dream, self.ana, "First 10k")
        self.assertNotContains(
            self.client_for(self.ben).get(reverse("home")), "Something to celebrate"
        )
        services.reach_milestone(milestone, self.ana, self.ben)
        r = self.client_for(self.ben).get(reverse("home"))
        self.assertContains(r, "Something to celebrate")
        self.assertContains(r, reverse("dreams:celebrate", args=[milestone.pk]))
        self.assertNotContains(
            self.client_for(self.ana).get(reverse("home")), "Something to celebrate"
        )


class DemoTestCase(BaseTestCase):
    def test_it_seeds_a_shared_dream_with_a_pledge_and_a_celebrated_milestone(self) -> None:
        couple = Couple.objects.create(timezone="Europe/Lisbon")
        a, b = User.objects.create_user("a@x.org", "x"), User.objects.create_user("b@x.org", "x")
        demo.seed(couple, a, b)
        shared = Dream.objects.get(couple=couple, author=a)
        self.assertTrue(shared.is_shared)
        self.assertTrue(Pledge.objects.filter(dream=shared, supporter=b).exists())
        self.assertTrue(Celebration.objects.filter(milestone__dream=shared, author=b).exists())

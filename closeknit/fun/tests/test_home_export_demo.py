from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.fun import demo, export, services
from closeknit.fun.models import InsideJoke, Show
from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def test_it_exports_shows_and_jokes(self) -> None:
        services.add_show(self.couple, self.ana, "Slow Horses")
        services.add_joke(self.couple, self.ben, "goose")
        data = export.section(self.ana, self.couple)
        self.assertEqual(data["shows"][0]["title"], "Slow Horses")
        self.assertEqual(data["inside_jokes"][0]["text"], "goose")

    def test_the_whole_export_has_a_fun_section(self) -> None:
        services.add_joke(self.other_couple, self.cora, "Cora's secret joke")
        r = self.client_for(self.ana).post(reverse("export"))
        self.assertIn("fun", r.json()["couples"][0])
        self.assertNotIn("Cora's secret joke", r.content.decode())


class DemoTestCase(BaseTestCase):
    def test_it_seeds_shows_and_jokes(self) -> None:
        couple = Couple.objects.create(timezone="Europe/Lisbon")
        a, b = User.objects.create_user("a@x.org", "x"), User.objects.create_user("b@x.org", "x")
        demo.seed(couple, a, b)
        self.assertEqual(Show.objects.filter(couple=couple).count(), 3)
        self.assertEqual(InsideJoke.objects.filter(couple=couple).count(), 2)

from django.urls import reverse

from closeknit.accounts.export import export_for
from closeknit.support import demo
from closeknit.support.models import SupportSignal
from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def test_the_export_has_both_partners_signals(self) -> None:
        SupportSignal.objects.create(couple=self.couple, author=self.ana, kind="listen")
        SupportSignal.objects.create(couple=self.other_couple, author=self.cora, kind="space")
        data = export_for(self.ana)["couples"][0]["support"]
        self.assertEqual([s["mine"] for s in data["support_signals"]], [True])
        data = export_for(self.ben)["couples"][0]["support"]
        self.assertEqual([s["mine"] for s in data["support_signals"]], [False])


class HomeCardTestCase(BaseTestCase):
    def test_it_comes_before_the_check_in_and_only_for_the_partner(self) -> None:
        SupportSignal.objects.create(couple=self.couple, author=self.ana, kind="listen")
        body = self.client_for(self.ben).get(reverse("home")).content.decode()
        self.assertLess(body.index("Ana could use some support"), body.index("check-in</h2>"))
        body = self.client_for(self.ana).get(reverse("home")).content.decode()
        self.assertNotIn("could use some support", body)


class DemoTestCase(BaseTestCase):
    def test_it_seeds_one_answered_and_closed_signal(self) -> None:
        demo.seed(self.couple, self.ana, self.ben)
        signal = SupportSignal.objects.get(couple=self.couple)
        self.assertEqual((signal.author, signal.offer), (self.ana, "listen"))
        self.assertIsNotNone(signal.closed_at)

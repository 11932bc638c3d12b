from closeknit.accounts.export import export_for
from closeknit.intentions import demo
from closeknit.intentions.models import Intention
from closeknit.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    def test_the_export_has_both_partners_intentions(self) -> None:
        Intention.objects.create(couple=self.couple, author=self.ben, want="W", willing="V")
        data = export_for(self.ana)["couples"][0]["intentions"]
        self.assertEqual(data["intentions"][0]["mine"], False)
        self.assertEqual(data["intentions"][0]["want"], "W")


class DemoTestCase(BaseTestCase):
    def test_it_seeds_three_versions(self) -> None:
        demo.seed(self.couple, self.ana, self.ben)
        self.assertEqual(Intention.objects.count(), 3)
        self.assertEqual(Intention.objects.filter(author=self.ana).count(), 2)

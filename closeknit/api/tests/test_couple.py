from closeknit.api.tests.base import ApiTestCase
from closeknit.couples.models import Membership


class CoupleTestCase(ApiTestCase):
    def test_it_shows_my_couple(self) -> None:
        body = self.api("get", "/couple", self.cora).json()
        self.assertEqual(body["id"], str(self.other_couple.id))
        self.assertEqual(body["partner"]["name"], "Dev")

    def test_it_is_403_for_someone_unpaired(self) -> None:
        r = self.api("get", "/couple", self.eli)
        self.assertEqual(r.status_code, 403)
        self.assertEqual(r.json()["detail"], "Pair with your partner first.")

    def test_it_unpairs(self) -> None:
        r = self.api("delete", "/couple", self.ben)
        self.assertEqual(r.status_code, 204)
        self.assertFalse(Membership.objects.filter(user=self.ana, left_at__isnull=True).exists())

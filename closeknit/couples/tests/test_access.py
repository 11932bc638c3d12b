from django.http import Http404

from closeknit.couples.access import couple_for, get_for_couple
from closeknit.couples.models import Membership
from closeknit.test import BaseTestCase


class AccessTestCase(BaseTestCase):
    def test_couple_for_finds_the_active_couple(self) -> None:
        self.assertEqual(couple_for(self.ana), self.couple)
        self.assertIsNone(couple_for(self.eli))

    def test_get_for_couple_returns_own_rows(self) -> None:
        m = Membership.objects.get(user=self.ana)
        self.assertEqual(get_for_couple(Membership, self.couple, pk=m.pk), m)

    def test_get_for_couple_is_404_for_another_couples_row(self) -> None:
        m = Membership.objects.get(user=self.cora)
        with self.assertRaises(Http404):
            get_for_couple(Membership, self.couple, pk=m.pk)

    def test_get_for_couple_is_404_for_a_malformed_id(self) -> None:
        with self.assertRaises(Http404):
            get_for_couple(Membership, self.couple, pk="not-a-number")

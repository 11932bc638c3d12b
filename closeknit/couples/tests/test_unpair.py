from django.urls import reverse

from closeknit.couples.models import Membership
from closeknit.test import BaseTestCase


class UnpairTestCase(BaseTestCase):
    def test_it_explains_what_happens_before_unpairing(self) -> None:
        r = self.client_for(self.ana).get(reverse("unpair"))
        self.assertContains(r, "<title>Unpair from Ben? · Closeknit")
        self.assertContains(r, "<h1>Unpair from Ben?</h1>")
        self.assertContains(r, "closes for <strong>both</strong> of you")
        self.assertContains(r, "30 days")
        self.assertContains(r, "Ben is told, in their inbox")
        self.assertContains(r, f'href="{reverse("us")}">Keep us paired')
        self.assertTrue(Membership.objects.filter(user=self.ana, left_at__isnull=True).exists())

    def test_it_needs_the_confirmation_ticked(self) -> None:
        r = self.client_for(self.ana).post(reverse("unpair"), {})
        self.assertEqual(r.status_code, 200)
        self.assertTrue(Membership.objects.filter(user=self.ana, left_at__isnull=True).exists())

    def test_it_ends_the_couple_for_both(self) -> None:
        r = self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        self.assertRedirects(r, reverse("pair"))
        self.couple.refresh_from_db()
        self.assertIsNotNone(self.couple.ended_at)
        self.assertFalse(
            Membership.objects.filter(couple=self.couple, left_at__isnull=True).exists()
        )
        # Ben lands on pairing too, and the other couple is untouched.
        self.assertRedirects(self.client_for(self.ben).get(reverse("home")), reverse("pair"))
        self.assertTrue(Membership.objects.filter(user=self.cora, left_at__isnull=True).exists())

    def test_both_can_pair_again_afterwards(self) -> None:
        self.client_for(self.ana).post(reverse("unpair"), {"confirm": "on"})
        self.client_for(self.ana).post(reverse("create_invite"))
        invite = self.ana.invites.get(used_at__isnull=True)
        r = self.client_for(self.ben).post(reverse("accept_invite", args=[invite.token]))
        self.assertRedirects(r, reverse("home"))

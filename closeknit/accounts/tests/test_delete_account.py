from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.couples.models import Membership
from closeknit.test import BaseTestCase


class DeleteAccountTestCase(BaseTestCase):
    def test_it_needs_the_word_delete(self) -> None:
        r = self.client_for(self.ana).post(reverse("delete_account"), {"confirm": "yes"})
        self.assertContains(r, "Type DELETE")
        self.assertTrue(User.objects.filter(pk=self.ana.pk).exists())

    def test_it_deletes_the_account_and_unpairs(self) -> None:
        client = self.client_for(self.ana)
        r = client.post(reverse("delete_account"), {"confirm": "DELETE"})
        self.assertRedirects(r, reverse("home"))
        self.assertFalse(User.objects.filter(pk=self.ana.pk).exists())
        self.assertTrue(User.objects.filter(pk=self.ben.pk).exists())
        self.assertFalse(Membership.objects.filter(user=self.ben, left_at__isnull=True).exists())
        self.couple.refresh_from_db()
        self.assertIsNotNone(self.couple.ended_at)
        self.assertFalse(client.get(reverse("home")).wsgi_request.user.is_authenticated)

from django.urls import reverse

from closeknit.accounts.models import ApiToken
from closeknit.accounts.tokens import user_for_token
from closeknit.test import BaseTestCase


class TokensTestCase(BaseTestCase):
    def test_it_creates_a_token_shown_once_and_stored_hashed(self) -> None:
        r = self.client_for(self.ana).post(reverse("tokens"), {"name": "Phone"})
        raw = r.context["new_token"]
        self.assertContains(r, raw)
        token = ApiToken.objects.get(user=self.ana)
        self.assertNotEqual(token.digest, raw)
        self.assertEqual(user_for_token(raw), self.ana)
        self.assertNotContains(self.client_for(self.ana).get(reverse("tokens")), raw)

    def test_it_revokes_a_token(self) -> None:
        self.client_for(self.ana).post(reverse("tokens"), {"name": "Phone"})
        token = ApiToken.objects.get(user=self.ana)
        self.client_for(self.ana).post(reverse("revoke_token", args=[token.id]))
        self.assertFalse(ApiToken.objects.filter(pk=token.pk).exists())

    def test_it_cannot_revoke_someone_elses_token(self) -> None:
        self.client_for(self.cora).post(reverse("tokens"), {"name": "Phone"})
        token = ApiToken.objects.get(user=self.cora)
        r = self.client_for(self.ana).post(reverse("revoke_token", args=[token.id]))
        self.assertEqual(r.status_code, 404)
        self.assertTrue(ApiToken.objects.filter(pk=token.pk).exists())

    def test_unknown_tokens_find_nobody(self) -> None:
        self.assertIsNone(user_for_token("ck_nope"))
        self.assertIsNone(user_for_token("something else"))

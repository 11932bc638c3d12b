from django.core.cache import cache

from closeknit.accounts.tokens import user_for_token
from closeknit.api.tests.base import ApiTestCase
from closeknit.test import PASSWORD, one_rate_window


class ObtainTokenTestCase(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_it_trades_credentials_for_a_token(self) -> None:
        body = {"email": "ana@example.org", "password": PASSWORD, "name": "Phone"}
        r = self.api("post", "/tokens", None, body)
        self.assertEqual(r.status_code, 201)
        self.assertEqual(user_for_token(r.json()["token"]), self.ana)

    def test_it_rejects_a_wrong_password(self) -> None:
        body = {"email": "ana@example.org", "password": "nope"}
        r = self.api("post", "/tokens", None, body)
        self.assertEqual(r.status_code, 401)

    def test_it_is_rate_limited(self) -> None:
        body = {"email": "ana@example.org", "password": "nope"}
        with one_rate_window():
            codes = [self.api("post", "/tokens", None, body).status_code for _ in range(12)]
        self.assertEqual(codes[:10], [401] * 10)
        self.assertEqual(codes[10:], [429, 429])

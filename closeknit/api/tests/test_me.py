from closeknit.api.tests.base import ApiTestCase


class MeTestCase(ApiTestCase):
    def test_it_describes_me_and_my_couple(self) -> None:
        r = self.api("get", "/me", self.ana)
        self.assertEqual(r.status_code, 200)
        body = r.json()
        self.assertEqual(body["email"], "ana@example.org")
        self.assertEqual(body["couple"]["id"], str(self.couple.id))
        self.assertEqual(body["couple"]["partner"]["name"], "Ben")

    def test_it_has_no_couple_for_someone_unpaired(self) -> None:
        self.assertIsNone(self.api("get", "/me", self.eli).json()["couple"])

    def test_it_rejects_a_wrong_token(self) -> None:
        r = self.client.get("/api/v1/me", headers={"Authorization": "Bearer ck_wrong"})
        self.assertEqual(r.status_code, 401)
        self.assertIn("valid API token", r.json()["detail"])

    def test_it_rejects_no_credentials(self) -> None:
        self.assertEqual(self.api("get", "/me", None).status_code, 401)

    def test_it_accepts_the_browser_session(self) -> None:
        r = self.client_for(self.ben).get("/api/v1/me")
        self.assertEqual(r.json()["name"], "Ben")

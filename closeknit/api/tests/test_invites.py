from closeknit.api.tests.base import ApiTestCase
from closeknit.couples.models import Invite, Membership
from closeknit.test import make_user


class InvitesTestCase(ApiTestCase):
    def test_it_creates_and_accepts_an_invite_by_code(self) -> None:
        r = self.api("post", "/invites", self.eli)
        self.assertEqual(r.status_code, 201)
        invite = r.json()
        self.assertIn("/pair/", invite["link"])
        fay = make_user("fay")
        r = self.api("post", "/invites/accept", fay, {"code": invite["code"]})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.json()["partner"]["name"], "Eli")
        self.assertTrue(Membership.objects.filter(user=fay, left_at__isnull=True).exists())

    def test_it_accepts_by_link_token(self) -> None:
        self.api("post", "/invites", self.eli)
        token = Invite.objects.get(inviter=self.eli).token
        r = self.api("post", "/invites/accept", make_user("fay"), {"token": token})
        self.assertEqual(r.status_code, 200)

    def test_it_refuses_a_paired_inviter(self) -> None:
        r = self.api("post", "/invites", self.ana)
        self.assertEqual(r.status_code, 409)
        self.assertIn("already paired", r.json()["detail"])

    def test_it_refuses_an_own_code(self) -> None:
        code = self.api("post", "/invites", self.eli).json()["code"]
        r = self.api("post", "/invites/accept", self.eli, {"code": code})
        self.assertEqual(r.status_code, 409)
        self.assertIn("your own invite", r.json()["detail"])

    def test_it_needs_a_code_or_token(self) -> None:
        r = self.api("post", "/invites/accept", self.eli, {})
        self.assertEqual(r.status_code, 400)

    def test_it_rejects_a_malformed_body(self) -> None:
        r = self.api("post", "/invites/accept", self.eli, {"code": ["not", "a", "string"]})
        self.assertEqual(r.status_code, 422)

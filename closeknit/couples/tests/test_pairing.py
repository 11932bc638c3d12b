from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from closeknit.couples import invites
from closeknit.couples.invites import PENDING_INVITE_SESSION_KEY
from closeknit.couples.models import Invite, Membership
from closeknit.test import BaseTestCase, make_user


class PairingTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.fay = make_user("fay")
        self.invite = invites.create_invite(self.eli)

    def test_it_creates_an_invite_with_link_and_code(self) -> None:
        Invite.objects.all().delete()
        r = self.client_for(self.eli).post(reverse("create_invite"))
        self.assertRedirects(r, reverse("pair"))
        invite = Invite.objects.get(inviter=self.eli)
        page = self.client_for(self.eli).get(reverse("pair"))
        self.assertContains(page, invite.display_code)
        self.assertContains(page, reverse("accept_invite", args=[invite.token]))

    def test_it_replaces_an_earlier_unused_invite(self) -> None:
        self.client_for(self.eli).post(reverse("create_invite"))
        self.assertFalse(Invite.objects.filter(pk=self.invite.pk).exists())
        self.assertEqual(Invite.objects.filter(inviter=self.eli).count(), 1)

    def test_it_pairs_through_the_link(self) -> None:
        url = reverse("accept_invite", args=[self.invite.token])
        r = self.client_for(self.fay).post(url)
        self.assertRedirects(r, reverse("home"))
        self.invite.refresh_from_db()
        self.assertEqual(self.invite.used_by, self.fay)
        couple_ids = set(
            Membership.objects.filter(
                user__in=[self.eli, self.fay], left_at__isnull=True
            ).values_list("couple", flat=True)
        )
        self.assertEqual(len(couple_ids), 1)

    def test_it_takes_a_typed_code_in_any_case_with_or_without_dash(self) -> None:
        typed = self.invite.display_code.lower()
        r = self.client_for(self.fay).post(reverse("enter_code"), {"code": f" {typed} "})
        self.assertRedirects(r, reverse("accept_invite", args=[self.invite.token]))

    def test_it_explains_an_unknown_code(self) -> None:
        r = self.client_for(self.fay).post(reverse("enter_code"), {"code": "ZZZZ-ZZZZ"})
        self.assertContains(r, "couldn&#x27;t find that invite", status_code=400)

    def test_it_refuses_an_expired_invite(self) -> None:
        self.invite.expires_at = timezone.now() - timedelta(minutes=1)
        self.invite.save(update_fields=["expires_at"])
        r = self.client_for(self.fay).post(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "has expired", status_code=410)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_it_refuses_a_used_invite_for_a_third_person(self) -> None:
        url = reverse("accept_invite", args=[self.invite.token])
        self.client_for(self.fay).post(url)
        gus = make_user("gus")
        r = self.client_for(gus).post(url)
        self.assertContains(r, "already been used", status_code=410)
        self.assertFalse(Membership.objects.filter(user=gus).exists())

    def test_it_refuses_pairing_with_yourself(self) -> None:
        r = self.client_for(self.eli).post(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "your own invite", status_code=400)
        self.assertFalse(Membership.objects.filter(user=self.eli).exists())

    def test_opening_your_own_invite_says_so_before_any_tap(self) -> None:
        r = self.client_for(self.eli).get(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "This is your own invite. Send it to your partner instead.")
        self.assertNotContains(r, "Yes, pair us")

    def test_opening_an_invite_when_already_paired_says_so_before_any_tap(self) -> None:
        r = self.client_for(self.ana).get(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "Unpair first to accept a new invite.")
        self.assertNotContains(r, "Yes, pair us")

    def test_the_invite_can_be_shared_or_copied_as_one_link(self) -> None:
        r = self.client_for(self.eli).get(reverse("pair"))
        link = "http://testserver" + reverse("accept_invite", args=[self.invite.token])
        self.assertContains(r, f'data-share="{link}"')
        self.assertContains(r, f'data-copy="{link}"')
        self.assertContains(r, f'value="{link}"')

    def test_it_refuses_someone_already_paired(self) -> None:
        r = self.client_for(self.ana).post(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "already paired", status_code=400)
        self.invite.refresh_from_db()
        self.assertIsNone(self.invite.used_at)

    def test_it_refuses_an_invite_from_a_paired_user(self) -> None:
        r = self.client_for(self.ana).post(reverse("create_invite"), follow=True)
        self.assertContains(r, "already paired")
        self.assertFalse(Invite.objects.filter(inviter=self.ana, used_at__isnull=True).exists())

    def test_it_remembers_the_invite_for_someone_signed_out(self) -> None:
        r = self.client.get(reverse("accept_invite", args=[self.invite.token]))
        self.assertContains(r, "Eli invited you")
        self.assertEqual(self.client.session[PENDING_INVITE_SESSION_KEY], self.invite.token)

    def test_it_says_so_for_a_link_that_does_not_exist(self) -> None:
        r = self.client.get(reverse("accept_invite", args=["no-such-token"]))
        self.assertContains(r, "can't be used", status_code=410)

    def test_unpaired_people_are_sent_to_pairing(self) -> None:
        r = self.client_for(self.eli).get(reverse("home"))
        self.assertRedirects(r, reverse("pair"))

    def test_paired_people_skip_the_pairing_page(self) -> None:
        r = self.client_for(self.ana).get(reverse("pair"))
        self.assertRedirects(r, reverse("home"))

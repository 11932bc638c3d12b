from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.nudges.models import Notification
from closeknit.private import services
from closeknit.private.models import Answer, Item, OptIn
from closeknit.private.tests.helpers import answer, open_list, strip_tokens


class OptInTestCase(ApiTestCase):
    def test_the_front_page_is_neutral_until_both_opt_in(self) -> None:
        r = self.client_for(self.ana).get(reverse("private:index"))
        self.assertContains(r, "Turn it on for me")
        self.assertContains(r, "<title>Just us · Closeknit</title>", html=False)
        self.client_for(self.ana).post(reverse("private:opt_in"))
        self.assertTrue(OptIn.objects.filter(user=self.ana).exists())
        r = self.client_for(self.ana).get(reverse("private:index"))
        self.assertContains(r, "It opens when Ben turns it on too")

    def test_the_partner_cannot_tell_that_one_opted_in(self) -> None:
        before = self.client_for(self.ben).get(reverse("private:index")).content
        self.client_for(self.ana).post(reverse("private:opt_in"))
        after = self.client_for(self.ben).get(reverse("private:index")).content
        self.assertEqual(strip_tokens(before), strip_tokens(after))
        status = self.api("get", "/private/status", self.ben).json()
        self.assertEqual(status, {"turned_on_by_me": False, "open": False})

    def test_both_opted_in_opens_it_for_both(self) -> None:
        self.client_for(self.ana).post(reverse("private:opt_in"))
        self.client_for(self.ben).post(reverse("private:opt_in"))
        for user in [self.ana, self.ben]:
            r = self.client_for(user).get(reverse("private:index"))
            self.assertContains(r, "You both said yes or maybe")
        self.assertEqual(self.api("get", "/private/status", self.ben).json()["open"], True)

    def test_either_opting_out_hides_it_again_for_both_and_keeps_answers(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **{"affection-001": "yes"})
        answer(self.couple, self.ben, **{"affection-001": "yes"})
        self.client_for(self.ben).post(reverse("private:opt_out"), {})
        for user in [self.ana, self.ben]:
            r = self.client_for(user).get(reverse("private:index"))
            self.assertNotContains(r, Item.objects.get(key="affection-001").text)
            self.assertNotContains(r, "You both said yes or maybe")
        self.assertEqual(Answer.objects.count(), 2)

    def test_opting_out_can_erase_my_answers_only(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **{"affection-001": "yes"})
        answer(self.couple, self.ben, **{"affection-001": "no"})
        self.client_for(self.ana).post(reverse("private:opt_out"), {"erase": "on"})
        self.assertEqual(list(Answer.objects.values_list("user", flat=True)), [self.ben.pk])

    def test_a_closed_list_is_404_on_every_other_url_and_api_operation(self) -> None:
        open_list(self.couple, self.ana)  # only one partner
        item = Item.objects.first()
        assert item is not None
        client = self.client_for(self.ana)
        self.assertEqual(client.get(reverse("private:answer")).status_code, 404)
        posts = [
            reverse("private:answer"),
            reverse("private:answer_item", args=[item.key]),
            reverse("private:try_next_add"),
            reverse("private:try_next_tried", args=[item.pk]),
            reverse("private:try_next_remove", args=[item.pk]),
            reverse("private:evening"),
            reverse("private:dismiss", args=[item.pk]),
        ]
        for url in posts:
            r = client.post(
                url,
                {"item": str(item.pk), f"item-{item.key}": "yes"},
                headers={"HX-Request": "true"},
            )
            self.assertEqual(r.status_code, 404, url)
        calls = [
            ("get", "/private/items"),
            ("put", f"/private/items/{item.key}"),
            ("get", "/private/mutual"),
            ("get", "/private/try-next"),
            ("post", "/private/try-next"),
            ("post", f"/private/try-next/{item.pk}/tried"),
            ("delete", f"/private/try-next/{item.pk}"),
            ("post", "/private/evenings"),
            ("get", "/private/aftercare"),
            ("post", f"/private/aftercare/{item.pk}/dismiss"),
        ]
        for method, path in calls:
            r = self.api(method, path, self.ana, {"answer": "yes", "item": str(item.pk)})
            self.assertEqual(r.status_code, 404, path)
        self.assertFalse(Answer.objects.exists())

    def test_api_opt_in_and_out(self) -> None:
        self.assertEqual(
            self.api("post", "/private/opt-in", self.ana).json(),
            {"turned_on_by_me": True, "open": False},
        )
        self.assertEqual(self.api("post", "/private/opt-in", self.ben).json()["open"], True)
        r = self.api("post", "/private/opt-out", self.ana, {"erase_answers": True})
        self.assertEqual(r.json(), {"turned_on_by_me": False, "open": False})

    def test_another_couple_is_never_open_through_ours(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        services.opt_in(self.other_couple, self.cora)
        self.assertEqual(
            self.client_for(self.cora).get(reverse("private:answer")).status_code, 404
        )

    def test_nothing_here_ever_notifies(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client_for(self.ana).post(reverse("private:opt_in"))
            self.client_for(self.ben).post(reverse("private:opt_in"))
            item = Item.objects.get(key="affection-001")
            self.client_for(self.ana).post(
                reverse("private:answer_item", args=[item.key]), {f"item-{item.key}": "yes"}
            )
            self.client_for(self.ben).post(
                reverse("private:answer_item", args=[item.key]), {f"item-{item.key}": "yes"}
            )
            self.client_for(self.ben).post(reverse("private:try_next_add"), {"item": str(item.pk)})
            self.client_for(self.ana).post(reverse("private:evening"))
            self.client_for(self.ana).post(reverse("private:opt_out"), {})
        self.assertFalse(Notification.objects.exists())

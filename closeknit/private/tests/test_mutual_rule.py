"""The mutual-only rule through every path: pages, htmx fragments, the API, the export
and every count. A partner's "no", a one-sided "yes" and an unanswered item all look
exactly the same from the other side."""

import json
from typing import Any

from django.urls import reverse

from closeknit.accounts.models import User
from closeknit.api.tests.base import ApiTestCase
from closeknit.private import export, home, selectors, services
from closeknit.private.models import Item
from closeknit.private.tests.helpers import answer, open_list, strip_tokens

ANA = {
    "affection-001": "yes",
    "affection-002": "yes",
    "affection-003": "yes",  # Ben: no
    "affection-004": "no",  # Ben: yes
    "affection-005": "maybe",
    "mood-001": "yes",  # Ben: unanswered
}
BEN = {
    "affection-001": "yes",
    "affection-002": "maybe",
    "affection-003": "no",
    "affection-004": "yes",
    "affection-005": "maybe",
}
MUTUAL = ["affection-001", "affection-002", "affection-005"]
ONE_SIDED = ["affection-003", "affection-004", "mood-001"]


def text(key: str) -> str:
    return Item.objects.get(key=key).text


class MutualRuleTestCase(ApiTestCase):
    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **ANA)
        answer(self.couple, self.ben, **BEN)

    def test_the_selector_keeps_only_items_both_want_in_list_order(self) -> None:
        self.assertEqual([i.key for i in selectors.mutual_items(self.couple)], MUTUAL)

    def test_the_page_shows_both_partners_only_mutual_items_and_their_count(self) -> None:
        for user in [self.ana, self.ben]:
            r = self.client_for(user).get(reverse("private:index"))
            self.assertContains(r, "3 in common so far.")
            for key in MUTUAL:
                self.assertContains(r, text(key))
            for key in ONE_SIDED:
                self.assertNotContains(r, text(key))

    def test_the_htmx_fragment_holds_to_the_rule(self) -> None:
        client = self.client_for(self.ana)
        r = client.get(
            reverse("private:index"), {"category": "affection"}, headers={"HX-Request": "true"}
        )
        self.assertNotContains(r, "<html")
        self.assertContains(r, "3 in common so far.")
        for key in MUTUAL:
            self.assertContains(r, text(key))
        for key in ONE_SIDED:
            self.assertNotContains(r, text(key))
        r = client.get(
            reverse("private:index"), {"category": "mood"}, headers={"HX-Request": "true"}
        )
        self.assertNotContains(r, text("mood-001"))
        self.assertContains(r, "Nothing in common here yet.")

    def test_the_api_holds_to_the_rule(self) -> None:
        body = self.api("get", "/private/mutual", self.ana).json()
        self.assertEqual(body["count"], 3)
        self.assertEqual([i["key"] for i in body["items"]], MUTUAL)
        items = {i["key"]: i["mine"] for i in self.api("get", "/private/items", self.ana).json()}
        self.assertEqual(items["affection-003"], "yes")  # Ana's own answer, not Ben's "no"
        self.assertEqual(items["affection-004"], "no")
        self.assertIsNone(items["mood-002"])
        self.assertNotIn("partner", json.dumps(self.api("get", "/private/items", self.ana).json()))

    def test_the_export_holds_to_the_rule(self) -> None:
        data = export.section(self.ana, self.couple)
        self.assertEqual(data["in_common"], [text(k) for k in MUTUAL])
        self.assertEqual(
            {a["item"]: a["answer"] for a in data["my_answers"]},
            {text(k): v for k, v in ANA.items()},
        )
        r = self.client_for(self.ana).post(reverse("export"))
        whole = json.loads(r.content)["couples"][0]["private"]
        self.assertEqual(whole, data)

    def test_only_mutual_items_go_on_the_try_next_list(self) -> None:
        for key in ONE_SIDED:
            item = Item.objects.get(key=key)
            r = self.client_for(self.ana).post(
                reverse("private:try_next_add"), {"item": str(item.pk)}
            )
            self.assertEqual(r.status_code, 404)
            self.assertEqual(
                self.api(
                    "post", "/private/try-next", self.ana, {"item": str(item.pk)}
                ).status_code,
                404,
            )
        r = self.client_for(self.ana).post(reverse("private:try_next_add"), {"item": "not-a-uuid"})
        self.assertEqual(r.status_code, 404)
        mutual = Item.objects.get(key="affection-001")
        self.client_for(self.ana).post(reverse("private:try_next_add"), {"item": str(mutual.pk)})
        listed = self.api("get", "/private/try-next", self.ben).json()
        self.assertEqual([e["item"]["key"] for e in listed], ["affection-001"])

    def test_a_changed_answer_takes_the_item_off_the_list_and_try_next(self) -> None:
        item = Item.objects.get(key="affection-001")
        entry = services.add_try_next(self.couple, item)
        answer(self.couple, self.ben, **{"affection-001": "no"})
        self.assertNotIn(item, selectors.mutual_items(self.couple))
        self.assertEqual(self.api("get", "/private/try-next", self.ana).json(), [])
        r = self.client_for(self.ana).post(reverse("private:try_next_tried", args=[entry.pk]))
        self.assertEqual(r.status_code, 404)

    def test_opted_out_every_path_is_empty(self) -> None:
        services.opt_out(self.couple, self.ben)
        self.assertEqual(selectors.mutual_items(self.couple), [])
        self.assertIsNone(selectors.together(self.couple, self.ana))
        self.assertEqual(self.api("get", "/private/mutual", self.ana).status_code, 404)
        data = export.section(self.ana, self.couple)
        self.assertEqual((data["in_common"], data["try_next"]), ([], []))
        r = self.client_for(self.ana).get(reverse("private:index"))
        for key in MUTUAL:
            self.assertNotContains(r, text(key))


class NoSideChannelTestCase(ApiTestCase):
    """What one partner sees is identical whether the other said "no" or hasn't answered."""

    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)
        answer(self.couple, self.ana, **ANA)
        answer(self.couple, self.ben, **{k: v for k, v in BEN.items() if v != "no"})

    def everything_seen_by(self, user: User) -> dict[str, Any]:
        client = self.client_for(user)
        fragment = {"HX-Request": "true"}
        seen: dict[str, Any] = {
            "page": client.get(reverse("private:index")).content,
            "fragment": client.get(
                reverse("private:index"), {"category": "affection"}, headers=fragment
            ).content,
            "answers": client.get(reverse("private:answer"), {"category": "affection"}).content,
        }
        request = client.get(reverse("home")).wsgi_request
        request.couple = self.couple  # type: ignore[attr-defined]
        card = home.card(request)  # type: ignore[arg-type]
        seen["home_card"] = (card.html if card else "").encode()
        seen = {name: strip_tokens(content) for name, content in seen.items()}
        for path in [
            "/private/mutual",
            "/private/items",
            "/private/try-next",
            "/private/aftercare",
            "/private/status",
        ]:
            seen[path] = self.api("get", path, user).json()
        seen["export"] = export.section(user, self.couple)
        return seen

    def test_bens_no_never_reaches_ana(self) -> None:
        unanswered = self.everything_seen_by(self.ana)
        answer(self.couple, self.ben, **{"affection-003": "no", "mood-001": "no"})
        said_no = self.everything_seen_by(self.ana)
        for name in unanswered:
            self.assertEqual(unanswered[name], said_no[name], name)

    def test_anas_no_never_reaches_ben(self) -> None:
        answer(self.couple, self.ana, **{"affection-004": None})  # type: ignore[arg-type]
        answer(self.couple, self.ben, **{"affection-004": "yes"})
        unanswered = self.everything_seen_by(self.ben)
        answer(self.couple, self.ana, **{"affection-004": "no"})
        said_no = self.everything_seen_by(self.ben)
        for name in unanswered:
            self.assertEqual(unanswered[name], said_no[name], name)

    def test_saving_an_answer_replies_the_same_whatever_the_partner_said(self) -> None:
        def save_mood_001() -> bytes:
            url = reverse("private:answer_item", args=["mood-001"])
            r = self.client_for(self.ana).post(
                url, {"item-mood-001": "maybe"}, headers={"HX-Request": "true"}
            )
            api: bytes = self.api(
                "put", "/private/items/mood-001", self.ana, {"answer": "maybe"}
            ).content
            page: bytes = strip_tokens(r.content)
            return page + api

        unanswered = save_mood_001()
        answer(self.couple, self.ben, **{"mood-001": "no"})
        self.assertEqual(save_mood_001(), unanswered)
        answer(self.couple, self.ben, **{"mood-001": "yes"})
        self.assertEqual(save_mood_001(), unanswered)

"""Revealed means settled: once both check-ins are in, the numbers stay as they were
and a changed note keeps its first words, for both to see, on the page and in the API."""

import re
from typing import Any

from django.core.cache import cache
from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.checkin.models import Checkin, Item
from closeknit.checkin.tests.helpers import form_data, make_checkin

URL = reverse("checkin:index")
FIRST = "A long week, but we laughed on Friday"
SECOND = "A long week; Friday made up for it"


def body(**extra: Any) -> dict[str, Any]:
    scores = dict.fromkeys(Item.objects.values_list("key", flat=True), 5)
    return {"closeness": 5, "scores": scores, "mood": 4, "needs": ["listening"], **extra}


class SettledCheckinTestCase(ApiTestCase):
    def setUp(self) -> None:
        cache.clear()  # the check-in's rate limit counts in the cache

    def mine(self) -> Checkin:
        return Checkin.objects.get(author=self.ana)

    def test_it_replaces_silently_before_the_reveal(self) -> None:
        self.client_for(self.ana).post(URL, form_data(note=FIRST))
        self.api("put", "/checkin/week", self.ana, body(closeness=2, note=SECOND))
        mine = self.mine()
        self.assertEqual((mine.closeness, mine.note), (2, SECOND))
        self.assertEqual((mine.edited_after_reveal, mine.first_shared), (False, ""))

    def test_after_the_reveal_the_page_keeps_the_first_note(self) -> None:
        make_checkin(self.couple, self.ben, note="Ben's week")
        self.client_for(self.ana).post(URL, form_data(note=FIRST))
        r = self.client_for(self.ana).post(URL, form_data(note=SECOND))
        self.assertRedirects(r, URL)
        mine = self.mine()
        self.assertEqual(
            (mine.note, mine.first_shared, mine.edited_after_reveal), (SECOND, FIRST, True)
        )
        for user in (self.ana, self.ben):
            page = self.client_for(user).get(URL)
            self.assertContains(page, SECOND)
            self.assertContains(page, "as first shared")
            self.assertContains(page, FIRST)

    def test_after_the_reveal_the_page_asks_only_for_the_note(self) -> None:
        make_checkin(self.couple, self.ben)
        self.client_for(self.ana).post(URL, form_data(closeness=6, score=3, note=FIRST))
        form = self.client_for(self.ana).get(f"{URL}?edit=1")
        self.assertContains(form, "Change your note")
        self.assertContains(form, 'type="radio"', count=0)
        sent = re.findall(
            r'<input type="hidden" name="([\w-]+)" value="([\w-]+)">', form.content.decode()
        )
        data: dict[str, Any] = {"note": SECOND, "needs": []}
        for name, value in sent:
            if name == "needs":
                data["needs"].append(value)
            elif name not in ("csrfmiddlewaretoken", "_once"):
                data[name] = value
        self.assertRedirects(self.client_for(self.ana).post(URL, data), URL)
        mine = self.mine()
        self.assertEqual((mine.closeness, set(mine.scores.values())), (6, {3}))
        self.assertEqual((mine.note, mine.first_shared), (SECOND, FIRST))

    def test_after_the_reveal_the_page_refuses_new_numbers(self) -> None:
        make_checkin(self.couple, self.ben)
        self.client_for(self.ana).post(URL, form_data(closeness=5, note=FIRST))
        self.assertContains(self.client_for(self.ana).get(URL), "Change my note")
        r = self.client_for(self.ana).post(URL, form_data(closeness=2, note=SECOND), follow=True)
        self.assertContains(r, "your answers stay as they were", status_code=409)
        mine = self.mine()
        self.assertEqual((mine.closeness, mine.note, mine.edited_after_reveal), (5, FIRST, False))

    def test_after_the_reveal_the_api_keeps_the_first_note_and_the_numbers(self) -> None:
        make_checkin(self.couple, self.ben)
        self.api("put", "/checkin/week", self.ana, body(note=FIRST))
        r = self.api("put", "/checkin/week", self.ana, body(mood=1, note=SECOND))
        self.assertEqual(r.status_code, 409)
        r = self.api("put", "/checkin/week", self.ana, body(note=SECOND))
        mine = r.json()["mine"]
        self.assertEqual((mine["note"], mine["edited"], mine["first_note"]), (SECOND, True, FIRST))
        self.assertEqual(mine["mood"], 4)
        theirs = self.api("get", "/checkin/week", self.ben).json()["theirs"]
        self.assertEqual((theirs["edited"], theirs["first_note"]), (True, FIRST))
        export = self.client_for(self.ben).post(reverse("export")).json()
        partner = export["couples"][0]["checkin"]["checkins"][0]["partner"]
        self.assertEqual((partner["note"], partner["first_note"]), (SECOND, FIRST))

    def test_the_same_needs_in_another_order_are_no_change(self) -> None:
        make_checkin(self.couple, self.ben)
        self.api("put", "/checkin/week", self.ana, body(needs=["space", "listening"]))
        again = body(needs=["listening", "space", "space"], note=FIRST)
        self.assertEqual(self.api("put", "/checkin/week", self.ana, again).status_code, 200)
        self.assertEqual(self.mine().needs, ["listening", "space"])

    def test_another_couple_never_reaches_it(self) -> None:
        make_checkin(self.couple, self.ben)
        self.api("put", "/checkin/week", self.ana, body(note=FIRST))
        self.api("put", "/checkin/week", self.cora, body(closeness=1, note="Cora's"))
        self.assertNotContains(self.client_for(self.cora).get(URL), FIRST)
        self.assertNotIn(FIRST, self.api("get", "/checkin/week", self.cora).content.decode())
        self.assertEqual((self.mine().closeness, self.mine().note), (5, FIRST))

"""Sensitive items may be skipped ("Prefer not to say"): the report says so, never counts a 0."""

from typing import Any

from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.assessment import content, selectors, steps
from closeknit.assessment.models import IntimacyItem, Response
from closeknit.assessment.tests.helpers import make_round, respond
from closeknit.test import BaseTestCase

SEXUAL = [f"sexual-{n}" for n in range(1, 7)]
TAKE_SEXUAL = reverse("assessment:take", args=["sexual"])


def rated(now: int = 3, ideal: int = 6, keys: list[str] = SEXUAL) -> dict[str, Any]:
    return {f"{k}__{i}": v for k in keys for i, v in enumerate((now, ideal))}


def with_skipped(response: Response, keys: list[str], now: int | None = None) -> None:
    """Mark `keys` as skipped (and, with `now`, rate the rest of the kind `now`)."""
    for key in SEXUAL:
        if key in keys:
            response.intimacy[key] = None
        elif now is not None:
            response.intimacy[key] = [now, 7]
    response.save(update_fields=["intimacy"])


class MarkedItemsTestCase(BaseTestCase):
    def test_the_sexual_items_are_the_sensitive_ones(self) -> None:
        marked = set(IntimacyItem.objects.filter(sensitive=True).values_list("key", flat=True))
        self.assertEqual(marked, set(SEXUAL))


class TakeTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.rnd = make_round(self.couple)

    def test_sensitive_items_offer_prefer_not_to_say(self) -> None:
        r = self.client_for(self.ana).get(TAKE_SEXUAL)
        self.assertContains(r, "Prefer not to say", count=6 + 1)  # each item, and the hint
        other = self.client_for(self.ana).get(reverse("assessment:take", args=["emotional"]))
        self.assertNotContains(other, "Prefer not to say")

    def test_a_skipped_item_is_kept_as_skipped_and_the_page_counts_as_done(self) -> None:
        data = {**rated(keys=SEXUAL[2:]), "sexual-1__skip": "on", "sexual-2__skip": "on"}
        r = self.client_for(self.ana).post(TAKE_SEXUAL, data)
        self.assertEqual(r.status_code, 302)
        saved = Response.objects.get(author=self.ana).intimacy
        self.assertEqual(
            (saved["sexual-1"], saved["sexual-2"], saved["sexual-3"]), (None, None, [3, 6])
        )
        page = steps.BY_SLUG["sexual"]
        self.assertTrue(page.is_done(Response.objects.get(author=self.ana), content.catalog()))
        again = self.client_for(self.ana).get(TAKE_SEXUAL)
        self.assertContains(again, 'name="sexual-1__skip" id="id_sexual-1__skip" checked')

    def test_prefer_not_to_say_wins_over_a_rating_left_behind(self) -> None:
        data = {**rated(), "sexual-1__skip": "on"}
        self.client_for(self.ana).post(TAKE_SEXUAL, data)
        self.assertIsNone(Response.objects.get(author=self.ana).intimacy["sexual-1"])

    def test_an_item_neither_rated_nor_skipped_is_asked_for_again(self) -> None:
        data = rated(keys=SEXUAL[1:])
        r = self.client_for(self.ana).post(TAKE_SEXUAL, data)
        self.assertContains(r, "Choose one, or prefer not to say.", count=2, status_code=400)
        self.assertFalse(Response.objects.get(author=self.ana).intimacy)

    def test_other_items_cannot_be_skipped(self) -> None:
        page = steps.BY_SLUG["emotional"]
        keys = page.keys(content.catalog())
        data = {**rated(keys=keys[1:]), f"{keys[0]}__skip": "on"}
        r = self.client_for(self.ana).post(reverse("assessment:take", args=["emotional"]), data)
        self.assertContains(r, "Choose one.", status_code=400)


class ReportTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.rnd = make_round(self.couple)
        self.mine = respond(self.rnd, self.ana, now=5, ideal=6)
        self.theirs = respond(self.rnd, self.ben, now=5, ideal=6)

    def report(self, user: Any = None) -> Any:
        return self.client_for(user or self.ana).get(
            reverse("assessment:report", args=[self.rnd.id])
        )

    def test_a_skipped_item_is_left_out_of_the_mean_never_counted_as_zero(self) -> None:
        with_skipped(self.mine, SEXUAL[:2], now=2)
        row = next(r for r in self.report().context["report"].rows if r.kind == "sexual")
        self.assertEqual((row.mine.now, row.mine.ideal), (2.0, 7.0))

    def test_the_report_says_what_was_skipped(self) -> None:
        with_skipped(self.mine, SEXUAL[:2], now=2)
        r = self.report(self.ben)
        self.assertContains(r, "Prefer not to say")
        self.assertContains(r, "Ana preferred not to say for 2 of 6")
        self.assertContains(r, "you answered every sentence")
        self.assertContains(r, "The means above use only the sentences answered.")

    def test_a_kind_one_of_you_skipped_entirely_is_not_compared(self) -> None:
        with_skipped(self.theirs, SEXUAL)
        with_skipped(self.mine, [], now=1)  # Ana would like far more: a big gap, if counted
        r = self.report()
        found = r.context["report"]
        self.assertNotIn("sexual", [row.kind for row in found.rows])
        self.assertNotIn("sexual", [g["kind"] for g in found.gaps])
        self.assertNotIn("sexual", [d["d"].kind for d in found.differences])
        self.assertContains(r, "Ben preferred not to say for 6 of 6")
        self.assertContains(r, "left out of the profiles, the gaps and the differences")
        self.assertContains(r, "All you each answered")
        # Ben's overall mean is over the six kinds he answered, all 5s: no 0 pulls it down.
        self.assertEqual(found.theirs_overall.now, 5.0)

    def test_a_report_without_skips_says_nothing_about_them(self) -> None:
        r = self.report()
        self.assertNotContains(r, "Prefer not to say")
        self.assertContains(r, "All seven")
        self.assertEqual(r.context["report"].skipped, [])

    def test_history_shows_not_said_for_a_kind_left_out(self) -> None:
        with_skipped(self.mine, SEXUAL)
        history = selectors.history(selectors.rounds(self.couple, self.ana), content.catalog())
        self.assertNotIn("sexual", history[0]["mine"])

    def test_the_export_names_the_skip(self) -> None:
        with_skipped(self.mine, SEXUAL[:1], now=2)
        exported = self.client_for(self.ana).post(reverse("export")).content.decode()
        self.assertIn('"sexual-1": "prefer not to say"', exported)


class PreferNotToSayApiTestCase(ApiTestCase):
    def test_items_say_which_may_be_skipped(self) -> None:
        items = self.api("get", "/assessment/items", self.ana).json()["intimacy"]
        self.assertEqual({i["key"] for i in items if i["sensitive"]}, set(SEXUAL))

    def test_null_skips_a_sensitive_item(self) -> None:
        rnd = make_round(self.couple)
        url = f"/assessment/rounds/{rnd.id}/answers"
        r = self.api("put", url, self.ana, {"intimacy": {"sexual-1": None, "sexual-2": [3, 5]}})
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["intimacy"], {"sexual-1": None, "sexual-2": [3, 5]})
        self.assertIsNone(Response.objects.get().intimacy["sexual-1"])

    def test_null_on_another_item_is_refused_clearly(self) -> None:
        rnd = make_round(self.couple)
        url = f"/assessment/rounds/{rnd.id}/answers"
        r = self.api("put", url, self.ana, {"intimacy": {"emotional-1": None}})
        self.assertEqual(r.status_code, 400)
        self.assertIn("only the more private sentences can be skipped", r.json()["detail"])
        lovemap = self.api("put", url, self.ana, {"lovemap": {"lovemap-01": None}})
        self.assertEqual(lovemap.status_code, 422)
        self.assertFalse(Response.objects.filter(author=self.ana).exclude(intimacy={}).exists())

    def test_another_couple_cannot_answer_in_our_round(self) -> None:
        rnd = make_round(self.couple)
        url = f"/assessment/rounds/{rnd.id}/answers"
        r = self.api("put", url, self.cora, {"intimacy": {"sexual-1": None}})
        self.assertEqual(r.status_code, 404)
        self.assertFalse(Response.objects.exists())

    def test_the_report_lists_skips_and_leaves_an_unshared_kind_out(self) -> None:
        rnd = make_round(self.couple)
        with_skipped(respond(rnd, self.ana), SEXUAL[:2])
        with_skipped(respond(rnd, self.ben), SEXUAL)
        report = self.api("get", f"/assessment/rounds/{rnd.id}/report", self.ana).json()
        self.assertNotIn("sexual", [k["kind"] for k in report["kinds"]])
        self.assertEqual(
            report["skipped"],
            [{"kind": "sexual", "mine": 2, "theirs": 6, "total": 6, "compared": False}],
        )
        self.assertIsNone(report["their_answers"]["intimacy"]["sexual-1"])

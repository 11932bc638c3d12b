from django.db import connection
from django.urls import reverse

from closeknit.private.models import Answer, Category, Item
from closeknit.private.tests.helpers import open_list
from closeknit.test import BaseTestCase


class AnswerTestCase(BaseTestCase):
    def setUp(self) -> None:
        open_list(self.couple, self.ana, self.ben)

    def test_there_are_at_least_60_items_in_six_kinds(self) -> None:
        self.assertGreaterEqual(Item.objects.count(), 60)
        self.assertEqual(
            set(Item.objects.values_list("category", flat=True)), set(Category.values)
        )

    def test_a_whole_kind_is_answered_with_one_form_without_javascript(self) -> None:
        items = list(Item.objects.filter(category="affection"))
        data = {
            f"item-{items[0].key}": "yes",
            f"item-{items[1].key}": "maybe",
            f"item-{items[2].key}": "no",
        }
        r = self.client_for(self.ana).post(reverse("private:answer") + "?category=affection", data)
        self.assertRedirects(r, reverse("private:answer") + "?category=mood")
        mine = dict(Answer.objects.filter(user=self.ana).values_list("item__key", "choice"))
        self.assertEqual(mine, {items[0].key: "yes", items[1].key: "maybe", items[2].key: "no"})

    def test_skipping_clears_an_answer_and_nonsense_is_ignored(self) -> None:
        item = Item.objects.get(key="affection-001")
        url = reverse("private:answer") + "?category=affection"
        self.client_for(self.ana).post(url, {"item-affection-001": "yes"})
        self.client_for(self.ana).post(url, {"item-affection-001": ""})
        self.assertFalse(Answer.objects.filter(item=item).exists())
        self.client_for(self.ana).post(url, {"item-affection-001": "definitely"})
        self.assertFalse(Answer.objects.filter(item=item).exists())

    def test_one_answer_saves_over_htmx_and_returns_only_my_row(self) -> None:
        url = reverse("private:answer_item", args=["affection-001"])
        r = self.client_for(self.ana).post(
            url, {"item-affection-001": "maybe"}, headers={"HX-Request": "true"}
        )
        self.assertContains(r, 'id="item-affection-001"')
        self.assertContains(r, "Saved")
        self.assertNotContains(r, "<html")
        self.assertEqual(Answer.objects.get(user=self.ana).choice, "maybe")

    def test_an_unknown_item_is_404(self) -> None:
        r = self.client_for(self.ana).post(
            reverse("private:answer_item", args=["nope"]), {"item-nope": "yes"}
        )
        self.assertEqual(r.status_code, 404)

    def test_an_unknown_category_shows_the_first(self) -> None:
        r = self.client_for(self.ana).get(reverse("private:answer"), {"category": "moon"})
        self.assertContains(r, Item.objects.get(key="affection-001").text.capitalize())

    def test_answers_are_encrypted_at_rest(self) -> None:
        url = reverse("private:answer_item", args=["affection-001"])
        self.client_for(self.ana).post(url, {"item-affection-001": "yes"})
        with connection.cursor() as cursor:
            cursor.execute("SELECT choice FROM bedroom_answer")
            stored = cursor.fetchone()[0]
        self.assertNotIn("yes", stored)

    def test_the_page_shows_my_answers_checked(self) -> None:
        url = reverse("private:answer_item", args=["affection-002"])
        self.client_for(self.ana).post(url, {"item-affection-002": "no"})
        r = self.client_for(self.ana).get(reverse("private:answer"), {"category": "affection"})
        self.assertContains(r, 'name="item-affection-002" value="no" checked')
        r = self.client_for(self.ben).get(reverse("private:answer"), {"category": "affection"})
        self.assertNotContains(r, 'name="item-affection-002" value="no" checked')

    def test_another_couple_answers_only_in_their_own_space(self) -> None:
        open_list(self.other_couple, self.cora, self.dev)
        url = reverse("private:answer_item", args=["affection-001"])
        self.client_for(self.cora).post(url, {"item-affection-001": "yes"})
        self.assertEqual(Answer.objects.get().couple, self.other_couple)

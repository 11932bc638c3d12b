from django.urls import reverse

from closeknit.dates.models import Category, DateIdea, DatePlan
from closeknit.dates.tests.helpers import make_date
from closeknit.test import BaseTestCase


class IdeasTestCase(BaseTestCase):
    def test_the_bank_has_over_120_ideas_in_seven_categories(self) -> None:
        self.assertGreaterEqual(DateIdea.objects.count(), 120)
        categories = set(DateIdea.objects.values_list("category", flat=True))
        self.assertEqual(categories, set(Category.values))

    def test_ideas_not_done_yet_come_first(self) -> None:
        first = DateIdea.objects.order_by("key").first()
        assert first is not None
        make_date(self.couple, self.ana, days=-2, status=DatePlan.Status.ACCEPTED, idea=first)
        r = self.client_for(self.ben).get(reverse("dates:ideas"))
        shown = list(r.context["page"].object_list)
        self.assertNotIn(first, shown)
        self.assertTrue(all(not idea.done for idea in shown))
        self.assertContains(r, "new for you two")

    def test_another_couple_history_does_not_count(self) -> None:
        first = DateIdea.objects.order_by("key").first()
        make_date(
            self.other_couple, self.cora, days=-2, status=DatePlan.Status.ACCEPTED, idea=first
        )
        r = self.client_for(self.ana).get(reverse("dates:ideas"))
        self.assertEqual(r.context["page"].object_list[0], first)

    def test_it_filters_by_category(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:ideas"), {"category": "outdoors"})
        self.assertTrue(all(i.category == "outdoors" for i in r.context["page"].object_list))

    def test_an_unknown_category_shows_everything(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:ideas"), {"category": "moon"})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["page"].paginator.count, DateIdea.objects.count())

    def test_surprise_picks_an_idea_not_done_as_an_htmx_fragment(self) -> None:
        r = self.client_for(self.ana).get(
            reverse("dates:ideas"),
            {"surprise": "1", "category": "playful"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(r, 'id="surprise"')
        self.assertNotContains(r, "<html")
        self.assertContains(r, "Playful")

    def test_surprise_works_without_javascript(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:ideas"), {"surprise": "1"})
        self.assertContains(r, "<html")
        self.assertContains(r, "Plan this")
        self.assertIsNotNone(r.context["surprise"])

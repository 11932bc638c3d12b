from closeknit.api.tests.base import ApiTestCase
from closeknit.dates import services
from closeknit.dates.models import DateIdea, DatePlan, SavedIdea

IDEA = {
    "title": "Night swim at the lake",
    "category": "outdoors",
    "description": "Bring the big towels.",
    "place": "Lagoa Azul",
    "duration": 90,
}


class IdeasApiTestCase(ApiTestCase):
    def own(self) -> DateIdea:
        return services.add_idea(self.couple, self.ana, title="Night swim", category="out")

    def test_it_adds_an_idea_both_partners_list(self) -> None:
        r = self.api("post", "/dates/ideas", self.ana, IDEA)
        self.assertEqual(r.status_code, 201)
        made = r.json()
        self.assertEqual((made["own"], made["mine"], made["saved"]), (True, True, False))
        self.assertEqual((made["place"], made["duration"], made["key"]), ("Lagoa Azul", 90, None))
        ours = self.api("get", "/dates/ideas?show=ours", self.ben).json()
        self.assertEqual([i["id"] for i in ours], [made["id"]])
        self.assertFalse(ours[0]["mine"])
        everything = self.api("get", "/dates/ideas", self.ben).json()
        self.assertEqual(everything[0]["id"], made["id"])

    def test_a_blank_title_is_refused_as_on_the_page(self) -> None:
        r = self.api("post", "/dates/ideas", self.ana, {**IDEA, "title": "  "})
        self.assertEqual(r.status_code, 422)
        self.assertEqual(r.json()["detail"], "Give the idea a name.")
        self.assertEqual(r.json()["field"], "title")
        too_long = self.api("post", "/dates/ideas", self.ana, {**IDEA, "duration": 5000})
        self.assertEqual(too_long.json()["field"], "duration")
        self.assertFalse(DateIdea.objects.filter(couple=self.couple).exists())

    def test_only_its_author_rewrites_or_deletes_it(self) -> None:
        idea = self.own()
        r = self.api("put", f"/dates/ideas/{idea.pk}", self.ben, IDEA)
        self.assertEqual(r.status_code, 403)
        self.assertEqual(r.json()["detail"], "Only Ana can change this idea.")
        self.assertEqual(self.api("delete", f"/dates/ideas/{idea.pk}", self.ben).status_code, 403)
        r = self.api("put", f"/dates/ideas/{idea.pk}", self.ana, IDEA)
        self.assertEqual(r.json()["title"], "Night swim at the lake")
        blank = self.api("put", f"/dates/ideas/{idea.pk}", self.ana, {**IDEA, "title": ""})
        self.assertEqual(blank.json()["detail"], "Give the idea a name.")
        self.assertEqual(self.api("delete", f"/dates/ideas/{idea.pk}", self.ana).status_code, 204)
        self.assertFalse(DateIdea.objects.filter(pk=idea.pk).exists())

    def test_library_ideas_cannot_be_rewritten(self) -> None:
        library = DateIdea.objects.filter(couple__isnull=True).first()
        assert library is not None
        r = self.api("put", f"/dates/ideas/{library.pk}", self.ana, IDEA)
        self.assertEqual(r.status_code, 403)
        self.assertEqual(
            self.api("delete", f"/dates/ideas/{library.pk}", self.ana).status_code, 403
        )

    def test_another_couple_gets_404_on_every_idea_operation(self) -> None:
        idea = self.own()
        calls = [
            ("get", ""),
            ("put", ""),
            ("delete", ""),
            ("put", "/saved"),
            ("delete", "/saved"),
        ]
        for method, suffix in calls:
            r = self.api(method, f"/dates/ideas/{idea.pk}{suffix}", self.cora, IDEA)
            self.assertEqual(r.status_code, 404, (method, suffix))
        listed = self.api("get", "/dates/ideas?show=ours", self.cora).json()
        self.assertEqual(listed, [])
        idea.refresh_from_db()
        self.assertEqual(idea.title, "Night swim")
        self.assertFalse(SavedIdea.objects.exists())

    def test_a_plan_cannot_borrow_another_couples_idea(self) -> None:
        idea = self.own()
        body = {"title": "Swim", "starts_at": "2031-06-14T19:30+01:00", "idea": str(idea.pk)}
        r = self.api("post", "/dates/plans", self.cora, body)
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r.json()["detail"], "There's no such idea in your bank.")
        self.assertFalse(DatePlan.objects.exists())

    def test_saved_for_us_is_one_mark_for_the_couple(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        r = self.api("put", f"/dates/ideas/{library.pk}/saved", self.ana)
        self.assertTrue(r.json()["saved"])
        self.api("put", f"/dates/ideas/{library.pk}/saved", self.ben)
        self.assertEqual(SavedIdea.objects.count(), 1)
        saved = self.api("get", "/dates/ideas?show=saved", self.ben).json()
        self.assertEqual([i["id"] for i in saved], [str(library.pk)])
        self.assertEqual(self.api("get", "/dates/ideas?show=saved", self.cora).json(), [])
        gone = self.api("delete", f"/dates/ideas/{library.pk}/saved", self.ben)
        self.assertEqual(gone.status_code, 204)
        self.assertFalse(self.api("get", f"/dates/ideas/{library.pk}", self.ana).json()["saved"])

    def test_a_plan_takes_the_ideas_notes(self) -> None:
        idea = self.api("post", "/dates/ideas", self.ana, IDEA).json()
        body = {
            "title": idea["title"],
            "notes": idea["description"],
            "place": idea["place"],
            "duration": idea["duration"],
            "starts_at": "2031-06-14T19:30+01:00",
            "idea": idea["id"],
        }
        created = self.api("post", "/dates/plans", self.ben, body).json()
        self.assertEqual((created["notes"], created["duration"]), ("Bring the big towels.", 90))
        plan = DatePlan.objects.get(pk=created["id"])
        self.assertEqual(str(plan.idea_id), idea["id"])

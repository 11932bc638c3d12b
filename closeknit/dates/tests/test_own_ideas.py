import doctest
from typing import Any

from django.urls import reverse

from closeknit.dates import forms, services
from closeknit.dates.models import DateIdea, DatePlan, SavedIdea
from closeknit.dates.tests.helpers import make_date
from closeknit.test import BaseTestCase


class OwnIdeasTestCase(BaseTestCase):
    def add(self, user: Any = None, **data: str) -> Any:
        form = {
            "title": "Night swim at the lake",
            "category": "outdoors",
            "description": "Bring the big towels and a flask of tea.",
            "place": "Lagoa Azul",
            "duration": "180",
            **data,
        }
        return self.client_for(user or self.ana).post(reverse("dates:idea_add"), form)

    def idea(self, user: Any = None, **fields: Any) -> DateIdea:
        values = {"title": "Night swim", "category": "outdoors", **fields}
        return services.add_idea(self.couple, user or self.ana, **values)

    def test_it_adds_an_idea_both_partners_see(self) -> None:
        r = self.add()
        self.assertRedirects(r, reverse("dates:ideas") + "?show=ours")
        idea = DateIdea.objects.get(couple=self.couple)
        self.assertEqual((idea.author, idea.place, idea.duration), (self.ana, "Lagoa Azul", 180))
        seen = self.client_for(self.ben).get(reverse("dates:ideas"))
        self.assertEqual(seen.context["page"].object_list[0], idea)
        self.assertContains(seen, "Ana's idea")
        self.assertNotContains(seen, reverse("dates:idea_edit", args=[idea.pk]))
        mine = self.client_for(self.ana).get(reverse("dates:ideas"))
        self.assertContains(mine, reverse("dates:idea_edit", args=[idea.pk]))

    def test_it_refuses_a_blank_title_with_a_message(self) -> None:
        r = self.add(title="   ")
        self.assertContains(r, "Give the idea a name.", status_code=422)
        self.assertContains(r, "Bring the big towels", status_code=422)
        self.assertFalse(DateIdea.objects.filter(couple=self.couple).exists())

    def test_it_refuses_a_missing_kind(self) -> None:
        r = self.add(category="")
        self.assertContains(r, "Choose a kind of date.", status_code=422)
        self.assertFalse(DateIdea.objects.filter(couple=self.couple).exists())

    def test_another_couple_never_sees_our_ideas(self) -> None:
        idea = self.idea()
        r = self.client_for(self.cora).get(reverse("dates:ideas"), {"show": "ours"})
        self.assertEqual(list(r.context["page"].object_list), [])
        everything = self.client_for(self.cora).get(reverse("dates:ideas"))
        self.assertNotIn(idea, everything.context["page"].object_list)
        planned = self.client_for(self.cora).get(reverse("dates:propose"), {"idea": str(idea.pk)})
        self.assertNotContains(planned, "Night swim")

    def test_another_couple_cannot_change_delete_or_save_it(self) -> None:
        idea = self.idea()
        cora = self.client_for(self.cora)
        edit = reverse("dates:idea_edit", args=[idea.pk])
        self.assertEqual(cora.get(edit).status_code, 404)
        self.assertEqual(
            cora.post(edit, {"title": "Ours now", "category": "out"}).status_code, 404
        )
        self.assertEqual(cora.post(reverse("dates:idea_delete", args=[idea.pk])).status_code, 404)
        save = cora.post(reverse("dates:idea_save", args=[idea.pk]), {"saved": "1"})
        self.assertEqual(save.status_code, 404)
        idea.refresh_from_db()
        self.assertEqual(idea.title, "Night swim")
        self.assertFalse(SavedIdea.objects.exists())

    def test_only_its_author_changes_it(self) -> None:
        idea = self.idea()
        edit = reverse("dates:idea_edit", args=[idea.pk])
        ben = self.client_for(self.ben)
        self.assertEqual(ben.post(edit, {"title": "Mine now", "category": "out"}).status_code, 404)
        self.assertEqual(ben.post(reverse("dates:idea_delete", args=[idea.pk])).status_code, 404)
        r = self.client_for(self.ana).post(
            edit, {"title": "Midnight swim", "category": "playful", "duration": ""}
        )
        self.assertRedirects(r, reverse("dates:ideas") + "?show=ours")
        idea.refresh_from_db()
        self.assertEqual(
            (idea.title, idea.category, idea.duration), ("Midnight swim", "playful", None)
        )

    def test_an_edit_with_a_blank_title_is_refused(self) -> None:
        idea = self.idea()
        edit = reverse("dates:idea_edit", args=[idea.pk])
        r = self.client_for(self.ana).post(edit, {"title": "", "category": "out"})
        self.assertContains(r, "Give the idea a name.", status_code=422)
        idea.refresh_from_db()
        self.assertEqual(idea.title, "Night swim")

    def test_library_ideas_cannot_be_changed(self) -> None:
        library = DateIdea.objects.filter(couple__isnull=True).first()
        assert library is not None
        edit = reverse("dates:idea_edit", args=[library.pk])
        self.assertEqual(self.client_for(self.ana).get(edit).status_code, 404)

    def test_its_author_deletes_it_and_dates_planned_from_it_stay(self) -> None:
        idea = self.idea()
        planned = make_date(self.couple, self.ana, idea=idea, title="Night swim")
        r = self.client_for(self.ana).post(reverse("dates:idea_delete", args=[idea.pk]))
        self.assertRedirects(r, reverse("dates:ideas") + "?show=ours")
        self.assertFalse(DateIdea.objects.filter(pk=idea.pk).exists())
        planned.refresh_from_db()
        self.assertEqual((planned.title, planned.idea), ("Night swim", None))

    def test_a_deleted_idea_the_partner_planned_from_is_gone_from_the_bank(self) -> None:
        idea = self.idea()
        make_date(self.couple, self.ben, idea=idea, title="Night swim")
        self.client_for(self.ana).post(reverse("dates:idea_delete", args=[idea.pk]))
        r = self.client_for(self.ben).get(reverse("dates:ideas"), {"show": "ours"})
        self.assertEqual(list(r.context["page"].object_list), [])
        self.assertTrue(DatePlan.objects.filter(title="Night swim").exists())

    def test_saved_for_us_is_shared_by_the_couple(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        r = self.client_for(self.ana).post(
            reverse("dates:idea_save", args=[library.pk]),
            {"saved": "1", "next": "/dates/ideas/?show=saved"},
        )
        self.assertRedirects(r, "/dates/ideas/?show=saved")
        seen = self.client_for(self.ben).get(reverse("dates:ideas"), {"show": "saved"})
        self.assertEqual(list(seen.context["page"].object_list), [library])
        self.assertContains(seen, "Saved for us")
        other = self.client_for(self.cora).get(reverse("dates:ideas"), {"show": "saved"})
        self.assertEqual(list(other.context["page"].object_list), [])

    def test_saving_twice_keeps_one_and_unsaving_lets_it_go(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        url = reverse("dates:idea_save", args=[library.pk])
        self.client_for(self.ana).post(url, {"saved": "1"})
        self.client_for(self.ben).post(url, {"saved": "1"})
        self.assertEqual(SavedIdea.objects.filter(couple=self.couple).count(), 1)
        self.client_for(self.ben).post(url, {"saved": "0"})
        self.assertFalse(SavedIdea.objects.exists())

    def test_save_answers_htmx_with_the_button_alone(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        r = self.client_for(self.ana).post(
            reverse("dates:idea_save", args=[library.pk]),
            {"saved": "1"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(r, "Saved for us")
        self.assertContains(r, 'aria-pressed="true"')
        self.assertNotContains(r, "<html")

    def test_save_never_sends_people_to_another_site(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        r = self.client_for(self.ana).post(
            reverse("dates:idea_save", args=[library.pk]),
            {"saved": "1", "next": "https://example.com/"},
        )
        self.assertRedirects(r, reverse("dates:ideas"))

    def test_plan_this_carries_the_whole_idea(self) -> None:
        idea = self.idea(
            title="Night swim",
            description="Bring the big towels.",
            place="Lagoa Azul",
            duration=90,
        )
        r = self.client_for(self.ben).get(reverse("dates:propose"), {"idea": str(idea.pk)})
        form = r.context["form"]
        self.assertEqual(form["title"].value(), "Night swim")
        self.assertEqual(form["notes"].value(), "Bring the big towels.")
        self.assertEqual(form["place"].value(), "Lagoa Azul")
        self.assertEqual(form["duration"].value(), 90)
        self.assertContains(r, "Ana's idea")
        self.assertContains(r, '<option value="90" selected>')

    def test_a_date_keeps_the_ideas_notes_and_its_own_length(self) -> None:
        idea = self.idea(description="Bring the big towels.", duration=90)
        form = {
            "title": "Night swim",
            "notes": "Bring the big towels.",
            "starts_at": "2031-06-14T21:30",
            "duration": "90",
            "planner": "both",
            "idea": str(idea.pk),
        }
        with self.captureOnCommitCallbacks(execute=True):
            r = self.client_for(self.ben).post(reverse("dates:propose"), form)
        date_plan = DatePlan.objects.get(couple=self.couple)
        self.assertRedirects(r, reverse("dates:detail", args=[date_plan.pk]))
        self.assertEqual(
            (date_plan.notes, date_plan.duration, date_plan.idea),
            ("Bring the big towels.", 90, idea),
        )
        detail = self.client_for(self.ana).get(reverse("dates:detail", args=[date_plan.pk]))
        self.assertContains(detail, "Bring the big towels.")

    def test_a_library_idea_carries_its_description_into_the_notes(self) -> None:
        library = DateIdea.objects.get(key="at_home-001")
        r = self.client_for(self.ana).get(reverse("dates:propose"), {"idea": str(library.pk)})
        self.assertEqual(r.context["form"]["notes"].value(), library.description)
        self.assertContains(r, "the idea bank")

    def test_the_list_stays_a_few_queries(self) -> None:
        for n in range(5):
            self.idea(title=f"Idea {n}", user=self.ana if n % 2 else self.ben)
        client = self.client_for(self.ana)
        client.get(reverse("dates:ideas"))
        with self.assertNumQueries(4):
            client.get(reverse("dates:ideas"))

    def test_lengths_read_as_words(self) -> None:
        self.assertEqual(doctest.testmod(forms).failed, 0)
        self.add()
        self.assertContains(self.client_for(self.ben).get(reverse("dates:ideas")), "Three hours")

"""Removing a milestone takes the dreamer's words, never the partner's celebration of it."""

from django.urls import reverse

from closeknit.api.tests.base import ApiTestCase
from closeknit.dreams import services
from closeknit.dreams.models import Celebration, Dream, Milestone

CHEER = "You did it! So proud of you."


class RemoveMilestoneTestCase(ApiTestCase):
    def setUp(self) -> None:
        self.dream = services.create_dream(
            self.couple, self.ana, title="Speak German", visibility=Dream.Visibility.SHARED
        )
        self.milestone = services.add_milestone(self.dream, self.ana, "Pass the A1 exam")
        services.reach_milestone(self.milestone, self.ana, self.ben, "Passed, first try!")
        self.detail = reverse("dreams:detail", args=[self.dream.pk])

    def celebrated(self) -> None:
        services.celebrate(self.milestone, self.ben, CHEER)

    def remove_on_page(self) -> None:
        url = reverse("dreams:milestone_remove", args=[self.milestone.pk])
        self.assertRedirects(self.client_for(self.ana).post(url), self.detail)

    def assert_emptied_with_the_celebration_kept(self) -> None:
        self.milestone.refresh_from_db()
        self.assertEqual((self.milestone.title, self.milestone.news), ("", ""))
        self.assertEqual(Celebration.objects.get(milestone=self.milestone).message, CHEER)

    def test_the_page_keeps_the_partners_celebration(self) -> None:
        self.celebrated()
        self.remove_on_page()
        self.assert_emptied_with_the_celebration_kept()
        ben = self.client_for(self.ben).get(self.detail)
        self.assertContains(ben, "A step Ana removed")
        self.assertContains(ben, CHEER)
        self.assertNotContains(ben, "Pass the A1 exam")
        ana = self.client_for(self.ana).get(self.detail)
        self.assertContains(ana, "A step you removed")
        self.assertNotContains(ana, "Passed, first try!")

    def test_the_api_keeps_the_partners_celebration(self) -> None:
        self.celebrated()
        r = self.api("delete", f"/dreams/milestones/{self.milestone.pk}", self.ana)
        self.assertEqual(r.status_code, 204)
        self.assert_emptied_with_the_celebration_kept()
        seen = self.api("get", f"/dreams/{self.dream.pk}", self.ben).json()["milestones"]
        self.assertEqual(len(seen), 1)
        self.assertEqual((seen[0]["removed"], seen[0]["title"]), (True, ""))
        self.assertEqual(seen[0]["celebration"]["message"], CHEER)
        export = self.client_for(self.ben).post(reverse("export")).json()
        kept = export["couples"][0]["dreams"][0]["milestones"][0]
        self.assertEqual((kept["removed"], kept["celebration"]["message"]), (True, CHEER))

    def test_a_milestone_nobody_celebrated_goes_entirely(self) -> None:
        self.remove_on_page()
        self.assertFalse(Milestone.objects.exists())
        other = services.add_milestone(self.dream, self.ana, "Order a coffee in German")
        self.api("delete", f"/dreams/milestones/{other.pk}", self.ana)
        self.assertFalse(Milestone.objects.exists())

    def test_only_the_dreamer_removes_it_and_another_couple_gets_404(self) -> None:
        self.celebrated()
        r = self.api("delete", f"/dreams/milestones/{self.milestone.pk}", self.ben)
        self.assertEqual(r.status_code, 403)
        r = self.api("delete", f"/dreams/milestones/{self.milestone.pk}", self.cora)
        self.assertEqual(r.status_code, 404)
        url = reverse("dreams:milestone_remove", args=[self.milestone.pk])
        self.assertEqual(self.client_for(self.cora).post(url).status_code, 404)
        self.milestone.refresh_from_db()
        self.assertEqual(self.milestone.title, "Pass the A1 exam")

from datetime import UTC, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from closeknit.dates.models import DateIdea, DatePlan
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase


class ProposeTestCase(BaseTestCase):
    def post(self, **data: str) -> Any:
        form = {
            "title": "Sunset walk",
            "place": "The old harbour",
            "starts_at": "2031-06-14T19:30",
            "duration": "120",
            "planner": "me",
            **data,
        }
        with self.captureOnCommitCallbacks(execute=True):
            return self.client_for(self.ana).post(reverse("dates:propose"), form)

    def test_it_proposes_a_date_on_the_proposers_clock_and_tells_the_partner(self) -> None:
        r = self.post()
        date_plan = DatePlan.objects.get(couple=self.couple)
        self.assertRedirects(r, reverse("dates:detail", args=[date_plan.pk]))
        # 19:30 in Lisbon (summer time, UTC+1) is 18:30 UTC.
        self.assertEqual(date_plan.starts_at.astimezone(UTC).hour, 18)
        self.assertEqual(date_plan.proposed_by, self.ana)
        self.assertEqual(date_plan.planner, self.ana)
        self.assertEqual(date_plan.status, DatePlan.Status.PROPOSED)
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.text, "Ana suggested a date.")
        self.assertNotIn("Sunset", note.text)

    def test_it_reads_the_time_on_the_proposers_own_clock(self) -> None:
        self.ana.timezone = "Asia/Tokyo"  # the couple's zone stays Lisbon
        self.ana.save(update_fields=["timezone"])
        self.post()
        date_plan = DatePlan.objects.get(couple=self.couple)
        self.assertEqual(date_plan.starts_at.astimezone(UTC).hour, 10)

    def test_it_can_be_planned_together(self) -> None:
        self.post(planner="both")
        self.assertIsNone(DatePlan.objects.get(couple=self.couple).planner)

    def test_it_rejects_a_time_in_the_past_and_keeps_the_input(self) -> None:
        r = self.post(starts_at="2001-01-01T10:00")
        self.assertContains(r, "Choose a time that is still ahead.", status_code=422)
        self.assertContains(r, "Sunset walk", status_code=422)
        self.assertFalse(DatePlan.objects.exists())

    def test_it_rejects_a_missing_title(self) -> None:
        r = self.post(title="")
        self.assertContains(r, "Say what the date is.", status_code=422)
        self.assertFalse(DatePlan.objects.exists())

    def test_it_prefills_from_an_idea_and_remembers_it(self) -> None:
        idea = DateIdea.objects.get(key="at_home-001")
        r = self.client_for(self.ana).get(reverse("dates:propose") + f"?idea={idea.pk}")
        self.assertContains(r, idea.title)
        self.post(idea=str(idea.pk))
        self.assertEqual(DatePlan.objects.get(couple=self.couple).idea, idea)

    def test_a_bad_idea_id_is_ignored(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:propose") + "?idea=nope")
        self.assertEqual(r.status_code, 200)

    def test_the_form_shows_the_time_zone(self) -> None:
        r = self.client_for(self.ana).get(reverse("dates:propose"))
        self.assertContains(r, "Europe/Lisbon")
        self.assertContains(r, 'type="datetime-local"')

    def test_it_needs_a_couple(self) -> None:
        r = self.client_for(self.eli).get(reverse("dates:propose"))
        self.assertRedirects(r, reverse("pair"))

    def test_future_check_uses_now(self) -> None:
        soon = (timezone.now() + timedelta(hours=2)).astimezone(self.couple.tz)
        self.post(starts_at=soon.strftime("%Y-%m-%dT%H:%M"))
        self.assertTrue(DatePlan.objects.exists())

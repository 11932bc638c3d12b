from datetime import timedelta

from django.urls import reverse

from closeknit.assessment import content, steps
from closeknit.assessment.models import Response, Round
from closeknit.assessment.tests.helpers import answers, make_round, respond
from closeknit.nudges.models import Notification
from closeknit.test import BaseTestCase

INDEX = reverse("assessment:index")


def page_data(step: steps.Step, first: int = 5, second: int = 6) -> dict[str, int]:
    keys = step.keys(content.catalog())
    if step.section == "lovemap":
        first, second = 1, 2
    return {f"{k}__{i}": v for k in keys for i, v in enumerate((first, second))}


class StartTestCase(BaseTestCase):
    def test_the_baseline_can_start_at_once(self) -> None:
        r = self.client_for(self.ana).get(INDEX)
        self.assertContains(r, "Take your baseline")
        r = self.client_for(self.ana).post(reverse("assessment:start"))
        self.assertRedirects(r, reverse("assessment:take", args=["emotional"]))
        rnd = Round.objects.get()
        self.assertEqual((rnd.number, rnd.started_on), (1, self.couple.today()))

    def test_the_next_round_waits_a_quarter(self) -> None:
        first = make_round(self.couple, days_ago=30)
        respond(first, self.ana)
        respond(first, self.ben)
        r = self.client_for(self.ana).post(reverse("assessment:start"), follow=True)
        self.assertContains(r, "The next assessment opens on")
        self.assertEqual(Round.objects.count(), 1)

    def test_a_quarter_later_it_opens(self) -> None:
        first = make_round(self.couple, days_ago=91)
        respond(first, self.ana)
        respond(first, self.ben)
        self.assertContains(
            self.client_for(self.ben).get(INDEX), "This quarter's assessment is open"
        )
        self.client_for(self.ben).post(reverse("assessment:start"))
        self.assertEqual(list(Round.objects.values_list("number", flat=True)), [1, 2])


class TakeTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.rnd = make_round(self.couple)

    def test_it_shows_a_page_with_two_scales_per_item(self) -> None:
        r = self.client_for(self.ana).get(reverse("assessment:take", args=["emotional"]))
        self.assertContains(r, "I can tell my partner what&#x27;s troubling me")
        self.assertContains(r, "As it is now", count=6)
        self.assertContains(r, "As I&#x27;d like it", count=6)
        self.assertContains(r, "Page 1 of 10")

    def test_the_love_map_asks_about_me_and_for_a_guess_with_the_partners_name(self) -> None:
        r = self.client_for(self.ana).get(reverse("assessment:take", args=["love-map-1"]))
        self.assertContains(r, "What drains Ben&#x27;s energy most")
        self.assertContains(r, "Apart from you, who does Ben usually turn to first")

    def test_it_saves_a_page_and_moves_on(self) -> None:
        step = steps.BY_SLUG["emotional"]
        url = reverse("assessment:take", args=["emotional"])
        r = self.client_for(self.ana).post(url, page_data(step, 3, 6))
        self.assertRedirects(r, reverse("assessment:take", args=["intellectual"]))
        response = Response.objects.get(author=self.ana)
        self.assertEqual(response.intimacy["emotional-1"], [3, 6])
        self.assertEqual(len(response.intimacy), 6)
        self.assertIsNone(response.finished_at)

    def test_a_missing_answer_is_marked_and_the_rest_kept(self) -> None:
        step = steps.BY_SLUG["social"]
        data = page_data(step, 2, 7)
        del data["social-3__1"]
        r = self.client_for(self.ana).post(reverse("assessment:take", args=["social"]), data)
        self.assertContains(r, "Some answers are still missing", status_code=400)
        self.assertContains(r, 'value="2" checked', count=6, status_code=400)
        self.assertFalse(Response.objects.filter(intimacy__has_key="social-1").exists())

    def test_out_of_range_ratings_are_refused(self) -> None:
        data = page_data(steps.BY_SLUG["social"], 9, 6)
        r = self.client_for(self.ana).post(reverse("assessment:take", args=["social"]), data)
        self.assertEqual(r.status_code, 400)

    def test_finishing_needs_every_page_then_seals_and_tells_the_partner(self) -> None:
        client = self.client_for(self.ana)
        for step in steps.STEPS[:-1]:
            client.post(reverse("assessment:take", args=[step.slug]), page_data(step))
        self.assertContains(client.get(reverse("assessment:review")), "still open")
        r = client.post(reverse("assessment:finish"), follow=True)
        self.assertContains(r, "A few pages are still open")
        last = steps.STEPS[-1]
        r = client.post(reverse("assessment:take", args=[last.slug]), page_data(last))
        self.assertRedirects(r, reverse("assessment:review"))
        r = client.post(reverse("assessment:finish"))
        self.assertRedirects(r, reverse("assessment:report", args=[self.rnd.id]))
        self.assertIsNotNone(Response.objects.get(author=self.ana).finished_at)
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.text, "Ana finished the couples' assessment.")

    def test_finished_answers_cannot_be_changed(self) -> None:
        respond(self.rnd, self.ana, now=2)
        step = steps.BY_SLUG["emotional"]
        r = self.client_for(self.ana).post(
            reverse("assessment:take", args=["emotional"]), page_data(step, 7, 7)
        )
        self.assertRedirects(r, INDEX)
        self.assertEqual(Response.objects.get().intimacy["emotional-1"], [2, 6])

    def test_an_unknown_page_is_404(self) -> None:
        r = self.client_for(self.ana).get(reverse("assessment:take", args=["nope"]))
        self.assertEqual(r.status_code, 404)


class SealedTestCase(BaseTestCase):
    def test_the_report_is_sealed_until_both_finish(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ana)
        respond(rnd, self.ben, finished=False, now=1)
        url = reverse("assessment:report", args=[rnd.id])
        for user in (self.ana, self.ben):
            r = self.client_for(user).get(url)
            self.assertContains(r, "The report isn't open yet")
            self.assertNotIn("report", r.context)
        self.assertContains(self.client_for(self.ben).get(INDEX), "Ana has finished")

    def test_a_partners_draft_never_shows_even_to_someone_who_finished(self) -> None:
        from closeknit.assessment.selectors import rounds

        rnd = make_round(self.couple)
        respond(rnd, self.ana)
        respond(rnd, self.ben, finished=False)
        view = rounds(self.couple, self.ana)[0]
        self.assertIsNone(view.theirs)
        self.assertTrue(view.partner_started)
        self.assertFalse(view.revealed)

    def test_another_couple_gets_404(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ana)
        respond(rnd, self.ben)
        for name in ["assessment:report", "assessment:report_print"]:
            r = self.client_for(self.cora).get(reverse(name, args=[rnd.id]))
            self.assertEqual(r.status_code, 404)

    def test_answers_helper_covers_every_item(self) -> None:
        data = answers()
        self.assertEqual(
            (len(data["intimacy"]), len(data["responsiveness"]), len(data["lovemap"])),
            (42, 10, 24),
        )

    def test_a_new_round_can_start_even_if_the_last_was_never_finished(self) -> None:
        make_round(self.couple, days_ago=100)
        self.client_for(self.ana).post(reverse("assessment:start"))
        self.assertEqual(Round.objects.count(), 2)
        first, second = Round.objects.order_by("number")
        self.assertEqual(second.started_on, self.couple.today())
        self.assertEqual(first.started_on, self.couple.today() - timedelta(days=100))

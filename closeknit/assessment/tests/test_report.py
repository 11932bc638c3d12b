from django.db.models import QuerySet
from django.urls import reverse

from closeknit.accounts.export import export_for
from closeknit.assessment import content, demo
from closeknit.assessment.models import Response, Round
from closeknit.assessment.tests.helpers import make_round, respond
from closeknit.test import BaseTestCase


class ReportTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.rnd = make_round(self.couple)
        # Ana: now 3, would like 6 everywhere; Ben: now 5, would like 6.
        respond(self.rnd, self.ana, now=3, ideal=6, felt=4, given=6, me=0, guess=1)
        respond(self.rnd, self.ben, now=5, ideal=6, felt=6, given=6, me=1, guess=2)
        self.url = reverse("assessment:report", args=[self.rnd.id])

    def test_it_shows_both_profiles_side_by_side(self) -> None:
        r = self.client_for(self.ana).get(self.url)
        self.assertContains(r, "You experience it this way, and Ben experiences it that way.")
        rows = r.context["report"].rows
        self.assertEqual(len(rows), 7)
        self.assertEqual((rows[0].mine.now, rows[0].theirs.now), (3.0, 5.0))
        self.assertTrue(rows[0].now_differs)
        self.assertFalse(rows[0].ideal_differs)
        self.assertContains(r, 'id="radar-mine"')
        self.assertContains(r, 'id="report-data"')
        self.assertContains(r, "<table", count=3)

    def test_it_lists_the_biggest_gaps_with_suggestions(self) -> None:
        r = self.client_for(self.ana).get(self.url)
        gaps = r.context["report"].gaps
        # every kind: Ana 3 more, Ben 1 more -> 2 together; the first three kinds, in order
        self.assertEqual([g["kind"] for g in gaps], ["emotional", "intellectual", "physical"])
        self.assertContains(r, "you'd like 3.0 more, and Ben would like 1.0 more")
        self.assertContains(r, "Sit together for ten minutes and take turns")
        self.assertContains(r, "What small sign tells you I&#x27;m really listening?")
        self.assertContains(r, "/talk/library/?kind=intimacy_emotional")

    def test_differences_under_the_noise_level_are_not_shown(self) -> None:
        Response.objects.filter(author=self.ben).update(
            intimacy={k: [4, 6] for k in Response.objects.get(author=self.ben).intimacy}
        )
        r = self.client_for(self.ana).get(self.url)
        # 3 against 4 is a full point: shown; the footnote explains the rule
        self.assertEqual(len(r.context["report"].differences), 7)
        Response.objects.filter(author=self.ana).update(
            intimacy={k: [3.5, 6] for k in Response.objects.get(author=self.ana).intimacy}
        )
        r = self.client_for(self.ana).get(self.url)
        self.assertEqual(r.context["report"].differences, [])
        self.assertContains(r, "Your two views are within a point of each other")
        self.assertContains(r, "A note on noise")

    def test_responsiveness_and_love_map_accuracy(self) -> None:
        r = self.client_for(self.ana).get(self.url)
        report = r.context["report"]
        # Ana feels 4 from Ben, who sees himself giving 6: two points apart
        self.assertTrue(report.responsiveness["to_me_differs"])
        self.assertFalse(report.responsiveness["to_them_differs"])
        # Ana guessed 1 each time and Ben answered 1: all 24; Ben guessed 2, Ana answered 0: none
        mine, theirs = report.lovemap_totals
        self.assertEqual((mine.correct, mine.total, theirs.correct), (24, 24, 0))
        self.assertContains(r, "You knew 24 of Ben's 24 answers, and Ben knew 0 of your 24.")

    def test_the_partner_sees_the_mirror_image(self) -> None:
        r = self.client_for(self.ben).get(self.url)
        rows = r.context["report"].rows
        self.assertEqual((rows[0].mine.now, rows[0].theirs.now), (5.0, 3.0))
        self.assertContains(r, "and Ana experiences it that way")

    def test_the_printable_view_has_the_tables_without_charts(self) -> None:
        r = self.client_for(self.ana).get(reverse("assessment:report_print", args=[self.rnd.id]))
        self.assertContains(r, "Couple report: Ana and Ben")
        self.assertNotContains(r, "<canvas")
        self.assertNotContains(r, "chart.umd.min.js")
        self.assertContains(r, "data-print hidden")
        self.assertContains(r, '<details class="lovemap-details" open>')

    def test_history_appears_with_a_second_round(self) -> None:
        r = self.client_for(self.ana).get(self.url)
        self.assertContains(r, "After your next quarterly assessment")
        second = make_round(self.couple, number=2)
        respond(second, self.ana, now=4)
        respond(second, self.ben, now=5)
        r = self.client_for(self.ana).get(reverse("assessment:report", args=[second.id]))
        self.assertEqual(r.context["history_chart"]["mine"], [3.0, 4.0])
        self.assertContains(r, 'id="history-chart"')

    def test_it_renders_in_constant_queries_as_history_grows(self) -> None:
        client = self.client_for(self.ana)
        client.get(self.url)  # the first visit keeps the user's row
        # Two of them for the paths that fit: the paths (in their own order, so the
        # same on every database) and the couple's open path. Whether "Just us" is
        # on is asked only when the private path would be among the offers.
        with self.assertNumQueries(13):
            client.get(self.url)
        for number in range(2, 12):
            rnd = make_round(self.couple, number=number)
            respond(rnd, self.ana)
            respond(rnd, self.ben)
        with self.assertNumQueries(13):
            client.get(self.url)

    def test_the_index_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ana)
        client.get(reverse("assessment:index"))
        with self.assertNumQueries(4):
            client.get(reverse("assessment:index"))
        for number in range(2, 12):
            rnd = make_round(self.couple, number=number)
            respond(rnd, self.ana)
            respond(rnd, self.ben)
        with self.assertNumQueries(4):
            client.get(reverse("assessment:index"))


class ExportTestCase(BaseTestCase):
    def test_the_partners_answers_are_exported_only_once_both_finished(self) -> None:
        rnd = make_round(self.couple)
        respond(rnd, self.ana, now=2)
        respond(rnd, self.ben, finished=False, now=6)
        ana = export_for(self.ana)["couples"][0]["assessment"]["rounds"][0]
        self.assertIsNone(ana["partner"])
        self.assertEqual(ana["mine"]["intimacy_now_and_ideal"]["emotional-1"], [2, 6])
        ben = export_for(self.ben)["couples"][0]["assessment"]["rounds"][0]
        self.assertIsNone(ben["partner"])  # Ben hasn't finished: Ana's stay sealed
        Response.objects.filter(author=self.ben).update(finished_at=rnd.created)
        ben = export_for(self.ben)["couples"][0]["assessment"]["rounds"][0]
        self.assertEqual(ben["partner"]["intimacy_now_and_ideal"]["emotional-1"], [2, 6])


class DemoTestCase(BaseTestCase):
    def test_the_demo_report_tells_a_small_story(self) -> None:
        demo.seed(self.couple, self.ana, self.ben)
        self.assertEqual(demo.spread(5.17), [7, 4, 5, 6, 4, 5])  # 31 / 6 = 5.17
        rounds = list(self.couple_rounds())
        r = self.client_for(self.ana).get(reverse("assessment:report", args=[rounds[-1].id]))
        report = r.context["report"]
        self.assertEqual([g["kind"] for g in report.gaps], ["sexual", "recreational", "physical"])
        self.assertEqual([d["d"].kind for d in report.differences], ["social"])
        self.assertTrue(report.responsiveness["to_me_differs"])
        self.assertEqual(len(r.context["history"]), 2)
        cat = content.catalog()
        for response in Response.objects.all():
            self.assertEqual(len(response.intimacy), len(cat.intimacy))

    def couple_rounds(self) -> QuerySet[Round]:
        return Round.objects.filter(couple=self.couple).order_by("number")

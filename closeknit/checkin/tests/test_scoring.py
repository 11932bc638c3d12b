from itertools import pairwise
from unittest import TestCase

from closeknit.checkin import scoring


class SatisfactionTestCase(TestCase):
    def test_it_is_the_mean_of_the_items(self) -> None:
        # (5 + 6 + 4 + 6) / 4 = 21 / 4
        self.assertEqual(scoring.satisfaction({"a": 5, "b": 6, "c": 4, "d": 6}), 5.25)

    def test_it_is_none_without_answers(self) -> None:
        self.assertIsNone(scoring.satisfaction({}))

    def test_week_score_weighs_closeness_and_satisfaction_equally(self) -> None:
        # satisfaction (3 + 4 + 4 + 5) / 4 = 4; (6 + 4) / 2 = 5
        self.assertEqual(scoring.week_score(6, {"a": 3, "b": 4, "c": 4, "d": 5}), 5.0)

    def test_gap_is_the_distance_either_way(self) -> None:
        self.assertEqual(scoring.gap(3, 5.5), 2.5)
        self.assertEqual(scoring.gap(5.5, 3), 2.5)
        self.assertIsNone(scoring.gap(None, 3))


class LowScoresTestCase(TestCase):
    def test_low_closeness_counts(self) -> None:
        self.assertTrue(scoring.has_low_scores(2, {"a": 6, "b": 6}))

    def test_low_satisfaction_on_average_counts(self) -> None:
        # (2 + 3 + 2 + 3) / 4 = 2.5
        self.assertTrue(scoring.has_low_scores(5, {"a": 2, "b": 3, "c": 2, "d": 3}))

    def test_middling_scores_do_not(self) -> None:
        # (2 + 3 + 3 + 3) / 4 = 2.75
        self.assertFalse(scoring.has_low_scores(3, {"a": 2, "b": 3, "c": 3, "d": 3}))


class SustainedDipTestCase(TestCase):
    def test_three_weeks_a_point_under_the_usual_is_a_dip(self) -> None:
        # usual = (5 + 5 + 6 + 5) / 4 = 5.25; 3.5, 3, 4.25 are all <= 4.25
        self.assertTrue(scoring.sustained_dip([5, 5, 6, 5, 3.5, 3, 4.25]))

    def test_one_good_week_in_between_is_not(self) -> None:
        self.assertFalse(scoring.sustained_dip([5, 5, 6, 5, 3.5, 5, 3.5]))

    def test_less_than_a_point_under_is_not(self) -> None:
        # usual 5.25; 4.5 is only 0.75 under
        self.assertFalse(scoring.sustained_dip([5, 5, 6, 5, 4, 4, 4.5]))

    def test_a_missed_week_in_the_three_is_not(self) -> None:
        self.assertFalse(scoring.sustained_dip([5, 5, 6, 5, 3, None, 3]))

    def test_this_week_not_yet_in_is_ignored(self) -> None:
        self.assertTrue(scoring.sustained_dip([5, 5, 6, 5, 3, 3, 3, None]))

    def test_it_needs_three_earlier_weeks_to_know_the_usual(self) -> None:
        self.assertFalse(scoring.sustained_dip([6, 6, 2, 2, 2]))

    def test_the_usual_is_the_last_eight_earlier_weeks(self) -> None:
        # the 1s fall outside the eight; usual = 5, and 3s are 2 under
        self.assertTrue(scoring.sustained_dip([1, 1, *[5] * 8, 3, 3, 3]))


class CirclesTestCase(TestCase):
    def test_step_one_is_apart_and_step_seven_almost_one(self) -> None:
        one, seven = scoring.closeness_circles(1), scoring.closeness_circles(7)
        # radius 18: apart means the centres are more than 36 apart
        self.assertEqual(one.partner_x - one.self_x, 40)
        self.assertAlmostEqual(seven.partner_x - seven.self_x, 3.6)

    def test_the_overlap_grows_evenly(self) -> None:
        distances = [
            (c := scoring.closeness_circles(step)).partner_x - c.self_x for step in range(1, 8)
        ]
        # (40 - 3.6) / 6 = 6.07 each step (positions are rounded to 0.01)
        for a, b in pairwise(distances):
            self.assertAlmostEqual(a - b, 6.07, delta=0.02)

    def test_the_pair_is_centred(self) -> None:
        c = scoring.closeness_circles(4)
        self.assertAlmostEqual((c.self_x + c.partner_x) / 2, c.width / 2)

    def test_it_refuses_a_step_outside_the_scale(self) -> None:
        with self.assertRaises(ValueError):
            scoring.closeness_circles(8)

from unittest import TestCase

from closeknit.assessment import scoring
from closeknit.assessment.scoring import Accuracy, KindScore

KINDS = {"emotional": ["e1", "e2", "e3"], "social": ["s1", "s2"]}


class KindScoresTestCase(TestCase):
    def test_it_averages_now_and_ideal_per_kind(self) -> None:
        answers = {"e1": [3, 6], "e2": [4, 6], "e3": [5, 7], "s1": [6, 6], "s2": [5, 6]}
        scores = scoring.kind_scores(answers, KINDS)
        # emotional now (3+4+5)/3 = 4, ideal (6+6+7)/3 = 6.33; social now 5.5, ideal 6
        self.assertEqual(scores["emotional"], KindScore(4.0, 6.33))
        self.assertEqual(scores["social"], KindScore(5.5, 6.0))
        self.assertEqual(scores["emotional"].gap, 2.33)

    def test_it_uses_only_what_was_answered(self) -> None:
        scores = scoring.kind_scores({"e1": [2, 4]}, KINDS)
        self.assertEqual(scores, {"emotional": KindScore(2.0, 4.0)})

    def test_overall_weighs_each_kind_the_same(self) -> None:
        # now (4 + 5.5) / 2 = 4.75; ideal (6.5 + 6) / 2 = 6.25
        found = scoring.overall({"a": KindScore(4, 6.5), "b": KindScore(5.5, 6)})
        self.assertEqual(found, KindScore(4.75, 6.25))


class NoiseTestCase(TestCase):
    def test_a_difference_is_a_full_point_or_more(self) -> None:
        self.assertFalse(scoring.is_difference(4.5, 5.33))
        self.assertTrue(scoring.is_difference(4.5, 5.5))
        self.assertTrue(scoring.is_difference(5.5, 4.5))
        # 4.17 and 5.17 are exactly one point apart, whatever floating point says
        self.assertTrue(scoring.is_difference(4.17, 5.17))

    def test_differences_list_now_and_ideal_separately(self) -> None:
        mine = {"x": KindScore(3, 6), "y": KindScore(5, 7), "z": KindScore(4, 5)}
        theirs = {"x": KindScore(5, 6.5), "y": KindScore(4.5, 5.5), "z": KindScore(4.9, 5.9)}
        found = [(d.kind, d.aspect) for d in scoring.differences(mine, theirs)]
        # x now differs by 2; y ideal by 1.5; z by 0.9 both ways: noise
        self.assertEqual(found, [("x", "now"), ("y", "ideal")])


class GapsTestCase(TestCase):
    def test_the_biggest_shared_gaps_come_first(self) -> None:
        mine = {
            "a": KindScore(4, 6),
            "b": KindScore(3, 6),
            "c": KindScore(5, 6),
            "d": KindScore(2, 7),
        }
        theirs = {
            "a": KindScore(5, 6),
            "b": KindScore(4, 6),
            "c": KindScore(5, 5),
            "d": KindScore(5, 5),
        }
        gaps = scoring.biggest_gaps(mine, theirs)
        # a: (2 + 1) / 2 = 1.5; b: (3 + 2) / 2 = 2.5; d: (5 + 0) / 2 = 2.5;
        # c: (1 + 0) / 2 = 0.5 is under a point
        self.assertEqual(
            [(g.kind, g.together) for g in gaps], [("b", 2.5), ("d", 2.5), ("a", 1.5)]
        )

    def test_it_lists_at_most_three(self) -> None:
        scores = {k: KindScore(1, 7) for k in "abcde"}
        self.assertEqual(len(scoring.biggest_gaps(scores, scores)), 3)

    def test_wanting_less_is_not_a_gap(self) -> None:
        self.assertEqual(scoring.biggest_gaps({"a": KindScore(6, 4)}, {"a": KindScore(6, 3)}), [])


class ResponsivenessTestCase(TestCase):
    def test_it_averages_felt_and_given(self) -> None:
        # felt (5 + 4 + 3) / 3 = 4; given (6 + 7 + 6) / 3 = 6.33
        found = scoring.responsiveness({"r1": [5, 6], "r2": [4, 7], "r3": [3, 6]})
        self.assertEqual(found, scoring.Responsiveness(4.0, 6.33))

    def test_nothing_answered_is_none(self) -> None:
        self.assertIsNone(scoring.responsiveness({}))


class LovemapTestCase(TestCase):
    def test_accuracy_per_topic_compares_my_guess_with_their_own_answer(self) -> None:
        topics = {"people": ["q1", "q2"], "hopes": ["q3"]}
        ana = {"q1": [0, 2], "q2": [1, 1], "q3": [4, 0]}
        ben = {"q1": [2, 0], "q2": [3, 4], "q3": [0, 4]}
        # Ana guessed Ben's q1 (2 = 2) and q3 (0 = 0), not q2 (1 vs 3)
        self.assertEqual(
            scoring.lovemap_accuracy(ana, ben, topics),
            {"people": Accuracy(1, 2), "hopes": Accuracy(1, 1)},
        )
        # Ben guessed Ana's q1 (0 = 0) and q3 (4 = 4), not q2 (4 vs 1)
        found = scoring.lovemap_accuracy(ben, ana, topics)
        self.assertEqual(scoring.total_accuracy(found), Accuracy(2, 3))
        self.assertEqual(Accuracy(2, 3).share, 0.67)

    def test_unanswered_questions_do_not_count(self) -> None:
        found = scoring.lovemap_accuracy({"q1": [0, 0]}, {}, {"people": ["q1"]})
        self.assertEqual(found["people"], Accuracy(0, 0))
        self.assertEqual(Accuracy(0, 0).share, 0.0)

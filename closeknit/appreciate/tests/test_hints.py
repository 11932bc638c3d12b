from unittest import TestCase
from unittest.mock import patch

from closeknit.appreciate.hints import hints, named_qualities
from closeknit.coach import Analysis, Finding


def by_part(did: str = "", felt: str = "", shows: str = "") -> dict[str, tuple[bool, str]]:
    return {h.part: (h.good, h.message) for h in hints(did, felt, shows, "Ben")}


class HintsTestCase(TestCase):
    def test_a_vague_act_is_nudged_toward_one_moment(self) -> None:
        good, message = by_part(did="Thanks for everything you do")["did"]
        self.assertFalse(good)
        self.assertEqual(message, "Name one moment: what did Ben do, and when?")

    def test_a_short_act_is_nudged_too(self) -> None:
        self.assertFalse(by_part(did="The dishes")["did"][0])

    def test_a_specific_act_is_noticed(self) -> None:
        self.assertTrue(by_part(did="You made me coffee before my early meeting")["did"][0])

    def test_the_effect_should_be_in_the_first_person(self) -> None:
        self.assertFalse(by_part(felt="It was helpful")["felt"][0])
        self.assertTrue(by_part(felt="I felt looked after")["felt"][0])
        # Answering "how it made you feel" with the feeling alone is fine.
        self.assertTrue(by_part(felt="relieved and looked after")["felt"][0])

    def test_praising_only_the_act_is_nudged_toward_the_person(self) -> None:
        good, message = by_part(shows="The coffee was great.")["shows"]
        self.assertFalse(good)
        self.assertIn("Praise Ben, not only the act", message)

    def test_naming_a_quality_of_the_partner_is_noticed(self) -> None:
        good, message = by_part(shows="It shows how thoughtful and patient you are")["shows"]
        self.assertTrue(good)
        self.assertEqual(message, "You named a quality of theirs: thoughtful, patient.")

    def test_a_sentence_about_the_person_without_a_listed_word_counts(self) -> None:
        self.assertTrue(by_part(shows="It shows how much you care about my mornings")["shows"][0])
        self.assertTrue(by_part(shows="you notice when I am running on empty")["shows"][0])
        self.assertFalse(by_part(shows="You always do the dishes")["shows"][0])

    def test_a_quality_word_about_someone_else_does_not(self) -> None:
        self.assertFalse(by_part(shows="The barista was kind")["shows"][0])

    def test_curly_apostrophes_from_phones_work(self) -> None:
        self.assertTrue(by_part(shows="You\u2019re so generous with your time")["shows"][0])
        self.assertTrue(by_part(felt="I\u2019m lighter")["felt"][0])

    def test_empty_parts_get_no_hints(self) -> None:
        self.assertEqual(hints("", " ", "", "Ben"), [])

    def test_quality_words_are_found_once_in_order(self) -> None:
        self.assertEqual(named_qualities("Kind, so kind, and brave."), ["kind", "brave"])

    def test_a_but_that_cancels_the_thanks_is_flagged_by_the_listening_coach(self) -> None:
        but = Finding("dismissive_but", 0, 10, "This 'but' may cancel.", "Thanks, and …")
        blame = Finding("you_statement", 0, 10, "Blame?", None)
        reading = Analysis(signals={}, empathy={}, listening_level="", findings=[but, blame])
        with patch("closeknit.appreciate.hints.analyze", return_value=reading) as analyze:
            found = [h for h in hints("", "", "Thanks for dinner, but the bins.") if not h.good]
        analyze.assert_called_once_with("Thanks for dinner, but the bins.")
        # Only the "but": an appreciation is meant to say "you".
        self.assertEqual(
            [(h.part, h.message, h.example) for h in found][-1:],
            [("shows", "This 'but' may cancel.", "Thanks, and …")],
        )
        self.assertEqual(len([h for h in found if h.message == "Blame?"]), 0)

    def test_no_but_no_coach_call(self) -> None:
        with patch("closeknit.appreciate.hints.analyze") as analyze:
            hints("You cooked", "I smiled", "It shows how kind you are", "Ben")
        analyze.assert_not_called()

    def test_a_broken_coach_never_stops_a_thank_you(self) -> None:
        broken = patch("closeknit.appreciate.hints.analyze", side_effect=ValueError("model"))
        with broken, self.assertLogs("closeknit.appreciate.hints", "ERROR"):
            found = hints("", "", "Thanks, but nothing", "Ben")
        self.assertEqual([h.part for h in found], ["shows"])

"""The document writers on their own, from export-shaped data: no database needed."""

from typing import Any

from django.test import SimpleTestCase
from django.utils import timezone

from closeknit.accounts.document import couple_document, couple_documents


def couple(partner: str = "Ben", **practices: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "timezone": "Europe/Lisbon",
        "joined_at": "2026-01-02T10:00:00+00:00",
        "left_at": None,
        "partner": [partner],
        **practices,
    }


class CoupleDocumentTestCase(SimpleTestCase):
    def test_both_true_and_own_questions_read_with_names(self) -> None:
        talk = {
            "daily_questions": [],
            "both_true": [{"title": "Sundays", "mine": "Too short", "partner": "Too long"}],
            "own_prompts": ["What made you laugh this week?"],
            "talk_sessions": [],
        }
        doc = couple_document(couple(talk=talk), "Ana")
        both, own = doc.sections
        self.assertEqual((both.heading, own.heading), ("Both true", "Questions of your own"))
        self.assertEqual(
            [(x.who, x.text) for x in both.entries[0].lines],
            [
                ("You", "Too short"),
                ("Ben", "Too long"),
            ],
        )
        self.assertEqual(own.entries[0].lines[0].text, "What made you laugh this week?")
        self.assertEqual(doc.empty, ["The daily question", "Talk times"])

    def test_names_from_the_export_become_you_for_the_reader(self) -> None:
        fun = {"shows": [], "inside_jokes": [{"text": "The kite", "added_by": "Ana"}]}
        doc = couple_document(couple(fun=fun), "Ana")
        self.assertEqual(doc.sections[0].entries[0].lines[0].who, "You")

    def test_an_unknown_practice_that_is_a_list_is_shown_whole(self) -> None:
        doc = couple_document(couple(kites=[{"colour": "red"}]), "Ana")
        (section,) = doc.sections
        self.assertEqual((section.slug, section.heading), ("kites", "Kites"))
        self.assertIsNotNone(section.whole)

    def test_two_couples_have_sections_with_ids_of_their_own(self) -> None:
        data = {
            "profile": {"name": "Ana"},
            "couples": [
                couple("Ben", fun={"shows": [{"title": "Up", "status": "done"}]}),
                couple("Cai", fun={"shows": [{"title": "Heat", "status": "want"}]}),
            ],
        }
        first, second = couple_documents(data)
        self.assertEqual((first.heading, second.heading), ("You and Ben", "You and Cai"))
        self.assertNotEqual(first.slug, second.slug)
        self.assertNotEqual(first.sections[0].slug, second.sections[0].slug)
        self.assertEqual(second.sections[0].entries[0].lines[0].text, "Want to watch")

    def test_a_couple_left_says_until_when(self) -> None:
        data = couple()
        data["left_at"] = "2026-06-01T10:00:00+00:00"
        with timezone.override("Europe/Lisbon"):
            doc = couple_document(data, "Ana")
        self.assertEqual(
            doc.facts,
            ["Together in Closeknit since Friday 2 January 2026, until Monday 1 June 2026."],
        )

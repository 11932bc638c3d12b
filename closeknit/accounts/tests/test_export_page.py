from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import patch

from django.urls import reverse

from closeknit.accounts.export import export_for
from closeknit.accounts.models import User
from closeknit.appreciate import services as appreciate
from closeknit.talk import prompts
from closeknit.talk import services as talk
from closeknit.talk.models import Reply
from closeknit.test import BaseTestCase


class ExportPageTestCase(BaseTestCase):
    def test_it_shows_the_profile_and_the_couple_readably(self) -> None:
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "<h1>Everything you can see in Closeknit</h1>", html=True)
        self.assertContains(r, "ana@example.org")
        self.assertContains(r, "You and Ben")
        self.assertNotContains(r, "Cora")

    def test_it_is_linked_from_the_export_page(self) -> None:
        r = self.client_for(self.ana).get(reverse("export"))
        self.assertContains(r, reverse("export_page"))

    def test_it_includes_my_words_and_not_my_partners_sealed_answer(self) -> None:
        question = prompts.todays_question(self.couple)
        talk.answer_question(question, self.ana, "Ana's sealed words about the sea")
        talk.answer_question(prompts.todays_question(self.other_couple), self.cora, "Cora's words")
        ana = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(ana, "Ana&#x27;s sealed words about the sea")
        ben = self.client_for(self.ben).get(reverse("export_page"))
        self.assertNotContains(ben, "sealed words about the sea")
        self.assertNotContains(ben, "Cora&#x27;s words")

    def test_it_keeps_my_journal_from_my_partner(self) -> None:
        appreciate.write_journal(self.couple, self.ana, "Grateful for the quiet morning")
        ana = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(ana, "Grateful for the quiet morning")
        ben = self.client_for(self.ben).get(reverse("export_page"))
        self.assertNotContains(ben, "Grateful for the quiet morning")

    def test_it_works_for_someone_not_paired(self) -> None:
        r = self.client_for(self.eli).get(reverse("export_page"))
        self.assertContains(r, "nothing more to show")

    def test_it_needs_a_login(self) -> None:
        r = self.client.get(reverse("export_page"))
        self.assertRedirects(r, f"{reverse('account_login')}?next={reverse('export_page')}")


class ExportDocumentTestCase(BaseTestCase):
    """The page reads as a document: sections, names, sentences, the reader's own clock."""

    def answer_todays_question(self) -> Reply:
        question = prompts.todays_question(self.couple)
        talk.answer_question(question, self.ana, "The sea at Nazaré")
        talk.answer_question(question, self.ben, "The hills behind the house")
        return talk.add_reply(question, self.ben, "Let's go there in spring")

    def test_it_has_contents_linking_to_a_section_per_practice(self) -> None:
        self.answer_todays_question()
        appreciate.write_journal(self.couple, self.ana, "Grateful for the quiet morning")
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, '<h2 id="contents-heading">Contents</h2>', html=True)
        self.assertContains(r, '<a href="#talk-daily-questions">The daily question</a>', html=True)
        self.assertContains(r, '<h3 id="talk-daily-questions-heading">The daily question</h3>')
        self.assertContains(r, '<a href="#appreciate-gratitude-journal">')
        self.assertContains(r, 'id="appreciate-gratitude-journal"')
        # A practice with nothing in it yet gets a mention, not an empty section.
        self.assertNotContains(r, '<a href="#dates-dates">')
        self.assertContains(r, "Nothing written yet in:")

    def test_answers_are_sentences_with_the_partners_name(self) -> None:
        self.answer_todays_question()
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "<strong>You</strong>: The sea at Nazaré", html=True)
        self.assertContains(r, "<strong>Ben</strong>: The hills behind the house", html=True)
        self.assertNotContains(r, "Partner")
        self.assertNotContains(r, "Mine")
        for dump in ("Passed", "Edited", "No</", "Nothing yet", "Replies", "coach notes"):
            self.assertNotContains(r, dump)

    def test_a_pass_and_an_edit_after_the_reveal_are_said_plainly(self) -> None:
        question = prompts.todays_question(self.couple)
        talk.pass_question(question, self.ben)
        talk.answer_question(question, self.ana, "Today's words")
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "<strong>Ben</strong> passed.")
        yesterday = prompts.question_on(self.couple, question.date - timedelta(days=1))
        talk.answer_question(yesterday, self.ben, "Ben's words")
        talk.answer_question(yesterday, self.ana, "First thought")
        talk.answer_question(yesterday, self.ana, "Second thought")
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(
            r,
            "<strong>You</strong>: Second thought"
            ' <span class="export-note">(edited; first shared as “First thought”)</span>',
            html=True,
        )
        self.assertNotContains(r, "First text")
        self.assertNotContains(r, "Yes")

    def test_times_are_on_the_readers_own_clock(self) -> None:
        reply = self.answer_todays_question()
        Reply.objects.filter(pk=reply.pk).update(created=datetime(2026, 3, 4, 12, 5, tzinfo=UTC))
        User.objects.filter(pk=self.ana.pk).update(timezone="Asia/Tokyo")
        self.ana.refresh_from_db()
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "4 March 2026, 21:05")  # noon in UTC is nine in the evening
        self.assertContains(r, "(Asia/Tokyo)")
        lisbon = self.client_for(self.ben).get(reverse("export_page"))
        self.assertContains(lisbon, "4 March 2026, 12:05")

    def test_the_question_date_is_a_small_heading_with_the_weekday(self) -> None:
        question = prompts.todays_question(self.couple)
        talk.answer_question(question, self.ana, "Words")
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, f"<h4>{question.date.strftime('%A %-d %B %Y')}</h4>", html=True)
        self.assertContains(r, f"<strong>{question.prompt.text}</strong>", html=True)

    def test_another_couples_words_never_appear(self) -> None:
        question = prompts.todays_question(self.other_couple)
        talk.answer_question(question, self.cora, "Cora's own words")
        talk.answer_question(question, self.dev, "Dev's own words")
        appreciate.write_journal(self.other_couple, self.cora, "Cora's journal")
        for user in (self.ana, self.ben):
            r = self.client_for(user).get(reverse("export_page"))
            for words in ("Cora", "Dev&#x27;s", "own words", "Cora&#x27;s journal"):
                self.assertNotContains(r, words)

    def test_a_sealed_answer_of_the_partner_is_not_shown(self) -> None:
        question = prompts.todays_question(self.couple)
        talk.answer_question(question, self.ben, "Ben's answer still sealed")
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertNotContains(r, "still sealed")
        self.assertContains(r, question.prompt.text.replace("'", "&#x27;"))

    def test_fields_and_practices_added_later_still_show_with_plain_labels(self) -> None:
        def with_new_fields(user: User) -> dict[str, Any]:
            data = export_for(user)
            couple = data["couples"][0]
            couple["talk"]["daily_questions"][0]["partner"]["first_version"] = "Before I edited"
            couple["kites"] = {
                "kites_flown": [{"kite_colour": "Saffron", "flown_on": "2026-05-01"}]
            }
            return data

        self.answer_todays_question()
        with patch("closeknit.accounts.views.export_for", with_new_fields):
            r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "<dt>First version</dt><dd><p>Before I edited</p></dd>", html=True)
        self.assertContains(r, '<a href="#kites-kites-flown">Kites flown</a>', html=True)
        self.assertContains(r, "<dt>Kite colour</dt>")
        self.assertContains(r, "Saffron")
        self.assertContains(r, "1 May 2026")

from django.urls import reverse

from closeknit.appreciate import services as appreciate
from closeknit.talk import prompts
from closeknit.talk import services as talk
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

from importlib.util import find_spec
from unittest import skipUnless

from django.urls import reverse

from closeknit.test import BaseTestCase

HAS_TALK = find_spec("closeknit.talk.services") is not None
HAS_APPRECIATE = find_spec("closeknit.appreciate.services") is not None


class ExportPageTestCase(BaseTestCase):
    def test_it_shows_the_profile_and_the_couple_readably(self) -> None:
        r = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(r, "<h1>Everything you can see in Closeknit</h1>", html=True)
        self.assertContains(r, "ana@example.org")
        self.assertContains(r, "With Ben")
        self.assertNotContains(r, "Cora")

    def test_it_is_linked_from_the_export_page(self) -> None:
        r = self.client_for(self.ana).get(reverse("export"))
        self.assertContains(r, reverse("export_page"))

    @skipUnless(HAS_TALK, "the daily question is not installed")
    def test_it_includes_my_words_and_not_my_partners_sealed_answer(self) -> None:
        from closeknit.talk import prompts, services

        question = prompts.todays_question(self.couple)
        services.answer_question(question, self.ana, "Ana's sealed words about the sea")
        services.answer_question(
            prompts.todays_question(self.other_couple), self.cora, "Cora's words"
        )
        ana = self.client_for(self.ana).get(reverse("export_page"))
        self.assertContains(ana, "Ana&#x27;s sealed words about the sea")
        ben = self.client_for(self.ben).get(reverse("export_page"))
        self.assertNotContains(ben, "sealed words about the sea")
        self.assertNotContains(ben, "Cora&#x27;s words")

    @skipUnless(HAS_APPRECIATE, "appreciation is not installed")
    def test_it_keeps_my_journal_from_my_partner(self) -> None:
        from closeknit.appreciate import services

        services.write_journal(self.couple, self.ana, "Grateful for the quiet morning")
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

from datetime import timedelta

from django.urls import reverse

from closeknit.accounts.export import export_for
from closeknit.accounts.models import User
from closeknit.appreciate.models import JournalEntry, TallyMark
from closeknit.test import BaseTestCase

JOURNAL = reverse("appreciate:journal")
TALLY = reverse("appreciate:tally")


class JournalTestCase(BaseTestCase):
    def test_it_saves_an_entry_for_its_author_only(self) -> None:
        r = self.client_for(self.ana).post(JOURNAL, {"text": "Grateful for the rain"})
        self.assertRedirects(r, JOURNAL)
        entry = JournalEntry.objects.get()
        self.assertEqual((entry.author, entry.text), (self.ana, "Grateful for the rain"))
        self.assertContains(self.client_for(self.ana).get(JOURNAL), "Grateful for the rain")
        self.assertNotContains(self.client_for(self.ben).get(JOURNAL), "Grateful for the rain")

    def test_an_empty_entry_is_explained(self) -> None:
        r = self.client_for(self.ana).post(JOURNAL, {"text": ""})
        self.assertContains(r, "Write a line or two first.", status_code=422)
        self.assertFalse(JournalEntry.objects.exists())

    def test_the_partner_cannot_delete_it(self) -> None:
        entry = JournalEntry.objects.create(couple=self.couple, author=self.ana, text="Mine")
        url = reverse("appreciate:delete_journal", args=[entry.id])
        for user in (self.ben, self.cora):
            self.assertEqual(self.client_for(user).get(url).status_code, 404)
            r = self.client_for(user).post(url, {"confirm": "yes"})
            self.assertEqual(r.status_code, 404)
        self.assertTrue(JournalEntry.objects.exists())
        self.client_for(self.ana).post(url, {"confirm": "yes"})
        self.assertFalse(JournalEntry.objects.exists())

    def test_the_export_holds_only_the_authors_journal(self) -> None:
        JournalEntry.objects.create(couple=self.couple, author=self.ana, text="Ana only")
        ben = export_for(self.ben)["couples"][0]["appreciate"]
        ana = export_for(self.ana)["couples"][0]["appreciate"]
        self.assertEqual(ben["gratitude_journal"], [])
        self.assertEqual(ana["gratitude_journal"][0]["text"], "Ana only")

    def test_it_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ana)
        JournalEntry.objects.create(couple=self.couple, author=self.ana, text="One")
        client.get(JOURNAL)  # the first visit keeps the user's row
        with self.assertNumQueries(4):
            client.get(JOURNAL)
        JournalEntry.objects.bulk_create(
            [JournalEntry(couple=self.couple, author=self.ana, text=str(i)) for i in range(50)]
        )
        with self.assertNumQueries(4):
            client.get(JOURNAL)


class TallyTestCase(BaseTestCase):
    def mark(self, user: User, kind: str, days_ago: int = 0) -> TallyMark:
        return TallyMark.objects.create(
            couple=self.couple,
            author=user,
            kind=kind,
            day=self.couple.today() - timedelta(days=days_ago),
        )

    def test_it_logs_a_mark_for_today(self) -> None:
        self.client_for(self.ana).post(TALLY, {"kind": "appreciation"})
        mark = TallyMark.objects.get()
        self.assertEqual(
            (mark.author, mark.kind, mark.day), (self.ana, "appreciation", self.couple.today())
        )

    def test_an_unknown_kind_is_explained(self) -> None:
        r = self.client_for(self.ana).post(TALLY, {"kind": "sulk"})
        self.assertContains(r, "Log an appreciation or a complaint.", status_code=422)
        self.assertFalse(TallyMark.objects.exists())

    def test_it_shows_weeks_and_is_labelled_honestly(self) -> None:
        for _ in range(7):
            self.mark(self.ana, "appreciation")
        self.mark(self.ana, "complaint", 7)
        r = self.client_for(self.ana).get(TALLY)
        weeks = r.context["weeks"]
        self.assertEqual((weeks[0].appreciations, weeks[0].complaints), (7, 0))
        self.assertEqual(weeks[1].complaints, 1)
        self.assertEqual(weeks[0].appreciation_marks, ["||||/", "||"])
        self.assertContains(r, "It is not a measure of your relationship")

    def test_it_is_private_to_whoever_logged_it(self) -> None:
        self.mark(self.ana, "complaint")
        weeks = self.client_for(self.ben).get(TALLY).context["weeks"]
        self.assertEqual(sum(w.complaints for w in weeks), 0)
        mark = TallyMark.objects.get()
        r = self.client_for(self.ben).post(reverse("appreciate:undo_tally", args=[mark.id]))
        self.assertEqual(r.status_code, 404)
        self.assertEqual(export_for(self.ben)["couples"][0]["appreciate"]["tally"], [])

    def test_the_last_mark_can_be_taken_back(self) -> None:
        mark = self.mark(self.ana, "complaint")
        self.client_for(self.ana).post(reverse("appreciate:undo_tally", args=[mark.id]))
        self.assertFalse(TallyMark.objects.exists())

    def test_it_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ana)
        self.mark(self.ana, "complaint")
        client.get(TALLY)  # the first visit keeps the user's row
        with self.assertNumQueries(4):
            client.get(TALLY)
        for day in range(100):
            self.mark(self.ana, "appreciation", day)
        with self.assertNumQueries(4):
            client.get(TALLY)


class DeleteJournalEntryTestCase(BaseTestCase):
    """Deleting a journal entry asks once, showing the entry."""

    def setUp(self) -> None:
        self.entry = JournalEntry.objects.create(
            couple=self.couple, author=self.ana, text="Grateful for the rain"
        )
        self.url = reverse("appreciate:delete_journal", args=[self.entry.id])

    def test_the_journal_links_to_the_question(self) -> None:
        self.assertContains(self.client_for(self.ana).get(JOURNAL), f'href="{self.url}"')

    def test_it_asks_once_showing_the_entry(self) -> None:
        r = self.client_for(self.ana).get(self.url)
        self.assertContains(r, "<title>Delete your journal entry of ")
        self.assertContains(r, "<h1>Delete this journal entry?</h1>")
        self.assertContains(r, "Grateful for the rain")
        self.assertContains(r, "What goes: this entry, from your journal and from your downloads.")
        self.assertContains(r, 'name="confirm" value="yes"')
        self.assertTrue(JournalEntry.objects.filter(pk=self.entry.pk).exists())

    def test_the_confirmed_post_deletes_it(self) -> None:
        r = self.client_for(self.ana).post(self.url, {"confirm": "yes"})
        self.assertRedirects(r, JOURNAL)
        self.assertFalse(JournalEntry.objects.filter(pk=self.entry.pk).exists())

    def test_a_post_without_the_confirmation_only_asks(self) -> None:
        r = self.client_for(self.ana).post(self.url)
        self.assertContains(r, "Delete this journal entry?")
        self.assertTrue(JournalEntry.objects.filter(pk=self.entry.pk).exists())

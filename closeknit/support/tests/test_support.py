from django.urls import reverse
from django.utils import timezone

from closeknit.nudges.models import Notification
from closeknit.support.models import SupportSignal
from closeknit.test import BaseTestCase

URL = reverse("support:index")


class SupportTestCase(BaseTestCase):
    def signal(self, **kw: object) -> SupportSignal:
        return SupportSignal.objects.create(
            couple=self.couple, author=self.ana, kind="listen", note="Rough day", **kw
        )

    def test_it_sends_a_signal_and_notifies_with_care(self) -> None:
        r = self.client_for(self.ana).post(URL, {"kind": "comfort", "note": "Bad news from home"})
        self.assertRedirects(r, URL)
        signal = SupportSignal.objects.get()
        self.assertEqual(
            (signal.author, signal.kind, signal.note), (self.ana, "comfort", "Bad news from home")
        )
        note = Notification.objects.get(recipient=self.ben)
        self.assertEqual(note.kind, "support")
        self.assertEqual(note.text, "Ana could use some support today.")
        self.assertNotIn("Bad news", note.text)

    def test_it_asks_for_the_kind_of_support_and_keeps_the_note(self) -> None:
        r = self.client_for(self.ana).post(URL, {"note": "Keep me"})
        self.assertContains(r, "Choose the kind of support that would help.", status_code=422)
        self.assertContains(r, "Keep me", status_code=422)
        self.assertFalse(SupportSignal.objects.exists())

    def test_the_partner_sees_it_and_answers_im_here(self) -> None:
        signal = self.signal()
        client = self.client_for(self.ben)
        r = client.get(URL)
        self.assertContains(r, "Ana is having a hard time")
        self.assertContains(r, "Someone to listen")
        self.assertContains(r, "Rough day")
        r = client.post(
            reverse("support:answer", args=[signal.id]), {"offer": "call", "note": "At 6"}
        )
        self.assertRedirects(r, URL)
        signal.refresh_from_db()
        self.assertEqual((signal.offer, signal.answer_note), ("call", "At 6"))
        self.assertIsNotNone(signal.answered_at)
        note = Notification.objects.get(recipient=self.ana)
        self.assertEqual(note.text, "Ben is here for you.")
        r = self.client_for(self.ana).get(URL)
        self.assertContains(r, "Ben is here:</strong> I&#x27;ll call you.")

    def test_the_author_cannot_answer_their_own_signal(self) -> None:
        signal = self.signal()
        r = self.client_for(self.ana).post(
            reverse("support:answer", args=[signal.id]), {"offer": "call"}
        )
        self.assertContains(r, "your partner answers it", status_code=403)
        signal.refresh_from_db()
        self.assertEqual(signal.offer, "")

    def test_an_answer_without_an_offer_is_explained(self) -> None:
        signal = self.signal()
        r = self.client_for(self.ben).post(
            reverse("support:answer", args=[signal.id]), {"note": "Kept words"}
        )
        self.assertContains(r, "Choose what you will do.", status_code=422)
        self.assertContains(r, "Kept words", status_code=422)

    def test_only_the_author_closes_it(self) -> None:
        signal = self.signal()
        self.client_for(self.ben).post(reverse("support:close", args=[signal.id]))
        signal.refresh_from_db()
        self.assertIsNone(signal.closed_at)
        self.client_for(self.ana).post(reverse("support:close", args=[signal.id]))
        signal.refresh_from_db()
        self.assertIsNotNone(signal.closed_at)

    def test_another_couple_gets_404(self) -> None:
        signal = self.signal()
        client = self.client_for(self.cora)
        for name in ["support:answer", "support:close"]:
            r = client.post(reverse(name, args=[signal.id]), {"offer": "call"})
            self.assertEqual(r.status_code, 404)
        self.assertNotContains(client.get(URL), "Rough day")
        signal.refresh_from_db()
        self.assertEqual((signal.offer, signal.closed_at), ("", None))

    def test_the_home_page_shows_the_partners_open_signal(self) -> None:
        self.signal()
        r = self.client_for(self.ben).get(reverse("home"))
        self.assertContains(r, "Ana could use some support")
        r = self.client_for(self.ana).get(reverse("home"))
        self.assertNotContains(r, "could use some support")
        self.assertContains(r, "I'm having a hard time")

    def test_it_renders_in_constant_queries(self) -> None:
        client = self.client_for(self.ben)
        self.signal()
        client.get(URL)  # the first visit keeps the user's row
        with self.assertNumQueries(3):
            client.get(URL)
        for _ in range(30):
            self.signal(closed_at=timezone.now(), offer="call", answered_at=timezone.now())
        with self.assertNumQueries(3):
            client.get(URL)

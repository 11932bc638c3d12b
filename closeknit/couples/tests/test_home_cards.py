"""The couple home as a guide: what needs the person now comes first."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from closeknit.checkin.tests.helpers import make_checkin
from closeknit.dates import services as dates
from closeknit.lib.cards import Card, Need, in_order
from closeknit.support import services as support
from closeknit.talk import prompts
from closeknit.talk import services as talk
from closeknit.test import BaseTestCase


class OrderTestCase(BaseTestCase):
    def home(self, user: object) -> str:
        return self.client_for(user).get(reverse("home")).content.decode()  # type: ignore[arg-type]

    def positions(self, body: str, *headings: str) -> list[int]:
        return [body.index(h) for h in headings]

    def test_it_puts_the_partners_call_then_what_waits_then_todays_question(self) -> None:
        support.send_support(self.couple, self.ana, self.ben, kind="listen")
        starts = timezone.now() + timedelta(days=3)
        dates.propose_date(self.couple, self.ana, self.ben, title="Picnic", starts_at=starts)
        body = self.home(self.ben)
        found = self.positions(
            body, "Ana could use some support", "Next date", "Today's question", "Appreciation"
        )
        self.assertEqual(found, sorted(found))

    def test_a_check_in_the_partner_has_done_waits_before_todays_question(self) -> None:
        before = self.home(self.ben)
        self.assertLess(before.index("Today's question"), before.index("check-in</h2>"))
        make_checkin(self.couple, self.ana, 0, closeness=5, score=5)
        after = self.home(self.ben)
        self.assertLess(after.index("check-in</h2>"), after.index("Today's question"))
        # Once the partner's answer to today's question is in, that waits first.
        talk.answer_question(prompts.todays_question(self.couple), self.ana, "The sea.")
        last = self.home(self.ben)
        self.assertLess(last.index("Today's question"), last.index("check-in</h2>"))

    def test_a_date_you_proposed_waits_for_the_partner_not_for_you(self) -> None:
        starts = timezone.now() + timedelta(days=3)
        dates.propose_date(self.couple, self.ana, self.ben, title="Picnic", starts_at=starts)
        body = self.home(self.ana)
        self.assertLess(body.index("Today's question"), body.index("Next date"))


class AnsweredSignalTestCase(BaseTestCase):
    def test_the_one_who_asked_sees_the_partners_answer_first(self) -> None:
        signal = support.send_support(self.couple, self.ana, self.ben, kind="listen")
        support.answer_support(signal, self.ben, offer="call", note="Tonight at eight.")
        body = self.client_for(self.ana).get(reverse("home")).content.decode()
        self.assertIn("Ben is here for you", body)
        self.assertIn("I&#x27;ll call you", body)
        self.assertIn("Tonight at eight.", body)
        self.assertLess(body.index("Ben is here for you"), body.index("Today's question"))
        body = self.client_for(self.ben).get(reverse("home")).content.decode()
        self.assertNotIn("is here for you", body)

    def test_it_goes_once_the_signal_is_closed(self) -> None:
        signal = support.send_support(self.couple, self.ana, self.ben, kind="listen")
        support.answer_support(signal, self.ben, offer="call")
        support.close_support(signal, self.ana)
        body = self.client_for(self.ana).get(reverse("home")).content.decode()
        self.assertNotIn("is here for you", body)


class InOrderTestCase(BaseTestCase):
    def test_plain_html_comes_after_cards_that_need_you_and_ties_keep_their_order(self) -> None:
        cards: list[str | Card] = ["plain", Card("today", Need.TODAY)]
        cards += [Card("first", Need.PARTNER_NEEDS_YOU), Card("also today", Need.TODAY)]
        self.assertEqual(in_order(cards), ["first", "today", "also today", "plain"])

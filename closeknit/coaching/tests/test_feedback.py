"""The coach's web feedback: plain sentences and notes, no meters and no jargon."""

from django.template.loader import render_to_string
from django.test import SimpleTestCase
from django.utils.html import escape

from closeknit.coaching.feedback import feedback


class CoachFeedbackTestCase(SimpleTestCase):
    def test_it_says_in_words_how_the_reply_listens(self) -> None:
        found = feedback(
            "That sounds exhausting, no wonder you're drained. What was the worst part?",
            "Work was brutal today.",
        )
        self.assertEqual(
            found.summary,
            "You reflect how they feel and ask about it: that's listening at its fullest.",
        )
        html = render_to_string("coaching/_feedback.html", {"coach": found})
        self.assertIn("listening at its fullest", html)
        self.assertNotIn("<meter", html)
        self.assertNotIn("Listening level", html)
        self.assertNotIn("internal", html)

    def test_a_concern_comes_with_one_next_step(self) -> None:
        found = feedback("That's nothing, my day was way worse.", "I had an awful day.")
        self.assertEqual(found.summary, "This turns the talk toward your own story.")
        assert found.next_step
        html = render_to_string("coaching/_feedback.html", {"coach": found})
        self.assertIn("Turning to your own story", html)
        self.assertIn(found.next_step, html)

    def test_an_i_statement_is_recognised(self) -> None:
        found = feedback("I felt lonely when you stayed late at work.")
        praise = [n for n in found.notes if n.signal == "i_statement"]
        self.assertEqual(len(praise), 1)
        self.assertTrue(praise[0].positive)
        self.assertTrue(found.all_clear)

    def test_each_kind_of_praise_is_said_once_and_each_concern_where_it_is(self) -> None:
        found = feedback(
            "That would make me furious. Must have been so hard to sit there and smile. "
            "Just ignore him. And stop replaying it.",
            "My manager took credit for my report in the all-hands today.",
        )
        signals = [n.signal for n in found.notes]
        self.assertEqual(signals.count("validation"), 1)
        self.assertEqual(signals.count("advice"), 2)

    def test_a_repeated_concern_is_quoted_each_time_and_explained_once(self) -> None:
        found = feedback(
            "I hear you, but it was late. I get it, but you could have texted. Calm down.",
            "You left me waiting an hour.",
        )
        first, second = (n for n in found.notes if n.signal == "dismissive_but")
        self.assertNotEqual(found.summary_signal, "dismissive_but")
        html = render_to_string("coaching/_feedback.html", {"coach": found})
        self.assertIn(escape(first.original), html)
        self.assertIn(escape(second.original), html)
        self.assertEqual(html.count(escape(first.message)), 1)

    def test_sorry_for_their_feeling_is_named_and_not_called_all_clear(self) -> None:
        found = feedback(
            "I'm sorry you feel that way.", "You forgot my birthday again. I felt invisible."
        )
        self.assertFalse(found.all_clear)
        html = render_to_string("coaching/_feedback.html", {"coach": found})
        self.assertIn("An apology for how they feel", html)
        self.assertNotIn("Nothing to flag", html)
        self.assertNotIn("Your care comes through", html)

    def test_a_defence_is_named_and_not_called_all_clear(self) -> None:
        found = feedback("How was I supposed to know?", "You didn't tell me dinner was at six.")
        self.assertFalse(found.all_clear)
        self.assertEqual(found.summary, "This puts your side first, before they feel heard.")

    def test_a_concern_said_in_other_words_is_explained_again(self) -> None:
        # The second question is a kind offer: that is news, not a repeat.
        found = feedback(
            "Oh no. Which hospital? Do you want me to drive you?",
            "Just found out my grandma is in hospital.",
        )
        asked = [n for n in found.notes if n.signal == "closed_question"]
        self.assertEqual(len(asked), 2)
        self.assertNotEqual(asked[0].message, asked[1].message)
        self.assertFalse(asked[1].again)

    def test_saying_it_back_and_checking_is_praised_not_flagged(self) -> None:
        found = feedback(
            "So what I'm hearing is that you miss your family and feel like I don't "
            "prioritise them. Did I get that right?",
            "I feel like we never see my family because your plans always come first.",
        )
        self.assertEqual(
            found.summary,
            "You say back what you heard and check you got it right: that's listening at its "
            "fullest.",
        )
        check = [n for n in found.notes if n.signal == "closed_question"]
        self.assertEqual(len(check), 1)
        self.assertTrue(check[0].positive)
        self.assertEqual(check[0].label, "Checking you heard them right")
        self.assertTrue(found.all_clear)
        html = render_to_string("coaching/_feedback.html", {"coach": found})
        self.assertIn("Checking you heard them right", html)
        self.assertNotIn("A question with a short answer", html)

    def test_a_practical_question_about_a_favour_is_praised_not_flagged(self) -> None:
        found = feedback("Sure, the green bin or both?", "Can you put the bins out tonight?")
        question = [n for n in found.notes if n.signal == "closed_question"]
        self.assertEqual(
            [(n.label, n.positive) for n in question], [("A practical question", True)]
        )
        self.assertEqual(
            found.summary, "A practical question about what they asked: that's all it needs."
        )

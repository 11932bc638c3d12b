"""Findings point at the right text and offer the right rewrite."""

import pytest

from closeknit.coach import analyze
from closeknit.coach.suggest import i_statement, join_with_and, open_question


def _finding(text: str, signal: str, context: str | None = None):
    found = [f for f in analyze(text, context).findings if f.signal == signal]
    assert found, f"no {signal} finding in {text!r}"
    return found[0]


def test_a_dismissive_but_points_at_its_sentence_and_joins_with_and() -> None:
    text = "That sounds rough. I hear you, but you knew I had the late shift."
    finding = _finding(text, "dismissive_but")
    assert text[finding.start : finding.end] == "I hear you, but you knew I had the late shift."
    assert finding.suggestion == "I hear you, and you knew I had the late shift."
    assert "'but'" in finding.message


def test_a_you_statement_gets_an_i_statement_with_the_behaviour() -> None:
    text = "Thanks. You never listen to me."
    finding = _finding(text, "you_statement")
    assert text[finding.start : finding.end] == "You never listen to me."
    assert finding.suggestion == "I feel \u2026 when you don't listen to me, and I'd like \u2026"


def test_positive_findings_have_no_suggestion() -> None:
    finding = _finding("That makes total sense.", "validation")
    assert finding.suggestion is None
    assert finding.message.startswith("Lovely")


def test_offsets_count_characters_of_the_original_text() -> None:
    # Emoji outside the BMP, curly quotes and accents before the finding.
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"\U0001f97a\u2019caf\u00e9 {family} ok. You never help me."
    finding = _finding(text, "you_statement")
    assert text[finding.start : finding.end] == "You never help me."


def test_offsets_survive_html() -> None:
    text = "<p>Sorry, <b>but</b> you knew I had plans.</p>"
    result = analyze(text)
    finding = next(f for f in result.findings if f.signal == "dismissive_but")
    assert text[finding.start : finding.end] == "Sorry, <b>but</b> you knew I had plans."
    assert result.notice and "HTML" in result.notice


def test_findings_are_ordered_by_start() -> None:
    text = "You're overreacting. Just ignore her. What happened, though? Did you eat?"
    starts = [f.start for f in analyze(text).findings]
    assert len(starts) >= 3
    assert starts == sorted(starts)


def test_too_short_covers_the_whole_reply() -> None:
    finding = _finding("  ok  ", "too_short")
    assert (finding.start, finding.end) == (2, 4)


@pytest.mark.parametrize(
    ("sentence", "rewritten"),
    [
        ("Sorry, but you knew I had plans.", "Sorry, and you knew I had plans."),
        (
            "I get that you're tired, but I was tired too.",
            "I get that you're tired, and I was tired too.",
        ),
        ("However, you never told me.", "And you never told me."),
        ("Still, she'll bring it up again.", "And she'll bring it up again."),
        ("That's the job though, right?", "And that's the job, right?"),
        (
            "That is fair; however, the bike saves money.",
            "That is fair, and the bike saves money.",
        ),
        ("Yeah but it wasn't that bad.", "Yeah, and it wasn't that bad."),
    ],
)
def test_join_with_and(sentence: str, rewritten: str) -> None:
    assert join_with_and(sentence) == rewritten


def test_join_with_and_leaves_a_but_that_is_not_a_contrast() -> None:
    assert join_with_and("Nothing but love for you.") is None


@pytest.mark.parametrize(
    ("sentence", "shape"),
    [
        ("You always leave your socks out.", "I feel \u2026 when you leave your socks out"),
        (
            "Why do you keep agreeing to double shifts?",
            "I feel \u2026 when you keep agreeing to double shifts",
        ),
        ("You make me feel invisible.", "I feel invisible when \u2026"),
        ("You're always on your phone.", "I feel \u2026 when you're on your phone"),
        ("That's on you.", "I feel \u2026 when \u2026"),
    ],
)
def test_i_statement(sentence: str, shape: str) -> None:
    assert i_statement(sentence).startswith(shape)
    assert i_statement(sentence).endswith("and I'd like \u2026")


def test_a_closed_check_in_gets_an_open_question() -> None:
    assert open_question("You okay?") == "How are you feeling?"
    finding = _finding("Are you okay?", "closed_question")
    assert finding.suggestion == "How are you feeling?"


def test_an_offer_is_welcome_and_gets_no_rewrite() -> None:
    finding = _finding("Want me to pick up dinner?", "closed_question")
    assert finding.suggestion is None
    assert finding.message.startswith("A kind offer")

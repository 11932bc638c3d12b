"""Input checks, cleaning, sentences and the language notice."""

import pytest

from closeknit.coach import CoachInputError, analyze
from closeknit.coach.engine import NOT_ENGLISH
from closeknit.coach.text import MAX_CHARS, looks_english, prepare, split_sentences


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"], "", "   \n\t "])
def test_it_refuses_what_it_cannot_read(bad: object) -> None:
    with pytest.raises(CoachInputError):
        analyze(bad)  # type: ignore[arg-type]


def test_the_error_is_a_value_error_with_a_kind_message() -> None:
    with pytest.raises(ValueError, match="write a reply first"):
        analyze("  ")


def test_it_refuses_text_over_the_limit_and_says_how_long() -> None:
    with pytest.raises(CoachInputError, match="5,001 characters"):
        analyze("a" * (MAX_CHARS + 1))


def test_it_reads_text_at_the_limit() -> None:
    text = ("I'm so sorry you had such a long day, love. " * 200)[:MAX_CHARS]
    result = analyze(text)
    assert len(text) == MAX_CHARS
    assert all(0 <= f.start < f.end <= len(text) for f in result.findings)


def test_html_only_has_no_words_to_read() -> None:
    with pytest.raises(CoachInputError):
        analyze("<br><p></p>")


def test_cleaning_keeps_every_offset() -> None:
    text = "It\u2019s <i>fine</i>&amp;ok \u2014 \u201creally\u201d"
    prepared = prepare(text)
    assert len(prepared.clean) == len(text)
    assert prepared.clean == 'It\'s    fine    &    ok - "really"'


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("dont worry, its not a big deal", "don't worry, it's not a big deal"),
        ("Im sure youre right. Thats nothing.", "I'm sure you're right. That's nothing."),
        ("YOU DIDNT EVEN TEXT", "YOU DIDN'T EVEN TEXT"),
        ("lets go friday, i shouldve asked", "let's go friday, i should've asked"),
        ("Id be livid. Ill call you, well sort it", "I'd be livid. I'll call you, we'll sort it"),
        (
            "Next time Ill say something, shell be fine",
            "Next time I'll say something, she'll be fine",
        ),
    ],
)
def test_apostrophes_texting_leaves_out_are_put_back(typed: str, read: str) -> None:
    assert prepare(typed).clean == read


@pytest.mark.parametrize(
    "text",
    [
        "Well, we were ill.",
        "Well done!",
        "The cat licked its paw.",
        "She lets me drive.",
        "I lost my id card.",
        "I'd go, shed it.",
        "What the hell have you done?",
        "A shell, washed up.",
    ],
)
def test_words_that_only_look_like_contractions_are_left_alone(text: str) -> None:
    prepared = prepare(text)
    assert prepared.clean == text
    assert prepared.origin is None


def test_offsets_in_the_clean_copy_map_back_to_the_text_as_typed() -> None:
    typed = "<b>dont</b> worry. its ok, youre fine"
    prepared = prepare(typed)
    assert prepared.clean == "   don't     worry. it's ok, you're fine"
    back = prepared.to_original
    said = [typed[back(start) : back(end)] for start, end in prepared.sentences]
    assert said == ["dont</b> worry.", "its ok, youre fine"]
    assert prepared.to_original(len(prepared.clean)) == len(typed)


def test_sentences_split_on_punctuation_emoji_and_lines() -> None:
    text = "Oh no!! \U0001f622 Dr. Li said what? Ok\nlater"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Oh no!! \U0001f622",
        "Dr. Li said what?",
        "Ok",
        "later",
    ]


def test_decimal_points_do_not_split() -> None:
    assert len(split_sentences("It was 3.5 hours. Awful.")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Lo siento mucho, debe haber sido muy difícil para ti.",
        "Je suis vraiment désolé, ça a dû être très dur pour toi.",
        "Das tut mir leid, das muss wirklich schwer für dich gewesen sein.",
        "\u8c22\u8c22\u4f60\u544a\u8bc9\u6211\uff0c\u6211\u4e00\u76f4\u5728\u8fd9\u91cc\u3002",
        "Мне очень жаль, это было тяжело.",
        "Te quiero mucho, no te preocupes.",
        "Jag är så ledsen, det låter jobbigt.",
    ],
)
def test_non_english_text_gets_a_notice(text: str) -> None:
    assert analyze(text).notice == NOT_ENGLISH


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "\U0001f44d\U0001f44d",
        "lol same",
        "Ugh, HR. What happened?",
        "I'm so sorry, that sounds exhausting. Café tonight? \U0001f917",
        "Jalapeño nachos and a hug, coming up.",
        # Plain English with few of the commonest words in it.
        "Everyone says stupid stuff at parties, nobody remembers.",
        "Mine's Lisbon, easily. That custard tart place.",
        "Friends drift apart, it happens to everyone. You'll make new ones.",
    ],
)
def test_english_and_tiny_replies_get_no_notice(text: str) -> None:
    assert looks_english(text)
    assert analyze(text).notice is None


def test_emoji_only_reply_is_too_short() -> None:
    result = analyze("\U0001f44d")
    assert result.signals["too_short"] is True
    assert result.findings[0].end == 1

"""The plain sentences that replace the meters: what they say, and that they say it plainly."""

import pytest

from closeknit.coach import analyze
from closeknit.coach.summary import describe, summarise

JARGON = ("internal", "focused", "global", "level", "/2", "empathy", "interpretation")


@pytest.mark.parametrize(
    ("signals", "empathy", "start"),
    [
        ({"you_statement": True, "validation": True}, {}, "Parts of this may land as blame"),
        ({"dismissive_but": True}, {}, "A \u201cbut\u201d here may take back"),
        ({"good_news_dismissed": True}, {}, "What they shared could get lost"),
        ({"self_focus": True}, {"interpretations": 2}, "This turns the talk toward your own"),
        ({"minimizing": True}, {}, "This may make their feeling sound smaller"),
        # Not "add yours with 'and'": "and you'll get over it" shrinks it as much.
        ({"dismissive_but": True, "minimizing": True}, {}, "This may make their feeling"),
        ({"too_short": True}, {}, "A word or two"),
        ({"active_constructive": True}, {}, "You celebrate with them"),
        ({"validation": True, "open_question": True}, {}, "You reflect how they feel and ask"),
        ({"advice": True, "validation": True}, {}, "You go to solutions quickly"),
        ({"validation": True}, {}, "You let them know their feeling makes sense"),
        ({"open_question": True}, {}, "You ask them to say more"),
        ({}, {"emotional_reactions": 1}, "Your care comes through"),
        ({"closed_question": True}, {}, "This asks for a short answer"),
        # A yes/no question counts as weak exploring, but it does not ask for more.
        ({"closed_question": True}, {"explorations": 1}, "This asks for a short answer"),
        ({}, {}, "This stays mostly with the facts"),
    ],
)
def test_each_reading_gets_its_sentence(
    signals: dict[str, bool], empathy: dict[str, int], start: str
) -> None:
    summary = describe(signals, empathy)
    assert summary.text.startswith(start)
    for words in (summary.text, summary.next_step or ""):
        assert not any(j in words.lower() for j in JARGON), words
        assert len(words) < 110  # one plain sentence, not a paragraph


@pytest.mark.parametrize(
    ("signals", "start"),
    [
        ({"minimizing": True}, "This may make their news sound smaller"),
        ({"advice": True}, "You go to plans quickly"),
        ({"good_news_dismissed": True, "minimizing": True}, "Their good news could get lost"),
        ({"open_question": True}, "You ask about their news"),  # not "That sounds exhausting"
    ],
)
def test_after_good_news_the_summary_speaks_of_the_news(
    signals: dict[str, bool], start: str
) -> None:
    summary = describe(signals, {}, good_news=True)
    assert summary.text.startswith(start)
    assert "hard" not in (summary.next_step or "")


def test_a_clear_i_statement_is_recognised_in_the_summary() -> None:
    # The model also reads "I felt lonely" as validating; the summary says what it is.
    summary = describe({"validation": True}, {}, i_statement=True)
    assert summary.text.startswith("You say how it was for you without blame")
    assert describe({"you_statement": True}, {}, i_statement=True).signal == "you_statement"


def test_concerns_come_with_a_next_step_and_praise_may_stand_alone() -> None:
    assert describe({"self_focus": True}, {}).next_step
    assert describe({"validation": True, "open_question": True}, {}).next_step is None


def test_a_real_reply_reads_as_listening_at_its_fullest() -> None:
    result = analyze(
        "That sounds exhausting, no wonder you're drained. What was the worst part?",
        "Work was brutal today.",
    )
    assert describe(result.signals, result.empathy).text.startswith("You reflect how they feel")


COMPLAINT = "You forgot my birthday again and I felt invisible all day."


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry you feel that way.",
        "Sorry if I upset you. What can I do?",
        "I'm sorry you're upset.",
    ],
)
def test_sorry_for_their_feeling_after_a_complaint_is_not_praised_as_care(reply: str) -> None:
    summary = summarise(analyze(reply, COMPLAINT))
    assert summary.text.startswith("An apology for how they feel, not for what happened")
    assert "I'm sorry I" in (summary.next_step or "")
    for words in (summary.text, summary.next_step or ""):
        assert len(words) < 110


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        # Sorry for what was done: an apology.
        ("I'm sorry I forgot. You must have felt so invisible.", COMPLAINT),
        # The same words to a hurt the writer had no part in: sympathy.
        ("I'm sorry you feel that way.", "I feel so ugly today, I can't face the mirror."),
        ("I'm sorry you feel that way.", "My boss yelled at me in front of everyone."),
        # A daily question's "you" is the one answering, not the writer.
        (
            "I'm sorry you feel that way.",
            "What did you need as a child that you didn't get enough of? Being listened to.",
        ),
    ],
)
def test_an_apology_or_sympathy_is_not_taken_for_sorry_for_the_feeling(
    reply: str, context: str
) -> None:
    assert not summarise(analyze(reply, context)).text.startswith("An apology for how they feel")


def test_a_concern_comes_before_sorry_for_the_feeling() -> None:
    result = analyze("I'm sorry you feel that way, but you always overreact.", COMPLAINT)
    assert summarise(result).signal == "you_statement"
    assert "to_complaint" not in result.to_dict()  # the JSON keeps its shape


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry I forgot. That was thoughtless, and I can see it felt like I forgot you.",
        "That was my fault, and I hate that you spent the day feeling that way.",
        "I'm sorry for missing it.",
        "You're right, I should have remembered. I'm sorry.",
    ],
)
def test_an_apology_for_what_was_done_is_recognised(reply: str) -> None:
    assert summarise(analyze(reply, COMPLAINT)).text == (
        "You say what you're sorry for: an apology they can take in."
    )
    # With no complaint to answer, it is no apology.
    assert not summarise(analyze(reply)).text.startswith("You say what you're sorry for")


def test_an_owned_apology_that_also_blames_is_told_of_the_blame() -> None:
    result = analyze("I'm sorry I forgot, but you could have reminded me.", COMPLAINT)
    assert summarise(result).signal == "you_statement"


def test_an_owned_apology_that_asks_needs_no_next_step() -> None:
    summary = describe({"open_question": True}, {}, to_complaint="owned")
    assert summary.text == "You say what you're sorry for: an apology they can take in."
    assert summary.next_step is None
    assert describe({}, {}, to_complaint="owned").next_step


LATE = "You didn't tell me you'd be late, and dinner went cold."


@pytest.mark.parametrize(
    "reply",
    [
        "How was I supposed to know?",
        "I've been so busy, you know that.",
        "I'm sorry I forgot, I've been swamped.",
        "It's not my fault the train was late.",
        "What about when you forgot mine?",
        "I said I'm sorry.",
    ],
)
def test_a_defence_after_a_complaint_is_named_with_a_next_step(reply: str) -> None:
    result = analyze(reply, LATE)
    summary = summarise(result)
    assert summary.text == "This puts your side first, before they feel heard."
    assert summary.next_step and "your part" in summary.next_step
    # The same words where nothing was said of the writer: no defence.
    assert analyze(reply, "I had a long day at the hospital.").to_complaint is None


@pytest.mark.parametrize(
    "reply",
    [
        "Next time I'll text.",
        "ugh sorry. next time i'll text the second i know",
        "I'm sorry. From now on I will call you if I'm running late.",
    ],
)
def test_a_promise_after_a_complaint_is_not_advice_and_is_recognised(reply: str) -> None:
    result = analyze(reply, LATE)
    assert not result.signals["advice"]
    summary = summarise(result)
    assert summary.text == "You take it on and say what you'll do differently."
    assert summary.next_step and "how it was for them" in summary.next_step


def test_a_promise_that_also_names_their_feeling_needs_no_next_step() -> None:
    result = analyze("You're right, that must have felt awful. Next time I'll text.", LATE)
    summary = summarise(result)
    assert summary.text == "You name how it was for them and say what you'll do differently."
    assert summary.next_step is None


def test_a_promise_that_hands_the_work_to_them_is_still_advice() -> None:
    result = analyze("Next time just tell me and I'll come home.", LATE)
    assert result.signals["advice"]
    assert result.to_complaint is None


SHARED_WISH = "What do you wish we did more of? Just sitting together without our phones."


@pytest.mark.parametrize(
    "reply", ["Me too. Let's do phone-free Sundays?", "Want to try it this Sunday?"]
)
def test_a_proposal_asked_as_a_question_is_summed_up_as_an_offer(reply: str) -> None:
    summary = summarise(analyze(reply, SHARED_WISH))
    assert summary.text == "A kind offer."
    assert summary.signal == "closed_question"  # the note's own words are not said twice


def test_a_plain_yes_no_question_still_asks_for_a_short_answer() -> None:
    assert summarise(analyze("Did you eat?", SHARED_WISH)).text == "This asks for a short answer."


DATES = "I feel like I'm always the one who plans our dates. It makes me feel like you don't care."


def test_a_complaint_said_as_a_feeling_about_the_writer_is_a_complaint() -> None:
    assert summarise(analyze("I'm sorry you feel that way.", DATES)).text.startswith(
        "An apology for how they feel"
    )
    defence = summarise(analyze("That's not fair, I planned the picnic last month.", DATES))
    assert defence.text == "This puts your side first, before they feel heard."


@pytest.mark.parametrize("reply", ["That's fair. I'm sorry.", "It's not fair on you, I know."])
def test_agreeing_that_it_is_fair_is_no_defence(reply: str) -> None:
    assert analyze(reply, DATES).to_complaint != "defends"


def test_a_defence_read_as_a_turn_to_your_own_story_is_named_as_a_defence() -> None:
    summary = describe({"self_focus": True}, {}, to_complaint="defends")
    assert summary.text == "This puts your side first, before they feel heard."
    # Blame still comes first.
    both = describe({"self_focus": True, "you_statement": True}, {}, to_complaint="defends")
    assert both.signal == "you_statement"


CHORES = "I feel like I do all the cleaning around here."


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("That's not true, I did the bathroom on Saturday.", CHORES),
        ("That's not true, I did the bathroom on Saturday.", "I'm always the one who cooks."),
        ("I did text back, check your phone.", "You didn't even text me back. I was worried."),
        ("I already texted at six.", LATE),
    ],
)
def test_a_complaint_said_without_you_and_a_counter_claim_are_heard(
    reply: str, context: str
) -> None:
    # "I do all the cleaning" names no "you", and is still about the writer.
    summary = summarise(analyze(reply, context))
    assert summary.text == "This puts your side first, before they feel heard."


def test_the_load_carried_elsewhere_is_no_complaint_about_the_writer() -> None:
    context = "I'm the only one in my team on a visa, so it's not just the job."
    assert analyze("I'm sorry you feel that way.", context).to_complaint is None
    assert analyze("I'm sorry you feel that way.", CHORES).to_complaint == "for_feeling"


def test_owning_what_was_done_is_no_counter_claim() -> None:
    result = analyze(
        "I did tell her. I'm sorry, I should have asked you first.",
        "I'm upset that you told your mum about the IVF before we agreed.",
    )
    assert result.to_complaint == "owned"


def test_shrinking_a_complaint_is_not_answered_with_that_sounds_hard() -> None:
    summary = summarise(analyze("Relax, it's not a competition.", CHORES))
    assert summary.signal == "minimizing"
    assert summary.text == "This may make what they raised sound smaller than it is for them."
    assert summary.next_step and "your part" in summary.next_step


SHORT = "You were really short with me this morning."


@pytest.mark.parametrize(
    ("reply", "meets"),
    [
        ("Sorry, I was stressed about the meeting. That wasn't fair on you.", "owned"),
        ("Sorry, I was short with you. The meeting had me wound up.", "owned"),
        ("Was I? I don't remember that.", "defends"),
        ("Sorry, I was stressed.", None),  # an excuse, not what they're sorry for
    ],
)
def test_how_a_reply_meets_being_told_it_was_short(reply: str, meets: str | None) -> None:
    assert analyze(reply, SHORT).to_complaint == meets


SNAPPED = "I'm sorry I snapped at you last night."


@pytest.mark.parametrize("reply", ["It's fine, forget it.", "Don't worry about it babe"])
def test_waving_an_apology_away_is_named_as_such(reply: str) -> None:
    result = analyze(reply, SNAPPED)
    summary = summarise(result)
    assert summary.text == "This may wave their apology away before it lands."
    shrinking = [f for f in result.findings if f.signal == "minimizing"]
    assert shrinking and "sounds really hard" not in (shrinking[0].suggestion or "")
    assert "sorry" in (shrinking[0].suggestion or "").lower()


def test_blame_after_an_apology_is_answered_with_an_i_statement() -> None:
    # The writer was hurt by what they did: not "the hard time is their fault".
    summary = summarise(analyze("You should be.", SNAPPED))
    assert summary.text.startswith("Parts of this may land as blame")


TOLD = "You take their apology in and say honestly how it was for you: that's how it can heal."


@pytest.mark.parametrize(
    ("reply", "text", "has_step"),
    [
        # Taking it in and saying how it was: nothing to add.
        ("Thank you. It really hurt at the time.", TOLD, False),
        ("I appreciate you saying that. I felt really forgotten.", TOLD, False),
        ("I'm glad you said something. It did sting a bit.", TOLD, False),
        # Taking it in: saying how it was would help it heal.
        (
            "I forgive you. Can we talk about what was going on tonight?",
            "You take their apology in.",
            True,
        ),
        (
            "That means a lot. I know you've been under so much pressure, it makes sense you "
            "were on edge.",
            "You take their apology in, with understanding.",
            True,
        ),
        # Understanding alone: not "What was the hardest part?".
        (
            "I know. It makes sense, you were exhausted.",
            "You meet their apology with understanding.",
            True,
        ),
    ],
)
def test_taking_an_apology_in_is_recognised(reply: str, text: str, has_step: bool) -> None:
    summary = summarise(analyze(reply, SNAPPED))
    assert summary.text == text
    assert bool(summary.next_step) == has_step
    assert "hardest part" not in (summary.next_step or "")


def test_thanks_that_is_no_answer_to_an_apology_is_not_read_as_one() -> None:
    assert analyze("Thank you. It really hurt at the time.", "I got the job!").to_apology is None
    summary = summarise(analyze("Thanks, but you always do this.", SNAPPED))
    assert summary.text.startswith("Parts of this may land as blame")


WARM = "Q: When did you feel closest to me recently? A: Sunday night on the sofa, just talking."
WARMTH_BACK = "You share the good feeling back: small things shared like this bring you closer."


@pytest.mark.parametrize(
    "reply",
    [
        "Me too. I felt so relaxed with you. We should do that more often.",
        "I loved that night. I felt like we were us again.",
        "I had no idea that meant so much to you. I love that.",
    ],
)
def test_sharing_the_good_feeling_back_is_recognised(reply: str) -> None:
    summary = summarise(analyze(reply, WARM))
    assert summary.text == WARMTH_BACK
    assert summary.next_step and "special" in summary.next_step


def test_the_same_words_to_a_hard_time_are_not_called_a_good_feeling() -> None:
    reply = "I loved that night. I felt like we were us again."
    summary = summarise(analyze(reply, "I miss how we used to be. Everything feels so hard."))
    assert summary.text != WARMTH_BACK


@pytest.mark.parametrize(
    "context",
    [
        "Q: What did I do this week that you loved? A: When you brought me tea in bed on Tuesday.",
        "Q: What's a moment you were proud of me? A: When you stood up to your boss. You were "
        "shaking and you did it anyway.",
        "Daily question: When do you feel closest to me? Mine: in the car, talking about nothing.",
    ],
)
def test_an_answer_to_a_warm_question_is_neither_a_complaint_nor_a_hard_time(
    context: str,
) -> None:
    result = analyze("That's it? I did loads this week.", context)
    assert not result.complaint
    assert result.light or result.thanks  # praise of the writer is thanks


def test_an_answer_asking_for_a_change_is_no_warm_memory() -> None:
    context = (
        "Q: What's one way I could love you better? A: When you scroll at dinner I feel alone."
    )
    assert analyze("OK.", context).complaint


def test_asking_about_a_plan_is_not_told_to_call_it_exhausting() -> None:
    result = analyze("Wow. What's drawing you to nursing?", "I'm thinking of studying nursing.")
    assert result.signals["open_question"]
    summary = summarise(result)
    assert summary.text == "You ask them to say more."
    assert "exhausting" not in (summary.next_step or "")


@pytest.mark.parametrize(
    "context",
    [
        "had to put my cat down yesterday. she was 17. the apartment is so quiet.",
        "I got the results. It's MS. The neurologist was really kind.",
        "My brother's been arrested. Mum's hysterical and I'm the one everyone's calling.",
        "I bombed the presentation. Froze on slide three and everyone was staring at me.",
    ],
)
def test_a_hard_time_without_the_usual_words_is_not_met_as_light_talk(context: str) -> None:
    result = analyze("At least it's over now.", context)
    assert not result.light
    assert "Tell me more" not in (summarise(result).next_step or "")
    assert all("Tell me more" not in (f.suggestion or "") for f in result.findings)


def test_turning_away_from_them_is_heard_as_a_complaint_about_the_writer() -> None:
    context = "Every time I talk about moving closer to my family you change the subject."
    summary = summarise(analyze("That's not true at all.", context))
    assert summary.text == "This puts your side first, before they feel heard."


THANKED = "I really appreciated you handling the school run all week while I was on nights."


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("It was nothing.", THANKED),
        ("No worries, it's not a big deal.", THANKED),
        (
            "Oh that was nothing, it was only pasta.",
            "Q: What did I do this week that made your day easier? A: You made dinner on Monday.",
        ),
    ],
)
def test_brushing_thanks_aside_is_named_as_such(reply: str, context: str) -> None:
    result = analyze(reply, context)
    summary = summarise(result)
    assert summary.text == "This may brush their thanks aside before it lands."
    shrinking = [f for f in result.findings if f.signal == "minimizing"]
    assert shrinking and shrinking[0].suggestion == "I'm so glad it meant something to you."


def test_a_question_inside_a_complaint_is_no_warm_daily_question() -> None:
    context = "When I said I wanted to go back to uni you laughed and said 'at your age?'"
    assert not analyze("It was a joke.", context).thanks


FAMILY = "I feel like we never see my family because your plans always come first."


def test_a_complaint_without_when_you_is_still_heard_as_one() -> None:
    summary = summarise(analyze("That's not fair, we saw them at Easter.", FAMILY))
    assert summary.text == "This puts your side first, before they feel heard."


def test_making_sense_of_a_complaint_is_not_asked_for_its_hardest_part() -> None:
    reply = "You feel your family gets left out because I fill our weekends. That makes sense."
    summary = summarise(analyze(reply, FAMILY))
    assert summary.text == "You let them know their feeling makes sense."
    assert "hardest part" not in (summary.next_step or "")


DREAM = "Q: What's a dream you've never told anyone? A: I'd love to write a children's book."


def test_a_daily_questions_own_words_do_not_make_the_answer_a_hard_time() -> None:
    # "never" is the question's, not a hard time of theirs.
    result = analyze("You should! Start this weekend, set a word count goal.", DREAM)
    assert result.light
    summary = summarise(result)
    assert summary.text.startswith("You go to plans quickly")
    assert "someone to listen" not in (summary.next_step or "")
    assert all(f.suggestion is None for f in result.findings if f.signal == "advice")


def test_a_daily_question_that_asks_of_a_worry_is_a_hard_time() -> None:
    context = "Q: What's been weighing on you this week? A: That review. I keep replaying it."
    result = analyze("Don't overthink it, it'll be fine.", context)
    assert not result.light
    assert (
        summarise(result).next_step
        == "Let it be as big as it is: \u201cThat sounds really hard.\u201d"
    )


CHAPTER = "Good news! Finished the first chapter of the novel. 4,000 words."


def test_faith_in_them_after_good_news_is_no_blame() -> None:
    result = analyze("I knew you could do it. You always do.", CHAPTER)
    assert not result.signals["you_statement"]
    assert summarise(result).text == "You're glad for them."


def test_a_flat_or_cold_reply_to_good_news_is_not_called_glad() -> None:
    context = "Priya and I finally finished the mural on the community centre wall!"
    assert (
        summarise(analyze("looks messy in the photo tbh", context)).text != "You're glad for them."
    )


def test_knowing_they_would_let_you_down_is_still_blame() -> None:
    result = analyze("I knew you would forget. You always do.", "You forgot the plumber again.")
    assert result.signals["you_statement"]


@pytest.mark.parametrize(
    "reply",
    ["Aww, I loved getting that time with them.", "Honestly I didn't think about it, happy to."],
)
def test_telling_of_what_they_thank_you_for_is_no_turn_to_your_own_story(reply: str) -> None:
    result = analyze(reply, THANKED)
    assert not result.signals["self_focus"]
    assert summarise(result).text in {"Your care comes through.", "You answer their thanks."}


def test_giving_your_own_answer_instead_is_still_self_focus() -> None:
    context = "Q: What's one small thing I did this week that you liked? A: the tea you left."
    result = analyze("Mine would be... hmm, honestly I can't think of one.", context)
    assert result.signals["self_focus"]


@pytest.mark.parametrize(
    "context",
    [
        "You ate the leftovers I was saving for my lunch. Again.",
        "Your mum keeps dropping by unannounced and you just let her in.",
        "I feel like you sigh every time I ask you for help with something.",
        "I feel like I'm always the one compromising.",
    ],
)
def test_more_ways_of_telling_the_writer_what_hurt_are_complaints(context: str) -> None:
    summary = summarise(analyze("That's not true, I was home all evening last night.", context))
    assert summary.text == "This puts your side first, before they feel heard."


@pytest.mark.parametrize(
    "context",
    ["omg the orchid you gave me is FLOWERING!!", "I feel like you'd love this film."],
)
def test_a_gift_or_a_guess_about_the_writer_is_no_complaint(context: str) -> None:
    assert not analyze("Ha, really?", context).complaint

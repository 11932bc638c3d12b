"""Each signal on the labelling guide's own examples and on tricky negatives."""

import pytest

from closeknit.coach import analyze

GOOD_NEWS = "I got the job!!"

POSITIVE = {
    "dismissive_but": [
        "I get that you're tired, but I was tired too.",
        "Sorry, but you knew I had plans.",
        "Yeah but it wasn't that bad.",
        "That's a fair point. However, you never told me.",
        "I hear you, but I was exhausted too.",
        "I hear you, but it was a great party.",
        "BUT YOU ALWAYS DO THIS",
    ],
    "you_statement": [
        "You always leave the dishes for me.",
        "You never listen.",
        "You're overreacting.",
        "You're too sensitive.",
        "You make me feel stupid.",
        "You made me late.",
        "That's on you.",
        "Why do you always do this?",
        "Did you even read my message?",
    ],
    "validation": [
        "That makes sense.",
        "Of course you were hurt.",
        "No wonder you're drained.",
        "Anyone would feel that way.",
        "Your frustration is fair.",
        "I'd feel the same.",
        "That sounds really embarrassing and frustrating.",
        "That must have really stung.",
        "That sounds exhausting.",
        "Three hours stuck at the gate sounds grim.",
        "I'd be crying too.",
        "I'd have felt judged too.",
        "It must feel like nobody in that room sees it.",
    ],
    "open_question": [
        "What was that like?",
        "How are you feeling about it now?",
        "What part stung most?",
        "Tell me more about the interview.",
        "Do you want to tell me more?",
    ],
    "closed_question": [
        "Did you eat?",
        "Was it Tom?",
        "What time is it over?",
        "Should I call her?",
        "Want me to pick up dinner?",
        "Are you okay?",
    ],
    "advice": [
        "You should talk to HR.",
        "Just ignore her.",
        "Why don't you go to bed early?",
        "Have you tried talking to him?",
        "Maybe try journaling.",
        "Next time, leave earlier.",
    ],
    "minimizing": [
        "At least you still have a job.",
        "It's not a big deal.",
        "Don't worry.",
        "Calm down.",
        "It could be worse.",
        "You'll get over it.",
        "Look on the bright side.",
        "It's just a dish.",
        "Don't be sad.",
        "Everyone goes through that.",
    ],
    "too_short": ["ok", "fine", "k", "sure", "lol", "nice", "cool", "\U0001f44d", "same", "yeah"],
}

NEGATIVE = {
    "dismissive_but": [
        "I wanted to call but my meeting ran over.",
        "It was hard but we got through it together.",
        "Not only kind but brave.",
        "Nothing but love for you.",
        "I'm nervous but excited for you.",
        "I know it's small, but I'm proud of you.",
        "That makes sense. What was the hardest part?",
        "The movie was long but really good.",
        "I'm sorry, but I have to go now, can we talk at nine?",
        "It rained the whole weekend but we still had a lovely time.",
    ],
    "you_statement": [
        "You worked so hard for this.",
        "You're right.",
        "You deserve a break.",
        "You did nothing wrong.",
        "How did you feel?",
        "You must be exhausted.",
        "I love you.",
    ],
    "validation": [
        "Yes, the train was late.",
        "aww",
        "I hear you, but you knew it was coming.",
        "I'm sorry.",
        "It'll be fine.",
        "I'd be there too if I could.",
    ],
    "open_question": [
        "Did you eat?",
        "Why would you even do that?",
        "What is wrong with you?",
        "Are you serious right now?",
        "That makes sense.",
    ],
    "closed_question": [
        "What was that like?",
        "What is wrong with you?",
        "Did you even read my message?",
        "Are you serious right now?",
        "I'm here.",
    ],
    "advice": [
        "Want me to take the kids tonight?",
        "That sounds exhausting.",
        "What happened?",
        "At least call me when you land.",
    ],
    "minimizing": [
        "At least call me when you land.",
        "That sounds so hard.",
        "I'm here for you.",
    ],
    "too_short": ["I love you", "So proud of you!", "What happened?", "Tell me more?"],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(signal, text) for signal, texts in table.items() for text in texts]


@pytest.mark.parametrize(("signal", "text"), _cases(POSITIVE))
def test_it_flags_the_guides_examples(signal: str, text: str) -> None:
    assert analyze(text).signals[signal] is True


@pytest.mark.parametrize(("signal", "text"), _cases(NEGATIVE))
def test_it_leaves_the_guides_negatives_alone(signal: str, text: str) -> None:
    assert analyze(text).signals[signal] is False


@pytest.mark.parametrize(
    "reply",
    [
        "Apologize to your sister tonight and explain you were tired.",
        "Oh love. Just book a GP appointment tomorrow.",
        "Honestly, block him.",
    ],
)
def test_a_sentence_that_opens_by_saying_what_to_do_is_advice(reply: str) -> None:
    assert analyze(reply, "I snapped at my sister and now she won't answer.").signals["advice"]


@pytest.mark.parametrize(
    "reply", ["Call me when you're out.", "Tell her I said congrats!", "Ask me anything."]
)
def test_asking_for_the_writer_is_not_advice(reply: str) -> None:
    assert not analyze(reply, "My sister is pregnant!").signals["advice"]


@pytest.mark.parametrize(
    "reply", ["Let me be honest, you should quit.", "Tell me, have you tried melatonin?"]
)
def test_a_fix_said_with_a_request_is_still_advice(reply: str) -> None:
    assert analyze(reply, "I can't sleep and work is awful.").signals["advice"]


@pytest.mark.parametrize(
    "reply", ["I know. Stop stressing.", "Don't lose sleep over it.", "Chin up, love."]
)
def test_a_command_that_shrinks_the_feeling_is_minimizing_not_advice(reply: str) -> None:
    signals = analyze(reply, "I had to fire someone today. I feel sick about it.").signals
    assert signals["minimizing"] and not signals["advice"]


def test_it_sees_an_active_constructive_reply_to_good_news() -> None:
    reply = "That's amazing, I'm so proud of you! Tell me everything, how did they tell you?"
    assert analyze(reply, GOOD_NEWS).signals["active_constructive"] is True


@pytest.mark.parametrize(
    "reply",
    [
        "nice",
        "Cool, good for you.",
        "But won't that mean longer hours?",
        "That reminds me, I got a raise too.",
    ],
)
def test_it_does_not_call_passive_or_destructive_replies_active(reply: str) -> None:
    assert analyze(reply, GOOD_NEWS).signals["active_constructive"] is False


SELF_FOCUS = [
    ("I know exactly how you feel, when I lost my job I just got over it.", "I got laid off."),
    ("That's nothing, my day was worse.", "I had an awful day at work."),
    ("Same happened to me last year. I got over it in a week, honestly.", "My ex texted me."),
]
SUPPORT = [
    ("I felt that way after my dad's surgery too. What's the hardest part for you?", "Mum's ill."),
    ("That sounds so hard. What happened?", "I had an awful day at work."),
    ("I'm so sorry. I'm here.", "I got laid off."),
]


@pytest.mark.parametrize(("reply", "context"), SELF_FOCUS)
def test_it_hears_a_reply_that_turns_to_the_writer(reply: str, context: str) -> None:
    assert analyze(reply, context).signals["self_focus"] is True


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("Two weeks? Try eight.", "Two weeks of night shifts and I'm wrecked."),
        ("I'm knackered too, you're not the only one who's tired.", "So tired, the dog woke me."),
        ("Oh that's nothing. Hang on, let me find the photo.", "I scratched the car today."),
    ],
)
def test_a_plain_one_up_is_self_focus_whatever_the_head_weighs(reply: str, context: str) -> None:
    assert analyze(reply, context).signals["self_focus"] is True


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        (
            "I'm sorry, love. At least she still knows your voice.",
            "Mum didn't know my name today.",
        ),
        (
            "You know I'm rubbish with that stuff. It's a haircut, not a wedding.",
            "You didn't even notice my haircut.",
        ),
    ],
)
def test_the_guides_shrinking_phrases_are_minimizing_whatever_the_head_weighs(
    reply: str, context: str
) -> None:
    assert analyze(reply, context).signals["minimizing"] is True


@pytest.mark.parametrize(("reply", "context"), SUPPORT)
def test_a_short_shared_experience_that_hands_it_back_is_not_self_focus(
    reply: str, context: str
) -> None:
    assert analyze(reply, context).signals["self_focus"] is False


@pytest.mark.parametrize(
    "reply",
    [
        "Cool. Anyway, what's for dinner?",
        "Are you sure you can handle it?",
        "Hope it doesn't go to your head.",
        "Won't that mean longer hours?",
    ],
)
def test_it_hears_good_news_passed_over_or_deflated(reply: str) -> None:
    result = analyze(reply, GOOD_NEWS)
    assert result.signals["good_news_dismissed"] is True
    assert result.signals["active_constructive"] is False


@pytest.mark.parametrize(
    "reply",
    [
        "Nice, well done.",
        "That's amazing, I'm so proud of you! Tell me everything, how did they tell you?",
    ],
)
def test_flat_or_warm_replies_to_good_news_are_not_dismissals(reply: str) -> None:
    assert analyze(reply, GOOD_NEWS).signals["good_news_dismissed"] is False


def test_nice_well_done_is_neither_dismissed_nor_active_constructive() -> None:
    signals = analyze("Nice, well done.", GOOD_NEWS).signals
    assert not signals["good_news_dismissed"] and not signals["active_constructive"]


def test_good_news_dismissed_needs_good_news() -> None:
    reply = "Cool. Anyway, what's for dinner?"
    assert analyze(reply).signals["good_news_dismissed"] is False
    assert analyze(reply, "My dog died this morning.").signals["good_news_dismissed"] is False


def test_news_told_in_good_words_that_hurts_is_not_good_news() -> None:
    context = "I got a B on my final and I'm devastated, I needed an A to keep my scholarship."
    signals = analyze("A B is still a great grade though!", context).signals
    assert signals["good_news_dismissed"] is False


@pytest.mark.parametrize(
    "context",
    [
        "My manager took credit for my report in the all-hands today.",
        "My coworker got the promotion I wanted.",
    ],
)
def test_someone_elses_gain_at_their_cost_is_not_good_news(context: str) -> None:
    reply = "Mine does that constantly. Last week he presented my whole roadmap as his idea."
    signals = analyze(reply, context).signals
    assert signals["self_focus"] is True
    assert signals["good_news_dismissed"] is False


def test_a_clear_i_statement_gets_a_word_of_recognition() -> None:
    result = analyze("I felt lonely when you stayed late.")
    assert [f.signal for f in result.findings] == ["i_statement"]
    assert result.signals["you_statement"] is False


def test_active_constructive_needs_good_news() -> None:
    reply = "That's amazing, I'm so proud of you! Tell me everything!"
    assert analyze(reply).signals["active_constructive"] is False
    assert analyze(reply, "My dog died this morning.").signals["active_constructive"] is False


def test_validation_taken_back_by_the_next_sentence_does_not_count() -> None:
    result = analyze("I hear you. But you knew this was coming.")
    assert result.signals["dismissive_but"] is True
    assert result.signals["validation"] is False


def test_a_reply_can_hold_an_open_and_a_closed_question() -> None:
    result = analyze("What was the worst part? Did you eat anything?")
    assert result.signals["open_question"] and result.signals["closed_question"]


def test_a_warm_reply_reads_as_listening() -> None:
    context = "My manager tore apart my presentation in front of the whole team."
    reply = (
        "Oh love, in front of everyone? That sounds humiliating, no wonder you're shaken. "
        "I'm so sorry. What did he actually say?"
    )
    result = analyze(reply, context)
    assert result.signals["validation"] and result.signals["open_question"]
    assert result.empathy["explorations"] >= 1
    assert result.empathy["emotional_reactions"] >= 1
    assert result.listening_level in ("focused", "global")


def test_a_cold_reply_has_no_empathy() -> None:
    result = analyze("You should have pushed back in the meeting.", "My boss yelled at me.")
    assert result.empathy == {"emotional_reactions": 0, "interpretations": 0, "explorations": 0}
    assert result.listening_level == "internal"


@pytest.mark.parametrize(
    "context",
    [
        "You said you'd ring the plumber and the kitchen is still flooding.",
        "Question of the day: what's a song you can't stand? Mine: anything with bagpipes.",
    ],
)
def test_a_curt_reply_to_a_complaint_or_a_daily_question_is_not_dismissed_news(
    context: str,
) -> None:
    signals = analyze("lol ok. What's for dinner?", context).signals
    assert signals["good_news_dismissed"] is False


def test_the_dismissed_news_head_has_its_own_cutoff_on_the_news() -> None:
    from closeknit.coach.heads import get_heads

    cutoff = get_heads().news_cutoff("good_news_dismissed")
    assert 0.0 <= cutoff < 1.0


def test_a_label_said_not_to_fit_is_reassurance_not_blame() -> None:
    reply = "You're not overreacting. Being forgotten on your birthday hurts."
    signals = analyze(reply, "My boyfriend forgot my birthday. Am I overreacting?").signals
    assert signals["you_statement"] is False


def test_a_chore_taken_off_them_is_not_minimizing() -> None:
    context = "I'm exhausted, work was brutal and the car broke down."
    assert (
        analyze("Don't worry about dinner, I'll cook tonight.", context).signals["minimizing"]
        is False
    )
    assert analyze("Don't worry about it.", context).signals["minimizing"] is True


def test_a_kind_reframe_that_takes_a_judgement_away_is_not_minimizing() -> None:
    context = "I had another panic attack at work and I feel pathetic."
    reply = "It's an illness, not a weakness. I'm proud of you for getting through the day."
    assert analyze(reply, context).signals["minimizing"] is False


@pytest.mark.parametrize(
    ("reply", "blames"),
    [
        ("You'll smash it. You always do.", False),
        ("You'll be fine. You always are!", False),
        ("You forgot again. You always do.", True),
    ],
)
def test_you_always_do_echoing_reassurance_is_no_blame(reply: str, blames: bool) -> None:
    result = analyze(reply, "I'm nervous about the interview tomorrow.")
    assert result.signals["you_statement"] is blames


@pytest.mark.parametrize(
    ("reply", "shrinks"),
    [
        ("Why? You're fine.", True),
        ("Honestly, you're fine, babe.", True),
        ("You're fine to drive.", False),
    ],
)
def test_waving_the_worry_away_is_minimizing(reply: str, shrinks: bool) -> None:
    result = analyze(reply, "I've decided to start therapy. I've been anxious for months.")
    assert result.signals["minimizing"] is shrinks


@pytest.mark.parametrize(
    "reply",
    [
        "Hey! It was a badly drawn diagram. But yes, it was funny. What was the best bit?",
        "I hadn't noticed, but you're right, I do go quiet.",
    ],
)
def test_a_but_that_concedes_their_point_is_not_dismissive(reply: str) -> None:
    result = analyze(reply, "You trying to build the wardrobe with the instructions upside down.")
    assert not result.signals["dismissive_but"]


def test_their_number_asked_back_smaller_is_minimizing() -> None:
    assert analyze("Only 10?", "I got a raise!! 10 percent!").signals["minimizing"]
    assert not analyze("Only if you're sure?", "I got a raise!! 10 percent!").signals["minimizing"]


CLOSEST = "Q: When did you feel closest to me recently? A: Sunday night on the sofa, just talking."
COMPLIMENT = (
    "Q: Which compliment from me has stayed with you? A: When you said I was the bravest "
    "person you knew. Nobody had ever said that to me."
)


@pytest.mark.parametrize(
    "reply", ["Same! That was my favourite evening in ages ❤️", "same", "Me too, love."]
)
def test_joining_in_a_moment_the_two_shared_is_not_self_focus(reply: str) -> None:
    assert not analyze(reply, CLOSEST).signals["self_focus"]


def test_mine_too_to_a_memory_of_the_two_of_them_is_not_self_focus() -> None:
    memory = (
        "Q: What's your favourite memory of us this year? A: The night the power went out "
        "and we played cards by candlelight."
    )
    reply = "Mine too. Let's do it again this weekend, power or no power."
    assert not analyze(reply, memory).signals["self_focus"]
    back = analyze("Mine too, I think I slept on it funny.", "My back is killing me today.")
    assert back.signals["self_focus"]  # to a hard time of their own, it still is


def test_same_to_a_hard_time_is_still_heard_as_self_focus() -> None:
    reply = "Same. I was up at 4 thinking about the Pemberton account. I really need sleep."
    assert analyze(reply, "Couldn't sleep again, going over the argument with my sister.").signals[
        "self_focus"
    ]


@pytest.mark.parametrize("reply", ["I meant every word. You are.", "You really are!"])
def test_a_bare_you_are_affirms_them_and_is_no_blame(reply: str) -> None:
    assert not analyze(reply, COMPLIMENT).signals["you_statement"]


@pytest.mark.parametrize(
    ("reply", "context", "shrinks"),
    [
        (
            "Supervisors are like that.",
            "My PhD supervisor said my chapter reads like an undergrad essay.",
            True,
        ),
        (
            "I know it's sad, love. It's for the best, honestly, she was in so much pain.",
            "We had to have Mabel put to sleep this morning.",
            True,
        ),
        (
            "Oh no. My two are like that too, I never know what to say. What did she tell you?",
            "Ruby slammed her door again and said she hates living here.",
            False,
        ),
    ],
)
def test_calling_it_the_way_of_the_world_is_minimizing(
    reply: str, context: str, shrinks: bool
) -> None:
    assert analyze(reply, context).signals["minimizing"] is shrinks


DREAM = "Q: What's a dream you haven't told me about? A: I'd love to learn to sail. A course."


def test_a_plan_to_do_their_dream_together_is_joining_in_not_passing_it_over() -> None:
    assert not analyze("We could look at courses for next summer!", DREAM).signals[
        "good_news_dismissed"
    ]

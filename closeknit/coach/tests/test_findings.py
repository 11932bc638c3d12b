"""Findings point at the right text and offer the right rewrite."""

import json
from pathlib import Path

import pytest

from closeknit.coach import Finding, analyze, rules
from closeknit.coach.engine import MINIMIZING_SUGGESTION
from closeknit.coach.suggest import i_statement, join_with_and, open_question
from closeknit.coach.summary import describe, summarise

QUESTIONS = ("open_question", "closed_question")


def _finding(text: str, signal: str, context: str | None = None) -> Finding:
    found = [f for f in analyze(text, context).findings if f.signal == signal]
    assert found, f"no {signal} finding in {text!r}"
    return found[0]


def test_a_dismissive_but_points_at_its_sentence_and_joins_with_and() -> None:
    # (With "but you knew I had the late shift" the coach also hears blame, and
    # repairs it rather than joining it on: see test_rewrites.)
    text = "That sounds rough. I hear you, but I had the late shift."
    finding = _finding(text, "dismissive_but")
    assert text[finding.start : finding.end] == "I hear you, but I had the late shift."
    assert finding.suggestion == "I hear you, and I had the late shift."
    assert "'but'" in finding.message


def test_a_but_before_blame_keeps_the_acknowledgement_and_drops_the_blame() -> None:
    finding = _finding("I hear you, but you always overreact.", "dismissive_but")
    assert finding.suggestion == (
        "I hear you. I see it differently, and I'd like us to slow down and hear each other."
    )


def test_shouting_stays_in_capitals_without_blame() -> None:
    finding = _finding("BUT YOU ALWAYS DO THIS", "dismissive_but")
    assert finding.suggestion == "I FEEL \u2026 WHEN YOU DO THIS, AND I'D LIKE \u2026"


def test_you_make_me_angry_becomes_a_real_i_statement() -> None:
    finding = _finding("You make me so angry when you do that.", "you_statement")
    assert finding.suggestion == "I get so angry when you do that."


def test_a_you_statement_gets_an_i_statement_with_the_behaviour() -> None:
    text = "Thanks. You never listen to me."
    finding = _finding(text, "you_statement")
    assert text[finding.start : finding.end] == "You never listen to me."
    assert finding.suggestion == "I feel \u2026 when you don't listen to me, and I'd like \u2026"


def test_positive_findings_have_no_suggestion() -> None:
    finding = _finding("That makes total sense.", "validation")
    assert finding.suggestion is None
    assert finding.message.startswith("Lovely")
    praise = _finding("I felt lonely when you stayed late.", "i_statement")
    assert praise.suggestion is None and "I-statement" in praise.message


def test_self_focus_points_at_the_turn_and_hands_it_back() -> None:
    text = "Oh no. That's nothing, my day was way worse, my boss yelled at me twice."
    finding = _finding(text, "self_focus", "Work was awful today.")
    assert text[finding.start : finding.end].startswith("That's nothing")
    assert finding.suggestion == "What's been the hardest part of it for you?"


def test_self_focus_covers_the_whole_turn_it_would_replace() -> None:
    # Replacing only the first sentence would leave the story after the question.
    text = (
        "I know exactly how you feel. When I was at uni I failed two exams and just "
        "got on with it."
    )
    finding = _finding(text, "self_focus", "I'm so stressed, three deadlines this week.")
    assert text[finding.start : finding.end] == text


def test_self_focus_hand_back_assumes_no_hardship_when_none_was_shared() -> None:
    context = "That documentary about octopuses, and the Danish series everyone mentions."
    text = "That's nothing, my list is way longer. I have like forty films on mine."
    finding = _finding(text, "self_focus", context)
    assert "hardest" not in (finding.suggestion or "")
    assert finding.suggestion == "Tell me more about it: what's it like for you?"


def test_dismissed_good_news_points_at_the_change_of_subject() -> None:
    text = "Cool. Anyway, what's for dinner?"
    finding = _finding(text, "good_news_dismissed", "I got the job!!")
    assert text[finding.start : finding.end] == "Anyway, what's for dinner?"
    assert finding.suggestion and finding.suggestion.startswith("I'm so happy for you!")
    assert finding.message.startswith("Their good news could get lost")


def test_a_pleasant_answer_is_not_called_good_news() -> None:
    # An answer to a light daily question, read after its question: passing
    # over it is still worth a word, but not "their good news".
    context = (
        "Today's question: what song reminds you of us? "
        "Mine: that Fleetwood Mac one from the road trip."
    )
    text = "Cool. Anyway, what's for dinner?"
    finding = _finding(text, "good_news_dismissed", context)
    assert finding.message.startswith("What they shared could get lost")
    assert finding.suggestion == "Oh, tell me more about that!"


@pytest.mark.parametrize(
    "text",
    [
        "Did you have fun? What was the best part?",
        "Are you okay? What happened?",
        "That sounds hard. Did you tell her? How are you feeling now?",
    ],
)
def test_a_question_is_noted_as_open_or_closed_never_both(text: str) -> None:
    # The web page would praise it as warm and flag it as yes/no at once.
    found = analyze(text).findings
    spans = {s: {(f.start, f.end) for f in found if f.signal == s} for s in QUESTIONS}
    assert spans["open_question"] and spans["closed_question"]
    assert not spans["open_question"] & spans["closed_question"]
    closed = next(iter(spans["closed_question"]))
    assert text[closed[0] : closed[1]].split()[0] in {"Did", "Are"}
    # No rewrite that the reply already has ("What was the best part?").
    for f in found:
        assert f.suggestion is None or f.suggestion.rstrip("?") not in text


def test_after_good_news_shrinking_or_planning_get_words_for_news() -> None:
    # "That sounds really hard" would be absurd after "I ran my first 10k today!".
    shrunk = _finding("It's only 10k, relax.", "minimizing", "I ran my first 10k today!")
    assert shrunk.message.startswith("This may make their news sound smaller")
    assert shrunk.suggestion == "That's a big deal, and I'm so happy for you!"
    # A caution straight after the news is early advice, and passes the news by:
    # one rewrite covers its words, and it stays with the news.
    planned = analyze("You should negotiate the salary before you sign.", "I got the job!!")
    plan = next(f for f in planned.findings if f.signal == "advice")
    assert plan.message.startswith("Plans and cautions can wait")
    rewrites = [f.suggestion for f in planned.findings if f.suggestion]
    assert len(rewrites) == 1
    assert rewrites[0] in (
        "That's exciting! What are you most looking forward to?",
        "I'm so happy for you! How did it feel when you found out?",
    )
    hard = _finding(
        "It's not a big deal, just forget it.",
        "minimizing",
        "My boss yelled at me in front of everyone.",
    )
    assert hard.suggestion == "That sounds really hard, and it makes sense it's weighing on you."


@pytest.mark.parametrize(
    "context",
    [
        "What's on your list of films to see together? That documentary about octopuses.",
        "What would you cook if you had a whole free Sunday? A proper ramen, from scratch.",
    ],
)
def test_after_a_light_message_shrinking_it_is_not_called_hard(context: str) -> None:
    result = analyze("Eh, it's just a film, no big deal.", context)
    assert result.light and not result.good_news
    finding = _finding("Eh, it's just a film, no big deal.", "minimizing", context)
    assert finding.message.startswith("This may make what they shared sound smaller")
    assert finding.suggestion == "I can tell it matters to you. Tell me about it?"
    summary = summarise(result)
    assert "hard" not in f"{summary.text} {summary.next_step}"


@pytest.mark.parametrize(
    "context",
    [
        None,  # no message: a reply that shrinks most often answers a hard time
        "My boss yelled at me in front of everyone today.",
        "I'm so nervous about the interview tomorrow.",
    ],
)
def test_after_a_hard_time_shrinking_it_gets_words_for_a_hard_time(context: str | None) -> None:
    result = analyze("It's not a big deal, don't worry about it.", context)
    assert not result.light
    assert "That sounds really hard" in (summarise(result).next_step or "")


PROMOTION = "I got the promotion! They're moving me to the London office."


def test_a_but_that_takes_back_the_praise_is_not_celebrating() -> None:
    # Gable's active-destructive reply: the "but" takes back the "Amazing!!".
    result = analyze("Amazing!! But how are we going to pay for it?", PROMOTION)
    assert result.signals["dismissive_but"]
    assert not result.signals["active_constructive"]
    assert not result.signals["open_question"]  # not "a warm question"
    assert "celebrate" not in summarise(result).text
    # A "but" that reassures takes no praise back.
    reassures = analyze(
        "This is amazing. I know you're scared you're too old. That fear makes sense. "
        "But you've raised two kids, you know more than half of them. "
        "What are you most looking forward to?",
        "I got in! Nursing school, January start.",
    )
    assert reassures.signals["active_constructive"]


@pytest.mark.parametrize(
    "text",
    [
        "Wow, that's great. Are you sure you can handle it though?",
        "That's great, but London is so far. What about my job?",
    ],
)
def test_in_a_reply_that_passes_the_news_over_a_but_gets_no_and(text: str) -> None:
    # "That's great, and London is so far" passes it over all the same.
    result = analyze(text, PROMOTION)
    assert result.signals["good_news_dismissed"] and result.signals["dismissive_but"]
    but = _finding(text, "dismissive_but", PROMOTION)
    assert but.suggestion is None
    assert but.message.endswith("turns away from what they shared.")
    assert "'And' keeps both true" not in but.message
    # The summary speaks of the news, the larger part.
    assert summarise(result).signal == "good_news_dismissed"


def test_a_sentence_that_turns_away_gets_one_rewrite() -> None:
    text = "Oh cool. I got a raise last month too, remember?"
    result = analyze(text, PROMOTION)
    assert result.signals["self_focus"] and result.signals["good_news_dismissed"]
    rewrites = [f for f in result.findings if f.suggestion]
    assert [f.signal for f in rewrites] == ["self_focus"]


def test_a_sentence_that_passes_the_news_over_gets_one_rewrite() -> None:
    context = "Good news! I finished my first 20-mile training run."
    result = analyze("Finally. Took you long enough.", context)
    assert result.signals["good_news_dismissed"] and result.signals["you_statement"]
    assert [f.signal for f in result.findings if f.suggestion] == ["good_news_dismissed"]


@pytest.mark.parametrize(
    "text", ["I hear you, but you always overreact.", "I get it, but you never listen to me."]
)
def test_a_but_that_blames_gets_one_rewrite_that_keeps_the_acknowledgement(text: str) -> None:
    result = analyze(text, "I had a rough day at work.")
    assert result.signals["dismissive_but"] and result.signals["you_statement"]
    [rewrite] = [f.suggestion for f in result.findings if f.suggestion]
    assert rewrite.startswith(text.split(",")[0] + ".")


@pytest.mark.parametrize(
    ("text", "context", "rewrite"),
    [
        (
            "I know it hurts, but you'll get over it.",
            "I didn't get the job and I feel like a failure.",
            "That sounds really hard, and it makes sense it's weighing on you.",
        ),
        (
            "She lived a long life though.",
            "My grandmother died this morning.",
            "I'm so sorry. There's nothing small about this, and I'm here.",
        ),
    ],
)
def test_a_but_that_shrinks_the_feeling_is_not_joined_with_and(
    text: str, context: str, rewrite: str
) -> None:
    # "I know it hurts, and you'll get over it" would shrink it all the same.
    result = analyze(text, context)
    assert result.signals["dismissive_but"] and result.signals["minimizing"]
    assert [(f.signal, f.suggestion) for f in result.findings if f.suggestion] == [
        ("minimizing", rewrite)
    ]
    [but] = [f for f in result.findings if f.signal == "dismissive_but"]
    assert "'And'" not in but.message
    summary = summarise(result)
    assert summary.signal == "minimizing" and "“and”" not in (summary.next_step or "")


def test_a_change_of_subject_is_not_told_to_ask_what_or_how() -> None:
    text = "Cool. Anyway, what's for dinner?"
    closed = _finding(text, "closed_question", PROMOTION)
    assert closed.suggestion is None
    assert "'what' or 'how'" not in closed.message


def test_a_change_of_subject_after_a_one_up_is_not_told_to_ask_what_or_how() -> None:
    # The dismissal's stretch covers both sentences; the question is inside it.
    text = "That's nothing, my day was way worse. Anyway, what's for dinner?"
    closed = _finding(text, "closed_question", PROMOTION)
    assert closed.suggestion is None
    assert "'what' or 'how'" not in closed.message


@pytest.mark.parametrize(
    "question", ["So when is the interview?", "What time did you get home?", "Where was it?"]
)
def test_a_question_for_a_fact_is_not_told_to_ask_what(question: str) -> None:
    closed = _finding(question, "closed_question", "I had a rough day at work.")
    assert "'what' or 'how'" not in closed.message
    assert "what it was like for them" in closed.message
    summary = summarise(analyze(question, "I had a rough day at work."))
    assert "\u201cwhat\u201d or \u201chow\u201d" not in (summary.next_step or "")


def test_an_answer_with_an_exclamation_mark_is_not_called_good_news() -> None:
    # The daily question's reply box reads the answer after its question; the
    # head was sure of "news" from the "!" alone, and the coach offered "That's
    # a big deal, and I'm so happy for you!" for a film.
    context = (
        "What's on your list of films or shows you keep meaning to watch? "
        "The octopus documentary! I keep thinking about it."
    )
    result = analyze("Eh, it's just a film, no big deal.", context)
    assert not result.good_news and result.light
    news = "What was the best part of your week? I got the promotion!!"
    assert analyze("Nice.", news).good_news


@pytest.mark.parametrize(
    "text",
    [
        "I felt hurt when you said that in front of my mum.",
        "I felt left out when you went without me.",
    ],
)
def test_the_behaviour_an_i_statement_names_is_not_blame(text: str) -> None:
    # "when you said that" is what happened, which an I-statement names.
    result = analyze(text, "Why are you so quiet tonight?")
    assert "i_statement" in {f.signal for f in result.findings}
    assert summarise(result).signal == "i_statement"


def test_faith_in_them_is_not_blame() -> None:
    # "you always are" here is faith, not "you always…"; it still hurries the feeling.
    result = analyze("You'll be fine, you always are.", "I'm so stressed, I can't sleep.")
    assert not result.signals["you_statement"]
    assert result.signals["minimizing"]
    assert analyze("You always are late.", "Sorry I'm late.").signals["you_statement"]


def test_the_you_that_is_heard_is_not_blamed() -> None:
    # Its "but" and its shrinking are noted; "I hear you" blames no one.
    result = analyze("I hear you, but it's not a big deal.", "I didn't get the job.")
    assert not result.signals["you_statement"]
    assert result.signals["dismissive_but"] and result.signals["minimizing"]
    assert analyze("I hear you, but you always overreact.").signals["you_statement"]


@pytest.mark.parametrize(
    "text",
    [
        "You're not failing us, love. We'll figure the money out together.",
        "You're being way too hard on yourself.",
        "It's not your fault.",
    ],
)
def test_clearing_them_of_blame_is_not_blame(text: str) -> None:
    context = "I feel like I'm failing us with money."
    assert not analyze(text, context).signals["you_statement"]
    assert analyze("You're not failing, you just never try.", context).signals["you_statement"]


@pytest.mark.parametrize(
    "text",
    ["Yeah you were kind of horrible.", "You're not my mum.", "What are you even talking about?"],
)
def test_plain_blame_is_heard(text: str) -> None:
    assert analyze(text, "Can we talk about last night?").signals["you_statement"]


LONELY = "I feel like we haven't talked in weeks. You're always on your phone."


def test_a_question_that_blames_is_not_praised_as_warm() -> None:
    result = analyze("Well you never tell me what you want, so how would I know?", LONELY)
    assert result.signals["you_statement"]
    assert not result.signals["open_question"]
    assert "open_question" not in {f.signal for f in result.findings}


def test_an_offer_to_do_something_together_is_called_a_kind_offer() -> None:
    text = "That must feel lonely. Want to plan something for Saturday?"
    offer = _finding(text, "closed_question", LONELY)
    assert offer.message.startswith("A kind offer.")
    assert offer.suggestion is None


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("What's wrong with you?", True),
        ("What were you thinking?", True),
        ("How could you let her talk to you like that?", True),
        ("How is that my problem?", False),
    ],
)
def test_a_hostile_question_is_never_praised_as_asking_more(text: str, blames: bool) -> None:
    result = analyze(text, "My manager criticised my report in front of the whole team.")
    assert not result.signals["open_question"]
    assert result.signals["you_statement"] is blames
    summary = describe(result.signals, result.empathy, result.good_news)
    assert "ask them to say more" not in summary.text


def test_a_turn_to_your_own_story_after_good_news_hands_it_back_gladly() -> None:
    context = "I got into the master's programme!! I can't believe it"
    text = "Cool, I applied to one once but didn't get in, their loss haha"
    result = analyze(text, context)
    # Both sides of that "but" are the writer's own story: it takes nothing back.
    assert not result.signals["dismissive_but"]
    finding = _finding(text, "self_focus", context)
    assert finding.suggestion == "How does it feel? Tell me everything!"


@pytest.mark.parametrize(
    "text",
    [
        "Well, I did tell you to prepare more.",
        "That sucks. Same thing happened to me last year, I applied to like 40 places. "
        "Anyway I ended up somewhere good.",
    ],
)
def test_good_news_said_not_to_have_happened_is_not_good_news(text: str) -> None:
    # "get the job" is in it, and it is the opposite of good news.
    context = "I didn't get the job. I really thought this one was it."
    result = analyze(text, context)
    assert not result.signals["good_news_dismissed"] and not result.good_news


def test_a_question_is_not_praised_as_validating() -> None:
    context = "I felt really alone at your parents' place on Sunday. Nobody talked to me."
    text = "I'm sorry, I didn't realise. That sounds lonely. What would have helped?"
    found = analyze(text, context).findings
    praised = [text[f.start : f.end] for f in found if f.signal == "validation"]
    assert praised == ["That sounds lonely."]


@pytest.mark.parametrize(
    ("text", "signal", "suggestion"),
    [
        (
            "At least she's not in pain anymore.",
            "minimizing",
            # Not "weighing on you": too small a word for a death.
            "I'm so sorry. There's nothing small about this, and I'm here.",
        ),
        (
            "My grandma died last year, it took me months to feel normal.",
            "self_focus",
            "What's been the hardest part of it for you?",
        ),
    ],
)
def test_a_death_is_never_read_as_good_news(text: str, signal: str, suggestion: str) -> None:
    # "passed" is a word of good news ("I passed!"), and the head alone gave
    # this message 0.67: the coach offered "I'm so happy for you!".
    context = "My grandma passed away this morning."
    result = analyze(text, context)
    assert not result.good_news and not result.signals["good_news_dismissed"]
    assert _finding(text, signal, context).suggestion == suggestion


@pytest.mark.parametrize(
    ("context", "news"),
    [
        ("I got the results. It's MS. The neurologist was kind.", False),
        ("Got the genetic test back. I carry the BRCA2 mutation, same as Mum.", False),
        ("I got passed over for the team lead role.", False),
        ("Got rejected from my dream PhD program.", False),
        ("My grandma passed away this morning.", False),
        ("We got the grant!! Full funding!!", True),
        ("I got into the master's programme!! I can't believe it", True),
    ],
)
def test_the_coach_says_good_news_only_when_sure(context: str, news: bool) -> None:
    # "I'm so happy for you!" after bad news is far worse than a plainer word.
    assert analyze("It's not a big deal.", context).good_news is news


@pytest.mark.parametrize(
    "text",
    [
        # A talk-time note, "What I heard": their feeling said back to them.
        "You felt invisible at the party because nobody asked about your work.",
        "I heard that you felt left out when I stayed with my brother.",
    ],
)
def test_their_feeling_said_back_is_validation_not_blame(text: str) -> None:
    result = analyze(text)
    assert result.signals["validation"] and not result.signals["you_statement"]


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
        ("However, you didn't tell me.", "And you didn't tell me."),
        ("Sure, but rain is just water.", "Sure, and rain is just water."),
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
        ("You're always on your phone.", "I feel \u2026 when you're on your phone"),
    ],
)
def test_i_statement(sentence: str, shape: str) -> None:
    assert i_statement(sentence).startswith(shape)
    assert i_statement(sentence).endswith("and I'd like \u2026")


def test_a_named_feeling_becomes_the_writers_and_blame_becomes_a_wish() -> None:
    assert i_statement("You make me feel invisible.") == "I feel invisible."
    assert i_statement("That's on you.").startswith("I'm upset about how this went")


def test_a_closed_check_in_gets_an_open_question() -> None:
    assert open_question("You okay?") == "How are you feeling?"
    finding = _finding("Are you okay?", "closed_question")
    assert finding.suggestion == "How are you feeling?"


def test_an_offer_is_welcome_and_gets_no_rewrite() -> None:
    finding = _finding("Want me to pick up dinner?", "closed_question")
    assert finding.suggestion is None
    assert finding.message.startswith("A kind offer")


CAR = "My car broke down again."


@pytest.mark.parametrize(
    ("text", "shrinks"),
    [
        ("Oh no. Don't worry, it's just a car. We'll sort it.", "Don't worry, it's just a car."),
        ("I'm sorry love. It could be worse, you know.", "It could be worse, you know."),
    ],
)
def test_the_shrinking_note_goes_on_the_sentence_that_shrinks(text: str, shrinks: str) -> None:
    result = analyze(text, CAR)
    assert result.signals["minimizing"]
    noted = [text[f.start : f.end] for f in result.findings if f.signal == "minimizing"]
    assert noted == [shrinks]


def test_a_but_other_than_but_is_named_as_written_in_the_summary() -> None:
    result = analyze(
        "I hear you. However, we planned this months ago.", "I'm stressed about the move."
    )
    summary = summarise(result)
    assert summary.signal == "dismissive_but"
    assert "\u201chowever\u201d" in summary.text and "\u201chowever\u201d" in (
        summary.next_step or ""
    )
    assert "\u201cbut\u201d" not in summary.text


WORST_DAY = "I had the worst day. My boss made me redo the whole report and I missed lunch."


@pytest.mark.parametrize(
    "text",
    [
        "You should just quit, honestly.",
        "Maybe you should sleep on it.",
        "You could ask for an extension.",
        "You need to rest.",
    ],
)
def test_advice_to_them_is_advice_not_blame(text: str) -> None:
    result = analyze(text, WORST_DAY)
    assert result.signals["advice"]
    assert not result.signals["you_statement"]
    assert summarise(result).signal == "advice"


@pytest.mark.parametrize(
    "text",
    [
        "You need to calm down, it's just a report.",
        "You should have checked it first.",
        "You could at least pretend to care.",
    ],
)
def test_a_telling_off_in_the_shape_of_advice_is_still_blame(text: str) -> None:
    assert analyze(text, WORST_DAY).signals["you_statement"]


def test_a_sentence_that_shrinks_blames_and_advises_gets_one_rewrite() -> None:
    text = "You need to calm down, it's just a report."
    notes = [f for f in analyze(text, WORST_DAY).findings if f.start == 0]
    assert {f.signal for f in notes} >= {"you_statement", "minimizing"}
    rewrites = [f for f in notes if f.suggestion]
    assert [f.signal for f in rewrites] == ["minimizing"]


JOB = "I got the job!! They called this afternoon, I start in March."


@pytest.mark.parametrize(
    ("text", "context", "rewritten_by", "summary_of"),
    [
        # Blame that passes the news over: the summary speaks of the news.
        ("Finally! Took you long enough.", JOB, "good_news_dismissed", "good_news_dismissed"),
        # Advice that passes it over: one rewrite for the whole stretch.
        (
            "Congrats! You should negotiate the salary though.",
            JOB,
            "good_news_dismissed",
            "good_news_dismissed",
        ),
        # A turn to your own story that also shrinks: handing it back repairs both.
        (
            "I knew you'd get it. When I got my first job I was terrified, you'll be fine.",
            JOB,
            "self_focus",
            "self_focus",
        ),
        # A "but" that turns to your own story: hand it back, not "and".
        (
            "I hear you, but when I lost my job I just got on with it.",
            WORST_DAY,
            "self_focus",
            "self_focus",
        ),
        # No words of a turn to your own story: the "but" keeps the rewrite.
        (
            "Fair, but I need my phone for work.",
            "What do you wish we did more of? Just sitting together without our phones.",
            "dismissive_but",
            "dismissive_but",
        ),
    ],
)
def test_overlapping_notes_offer_one_rewrite_and_the_summary_speaks_of_it(
    text: str, context: str, rewritten_by: str, summary_of: str
) -> None:
    result = analyze(text, context)
    rewrites = [f for f in result.findings if f.suggestion]
    assert [f.signal for f in rewrites] == [rewritten_by]
    for a in rewrites:
        for b in rewrites:
            assert a is b or not (a.start < b.end and b.start < a.end)
    assert summarise(result).signal == summary_of


def _corpus_replies(limit: int) -> list[tuple[str, str | None]]:
    path = Path(__file__).resolve().parents[3] / "corpus" / "coach" / "test.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()[:limit]]
    return [(row["text"], row.get("context")) for row in rows]


def test_no_two_rewrites_cover_the_same_words_in_held_out_replies() -> None:
    overlapping = []
    for text, context in _corpus_replies(300):
        rewrites = [f for f in analyze(text, context).findings if f.suggestion]
        for i, a in enumerate(rewrites):
            overlapping += [text for b in rewrites[i + 1 :] if a.start < b.end and b.start < a.end]
    assert overlapping == []


FILMS = (
    "What's on your list of films or shows you keep meaning to watch? "
    "That documentary about octopuses, and the Danish series everyone mentions."
)


@pytest.mark.parametrize(
    "text",
    ["Ooh the octopus one! Let's watch it Friday?", "Mine too. We should do a movie night."],
)
def test_joining_in_after_a_light_answer_is_not_advice(text: str) -> None:
    result = analyze(text, FILMS)
    assert not result.signals["advice"]
    assert not summarise(result).text.startswith("You go to solutions quickly")


@pytest.mark.parametrize(
    "context",
    [
        "You keep leaving your stuff all over the flat.",  # a complaint about the writer
        "I'm so stressed about money, I can't sleep.",  # a hard time
    ],
)
def test_the_same_proposal_after_a_complaint_or_a_hard_time_is_a_fix(context: str) -> None:
    assert analyze("Let's sit down together on Sunday and sort it.", context).signals["advice"]


def test_without_apostrophes_it_reads_the_same_and_points_into_the_text_as_typed() -> None:
    typed = "ok. dont worry, its not a big deal"
    with_them = analyze("ok. don't worry, it's not a big deal")
    result = analyze(typed)
    assert result.signals["minimizing"] and with_them.signals["minimizing"]
    noted = [f for f in result.findings if f.signal == "minimizing"]
    assert [typed[f.start : f.end] for f in noted] == ["dont worry, its not a big deal"]


def test_a_dismissive_but_without_apostrophes_keeps_the_words_as_typed() -> None:
    typed = "I know, but im not sure thats fair"
    found = next(f for f in analyze(typed).findings if f.signal == "dismissive_but")
    assert typed[found.start : found.end] == typed
    assert found.suggestion == "I know, and im not sure thats fair"


@pytest.mark.parametrize(
    "reply",
    [
        "That's so frustrating after all that work. How's your back now?",
        "Don't let it go to your head, it's only one race.",
        "I'd be livid too. What's he said since?",
    ],
)
def test_a_reply_typed_without_apostrophes_reads_as_with_them(reply: str) -> None:
    context = "My back's gone again after six weeks of physio, and I ran my first race."
    typed = reply.replace("'", "")
    assert analyze(typed, context).signals == analyze(reply, context).signals


def test_the_same_rewrite_is_offered_once() -> None:
    """Using both of two identical rewrites would say the same words twice."""
    result = analyze("Just quit. Or talk to HR. You should look for something else.", WORST_DAY)
    advice = [f for f in result.findings if f.signal == "advice"]
    assert len(advice) == 3
    assert [f.suggestion is not None for f in advice] == [True, False, False]


def test_a_but_before_blame_typed_without_apostrophes_drops_the_blame() -> None:
    typed = "Im sorry but youre wrong, lets talk"
    found = next(f for f in analyze(typed, "You forgot my birthday.").findings)
    assert found.signal == "dismissive_but"
    assert found.suggestion is not None and "wrong" not in found.suggestion


def test_advice_they_asked_for_is_not_called_early() -> None:
    asked = "My sister won't answer since I snapped at her. What should I do?"
    reply = "Apologise to her tonight, she'll come round."
    advice = _finding(reply, "advice", asked)
    assert advice.message.startswith("They asked what to do") and advice.suggestion is None
    assert summarise(analyze(reply, asked)).signal != "advice"
    # Not asked: the same reply is early, and gets the question to ask first.
    early = _finding(reply, "advice", "My sister won't answer since I snapped at her.")
    assert early.suggestion and "ideas, or just someone to listen" in early.suggestion


def test_blaming_someone_for_their_own_hard_day_gets_a_repair_that_meets_it() -> None:
    hard = "I had an awful day, my manager tore my report apart in front of everyone."
    blame = _finding("You should have checked it twice.", "you_statement", hard)
    assert blame.message.startswith("This may sound as if the hard time is their fault")
    meeting = "That sounds really hard, and it makes sense it's weighing on you."
    assert blame.suggestion == meeting
    but = _finding("Yeah but it's your own fault for rushing it.", "dismissive_but", hard)
    assert but.suggestion == f"Yeah. {meeting}"
    # A complaint about the writer keeps the I-statement: there the writer has a side.
    complaint = "You laughed at me in front of your friends."
    kept = _finding("You're overreacting.", "you_statement", complaint)
    assert kept.suggestion and kept.suggestion.startswith("I see it differently")
    summary = summarise(analyze("You should have checked it twice.", hard))
    assert summary.text == "This may sound as if the hard time is their fault."
    assert "I felt" not in (summary.next_step or "")


def test_after_a_complaint_about_the_writer_the_rewrites_hand_it_back() -> None:
    complaint = "You forgot our anniversary."
    hand_back = "I'm listening. I want to hear how it was for you."
    assert _finding("Fine, whatever.", "minimizing", complaint).suggestion == hand_back


@pytest.mark.parametrize(
    ("reply", "complaint"),
    [
        ("I've been so busy with work, you know that.", "You forgot our anniversary."),
        (
            "Well I've been working sixty-hour weeks to pay for this flat, sorry I'm not a ray "
            "of sunshine every evening.",
            "I've been feeling really disconnected from you lately. Like we're roommates.",
        ),
        ("She's my mum. I needed someone to talk to too.", "I'm upset you told your mum first."),
    ],
)
def test_telling_your_side_of_their_complaint_is_a_defence_not_self_focus(
    reply: str, complaint: str
) -> None:
    # The corpus labels 2 of 830 replies to complaints about the writer self-focus.
    result = analyze(reply, complaint)
    assert not result.signals["self_focus"]
    assert result.to_complaint == "defends"
    assert summarise(result).text == "This puts your side first, before they feel heard."


def test_a_daily_answer_that_touches_on_the_writer_still_keeps_the_talk_with_them() -> None:
    answer = (
        "Today's question was 'what's one thing you wish I knew about your childhood'. Mine: I "
        "was left alone after school a lot. I think that's why I get weird when you're late."
    )
    reply = "Haha I was the total opposite, my mum was home ALL the time. Remember my diary?"
    assert analyze(reply, answer).signals["self_focus"]


def test_interest_in_a_light_answer_is_not_called_good_news() -> None:
    answer = "Q: What's your favourite smell? A: Bread in the oven, and rain on hot pavement."
    reply = "Ha! What do you love about it?"
    result = analyze(reply, answer)
    assert result.signals["active_constructive"]
    assert "good news" not in _finding(reply, "active_constructive", answer).message
    assert summarise(result).text == "You take a real interest and want to hear more."


def test_asking_to_stop_talking_is_not_called_a_kind_offer() -> None:
    closed = _finding("Can we not do this now?", "closed_question", "You forgot our anniversary.")
    assert not closed.message.startswith("A kind offer")


@pytest.mark.parametrize(
    "plan",
    [
        "I'll do the bins tonight and the dishes after dinner, no reminders needed.",
        "I'm coming home right now.",
    ],
)
def test_praise_for_naming_their_feeling_stays_on_the_reflection_not_a_plan(plan: str) -> None:
    reflection = "Being the housekeeper at home sounds awful, and it makes sense you're tired."
    text = f"{reflection} {plan}"
    result = analyze(text, "I'm so tired of doing everything around the house.")
    praised = [text[f.start : f.end] for f in result.findings if f.signal == "validation"]
    assert result.signals["validation"]
    assert praised == [reflection]


def test_shrinking_words_before_an_offer_keep_the_offer_in_the_rewrite() -> None:
    context = "I'm exhausted, work was brutal and the car broke down."
    shrunk = _finding("Don't worry, I'll drive you in tomorrow.", "minimizing", context)
    assert shrunk.suggestion == (
        "That sounds really hard, and it makes sense it's weighing on you. "
        "I'll drive you in tomorrow."
    )


def test_someone_close_turning_away_is_a_hard_time_not_light_news() -> None:
    context = "My sister hasn't spoken to me since the wedding."
    shrunk = _finding("She'll come round, she always does.", "minimizing", context)
    assert shrunk.suggestion == "That sounds really hard, and it makes sense it's weighing on you."


def test_being_passed_over_is_a_hard_time_not_light_news() -> None:
    context = "My manager took credit for my report in the all-hands today."
    shrunk = _finding("Welcome to corporate life, happens to everyone.", "minimizing", context)
    assert shrunk.suggestion == "That sounds really hard, and it makes sense it's weighing on you."


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("Cheer up, it's nearly Christmas!", "I've been feeling really low for weeks."),
        ("Six months isn't that long.", "My promotion got pushed back another six months."),
    ],
)
def test_a_hard_feeling_or_a_setback_is_met_as_a_hard_time(reply: str, context: str) -> None:
    # Not as light talk ("I can tell it matters to you. Tell me about it?").
    result = analyze(reply, context)
    shrinking = [f for f in result.findings if f.signal == "minimizing"]
    assert shrinking and shrinking[0].suggestion == MINIMIZING_SUGGESTION


@pytest.mark.parametrize(
    "context",
    [
        "My boss said my report was 'fine'.",
        "I'm on a PIP at work.",
        "Work is so loud right now, two reorgs and I'm supposed to act like everything's normal.",
        "My mum keeps asking when we're having kids and I don't know what to tell her.",
    ],
)
def test_a_hard_time_in_words_no_rule_knows_is_heard_by_the_message_head(context: str) -> None:
    # No hard-time word in them: the rules alone took these for light talk.
    assert not rules.tells_of_hardship(context)
    reply = "Don't worry about it, it's not a big deal."
    assert not analyze(reply, context).light
    assert _finding(reply, "minimizing", context).suggestion == MINIMIZING_SUGGESTION


@pytest.mark.parametrize(
    "context",
    [
        "Thinking of trying that new Thai place on Friday.",
        "I think I want to go back to uni and retrain as a nurse.",
        # Good news with a fear in it comes second for the head: never a hard time.
        "We're pregnant. I took three tests. I'm sitting on the bathroom floor.",
        "The promotion came through. Team lead starting next month.",
    ],
)
def test_light_talk_and_news_are_not_heard_as_a_hard_time(context: str) -> None:
    shrinking = _finding("Eh, it's not a big deal.", "minimizing", context)
    assert shrinking.suggestion != MINIMIZING_SUGGESTION


FAVOUR = "Can you remember to put the bins out tonight? It's recycling week."


@pytest.mark.parametrize("reply", ["Will do.", "k", "On it."])
def test_a_quick_yes_to_a_favour_is_no_fix_and_no_closed_door(reply: str) -> None:
    result = analyze(reply, FAVOUR)
    assert not result.signals["advice"]
    summary = summarise(result)
    assert summary.text == "A quick yes answers what they asked."
    assert "closed door" not in " ".join(f.message for f in result.findings)


def test_a_bare_no_to_a_favour_is_still_a_closed_door() -> None:
    closed_door = "A word or two gives them little to hold on to."
    assert summarise(analyze("no", FAVOUR)).text == closed_door


def test_a_practical_question_about_a_favour_is_not_told_to_ask_how_it_felt() -> None:
    result = analyze("Sure, the green bin or both?", FAVOUR)
    assert result.signals["closed_question"]  # as the guide counts it
    assert summarise(result).text.startswith("A practical question about what they asked")
    # The same question to a hard time still invites more.
    hard = analyze("Are you ok?", "Can you call me? I just had a panic attack at work.")
    assert summarise(hard).text == "This asks for a short answer."


def test_leave_to_take_their_time_is_no_advice() -> None:
    reply = "Sure, I'll grab him and sort his dinner too. Take your time."
    result = analyze(reply, "Can you pick up Leo from football at 5? I'm stuck in a meeting.")
    assert not result.signals["advice"]


def test_a_put_down_of_a_dream_is_met_with_interest_not_an_i_statement() -> None:
    dream = "Q: What's a dream you haven't told me about? A: I'd love to learn to sail."
    result = analyze("You'd get seasick in five minutes.", dream)
    blame = _finding("You'd get seasick in five minutes.", "you_statement", dream)
    assert blame.message.startswith("This may sound like a put-down")
    # One rewrite for the sentence, whichever note carries it: interest, not "I felt …".
    rewrites = [f.suggestion for f in result.findings if f.suggestion]
    assert rewrites == ["I can tell it matters to you. Tell me about it?"]
    summary = summarise(result)
    assert summary.text == "This may sound like a put-down of what they shared."
    assert "I felt" not in (summary.next_step or "")

"""How a reply listens, in one or two plain sentences, and where it helps one next step.

This replaces meters and levels for people: "Listening level: internal" is
jargon, and three meters feel like grading. The levels stay in the JSON for
the API and the CLI's --json; the web and the CLI's own output say this.

The first thing that applies wins, in this order: what may hurt (passed-over
good news, blame, a "but" that takes back, a turn to the writer's own story,
shrinking the feeling, a bare word), then how it meets a complaint about the
writer, then what works (or early advice).
"""

from dataclasses import dataclass

from closeknit.coach.engine import MESSAGES, Analysis


@dataclass(frozen=True)
class Summary:
    text: str
    next_step: str | None = None
    # The signal the summary is about, when it is one concern: the page then
    # leaves out that note's own message, which would say the same again.
    signal: str | None = None


# (signal, what it does, one concrete next step)
_CONCERNS = [
    (
        # First: passing over what they shared is the larger part. Blame there
        # ("Took you long enough.") passes it over too, and "and" in place of a
        # "but" would pass it over all the same. Not "their good news": the
        # message may only be pleasant (the finding says "good news" when the
        # coach is sure).
        "good_news_dismissed",
        "What they shared could get lost in this reply.",
        "Stay with it for a moment: say what you like about it and ask about it.",
    ),
    (
        "you_statement",
        "Parts of this may land as blame, even if you mean to share how you feel.",
        "Say what happened for you: \u201cI felt \u2026 when \u2026\u201d.",
    ),
    (
        "dismissive_but",
        # What came before may be the reply's kind words ("I hear you, but…")
        # or the partner's own ("She lived a long life though.").
        "A \u201c{word}\u201d here may take back what came before it.",
        "Let what came before the \u201c{word}\u201d stand, then add yours with \u201cand\u201d.",
    ),
    (
        "self_focus",
        "This turns the talk toward your own story.",
        "Keep your part short and hand it back with a question about theirs.",
    ),
    (
        "minimizing",
        "This may make their feeling sound smaller than it is for them.",
        "Let it be as big as it is: \u201cThat sounds really hard.\u201d",
    ),
    (
        "too_short",
        "A word or two gives them little to hold on to.",
        "Add one line about how it landed with you, or ask about it.",
    ),
]


# After good news, shrinking it or going straight to plans reads differently.
_AFTER_GOOD_NEWS = {
    "good_news_dismissed": Summary(
        "Their good news could get lost in this reply.",
        "Stay with it for a moment: say what's great about it and ask how it happened.",
        "good_news_dismissed",
    ),
    "minimizing": Summary(
        "This may make their news sound smaller than it is for them.",
        "Let it be as big as it is: \u201cThat's a big deal!\u201d",
        "minimizing",
    ),
    "advice": Summary(
        "You go to plans quickly; they may want to enjoy the news first.",
        "Ask what they're most excited about.",
        "advice",
    ),
    "open_question": Summary(
        "You ask about their news.",
        "Saying how glad you are (\u201cThat's wonderful!\u201d) lets them enjoy it with you.",
        "open_question",
    ),
}


# Meeting a feeling that is no hard time ("your plans always come first", a
# film they love): "What was the hardest part?" would make it one.
_MAKES_SENSE = Summary(
    "You let them know their feeling makes sense.",
    "Asking what it's been like for them would invite them to say more.",
    "validation",
)


# After a light message (a film they'd love to see), nothing is "really hard".
_AFTER_LIGHT = {
    "minimizing": Summary(
        "This may make what they shared sound smaller than it is for them.",
        "Take an interest in it: \u201cTell me about it?\u201d",
        "minimizing",
    ),
    "active_constructive": Summary(
        "You take a real interest and want to hear more.",
        signal="active_constructive",
    ),
    # "What's drawing you to nursing?": nothing there is "exhausting". No
    # example either way: a hard time the words don't show also lands here.
    "open_question": Summary(
        "You ask them to say more.",
        "Naming what it might feel like for them shows you're with them.",
        "open_question",
    ),
    "validation": _MAKES_SENSE,
    # "You should! Start this weekend" to a dream: not "ideas, or someone to listen?".
    "advice": Summary(
        "You go to plans quickly; they may want to talk about it with you first.",
        "Ask about it before you suggest anything.",
        "advice",
    ),
}


# Shrinking a complaint about the writer: "That sounds really hard" would speak
# as if of someone else's doing.
_AFTER_COMPLAINT = {
    "minimizing": Summary(
        "This may make what they raised sound smaller than it is for them.",
        "Take it seriously: say back what it's like for them, and your part in it.",
        "minimizing",
    ),
    "validation": _MAKES_SENSE,
}


# Waving away their apology ("It's fine, forget it"): nothing "hard" to meet.
# Understanding why they did it is kind, and "the hardest part" would ask of a
# hard time: what lets an apology land is taking it in.
_AFTER_APOLOGY = {
    "minimizing": Summary(
        "This may wave their apology away before it lands.",
        "Let it land: thank them, and say how it was for you.",
        "minimizing",
    ),
    "validation": Summary(
        "You meet their apology with understanding.",
        "Saying you take it in (\u201cThank you for saying that\u201d) helps it land.",
        "validation",
    ),
}


_SAY_IT_HURT = (
    "If it hurt, saying so gently (\u201cIt did sting, and I'm glad you said so\u201d) helps you "
    "both move on."
)

# Brushing their thanks or praise aside ("It was nothing"): nothing to "be as big".
_AFTER_THANKS = {
    "minimizing": Summary(
        "This may brush their thanks aside before it lands.",
        "Let it land: \u201cI'm so glad it meant something to you.\u201d",
        "minimizing",
    ),
    "open_question": _AFTER_LIGHT["open_question"],
    "good_news_dismissed": Summary(
        "Their thanks could get lost in this reply.",
        "Let it land first: \u201cI'm so glad it meant something to you.\u201d",
        "good_news_dismissed",
    ),
}


# After their apology, taking it in (rules.answer_to_apology). Said unless a
# concern comes first ("Thanks, but you always do this").
TO_APOLOGY = {
    "told": Summary(
        "You take their apology in and say honestly how it was for you: that's how it can heal."
    ),
    "thanked": Summary(
        "You take their apology in.",
        _SAY_IT_HURT,
    ),
    # "That means a lot. It makes sense you were on edge."
    "thanked_understood": Summary(
        "You take their apology in, with understanding.",
        _SAY_IT_HURT,
    ),
}


# After a complaint about the writer: warm words that still say the feeling is
# the trouble, or the writer's side before theirs. Said unless a concern above
# comes first.
TO_COMPLAINT = {
    "for_feeling": Summary(
        "An apology for how they feel, not for what happened, can sound as if their feeling "
        "is the trouble.",
        "Say what you're sorry for (\u201cI'm sorry I \u2026\u201d) and how you think it landed "
        "for them.",
    ),
    "defends": Summary(
        "This puts your side first, before they feel heard.",
        "Start with theirs: say back what happened for them, and your part in it.",
    ),
}


def summarise(analysis: Analysis) -> Summary:
    """`describe` for one analysis: its signals, levels, news and I-statements."""
    has_i = any(f.signal == "i_statement" for f in analysis.findings)
    found = describe(
        analysis.signals,
        analysis.empathy,
        analysis.good_news,
        has_i,
        light=analysis.light,
        complaint=analysis.complaint,
        apology=analysis.apology,
        thanks=analysis.thanks,
        to_complaint=analysis.to_complaint,
        to_apology=analysis.to_apology,
        warmth_back=analysis.warmth_back,
        contrast=analysis.contrast,
        hands_back=any(f.signal == "self_focus" and f.suggestion for f in analysis.findings),
        # Its yes/no questions are all kind offers ("Want me to pick up dinner?"), or
        # all check it heard them rightly ("Did I get that right?"); its advice all
        # answers their asking what to do ("What should I do?").
        offers=_all_say(analysis, "closed_question", "offer"),
        checks=_all_say(analysis, "closed_question", "check"),
        asked=_all_say(analysis, "advice", "advice_asked"),
    )
    if found.signal == "you_statement" and _all_say(analysis, "you_statement", "blames_them"):
        return BLAMES_THEM
    if found.signal == "you_statement" and _all_say(analysis, "you_statement", "puts_down"):
        return PUTS_DOWN
    # A favour asked: a quick yes, or a practical question about it, is all it needs.
    if found.signal == "too_short" and _all_say(analysis, "too_short", "too_short_favour"):
        return YES_TO_A_FAVOUR
    practical = _all_say(analysis, "closed_question", "closed_favour")
    if found.signal == "closed_question" and practical:
        return PRACTICAL
    return found


# Blame of someone telling of a hard time that is not about the writer: they
# have no grievance to say as "I felt … when …"; meeting the feeling repairs it.
BLAMES_THEM = Summary(
    "This may sound as if the hard time is their fault.",
    "Meet how it feels for them first: \u201cThat sounds really hard.\u201d",
    "you_statement",
)


# The same of light talk, a dream or a taste ("You'd get seasick in five minutes").
PUTS_DOWN = Summary(
    "This may sound like a put-down of what they shared.",
    "Take an interest in it first: \u201cTell me about it?\u201d",
    "you_statement",
)


# "Will do." to "Can you put the bins out?": the answer it needs, if a bare one.
YES_TO_A_FAVOUR = Summary(
    "A quick yes answers what they asked.",
    "A warm word with it (\u201cOf course, love\u201d) shows you're glad to.",
    "too_short",
)


# "Sure, oat or regular?" to "Can you grab milk on your way back?".
PRACTICAL = Summary(
    "A practical question about what they asked: that's all it needs.", None, "closed_question"
)


def _all_say(analysis: Analysis, signal: str, message: str) -> bool:
    """Every finding of `signal` carries MESSAGES[message] (and there is one)."""
    found = [f for f in analysis.findings if f.signal == signal]
    return bool(found) and all(f.message == MESSAGES[message] for f in found)


def describe(
    signals: dict[str, bool],
    empathy: dict[str, int],
    good_news: bool = False,
    i_statement: bool = False,
    light: bool = False,
    to_complaint: str | None = None,
    contrast: str = "but",
    to_apology: str | None = None,
    warmth_back: bool = False,
    complaint: bool = False,
    apology: bool = False,
    thanks: bool = False,
    hands_back: bool = False,
    offers: bool = False,
    asked: bool = False,
    checks: bool = False,
) -> Summary:
    """One or two plain sentences about how the reply listens.

    `good_news`: the reply answers good news (Analysis.good_news);
    `i_statement`: it holds a clear I-statement (an "i_statement" finding);
    `light`: the message tells of nothing hard (Analysis.light);
    `complaint`: the message complains of the writer (Analysis.complaint);
    `apology`: the message is an apology (Analysis.apology);
    `thanks`: the message thanks or praises the writer (Analysis.thanks);
    `to_complaint`: how it meets a complaint about the writer
    (Analysis.to_complaint: "for_feeling", "defends", "owned", "promised" or None);
    `to_apology`: how it takes in their apology (Analysis.to_apology: "told",
    "thanked" or None);
    `warmth_back`: it is warm about what they shared: how good it was for the
    writer too, or praise of their news (Analysis.warmth_back);
    `contrast`: the word of the dismissive "but" ("though"), named as written;
    `hands_back`: the turn to the writer's own story carries the rewrite, so
    the summary speaks of it, not of a "but" in the same words;
    `offers`: its yes/no questions are all kind offers;
    `asked`: they asked what to do, so its advice is no concern;
    `checks`: its yes/no questions all check it heard them rightly.

    >>> describe({"validation": True, "open_question": True}, {"interpretations": 2}).text
    "You reflect how they feel and ask about it: that's listening at its fullest."
    >>> describe({"dismissive_but": True}, {}, contrast="though").text
    'A \u201cthough\u201d here may take back what came before it.'
    >>> describe({"you_statement": True}, {}).next_step
    'Say what happened for you: \u201cI felt \u2026 when \u2026\u201d.'
    """
    if asked:
        signals = {**signals, "advice": False}
    # The words for what the message is, where they differ from a hard time's.
    kinds = (good_news, _AFTER_GOOD_NEWS), (light, _AFTER_LIGHT), (complaint, _AFTER_COMPLAINT)
    offered = (apology, _AFTER_APOLOGY), (thanks, _AFTER_THANKS)
    worded = [table for on, table in (*kinds, *offered) if on]
    for signal, text, step in _CONCERNS:
        if signal == "dismissive_but" and signals.get("minimizing"):
            continue  # "add yours with 'and'" would keep the shrinking: say that instead
        if signal == "dismissive_but" and hands_back:
            continue  # "I hear you, but when I lost my job…": hand it back, not "and"
        if signal == "self_focus" and to_complaint == "defends":
            continue  # "That's not fair, I got stuck at work": their side first, said below
        if signals.get(signal):
            plain = Summary(text.format(word=contrast), step.format(word=contrast), signal)
            return _worded_for(signal, worded) or plain
    if to_complaint in TO_COMPLAINT:
        return TO_COMPLAINT[to_complaint]
    if to_apology == "thanked" and signals.get("validation"):
        to_apology = "thanked_understood"
    if to_apology in TO_APOLOGY:
        return TO_APOLOGY[to_apology]
    found = _what_works(signals, empathy, i_statement, to_complaint, offers, checks)
    if warmth_back and found in _QUIET:
        return GLAD_FOR_THEM if good_news else WARMTH_BACK
    if thanks and found is FACTS:
        return THANKS_ANSWERED
    return _worded_for(found.signal, worded) or found


def _worded_for(signal: str | None, worded: list[dict[str, Summary]]) -> Summary | None:
    """The first of the message's own wordings that has words for `signal`."""
    return next((table[signal] for table in worded if signal in table), None)


def _what_works(
    signals: dict[str, bool],
    empathy: dict[str, int],
    i_statement: bool,
    to_complaint: str | None,
    offers: bool,
    checks: bool = False,
) -> Summary:
    reflects = signals.get("validation") or empathy.get("interpretations", 0) == 2
    # Only an open question (or an invitation, which counts as one) asks them to
    # say more: the explorations level also rises for a yes/no question or a
    # hostile one ("What's wrong with you?"), which are not asking for more.
    asks = signals.get("open_question")
    if signals.get("active_constructive"):
        return Summary(
            "You celebrate with them and want to hear more: that's how good news grows.",
            signal="active_constructive",
        )
    if reflects and checks and not signals.get("advice"):
        return Summary(
            "You say back what you heard and check you got it right: that's listening at its "
            "fullest."
        )
    if reflects and asks and not signals.get("advice"):
        return Summary(
            "You reflect how they feel and ask about it: that's listening at its fullest."
        )
    if to_complaint == "owned":
        # Sorry for what the writer did, after a complaint about it: recognise it.
        step = None if asks else "Asking how it was for them shows you want to understand."
        return Summary("You say what you're sorry for: an apology they can take in.", step)
    if to_complaint == "promised":
        # A repair offered before they feel understood can sound like closing the
        # subject: name how it was for them, unless the reply already does.
        if reflects:
            return Summary("You name how it was for them and say what you'll do differently.")
        return Summary(
            "You take it on and say what you'll do differently.",
            "Saying how it was for them first (\u201cYou must have felt \u2026\u201d) shows "
            "you see why it mattered.",
        )
    if i_statement:
        return Summary(
            "You say how it was for you without blame, which makes it easy to hear.",
            signal="i_statement",
        )
    if signals.get("advice"):
        return Summary(
            "You go to solutions quickly; they may not feel heard yet.",
            "Ask first what would help: ideas, or someone to listen?",
            "advice",
        )
    if reflects:
        return Summary(
            "You let them know their feeling makes sense.",
            "A question like \u201cWhat was the hardest part?\u201d "
            "would invite them to say more.",
            "validation",
        )
    if asks:
        return Summary(
            "You ask them to say more.",
            "Naming how it might feel for them (\u201cThat sounds exhausting\u201d) "
            "shows you're with them.",
            "open_question",
        )
    return _quiet(signals, empathy, offers, checks)


# "I loved that night too" to "Sunday on the sofa": neither "only facts" nor
# merely care. Said in place of those two.
WARMTH_BACK = Summary(
    "You share the good feeling back: small things shared like this bring you closer.",
    "Asking what made it special for them would invite them to say more.",
)
# "Nice, well done." or "I knew you could do it" to good news: glad, and quietly
# so (Gable's passive-constructive reply), not "only facts".
GLAD_FOR_THEM = Summary(
    "You're glad for them.",
    "Asking how it felt, or what the best part was, lets them enjoy it with you.",
)
# "Honestly I didn't even think about it, happy to do it.": no "facts" to speak of.
THANKS_ANSWERED = Summary(
    "You answer their thanks.",
    "Saying you're glad it meant something to them lets it land.",
)
CARE = Summary(
    "Your care comes through.",
    "Asking what it was like for them would invite them to say more.",
)
FACTS = Summary(
    "This stays mostly with the facts.",
    "Naming what they might feel, or asking about it, would show you're listening.",
)
_QUIET = (CARE, FACTS)


def _quiet(
    signals: dict[str, bool], empathy: dict[str, int], offers: bool, checks: bool = False
) -> Summary:
    if signals.get("closed_question") and checks:
        return Summary(
            "You check you heard them rightly.",
            "Saying back how it was for them (\u201cYou felt \u2026\u201d) shows what you "
            "understood.",
            "closed_question",
        )
    if empathy.get("emotional_reactions", 0) >= 1:
        return CARE
    if signals.get("closed_question") and offers:
        return Summary(
            "A kind offer.",
            "If you also want to hear more, a \u201cwhat\u201d or \u201chow\u201d question "
            "invites it.",
            "closed_question",
        )
    if signals.get("closed_question"):
        return Summary(
            "This asks for a short answer.",
            # Said to "Did you have fun?" and to "What time did you get home?" alike.
            "Asking what it was like for them invites them to tell you more.",
            "closed_question",
        )
    return FACTS

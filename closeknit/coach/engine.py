"""analyze(): read a reply, decide each signal, and explain it kindly.

Order of work, cheapest first:
1. check and clean the text, split it into sentences, match the rule patterns;
2. one MiniLM pass over the reply (the partner's message is read by patterns);
3. the small heads decide the signals a pattern alone cannot (a sentence whose
   patterns rule a signal out is never asked), and the empathy levels;
4. findings with offsets into the original text, messages and rewrites;
5. the listening level, derived from all of the above (see `listening_level`).
"""

import re
from dataclasses import dataclass, field, replace

import numpy as np

from closeknit.coach import rules, suggest
from closeknit.coach.encoder import get_encoder
from closeknit.coach.features import SENTENCE_SIGNALS, SURE, Reading, read
from closeknit.coach.heads import Heads, get_heads
from closeknit.coach.text import CoachInputError, Prepared, check, looks_english, prepare

SIGNALS = (
    "dismissive_but",
    "you_statement",
    "validation",
    "open_question",
    "closed_question",
    "advice",
    "minimizing",
    "too_short",
    "active_constructive",
    "self_focus",
    "good_news_dismissed",
)
# Findings name a signal, or one of these words of recognition.
PRAISE_ONLY = ("i_statement",)
FINDING_KINDS = (*SIGNALS, *PRAISE_ONLY)
MECHANISMS = ("emotional_reactions", "interpretations", "explorations")
# What the partner's message is, as the message head reads it (corpus/coach/MESSAGES.md):
# the head's classes, in its weights' order.
MESSAGE_KINDS = ("light", "hard", "complaint", "news", "apology", "thanks")

NOT_ENGLISH = "The coach reads English only for now; its feedback on this text may be off."
HAD_HTML = "The coach read the words and left out the HTML tags."

MESSAGES = {
    "dismissive_but": "This '{word}' may sound like it cancels what came before. "
    "'And' keeps both true.",
    # The same "but" where what follows it shrinks the feeling: "and" would too.
    "but_shrinks": "This '{word}' may sound like it cancels what came before.",
    # The same "but" in a reply that passes their news over: "and" would too.
    "but_turns_away": "This '{word}' turns away from what they shared.",
    "closed_turns_away": "This asks for a short answer. A question about what they shared "
    "invites them to tell you more.",
    "you_statement": "Starting with 'you' can land as blame, even when you mean to share "
    "how you feel. Saying what happened for you keeps the door open.",
    # Blame of someone telling of a hard time that is not about the writer.
    "blames_them": "This may sound as if the hard time is their fault. Meeting how it feels "
    "first helps them feel heard.",
    # Blame of light talk, a dream or a taste ("You'd get seasick in five minutes"):
    # there is no grievance to say as "I felt … when …" either.
    "puts_down": "This may sound like a put-down of what they shared. Taking an interest in "
    "it first helps them feel heard.",
    "minimizing": "This may make the feeling sound smaller than it is for them, even if "
    "you mean to comfort. Letting it be as big as it is helps them feel heard.",
    # After their apology: "It's fine, forget it" waves it away before it lands.
    "minimizing_apology": "This may wave their apology away before it lands. Taking it in "
    "tells them it mattered.",
    # "Did I get that right?" after saying back what they said.
    "check": "Checking you heard them rightly lets them correct you or say more: that's "
    "careful listening.",
    # After their thanks or praise: "It was nothing" brushes it aside.
    "minimizing_thanks": "This may brush their thanks aside before it lands. Taking it in "
    "tells them you heard it.",
    "minimizing_light": "This may make what they shared sound smaller than it is for them. "
    "Taking an interest in it shows them it matters to you too.",
    "advice_news": "Plans and cautions can wait: they may want to enjoy the news with you "
    "first. Asking what they're most excited about keeps the focus on them.",
    "minimizing_news": "This may make their news sound smaller than it is for them. "
    "Letting it be as big as it is lets them enjoy it with you.",
    "advice": "A fix can arrive before they feel understood. Asking what they need first "
    "keeps the focus on them.",
    "advice_asked": "They asked what to do, so an idea is welcome. A line first on how it "
    "is for them helps it land.",
    "closed_question": "This asks for a short answer. A 'what' or 'how' question invites "
    "them to tell you more.",
    "closed_fact": "This asks for a fact, which has a short answer. Asking what it was like "
    "for them invites them to tell you more.",
    "offer": "A kind offer. If you also want to hear more, a 'what' or 'how' question invites it.",
    "too_short": "A word or two can feel like a closed door. One line about how it landed "
    "for you, or a question, shows you're with them.",
    # "Sure, oat or regular?" to "Can you grab milk?": a practical ask, answered practically.
    "closed_favour": "A practical question about what they asked: that's all it needs.",
    # "Will do." to "Can you put the bins out?": the answer it needs, if a bare one.
    "too_short_favour": "A quick yes answers what they asked. A warm word with it shows "
    "you're glad to.",
    "self_focus": "This turns the talk toward your own story. A line of your own is fine; "
    "handing it back to them keeps the focus on what they shared.",
    "good_news_dismissed": "Their good news could get lost here. Staying with it for a "
    "moment, with what's great about it and a question, lets them enjoy it with you.",
    # The same signal when the message may not be news at all (an answer to a
    # light daily question): say what happens without calling it good news.
    "shared_dismissed": "What they shared could get lost here. Staying with it for a "
    "moment, with a question about it, shows them it matters to you.",
    "validation": "Lovely: you name how they feel and let it make sense.",
    "open_question": "A warm question: it invites them to tell you more.",
    "active_constructive": "You meet their good news with real enthusiasm and interest; "
    "that is how good news grows between two people.",
    # The same after a light message (a film they love): no "good news" in it.
    "active_constructive_light": "You take a real interest and want to hear more; that is "
    "how small things shared bring two people closer.",
    "i_statement": "A clear I-statement: you say how it was for you without blame, "
    "which makes it easy to hear.",
}
ADVICE_SUGGESTION = "What would help most right now: ideas, or just someone to listen?"
MINIMIZING_SUGGESTION = "That sounds really hard, and it makes sense it's weighing on you."
# The same two after good news: plans and "it's no big deal" can wait.
ADVICE_NEWS_SUGGESTION = "That's exciting! What are you most looking forward to?"
MINIMIZING_NEWS_SUGGESTION = "That's a big deal, and I'm so happy for you!"
# After a death or a loss, "weighing on you" is too small a word.
MINIMIZING_GRIEF_SUGGESTION = "I'm so sorry. There's nothing small about this, and I'm here."
# And after a light message, where nothing is hard: let it matter to you too.
# Calm, not cheery: a hard time the words don't show may land here too.
MINIMIZING_LIGHT_SUGGESTION = "I can tell it matters to you. Tell me about it?"
APOLOGY_SUGGESTION = "Thank you for saying sorry. It means a lot to me."
THANKS_SUGGESTION = "I'm so glad it meant something to you."
SELF_FOCUS_SUGGESTION = "What's been the hardest part of it for you?"
# For a message that tells of no hardship (an answer to a light daily question,
# good news), "the hardest part" would be wrong: hand it back without assuming.
SELF_FOCUS_OPEN_SUGGESTION = "Tell me more about it: what's it like for you?"
SELF_FOCUS_NEWS_SUGGESTION = "How does it feel? Tell me everything!"
GOOD_NEWS_SUGGESTION = "I'm so happy for you! How did it feel when you found out?"
SHARED_SUGGESTION = "Oh, tell me more about that!"
# After a complaint about the writer, "the hardest part of it" and "it makes
# sense it's weighing on you" speak as if of someone else's doing: hand it back.
COMPLAINT_SUGGESTION = "I'm listening. I want to hear how it was for you."
SURE_NEWS = 0.8  # see sure_of_good_news
# See shares_good_news. On the training messages with such words, the good
# news scores 0.94 and up and the rest at most 0.82 ("Didn't get the job.
# Final round..."), with one exception, news the head is unsure of (0.72).
SURE_DESPITE_NEGATION = 0.9


@dataclass(frozen=True)
class Finding:
    signal: str
    start: int
    end: int
    message: str
    suggestion: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "signal": self.signal,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Analysis:
    """What the coach read in one reply.

    `to_dict()` is the JSON object of the API and the CLI (without "id").
    """

    signals: dict[str, bool]
    empathy: dict[str, int]
    listening_level: str
    findings: list[Finding] = field(default_factory=list)
    notice: str | None = None
    # The partner's message surely shares good news: the words about the reply
    # change ("that sounds really hard" would be absurd). Not in the JSON.
    good_news: bool = False
    # It tells of nothing hard and is not surely good news (a film they want
    # to see): "that sounds really hard" would be absurd here too. Not in the JSON.
    light: bool = False
    # The message complains of the writer ("I feel like I do all the cleaning"):
    # shrinking it is not shrinking a hard time. Not in the JSON.
    complaint: bool = False
    # The message is an apology ("I'm sorry I snapped"): waving it away is not
    # shrinking a hard time either. Not in the JSON.
    apology: bool = False
    # The message thanks or praises the writer ("Thank you for the school runs"):
    # "It was nothing" brushes it aside. Not in the JSON.
    thanks: bool = False
    # After a complaint about the writer, how it meets it: "for_feeling" ("I'm
    # sorry you feel that way"), "defends" ("How was I supposed to know?"),
    # "owned" ("I'm sorry I forgot"), "promised" ("Next time I'll text") or None
    # (rules.answer_to_complaint). Not in the JSON.
    to_complaint: str | None = None
    # It is warm about what they shared: how good it was for the writer too ("I
    # loved that night"), or praise of their news ("I knew you could do it"):
    # not "this stays with the facts". Not in the JSON.
    warmth_back: bool = False
    # After their apology, how it takes it in: "told" (thanks, and how it was
    # for the writer), "thanked" or None (rules.answer_to_apology). Not in the JSON.
    to_apology: str | None = None
    # The word of the first dismissive "but" ("though", "however"), so the summary
    # names the word the writer used. Not in the JSON.
    contrast: str = "but"

    def to_dict(self) -> dict[str, object]:
        return {
            "signals": dict(self.signals),
            "empathy": dict(self.empathy),
            "listening_level": self.listening_level,
            "findings": [f.to_dict() for f in self.findings],
            "notice": self.notice,
        }


@dataclass(frozen=True)
class Shared:
    """What the partner's message is, for the words of the notes (never the signals)."""

    news: bool = False  # surely good news (sure_of_good_news)
    hard: bool = False  # a worry, a hurt or a loss (rules.tells_of_hardship)
    grave: bool = False  # a death or a loss (rules.GRAVE_NEWS)
    light: bool = False  # a message, neither hard nor surely news (a film they'd like)
    asks: bool = False  # it asks what to do ("What should I do?"): ideas are welcome
    about_writer: bool = False  # a complaint about the writer (rules.complains_of_writer)
    apology: bool = False  # an apology (rules.apologises)
    thanks: bool = False  # thanks or praise for what the writer did (rules.thanks_the_writer)
    favour: bool = False  # a practical favour asked of the writer (rules.asks_a_favour)


def read_message(reading: Reading, heads: Heads, hear: bool = True) -> tuple[float, bool, Shared]:
    """The good-news head's probability, whether the gate lets it through, and what it is.

    `hear=False` leaves the message head out, the rules' reading alone:
    benchmarks/coach.py measures what the head adds.
    """
    good = good_news_probability(reading, heads)
    context = reading.context or ""
    gate = shares_good_news(good, context, heads.threshold("good_news"))
    news = gate and sure_of_good_news(context, good)
    return good, gate, read_shared(context, news, hear and hears_a_hard_time(reading, heads))


def read_shared(context: str, news: bool, heard_hard: bool = False) -> Shared:
    """What the notes' words should know of the partner's message.

    `heard_hard` is the message head's reading (`hears_a_hard_time`): it hears
    a hard time told in words no rule knows ("My manager said my work was
    'adequate'"), which would otherwise pass for light talk. With no message at
    all, hard and light are both false and the notes keep their words for a
    hard time: a reply that shrinks most often answers one.
    """
    hardship = rules.tells_of_hardship(context) or heard_hard
    hard = hardship and not news  # "benign, I sobbed in the car"
    about_writer = rules.complains_of_writer(context)
    apology = rules.apologises(context)
    thanks = rules.thanks_the_writer(context) and not (hard or about_writer or apology)
    # "I feel like I do all the cleaning", "I'm sorry I snapped" or "Thank you
    # for the school runs" tells of no hardship, and is no light talk either.
    offered = about_writer or apology or thanks
    light = bool(context.strip()) and not (news or hard or offered)
    grave = bool(rules.GRAVE_NEWS.search(context))
    asks = rules.asks_what_to_do(context)
    favour = rules.asks_a_favour(context)
    return Shared(news, hard, grave, light, asks, about_writer, apology, thanks, favour)


def warm_up() -> None:
    """Load the model and the heads now rather than on the first reply."""
    get_heads()
    get_encoder().encode("warming up")


def analyze(text: str, context: str | None = None) -> Analysis:
    """Read `text`, a reply to `context` (what the partner shared), and coach it.

    >>> result = analyze("I hear you, but you always do this.")
    >>> result.signals["dismissive_but"], result.signals["you_statement"]
    (True, True)
    >>> result.findings[0].suggestion
    "I hear you. I feel \u2026 when you do this, and I'd like \u2026"
    """
    prepared = prepare(check(text))
    if not prepared.sentences:  # only tags or punctuation
        raise CoachInputError("There are no words to read here yet: write a reply first.")
    if context is not None and not isinstance(context, str):
        raise CoachInputError("The context should be text, or left out.")
    heads = get_heads()
    reading = read(prepared, context, get_encoder())
    decided, own = _decide(reading, heads)
    # Whether the partner shares good news: read once, asked by five decisions.
    good, gate, shared = read_message(reading, heads)
    context = reading.context or ""
    _join_in(prepared, context, shared, decided)
    signals = {name: bool(decided[name].any()) if name in decided else False for name in SIGNALS}
    signals["too_short"] = _too_short(reading, heads)
    signals["active_constructive"] = (
        gate
        and not _takes_back_praise(prepared, decided)
        and _active_constructive(reading, heads, good)
    )
    # Their thanks is about what the writer did: telling of it ("I loved getting
    # that time with them") turns nothing to the writer. Giving one's own answer
    # instead ("Mine: you fixed the shelf") still does, as the corpus labels it.
    told_of_it = shared.thanks and not rules.gives_own_answer(prepared.clean)
    own_story = not told_of_it and _self_focus(reading, heads, good)
    # Their complaint is about the writer: telling one's own side ("I'd been up since
    # five") is a defence, not a turn to another story, and the notes say so in those
    # words (`to_complaint`). The corpus labels 2 of 830 such replies self-focus. A
    # daily answer that only touches on the writer ("I get weird when you're late")
    # still asks for the talk to stay with them.
    defends = shared.about_writer and not rules.answers_the_daily_question(context)
    signals["self_focus"] = own_story and not defends
    to_complaint = rules.answer_to_complaint(prepared.clean, context)
    if own_story and defends and to_complaint is None:
        to_complaint = "defends"
    # Enthusiasm and dismissal exclude each other (Gable's four kinds of reply).
    # "We could look at courses for next summer!" to a dream: joining in, not passing it
    # over. Over the training replies with such a plan, the 4 labelled dismissed all
    # doubt it ("Let's hope it lasts") or answer sure news with a chore ("We should move
    # it to a savings account"); none of the 17 after light talk is.
    joined = shared.light and any(rules.joins_in(t) for t in prepared.sentence_texts())
    dismissed = gate and not joined and _good_news_dismissed(reading, heads, good)
    signals["good_news_dismissed"] = dismissed and not signals["active_constructive"]
    empathy = _empathy(reading, heads)
    texts = prepared.sentence_texts()
    shown = on_its_own_sentences(texts, one_kind_of_question(texts, decided, own), own)
    findings = _findings(prepared, shown, signals, shared)
    return Analysis(
        signals=signals,
        empathy=empathy,
        listening_level=listening_level(signals, empathy),
        findings=[_as_typed(f, prepared) for f in findings],
        notice=_notice(prepared),
        good_news=shared.news,
        light=shared.light,
        complaint=shared.about_writer,
        apology=shared.apology,
        thanks=shared.thanks,
        to_complaint=to_complaint,
        to_apology=rules.answer_to_apology(prepared.clean, context),
        warmth_back=_warm_about_it(prepared.clean, shared),
        contrast=_first_contrast(prepared, findings),
    )


def _warm_about_it(reply: str, shared: Shared) -> bool:
    """ "I loved that night" to light talk or thanks; "Well done, I knew you could" to news.

    Only what it says counts: "looks messy in the photo tbh" says nothing warm,
    though no signal is found in it.
    """
    if shared.news:
        return bool(rules.praises(reply) or rules.SHOWS_FAITH.search(reply))
    return (shared.light or shared.thanks) and rules.shares_warmth_back(reply)


def _as_typed(finding: Finding, prepared: Prepared) -> Finding:
    """The finding with its offsets in the text as typed, not in the clean copy."""
    start, end = prepared.to_original(finding.start), prepared.to_original(finding.end)
    return replace(finding, start=start, end=end)


# --- deciding --------------------------------------------------------------------------


def _decide(reading: Reading, heads: Heads) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Per sentence signal, a yes/no per sentence (and the sentence heads' own scores).

    A sentence is "yes" when the weighted mean of two heads passes the
    threshold: the reply head (is this kind of thing in the reply at all?) and
    the sentence head (is it this sentence?). Sentences the rules rule out are
    never asked.
    """
    matrix = reading.sentence_matrix()
    reply = reading.reply_row()[None, :]
    decided, own = {}, {}
    for signal in SENTENCE_SIGNALS:
        gate = reading.gate(signal)
        yes = np.zeros(len(gate), dtype=bool)
        own[signal] = np.zeros(len(gate))
        if gate.any():
            whole = heads.yes(f"{signal}.reply", reply)[0]
            mix = heads.mix(signal)
            own[signal][gate] = heads.yes(signal, matrix[gate])
            score = mix * whole + (1 - mix) * own[signal][gate]
            yes[gate] = score >= heads.threshold(signal)
        if signal in SURE:
            yes |= np.array([SURE[signal](s) for s in reading.prepared.sentence_texts()])
        decided[signal] = yes
    _take_back_validation(reading, decided)
    _faith_is_no_blame(reading.prepared.sentence_texts(), decided)
    for i, sentence in enumerate(reading.prepared.sentence_texts()):
        if rules.agrees_or_gives_time(sentence):
            decided["advice"][i] = False  # "Will do.", "Take your time.": no fix
    # Nor is a question a dismissive "but" opens, or one that blames, an open,
    # warm one ("Amazing!! But how are we going to pay for it?", "You never
    # tell me, so how would I know?"). On the held-out sets no F1 moved; on
    # the training replies three labels more agreed and one less.
    decided["open_question"] &= ~(decided["dismissive_but"] | decided["you_statement"])
    return decided, own


def _join_in(
    prepared: Prepared, context: str, shared: Shared, decided: dict[str, np.ndarray]
) -> None:
    """After a light message, doing it with them is no advice: "Let's watch it Friday?".

    The same words after a complaint or a hard time ("Let's make dinner
    phone-free") offer a fix before they feel heard, and after good news
    ("We should move it to a savings account") go to plans: those stay advice,
    as the corpus labels them. Over the training replies, proposals to do
    something together that the rules read were labelled advice 30 times in
    225, nearly all after a complaint or a hardship. A message that speaks of
    "you" is taken as about the writer ("You keep leaving your stuff
    everywhere"), unless the "you" is only in the question it answers.
    """
    if not shared.light or rules.has_second_person(rules.after_question(context)):
        return  # "You keep leaving your stuff everywhere": about the writer
    texts = prepared.sentence_texts()
    for i in np.flatnonzero(decided["advice"]):
        if rules.proposes_together(texts[i]):
            decided["advice"][i] = False


def one_kind_of_question(
    texts: list[str], decided: dict[str, np.ndarray], own: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Where the notes go: a question is shown as open or as closed, never both.

    The reply head's share of a sentence's score says only that the reply
    asks both kinds somewhere ("Did you have fun? What was the best part?");
    which sentence is which is the sentence heads' call, and a question the
    rules call clearly open stays open. The reply's signals keep both (they
    were measured that way, and forcing one there cost closed_question F1).
    """
    shown = {signal: yes.copy() for signal, yes in decided.items()}
    for i in np.flatnonzero(shown["open_question"] & shown["closed_question"]):
        if rules.clearly_open(texts[i]) or own["open_question"][i] >= own["closed_question"][i]:
            shown["closed_question"][i] = False
        else:
            shown["open_question"][i] = False
    # Nor is a question praised as validating ("What would have helped?"),
    # unless it names their feeling ("That must have stung, hasn't it?").
    # Nor a plan that borrows the reply's score ("I'll do the bins tonight").
    for i in np.flatnonzero(shown["validation"]):
        asks = "?" in texts[i] and not rules.reflects_feeling(texts[i])
        if asks or rules.only_plans(texts[i]):
            shown["validation"][i] = False
    return shown


# Below this, the sentence head says the sentence is not it (see on_its_own_sentences).
OWN_FLOOR = 0.1


def on_its_own_sentences(
    texts: list[str], shown: dict[str, np.ndarray], own: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Where the notes go when the reply head carries several sentences along.

    A sentence's score is mostly the reply head's (`heads.mix`), so when the
    reply surely shrinks the feeling, every sentence passes: "Oh no." and
    "We'll sort it." got the same note and rewrite as "Don't worry, it's just
    a car.". Where another sentence of the reply is it by its own head (or by
    the rules), a sentence its own head scores below OWN_FLOOR gets no note;
    where none is, the likeliest one keeps it. Over the first three training
    sets, the notes this takes away fall on sentences like "I'm sorry, that's
    awful." and "Did you scream?" (as open). The signals are unchanged.
    """
    placed = {signal: yes.copy() for signal, yes in shown.items()}
    for signal, yes in placed.items():
        rows = np.flatnonzero(yes)
        if len(rows) < 2:
            continue
        sure = SURE.get(signal)
        itself = [i for i in rows if own[signal][i] >= OWN_FLOOR or (sure and sure(texts[i]))]
        keep = itself or [rows[int(np.argmax(own[signal][rows]))]]
        yes[:] = False
        yes[keep] = True
    return placed


def _faith_is_no_blame(texts: list[str], decided: dict[str, np.ndarray]) -> None:
    """ "You'll smash it. You always do.": the second sentence echoes the first.

    Said in one sentence ("You'll be fine, you always are") its gate already
    rules out blame (rules.reassures_as_always); split in two, the bare "You
    always do." would read alone like "You always do this". A bare "You are."
    affirms what was said before it, whatever that was (rules.AFFIRMS_YOU), and
    "I knew you could do it" is faith in them (rules.SHOWS_FAITH).
    """
    for i in np.flatnonzero(decided["you_statement"]):
        faith = rules.SHOWS_FAITH.search(texts[i])
        if rules.AFFIRMS_YOU.match(texts[i]) or (faith and not rules.clearly_blames(texts[i])):
            decided["you_statement"][i] = False
        elif i and rules.ECHO_ALWAYS.match(texts[i]):
            joined = texts[i - 1].rstrip(" .!") + ", " + texts[i].lstrip()
            if rules.reassures_as_always(joined) or rules.SHOWS_FAITH.search(texts[i - 1]):
                decided["you_statement"][i] = False


def _take_back_validation(reading: Reading, decided: dict[str, np.ndarray]) -> None:
    """'I hear you, but...' gives and takes back: the guide counts no validation.

    A validating sentence is withdrawn when it is itself dismissive, or when the
    next sentence opens with the 'but'.
    """
    texts = reading.prepared.sentence_texts()
    for i in np.flatnonzero(decided["validation"]):
        next_takes_back = (
            i + 1 < len(texts)
            and decided["dismissive_but"][i + 1]
            and rules.FEATURES["contrast_first"].search(texts[i + 1])
        )
        if decided["dismissive_but"][i] or next_takes_back:
            decided["validation"][i] = False


def short_enough(prepared: Prepared) -> bool:
    """A reply the too_short head may judge: five words at most and no question.

    >>> short_enough(prepare("ok 👍")), short_enough(prepare("What happened?"))
    (True, False)
    """
    text = prepared.clean
    return len(text.split()) <= 5 and not rules.is_question(text)


def _too_short(reading: Reading, heads: Heads) -> bool:
    if not short_enough(reading.prepared):
        return False
    if not any(ch.isalnum() for ch in reading.prepared.clean):
        return True  # only emoji or punctuation
    row = reading.reply_row()[None, :]
    return bool(heads.yes("too_short", row)[0] >= heads.threshold("too_short"))


def good_news_probability(reading: Reading, heads: Heads) -> float:
    """How likely the partner's message shares good news (0 with no message).

    A head over the message's vector and its news cues. Its threshold lets
    almost all good news through (the heads behind it still judge the reply
    against this probability), so a missed piece of news is rare.
    """
    if reading.context is None:
        return 0.0
    return float(heads.yes("good_news", reading.good_news_row()[None, :])[0])


def hears_a_hard_time(reading: Reading, heads: Heads) -> bool:
    """The message head finds a hard time more likely than every other kind together.

    Its most likely kind alone would be too eager: news told with a fear in it
    ("We're pregnant. I'm sitting on the bathroom floor") often comes a close
    second, and meeting good news as a hard time is the worse mistake.
    """
    if not reading.context:
        return False
    kinds = heads.probabilities("message", reading.good_news_row())
    return bool(kinds[MESSAGE_KINDS.index("hard")] >= 0.5)


def shares_good_news(probability: float, context: str, threshold: float) -> bool:
    """The gate before the good-news heads: the head's probability, checked by the words.

    A short message in hard words and none of good news ("My dog died this
    morning.") passes only if the head is sure; the head alone reads too
    little in six words.

    >>> shares_good_news(0.3, "My dog died this morning.", 0.125)
    False
    >>> shares_good_news(0.3, "We're moving to Leeds!", 0.125)
    True
    >>> shares_good_news(0.5, "I didn't get the promotion, they gave it to Mark.", 0.125)
    False
    >>> shares_good_news(0.67, "My grandma passed away this morning.", 0.125)
    False
    >>> shares_good_news(0.85, "I got a B and I'm devastated, I needed an A.", 0.125)
    False
    >>> shares_good_news(0.7, "My manager took credit for my report today.", 0.125)
    False
    """
    if probability < threshold:
        return False
    if any(
        words.search(context)
        for words in (rules.NEGATED_NEWS, rules.GRAVE_NEWS, rules.HURT_NEWS, rules.WRONGED_NEWS)
    ):
        # "I didn't get the job" has the words of good news and says the
        # opposite, and "My grandma passed away" is not news to celebrate;
        # only a sure head lets such a message through ("I didn't think I'd
        # get in, but I did!!", "The scan was clear, no cancer!").
        return probability >= SURE_DESPITE_NEGATION
    good, bad, _ = rules.news_features(context)
    return probability >= 0.5 or not (bad > 0 and good == 0)


def sure_of_good_news(context: str, probability: float) -> bool:
    """A message the gate let through surely shares good news: the coach may call it that.

    The gate lets through nearly all good news and with it much that is not
    ("Got the results. It's MS." reads as news at 0.7). Saying "I'm so happy
    for you!" to bad news is far worse than a plainer word to good news, so
    the coach says "good news" only when the head is sure (SURE_NEWS), the
    message has words of good news and none of bad news. On the training
    corpus that is two in three of the messages answered as good news, and
    eleven of 1,614 others, most of them good news answered flatly.

    >>> sure_of_good_news("I got in!! I can't believe it", 0.95)
    True
    >>> sure_of_good_news("I got the results and I'm scared.", 0.9)
    False
    >>> sure_of_good_news("Got the genetic test back. I carry the BRCA2 mutation.", 0.9)
    False

    An answer read after its question (the daily question) needs a word of
    good news: its "!" is more often delight than news. (No training message
    opens with a question and is sure news without such a word.)

    >>> sure_of_good_news("Films you keep meaning to watch? The octopus one!", 0.9)
    False
    >>> sure_of_good_news("Best thing this week? I got the promotion!", 0.9)
    True
    >>> sure_of_good_news("Your best moment this week? Pancakes on Sunday!", 0.9)
    False
    """
    if probability < SURE_NEWS or rules.DIAGNOSIS.search(context):
        return False  # "I got the results. It's MS." reads as news, at 0.87
    question = rules.OPENING_QUESTION.match(context)
    if question and not rules.good_news_words(context[question.end() :]):
        return False  # the question's own words ("your best moment?") are not news
    # "I can't believe it!" is joy; its "can't" is no word of bad news.
    good, bad, _ = rules.news_features(_DISBELIEF.sub(" ", context))
    return bool(good > 0 and bad == 0)


_DISBELIEF = re.compile(r"\b(?:can't|cannot|can not) believe\b", re.I)


def _active_constructive(reading: Reading, heads: Heads, good: float) -> bool:
    """An enthusiastic, engaged reply to good news (asked only past the gate)."""
    row = reading.news_row(good)[None, :]
    return bool(heads.yes("active_constructive", row)[0] >= heads.threshold("active_constructive"))


def _takes_back_praise(prepared: Prepared, decided: dict[str, np.ndarray]) -> bool:
    """A dismissive "but" right after praise: destructive, never enthusiastic (the guide)."""
    texts = prepared.sentence_texts()
    return any(
        rules.takes_back_praise(texts[i - 1] if i else "", texts[i])
        for i in np.flatnonzero(decided["dismissive_but"])
    )


def _empathy(reading: Reading, heads: Heads) -> dict[str, int]:
    """The three EPITOME levels; weak understanding (1) only when it is said in words.

    The guide's level 1 of interpretations is a generic "I understand / I know
    how you feel"; without such words the choice is between none and a
    specific reflection. (On the held-out test set this raised the
    interpretations macro-F1 by two points, and on EPITOME by two.)
    """
    row = reading.empathy_row()
    generic = rules.GENERIC_UNDERSTANDING.search(reading.prepared.clean)
    levels = {m: heads.level(m, row) for m in ("emotional_reactions", "explorations")}
    levels["interpretations"] = heads.level(
        "interpretations", row, (0, 1, 2) if generic else (0, 2)
    )
    return {m: levels[m] for m in MECHANISMS}


def _self_focus(reading: Reading, heads: Heads, good: float) -> bool:
    """The reply turns the talk to the writer and keeps it there.

    Only a reply that speaks of the writer at all is asked; the head weighs
    whose story it tells and whether the last sentence hands the talk back.
    A plain one-up ("That's nothing, my day was worse", "Try six.") needs no
    weighing: on the whole corpus it agrees with 23 labels and none against.
    Nor does a "Same!" to a good moment the two of them shared
    (rules.joins_in_a_moment_of_ours).
    """
    if any(rules.plainly_one_ups(s) for s in reading.prepared.sentence_texts()):
        return True
    if rules.joins_in_a_moment_of_ours(reading.prepared.clean, reading.context or ""):
        return False  # "Same! That was my favourite evening": their moment is ours too
    if not rules.FEATURES["first_person"].search(reading.prepared.clean):
        return False
    row = reading.news_row(good)[None, :]
    return bool(heads.yes("self_focus", row)[0] >= heads.threshold("self_focus"))


def _good_news_dismissed(reading: Reading, heads: Heads, good: float) -> bool:
    """Good news ignored, left for another subject, or deflated (asked only past the gate).

    Asked only when the message is surely enough good news (the head's own
    cutoff on the good-news probability, chosen in training): a curt reply to
    a complaint or a daily question is not dismissed good news.
    """
    if good < heads.news_cutoff("good_news_dismissed"):
        return False
    row = reading.news_row(good)[None, :]
    threshold = heads.threshold("good_news_dismissed")
    return bool(heads.yes("good_news_dismissed", row)[0] >= threshold)


def listening_level(signals: dict[str, bool], empathy: dict[str, int]) -> str:
    """The three levels of listening, read from the signals and empathy levels.

    - internal: the reply is about the writer: it defends ("but"), blames
      ("you always"), shrinks the feeling, turns to the writer's own story,
      passes over good news, or gives almost nothing; or it shows no
      attention to the partner at all.
    - focused: attention is on the partner: validation, an open question,
      warmth, understanding or exploring, and none of the above.
    - global: focused, and it also reads beyond the words: it names a feeling
      or experience the partner did not spell out (interpretations at the
      strong level) and follows it with validation, a specific question or
      strong warmth, with no advice.

    >>> listening_level({"validation": True, "open_question": True}, {"interpretations": 2})
    'global'
    >>> listening_level({"validation": True, "minimizing": True}, {})
    'internal'

    EPITOME counts a question that offers a fix ("Have you tried melatonin?")
    as exploring; on its own it is still attention on the fix.

    >>> listening_level({"advice": True}, {"explorations": 2})
    'internal'
    """
    internal = (
        "dismissive_but",
        "you_statement",
        "minimizing",
        "too_short",
        "self_focus",
        "good_news_dismissed",
    )
    self_focus = any(signals.get(s) for s in internal)
    felt = ("emotional_reactions", "interpretations")
    attention = (
        any(signals.get(s) for s in ("validation", "open_question", "active_constructive"))
        or any(empathy.get(m, 0) >= 1 for m in felt)
        or (empathy.get("explorations", 0) >= 1 and not signals.get("advice"))
    )
    if self_focus or not attention:
        return "internal"
    deeper = (
        signals.get("validation")
        or empathy.get("explorations", 0) == 2
        or empathy.get("emotional_reactions", 0) == 2
    )
    if empathy.get("interpretations", 0) == 2 and deeper and not signals.get("advice"):
        return "global"
    return "focused"


# --- explaining ------------------------------------------------------------------------


def _findings(
    prepared: Prepared,
    decided: dict[str, np.ndarray],
    signals: dict[str, bool],
    shared: Shared,
) -> list[Finding]:
    news = shared.news
    found = []
    for signal, yes in decided.items():
        for i in np.flatnonzero(yes):
            start, end = prepared.sentences[i]
            blamed = bool(decided["you_statement"][i])
            found.append(_finding(signal, start, end, prepared, blamed, shared))
    whole = _whole(prepared)
    if signals["too_short"]:
        agreed = shared.favour and rules.says_yes(prepared.clean)
        key = "too_short_favour" if agreed else "too_short"
        found.append(Finding("too_short", *whole, MESSAGES[key], None))
    if signals["active_constructive"]:
        key = "active_constructive_light" if shared.light else "active_constructive"
        found.append(Finding("active_constructive", *whole, MESSAGES[key], None))
    if signals["self_focus"]:
        # Hardship or grief gets "the hardest part"; sure good news its own words.
        suggestion = SELF_FOCUS_SUGGESTION if shared.hard else SELF_FOCUS_OPEN_SUGGESTION
        suggestion = SELF_FOCUS_NEWS_SUGGESTION if news else suggestion
        suggestion = COMPLAINT_SUGGESTION if shared.about_writer else suggestion
        found.append(_turning_finding("self_focus", prepared, _SELF_TURN, suggestion))
    if signals["good_news_dismissed"]:
        dismissed = _dismissed_finding(prepared, news)
        if shared.thanks:  # "Oh, tell me more about that!" would not answer thanks
            dismissed = replace(dismissed, suggestion=THANKS_SUGGESTION)
        span = (dismissed.start, dismissed.end)
        if any(f.signal == "self_focus" and (f.start, f.end) == span for f in found):
            # One sentence, one rewrite: the hand-back fits the turn to your own story.
            dismissed = replace(dismissed, suggestion=None)
        found = [*_under_dismissal(prepared, found, dismissed), dismissed]
    found = _one_rewrite_per_sentence(prepared, found) + _i_statements(prepared, decided)
    return sorted(found, key=lambda f: (f.start, FINDING_KINDS.index(f.signal)))


def _one_rewrite_per_sentence(prepared: Prepared, found: list[Finding]) -> list[Finding]:
    """One rewrite for any stretch of text: the first in _REWRITES keeps its own.

    And each rewrite once: two sentences that shrink the feeling get the same
    words offered once, or using both would say them twice.

    Two rewrites over the same words cannot both be used, and the second
    usually keeps what the first repairs. A turn to the writer's own story is
    answered by handing it back, which also repairs what the turn shrinks or
    passes over ("When I got my first job I was terrified, you'll be fine.").
    A "but" that blames is rewritten by the "but"'s note: its rewrite turns
    the blame into an I-statement and keeps the words before the "but" ("I
    get it. I feel … when you don't listen to me…"), where the blaming
    "you"'s own would drop them. A "but" that shrinks the feeling is not:
    "I know it hurts, and you'll get over it" shrinks it all the same, so the
    shrinking's note offers the rewrite and the "but"'s says no "and".
    Shrinking also comes before blame and advice: "You need to calm down,
    it's just a report." is answered by letting the feeling be as big as it
    is, not by "I feel … when …" and "What would help most?" as well.
    """
    shrunk = {(f.start, f.end) for f in found if f.signal == "minimizing" and f.suggestion}
    marked = []
    for f in found:
        if f.signal == "dismissive_but" and (f.start, f.end) in shrunk:
            word = _contrast_word(prepared.clean[f.start : f.end])
            f = replace(f, message=MESSAGES["but_shrinks"].format(word=word), suggestion=None)
        marked.append(f)
    kept: list[Finding] = []
    taken: list[tuple[int, int]] = []
    offered: set[str] = set()  # "It's not that deep. Don't worry." needs one rewrite, not two
    for f in sorted(marked, key=lambda f: _rewrite_rank(prepared, f)):
        said = (f.suggestion or "").casefold()
        if said and f.signal in _REWRITES:
            overlaps = any(f.start < end and start < f.end for start, end in taken)
            if overlaps or said in offered:
                f = replace(f, suggestion=None)
            else:
                taken.append((f.start, f.end))
                offered.add(said)
        kept.append(f)
    return kept


_REWRITES = (
    "self_focus",
    "good_news_dismissed",
    "dismissive_but",
    "minimizing",
    "you_statement",
    "advice",
    "closed_question",
)


def _rewrite_rank(prepared: Prepared, f: Finding) -> tuple[int, int]:
    """Its place in _REWRITES; a turn to your own story comes first only when plain.

    The self-focus head is the least sure of the coach's readings: where no
    words of a turn to your own story ("when I…", "that's nothing, my…") are
    in its stretch ("Fair, but I need my phone for work."), the "but" or the
    shrinking keeps the rewrite.
    """
    if f.signal not in _REWRITES:
        return (len(_REWRITES), f.start)
    if f.signal == "self_focus" and not _plain_turn(prepared.clean[f.start : f.end]):
        return (_REWRITES.index("you_statement"), f.start)
    return (_REWRITES.index(f.signal), f.start)


def _plain_turn(words: str) -> bool:
    plain = rules.plainly_one_ups(words)
    return plain or any(rules.FEATURES[name].search(words) for name in _SELF_TURN)


def _under_dismissal(
    prepared: Prepared, found: list[Finding], dismissed: Finding
) -> list[Finding]:
    """The other notes in a reply that passes what they shared over.

    There the turn away is what matters. "That's great, and London is so far"
    passes the news over as much as the "but" did, so no "but" gets an "and"
    rewrite: the dismissal's note offers what to say instead. Nor is a yes/no
    question there told to ask "what" or "how": "Anyway, what's for dinner?"
    already does, and still changes the subject. Blame, shrinking or plans
    there keep their notes and leave the rewrite to the dismissal's: one
    sentence, one rewrite ("Took you long enough." gets "I'm so happy for
    you!…", not also "I feel … when …").
    """
    kept = []
    for finding in found:
        # Within the stretch the dismissal's rewrite replaces, not only the same words:
        # "That's nothing, my day was worse. Anyway, what's for dinner?"
        same = dismissed.start <= finding.start and finding.end <= dismissed.end
        if same and finding.signal == "closed_question":
            finding = replace(finding, message=MESSAGES["closed_turns_away"], suggestion=None)
        if same and finding.signal in _ONE_REWRITE:
            finding = replace(finding, suggestion=None)
        if finding.signal == "dismissive_but":
            word = _contrast_word(prepared.clean[finding.start : finding.end])
            message = MESSAGES["but_turns_away"].format(word=word)
            finding = replace(finding, message=message, suggestion=None)
        kept.append(finding)
    return kept


_ONE_REWRITE = ("you_statement", "minimizing", "advice")
_SELF_TURN = ("one_up", "own_story", "experience_share", "self_turn")
_DISMISS = ("subject_change", "deflate", "destructive", "one_up", "self_turn")


def _dismissed_finding(prepared: Prepared, sure: bool) -> Finding:
    """Passed-over good news, named as news only when the message surely is news."""
    if sure:
        return _turning_finding("good_news_dismissed", prepared, _DISMISS, GOOD_NEWS_SUGGESTION)
    return _turning_finding(
        "good_news_dismissed", prepared, _DISMISS, SHARED_SUGGESTION, "shared_dismissed"
    )


def _turning_finding(
    signal: str,
    prepared: Prepared,
    features: tuple[str, ...],
    suggestion: str,
    message: str | None = None,
) -> Finding:
    """A finding where the reply turns away (else the whole reply).

    That is the first sentence that turns, with the ones right after it that
    go on turning ("I know exactly how you feel. When I was at uni I failed
    two exams…"): the suggestion replaces them all with one sentence that
    hands the talk back, in the writer's casing.
    """
    texts = prepared.sentence_texts()
    turning = [
        i for i, t in enumerate(texts) if any(rules.FEATURES[f].search(t) for f in features)
    ]
    if turning:
        last = turning[0]
        while last + 1 in turning:
            last += 1
        start, end = prepared.sentences[turning[0]][0], prepared.sentences[last][1]
    else:
        start, end = _whole(prepared)
    sentence = prepared.clean[start:end]
    said = MESSAGES[message or signal]
    return Finding(signal, start, end, said, suggest.in_writers_voice(suggestion, sentence))


def _i_statements(prepared: Prepared, decided: dict[str, np.ndarray]) -> list[Finding]:
    """A word of recognition for each clear I-statement that blames nothing."""
    found = []
    for i, text in enumerate(prepared.sentence_texts()):
        blamed = decided["you_statement"][i] or decided["dismissive_but"][i]
        if not blamed and rules.clear_i_statement(text):
            start, end = prepared.sentences[i]
            found.append(Finding("i_statement", start, end, MESSAGES["i_statement"], None))
    return found


def _finding(
    signal: str, start: int, end: int, prepared: Prepared, blamed: bool, shared: Shared
) -> Finding:
    """The finding for one sentence.

    `blamed`: the sentence is also a blaming "you"; `shared`: what it answers.
    """
    news = shared.news
    sentence = prepared.clean[start:end]
    original = prepared.original[prepared.to_original(start) : prepared.to_original(end)]
    if signal == "dismissive_but":
        word = _contrast_word(sentence)
        message = MESSAGES[signal].format(word=word)
        rewrite = _and_rewrite(prepared, original, sentence, blamed)
        if rewrite and _blames_the_hurting(shared) and suggest.names_no_deed(rewrite):
            # "Yeah but it's your job to take criticism": keep "Yeah", meet the feeling.
            rewrite = suggest.instead_of_repair(rewrite, _meeting(shared))
        return Finding(signal, start, end, message, rewrite)
    if signal == "you_statement":
        rewrite = suggest.i_statement(sentence)
        if _blames_the_hurting(shared) and suggest.names_no_deed(rewrite):
            meeting = suggest.in_writers_voice(_meeting(shared), sentence)
            return Finding(signal, start, end, MESSAGES["blames_them"], meeting)
        if shared.light and suggest.names_no_deed(rewrite):
            interest = suggest.in_writers_voice(MINIMIZING_LIGHT_SUGGESTION, sentence)
            return Finding(signal, start, end, MESSAGES["puts_down"], interest)
        return Finding(signal, start, end, MESSAGES[signal], rewrite)
    if signal == "advice" and shared.asks:
        # Still advice (the signal is what the reply does), but no longer early:
        # "ideas, or someone to listen?" would answer a question they already answered.
        return Finding(signal, start, end, MESSAGES["advice_asked"], None)
    if signal == "advice" and shared.light and not news:
        # A dream or a plan shared in passing: "ideas, or someone to listen?" would
        # treat it as a trouble.
        return Finding(signal, start, end, MESSAGES[signal], None)
    if signal == "advice":
        fixed = ADVICE_NEWS_SUGGESTION if news else ADVICE_SUGGESTION
        voiced = suggest.in_writers_voice(fixed, sentence)
        return Finding(signal, start, end, MESSAGES["advice_news" if news else signal], voiced)
    if signal == "minimizing":
        fixed = MINIMIZING_NEWS_SUGGESTION if news else MINIMIZING_SUGGESTION
        fixed = MINIMIZING_LIGHT_SUGGESTION if shared.light else fixed
        fixed = MINIMIZING_GRIEF_SUGGESTION if shared.grave else fixed
        fixed = COMPLAINT_SUGGESTION if shared.about_writer and not news else fixed
        fixed = APOLOGY_SUGGESTION if shared.apology else fixed
        fixed = THANKS_SUGGESTION if shared.thanks else fixed
        key = "minimizing_news" if news else "minimizing_light" if shared.light else signal
        key = "minimizing_apology" if shared.apology else key
        key = "minimizing_thanks" if shared.thanks else key
        message = MESSAGES[key]
        # "Don't worry, I'll help you appeal it": the offer stays, after the feeling.
        return Finding(signal, start, end, message, suggest.keeps_the_offer(fixed, original))
    if signal == "closed_question":
        if rules.offers(sentence):
            return Finding(signal, start, end, MESSAGES["offer"], None)
        if rules.checks_understanding(sentence):
            return Finding(signal, start, end, MESSAGES["check"], None)
        if shared.favour and not (shared.hard or shared.about_writer):
            return Finding(signal, start, end, MESSAGES["closed_favour"], None)
        if rules.asks_for_a_fact(sentence):  # telling it to ask "what" would not help
            return Finding(signal, start, end, MESSAGES["closed_fact"], None)
        rewrite = suggest.open_question(sentence)
        if rewrite and rewrite.lower().rstrip("?") in prepared.clean.lower():
            rewrite = None  # "Did you have fun? What was the best part?" asks it already
        return Finding(signal, start, end, MESSAGES[signal], rewrite)
    return Finding(signal, start, end, MESSAGES[signal], None)


def _blames_the_hurting(shared: Shared) -> bool:
    """They tell of a hard time that is not about the writer, and the reply blames them.

    Not an apology ("I'm sorry I snapped at you"): "You should be." answers
    what they did to the writer, which an I-statement can say.

    There "I feel … when …, and I'd like …" is no repair: the writer has no
    grievance to put as an I-statement ("You should have checked it twice",
    "It's your job to take criticism"). What repairs it is meeting the feeling.
    """
    return shared.hard and not (shared.about_writer or shared.apology)


def _meeting(shared: Shared) -> str:
    return MINIMIZING_GRIEF_SUGGESTION if shared.grave else MINIMIZING_SUGGESTION


def _and_rewrite(prepared: Prepared, typed: str, sentence: str, blamed: bool) -> str | None:
    """The "but" rewrite in the words as typed, unless they hide blame.

    Its blame patterns know "you're", not "youre": "Im sorry but youre wrong"
    would become "Im sorry, and youre wrong". Read with the apostrophes put
    back, it is repaired into an I-statement instead.
    """
    rewrite = suggest.join_with_and(typed, blamed)
    if prepared.origin is None or rewrite is None:
        return rewrite
    read = suggest.join_with_and(sentence, blamed)
    if read is not None and read.replace("'", "") == rewrite.replace("'", ""):
        return rewrite  # the same rewrite: keep the writer's spelling
    return read


_CONTRAST_WORD = re.compile(
    r"\b(?:yeah,? but|but|however|though|although|that said|still|even so|yet)\b", re.I
)


def _contrast_word(sentence: str) -> str:
    match = _CONTRAST_WORD.search(rules.NOT_CONTRAST.sub(" ", sentence))
    return match.group().lower() if match else "but"


def _first_contrast(prepared: Prepared, found: list[Finding]) -> str:
    for f in found:
        if f.signal == "dismissive_but":
            return _contrast_word(prepared.clean[f.start : f.end])
    return "but"


def _whole(prepared: Prepared) -> tuple[int, int]:
    return prepared.sentences[0][0], prepared.sentences[-1][1]


def _notice(prepared: Prepared) -> str | None:
    notes = []
    if not looks_english(prepared.clean):
        notes.append(NOT_ENGLISH)
    if prepared.had_html:
        notes.append(HAD_HTML)
    return " ".join(notes) or None

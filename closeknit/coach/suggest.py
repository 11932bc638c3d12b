"""Rewrites the coach offers: "and" for a "but", an I-statement for blame, open questions.

Each function takes the sentence as the writer wrote it and returns the text
that would replace it, or None when no rewrite fits. Every rewrite:

- keeps the writer's casing: ALL CAPS stays in capitals, all-lowercase texting
  stays lowercase, ordinary text starts with a capital;
- never keeps the blame it replaces: a "but" followed by "you always..." is
  not joined with "and" (that would keep the blame), the acknowledgement is
  kept and the blame becomes an I-statement;
- is a whole sentence (no doubled words, ends with punctuation).
"""

import re

_I = re.IGNORECASE

# --- the writer's casing ---------------------------------------------------------------


def casing(text: str) -> str:
    """ "upper", "lower" or "normal": how the writer uses capitals.

    >>> casing("BUT YOU ALWAYS DO THIS"), casing("ok but u never call"), casing("Fine.")
    ('upper', 'lower', 'normal')
    """
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "upper"
    if letters and not any(ch.isupper() for ch in letters):
        return "lower"
    return "normal"


def in_voice(text: str, style: str) -> str:
    """`text` written the way the writer writes.

    >>> in_voice("I feel hurt when you go quiet.", "upper")
    'I FEEL HURT WHEN YOU GO QUIET.'
    >>> in_voice("I feel hurt when you go quiet.", "lower")
    'i feel hurt when you go quiet.'
    >>> in_voice("and I'd like that.", "normal")
    "And I'd like that."
    """
    if style == "upper":
        return text.upper()
    if style == "lower":
        return text.lower()
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    """Close a sentence with a full stop unless it already ends with punctuation."""
    text = text.rstrip(" ,;:-")
    return text if re.search(r"[.!?…]\W*$", text) else text + "."


# --- blame -----------------------------------------------------------------------------

_BLAME = re.compile(
    r"\b(?:you|u|ya)(?:'re| are| were|r)? ?(?:always|never|constantly|forever|ever)\b"
    r"|\byou (?:make|made|making) me\b|\b(?:your|ur) fault\b|\bon you\b|\bbecause of you\b"
    r"|\byou(?:'re| are| were|r)? (?:being |so |too |just |way too |such an? )*(?:overreact\w*"
    r"|dramatic|selfish|lazy|ridiculous|paranoid|crazy|childish|petty|impossible|hysterical"
    r"|sensitive|rude|mean|unfair|difficult|stubborn|annoying|needy|clingy|irrational"
    r"|jealous|controlling|exaggerat\w*|overthink\w*)\b"
    r"|\byou (?:never|don't ever) (?:listen|help|care|ask|notice)\b"
    r"|\b(?:what is|what's) wrong with you\b|\bwhy (?:do|did|would|can't) you\b"
    r"|\byou (?:should|could|shouldn't)(?:'ve| have)\b|\byou should've\b",
    _I,
)


def blames(text: str) -> bool:
    """The text blames, labels or generalises about the partner.

    >>> blames("you always overreact"), blames("you worked so hard")
    (True, False)
    """
    return bool(_BLAME.search(text))


# --- "and" for a dismissive "but" ------------------------------------------------------

_CONTRAST = re.compile(
    r"(?P<lead>^\W*)(?P<word>but|however|still|that said|having said that|even so|though|yet"
    r"|then again)\b,?\s*"
    r"|\s*[;,]?\s*\b(?P<mid>however|that said|having said that|even so),?\s*"
    r"|(?<=[\w'])\s*,?\s+(?P<but>but|although)\b,?\s*"
    r"|(?<=[\w'])\s*,\s*(?P<though>though)\b,?\s*",
    _I,
)
_TRAILING_THOUGH = re.compile(r",?\s+though\b(?=\s*(?:[,.!?;]|$))", _I)
_NOT_CONTRAST = re.compile(
    r"\b(?:nothing|anything|all|everything) but\b|\bbut also\b|\bnot (?:only|just)\b", _I
)
_SHRUG = re.compile(
    r"^\W*(?:whatever|who cares|fine|never ?mind|it doesn't matter|doesn't matter|so what"
    r"|meh)\W*$",
    _I,
)
_SECOND_PERSON = re.compile(r"\b(?:you|you're|your|u|ur|ya)\b", _I)
_ACK_WORD = re.compile(r"^(\W*)(yeah|yes|yea|ok|okay|sure|well|right|fine|true)\b,?\s*$", _I)


def join_with_and(sentence: str, blamed: bool = False) -> str | None:
    """The sentence with its contrast word turned into "and", or its blame repaired.

    `blamed`: the coach found blame in the sentence that the word lists here may
    not know ("but you're the one who forgot"); a part after the "but" that
    speaks to "you" is then repaired too, never joined on with "and".

    >>> join_with_and("I get that you're tired, but I was tired too.")
    "I get that you're tired, and I was tired too."
    >>> join_with_and("However, you didn't tell me.")
    "And you didn't tell me."
    >>> join_with_and("That's the job though, right?")
    "And that's the job, right?"
    >>> join_with_and("I hear you, but you always overreact.")
    "I hear you. I see it differently, and I'd like us to slow down and hear each other."
    >>> join_with_and("BUT YOU ALWAYS DO THIS")
    "I FEEL \u2026 WHEN YOU DO THIS, AND I'D LIKE \u2026"
    >>> join_with_and("Sure, but you're the one who forgot.", blamed=True)
    "Sure. I feel \u2026 when \u2026, and I'd like \u2026"
    """
    if _NOT_CONTRAST.search(sentence):
        return None
    style = casing(sentence)
    trailing = _TRAILING_THOUGH.search(sentence)
    body = _TRAILING_THOUGH.sub("", sentence) if trailing else sentence
    match = _CONTRAST.search(body)
    if match is None:
        return _joined(body, "", style) if trailing else None
    before, after = body[: match.start()], body[match.end() :]
    if _SHRUG.match(after):
        return None  # "Sure, and whatever" would still shrug it off: nothing to join
    if blames(after) or (blamed and _SECOND_PERSON.search(after)):
        return _repaired(before, after, style)
    return _joined(before, after, style) if before.strip(" \t,;") else _joined(after, "", style)


def _joined(before: str, after: str, style: str) -> str:
    """'X, but Y' -> 'X, and Y'; a sentence that opened with the contrast -> 'And Y'."""
    if not after:
        rest = before.strip() if style == "upper" else _lower_first(before.strip())
        and_word = "AND" if style == "upper" else ("and" if style == "lower" else "And")
        return f"{and_word} {rest}"
    and_word = "AND" if style == "upper" else "and"
    ack = _ACK_WORD.match(before)
    head = f"{ack.group(1)}{ack.group(2)}" if ack else before.rstrip(" ,;")
    return f"{head}, {and_word} {after.lstrip()}"


def _repaired(before: str, after: str, style: str) -> str:
    """Keep the acknowledgement, and say the blamed part as an I-statement instead."""
    repair = _i_statement(after.strip())
    if not before.strip(" \t,;"):
        return in_voice(repair, style)
    return in_voice(f"{_end(before.strip())} {repair}", style)


def _lower_first(text: str) -> str:
    """'That's' -> "that's", but "I" and names like 'Tom' keep their capital."""
    word = re.match(r"\w+", text)
    if not word or word.group() in ("I", "I'm") or not text[:1].isupper():
        return text
    if word.group().lower() not in _COMMON_STARTS:
        return text
    return text[0].lower() + text[1:]


_COMMON_STARTS = frozenset(
    str.split(
        """that that's this it it's its you you're your you've you'll you'd they they're he he's
    she she's we we're we'll there there's the a an my our his her their nobody everyone
    everybody no not what what's how why when where who is are was were do does did don't
    didn't doesn't isn't aren't wasn't have has had can can't could would will won't should
    maybe just honestly sometimes some all most people things if so then now rules"""
    )
)

# --- I-statements ----------------------------------------------------------------------

_FEELING = (
    r"(?:so |really |very |pretty |a bit |kind of |super |quite )*(?:angry|mad|sad|upset"
    r"|hurt|lonely|frustrated|furious|anxious|stressed|tired|exhausted|worried|small|stupid"
    r"|invisible|unheard|ignored|crazy|guilty|embarrassed|annoyed|jealous|scared|nervous"
    r"|miserable|awful|terrible|unwanted|unimportant|overwhelmed|confused)"
)
# Generalising words an I-statement never keeps: "you always leave" -> "you leave".
# Words that generalise and can go. Not "never": without it "then you never do"
# would say the opposite ("then you do"); a behaviour with "never" left in it
# still blames, so the plain shape is offered instead.
_GENERAL = re.compile(
    r"\b(?:always|constantly|continually|forever|ever|even|literally|seriously|just)\s+",
    _I,
)
_CAUSE = [
    # "You make me so angry when you do that" -> "I get so angry when you do that."
    re.compile(
        rf"\byou (?:make|made|making) me (?:feel )?(?P<feeling>{_FEELING})\b(?P<rest>.*)", _I
    ),
]
_YOU = r"(?:you|u|ya)"
# "you literally never ask": an intensifier before "never" or "always".
_SO = r"(?:(?:literally|really|honestly|just|seriously|basically|practically)\s+)?"
_BEHAVIOUR = [
    # "You never listen" -> "you don't listen"; "You always leave..." -> "you leave..."
    (
        re.compile(rf"\b(?:why (?:do|does) )?{_YOU} {_SO}(?:never|don't ever),?\s+(.+)", _I),
        "you don't {}",
    ),
    (re.compile(rf"\bwhy (?:do|did) {_YOU} (?:always |constantly )?(.+)", _I), "you {}"),
    (re.compile(rf"\b{_YOU} {_SO}(?:always|constantly|continually),?\s+(.+)", _I), "you {}"),
    (re.compile(rf"\b{_YOU} (keep\s+.+)", _I), "you {}"),
    (re.compile(rf"\b{_YOU}(?:'re| are|r) always\s+(.+)", _I), "you're {}"),
]
# A past tense after "never" ("you never told me") has no present form to keep
# without a verb table: the rewrite falls back to the plain shape.
# "You always are." or "You never do." names no behaviour to keep: "when you are" says nothing.
_ONLY_AUXILIARY = re.compile(
    r"^(?:are|is|am|was|were|do|does|did|have|has|had|will|would|can|could|should|be|been)\W*$",
    _I,
)
_PAST = re.compile(
    r"^(?:\w+ed|told|said|came|went|gave|took|did|made|got|saw|knew|thought|brought|bought"
    r"|left|paid|sent|heard|felt|kept|met|ran|wrote|spoke|forgot|put|let|read)\b",
    _I,
)
_STOP = re.compile(r"\s*(?:[.!?]+|,\s*(?:and|but|so|which|it's|that's)\b|\bthough\b).*$", _I)
_LABEL = re.compile(
    r"\byou(?:'re| are| were|r)? (?:being |so |too |just |way too |such an? )*(?:overreact\w*"
    r"|dramatic|sensitive|paranoid|crazy|hysterical|irrational|exaggerat\w*|overthink\w*)\b",
    _I,
)
_LABEL_WORD = re.compile(
    r"\b(?:overreact\w*|dramatic|hysterical|irrational|exaggerat\w*|overthink\w*|paranoid"
    r"|selfish|lazy|ridiculous|childish|petty|too sensitive|so sensitive)\b",
    _I,
)
_FAULT = re.compile(r"\b(?:your (?:own )?fault|on you|because of you)\b", _I)
LABEL_REPAIR = "I see it differently, and I'd like us to slow down and hear each other."
FAULT_REPAIR = "I'm upset about how this went, and I'd like us to sort it out together."
SHAPE = "I feel \u2026 when \u2026, and I'd like \u2026"


def names_no_deed(rewrite: str) -> bool:
    """The I-statement repair could name no deed of theirs: only the shape, or a repair.

    >>> names_no_deed("Yeah. I feel \u2026 when \u2026, and I'd like \u2026")
    True
    >>> names_no_deed("I feel \u2026 when you don't listen to me, and I'd like \u2026")
    False
    """
    said = rewrite.casefold()
    return any(said.endswith(t.casefold()) for t in (SHAPE, LABEL_REPAIR, FAULT_REPAIR))


def instead_of_repair(rewrite: str, meeting: str) -> str:
    """The rewrite with its deedless repair replaced by `meeting`, in the rewrite's casing.

    >>> instead_of_repair("yeah. i feel \u2026 when \u2026, and i'd like \u2026", "That's hard.")
    "yeah. that's hard."
    """
    said = rewrite.casefold()
    for repair in (SHAPE, LABEL_REPAIR, FAULT_REPAIR):
        if said.endswith(repair.casefold()):
            kept = rewrite[: len(rewrite) - len(repair)]
            return kept + in_voice(meeting, casing(rewrite))
    return rewrite


def i_statement(sentence: str) -> str:
    """An I-statement for a blaming sentence, in the writer's casing, with no blame left.

    A feeling the sentence names becomes the writer's ("I get so angry when...");
    a behaviour it names is kept without "always" or "never"; a label or "your
    fault" cannot be kept, so the writer says what they want instead.

    >>> i_statement("You make me so angry when you do that.")
    'I get so angry when you do that.'
    >>> i_statement("You never listen to me.")
    "I feel \u2026 when you don't listen to me, and I'd like \u2026"
    >>> i_statement("You're overreacting.")
    "I see it differently, and I'd like us to slow down and hear each other."
    >>> i_statement("you always leave your socks out")
    "i feel \u2026 when you leave your socks out, and i'd like \u2026"
    """
    style = casing(sentence)
    return in_voice(_i_statement(sentence.strip()), style if style != "normal" else "normal")


def _i_statement(sentence: str) -> str:
    for pattern in _CAUSE:
        match = pattern.search(sentence)
        if match:
            feeling = match.group("feeling").lower()
            rest = _clean_behaviour(_STOP.sub("", match.group("rest")))
            verb = "feel" if feeling.split()[-1] in ("small", "stupid", "invisible") else "get"
            return _end(f"I {verb} {feeling}{' ' + rest if rest else ''}")
    if _LABEL.search(sentence) or _LABEL_WORD.search(sentence):
        return LABEL_REPAIR
    for pattern, shape in _BEHAVIOUR:
        match = pattern.search(sentence)
        if match:
            behaviour = _clean_behaviour(_STOP.sub("", match.group(1)))
            past = shape.startswith("you don't") and _PAST.match(behaviour)
            empty = not behaviour or _ONLY_AUXILIARY.match(behaviour)
            if not empty and len(behaviour.split()) <= 14 and not blames(behaviour) and not past:
                return f"I feel \u2026 when {shape.format(behaviour)}, and I'd like \u2026"
    if _FAULT.search(sentence):
        return FAULT_REPAIR
    return SHAPE


def _clean_behaviour(text: str) -> str:
    """The behaviour in lower case, without generalising words or "I feel" left over."""
    text = _GENERAL.sub("", text.strip()).strip()
    # An eye-roll or "!!" at the end has no place inside an I-statement.
    text = re.sub(r"[^\w'\u2019]+$", "", text)
    if text.isupper():
        text = text.lower()
    return re.sub(r"\bi\b", "I", text)


# --- open questions --------------------------------------------------------------------


def open_question(sentence: str) -> str | None:
    """A few yes/no check-ins turned into open questions; None otherwise.

    >>> open_question("Are you okay?")
    'How are you feeling?'
    >>> open_question("did it go ok?")
    'how did it go?'
    >>> open_question("Want me to get dinner?") is None
    True
    """
    for pattern, replacement in _OPENINGS:
        match = pattern.match(sentence.strip())
        if match:
            # A word taken from the start of the question ("Was") is mid-sentence now.
            words = [
                _lower_first(g) if match.start(n + 1) == 0 else g
                for n, g in enumerate(match.groups())
            ]
            return in_voice(replacement.format(*words), casing(sentence))
    return None


_OPENINGS = [
    (
        re.compile(r"^(?:are|r) (?:you|u) (?:ok|okay|alright|all right|good|fine)\W*$", _I),
        "How are you feeling?",
    ),
    (re.compile(r"^(?:you|u) (?:ok|okay|alright|good)\W*$", _I), "How are you feeling?"),
    (re.compile(r"^did (.+?) go (?:ok|okay|well|alright|badly)\W*$", _I), "How did {} go?"),
    (
        re.compile(r"^(?:is|was) it (?:bad|hard|awful|rough|scary|stressful|tough)\W*$", _I),
        "What was it like?",
    ),
    (
        re.compile(
            r"^(?:are|were) you (?:upset|sad|angry|scared|nervous|worried|hurt|mad)\W*$", _I
        ),
        "How are you feeling about it?",
    ),
    (
        re.compile(
            r"^(?:are|were) (?:you|u) (?:feeling )?(?:upset|sad|angry|scared|nervous|worried"
            r"|anxious|stressed|excited) (?:about|for) ((?:the |your |tomorrow|today|tonight"
            r"|work|it)[\w' ]{0,40}?)\W*$",
            _I,
        ),
        "How are you feeling about {}?",
    ),
    (
        re.compile(
            r"^did (?:that|it|he|she|they) (?:hurt|upset you|sting)(?: (?:a lot|much|so much))?"
            r"\W*$",
            _I,
        ),
        "How did that land for you?",
    ),
    (
        re.compile(
            r"^(is|was) ((?:the|your) [\w' ]{1,30}?|work|school|it) (?:really |so |very )?"
            r"(?:bad|hard|awful|rough|scary|stressful|tough|good|ok|okay|fun|nice|great)\W*$",
            _I,
        ),
        "How {} {}?",
    ),
    (
        re.compile(
            r"^is (?:everything|all) (?:ok|okay|alright|good) (with|at) ([\w' ]{1,30}?)\W*$", _I
        ),
        "How are things {} {}?",
    ),
    (
        re.compile(r"^did (?:you|u) have (?:fun|a good time|a nice time|a good day)\W*$", _I),
        "What was the best part?",
    ),
    (re.compile(r"^do you want to talk(?: about it)?\W*$", _I), "What's on your mind?"),
]


def in_writers_voice(suggestion: str, sentence: str) -> str:
    """A fixed suggestion (advice, minimising, self-focus) in the casing of `sentence`.

    >>> in_writers_voice("What would help most right now?", "just ignore her lol")
    'what would help most right now?'
    """
    return in_voice(suggestion, casing(sentence))


# "Don't worry, I'll help you appeal it": the shrinking words, then an offer.
_SHRINK_THEN = re.compile(
    r"^\W*(?:(?:oh|hey|babe|love|hon|aw+)\W+)*(?:don't worry|dont worry|no big deal"
    r"|it's no big deal|it's not a big deal|not a big deal|don't stress)(?: about it)?"
    r"(?:\s*[,;:.!\u2014-]+\s*|\s+)(?P<rest>\S.*)$",
    _I,
)
_OFFER = re.compile(
    r"^(?:i'll|ill|i will|we'll|we will|i'm going to|im going to|i can|i've got|ive got|let me"
    r"|i'm here|im here|i'm coming|im coming)\b",
    _I,
)


def keeps_the_offer(suggestion: str, sentence: str) -> str:
    """The fixed suggestion for shrinking words, with the offer after them kept.

    Meeting the feeling first, then the offer: nothing the writer meant to
    give is lost in the rewrite.

    >>> keeps_the_offer("That sounds really hard.", "Don't worry, I'll help you appeal it.")
    "That sounds really hard. I'll help you appeal it."
    >>> keeps_the_offer("That sounds really hard.", "dont worry ill sort it")
    'that sounds really hard. ill sort it.'
    >>> keeps_the_offer("That sounds really hard.", "Don't worry, it'll pass.")
    'That sounds really hard.'
    """
    style = casing(sentence)
    said = _SHRINK_THEN.match(sentence)
    if not said or not _OFFER.match(said["rest"]) or blames(said["rest"]):
        return in_voice(suggestion, style)
    rest = _end(said["rest"].strip())
    return in_voice(f"{suggestion} {rest[:1].upper()}{rest[1:]}", style)

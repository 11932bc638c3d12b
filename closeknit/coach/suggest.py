"""Rewrites the coach offers: a sentence joined with "and", an I-statement shape.

Each function takes the sentence as the writer wrote it and returns the text
that would replace it, or None when no rewrite fits.
"""

import re

_I = re.IGNORECASE

# Contrast words and the "and" that replaces each, with the punctuation around
# them: ", but" -> ", and"; "However, you" -> "And you"; "; however," -> ", and".
_JOINS = [
    (re.compile(r"\b(yeah|yes|yea|ok|okay|sure|well|right|fine|true)\s+but\b", _I), r"\1, and"),
    (
        re.compile(r"\s*[;,]?\s*\b(?:however|that said|having said that|even so),?\s*", _I),
        ", and ",
    ),
    (re.compile(r"(?<=\w)\s*,\s*but\b", _I), ", and"),
    (re.compile(r"(?<=[\w'])\s+but\b", _I), " and"),
    (re.compile(r"(?<=\w)\s*,\s*(?:though|although)\b", _I), ", and"),
    (re.compile(r"(?<=\w)\s+(?:although)\b", _I), " and"),
]
_LEADING = re.compile(
    r"^(\W*)(?:but|however|still|that said|having said that|even so|though|yet|then again)\b"
    r",?\s*",
    _I,
)
_TRAILING_THOUGH = re.compile(r",?\s+though\b(?=\s*(?:[,.!?;]|$))", _I)
_NOT_CONTRAST = re.compile(
    r"\b(?:nothing|anything|all|everything) but\b|\bbut also\b|\bnot (?:only|just)\b", _I
)


def join_with_and(sentence: str) -> str | None:
    """The sentence with its contrast word turned into "and".

    >>> join_with_and("I get that you're tired, but I was tired too.")
    "I get that you're tired, and I was tired too."
    >>> join_with_and("However, you never told me.")
    'And you never told me.'
    >>> join_with_and("That's the job though, right?")
    "And that's the job, right?"
    """
    if _NOT_CONTRAST.search(sentence):
        return None
    rewritten = _TRAILING_THOUGH.sub("", sentence)
    trailing = rewritten != sentence
    leading = _LEADING.match(rewritten)
    if leading:
        rest = rewritten[leading.end() :]
        rewritten = leading.group(1) + "And " + _lower_first(rest)
    elif trailing:
        rewritten = "And " + _lower_first(rewritten)
    for pattern, replacement in _JOINS:
        rewritten = pattern.sub(replacement, rewritten)
    rewritten = re.sub(r"\s+([,.!?])", r"\1", rewritten)
    rewritten = re.sub(r"^, and\s*", "And ", rewritten)
    return rewritten if rewritten != sentence else None


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

# --- I-statements -----------------------------------------------------------------

_BEHAVIOUR = [
    # "You never listen" -> "you don't listen"; "You always leave..." -> "you leave..."
    (re.compile(r"\b(?:why do |why does )?you (?:never|don't ever)\s+(.+)", _I), "you don't {}"),
    (re.compile(r"\bwhy (?:do|did) you (?:always |constantly )?(.+)", _I), "you {}"),
    (re.compile(r"\byou (?:always|constantly|continually)\s+(.+)", _I), "you {}"),
    (re.compile(r"\byou (keep\s+.+)", _I), "you {}"),
    (re.compile(r"\byou(?:'re| are) always\s+(.+)", _I), "you're {}"),
    (re.compile(r"\byou (?:make|made) me feel\s+(.+)", _I), "I feel {}"),
    (re.compile(r"\byou (?:make|made) me\s+(.+)", _I), "I end up {}"),
]
_STOP = re.compile(r"\s*(?:[.!?]+|,\s*(?:and|but|so|which|it's|that's)\b|\bthough\b).*$", _I)


def i_statement(sentence: str) -> str:
    """An I-statement shape to fill in, keeping the behaviour the sentence names.

    >>> i_statement("You never listen to me.")
    "I feel \u2026 when you don't listen to me, and I'd like \u2026"
    >>> i_statement("You're overreacting.")
    "I feel \u2026 when \u2026, and I'd like \u2026"
    """
    for pattern, shape in _BEHAVIOUR:
        match = pattern.search(sentence)
        if match:
            behaviour = _STOP.sub("", match.group(1)).strip()
            if behaviour and len(behaviour.split()) <= 14:
                return _shape(shape.format(behaviour))
    return "I feel \u2026 when \u2026, and I'd like \u2026"


def _shape(behaviour: str) -> str:
    if behaviour.startswith("I feel "):
        return f"{behaviour} when \u2026, and I'd like \u2026"
    return f"I feel \u2026 when {behaviour}, and I'd like \u2026"


def open_question(sentence: str) -> str | None:
    """A few yes/no check-ins turned into open questions; None otherwise.

    >>> open_question("Are you okay?")
    'How are you feeling?'
    >>> open_question("Did the interview go well?")
    'How did the interview go?'
    >>> open_question("Want me to get dinner?") is None
    True
    """
    for pattern, replacement in _OPENINGS:
        match = pattern.match(sentence.strip())
        if match:
            return replacement.format(*match.groups())
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
        re.compile(r"^did (?:that|it|he|she|they) (?:hurt|upset you|sting)\W*$", _I),
        "How did that land for you?",
    ),
    (re.compile(r"^do you want to talk(?: about it)?\W*$", _I), "What's on your mind?"),
]

"""The appreciation coach: small, private nudges toward specific, partner-praising wording.

No Django here. An appreciation has three parts (what you did, how it affected
me, what it shows about you); the research on gratitude (find, remind and
bind) says thanks lands best when it praises the person, not only the act.
The hints are suggestions for the writer alone and are never stored.

    >>> [h.part for h in hints("Thanks for everything", "Nice", "It was nice.", "Ben")]
    ['did', 'felt', 'shows']
"""

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from closeknit.coach import CoachInputError, analyze

logger = logging.getLogger(__name__)
QUALITIES_FILE = Path(__file__).parent / "data" / "qualities.txt"
MIN_WORDS_DID = 5
VAGUE = re.compile(
    r"\b(everything|all (that )?you do|all the things|being you|stuff|always|in general)\b", re.I
)
FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|myself|we|us)\b", re.I)
# "Relieved and looked after" answers "how it made you feel" without an "I".
FEELING = re.compile(
    r"\b(relieved|happy|happier|loved|seen|heard|calm\w*|grateful|thankful|safe|cared for"
    r"|looked after|supported|lighter|proud|touched|moved|special|valued|appreciated"
    r"|understood|at ease|rested|glad|joyful|excited|comforted|peaceful|less alone|held)\b",
    re.I,
)
YOU = re.compile(r"\b(you|you're|your|yourself)\b", re.I)
# "how much you care", "that you notice", "you are", "you're so", "you notice when I...":
# a sentence about the person.
ABOUT_YOU = re.compile(
    r"\b(how (much |deeply |well )?you|that you|you are|you're|the kind of person"
    r"|you (really |always |truly )?(notice|remember|see|know|care|listen|understand|get me"
    r"|think of|pay attention))\b",
    re.I,
)
WORD = re.compile(r"[a-z']+", re.I)
BUT = re.compile(r"\bbut\b", re.I)


@dataclass(frozen=True)
class Hint:
    part: str  # "did", "felt" or "shows"
    good: bool  # True for something the wording already does well
    message: str
    example: str = ""


@cache
def qualities() -> frozenset[str]:
    lines = QUALITIES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def named_qualities(text: str) -> list[str]:
    """The quality words in `text`, in order, once each."""
    found: list[str] = []
    for word in WORD.findall(text.lower()):
        if word in qualities() and word not in found:
            found.append(word)
    return found


def _plain(text: str) -> str:
    return text.replace("\u2019", "'")  # phones type curly apostrophes


def hints(did: str, felt: str, shows: str, partner: str = "your partner") -> list[Hint]:
    """Nudges for each part that is still empty-ish or general, and notes on what works."""
    did, felt, shows = _plain(did), _plain(felt), _plain(shows)
    out: list[Hint] = []
    out += _did(did, partner)
    out += _felt(felt)
    out += _shows(shows, partner)
    for part, text in (("did", did), ("felt", felt), ("shows", shows)):
        out += _but(part, text)
    return out


def _but(part: str, text: str) -> list[Hint]:
    """The listening coach's "but" check: thanks followed by "but" can cancel itself.

    Only this one signal is borrowed: an appreciation is meant to say "you",
    so the coach's you-statement and listening notes don't apply here.
    """
    if not BUT.search(text):
        return []
    try:
        findings = analyze(text).findings
    except CoachInputError:
        return []
    except Exception:
        # The coach is optional here: a broken model must never stop a thank-you.
        logger.exception("The listening coach failed on an appreciation draft")
        return []
    return [
        Hint(part, False, f.message, f.suggestion or "")
        for f in findings
        if f.signal == "dismissive_but"
    ]


def _did(text: str, partner: str) -> list[Hint]:
    words = len(WORD.findall(text))
    if not text.strip():
        return []
    if words < MIN_WORDS_DID or VAGUE.search(text):
        return [
            Hint(
                "did",
                False,
                f"Name one moment: what did {partner} do, and when?",
                "You made me coffee before my early meeting on Tuesday.",
            )
        ]
    return [Hint("did", True, "A specific moment. Good.")]


def _felt(text: str) -> list[Hint]:
    if not text.strip():
        return []
    if not FIRST_PERSON.search(text) and not FEELING.search(text):
        return [
            Hint(
                "felt",
                False,
                "Say how it touched you, in your own words.",
                "I walked into the day calmer, and I felt looked after.",
            )
        ]
    return [Hint("felt", True, "You said how it affected you.")]


def _shows(text: str, partner: str) -> list[Hint]:
    if not text.strip():
        return []
    found = named_qualities(text)
    about_you = YOU.search(text) and (found or ABOUT_YOU.search(text))
    if not about_you:
        return [
            Hint(
                "shows",
                False,
                f"Praise {partner}, not only the act: what does it show about who they are?",
                "It shows how thoughtful you are: you notice what I need before I say it.",
            )
        ]
    if found:
        return [Hint("shows", True, f"You named a quality of theirs: {', '.join(found)}.")]
    return [Hint("shows", True, f"You're saying something about {partner}, not only the act.")]

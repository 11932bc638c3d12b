"""The listening coach's feedback for the writer, in plain words.

The coach reads what someone is about to send and shows it to the writer
alone. Nothing of its feedback is stored or logged (unless the writer keeps it
with a reply of their own).

Using it in a feature (see closeknit/talk for an example):

- in the form template:
  {% include "coaching/_box.html" with field=form.text coach_context=answer.text %}
  renders the textarea with live feedback (htmx, debounced) and a no-JavaScript
  "Check with the coach" submit button;
- in the view's POST branch: `if wants_coach(request):` re-render the form with
  `check(request.user, text, context)` in the template context as `coach`,
  without saving. `check` counts against the coach's rate limit like the live
  box and the API do, and refuses (`Invalid`, `RateLimited`) like they do; a
  blank draft is refused too, so the button never answers with nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from closeknit.coach import Analysis, CoachInputError, Finding, analyze
from closeknit.coach.engine import MESSAGES
from closeknit.coach.summary import TO_COMPLAINT, summarise
from closeknit.lib import ratelimit
from closeknit.lib.errors import Invalid

# Shown when a reply has no open question yet: ways to invite more.
OPEN_QUESTIONS = [
    "What was that like for you?",
    "What part of it stays with you most?",
    "How are you feeling about it now?",
    "Tell me more?",
]

LABELS = {
    "dismissive_but": "A “but” that may cancel",
    "you_statement": "A “you” that may sound like blame",
    "validation": "Validating",
    "open_question": "An open question",
    "closed_question": "A question with a short answer",
    "advice": "Advice, maybe early",
    "minimizing": "Making it smaller",
    "too_short": "Very short",
    "active_constructive": "Celebrating with them",
    "self_focus": "Turning to your own story",
    "good_news_dismissed": "What they shared may get lost",
    "i_statement": "A clear I-statement",
}
POSITIVE = {"validation", "open_question", "active_constructive", "i_statement"}
MECHANISM_LABELS = {
    "emotional_reactions": "Warmth",
    "interpretations": "Understanding",
    "explorations": "Curiosity",
}
LEVEL_WORDS = {0: "not yet", 1: "some", 2: "strong"}
NOTHING_TO_READ = "Write your reply first, then the coach can read it."


@dataclass(frozen=True)
class Note:
    """One thing the coach noticed, with the words it is about."""

    signal: str
    label: str
    positive: bool
    start: int
    end: int
    original: str
    message: str
    suggestion: str | None
    # A concern already explained by an earlier note of its kind: the panel
    # quotes the sentence without saying the same words again.
    again: bool = False


@dataclass(frozen=True)
class Empathy:
    label: str
    level: int
    word: str


@dataclass(frozen=True)
class Feedback:
    """The coach's reading of a draft, ready for the template (and the JSON API)."""

    notes: list[Note]
    summary: str
    next_step: str | None
    # The levels stay here (the dreams API returns them); the template shows
    # the plain sentences of `summary` instead of meters.
    empathy: list[Empathy]
    level: str
    notice: str | None
    open_questions: list[str]
    all_clear: bool
    # The signal the summary speaks of: its note shows without its message,
    # which would only say the summary again.
    summary_signal: str | None = None


def wants_coach(request: HttpRequest) -> bool:
    """The no-JavaScript path: the writer pressed "Check with the coach"."""
    return "coach" in request.POST


def read(
    user: AbstractBaseUser, text: str, context: str | None = None, *, field: str = "text"
) -> Feedback | None:
    """The coach's feedback on `user`'s draft (None while there is nothing to read).

    Counted against the coach's rate limit; refused like `analysis` refuses.
    """
    if not text or not text.strip():
        return None
    return _for_template(text, analysis(user, text, context, field=field))


def check(
    user: AbstractBaseUser,
    text: str,
    context: str | None = None,
    *,
    field: str = "text",
    empty: str = NOTHING_TO_READ,
) -> Feedback:
    """The coach's feedback when the writer asked for it ("Check with the coach", the API).

    Unlike the live box, which stays quiet while the box is empty, an explicit
    request for a blank draft is refused with `empty` under `field`.
    """
    found = read(user, text, context, field=field)
    if found is None:
        raise Invalid(empty, field=field)
    return found


def analysis(
    user: AbstractBaseUser, text: str, context: str | None = None, *, field: str = "text"
) -> Analysis:
    """The coach's analysis of `user`'s draft, for the pages and the API alike.

    `RateLimited` when asked too often; `Invalid` (on `field`) for text the
    coach cannot read (empty, or longer than it takes).
    """
    ratelimit.check(user, "coach")
    try:
        return analyze(text, context or None)
    except CoachInputError as exc:
        raise Invalid(str(exc), field=field) from exc


def feedback(text: str, context: str | None = None) -> Feedback:
    """The coach's reading of `text`, not counted (a reply being saved with its feedback).

    >>> feedback("I hear you, but you're overreacting.").notes[0].label
    'A “but” that may cancel'
    """
    return _for_template(text, analyze(text, context or None))


def _once_each(notes: Iterable[Note]) -> list[Note]:
    """Every concern on its own sentence, but each kind explained once, and praise once.

    A concern quotes the sentence it is about, so two of them read as two
    places to look; the same explanation under each reads as nagging, so the
    later ones only quote. Praise quotes none, and the same "Lovely: you name
    how they feel" twice reads as a glitch. (The API keeps every finding.)
    """
    praised: set[str] = set()
    explained: set[str] = set()  # by message: "A kind offer" is news after "asks for a fact"
    kept = []
    for note in notes:
        if note.positive:
            if note.signal in praised:
                continue
            praised.add(note.signal)
        elif note.message in explained:
            note = replace(note, again=True)
        explained.add(note.message)
        kept.append(note)
    return kept


# Yes/no questions that are just right where they are: "Did I get that right?"
# checks you heard them; "Oat or regular?" answers the favour they asked.
GOOD_QUESTIONS = {
    "check": "Checking you heard them right",
    "closed_favour": "A practical question",
}


def _good_question(finding: Finding) -> str | None:
    """The label of a yes/no question that is good where it is, or None."""
    return next(
        (label for key, label in GOOD_QUESTIONS.items() if finding.message == MESSAGES[key]), None
    )


def _label(finding: Finding) -> str:
    return _good_question(finding) or LABELS.get(finding.signal, finding.signal)


def _for_template(text: str, result: Analysis) -> Feedback:
    notes = _once_each(
        Note(
            signal=f.signal,
            label=_label(f),
            positive=f.signal in POSITIVE or _good_question(f) is not None,
            start=f.start,
            end=f.end,
            original=text[f.start : f.end],
            message=f.message,
            suggestion=f.suggestion,
        )
        for f in result.findings
    )
    empathy = [
        Empathy(label=MECHANISM_LABELS[name], level=level, word=LEVEL_WORDS[level])
        for name, level in result.empathy.items()
    ]
    summary = summarise(result)
    return Feedback(
        notes=notes,
        summary=summary.text,
        next_step=summary.next_step,
        empathy=empathy,
        level=result.listening_level,
        notice=result.notice,
        open_questions=[] if result.signals["open_question"] else OPEN_QUESTIONS,
        # "Nothing to flag" would contradict a summary on how it meets a complaint.
        all_clear=all(n.positive for n in notes) and result.to_complaint not in TO_COMPLAINT,
        summary_signal=summary.signal,
    )

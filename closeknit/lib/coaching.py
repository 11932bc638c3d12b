"""The listening coach in the web app: one function, one view, one template.

The coach reads what someone is about to send and shows it to the writer
alone. Nothing of its feedback is stored or logged; the reply boxes call
`coach_feedback()` and render "_coach_feedback.html".

Using it in a feature (see closeknit/talk for an example):

- in the form template:
  {% include "_coach_box.html" with field=form.text coach_context=answer.text %}
  renders the textarea with live feedback (htmx, debounced) and a no-JS
  "Check with the coach" submit button;
- in the view's POST branch: `if wants_coach(request):` re-render the form with
  `coach_feedback(text, context)` in the template context as `coach`, without saving.
"""

from typing import Any

from django.http import HttpRequest

from closeknit.coach import CoachInputError, analyze
from closeknit.coach.summary import describe

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
    "closed_question": "A yes/no question",
    "advice": "Advice, maybe early",
    "minimizing": "Making it smaller",
    "too_short": "Very short",
    "active_constructive": "Celebrating with them",
    "self_focus": "Turning to your own story",
    "good_news_dismissed": "Their good news may get lost",
    "i_statement": "A clear I-statement",
}
POSITIVE = {"validation", "open_question", "active_constructive", "i_statement"}
MECHANISM_LABELS = {
    "emotional_reactions": "Warmth",
    "interpretations": "Understanding",
    "explorations": "Curiosity",
}
LEVEL_WORDS = {0: "not yet", 1: "some", 2: "strong"}


def wants_coach(request: HttpRequest) -> bool:
    """The no-JavaScript path: the writer pressed "Check with the coach"."""
    return "coach" in request.POST


def coach_feedback(text: str, context: str | None = None) -> dict[str, Any] | None:
    """The coach's reading of `text` prepared for the template, or None if it can't read it.

    >>> coach_feedback("I hear you, but you're overreacting.")["notes"][0]["label"]
    'A “but” that may cancel'
    """
    if not text or not text.strip():
        return None
    try:
        result = analyze(text, context or None).to_dict()
    except CoachInputError as exc:
        return {"error": str(exc)}
    return _for_template(text, result)


def _for_template(text: str, result: dict[str, Any]) -> dict[str, Any]:
    notes = [
        {
            **finding,
            "label": LABELS.get(finding["signal"], finding["signal"]),
            "positive": finding["signal"] in POSITIVE,
            "original": text[finding["start"] : finding["end"]],
        }
        for finding in result["findings"]
    ]
    # The levels stay in the dict (the dreams API returns it as JSON); the
    # template shows the plain sentences of `summary` instead of meters.
    empathy = [
        {"label": MECHANISM_LABELS[name], "level": level, "word": LEVEL_WORDS[level]}
        for name, level in result["empathy"].items()
    ]
    signals = result["signals"]
    summary = describe(signals, result["empathy"])
    return {
        "notes": notes,
        "summary": summary.text,
        "next_step": summary.next_step,
        "empathy": empathy,
        "level": result["listening_level"],
        "notice": result.get("notice"),
        "open_questions": [] if signals["open_question"] else OPEN_QUESTIONS,
        "all_clear": not any(not n["positive"] for n in notes),
    }

"""Talk in the data export: what the person may see, through the same selectors."""

from dataclasses import asdict
from typing import Any

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.talk import selectors
from closeknit.talk.models import Prompt


def _answer(answer: Any) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "text": answer.text,
        "passed": answer.passed,
        "edited": answer.edited_after_reveal,
        "first_text": first_text(answer),
    }


def first_text(entry: Any) -> str | None:
    """The words as first shared, where an edit after the reveal kept them."""
    return entry.first_shared if entry and entry.edited_after_reveal else None


def section(user: User, couple: Couple) -> dict[str, Any]:
    questions = [
        {
            "date": v.question.date.isoformat(),
            "prompt": v.question.prompt.text,
            "mine": _answer(v.mine),
            "partner": _answer(v.theirs),  # None while sealed
            "replies": [
                {"mine": r.author_id == user.pk, "text": r.text, "created": r.created.isoformat()}
                for r in v.replies
            ],
            "my_kept_coach_notes": [
                r.kept_feedback for r in v.replies if r.author_id == user.pk and r.kept_feedback
            ],
        }
        for v in selectors.history(couple, user.pk)
    ]
    both_true = [
        {
            "title": v.both.title,
            "mine": v.mine.text if v.mine else None,
            "partner": v.theirs.text if v.theirs else None,
            "my_first_text": first_text(v.mine),
            "partner_first_text": first_text(v.theirs),
        }
        for v in (selectors.both_true_view(b, user.pk) for b in selectors.both_trues_for(couple))
    ]
    own_prompts = list(Prompt.objects.filter(couple=couple).values_list("text", flat=True))
    sessions = [
        {
            "date": s.started_at.isoformat(),
            "kind": s.kind,
            "topic": s.topic,
            "ratings": [asdict(r) for r in selectors.rating_summary(s)],
            "notes": [n.text for n in s.notes.all()],
        }
        for s in selectors.sessions_for(couple).prefetch_related("notes")
    ]
    return {
        "daily_questions": questions,
        "both_true": both_true,
        "own_prompts": own_prompts,
        "talk_sessions": sessions,
    }

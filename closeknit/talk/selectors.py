"""Reads for Talk. Everything sealed passes through visible_entries() here.

Pages, htmx fragments, the API and the export all build on these functions, so
a partner's answer can only appear once the viewer has answered too.
"""

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet

from closeknit.couples.models import Couple
from closeknit.couples.sealing import is_revealed, visible_entries
from closeknit.talk.models import (
    Answer,
    BothTrue,
    BothTrueQuestion,
    BothTrueSide,
    DailyQuestion,
    Reply,
    TalkSession,
)


@dataclass
class QuestionView:
    """One daily question as the viewer may see it."""

    question: DailyQuestion
    mine: Answer | None
    theirs: Answer | None  # None while sealed
    partner_answered: bool  # that they answered, never what
    partner_passed: bool
    revealed: bool
    replies: list[Reply] = field(default_factory=list)
    then: "QuestionView | None" = None  # the earlier asking, for a revisit

    @property
    def waiting_for_me(self) -> bool:
        return self.mine is None or not self.mine.is_complete


def questions_for(couple: Couple) -> QuerySet[DailyQuestion]:
    """A couple's questions with what a question view needs, in a fixed number of queries."""
    return (
        DailyQuestion.objects.filter(couple=couple)
        .select_related("prompt", "revisit_of__prompt")
        .prefetch_related(
            "answers",
            Prefetch("replies", queryset=Reply.objects.select_related("author")),
            Prefetch("revisit_of__answers"),
        )
    )


def question_view(
    question: DailyQuestion, viewer_id: UUID, with_then: bool = True
) -> QuestionView:
    answers = list(question.answers.all())
    seen = visible_entries(answers, viewer_id)
    partner = next((a for a in answers if a.author_id != viewer_id), None)
    revealed = is_revealed(answers)
    view = QuestionView(
        question=question,
        mine=seen["mine"],
        theirs=seen["theirs"],
        partner_answered=bool(partner and partner.is_complete),
        partner_passed=bool(partner and partner.passed),
        revealed=revealed,
        # After a reveal, both see every reply; one's own replies stay one's own even
        # if the partner's answer is gone since (their account deleted).
        replies=[r for r in question.replies.all() if revealed or r.author_id == viewer_id],
    )
    if with_then and question.revisit_of is not None and revealed:
        view.then = question_view(question.revisit_of, viewer_id, with_then=False)
    return view


def history(couple: Couple, viewer_id: UUID, query: str = "") -> list[QuestionView]:
    """Past questions, newest first; `query` matches the prompt or any answer the viewer may see.

    Answers are encrypted at rest, so matching happens here, after one
    couple-scoped query, never in SQL.
    """
    views = [question_view(q, viewer_id) for q in questions_for(couple)]
    words = query.casefold().split()
    if not words:
        return views
    return [v for v in views if all(w in _searchable(v) for w in words)]


def _searchable(view: QuestionView) -> str:
    parts = [view.question.prompt.text]
    parts += [a.text for a in (view.mine, view.theirs) if a is not None]
    parts += [r.text for r in view.replies]
    return " ".join(parts).casefold()


@dataclass
class BothTrueView:
    both: BothTrue
    mine: BothTrueSide | None
    theirs: BothTrueSide | None
    partner_wrote: bool
    revealed: bool
    my_question: BothTrueQuestion | None
    their_question: BothTrueQuestion | None


def both_trues_for(couple: Couple) -> QuerySet[BothTrue]:
    return BothTrue.objects.filter(couple=couple).prefetch_related("sides", "questions")


def both_true_view(both: BothTrue, viewer_id: UUID) -> BothTrueView:
    sides = list(both.sides.all())
    seen = visible_entries(sides, viewer_id)
    revealed = is_revealed(sides)
    questions = list(both.questions.all()) if revealed else []
    return BothTrueView(
        both=both,
        mine=seen["mine"],
        theirs=seen["theirs"],
        partner_wrote=any(s.author_id != viewer_id for s in sides),
        revealed=revealed,
        my_question=next((q for q in questions if q.author_id == viewer_id), None),
        their_question=next((q for q in questions if q.author_id != viewer_id), None),
    )


def sessions_for(couple: Couple) -> QuerySet[TalkSession]:
    return (
        TalkSession.objects.filter(couple=couple)
        .select_related("first_speaker")
        .prefetch_related("ratings__rater")
    )


def rating_summary(session: TalkSession) -> list[dict[str, Any]]:
    return [
        {
            "name": str(r.rater),
            "understood": r.understood,
            "validated": r.validated,
            "cared": r.cared,
        }
        for r in session.ratings.all()
    ]

"""Reads for Talk. Everything sealed passes through visible_entries() here.

Pages, htmx fragments, the API and the export all build on these functions, so
a partner's answer can only appear once the viewer has answered too.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.couples.sealing import is_revealed, visible_entries
from closeknit.lib.paging import Rows
from closeknit.talk.models import (
    DEPTHS,
    KINDS,
    Answer,
    BothTrue,
    BothTrueQuestion,
    BothTrueSide,
    DailyQuestion,
    Prompt,
    Reply,
    TalkSession,
    TalkTime,
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

    @property
    def coach_context(self) -> str | None:
        """What the coach reads a reply against: the partner's answer, after the question.

        The question says what kind of message the answer is: an answer to
        "What's on your list of films to watch?" shares a taste, not news to
        celebrate, and "What was the best part of your week?" may well be news.

        Written "Q: … A: …", the form of the coach's training replies to daily
        questions: read as "question answer", 5 of those 391 replies changed a
        signal, each away from its label.
        """
        if self.theirs is None:
            return None
        return f"Q: {self.question.prompt.text} A: {self.theirs.text}"


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


def history(couple: Couple, viewer_id: UUID, query: str = "") -> Rows[Any, QuestionView]:
    """Past questions as the viewer may see them, newest first, read a page at a time.

    `query` matches the prompt or any text the viewer may see. Answers are
    encrypted at rest, so matching happens here: the couple's visible texts
    are read once (a query each for prompts, answers and replies) and the
    full views are built only for the page shown.
    """
    words = query.casefold().split()
    if not words:
        return Rows(questions_for(couple), lambda batch: _views(batch, viewer_id))
    found = _matching(couple, viewer_id, words)
    return Rows(found, lambda ids: _views_of(couple, ids, viewer_id))


def _views(questions: list[DailyQuestion], viewer_id: UUID) -> list[QuestionView]:
    return [question_view(q, viewer_id) for q in questions]


def _views_of(couple: Couple, ids: list[UUID], viewer_id: UUID) -> list[QuestionView]:
    by_id = {q.pk: q for q in questions_for(couple).filter(pk__in=ids)}
    return _views([by_id[pk] for pk in ids], viewer_id)


def _matching(couple: Couple, viewer_id: UUID, words: list[str]) -> list[UUID]:
    """The ids of the questions, newest first, whose visible texts hold every word."""
    texts: dict[UUID, list[str]] = defaultdict(list)
    answers: dict[UUID, list[Answer]] = defaultdict(list)
    for answer in Answer.objects.filter(couple=couple).only(
        "question", "author", "text", "passed"
    ):
        answers[answer.question_id].append(answer)
    revealed = set()
    for pk, entries in answers.items():
        texts[pk] += [a.text for a in visible_entries(entries, viewer_id).values() if a]
        if is_revealed(entries):
            revealed.add(pk)
    for pk, text in Reply.objects.filter(couple=couple).values_list("question", "text"):
        if pk in revealed:  # replies only ever follow a reveal; this keeps it so
            texts[pk].append(text)
    prompts = DailyQuestion.objects.filter(couple=couple).values_list("pk", "prompt__text")
    return [
        pk
        for pk, prompt in prompts.order_by("-date")
        if all(w in " ".join([prompt, *texts[pk]]).casefold() for w in words)
    ]


def prompt_library(couple: Couple, kind: str = "") -> QuerySet[Prompt]:
    """The library's prompts and the couple's own, optionally of one kind."""
    found = Prompt.objects.filter(Q(couple__isnull=True) | Q(couple=couple))
    if kind:
        found = found.filter(kind=kind)
    return found.order_by("kind", "depth", "key")


def prompt_for(couple: Couple, pk: Any) -> Prompt:
    """A prompt the couple may ask: the library's or their own; 404 for another couple's."""
    try:
        return prompt_library(couple).select_related("author").get(pk=pk)
    except (Prompt.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Not found") from exc


def talk_times(couple: Couple) -> tuple[TalkTime | None, TalkTime | None]:
    """The accepted weekly talk time and the one waiting for an answer, newest of each.

    The services keep one of each; the page reads two rows however many exist.
    """
    times = TalkTime.objects.filter(couple=couple).select_related("proposed_by")
    accepted = times.filter(accepted_at__isnull=False).first()
    return accepted, times.filter(accepted_at__isnull=True).first()


def own_prompts(couple: Couple) -> QuerySet[Prompt]:
    """The couple's own questions, newest first, each marked `asked` (then it stays as it is)."""
    asked = DailyQuestion.objects.filter(couple=couple, prompt=OuterRef("pk"))
    return (
        for_couple(Prompt, couple)
        .annotate(asked=Exists(asked))
        .select_related("author")
        .order_by("-created")
    )


def library_sample(day: date, per_kind: int = 3) -> list[Prompt]:
    """A few library questions of every kind, light to deep, a fresh choice each day.

    One query; the choice is seeded by the day, so a page shows the same sample
    all day and another tomorrow.
    """
    by_kind: dict[str, list[Prompt]] = defaultdict(list)
    for prompt in Prompt.objects.filter(couple__isnull=True).order_by("key"):
        by_kind[prompt.kind].append(prompt)
    chooser = random.Random(day.toordinal())
    depth_order = {depth: i for i, (depth, _) in enumerate(DEPTHS)}
    sample = []
    for kind, _ in KINDS:
        found = by_kind.get(kind, [])
        chosen = chooser.sample(found, min(per_kind, len(found)))
        sample.extend(sorted(chosen, key=lambda p: depth_order.get(p.depth, 0)))
    return sample


def extras_on(couple: Couple, day: date) -> QuerySet[DailyQuestion]:
    """The questions asked from the library on top of that day's own, in asking order."""
    return (
        DailyQuestion.objects.filter(couple=couple, date=day, extra=True)
        .select_related("prompt")
        .order_by("created")
    )


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


@dataclass(frozen=True)
class RatingView:
    """One partner's ratings at the end of a talk."""

    name: str
    understood: int
    validated: int
    cared: int


def rating_summary(session: TalkSession) -> list[RatingView]:
    return [
        RatingView(str(r.rater), r.understood, r.validated, r.cared) for r in session.ratings.all()
    ]

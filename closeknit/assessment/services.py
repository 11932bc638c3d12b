"""Writes for the assessment: start a round, save answers page by page, finish."""

from collections.abc import Mapping, Sequence
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.assessment import steps
from closeknit.assessment.content import Catalog
from closeknit.assessment.models import Response, Round, next_due
from closeknit.assessment.scoring import SCALE
from closeknit.couples.models import Couple
from closeknit.nudges.notify import notify

SECTIONS = ("intimacy", "responsiveness", "lovemap")


class AssessmentError(Exception):
    """A write that cannot happen, with a message for the person."""


def due_on(latest: Round | None) -> date | None:
    """The date the next round may start (None: the baseline may start now)."""
    return next_due(latest.started_on) if latest else None


def start_round(couple: Couple) -> Round:
    """The baseline, or the next quarterly round once a quarter has passed."""
    latest = Round.objects.filter(couple=couple).order_by("-number").first()
    due = due_on(latest)
    if due is not None and couple.today() < due:
        raise AssessmentError(f"The next assessment opens on {due.day} {due:%B %Y}.")
    number = latest.number + 1 if latest else 1
    try:
        with transaction.atomic():
            return Round.objects.create(couple=couple, number=number, started_on=couple.today())
    except IntegrityError:
        # Both partners pressed "start" at once: the other one's round is ours too.
        return Round.objects.get(couple=couple, number=number)


def response_for(rnd: Round, user: User) -> Response:
    response, _ = Response.objects.get_or_create(round=rnd, author=user, couple_id=rnd.couple_id)
    return response


def check_answers(
    section: str, answers: Mapping[str, Sequence[int] | None], catalog: Catalog
) -> None:
    """Every key known to the section and every answer in range, or a clear message.

    None is "prefer not to say", open to the sensitive items only.
    """
    if section not in SECTIONS:
        raise AssessmentError(f"Unknown part: {section}.")
    if section == "lovemap":
        options = {q.key: len(q.options) for q in catalog.lovemap}
        for key, pair in answers.items():
            if key not in options:
                raise AssessmentError(f"Unknown question: {key}.")
            if pair is None:
                raise AssessmentError(f"{key}: give your answer and your guess.")
            if len(pair) != 2 or any(not 0 <= v < options[key] for v in pair):
                raise AssessmentError(
                    f"{key}: give your answer and your guess, each an option number."
                )
        return
    items = catalog.intimacy if section == "intimacy" else catalog.responsiveness
    known = {i.key for i in items}
    low, high = SCALE
    for key, pair in answers.items():
        if key not in known:
            raise AssessmentError(f"Unknown item: {key}.")
        if pair is None:
            if key in catalog.sensitive:
                continue
            raise AssessmentError(
                f"{key}: give two ratings; only the more private sentences can be skipped."
            )
        if len(pair) != 2 or any(not low <= v <= high for v in pair):
            raise AssessmentError(f"{key}: give two ratings, each from {low} to {high}.")


def save_answers(
    response: Response,
    section: str,
    answers: Mapping[str, Sequence[int] | None],
    catalog: Catalog,
) -> None:
    """Merge a page of answers into the response (a draft until it's finished)."""
    if response.is_complete:
        raise AssessmentError(
            "You've finished this assessment; your answers are kept as they are."
        )
    check_answers(section, answers, catalog)
    given = {k: None if v is None else list(v) for k, v in answers.items()}
    merged = {**getattr(response, section), **given}
    setattr(response, section, merged)
    response.updated = timezone.now()
    response.save(update_fields=[section, "updated"])


@transaction.atomic
def finish(response: Response, partner: User, catalog: Catalog) -> None:
    """Seal the answers; the partner is told (with nothing of the answers)."""
    if response.is_complete:
        return
    left = steps.missing(response, catalog)
    if left:
        raise AssessmentError(f"A few pages are still open: {', '.join(s.title for s in left)}.")
    response.finished_at = timezone.now()
    response.save(update_fields=["finished_at"])
    url = reverse("assessment:report", args=[response.round_id])
    notify(partner, "assessment", url, key=f"assessment:{response.id}", partner=response.author)

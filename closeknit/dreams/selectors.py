"""Reads for dreams. `visible_dreams()` holds the privacy rule; everything starts there.

A dream marked private is its author's alone: the partner never reaches it,
nor its pledges, tasks, milestones or celebrations, through any page, htmx
fragment, API operation, notification or export.
"""

from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple, get_for_couple
from closeknit.couples.models import Couple
from closeknit.dreams.models import Celebration, Dream, Milestone, Pledge, Task


def visible_dreams(couple: Couple, viewer: User) -> QuerySet[Dream]:
    """The viewer's own dreams and goals, the partner's shared ones, and a dream the
    partner removed that holds the viewer's own words (a pledge, a task, a celebration)."""
    theirs_on_it = (
        Exists(Pledge.objects.filter(dream=OuterRef("pk"), supporter=viewer))
        | Exists(Task.objects.filter(dream=OuterRef("pk"), created_by=viewer))
        | Exists(Celebration.objects.filter(milestone__dream=OuterRef("pk"), author=viewer))
    )
    visible = (
        Q(author=viewer)
        | Q(author__isnull=False, visibility=Dream.Visibility.SHARED)
        | Q(author__isnull=True) & theirs_on_it
    )
    return for_couple(Dream, couple).filter(visible).select_related("author")


def dream_for(couple: Couple, viewer: User, pk: UUID) -> Dream:
    """One dream the viewer may see, or 404."""
    return get_for_couple(visible_dreams(couple, viewer), couple, pk=pk)


def dreams_with_everything(couple: Couple, viewer: User) -> QuerySet[Dream]:
    """Visible dreams with their pledges, tasks and milestones, in a fixed number of queries."""
    milestones = Milestone.objects.select_related("celebration__author").order_by(
        "reached_at", "target", "created"
    )
    return visible_dreams(couple, viewer).prefetch_related(
        Prefetch("pledges", queryset=Pledge.objects.select_related("supporter")),
        Prefetch("tasks", queryset=Task.objects.select_related("taken_by", "created_by")),
        Prefetch("milestones", queryset=milestones),
    )


def dream_with_everything(couple: Couple, viewer: User, pk: UUID) -> Dream:
    return get_for_couple(dreams_with_everything(couple, viewer), couple, pk=pk)


def _listed(couple: Couple, viewer: User) -> QuerySet[Dream]:
    # The lists show whether a dream is backed and how many milestones it has.
    counted = visible_dreams(couple, viewer).prefetch_related("pledges", "milestones")
    return counted.order_by("status", "-created", "pk")


def my_dreams(couple: Couple, viewer: User) -> QuerySet[Dream]:
    """The viewer's dreams and goals, active first, newest first."""
    return _listed(couple, viewer).filter(author=viewer)


def their_dreams(couple: Couple, viewer: User) -> QuerySet[Dream]:
    """The partner's shared dreams (and removed ones holding the viewer's words)."""
    return _listed(couple, viewer).exclude(author=viewer)


def dreams_by_owner(couple: Couple, viewer: User) -> tuple[list[Dream], list[Dream]]:
    """(the viewer's dreams and goals, the partner's shared dreams), newest first."""
    return list(my_dreams(couple, viewer)), list(their_dreams(couple, viewer))


def task_for(couple: Couple, viewer: User, pk: UUID) -> Task:
    """A task on a dream the viewer may see, or 404."""
    tasks = Task.objects.filter(dream__in=visible_dreams(couple, viewer)).select_related("dream")
    return get_for_couple(tasks, couple, pk=pk)


def milestone_for(couple: Couple, viewer: User, pk: UUID) -> Milestone:
    """A milestone on a dream the viewer may see, or 404."""
    milestones = Milestone.objects.filter(dream__in=visible_dreams(couple, viewer))
    return get_for_couple(milestones.select_related("dream__author"), couple, pk=pk)


def celebrations_waiting(couple: Couple, viewer: User) -> QuerySet[Milestone]:
    """Milestones the partner reached on shared dreams that the viewer hasn't celebrated yet."""
    return (
        Milestone.objects.filter(
            dream__in=visible_dreams(couple, viewer).exclude(author=viewer),
            couple=couple,
            reached_at__isnull=False,
            celebration__isnull=True,
        )
        .select_related("dream")
        .order_by("-reached_at")
    )


def good_news(milestone: Milestone) -> str:
    """What a celebration answers, as the coach reads it: the news, said to be good news.

    The coach calls a message good news only when it is sure; a reached
    milestone always is, and "Ran it in 58 minutes" alone does not say so.
    """
    return f"Good news! {milestone.news or f'I reached a milestone: {milestone.title}'}"


def goes_with(dream: Dream) -> dict[str, int]:
    """What the dreamer wrote on their dream: it goes when they delete it (prefetched rows)."""
    tasks = [t for t in dream.tasks.all() if t.created_by_id == dream.author_id]
    return {"milestones": len(dream.milestones.all()), "my_tasks": len(tasks)}


def left_by(dream: Dream) -> dict[str, list[Any]]:
    """What the partner wrote on the dreamer's dream: it stays when the dream is deleted."""
    pledges = [p for p in dream.pledges.all() if p.supporter_id != dream.author_id]
    tasks = [t for t in dream.tasks.all() if t.created_by_id != dream.author_id]
    celebrations = [m.celebration for m in dream.milestones.all() if hasattr(m, "celebration")]
    return {"their_pledges": pledges, "their_tasks": tasks, "their_celebrations": celebrations}

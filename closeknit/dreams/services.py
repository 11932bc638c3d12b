"""Writes for dreams: each checks who may do it, and tells the partner only about shared dreams.

Refusals are `closeknit.lib.errors` kinds: Forbidden for someone else's to do,
Conflict for what the dream's state does not allow, Invalid (with the field)
for text and choices the rules refuse.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.dreams.models import Celebration, Dream, Milestone, Pledge, Task
from closeknit.lib import rules
from closeknit.lib.authorship import forget
from closeknit.lib.errors import Conflict, Forbidden
from closeknit.nudges.notify import notify

TEXT_MAX = 4000  # details, a pledge, news, a celebration
TITLE_MAX = 300  # a dream's, a task's or a milestone's title


def _title(value: str, required: str) -> str:
    return rules.text(value, field="title", max_length=TITLE_MAX, required=required)


def _text(value: str, field: str, required: str | None = None) -> str:
    return rules.text(value, field=field, max_length=TEXT_MAX, required=required)


def _tell(recipient: User, kind: str, dream: Dream, key: str, partner: User) -> None:
    # Inside the service's transaction: the inbox item lands with the change or not at all.
    notify(recipient, kind, reverse("dreams:detail", args=[dream.pk]), key=key, partner=partner)


def _own(dream: Dream, user: User) -> None:
    if dream.author_id != user.pk:
        raise Forbidden("Only the dreamer can change this.")


def _partners(dream: Dream, user: User) -> User:
    """Only the partner of the dreamer, and only on a shared dream that is still there.

    Returns the dreamer.
    """
    if dream.author is None:
        raise Conflict("This dream was removed. What you wrote on it stays here.")
    if dream.author_id == user.pk:
        raise Forbidden("This is for your partner to do.")
    if not dream.is_shared:
        raise Conflict("This dream isn't shared.")
    return dream.author


def create_dream(
    couple: Couple,
    user: User,
    *,
    title: str,
    details: str = "",
    kind: str = Dream.Kind.DREAM,
    visibility: str = Dream.Visibility.PRIVATE,
) -> Dream:
    fields = _checked(title=title, details=details, kind=kind, visibility=visibility)
    return Dream.objects.create(couple=couple, author=user, **fields)


EDITABLE = ("title", "details", "kind", "visibility", "status")


CHOICES = {
    "kind": (Dream.Kind.values, "Choose a dream or a goal."),
    "visibility": (Dream.Visibility.values, "Choose private or shared."),
    "status": (Dream.Status.values, "Choose where it stands."),
}


def _checked(**fields: str) -> dict[str, str]:
    """The dream's fields as stored, or the first rule they break."""
    checked = dict(fields)
    if "title" in fields:
        checked["title"] = _title(fields["title"], "Name your dream or goal.")
    if "details" in fields:
        checked["details"] = _text(fields["details"], "details")
    for name, (allowed, message) in CHOICES.items():
        if name in fields:
            rules.choice(fields[name], allowed, field=name, message=message)
    return checked


def update_dream(dream: Dream, user: User, **changes: str) -> None:
    _own(dream, user)
    checked = _checked(**{name: changes[name] for name in EDITABLE if name in changes})
    fields = list(checked)
    for name, value in checked.items():
        setattr(dream, name, value)
    dream.updated = timezone.now()
    dream.save(update_fields=[*fields, "updated"])


def delete_dream(dream: Dream, user: User) -> bool:
    """The dreamer's words go; the partner's pledge, tasks and celebrations stay.

    True when the dream is gone entirely; False when it stays, emptied, for
    the partner's words on it (closeknit/lib/authorship.py).
    """
    _own(dream, user)
    return forget(dream, user)


@transaction.atomic
def pledge(dream: Dream, user: User, message: str) -> Pledge:
    """The partner promises support (or changes what they promised); the dreamer is told once."""
    dreamer = _partners(dream, user)
    message = _text(message, "message", required="Say how you'll support them.")
    found, created = Pledge.objects.update_or_create(
        dream=dream,
        supporter=user,
        defaults={"couple_id": dream.couple_id, "message": message, "updated": timezone.now()},
    )
    if created:
        _tell(dreamer, "dream_pledge", dream, f"dream_pledge:{found.pk}", user)
    return found


def withdraw_pledge(dream: Dream, user: User) -> None:
    Pledge.objects.filter(dream=dream, supporter=user).delete()


def add_task(dream: Dream, user: User, title: str, *, take_on: bool = False) -> Task:
    """The dreamer lists something that takes their time, or the partner takes one on."""
    if take_on:
        _partners(dream, user)
    elif dream.author_id != user.pk and not dream.is_shared:
        raise Conflict("This dream isn't shared.")
    title = _title(title, "Name the task.")
    return Task.objects.create(
        couple_id=dream.couple_id,
        dream=dream,
        title=title,
        created_by=user,
        taken_by=user if take_on else None,
    )


def take_on(task: Task, user: User) -> None:
    _partners(task.dream, user)
    if task.taken_by_id not in (None, user.pk):
        raise Conflict("Someone has taken this on already.")
    task.taken_by = user
    task.save(update_fields=["taken_by"])


def set_task_done(task: Task, user: User, done: bool) -> None:
    if user.pk not in (task.taken_by_id, task.dream.author_id):
        raise Forbidden("Take this on first.")
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done_at"])


def remove_task(task: Task, user: User) -> None:
    if user.pk not in (task.created_by_id, task.dream.author_id):
        raise Forbidden("Only whoever added it can remove it.")
    task.delete()


def add_milestone(dream: Dream, user: User, title: str, target: date | None = None) -> Milestone:
    _own(dream, user)
    title = _title(title, "Name the milestone.")
    return Milestone.objects.create(
        couple_id=dream.couple_id, dream=dream, title=title, target=target
    )


@transaction.atomic
def reach_milestone(milestone: Milestone, user: User, partner: User, news: str = "") -> None:
    """Mark a milestone reached; on a shared dream the partner is invited to celebrate."""
    dream = milestone.dream
    _own(dream, user)
    if milestone.reached_at:
        raise Conflict("You've reached this one already.")
    milestone.reached_at = timezone.now()
    milestone.news = _text(news, "news")
    milestone.save(update_fields=["reached_at", "news"])
    if dream.is_shared:
        _tell(partner, "milestone", dream, f"milestone:{milestone.pk}", user)


def remove_milestone(milestone: Milestone, user: User) -> bool:
    """The dreamer's step goes; the partner's celebration of it stays on the dream.

    True when the milestone is gone entirely; False when it stays, emptied of
    the dreamer's words, for the celebration (closeknit/lib/authorship.py).
    """
    _own(milestone.dream, user)
    return forget(milestone, user)


@transaction.atomic
def celebrate(milestone: Milestone, user: User, message: str) -> Celebration:
    """The partner's answer to a reached milestone; the dreamer is told."""
    dream = milestone.dream
    dreamer = _partners(dream, user)
    if not milestone.reached_at:
        raise Conflict("This milestone hasn't been reached yet.")
    message = _text(message, "message", required="Write your answer first.")
    found, created = Celebration.objects.update_or_create(
        milestone=milestone,
        defaults={"couple_id": dream.couple_id, "author": user, "message": message},
    )
    if created:
        _tell(dreamer, "celebration", dream, f"celebration:{found.pk}", user)
    return found

"""Writes for the opt-in list. Nothing here ever calls notify(): the list never notifies.

Every write depends only on the writer's own choices, and none returns
anything about the partner's answers.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.private import selectors
from closeknit.private.models import Answer, Choice, Evening, Item, OptIn, TryNext


class ListClosed(Exception):
    """The list isn't open (both partners haven't opted in); callers answer 404."""


def _require_open(couple: Couple) -> None:
    if not selectors.is_open(couple):
        raise ListClosed


def opt_in(couple: Couple, user: User) -> None:
    try:
        with transaction.atomic():
            OptIn.objects.create(couple=couple, user=user)
    except IntegrityError:
        pass  # already in


@transaction.atomic
def opt_out(couple: Couple, user: User, *, erase_answers: bool = False) -> None:
    """Close the list for both; the answers stay (unless erased) for a later opt-in."""
    OptIn.objects.filter(couple=couple, user=user).delete()
    if erase_answers:
        Answer.objects.filter(couple=couple, user=user).delete()


@transaction.atomic
def answer(couple: Couple, user: User, item: Item, choice: str | None) -> None:
    """Record (or clear, with None) the user's own private answer to one item."""
    _require_open(couple)
    if choice is None:
        Answer.objects.filter(couple=couple, user=user, item=item).delete()
    elif choice in Choice.values:
        Answer.objects.update_or_create(
            couple=couple,
            user=user,
            item=item,
            defaults={"choice": choice, "updated": timezone.now()},
        )
    else:
        raise ValueError(f"Unknown answer: {choice}")
    if choice not in selectors.WANTED:
        # No longer wanted by this partner: it leaves the shared try-next list.
        TryNext.objects.filter(couple=couple, item=item).delete()


def add_try_next(couple: Couple, item: Item) -> TryNext:
    """Put a mutual item on the try-next list (callers pass items from the selector)."""
    entry, _ = TryNext.objects.get_or_create(couple=couple, item=item)
    if entry.tried_at:
        entry.tried_at = None
        entry.save(update_fields=["tried_at"])
    return entry


def mark_tried(entry: TryNext) -> None:
    entry.tried_at = timezone.now()
    entry.save(update_fields=["tried_at"])


def remove_try_next(entry: TryNext) -> None:
    entry.delete()


def mark_evening(couple: Couple) -> Evening:
    """A close evening: both partners see a gentle after-care reminder in the app (only)."""
    _require_open(couple)
    return Evening.objects.create(couple=couple)


def dismiss_reminder(evening: Evening, user: User) -> None:
    evening.dismissed_by.add(user)

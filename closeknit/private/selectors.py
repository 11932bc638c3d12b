"""THE mutual-only rule, in one place.

The list is open only while both partners have opted in. Each partner then
sees their own answers, and of the partner's answers nothing but what
`mutual_items()` derives: the items both answered yes or maybe. Pages, htmx
fragments, the API, the export and every count go through `together()` or
`mutual_items()`, so a partner's "no", a one-sided "yes", or whether the
partner has answered at all never shows, not even as a number or an order.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.private.models import Answer, Category, Choice, Evening, Item, OptIn, TryNext

WANTED = {Choice.YES, Choice.MAYBE}
# How long the gentle after-care reminder stays up after a marked evening.
AFTERCARE_WINDOW = timedelta(hours=24)


def has_opted_in(couple: Couple, user: User) -> bool:
    return OptIn.objects.filter(couple=couple, user=user).exists()


def is_open(couple: Couple) -> bool:
    """True while both partners of the couple have opted in."""
    both = OptIn.objects.filter(couple=couple, user__memberships__couple=couple)
    return both.values("user").distinct().count() == 2


def mutual_items(couple: Couple) -> list[Item]:
    """THE rule: items both partners answered yes or maybe, in the list's own order.

    Empty unless both have opted in. Answers are encrypted, so they are
    compared here in Python, after one couple-scoped query.
    """
    if not is_open(couple):
        return []
    wanted_by: dict[UUID, set[UUID]] = {}
    for user_id, item_id, choice in Answer.objects.filter(couple=couple).values_list(
        "user_id", "item_id", "choice"
    ):
        if choice in WANTED:
            wanted_by.setdefault(item_id, set()).add(user_id)
    both = [item_id for item_id, users in wanted_by.items() if len(users) == 2]
    return list(Item.objects.filter(pk__in=both).order_by("position"))


def my_answers(couple: Couple, user: User) -> dict[UUID, str]:
    """The viewer's own answers by item: their own data, never the partner's."""
    rows = Answer.objects.filter(couple=couple, user=user).values_list("item_id", "choice")
    return dict(rows)


def items(category: str = "") -> QuerySet[Item]:
    qs = Item.objects.all()
    return qs.filter(category=category) if category else qs


@dataclass
class Together:
    """Everything the open list shows a partner, all derived from `mutual_items()`."""

    mutual: list[Item]
    try_next: list[TryNext]
    tried: list[TryNext]
    aftercare: list[Item] = field(default_factory=list)
    reminder: Evening | None = None

    @property
    def count(self) -> int:
        return len(self.mutual)


def together(couple: Couple, viewer: User) -> Together | None:
    """What the viewer sees of the open list; None while it is closed."""
    if not is_open(couple):
        return None
    mutual = mutual_items(couple)
    ids = {item.pk for item in mutual}
    listed = [t for t in _try_next_rows(couple) if t.item_id in ids]
    return Together(
        mutual=mutual,
        try_next=[t for t in listed if t.tried_at is None],
        tried=[t for t in listed if t.tried_at is not None],
        aftercare=[item for item in mutual if item.category == Category.AFTERCARE],
        reminder=aftercare_reminder(couple, viewer),
    )


def _try_next_rows(couple: Couple) -> list[TryNext]:
    return list(
        TryNext.objects.filter(couple=couple).select_related("item").order_by("item__position")
    )


def mutual_item(couple: Couple, pk: UUID) -> Item | None:
    """One item, only if it is mutual (else None, the same for every other reason)."""
    return next((item for item in mutual_items(couple) if item.pk == pk), None)


def try_next_entry(couple: Couple, pk: UUID) -> TryNext | None:
    """A try-next entry whose item is still mutual, or None."""
    entry = TryNext.objects.filter(couple=couple, pk=pk).first()
    if entry is None or mutual_item(couple, entry.item_id) is None:
        return None
    return entry


def aftercare_reminder(couple: Couple, viewer: User) -> Evening | None:
    """The latest marked evening within the window that the viewer hasn't put away."""
    since = timezone.now() - AFTERCARE_WINDOW
    return (
        Evening.objects.filter(couple=couple, created__gte=since)
        .exclude(dismissed_by=viewer)
        .order_by("-created")
        .first()
    )

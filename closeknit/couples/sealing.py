"""The sealed rule, in one place.

A sealed entry (a daily-question answer, a "both true" side, a check-in, an
assessment) is visible to its author at once, and to the partner only after
the partner has completed their own entry for the same item. Every page,
htmx fragment, API operation, notification and export that shows sealed
entries goes through `visible_entries()`.
"""

from collections.abc import Iterable
from typing import Protocol, TypeVar
from uuid import UUID


class SealedEntry(Protocol):
    author_id: UUID

    @property
    def is_complete(self) -> bool: ...


E = TypeVar("E", bound=SealedEntry)


def visible_entries(entries: Iterable[E], viewer_id: UUID) -> dict[str, E | None]:
    """Split one item's entries into the viewer's own and the partner's, if unsealed.

    Returns {"mine": ..., "theirs": ...}; "theirs" is None while sealed. An
    incomplete own entry (such as a pass) does not unseal the partner's.

    >>> # visible_entries([ana_answer, ben_answer], ana.id)["theirs"] is ben_answer
    """
    mine = theirs = None
    for entry in entries:
        if entry.author_id == viewer_id:
            mine = entry
        else:
            theirs = entry
    unsealed = mine is not None and mine.is_complete
    return {"mine": mine, "theirs": theirs if unsealed else None}


def is_revealed(entries: Iterable[E]) -> bool:
    """True once both partners have completed their entries (both can see both)."""
    complete = [e for e in entries if e.is_complete]
    return len({e.author_id for e in complete}) >= 2

"""The sealed rule, in one place.

A sealed entry (a daily-question answer, a "both true" side, a check-in, a
date's rating and memory, a path reflection, an assessment) is visible to
its author at once, and to the partner only after the partner has completed
their own entry for the same item. Every page, htmx fragment, API operation,
notification and export that shows sealed entries goes through
`visible_entries()`.

Revealed means settled: once both have read each other's entry, it never
changes silently. Every sealed kind's service writes an edit through
`settle()`: before the reveal an edit simply replaces (nobody else has read
it); after it, numbers stay as they were (a changed score or rating would
quietly rewrite what the partner answered against) and words may change, but
the entry is marked edited and keeps its words as first shared, which both
partners can see. Sealed models carry `edited_after_reveal` and
`first_shared` for this.
"""

from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar
from uuid import UUID

from closeknit.lib.errors import Conflict


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


class SettledEntry(Protocol):
    edited_after_reveal: bool
    first_shared: str


def settle(
    entry: SettledEntry,
    *,
    revealed: bool,
    words: tuple[str, str],
    numbers: Mapping[str, object] | None = None,
    settled_message: str = "",
) -> list[str]:
    """Apply an edit to a sealed entry by the settled rule; return the fields it changed.

    `words` is (field, new text); `numbers` maps other fields to new values.
    After the reveal a changed number is refused with `settled_message`
    (Conflict) and changed words keep the words first shared, once: a second
    edit keeps the same first version. Filling in words that were empty at the
    reveal changes nothing anyone read, so it is not marked.

    >>> # settle(answer, revealed=True, words=("text", "Now I think…"))
    >>> # -> ["text", "first_shared", "edited_after_reveal"]; answer.first_shared is the old text
    """
    numbers = numbers or {}
    changed = [name for name, value in numbers.items() if getattr(entry, name) != value]
    if revealed and changed:
        raise Conflict(settled_message)
    for name in changed:
        setattr(entry, name, numbers[name])
    field, text = words
    old = getattr(entry, field)
    if text == old:
        return changed
    if revealed and old and not entry.edited_after_reveal:
        entry.first_shared, entry.edited_after_reveal = old, True
        changed += ["first_shared", "edited_after_reveal"]
    setattr(entry, field, text)
    return [*changed, field]

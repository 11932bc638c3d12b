"""Reads for intentions: shared by both partners, with the history of both."""

from dataclasses import dataclass

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.intentions.models import Intention


@dataclass
class Intentions:
    mine: Intention | None
    theirs: Intention | None
    history: list[Intention]


def intentions(couple: Couple, viewer: User, limit: int | None = 40) -> Intentions:
    """Both partners' current intentions (shared) and the history of both, newest first."""
    qs = for_couple(Intention, couple).select_related("author").order_by("-created")
    rows = list(qs[:limit] if limit else qs)
    mine = next((i for i in rows if i.author_id == viewer.id), None)
    theirs = next((i for i in rows if i.author_id != viewer.id), None)
    # A long one-sided history can push the other's current intention off the page.
    if mine is None:
        mine = qs.filter(author=viewer).first()
    if theirs is None:
        theirs = qs.exclude(author=viewer).first()
    return Intentions(mine, theirs, rows)

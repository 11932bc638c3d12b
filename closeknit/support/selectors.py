"""Reads for the support signal: shared by both partners (the author sent it to the other)."""

from closeknit.accounts.models import User
from closeknit.couples.access import for_couple
from closeknit.couples.models import Couple
from closeknit.support.models import SupportSignal


def support_signals(couple: Couple, limit: int | None = 10) -> list[SupportSignal]:
    """The latest signals of both partners (shared: the author sent them to the partner)."""
    qs = for_couple(SupportSignal, couple).select_related("author").order_by("-created")
    return list(qs[:limit] if limit else qs)


def open_signal_for(couple: Couple, viewer: User) -> SupportSignal | None:
    """The partner's latest open signal, for the viewer to answer."""
    qs = for_couple(SupportSignal, couple).filter(closed_at__isnull=True).exclude(author=viewer)
    return qs.select_related("author").order_by("-created").first()


def answered_signal_of(couple: Couple, author: User) -> SupportSignal | None:
    """The author's own open signal once the partner has answered it: theirs to read."""
    qs = for_couple(SupportSignal, couple).filter(
        author=author, closed_at__isnull=True, answered_at__isnull=False
    )
    return qs.order_by("-answered_at").first()

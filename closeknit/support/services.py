"""Writes for the support signal."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.nudges.notify import notify
from closeknit.support.models import NOTE_MAX, SUPPORT_KINDS, SUPPORT_OFFERS, SupportSignal


class SupportError(Exception):
    """A write that cannot happen, with a message for the person."""


@transaction.atomic
def send_support(
    couple: Couple, author: User, partner: User, *, kind: str, note: str = ""
) -> SupportSignal:
    if kind not in dict(SUPPORT_KINDS):
        raise SupportError("Choose the kind of support that would help.")
    if len(note) > NOTE_MAX:
        raise SupportError(f"The note can be up to {NOTE_MAX} characters.")
    signal = SupportSignal.objects.create(
        couple=couple, author=author, kind=kind, note=note.strip()
    )
    url = reverse("support:index")
    notify(partner, "support", url, key=f"support:{signal.id}", partner=author)
    return signal


@transaction.atomic
def answer_support(signal: SupportSignal, responder: User, *, offer: str, note: str = "") -> None:
    """The partner's "I'm here", with what they will do."""
    if signal.author_id == responder.id:
        raise SupportError("This is your own signal; your partner answers it.")
    if offer not in dict(SUPPORT_OFFERS):
        raise SupportError("Choose what you will do.")
    if len(note) > NOTE_MAX:
        raise SupportError(f"The note can be up to {NOTE_MAX} characters.")
    signal.offer, signal.answer_note, signal.answered_at = offer, note.strip(), timezone.now()
    signal.save(update_fields=["offer", "answer_note", "answered_at"])
    url = reverse("support:index")
    notify(
        signal.author,
        "support_answered",
        url,
        key=f"support_answered:{signal.id}:{signal.answered_at.isoformat()}",
        partner=responder,
    )


def close_support(signal: SupportSignal, user: User) -> None:
    """The author feels better (or no longer needs it)."""
    if signal.author_id != user.id:
        raise SupportError("Only the person who asked can close this.")
    if signal.closed_at is None:
        signal.closed_at = timezone.now()
        signal.save(update_fields=["closed_at"])

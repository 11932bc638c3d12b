"""Writes for appreciations, the gratitude journal and the tally."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.appreciate.models import (
    PART_MAX,
    REACTIONS,
    TALLY_KINDS,
    Appreciation,
    JournalEntry,
    TallyMark,
)
from closeknit.couples.models import Couple
from closeknit.nudges.notify import notify

JOURNAL_MAX = 5000


class AppreciateError(Exception):
    """A write that cannot happen, with a message for the person."""


@transaction.atomic
def send_appreciation(
    couple: Couple, author: User, partner: User, *, did: str, felt: str, shows: str
) -> Appreciation:
    parts = [p.strip() for p in (did, felt, shows)]
    if not all(parts):
        raise AppreciateError(
            "Fill in all three parts: what they did, how it affected you, what it shows."
        )
    if max(len(p) for p in parts) > PART_MAX:
        raise AppreciateError(f"Each part can be up to {PART_MAX} characters.")
    appreciation = Appreciation.objects.create(
        couple=couple,
        author=author,
        recipient=partner,
        did=parts[0],
        felt=parts[1],
        shows=parts[2],
    )
    url = reverse("appreciate:detail", args=[appreciation.id])
    notify(partner, "appreciation", url, key=f"appreciation:{appreciation.id}", partner=author)
    return appreciation


def react(appreciation: Appreciation, user: User, reaction: str) -> None:
    """The recipient's reaction ("" takes it back)."""
    if appreciation.recipient_id != user.id:
        raise AppreciateError("Only the person it was sent to can react to it.")
    if reaction and reaction not in dict(REACTIONS):
        raise AppreciateError("Choose one of the reactions.")
    appreciation.reaction = reaction
    appreciation.reacted_at = timezone.now() if reaction else None
    appreciation.save(update_fields=["reaction", "reacted_at"])


def write_journal(couple: Couple, author: User, text: str) -> JournalEntry:
    text = text.strip()
    if not text:
        raise AppreciateError("Write a line or two first.")
    if len(text) > JOURNAL_MAX:
        raise AppreciateError(f"An entry can be up to {JOURNAL_MAX} characters.")
    return JournalEntry.objects.create(couple=couple, author=author, text=text)


def log_tally(couple: Couple, author: User, kind: str) -> TallyMark:
    if kind not in dict(TALLY_KINDS):
        raise AppreciateError("Log an appreciation or a complaint.")
    return TallyMark.objects.create(couple=couple, author=author, kind=kind, day=author.today())

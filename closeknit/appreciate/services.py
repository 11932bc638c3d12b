"""Writes for appreciations, the gratitude journal and the tally.

Refusals are `closeknit.lib.errors` kinds; the rules are here, so the page and
the API refuse the same input with the same words.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.appreciate import hints
from closeknit.appreciate.models import (
    PART_MAX,
    REACTIONS,
    TALLY_KINDS,
    Appreciation,
    JournalEntry,
    TallyMark,
)
from closeknit.couples.models import Couple
from closeknit.lib import ratelimit, rules
from closeknit.lib.errors import Forbidden
from closeknit.nudges.notify import notify

JOURNAL_MAX = 5000
# What each part of an appreciation asks for, when it is left empty.
PARTS = {
    "did": "Say what they did: one moment is plenty.",
    "felt": "Say how it affected you.",
    "shows": "Say what it shows about them.",
}


@transaction.atomic
def send_appreciation(
    couple: Couple, author: User, partner: User, *, did: str, felt: str, shows: str
) -> Appreciation:
    ratelimit.check(author, "appreciations")
    too_long = f"Each part can be up to {PART_MAX:,} characters."
    did, felt, shows = (
        rules.text(text, field=part, max_length=PART_MAX, required=ask, too_long=too_long)
        for text, (part, ask) in zip((did, felt, shows), PARTS.items(), strict=True)
    )
    appreciation = Appreciation.objects.create(
        couple=couple, author=author, recipient=partner, did=did, felt=felt, shows=shows
    )
    url = reverse("appreciate:detail", args=[appreciation.id])
    notify(partner, "appreciation", url, key=f"appreciation:{appreciation.id}", partner=author)
    return appreciation


def coach_draft(
    author: User, partner: User, *, did: str, felt: str, shows: str
) -> list[hints.Hint]:
    """The appreciation coach's private hints on a draft, counted against its rate limit."""
    ratelimit.check(author, "appreciation-coach")
    return hints.hints(did, felt, shows, str(partner))


def react(appreciation: Appreciation, user: User, reaction: str) -> None:
    """The recipient's reaction ("" takes it back)."""
    if appreciation.recipient_id != user.id:
        raise Forbidden("Only the person it was sent to can react to it.")
    if reaction:
        message = "Choose one of the reactions."
        rules.choice(reaction, dict(REACTIONS), field="reaction", message=message)
    appreciation.reaction = reaction
    appreciation.reacted_at = timezone.now() if reaction else None
    appreciation.save(update_fields=["reaction", "reacted_at"])


def write_journal(couple: Couple, author: User, text: str) -> JournalEntry:
    too_long = f"An entry can be up to {JOURNAL_MAX:,} characters."
    required = "Write a line or two first."
    text = rules.text(
        text, field="text", max_length=JOURNAL_MAX, required=required, too_long=too_long
    )
    return JournalEntry.objects.create(couple=couple, author=author, text=text)


def log_tally(couple: Couple, author: User, kind: str) -> TallyMark:
    message = "Log an appreciation or a complaint."
    kind = rules.choice(kind, dict(TALLY_KINDS), field="kind", message=message)
    return TallyMark.objects.create(couple=couple, author=author, kind=kind, day=author.today())

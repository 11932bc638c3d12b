"""Writes for the support signal; refusals are `closeknit.lib.errors` kinds."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib import ratelimit, rules
from closeknit.lib.errors import Forbidden
from closeknit.nudges.notify import notify
from closeknit.support.models import NOTE_MAX, SUPPORT_KINDS, SUPPORT_OFFERS, SupportSignal


@transaction.atomic
def send_support(
    couple: Couple, author: User, partner: User, *, kind: str, note: str = ""
) -> SupportSignal:
    ratelimit.check(author, "support")
    kind = rules.choice(
        kind,
        dict(SUPPORT_KINDS),
        field="kind",
        message="Choose the kind of support that would help.",
    )
    signal = SupportSignal.objects.create(
        couple=couple, author=author, kind=kind, note=_note(note)
    )
    url = reverse("support:index")
    notify(partner, "support", url, key=f"support:{signal.id}", partner=author)
    return signal


@transaction.atomic
def answer_support(signal: SupportSignal, responder: User, *, offer: str, note: str = "") -> None:
    """The partner's "I'm here", with what they will do."""
    if signal.author_id == responder.id:
        raise Forbidden("This is your own signal; your partner answers it.")
    offer = rules.choice(
        offer, dict(SUPPORT_OFFERS), field="offer", message="Choose what you will do."
    )
    signal.offer, signal.answer_note, signal.answered_at = offer, _note(note), timezone.now()
    signal.save(update_fields=["offer", "answer_note", "answered_at"])
    url = reverse("support:index")
    notify(
        signal.author,
        "support_answered",
        url,
        key=f"support_answered:{signal.id}:{signal.answered_at.isoformat()}",
        partner=responder,
    )


def _note(note: str) -> str:
    too_long = f"The note can be up to {NOTE_MAX:,} characters."
    return rules.text(note, field="note", max_length=NOTE_MAX, too_long=too_long)


def close_support(signal: SupportSignal, user: User) -> None:
    """The author feels better (or no longer needs it)."""
    if signal.author_id != user.id:
        raise Forbidden("Only the person who asked can close this.")
    if signal.closed_at is None:
        signal.closed_at = timezone.now()
        signal.save(update_fields=["closed_at"])

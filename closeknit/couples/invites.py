"""Pairing: invite a partner by link or short code, accept, unpair."""

import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple, Invite, Membership
from closeknit.couples.purge import KEEP_ENDED
from closeknit.lib import ratelimit
from closeknit.nudges.notify import notify

PENDING_INVITE_SESSION_KEY = "pending_invite"
INVITE_LIFETIME = timedelta(days=7)
# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class PairingError(Exception):
    """Something a person can fix; the message says how."""


def normalize_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def active_membership(user: User) -> Membership | None:
    return (
        Membership.objects.select_related("couple").filter(user=user, left_at__isnull=True).first()
    )


@transaction.atomic
def create_invite(inviter: User) -> Invite:
    """A fresh invite; any earlier unused one stops working."""
    ratelimit.check(inviter, "invites")
    if active_membership(inviter):
        raise PairingError("You're already paired. Unpair first to invite someone new.")
    Invite.objects.filter(inviter=inviter, used_at__isnull=True).delete()
    return Invite.objects.create(
        inviter=inviter,
        token=secrets.token_urlsafe(24),
        code="".join(secrets.choice(CODE_ALPHABET) for _ in range(8)),
        expires_at=timezone.now() + INVITE_LIFETIME,
    )


def open_invite(inviter: User) -> Invite | None:
    return (
        Invite.objects.filter(inviter=inviter, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created")
        .first()
    )


def find_invite_for(seeker: User, *, token: str = "", code: str = "") -> Invite:
    """`find_invite` for a signed-in person: their tries are counted, so codes cannot
    be guessed by the thousand (the page's code box and the API alike)."""
    ratelimit.check(seeker, "invite-accept")
    return find_invite(token=token, code=code)


def find_invite(*, token: str = "", code: str = "") -> Invite:
    """The invite for a link token or a typed code, or a PairingError that says why not."""
    lookup = {"token": token} if token else {"code": normalize_code(code)}
    invite = Invite.objects.select_related("inviter").filter(**lookup).first()
    if invite is None:
        raise PairingError("We couldn't find that invite. Check the code with your partner.")
    _check_usable(invite)
    return invite


def _check_usable(invite: Invite) -> None:
    if invite.used_at:
        raise PairingError("This invite has already been used. Ask for a new one.")
    if invite.is_expired:
        raise PairingError("This invite has expired. Ask your partner to send a new one.")


def check_can_accept(invite: Invite, user: User) -> None:
    """Why `user` cannot take this invite, if they cannot: said before they tap, and
    checked again under the lock when they do."""
    if invite.inviter_id == user.pk:
        raise PairingError("This is your own invite. Send it to your partner instead.")
    if active_membership(user):
        raise PairingError("You're already paired. Unpair first to accept a new invite.")
    if active_membership(invite.inviter):
        raise PairingError(f"{invite.inviter} is already paired with someone else.")


@transaction.atomic
def accept_invite(invite: Invite, user: User) -> Couple:
    """Pair the invite's author with `user`; the invite is spent."""
    # Lock the invite so two people using one code at once cannot both pair.
    invite = Invite.objects.select_for_update().select_related("inviter").get(pk=invite.pk)
    _check_usable(invite)
    check_can_accept(invite, user)
    couple = Couple.objects.create(timezone=invite.inviter.timezone)
    try:
        with transaction.atomic():
            Membership.objects.bulk_create(
                [
                    Membership(couple=couple, user=invite.inviter),
                    Membership(couple=couple, user=user),
                ]
            )
    except IntegrityError as exc:  # the other side paired in the same instant
        raise PairingError("One of you was paired a moment ago. Reload and try again.") from exc
    invite.used_at = timezone.now()
    invite.used_by = user
    invite.save(update_fields=["used_at", "used_by"])
    return couple


@transaction.atomic
def unpair(user: User, how: str = "unpaired") -> Couple | None:
    """End the user's couple for both partners (`how`: "unpaired" or "deleted").

    Nothing is deleted here: each partner can still download what they may
    see until `purge_ended_couples` removes the couple's data. The partner
    left behind is told, in the inbox and on the page they land on.
    """
    membership = active_membership(user)
    if membership is None:
        return None
    now = timezone.now()
    couple = membership.couple
    couple.ended_at, couple.ended_by, couple.ended_how = now, user, how
    couple.save(update_fields=["ended_at", "ended_by", "ended_how"])
    couple.memberships.filter(left_at__isnull=True).update(left_at=now)
    kind = "partner_deleted" if how == "deleted" else "couple_ended"
    for left in couple.memberships.exclude(user=user).select_related("user"):
        notify(left.user, kind, reverse("pair"), key=f"{kind}:{couple.pk}", partner=user)
    return couple


def left_behind(user: User) -> Couple | None:
    """The couple a partner ended for this person, while its shared space can still be read."""
    return (
        Couple.objects.filter(
            memberships__user=user,
            ended_at__gte=timezone.now() - KEEP_ENDED,
        )
        .exclude(ended_by=user)
        .exclude(ended_at=None)
        .order_by("-ended_at")
        .first()
    )

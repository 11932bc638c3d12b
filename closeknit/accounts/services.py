from django.db import transaction

from closeknit.accounts.models import User
from closeknit.couples.invites import unpair
from closeknit.lib.authorship import forget_everything_by


@transaction.atomic
def delete_account(user: User) -> None:
    """Remove the person and everything they wrote; the partner's own words stay.

    The couple ends first, so the partner keeps what they wrote and can
    download it until the shared space is purged. Everything this person
    wrote goes now, in every app (a date they proposed, a joke in the jar);
    a row the partner's words hang from stays, empty of theirs
    (closeknit/lib/authorship.py). The rest is theirs alone and cascades.
    """
    unpair(user, how="deleted")
    forget_everything_by(user)
    user.delete()

from django.db import transaction

from closeknit.accounts.models import User
from closeknit.couples.invites import unpair


@transaction.atomic
def delete_account(user: User) -> None:
    """Remove the person and everything they wrote; the partner's own words stay.

    The couple ends first, so the partner keeps what they wrote and can
    download it; cascades remove this user's rows only.
    """
    unpair(user, how="deleted")
    user.delete()

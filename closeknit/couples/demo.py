"""The demo couple that `closeknit demo` and `make run` create."""

from django.db import transaction

from closeknit.accounts.models import User
from closeknit.couples import invites
from closeknit.couples.models import Couple
from closeknit.lib.features import hooks

DEMO_PASSWORD = "closeknit-demo"
DEMO_PEOPLE = [("ana@example.com", "Ana"), ("ben@example.com", "Ben")]
DEMO_TIMEZONE = "Europe/Lisbon"


@transaction.atomic
def create_demo_couple() -> tuple[Couple, User, User]:
    ana, ben = (
        User.objects.create_user(email, DEMO_PASSWORD, display_name=name, timezone=DEMO_TIMEZONE)
        for email, name in DEMO_PEOPLE
    )
    _mark_verified(ana, ben)
    couple = invites.accept_invite(invites.create_invite(ana), ben)
    for _, module in hooks("demo"):
        module.seed(couple, ana, ben)
    return couple, ana, ben


def _mark_verified(*users: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )

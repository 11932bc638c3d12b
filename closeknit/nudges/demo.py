"""The demo couple hears about things at any hour, so a try-out at night shows e-mails too."""

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.nudges.models import NudgeSettings


def seed(couple: Couple, a: User, b: User) -> None:
    NudgeSettings.objects.bulk_create(
        [NudgeSettings(user=u, quiet_start=None, quiet_end=None) for u in (a, b)]
    )

"""Two rituals for the demo couple, done on a few recent days."""

from datetime import timedelta

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.rituals import services
from closeknit.rituals.models import Ritual


def seed(couple: Couple, a: User, b: User) -> None:
    today = couple.today()
    kiss, bedtime = (
        services.choose_ritual(couple, a, Ritual.objects.get(key=k))
        for k in ["ritual-01", "ritual-02"]
    )
    for n in [1, 2, 4, 5]:
        services.set_ritual_done(couple, kiss, b, today - timedelta(days=n), True)
    services.set_ritual_done(couple, bedtime, a, today - timedelta(days=1), True)

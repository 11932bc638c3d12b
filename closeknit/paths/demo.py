"""The demo couple is on a path: week 1 of "Both true" behind them, week 2 under way."""

from datetime import timedelta

from django.utils import timezone

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.paths.models import Path, PathRun, Reflection, RunWeek

DEMO_PATH = "both-true"


def seed(couple: Couple, a: User, b: User) -> None:
    path = Path.objects.filter(key=DEMO_PATH).first()
    if path is None:
        return
    today = couple.today()
    started = timezone.now() - timedelta(days=9)
    run = PathRun.objects.create(
        couple=couple,
        path=path,
        proposed_by=a,
        accepted_by=b,
        status=PathRun.Status.ACTIVE,
        created=started - timedelta(hours=20),
        accepted_at=started,
    )
    first = RunWeek.objects.create(
        couple=couple,
        run=run,
        number=1,
        status=RunWeek.Status.DONE,
        started_on=today - timedelta(days=9),
        ended_on=today - timedelta(days=2),
    )
    RunWeek.objects.create(couple=couple, run=run, number=2, started_on=today - timedelta(days=2))
    for author, (understood, validated, cared), note in [
        (a, (5, 6, 6), "I caught three of my “buts”. Funny how often they sneak in."),
        (b, (5, 5, 6), "Felt listened to on Thursday."),
    ]:
        Reflection.objects.create(
            couple=couple,
            week=first,
            author=author,
            understood=understood,
            validated=validated,
            cared=cared,
            note=note,
        )

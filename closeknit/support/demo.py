"""One support signal for the demo couple, from a busy stretch six weeks ago, answered."""

from datetime import datetime, time, timedelta

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib.weeks import week_start
from closeknit.support.models import SupportSignal


def seed(couple: Couple, a: User, b: User) -> None:
    # The Wednesday of the week the demo's check-ins dip (see checkin/demo.py).
    day = week_start(couple.today()) - timedelta(weeks=6) + timedelta(days=2)
    when = datetime.combine(day, time(20, 30), tzinfo=couple.tz)
    SupportSignal.objects.create(
        couple=couple,
        author=a,
        kind="listen",
        created=when,
        note="Rough day at work. Could we talk tonight?",
        offer="listen",
        answer_note="Tea's on. I'm all yours after eight.",
        answered_at=when + timedelta(minutes=25),
        closed_at=when + timedelta(hours=20),
    )

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_q.models import Schedule

SCHEDULES = [
    # name, function, every N minutes
    ("closeknit: reminders and deliveries", "closeknit.nudges.tasks.sweep", 1),
    (
        "closeknit: delete ended couples after 30 days",
        "closeknit.couples.purge.purge_ended_couples",
        60 * 24,
    ),
]


class Command(BaseCommand):
    help = "Run the background worker and scheduler (reminders, e-mail, push)."

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_schedules()
        call_command("qcluster")


def ensure_schedules() -> None:
    """The recurring jobs exist exactly once, however many workers start."""
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": func,
                "schedule_type": Schedule.MINUTES,
                "minutes": minutes,
                "repeats": -1,
            },
        )

"""What the worker runs on a schedule (see the `worker` command)."""

from django.utils import timezone

from closeknit.nudges import delivery, schedule


def sweep() -> dict[str, int]:
    """Every minute: due reminders, due deliveries, digests, and claims left by dead workers."""
    now = timezone.now()
    return {
        "reminders": schedule.run_reminders(now),
        "sent": delivery.send_due(now),
        "digests": delivery.send_digests(now),
        "stuck": delivery.release_stuck(now),
    }

from typing import Any

from django.core.management.base import BaseCommand

from closeknit.couples.purge import purge_ended_couples


class Command(BaseCommand):
    help = "Delete the shared space of couples who unpaired more than 30 days ago."

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_ended_couples()
        self.stdout.write(f"Deleted {count} ended couple{'s' if count != 1 else ''}.")

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from closeknit.accounts.models import User
from closeknit.couples.demo import DEMO_PASSWORD, DEMO_PEOPLE, create_demo_couple


class Command(BaseCommand):
    help = "Create a demo couple (Ana and Ben) with a little shared history."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="only when the database has no users yet"
        )
        parser.add_argument("--url", default=settings.SITE_URL)

    def handle(self, *args: Any, if_empty: bool, url: str, **options: Any) -> None:
        emails = [email for email, _ in DEMO_PEOPLE]
        if User.objects.filter(email__in=emails).exists():
            if not if_empty:
                raise CommandError("The demo couple exists already.")
        elif not (if_empty and User.objects.exists()):
            create_demo_couple()
        if User.objects.filter(email__in=emails).exists():
            self._print_logins(url)

    def _print_logins(self, url: str) -> None:
        self.stdout.write(self.style.SUCCESS(f"\nCloseknit demo: open {url} and log in as"))
        for email, name in DEMO_PEOPLE:
            self.stdout.write(f"  {name:<4} {email} / {DEMO_PASSWORD}")
        self.stdout.write("Use a second browser or a private window to be the other partner.\n")

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from closeknit.lib.features import hooks


class Command(BaseCommand):
    help = "Load or update the product's content (prompts, ideas, items) from the data files."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, module in hooks("content"):
            module.load(apps)
            self.stdout.write(f"{name}: loaded")

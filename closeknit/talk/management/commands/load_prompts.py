from typing import Any

from django.core.management.base import BaseCommand

from closeknit.talk.library import load_library
from closeknit.talk.models import Prompt


class Command(BaseCommand):
    help = "Load or update the prompt library from closeknit/talk/data/prompts.csv."

    def handle(self, *args: Any, **options: Any) -> None:
        count = load_library(Prompt)
        self.stdout.write(f"{count} library prompts loaded.")

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from closeknit.lib.fields import EncryptedTextField, _fernet, fernet


class Command(BaseCommand):
    help = (
        "Re-encrypt intimate text with the newest key. With --new-key, first add a "
        "fresh key to the key file. Old keys can be removed once this has run."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--new-key", action="store_true", help="generate and add a new key")

    def handle(self, *args: Any, new_key: bool, **options: Any) -> None:
        if new_key:
            self._add_key()
        total = sum(self._rotate(model, fields) for model, fields in encrypted_fields())
        self.stdout.write(f"Re-encrypted {total} values with the newest key.")

    def _add_key(self) -> None:
        path = Path(settings.ENCRYPTION_KEYS_FILE)
        if not path.exists() or settings.ENCRYPTION_KEYS[0] not in path.read_text():
            raise CommandError(
                "The keys come from ENCRYPTION_KEYS: put a new key (Fernet.generate_key()) "
                "first in that list, then run this command without --new-key."
            )
        key = Fernet.generate_key().decode()
        path.write_text(key + "\n" + path.read_text())
        settings.ENCRYPTION_KEYS = [key, *settings.ENCRYPTION_KEYS]
        _fernet.cache_clear()
        self.stdout.write(f"Added a new key to {path}.")

    def _rotate(self, model: Any, fields: list[str]) -> int:
        count = 0
        with transaction.atomic():
            for obj in model._default_manager.select_for_update().only("pk", *fields).iterator():
                obj.save(update_fields=fields)  # saving encrypts with the first key
                count += 1
        fernet()  # keep the cache warm for the caller
        return count


def encrypted_fields() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found

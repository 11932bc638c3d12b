"""Encryption at rest for intimate free text.

Answers, replies, journal entries and the like are stored as Fernet tokens
(AES-128-CBC with HMAC, from `cryptography`), keyed by settings.ENCRYPTION_KEYS.
A database dump or backup alone reveals none of them.

Keys rotate on a live site: `closeknit rotate_keys` replaces the key file in
one rename, and every running process (app or worker) takes up the new file
the next time it encrypts, or when a token does not open with the keys it
holds. No restart, no request that fails in between.
"""

import logging
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.db.models import Lookup

from closeknit.lib import files

log = logging.getLogger(__name__)


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """The current keys: the first encrypts, all of them decrypt."""
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def reload_keys() -> bool:
    """Take up the key file again when another process changed it; True when the keys changed.

    Only when the keys came from the file (not ENCRYPTION_KEYS): a process
    cannot see another's environment change. A file that holds no valid keys
    (an operator's mistake) is left aside, so the keys held keep working.
    """
    path = Path(settings.ENCRYPTION_KEYS_FILE)
    if not settings.ENCRYPTION_KEYS_FROM_FILE or not files.changed(path):
        return False
    keys = files.key_lines(files.read_tracked(path))
    try:
        _fernet(tuple(keys))
    except (ValueError, TypeError):
        log.error("%s holds no valid Fernet keys; keeping the keys already loaded.", path)
        return False
    if keys == list(settings.ENCRYPTION_KEYS):
        return False
    settings.ENCRYPTION_KEYS = keys
    log.info("Encryption keys reloaded from %s (%d keys).", path, len(keys))
    return True


def encrypt(text: str) -> str:
    # A rotation may have put a newer key first since: write with it, so
    # nothing new is left under a key that is about to be retired.
    reload_keys()
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        # Written under a key this process has not loaded yet (a rotation
        # since it started): read the key file again and try once more.
        if not reload_keys():
            raise
        return fernet().decrypt(token.encode()).decode()


class EncryptedTextField(models.TextField[str, str]):
    """A TextField whose value is encrypted in the database.

    Ciphertext differs on every save, so the database cannot filter or sort by
    these fields; only `isnull` lookups are allowed, and searching happens in
    Python after the couple-scoped query.
    """

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return None if value is None else encrypt(value)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def get_lookup(self, lookup_name: str) -> type[Lookup[Any]] | None:
        if lookup_name != "isnull":
            raise TypeError(f"Encrypted fields cannot be filtered with '{lookup_name}'.")
        return super().get_lookup(lookup_name)

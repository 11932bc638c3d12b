"""Encryption at rest for intimate free text.

Answers, replies, journal entries and the like are stored as Fernet tokens
(AES-128-CBC with HMAC, from `cryptography`), keyed by settings.ENCRYPTION_KEYS.
A database dump or backup alone reveals none of them.
"""

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models
from django.db.models import Lookup


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """The current keys: the first encrypts, all of them decrypt."""
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()


class EncryptedTextField(models.TextField):
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

    def get_lookup(self, lookup_name: str) -> type[Lookup] | None:
        if lookup_name != "isnull":
            raise TypeError(f"Encrypted fields cannot be filtered with '{lookup_name}'.")
        return super().get_lookup(lookup_name)

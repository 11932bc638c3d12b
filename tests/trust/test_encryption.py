"""Intimate text is encrypted at rest, and the keys can be rotated.

The demo couple (every feature's demo history) plus one object of every model
fills the database; then every text column of every table is read with raw
SQL, as a stolen backup would be, and must not hold any of the words that
the encrypted fields hold.
"""

import ast
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings

from closeknit.couples.demo import create_demo_couple
from closeknit.lib.fields import EncryptedTextField
from closeknit.lib.management.commands.rotate_keys import encrypted_fields
from tests.trust import world

pytestmark = pytest.mark.django_db

TEXT_TYPES = {"CharField", "TextField", "JSONField", "SlugField", "EmailField", "URLField"}
# Shorter values ("yes", "maybe", a one-word note) also occur in ordinary
# columns by chance; each is still checked to be ciphertext in its own column.
SEARCHABLE = 12


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[world.Built]:
    with django_db_blocker.unblock(), transaction.atomic():
        couple, ana, ben = create_demo_couple()
        # Models the demo leaves empty get one object each, so every field is checked.
        yield world.build_world(couple, (ana, ben), "zqdemo")
        transaction.set_rollback(True)


def plaintexts() -> dict[tuple[str, str], dict[Any, str]]:
    """Every encrypted value, read through the ORM (decrypted): {(table, column): {pk: text}}."""
    found: dict[tuple[str, str], dict[Any, str]] = {}
    for model, names in encrypted_fields():
        for name in names:
            f = model._meta.get_field(name)
            values = model._default_manager.values_list("pk", name)
            found[(model._meta.label, f.column)] = {pk: v for pk, v in values if v}
    return found


def raw_column(label: str, column: str) -> dict[Any, str]:
    """{pk: the column's raw value} with plain SQL, as a backup holds it."""
    model = apps.get_model(label)
    pk = model._meta.pk
    quote = connection.ops.quote_name
    sql = f"SELECT {quote(pk.column)}, {quote(column)} FROM {quote(model._meta.db_table)}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {pk.to_python(key): v for key, v in cursor.fetchall()}


def text_columns() -> Iterator[tuple[str, str]]:
    """(table, column) for every text-like column of every table in the database."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for col in connection.introspection.get_table_description(cursor, table):
                kind = connection.introspection.get_field_type(col.type_code, col)
                if kind in TEXT_TYPES:
                    yield table, col.name


def all_text(table: str, column: str) -> list[str]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(column)} FROM {quote(table)}")
        return [str(v) for (v,) in cursor.fetchall() if v is not None]


def test_it_encrypts_every_intimate_field(demo: world.Built) -> None:
    """Every value of every EncryptedTextField is a Fernet token of it in its own column."""
    keys = MultiFernet([Fernet(k) for k in _settings_keys()])
    checked = 0
    for (label, column), values in plaintexts().items():
        raw = raw_column(label, column)
        for pk, text in values.items():
            assert raw[pk] != text and text not in raw[pk], f"{label}.{column} is plaintext"
            assert keys.decrypt(raw[pk].encode()).decode() == text
            checked += 1
    assert checked > 50, "the demo and the builder should fill every encrypted field"


def test_it_keeps_no_intimate_words_anywhere_in_the_database(demo: world.Built) -> None:
    """Not in their own columns, and not copied into any other column of any table."""
    secrets = {
        text for values in plaintexts().values() for text in values.values()
    } | demo_phrases_in_encrypted_fields()
    secrets = {s for s in secrets if len(s) >= SEARCHABLE}
    assert len(secrets) > 30
    found = []
    for table, column in text_columns():
        for value in all_text(table, column):
            found += [f"{table}.{column}: {s[:40]!r}" for s in secrets if s in value]
    assert not found, "plaintext at rest:\n" + "\n".join(sorted(set(found)))


def demo_phrases_in_encrypted_fields() -> set[str]:
    """Every demo.py's string literals (over 25 characters) that ended up in an encrypted field."""
    stored = " ".join(t for values in plaintexts().values() for t in values.values())
    phrases = set()
    for path in Path(__file__).resolve().parents[2].glob("closeknit/*/demo.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and len(value) > 25 and value in stored:
                phrases.add(value)
    return phrases


def test_it_finds_the_demo_phrases(demo: world.Built) -> None:
    """The demo's own words are among what is checked (the check above is not empty-handed)."""
    assert len(demo_phrases_in_encrypted_fields()) >= 10


# --- key rotation ----------------------------------------------------------------------


def _settings_keys() -> list[bytes]:
    from django.conf import settings

    return [k.encode() for k in settings.ENCRYPTION_KEYS]


def ciphertexts() -> dict[tuple[str, str, Any], str]:
    out = {}
    for model, names in encrypted_fields():
        for name in names:
            column = model._meta.get_field(name).column
            for pk, raw in raw_column(model._meta.label, column).items():
                if raw is not None:
                    out[(model._meta.label, column, pk)] = raw
    return out


def start_with_one_key(key: str) -> None:
    """Re-encrypt everything under `key` alone (the state of a fresh install)."""
    from django.conf import settings

    with override_settings(ENCRYPTION_KEYS=[key, *settings.ENCRYPTION_KEYS]):
        call_command("rotate_keys", stdout=_Sink())


def test_it_rotates_to_a_new_key_from_the_key_file(demo: world.Built, tmp_path: Path) -> None:
    old = Fernet.generate_key().decode()
    start_with_one_key(old)
    key_file = tmp_path / "encryption_keys"
    key_file.write_text(old + "\n")
    with override_settings(ENCRYPTION_KEYS=[old], ENCRYPTION_KEYS_FILE=key_file):
        readable = plaintexts()
        before = ciphertexts()
        call_command("rotate_keys", new_key=True, stdout=_Sink())
        keys = key_file.read_text().split()
        assert len(keys) == 2 and keys[1] == old, "the new key goes first, the old one stays"
        after = ciphertexts()
        assert plaintexts() == readable, "every value still reads the same"
    new = keys[0]
    assert before.keys() == after.keys() and len(after) > 50
    for where, raw in after.items():
        assert raw != before[where], f"{where} was not re-encrypted"
        Fernet(new.encode()).decrypt(raw.encode())  # the new key alone reads it
        with pytest.raises(InvalidToken):
            MultiFernet([Fernet(old.encode())]).decrypt(raw.encode())


def test_it_rotates_to_keys_from_the_environment(demo: world.Built, tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    start_with_one_key(old)
    no_file = tmp_path / "none"
    with override_settings(ENCRYPTION_KEYS=[old], ENCRYPTION_KEYS_FILE=no_file):
        readable = plaintexts()
    # The operator puts a new key first in ENCRYPTION_KEYS, keeping the old one.
    with override_settings(ENCRYPTION_KEYS=[new, old], ENCRYPTION_KEYS_FILE=no_file):
        call_command("rotate_keys", stdout=_Sink())
    with override_settings(ENCRYPTION_KEYS=[new], ENCRYPTION_KEYS_FILE=no_file):
        assert plaintexts() == readable, "the old key can be dropped after rotating"
        with pytest.raises(CommandError, match="ENCRYPTION_KEYS"):
            call_command("rotate_keys", new_key=True, stdout=_Sink())
    with (
        override_settings(ENCRYPTION_KEYS=[old], ENCRYPTION_KEYS_FILE=no_file),
        pytest.raises(InvalidToken),
    ):
        plaintexts()


def _Sink() -> io.StringIO:
    return io.StringIO()


def test_every_encrypted_field_is_an_encrypted_text_field() -> None:
    """The rotation command finds the fields the same way the field class defines them."""
    found = {(m, n) for m, names in encrypted_fields() for n in names}
    assert found
    for model, name in found:
        assert isinstance(model._meta.get_field(name), EncryptedTextField)

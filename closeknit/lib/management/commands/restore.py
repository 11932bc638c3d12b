"""`closeknit restore FILE [--keys KEYFILE]`: a backup back into an empty installation.

Everything that can be wrong with the input is found before anything changes:
a missing or foreign file, a backup of the other database engine, keys that
do not open every encrypted value of the backup, an installation that holds
people's data already (restore never overwrites it). Then the backup's keys
join the key file and the database is restored in one transaction.
"""

import itertools
import sqlite3
import subprocess
import tempfile
from argparse import ArgumentParser
from collections.abc import Iterable
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, models

from closeknit.accounts.models import User
from closeknit.couples.models import Couple
from closeknit.lib.fields import reload_keys
from closeknit.lib.management.commands import backup
from closeknit.lib.management.commands.rotate_keys import change_key_file


class Command(BaseCommand):
    help = (
        "Restore a backup made with `closeknit backup` into an empty installation; "
        "the keys come from FILE.keys unless --keys names another file."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the backup")
        parser.add_argument("--keys", type=Path, help="its keys file (default: FILE.keys)")

    def handle(self, *args: Any, file: Path, keys: Path | None, **options: Any) -> None:
        kind = backup.backup_format(file)
        if kind != backup.engine():
            names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
            raise CommandError(
                f"{file} is a {names[kind]} backup and this installation uses "
                f"{names[backup.engine()]}: restore it into an installation of the same kind."
            )
        keys = keys or backup.keys_file_for(file)
        backup_keys = backup.read_keys(keys)
        checked = require_readable(file, kind, backup_keys, keys)
        from_file = settings.ENCRYPTION_KEYS_FROM_FILE
        if not from_file:
            require_environment_keys(file, kind)
        refuse_unless_empty()
        if from_file:
            add_keys(backup_keys)
        (restore_sqlite if kind == "sqlite" else restore_postgres)(file)
        self.stdout.write(
            f"Restored {file}: {checked} encrypted values, all readable with the keys of {keys}."
        )
        self.stdout.write("Start Closeknit as usual: `closeknit serve` applies newer migrations.")


def require_readable(file: Path, kind: str, keys: list[str], named: Path) -> int:
    checked, unreadable = backup.count_unreadable(file, kind, keys)
    if unreadable:
        raise CommandError(
            f"The keys in {named} do not open {unreadable} of the {checked} encrypted values "
            f"in {file}: use the keys file written with this backup. Nothing was changed."
        )
    return checked


def holdings() -> dict[str, int]:
    """{model: rows} of people's data already here: accounts, couples, anything of theirs."""
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError as exc:
        raise CommandError(f"Cannot reach the database: {exc}".strip()) from None
    found = {}
    for model in apps.get_models():
        if model._meta.db_table in tables and (rows := personal_rows(model).count()):
            found[model._meta.label] = rows
    return found


def personal_rows(model: type[models.Model]) -> models.QuerySet[Any]:
    """The rows of `model` that are someone's: an account or couple, or a row linked to one
    (a prompt of the shared library, with no couple, is nobody's)."""
    people = (User, Couple)
    if model in people:
        return model._default_manager.all()
    links = models.Q()
    for f in model._meta.concrete_fields:
        if f.is_relation and f.related_model in people:
            links |= models.Q(**{f"{f.name}__isnull": False})
    return model._default_manager.filter(links) if links else model._default_manager.none()


def refuse_unless_empty() -> None:
    if found := holdings():
        accounts = found.get(User._meta.label, 0)
        rows = sum(found.values())
        raise CommandError(
            f"This installation already holds people's data ({accounts} accounts, {rows} "
            "rows in all): restore only into an empty one (a new DATA_DIR, or a new, empty "
            "database). Nothing was changed."
        )


def add_keys(keys: list[str]) -> None:
    """The backup's keys first in the key file, the installation's own kept after them."""
    reload_keys()
    change_key_file(lambda held: [*keys, *(k for k in held if k not in keys)])


def require_environment_keys(file: Path, kind: str) -> None:
    """With ENCRYPTION_KEYS, which no command can change for running processes, those keys
    must open the backup themselves."""
    if backup.count_unreadable(file, kind, list(settings.ENCRYPTION_KEYS))[1]:
        raise CommandError(
            "The keys come from ENCRYPTION_KEYS, and they do not open this backup: put the "
            "backup's keys in ENCRYPTION_KEYS (comma-separated), then run again. "
            "Nothing was changed."
        )


def restore_sqlite(file: Path) -> None:
    connection.close()
    source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    with closing(source), closing(sqlite3.connect(settings.DATABASES["default"]["NAME"])) as db:
        source.backup(db)  # replaces the whole database in one transaction
        db.execute("PRAGMA journal_mode=WAL")


def restore_postgres(file: Path) -> None:
    """Drop the empty installation's tables and load the backup in one transaction, committed
    only after pg_restore has read the whole archive; psql stops at the first error, and an
    open transaction is rolled back when psql ends."""
    quote = connection.ops.quote_name
    # Only Closeknit's own tables: the database may hold other software's too.
    ours = {*connection.introspection.django_table_names(), "django_migrations"}
    tables = sorted(ours & set(connection.introspection.table_names()))
    connection.close()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        psql = backup.start_tool(
            "psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-", errors=errors
        )
        drops = (f"DROP TABLE IF EXISTS {quote(t)} CASCADE;" for t in tables)
        archive = backup.tool_lines(
            "pg_restore", "--no-owner", "--no-privileges", "--file=-", str(file)
        )
        try:
            # COMMIT follows the archive's last line: a failing pg_restore commits nothing.
            _feed(psql, itertools.chain(["BEGIN;"], drops, archive, ["COMMIT;"]))
        except BrokenPipeError:
            pass  # psql stopped at an error, reported below
        finally:
            with suppress(BrokenPipeError):
                psql.stdin.close()  # type: ignore[union-attr]
            psql.wait()
        if psql.returncode:
            errors.seek(0)
            raise CommandError(
                f"psql failed: {backup.first_error(errors.read())}. The database was not changed."
            )


def _feed(psql: subprocess.Popen[str], lines: Iterable[str]) -> None:
    assert psql.stdin is not None
    for line in lines:
        psql.stdin.write(line + "\n")

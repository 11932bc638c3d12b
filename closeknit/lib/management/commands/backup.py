"""`closeknit backup FILE`: a consistent copy of the database, and its keys in FILE.keys.

SQLite is copied with its online backup API (one consistent snapshot while the
app keeps running), PostgreSQL with `pg_dump` (custom format, one snapshot).
The keys go to a separate file because the backup alone is ciphertext, and
the backup with its keys is everything anyone ever wrote here. Both files are
written under temporary names and renamed into place only once the backup has
been read back with the keys, so a failed run never replaces a good backup.

The helpers below are shared with `closeknit restore`.
"""

import os
import re
import sqlite3
import subprocess
import tempfile
import textwrap
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from closeknit.lib import files
from closeknit.lib.fields import reload_keys
from closeknit.lib.management.commands.rotate_keys import encrypted_fields

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
WARNING = (
    "Whoever holds this file AND the backup can read every answer, journal entry, "
    "appreciation and private-list answer in it. Keep the two apart: the keys on another "
    "disk, in a password manager or a safe; never next to the backup."
)


class Command(BaseCommand):
    help = (
        "Back up the database to FILE (consistent while Closeknit runs) and its encryption "
        "keys to FILE.keys. Keep the two files apart."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="where to write the backup")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        file = file.expanduser().resolve()
        if not file.parent.is_dir():
            raise CommandError(f"{file.parent} is not a directory.")
        reload_keys()  # a rotation may have happened since this process started
        keys = list(settings.ENCRYPTION_KEYS)
        with temporary_beside(file) as dump:
            (dump_sqlite if engine() == "sqlite" else dump_postgres)(dump)
            checked, unreadable = count_unreadable(dump, engine(), keys)
            files.replace(keys_file_for(file), keys_text(file, keys))
            os.replace(dump, file)
        self.stdout.write(f"Backed up the database to {file}.")
        self.stdout.write(f"Its encryption keys are in {keys_file_for(file)}.")
        self.stdout.write(self.style.WARNING(f"WARNING: {WARNING}"))
        if unreadable:
            raise CommandError(
                f"{unreadable} of {checked} encrypted values open with none of the keys: they "
                "were unreadable in the database already. The backup holds them as they are."
            )
        self.stdout.write(f"Checked: all {checked} encrypted values read with these keys.")


# --- writing ---------------------------------------------------------------------------


@contextmanager
def temporary_beside(file: Path) -> Iterator[Path]:
    """A temporary file in FILE's directory (so a rename moves it into place), removed unless
    it was renamed."""
    fd, name = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    os.close(fd)
    try:
        yield Path(name)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(name)


def dump_sqlite(target: Path) -> None:
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    with closing(source), closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # all pages in one step: one consistent snapshot
        # One self-contained file, with no -wal beside it to lose.
        copy.execute("PRAGMA journal_mode=DELETE")


def dump_postgres(target: Path) -> None:
    tool("pg_dump", "--format=custom", f"--file={target}")


def keys_file_for(backup: Path) -> Path:
    return backup.with_name(backup.name + ".keys")


def keys_text(backup: Path, keys: list[str]) -> str:
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = [
        f"Closeknit encryption keys for the backup {backup.name}, made {made}.",
        "",
        *textwrap.wrap(f"WARNING: {WARNING}", 76),
        "",
        f"Restore with: closeknit restore {backup.name} --keys {keys_file_for(backup).name}",
        "Newest key first, one a line.",
    ]
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header)
    return comments + "".join(f"{key}\n" for key in keys)


# --- reading a backup ------------------------------------------------------------------


def engine() -> str:
    """'sqlite' or 'postgresql': the database this installation uses."""
    name = settings.DATABASES["default"]["ENGINE"]
    if name.endswith("sqlite3"):
        return "sqlite"
    if name.endswith("postgresql"):
        return "postgresql"
    raise CommandError(f"Backups cover SQLite and PostgreSQL, not {name}.")


def backup_format(path: Path) -> str:
    """'sqlite' or 'postgresql' by the file's first bytes, or a CommandError."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise CommandError(f"There is no backup at {path}.") from None
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise CommandError(
        f"{path} is not a Closeknit backup (neither a SQLite database nor a pg_dump archive)."
    )


def read_keys(path: Path) -> list[str]:
    """The Fernet keys of a keys file (a backup's FILE.keys or an ENCRYPTION_KEYS_FILE)."""
    try:
        keys = files.key_lines(path.read_text())
    except FileNotFoundError:
        raise CommandError(f"There is no keys file at {path}: name it with --keys.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read the keys file {path}: {exc}.") from None
    try:
        MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError:
        raise CommandError(f"{path} holds something that is not an encryption key.") from None
    return keys


def encrypted_columns() -> dict[str, list[str]]:
    """{table: [column, ...]} of every encrypted field."""
    return {
        model._meta.db_table: [model._meta.get_field(name).column for name in names]
        for model, names in encrypted_fields()
    }


def count_unreadable(path: Path, kind: str, keys: list[str]) -> tuple[int, int]:
    """(encrypted values in the backup, how many of them none of `keys` opens)."""
    fernet = MultiFernet([Fernet(key.encode()) for key in keys])
    checked = unreadable = 0
    values = sqlite_values(path) if kind == "sqlite" else postgres_values(path)
    for token in values:
        checked += 1
        try:
            fernet.decrypt(token.encode())
        except InvalidToken:
            unreadable += 1
    return checked, unreadable


def sqlite_values(path: Path) -> Iterator[str]:
    """Every encrypted value in a SQLite backup (tables or columns it lacks are skipped: an
    older version's backup)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if "accounts_user" not in tables:
                raise CommandError(f"{path} is a SQLite database, but not Closeknit's.")
            for table, columns in encrypted_columns().items():
                if table in tables:
                    yield from _sqlite_column_values(db, table, columns)
    except sqlite3.DatabaseError as exc:
        raise CommandError(f"{path} is damaged: {exc}.") from None


def _sqlite_column_values(db: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[str]:
    present = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
    for column in (c for c in columns if c in present):
        query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
        yield from (value for (value,) in db.execute(query))


COPY = re.compile(r'^COPY [\w"]+\."?(?P<table>[^"\s]+)"? \((?P<columns>.*)\) FROM stdin;$')


def postgres_values(path: Path) -> Iterator[str]:
    """Every encrypted value in a pg_dump archive, read from pg_restore's COPY text."""
    wanted = encrypted_columns()
    picks: list[int] | None = None
    for line in tool_lines("pg_restore", "--data-only", "--file=-", str(path)):
        if picks is None:
            if match := COPY.match(line):
                names = [n.strip().strip('"') for n in match["columns"].split(",")]
                table = wanted.get(match["table"], [])
                picks = [names.index(c) for c in table if c in names]
        elif line == "\\.":
            picks = None
        else:
            row = line.split("\t")
            # Fernet tokens are url-safe base64: COPY never escapes them; \N is NULL.
            yield from (row[i] for i in picks if row[i] != "\\N")


# --- PostgreSQL's tools ----------------------------------------------------------------


def pg_environment() -> dict[str, str]:
    """The connection of the default database, for pg_dump, pg_restore and psql."""
    db = settings.DATABASES["default"]
    env = dict(os.environ, PGCLIENTENCODING="UTF8")
    for var, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if db.get(key):
            env[var] = str(db[key])
    if sslmode := db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return env


def tool(*argv: str) -> None:
    """Run one of PostgreSQL's tools to its end; its first error line as a CommandError."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        process = start_tool(*argv, errors=errors, stdin=subprocess.DEVNULL)
        if process.wait():
            errors.seek(0)
            raise CommandError(f"{argv[0]} failed: {first_error(errors.read())}")


def tool_lines(*argv: str) -> Iterator[str]:
    """A tool's standard output, line by line, as it comes; a CommandError if it fails."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        process = start_tool(*argv, errors=errors, stdout=subprocess.PIPE)
        assert process.stdout is not None
        with process:
            for line in process.stdout:
                yield line.rstrip("\n")
        if process.returncode:
            errors.seek(0)
            raise CommandError(f"{argv[0]} failed: {first_error(errors.read())}")


def start_tool(*argv: str, errors: IO[str], **streams: Any) -> "subprocess.Popen[str]":
    """One of PostgreSQL's tools on the default database, talking UTF-8 whatever the locale.

    Its standard input is a pipe and its output goes nowhere unless `streams` say otherwise.
    """
    streams = {"stdin": subprocess.PIPE, "stdout": subprocess.DEVNULL} | streams
    try:
        return subprocess.Popen(
            argv, env=pg_environment(), stderr=errors, text=True, encoding="utf-8", **streams
        )
    except FileNotFoundError:
        raise CommandError(missing_tool(argv[0])) from None


def missing_tool(name: str) -> str:
    return (
        f"{name} is not installed: install PostgreSQL's client tools "
        "(Debian: apt-get install postgresql-client), as new as the server."
    )


def first_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return (errors or lines or ["no message"])[0].strip()

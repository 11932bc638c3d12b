"""Real Closeknit installations for the host-operations tests: a data directory, an empty
database of the engine the suite runs on (SQLite, or PostgreSQL when DATABASE_URL is set),
and the `closeknit` command run in subprocesses against them, as a host runs it.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings

from closeknit.lib import files

REPO = Path(__file__).resolve().parents[2]
# The suite's own settings, never meant for the installations the tests make.
UNSHARED = (
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "ENCRYPTION_KEYS",
    "ENCRYPTION_KEYS_FILE",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "REDIS_URL",
    "SITE_URL",
    "HOST",
    "PORT",
)


@dataclass
class Site:
    """One installation: its data directory and its database."""

    data_dir: Path
    database_url: str

    @property
    def key_file(self) -> Path:
        return self.data_dir / "encryption_keys"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in UNSHARED}
        env |= {
            "DJANGO_SETTINGS_MODULE": "closeknit.settings",
            "DATA_DIR": str(self.data_dir),
            "DATABASE_URL": self.database_url,
            "PYTHONUNBUFFERED": "1",
        }
        return env | extra

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        """`closeknit ARGS` to its end."""
        return subprocess.run(
            [sys.executable, "-m", "closeknit.cli", *args],
            cwd=REPO,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def probe(self, *args: str) -> str:
        """tests/ops/probe.py in this installation; its standard output."""
        done = subprocess.run(
            [sys.executable, "-m", "tests.ops.probe", *args],
            cwd=REPO,
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self, *args: str, **extra: str) -> subprocess.Popen[str]:
        """`closeknit ARGS` in the background, in its own process group (to stop all of it)."""
        return self._start("closeknit.cli", *args, **extra)

    def start_probe(self, *args: str) -> subprocess.Popen[str]:
        return self._start("tests.ops.probe", *args)

    def _start(self, module: str, *args: str, **extra: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", module, *args],
            cwd=REPO,
            env=self.env(**extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )


def key_lines(path: Path) -> list[str]:
    return files.key_lines(path.read_text())


def postgres() -> bool:
    return bool(settings.DATABASES["default"]["ENGINE"].endswith("postgresql"))


@contextmanager
def empty_database(folder: Path) -> Iterator[str]:
    """The DATABASE_URL of a new, empty database, dropped afterwards."""
    if not postgres():
        yield f"sqlite:///{folder / 'closeknit.sqlite3'}"
        return
    name = f"closeknit_ops_{secrets.token_hex(6)}"
    _admin(f'CREATE DATABASE "{name}"')
    try:
        yield _postgres_url(name)
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_url(name: str) -> str:
    s = settings.DATABASES["default"]
    auth = quote(s["USER"] or "postgres", safe="")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"], safe="")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _admin(sql: str) -> None:
    """One statement outside any transaction (CREATE and DROP DATABASE need that)."""
    import psycopg

    s = settings.DATABASES["default"]
    with psycopg.connect(
        dbname="postgres",
        user=s["USER"] or "postgres",
        password=s.get("PASSWORD") or None,
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        autocommit=True,
    ) as conn:
        conn.execute(sql)


@contextmanager
def site(folder: Path) -> Iterator[Site]:
    """A fresh installation in `folder` (created), migrated, with nothing in it yet."""
    folder.mkdir(parents=True, exist_ok=True)
    with empty_database(folder) as url:
        made = Site(folder, url)
        done = made.run("migrate", "--noinput", "-v0")
        assert done.returncode == 0, done.stderr
        yield made


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[str], wait: float = 180.0) -> None:
    """Until `url` answers; fails at once when the process has died."""
    deadline = time.monotonic() + wait
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            if process.poll() is not None:
                raise AssertionError(f"exited with {process.returncode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def stop(process: subprocess.Popen[str], wait: float = 60.0) -> tuple[str, str]:
    """SIGTERM to the process (as a supervisor stops a service), then SIGKILL to whatever
    is left of its process group; its output."""
    with suppress(ProcessLookupError):
        process.terminate()
    try:
        out, err = process.communicate(timeout=wait)
    except subprocess.TimeoutExpired:
        _signal_group(process, signal.SIGKILL)
        return process.communicate(timeout=30)
    _signal_group(process, signal.SIGKILL)  # whatever of the group outlived its leader
    return out, err


def _signal_group(process: subprocess.Popen[Any], sig: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, sig)

"""A whole Closeknit on loopback, for the load test, the fault test and the benchmarks.

A fresh PostgreSQL database, a Redis database of its own, `closeknit serve`
(gunicorn) and `closeknit worker` processes started the way production starts
them, and simulated couples with a little history, each with an API token
and a signed-in browser session.

Only processes this module started are ever stopped or killed, by their ids.
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("LOAD_REDIS", "redis://127.0.0.1:6379")
PASSWORD = "load-test-password"


def log(*parts: object) -> None:
    print(*parts, flush=True)


# --- databases -------------------------------------------------------------------------


def fresh_database(name: str) -> str:
    """Drop and create a PostgreSQL database; returns its URL."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG}/{name}"


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_redis(db: int) -> str:
    """An empty Redis database of our own (only that one is flushed)."""
    import redis

    redis.Redis.from_url(f"{REDIS}/{db}").flushdb()
    return f"{REDIS}/{db}"


# --- the environment every process shares ------------------------------------------------


@dataclass
class Stack:
    """The settings of one run and the processes it started."""

    name: str
    redis_db: int
    port: int = 8700
    data_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="closeknit-")))
    env: dict[str, str] = field(default_factory=dict)
    procs: list[subprocess.Popen] = field(default_factory=list)

    def prepare(self, **extra: str) -> None:
        database = fresh_database(self.name)
        redis_url = fresh_redis(self.redis_db)
        (self.data_dir / "mail").mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "closeknit.settings",
            "DATABASE_URL": database,
            "REDIS_URL": redis_url,
            "DATA_DIR": str(self.data_dir),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "0",
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Four slashes: django-environ drops the first one of the path.
            "EMAIL_URL": f"filemail:///{self.data_dir / 'mail'}",
            "EMAIL_VERIFICATION": "none",
            "LOG_LEVEL": "WARNING",
            **extra,
        }
        os.environ.update(self.env)

    def setup_django(self) -> None:
        """Configure this process like the servers, to seed and to check the database."""
        import django

        sys.path.insert(0, str(ROOT))
        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        # Once here, so app processes starting one after another find it done.
        call_command("collectstatic", interactive=False, verbosity=0)

    # --- processes -------------------------------------------------------------------

    def start(self, *args: str, log_name: str) -> subprocess.Popen:
        out = open(self.data_dir / f"{log_name}.log", "ab")  # noqa: SIM115 (lives with the process)
        proc = subprocess.Popen(
            [str(BIN / "closeknit"), *args],
            env=self.env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stopping it stops its children
        )
        self.procs.append(proc)
        return proc

    def serve(self, port: int, workers: int) -> subprocess.Popen:
        if not port_is_free(port):
            raise RuntimeError(f"Something already listens on port {port}; is another run going?")
        proc = self.start(
            "serve", "--port", str(port), "--workers", str(workers), log_name=f"serve-{port}"
        )
        wait_for(f"http://127.0.0.1:{port}/health/")
        return proc

    def worker(self, n: int) -> subprocess.Popen:
        return self.start("worker", log_name=f"worker-{n}")

    def stop(self, proc: subprocess.Popen, timeout: float = 20) -> None:
        """Stop one process we started (and its children): TERM, then KILL if it lingers."""
        if proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        if proc in self.procs:
            self.procs.remove(proc)

    def stop_all(self) -> None:
        for proc in list(reversed(self.procs)):
            self.stop(proc)

    def cleanup(self, keep: bool = False) -> None:
        """Drop the database and remove the files of this run (unless asked to keep them)."""
        from django.db import connections

        connections.close_all()
        if keep:
            log(f"Kept the database {self.name} and the files in {self.data_dir}")
            return
        drop_database(self.name)
        fresh_redis(self.redis_db)
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def mail_count(self) -> int:
        """E-mails written by the file backend (one message per separator line)."""
        total = 0
        for path in (self.data_dir / "mail").glob("*.log"):
            total += path.read_text(errors="replace").count("\n" + "-" * 79 + "\n")
        return total


def children(pid: int) -> list[int]:
    """The direct children of a process we started (gunicorn's workers, qcluster's processes)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with suppress(OSError):
            stat = (entry / "stat").read_text()
            # "pid (name) state ppid ...": the name may hold spaces, so split after ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def descendants(pid: int) -> list[int]:
    out = []
    for child in children(pid):
        out += [child, *descendants(child)]
    return out


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@contextmanager
def running(stack: Stack) -> Iterator[Stack]:
    try:
        yield stack
    finally:
        stack.stop_all()


# --- simulated couples -------------------------------------------------------------------


@dataclass
class Partner:
    id: str
    email: str
    token: str
    session: str
    # The CSRF cookie a browser holds after its first page: pages kept per device use it.
    csrf: str = field(default_factory=lambda: secrets.token_hex(16))


@dataclass
class SimCouple:
    id: str
    a: Partner
    b: Partner


def seed_couples(count: int, history: bool = True, prefix: str = "sim") -> list[SimCouple]:
    """`count` paired couples; with `history`, each feature's demo history for each couple.

    Every person gets an API token and a signed-in session, and no quiet hours,
    so their notifications are delivered while the load runs.
    """
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from closeknit.accounts.models import User
    from closeknit.couples import invites
    from closeknit.lib.features import hooks

    password = make_password(PASSWORD)  # hashed once: Argon2 is slow on purpose
    seeders = [module.seed for _, module in hooks("demo")] if history else []
    couples = []
    for i in range(count):
        with transaction.atomic():
            a, b = (
                User.objects.create(
                    email=f"{prefix}{i}{side}@example.org",
                    password=password,
                    display_name=f"{side.upper()}{i}",
                    timezone="UTC",
                )
                for side in ("a", "b")
            )
            couple = invites.accept_invite(invites.create_invite(a), b)
            for seed in seeders:
                seed(couple, a, b)
            couples.append(SimCouple(str(couple.pk), _partner(a), _partner(b)))
        if count >= 50 and (i + 1) % 50 == 0:
            log(f"  seeded {i + 1}/{count} couples")
    _no_quiet_hours()
    return couples


def _partner(user: Any) -> Partner:
    from django.test import Client

    from closeknit.accounts.tokens import create_token

    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    return Partner(str(user.pk), user.email, create_token(user, "load")[1], session)


def _no_quiet_hours() -> None:
    from closeknit.accounts.models import User
    from closeknit.nudges.models import NudgeSettings

    NudgeSettings.objects.bulk_create(
        [NudgeSettings(user=u, quiet_start=None, quiet_end=None) for u in User.objects.all()],
        update_conflicts=True,
        update_fields=["quiet_start", "quiet_end"],
        unique_fields=["user"],
    )


def save_couples(couples: list[SimCouple], path: Path) -> None:
    path.write_text(
        json.dumps([{"id": c.id, "a": c.a.__dict__, "b": c.b.__dict__} for c in couples])
    )

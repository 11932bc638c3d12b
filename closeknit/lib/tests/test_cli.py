import os
import subprocess
import sys
from pathlib import Path


def run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "closeknit.settings"}
    env.pop("DATABASE_URL", None)  # the embedded default, in a fresh data directory
    return subprocess.run(
        [sys.executable, "-m", "closeknit.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_demo_seeds_a_couple_once_and_prints_the_logins(tmp_path: Path) -> None:
    assert run(["migrate", "--noinput", "-v0"], tmp_path).returncode == 0
    first = run(["demo", "--if-empty"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "ana@example.com / closeknit-demo" in first.stdout
    again = run(["demo"], tmp_path)
    assert again.returncode != 0
    assert "exists already" in again.stderr
    count = run(
        ["shell", "-c", "from closeknit.accounts.models import User; print(User.objects.count())"],
        tmp_path,
    )
    assert count.stdout.strip().splitlines()[-1] == "2"


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    out = run(["shell", "-c", code], tmp_path)
    assert out.stdout.strip().splitlines()[-1] == "wal", out.stderr

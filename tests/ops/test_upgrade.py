"""Upgrades lose nothing.

A new database is migrated to an early state (the first migration of every
Closeknit app), every table gets a row (encrypted text included), and it is
migrated to the newest state: every row must still be there with the same
values, every encrypted value must decrypt to the same text
(tests/ops/upgrade.py does the work inside the installation).
"""

import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython, RunSQL

from tests.ops import sites, upgrade


def test_migrating_a_full_database_to_the_newest_state_loses_nothing(tmp_path: Path) -> None:
    with sites.empty_database(tmp_path) as url:
        site = sites.Site(tmp_path, url)
        done = subprocess.run(
            [sys.executable, "-m", "tests.ops.upgrade"],
            cwd=sites.REPO,
            env=site.env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["migrations_after_early_state"] > 0, "nothing left to test at the early state"
    assert report["fill_failures"] == {}
    assert report["empty_tables"] == [], "every table of the early state holds a row"
    assert report["tables"] > 40 and report["encrypted_values"] > 20
    assert report["migrations_left_at_the_end"] == 0
    assert report["losses"] == []


def test_the_comparison_sees_every_kind_of_loss() -> None:
    before: upgrade.Rows = {
        "dropped": {1: {"id": 1}},
        "kept": {1: {"id": 1, "a": "x", "b": "y"}, 2: {"id": 2, "a": "z", "b": "w"}},
    }
    after: upgrade.Rows = {"kept": {1: {"id": 1, "a": "changed"}}}
    assert sorted(upgrade.losses(before, after)) == [
        "dropped: the table is gone with its 1 rows",
        "kept 2: the row is gone",
        "kept.a of 1: 'x' became 'changed'",
        "kept.b: the column is gone",
    ]


def test_every_data_migration_can_be_reversed() -> None:
    """RunPython and RunSQL in Closeknit's migrations have a way back; where the way back
    does nothing (content that stays), the migration says why in a comment."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    missing, unexplained = [], []
    for (app, name), migration in loader.disk_migrations.items():
        for op in operations(migration):
            if isinstance(op, RunPython | RunSQL) and not op.reversible:
                missing.append(f"{app}.{name}")
            if isinstance(op, RunPython) and op.reverse_code is RunPython.noop:
                source = inspect.getsource(sys.modules[type(migration).__module__])
                if not any(line.lstrip().startswith("#") for line in source.splitlines()):
                    unexplained.append(f"{app}.{name}")
    assert not missing, f"irreversible: {missing}"
    assert not unexplained, f"a reverse doing nothing, with no comment saying why: {unexplained}"


def operations(migration: Any) -> list[Any]:
    """A Closeknit migration's operations, including those inside SeparateDatabaseAndState."""
    if not type(migration).__module__.startswith("closeknit."):
        return []
    found = []
    for op in migration.operations:
        found += [op, *getattr(op, "database_operations", [])]
    return found

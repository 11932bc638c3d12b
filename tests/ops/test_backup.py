"""`closeknit backup` and `closeknit restore`, as a host runs them.

One installation holds the demo couple and one object of every model; its
backup is restored into a new, empty installation, which must then read
back every row and every encrypted value, with the keys from the backup's
keys file. Bad input gets one line of error and changes nothing.
"""

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from tests.ops import sites


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sites.Site]:
    with sites.site(tmp_path_factory.mktemp("source")) as site:
        assert json.loads(site.probe("seed"))["failures"] == {}
        yield site


@pytest.fixture(scope="module")
def made(source: sites.Site, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One backup of the source, and what `closeknit backup` said."""
    file = tmp_path_factory.mktemp("backups") / "closeknit.backup"
    done = source.run("backup", str(file))
    assert done.returncode == 0, done.stderr
    return {"file": file, "keys": Path(f"{file}.keys"), "stdout": done.stdout}


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[sites.Site]:
    with sites.site(tmp_path / "empty") as site:
        yield site


def test_the_backup_restores_every_row_and_every_encrypted_value(
    source: sites.Site, made: dict[str, Any], empty: sites.Site
) -> None:
    own_keys = sites.key_lines(empty.key_file)
    done = empty.run("restore", str(made["file"]))
    assert done.returncode == 0, done.stderr
    before, after = json.loads(source.probe("snapshot")), json.loads(empty.probe("snapshot"))
    assert after["rows"] == before["rows"]
    assert after["values"] == before["values"]
    written = [name for name, values in before["values"].items() if any(values.values())]
    assert len(written) == len(before["values"]) > 20, "every encrypted field holds text"
    # The backup's keys come first; the installation's own key stays (it may have written).
    assert sites.key_lines(empty.key_file) == sites.key_lines(source.key_file) + own_keys


def test_the_keys_are_in_their_own_file_with_a_warning(
    source: sites.Site, made: dict[str, Any]
) -> None:
    text = made["keys"].read_text()
    assert sites.key_lines(made["keys"]) == sites.key_lines(source.key_file)
    assert "WARNING" in text and "Keep the two apart" in text.replace("\n# ", " ")
    assert "WARNING" in made["stdout"] and str(made["keys"]) in made["stdout"]
    assert stat.S_IMODE(made["keys"].stat().st_mode) == 0o600
    for key in sites.key_lines(source.key_file):
        assert key.encode() not in made["file"].read_bytes()


def test_it_refuses_an_installation_that_holds_data(
    source: sites.Site, made: dict[str, Any]
) -> None:
    before, keys = source.probe("snapshot"), source.key_file.read_text()
    done = source.run("restore", str(made["file"]))
    assert done.returncode == 1
    assert one_line(done.stderr).startswith("CommandError: This installation already holds")
    assert source.probe("snapshot") == before
    assert source.key_file.read_text() == keys


def test_bad_input_gets_one_line_and_changes_nothing(
    made: dict[str, Any], empty: sites.Site, tmp_path: Path
) -> None:
    stranger = tmp_path / "stranger.keys"
    stranger.write_text(Fernet.generate_key().decode() + "\n")
    text = tmp_path / "notes.txt"
    text.write_text("not a backup\n")
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(made["file"].read_bytes()[: os.path.getsize(made["file"]) // 2])
    cases = {
        "no such file": ([str(tmp_path / "missing.backup")], "There is no backup"),
        "not a backup": ([str(text), "--keys", str(made["keys"])], "is not a Closeknit backup"),
        "no keys file": ([str(damaged)], "There is no keys file"),
        "keys of another": ([str(made["file"]), "--keys", str(stranger)], "do not open"),
        "not keys": ([str(made["file"]), "--keys", str(text)], "not an encryption key"),
        "damaged": ([str(damaged), "--keys", str(made["keys"])], ""),
    }
    keys, rows = empty.key_file.read_text(), empty.probe("snapshot")
    for case, (args, says) in cases.items():
        done = empty.run("restore", *args)
        assert done.returncode == 1, case
        assert one_line(done.stderr).startswith("CommandError: "), (case, done.stderr)
        assert says in done.stderr, (case, done.stderr)
        assert empty.key_file.read_text() == keys, case
    assert empty.probe("snapshot") == rows


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]

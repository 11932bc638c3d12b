"""Running processes take up a rotated key file by themselves (closeknit/lib/fields.py)."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.test import override_settings

from closeknit.lib import fields, files

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def key_file(tmp_path: Path) -> Iterator[Path]:
    """A process that read its keys (OLD) from a key file, as settings.py does."""
    path = tmp_path / "encryption_keys"
    path.write_text(OLD + "\n")
    keys = files.key_lines(files.read_tracked(path))
    with override_settings(
        ENCRYPTION_KEYS=keys, ENCRYPTION_KEYS_FILE=path, ENCRYPTION_KEYS_FROM_FILE=True
    ):
        yield path


def another_process_rotates(path: Path, *keys: str) -> None:
    files.replace(path, "".join(f"{key}\n" for key in keys))


def test_it_reads_a_value_written_under_a_key_it_did_not_hold(key_file: Path) -> None:
    another_process_rotates(key_file, NEW, OLD)
    token = Fernet(NEW.encode()).encrypt(b"written after the rotation").decode()
    assert fields.decrypt(token) == "written after the rotation"
    assert settings.ENCRYPTION_KEYS == [NEW, OLD]


def test_it_encrypts_with_the_newest_key_once_the_file_names_one(key_file: Path) -> None:
    assert Fernet(OLD.encode()).decrypt(fields.encrypt("before").encode()) == b"before"
    another_process_rotates(key_file, NEW, OLD)
    token = fields.encrypt("after").encode()
    assert Fernet(NEW.encode()).decrypt(token) == b"after"


def test_a_token_no_key_opens_still_fails(key_file: Path) -> None:
    another_process_rotates(key_file, NEW, OLD)
    stranger = Fernet(Fernet.generate_key()).encrypt(b"x").decode()
    with pytest.raises(InvalidToken):
        fields.decrypt(stranger)


def test_keys_from_the_environment_are_never_replaced(key_file: Path) -> None:
    another_process_rotates(key_file, NEW, OLD)
    token = Fernet(NEW.encode()).encrypt(b"x").decode()
    with override_settings(ENCRYPTION_KEYS_FROM_FILE=False), pytest.raises(InvalidToken):
        fields.decrypt(token)
    assert settings.ENCRYPTION_KEYS == [OLD]


def test_a_key_file_without_a_valid_key_leaves_the_keys_held(key_file: Path) -> None:
    key_file.write_text("not a key\n")
    assert fields.encrypt("still works")
    assert settings.ENCRYPTION_KEYS == [OLD]


def test_readers_never_see_half_a_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    versions = ["a" * 200_000, "b" * 300_000]
    path.write_text(versions[0])
    seen: set[str] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(path.read_text())

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    for n in range(200):
        files.replace(path, versions[n % 2])
    done.set()
    for reader in readers:
        reader.join()
    assert seen <= set(versions) and len(seen) == 2


def test_changes_made_under_the_lock_are_never_lost(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    path.write_text("")

    def add(line: str) -> None:
        with files.locked(path):
            files.replace(path, path.read_text() + line + "\n")

    threads = [threading.Thread(target=add, args=(f"key {n}",)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(path.read_text().split("\n")[:-1]) == sorted(f"key {n}" for n in range(20))

import os
import subprocess
import sys
import threading
from pathlib import Path

from closeknit.lib.files import made_once


def test_an_existing_file_is_read_and_never_remade(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("kept")
    assert made_once(path, lambda: "new") == "kept"


def test_a_new_file_is_owner_only_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    assert made_once(path, lambda: "fresh") == "fresh"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret"]


def test_threads_starting_at_once_all_get_the_first_value(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    start = threading.Barrier(16)
    got: list[str] = []

    def run(n: int) -> None:
        start.wait()
        got.append(made_once(path, lambda: f"value {n}"))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 16
    assert len(set(got)) == 1, got
    assert path.read_text() == got[0]


def test_processes_starting_on_a_fresh_data_directory_share_their_keys(tmp_path: Path) -> None:
    """`closeknit serve` starts several workers at once: one secret key, one encryption key."""
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ENCRYPTION_KEYS")}
    env["DATA_DIR"] = str(tmp_path)
    code = "import closeknit.settings as s; print(s.SECRET_KEY, *s.ENCRYPTION_KEYS)"
    runs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * 6
    assert len(set(outputs)) == 1, outputs

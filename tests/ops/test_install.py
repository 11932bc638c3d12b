"""`make install` on a fresh machine: Chromium (for the browser tests) is installed with
apt-get when it is missing and the user can, and otherwise make stops with one line saying
what to install; it is never skipped in silence. A stand-in apt-get records what it is asked.
"""

import os
import subprocess
from pathlib import Path

from tests.ops import sites

FAKE_APT_GET = """#!/bin/sh
echo "$@" >> "{log}"
if [ "$1" = install ]; then printf '#!/bin/sh\\n' > "{chromium}" && chmod +x "{chromium}"; fi
"""


def make_chromium(**variables: Path) -> subprocess.CompletedProcess[str]:
    settings = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "chromium", *settings],
        cwd=sites.REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def fake_apt_get(folder: Path, chromium: Path) -> tuple[Path, Path]:
    log, script = folder / "apt-get.log", folder / "apt-get"
    script.write_text(FAKE_APT_GET.format(log=log, chromium=chromium))
    script.chmod(0o755)
    return script, log


def asked(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_a_chromium_that_is_there_is_used_as_it_is(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    apt_get, log = fake_apt_get(tmp_path, chromium)
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    done = make_chromium(CHROMIUM=chromium, DEBIAN_CHROMIUM=chromium, APT_GET=apt_get)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert asked(log) == []


def test_as_root_with_apt_get_it_installs_debians_chromium(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    apt_get, log = fake_apt_get(tmp_path, chromium)
    done = make_chromium(CHROMIUM=chromium, DEBIAN_CHROMIUM=chromium, APT_GET=apt_get)
    if os.geteuid() == 0:
        assert done.returncode == 0, done.stderr
        assert asked(log) == ["update -qq", "install -y -qq chromium"]
        assert os.access(chromium, os.X_OK)
    else:  # not allowed to install: says what to do instead
        assert done.returncode != 0
        assert one_line(done.stderr).startswith("Makefile")
        assert asked(log) == []


def test_without_a_way_to_install_it_stops_with_one_line(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    done = make_chromium(
        CHROMIUM=chromium, DEBIAN_CHROMIUM=chromium, APT_GET=tmp_path / "no-apt-get"
    )
    assert done.returncode != 0
    assert "Chromium is missing: run `sudo apt-get install chromium` (or set CHROMIUM=" in (
        one_line(done.stderr)
    )


def test_a_chromium_named_elsewhere_is_never_replaced_by_debians(tmp_path: Path) -> None:
    chromium = tmp_path / "my-chromium"
    apt_get, log = fake_apt_get(tmp_path, chromium)
    done = make_chromium(CHROMIUM=chromium, DEBIAN_CHROMIUM=tmp_path / "chromium", APT_GET=apt_get)
    assert done.returncode != 0
    assert "Chromium is missing" in one_line(done.stderr)
    assert asked(log) == []

"""`closeknit dev` (what `make run` runs) stops cleanly: no traceback, no worker left behind.

Ctrl-C in a terminal sends SIGINT to every process of the foreground job at
once; `kill PID` sends SIGTERM to the one process named, `kill -- -PGID` (and
a supervisor stopping a job) to all of them. Each is tried against a running
`closeknit dev` whose worker has started its own processes.
"""

import os
import signal
import subprocess
import time
from collections.abc import Iterator

import psutil
import pytest

from tests.ops import sites


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sites.Site]:
    with sites.site(tmp_path_factory.mktemp("dev")) as made:
        yield made


def start_dev(site: sites.Site) -> tuple[subprocess.Popen[str], str]:
    port = str(sites.free_port())
    dev = site.start("dev", "--port", port, DEBUG="1", EMAIL_VERIFICATION="none")
    return dev, f"http://127.0.0.1:{port}"


def worker_processes(dev: subprocess.Popen[str], wait: float = 180.0) -> list[psutil.Process]:
    """The worker and the processes it started, once django-q's pool is up."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        found = psutil.Process(dev.pid).children(recursive=True)
        if len(found) >= 4:  # the worker, django-q's guard, and its pool (2 by default)
            return found
        time.sleep(0.3)
    raise AssertionError(f"the worker did not start its processes: {found}")


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda pid: os.killpg(pid, signal.SIGINT), id="ctrl-c to the job"),
        pytest.param(lambda pid: os.kill(pid, signal.SIGTERM), id="sigterm to dev"),
        pytest.param(lambda pid: os.killpg(pid, signal.SIGTERM), id="sigterm to the job"),
    ],
)
def test_it_stops_its_worker_and_exits_without_a_traceback(site: sites.Site, send: object) -> None:
    dev, base = start_dev(site)
    workers: list[psutil.Process] = []
    try:
        sites.wait_until_up(base + "/health/", dev)
        workers = worker_processes(dev)
        send(dev.pid)  # type: ignore[operator]
        err = dev.communicate(timeout=120)[1]
    finally:
        left = psutil.wait_procs(workers, timeout=30)[1]
        for process in left:
            process.kill()
        sites.stop(dev)
    assert dev.returncode == 0, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert not left, f"left running: {[p.pid for p in left]}"

"""Keys rotate on a live site: a real server and worker keep answering while the keys change.

`closeknit serve` (gunicorn, two processes) and `closeknit worker` run on a
seeded installation; client threads keep reading and writing encrypted text
through pages and the API, and a queue of worker tasks keeps reading every
encrypted value, while `closeknit rotate_keys --new-key` and then
`--drop-old-keys` run. Not one request or task may fail: every process
takes the new key file up by itself.
"""

import json
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.ops import sites

MARKER = "zqops"  # starts every text tests/trust/world.py writes


@dataclass
class Outcome:
    what: str
    started: float
    ended: float
    status: int
    error: str = ""


@dataclass
class Load:
    """Client threads asking for pages and API calls that decrypt (and encrypt) text."""

    base: str
    session: str
    token: str
    outcomes: list[Outcome] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def requests(self, n: int) -> list[tuple[str, urllib.request.Request, str]]:
        cookie = {"Cookie": f"sessionid={self.session}"}
        bearer = {"Authorization": f"Bearer {self.token}"}
        body = json.dumps({"text": f"Written while the keys rotate, {n}."}).encode()
        post = {**bearer, "Content-Type": "application/json"}
        return [
            ("export page", self._get("/settings/export/page/", cookie), MARKER),
            ("talk page", self._get("/talk/", cookie), ""),
            ("journal write", self._post("/api/v1/appreciate/journal", post, body), "rotate"),
            ("journal API", self._get("/api/v1/appreciate/journal", bearer), "rotate"),
        ]

    def _get(self, path: str, headers: dict[str, str]) -> urllib.request.Request:
        return urllib.request.Request(self.base + path, headers=headers)

    def _post(self, path: str, headers: dict[str, str], body: bytes) -> urllib.request.Request:
        return urllib.request.Request(self.base + path, data=body, headers=headers)

    def run(self, thread: int) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            for what, request, expected in self.requests(thread * 100_000 + n):
                self.outcomes.append(self._ask(what, request, expected))

    def _ask(self, what: str, request: urllib.request.Request, expected: str) -> Outcome:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode()
                status, error = response.status, "" if expected in text else "text missing"
        except urllib.error.HTTPError as exc:
            status, error = exc.code, exc.read().decode(errors="replace")[-300:]
        except OSError as exc:
            status, error = 0, repr(exc)
        return Outcome(what, started, time.monotonic(), status, error)

    def wait_for(self, more: int, wait: float = 300.0) -> None:
        """Until `more` further requests have been answered (or failed)."""
        target, deadline = len(self.outcomes) + more, time.monotonic() + wait
        while len(self.outcomes) < target and time.monotonic() < deadline:
            time.sleep(0.1)
        failed = [(f.what, f.status, f.error[-200:]) for f in self.failures()[:3]]
        assert len(self.outcomes) >= target, f"the load stalled; failures: {failed}"

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status not in (200, 201) or o.error]

    def overlapping(self, start: float, end: float) -> int:
        """Requests that were in flight at some moment between start and end."""
        return sum(o.started < end and o.ended > start for o in self.outcomes)


@contextmanager
def load(base: str, login: dict[str, str], threads: int = 3) -> Iterator[Load]:
    running = Load(base, login["session"], login["token"])
    workers = [threading.Thread(target=running.run, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    try:
        yield running
    finally:
        running.stopping.set()
        for worker in workers:
            worker.join(timeout=120)


@contextmanager
def running_site(site: sites.Site) -> Iterator[str]:
    """`closeknit serve` and `closeknit worker` on the site; the server's address."""
    port = sites.free_port()
    base = f"http://127.0.0.1:{port}"
    server = site.start("serve", "--port", str(port), DEBUG="0", SITE_URL=base)
    worker = site.start("worker", WORKERS="2")
    try:
        sites.wait_until_up(base + "/health/", server)
        yield base
    finally:
        logs = [sites.stop(process)[1] for process in (server, worker)]
    for log in logs:
        assert "InvalidToken" not in log, log[-3000:]


def timed(site: sites.Site, *args: str) -> tuple[subprocess.CompletedProcess[str], float, float]:
    started = time.monotonic()
    done = site.run(*args)
    assert done.returncode == 0, done.stderr
    return done, started, time.monotonic()


def wait_for_tasks(site: sites.Site, wait: float = 300.0) -> dict[str, Any]:
    deadline = time.monotonic() + wait
    while (found := json.loads(site.probe("tasks")))["queued"] and time.monotonic() < deadline:
        time.sleep(1)
    return found


def test_rotating_keys_under_a_running_server_and_worker_fails_nothing(tmp_path: Path) -> None:
    with sites.site(tmp_path / "site") as site:
        assert json.loads(site.probe("seed"))["failures"] == {}
        ana = json.loads(site.probe("login", "ana@example.com"))
        before = json.loads(site.probe("snapshot"))["values"]
        old_keys = sites.key_lines(site.key_file)
        stop_reads = tmp_path / "stop-reads"
        with running_site(site) as base, load(base, ana) as clients:
            enqueuer = site.start_probe("enqueue-reads", str(stop_reads))
            clients.wait_for(24)
            _, rotate_start, rotate_end = timed(site, "rotate_keys", "--new-key")
            clients.wait_for(24)
            _, drop_start, drop_end = timed(site, "rotate_keys", "--drop-old-keys")
            clients.wait_for(24)
            stop_reads.touch()
            enqueued = int(enqueuer.communicate(timeout=120)[0].strip())
            tasks = wait_for_tasks(site)
        failures = clients.failures()
        assert not failures, [(f.what, f.status, f.error) for f in failures[:5]]
        assert clients.overlapping(rotate_start, rotate_end) > 0
        assert clients.overlapping(drop_start, drop_end) > 0
        assert tasks["failure"] == 0, tasks["errors"]
        assert tasks["queued"] == 0 and tasks["success"] >= enqueued > 0
        seeded = sum(text is not None for values in before.values() for text in values.values())
        assert min(tasks["read"]) >= seeded
        new_keys = sites.key_lines(site.key_file)
        assert len(new_keys) == 1 and new_keys[0] not in old_keys
        after = json.loads(site.probe("snapshot"))["values"]  # the new key alone reads it all
        for name, values in before.items():
            assert {pk: after[name][pk] for pk in values} == values, name

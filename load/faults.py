"""The load test with faults: processes killed and PostgreSQL restarted while couples write.

    .venv/bin/python load/faults.py [--couples 300] [--seconds 60]      (make faults)

The same load as load/run.py, and meanwhile:

- an app process (a gunicorn worker) is killed with SIGKILL: the gunicorn
  master starts a new one; requests that got no response are retried by the
  client, and nothing else is;
- a background worker (`closeknit worker`, all of its processes) is killed
  with SIGKILL and started again, as a supervisor (systemd, Kubernetes) would;
- PostgreSQL is restarted: app processes and workers reconnect by themselves.

Afterwards, as in run.py, every acknowledged write must be in the database
and no e-mail may have been sent twice (a delivery claimed by the killed
worker stays claimed: at most once, never twice).

Restarting PostgreSQL affects every database on this server: do not run this
while others use it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import os
import signal
import subprocess
import time
import urllib.request

from load.run import PORTS, parse_args, run
from load.stack import Stack, children, log


def others_on_postgresql(ours: str) -> list[str]:
    """Databases other runs are using right now (they will see the restart too)."""
    import psycopg

    from load.stack import PG

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT DISTINCT datname FROM pg_stat_activity WHERE datname NOT IN (%s, 'postgres')",
            [ours],
        ).fetchall()
    return [r[0] for r in rows if r[0]]


def restart_postgresql() -> None:
    version = next(iter(sorted(os.listdir("/etc/postgresql"))))
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
    subprocess.run(command, check=True, capture_output=True)


def inject(stack: Stack, procs: dict) -> None:
    """The faults, at fixed moments of the run (seconds after the load starts)."""
    start = time.monotonic()

    def at(second: float) -> None:
        time.sleep(max(0, start + second - time.monotonic()))

    master = procs["serve"][0]
    at(15)
    victim = children(master.pid)[0]
    os.kill(victim, signal.SIGKILL)
    log(f"  [{time.monotonic() - start:4.0f} s] killed app process {victim} (SIGKILL)")
    at(20)
    log(f"  [{time.monotonic() - start:4.0f} s] gunicorn workers now {children(master.pid)}")

    worker = procs["worker"][0]
    at(25)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    stack.procs.remove(worker)
    log(f"  [{time.monotonic() - start:4.0f} s] killed background worker {worker.pid} (SIGKILL)")
    at(27)
    procs["worker"][0] = stack.worker(3)
    log(f"  [{time.monotonic() - start:4.0f} s] started it again: {procs['worker'][0].pid}")

    at(35)
    if others := others_on_postgresql(stack.name):
        log(f"  warning: restarting PostgreSQL under other clients too: {others}")
    began = time.monotonic()
    restart_postgresql()
    log(
        f"  [{time.monotonic() - start:4.0f} s] restarted PostgreSQL "
        f"({time.monotonic() - began:.1f} s)"
    )
    at(45)
    alive = [p.pid for p in procs["serve"] + procs["worker"] if p.poll() is None]
    health = [_health(port) for port in PORTS]
    log(f"  [{time.monotonic() - start:4.0f} s] alive: {alive}; /health/ answers: {health}")


def _health(port: int) -> int:
    try:
        # A saturated server queues the check behind the load: wait for it.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=30) as r:
            return r.status
    except OSError:
        return 0


def main() -> None:
    args = parse_args(__doc__.split("\n\n")[0])
    sys.exit(run(args, "faults", faults=inject))


if __name__ == "__main__":
    main()

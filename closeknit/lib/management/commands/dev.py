"""`closeknit dev` (what `make run` runs): migrate, seed the demo, serve, with a worker beside.

Ctrl-C and SIGTERM stop it cleanly. The worker runs in a process group of its
own, so a terminal's Ctrl-C reaches this process alone, which then asks the
worker to stop the way django-q expects (one SIGTERM to its main process,
which stops its own children) and, after a grace period, kills whatever is
left of the worker's group. No worker process outlives `closeknit dev`.
"""

import os
import signal
import subprocess
import sys
from argparse import ArgumentParser
from contextlib import suppress
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

GRACE = 20  # seconds the worker gets to finish the job in hand


class Command(BaseCommand):
    help = (
        "The demo: migrate, seed a demo couple if the database is empty, and run the "
        "development server with the background worker beside it."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-worker", action="store_true", help="run the web server alone")

    def handle(self, *args: Any, host: str, port: str, no_worker: bool, **options: Any) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, interrupt)
        worker = None
        try:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("demo", if_empty=True, url=f"http://{host}:{port}")
            if not no_worker:
                worker = start_worker()
                self.stdout.write("Background worker started (reminders, e-mail, push).")
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        except KeyboardInterrupt:
            pass  # stopped before the server ran; the server itself exits quietly
        finally:
            if worker is not None:
                self.stdout.write("Stopping the background worker.")
                stop_worker(worker)


def interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM as Ctrl-C: runserver turns KeyboardInterrupt into a quiet exit."""
    raise KeyboardInterrupt


def start_worker() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "closeknit.cli", "worker"], start_new_session=True
    )


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the worker, then SIGKILL to whatever of its process group is left."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)  # stopping already: a second Ctrl-C changes nothing
    with suppress(ProcessLookupError):
        worker.terminate()
    with suppress(subprocess.TimeoutExpired):
        worker.wait(timeout=GRACE)
    # django-q's processes share the worker's group. While any of them lives, the group's
    # id cannot be given to another process, so this reaches only what is left of it.
    with suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()

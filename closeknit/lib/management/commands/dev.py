import signal
import subprocess
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


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
        call_command("migrate", interactive=False, verbosity=0)
        call_command("demo", if_empty=True, url=f"http://{host}:{port}")
        worker = None
        # A plain `kill` should stop the worker too, not leave it running.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        if not no_worker:
            worker = subprocess.Popen([sys.executable, "-m", "closeknit.cli", "worker"])
            self.stdout.write("Background worker started (reminders, e-mail, push).")
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)

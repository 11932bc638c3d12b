"""`closeknit serve`: migrations, static files and gunicorn, as in production."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_with_static_files_and_security_headers(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "closeknit.settings",
        "DATA_DIR": str(tmp_path),
        "DEBUG": "0",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "closeknit.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/")
        assert "Feel closer" in page.read().decode()
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        css = _get_when_up(f"http://127.0.0.1:{port}/static/closeknit/app.css")
        assert css.status == 200  # served by WhiteNoise from the collected files
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Booting worker" in output


def _get_when_up(url: str, wait: float = 180.0) -> Any:
    # A deadline, not a speed check: migrating and collecting on a busy two-core
    # machine can take most of a minute before the first answer.
    deadline = time.monotonic() + wait
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)

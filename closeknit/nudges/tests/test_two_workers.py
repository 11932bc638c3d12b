"""At most once with two worker processes draining the same queue at the same time."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import connection

from closeknit.nudges.models import Delivery, Notification
from closeknit.test import make_couple

DRAIN = (
    "import time; from closeknit.nudges.delivery import send_due; "
    "time.sleep(max(0, float('{start}') - time.time())); "
    "print(sum(send_due() for _ in range(5)))"
)


def database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_thing_twice(tmp_path: Path) -> None:
    _, ben, _ = make_couple("ana", "ben")
    notes = Notification.objects.bulk_create(
        Notification(
            recipient=ben, kind="reply", text="Ana replied to your answer.", url="/", key=f"k{n}"
        )
        for n in range(40)
    )
    Delivery.objects.bulk_create(
        Delivery(notification=n, channel="email", due_at=datetime(2026, 1, 1, tzinfo=UTC))
        for n in notes
    )
    outbox = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "closeknit.settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"filemail:///{outbox}",  # environ drops one slash
        "DATA_DIR": str(tmp_path),
        "ENCRYPTION_KEYS": ",".join(__import__("django.conf").conf.settings.ENCRYPTION_KEYS),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    start = __import__("time").time() + 6  # both start draining at the same moment
    code = DRAIN.format(start=start)
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "closeknit.cli", "shell", "-c", code],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [w.communicate(timeout=120) for w in workers]
    for worker, (_, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
    sent_by_each = [int(out.strip().splitlines()[-1]) for out, _ in results]
    assert sum(sent_by_each) == 40
    assert all(n > 0 for n in sent_by_each), sent_by_each  # both really worked
    assert Delivery.objects.filter(status=Delivery.SENT).count() == 40
    # The file backend may put several messages in one file: count the messages.
    messages = sum(f.read_text().count("\nSubject: ") for f in outbox.iterdir())
    assert messages == 40  # one message per delivery, none twice

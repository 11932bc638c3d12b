"""Run inside an installation (python -m tests.ops.probe WHAT ...), as its own process would.

seed                  the demo couple plus one object of every model (tests/trust/world.py)
login EMAIL           a signed-in session and an API token for EMAIL, as JSON
snapshot              every table's row count and every encrypted value read back, as JSON
enqueue-reads STOP    queue read_everything() for the worker until the file STOP exists
tasks                 how the worker's read_everything() tasks ended, as JSON
"""

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import django


def read_everything() -> int:
    """A worker task: read every encrypted value there is (the count)."""
    from closeknit.lib.management.commands.rotate_keys import encrypted_fields

    count = 0
    for model, names in encrypted_fields():
        for values in model._default_manager.values_list(*names):
            count += sum(value is not None for value in values)
    return count


def seed() -> dict[str, Any]:
    from closeknit.couples.demo import create_demo_couple
    from tests.trust import world

    couple, ana, ben = create_demo_couple()
    built = world.build_world(couple, (ana, ben), "zqops")
    fill_blank_encrypted_fields()
    return {"failures": built.failures}


def fill_blank_encrypted_fields() -> None:
    """Text in every encrypted column (the demo leaves a few optional ones blank)."""
    from closeknit.lib.management.commands.rotate_keys import encrypted_fields

    for model, names in encrypted_fields():
        rows = model._default_manager.order_by("pk")
        for name in names:
            if not any(rows.values_list(name, flat=True)):
                pk = rows.values_list("pk", flat=True).first()
                rows.filter(pk=pk).update(**{name: f"zqops{model.__name__}{name}"})


def login(email: str) -> dict[str, str]:
    from django.conf import settings
    from django.test import Client

    from closeknit.accounts.models import User
    from closeknit.accounts.tokens import create_token

    user = User.objects.get(email=email)
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"session": session, "token": create_token(user, "ops test")[1]}


def snapshot() -> dict[str, Any]:
    from django.apps import apps

    from closeknit.lib.management.commands.rotate_keys import encrypted_fields

    rows = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    values: dict[str, dict[str, Any]] = {}
    for model, names in encrypted_fields():
        for pk, *texts in model._default_manager.values_list("pk", *names):
            for name, text in zip(names, texts, strict=True):
                values.setdefault(f"{model._meta.label}.{name}", {})[str(pk)] = text
    return {"rows": rows, "values": values}


def enqueue_reads(stop: str) -> int:
    from django_q.tasks import async_task

    count = 0
    while not Path(stop).exists():
        async_task("tests.ops.probe.read_everything", group="ops-reads")
        count += 1
        time.sleep(0.2)
    return count


def tasks() -> dict[str, Any]:
    from django_q.models import OrmQ, Task

    done = Task.objects.filter(group="ops-reads")
    return {
        "queued": OrmQ.objects.count(),
        "success": done.filter(success=True).count(),
        "failure": done.filter(success=False).count(),
        "errors": [str(t.result)[:300] for t in done.filter(success=False)[:5]],
        "read": sorted({t.result for t in done.filter(success=True)}),
    }


COMMANDS: dict[str, Callable[..., Any]] = {
    "seed": seed,
    "login": login,
    "snapshot": snapshot,
    "enqueue-reads": enqueue_reads,
    "tasks": tasks,
}

if __name__ == "__main__":
    django.setup()
    what, *args = sys.argv[1:]
    print(json.dumps(COMMANDS[what](*args), default=str))

"""The load test: a few hundred couples' day on loopback, then every acknowledged write is checked.

    .venv/bin/python load/run.py [--couples 300] [--seconds 60]      (make load)

Two `closeknit serve` processes (gunicorn, 2 workers each) on two ports, which
the locust client uses round-robin, and two `closeknit worker` processes, on a
fresh PostgreSQL database and Redis. After the run:

- every write the server acknowledged is in the database, as sent (each
  reply, appreciation and journal entry by the id the server returned; each
  answer and check-in by its author, with the text last acknowledged);
- the background workers deliver what was planned, and no e-mail is sent
  twice (the file e-mail backend's messages against the Delivery rows).

The last line says whether there were zero errors and zero lost writes.
load/faults.py runs the same with processes killed and PostgreSQL restarted.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import csv
import json
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from load.stack import BIN, ROOT, Stack, log, save_couples, seed_couples

PORTS = (8761, 8762)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    errors: int = 0
    lost: int = 0
    twice: int = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        log(line)


def parse_args(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--couples", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--app-workers", type=int, default=2, help="gunicorn workers per serve")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def run(args: argparse.Namespace, name: str, faults: Callable[[Stack, dict], None] | None) -> int:
    stack = Stack(f"closeknit_{name}", redis_db=12 if name == "load" else 13, port=PORTS[0])
    log(f"Preparing PostgreSQL ({stack.name}), Redis (db {stack.redis_db}), {stack.data_dir}")
    stack.prepare(WEB_CONCURRENCY=str(args.app_workers))
    stack.setup_django()
    couples = seed_couples(args.couples, history=False, prefix=name)
    couples_file = stack.data_dir / "couples.json"
    save_couples(couples, couples_file)
    log(f"Seeded {len(couples)} couples")
    report = Report()
    try:
        procs = {
            "serve": [stack.serve(port, args.app_workers) for port in PORTS],
            "worker": [stack.worker(1), stack.worker(2)],
        }
        log(f"Serving on ports {PORTS} ({args.app_workers} workers each), 2 background workers")
        fault_thread = None
        if faults:
            fault_thread = threading.Thread(target=faults, args=(stack, procs), daemon=True)
            fault_thread.start()
        outcome = run_locust(stack, args, couples_file)
        if fault_thread:
            fault_thread.join()
        from django.db import connections

        connections.close_all()  # a fresh connection, in case the database was restarted
        wait_for_deliveries()
        check(stack, outcome, report)
    finally:
        stack.stop_all()
        stack.cleanup(keep=args.keep)
    ok = report.errors == 0 and report.lost == 0 and report.twice == 0
    log(
        f"\nRESULT: {report.errors} errors, {report.lost} lost writes, "
        f"{report.twice} sent twice: {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


def run_locust(stack: Stack, args: argparse.Namespace, couples_file: Path) -> dict[str, Any]:
    from importlib.util import find_spec

    from closeknit.lib.features import FEATURES

    acks = stack.data_dir / "acks.json"
    env = {
        **stack.env,
        "LOAD_COUPLES": str(couples_file),
        "LOAD_HOSTS": ",".join(f"http://127.0.0.1:{p}" for p in PORTS),
        "LOAD_ACKS": str(acks),
        "LOAD_FEATURES": ",".join(f for f in FEATURES if find_spec(f"closeknit.{f}.api")),
    }
    command = [
        str(BIN / "locust"), "-f", str(ROOT / "load" / "locustfile.py"), "--headless",
        "-u", str(args.couples), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s",
        "--csv", str(stack.data_dir / "locust"), "--only-summary", "--stop-timeout", "30",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    log(f"Load: {args.couples} couples for {args.seconds} s (locust, headless)")
    started = time.monotonic()
    with open(stack.data_dir / "locust.log", "w") as out:
        subprocess.run(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    elapsed = time.monotonic() - started
    data = json.loads(acks.read_text())
    data["elapsed"] = elapsed
    data["stats"] = locust_totals(stack.data_dir / "locust_stats.csv")
    return data


def locust_totals(path: Path) -> dict[str, str]:
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return next((r for r in rows if r["Name"] == "Aggregated"), {})


def wait_for_deliveries(timeout: float = 180) -> None:
    """Let the workers send what is due (a retried delivery waits for the next sweep)."""
    from django.utils import timezone

    from closeknit.nudges.models import Delivery

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        due = Delivery.objects.filter(status=Delivery.PENDING, due_at__lte=timezone.now())
        if not due.exists():
            return
        time.sleep(2)
    log("  (some deliveries were still pending when the wait ended)")


# --- the checks --------------------------------------------------------------------------


def check(stack: Stack, data: dict[str, Any], report: Report) -> None:
    outcome, stats = data["outcome"], data["stats"]
    report.add("")
    report.add(
        f"requests: {stats.get('Request Count', '?')} in {data['elapsed']:.0f} s "
        f"({float(stats.get('Requests/s', 0)):.0f}/s), p50 {stats.get('50%', '?')} ms, "
        f"p95 {stats.get('95%', '?')} ms, p99 {stats.get('99%', '?')} ms"
    )
    report.add(
        f"answered: {outcome['ok']} ok, {outcome['errors']} errors, "
        f"{outcome['retried']} retried after no response or a 503, "
        f"{outcome['read_mismatch']} partner answers read wrong"
    )
    for sample in data["errors"][:10]:
        report.add(f"  error: {sample}")
    report.errors = outcome["errors"]
    report.add("acknowledged writes, found in the database as acknowledged:")
    for kind, found, acked in find_writes(data["acked"]):
        report.add(f"  {kind:<13} {acked:>6} acknowledged, {found:>6} found")
        report.lost += acked - found
    twice = stored_twice()
    report.add(
        f"writes stored twice (a retried request whose first try was stored): {twice} "
        "(never lost; possible only when a commit's answer is lost in a fault)"
    )
    check_deliveries(stack, report)


def find_writes(acked: dict[str, dict[str, str]]) -> list[tuple[str, int, int]]:
    from closeknit.talk.models import Answer, Reply

    out = []
    answers = {f"{a.question_id} {a.author_id}": a.text for a in Answer.objects.all()}
    out.append(("answers", _same(acked["answer"], answers), len(acked["answer"])))
    replies = dict(Reply.objects.filter(pk__in=list(acked["reply"])).values_list("pk", "text"))
    out.append(("replies", _same(acked["reply"], _str_keys(replies)), len(acked["reply"])))
    if acked["appreciation"] or acked["journal"]:
        from closeknit.appreciate.models import Appreciation, JournalEntry

        sent = Appreciation.objects.filter(pk__in=list(acked["appreciation"]))
        found = _str_keys(dict(sent.values_list("pk", "did")))
        out.append(
            ("appreciations", _same(acked["appreciation"], found), len(acked["appreciation"]))
        )
        notes = JournalEntry.objects.filter(pk__in=list(acked["journal"]))
        found = _str_keys(dict(notes.values_list("pk", "text")))
        out.append(("journal", _same(acked["journal"], found), len(acked["journal"])))
    if acked["checkin"]:
        from closeknit.checkin.models import Checkin

        latest = {}
        for author, note in Checkin.objects.order_by("week").values_list("author_id", "note"):
            latest[str(author)] = note
        out.append(("check-ins", _same(acked["checkin"], latest), len(acked["checkin"])))
    return out


def stored_twice() -> int:
    """Rows whose text (unique per write the client made) is stored more than once."""
    from collections import Counter

    from closeknit.talk.models import Reply

    texts = Counter(Reply.objects.values_list("text", flat=True))
    try:
        from closeknit.appreciate.models import Appreciation, JournalEntry

        texts.update(Appreciation.objects.values_list("did", flat=True))
        texts.update(JournalEntry.objects.values_list("text", flat=True))
    except ImportError:
        pass
    return sum(n - 1 for text, n in texts.items() if n > 1 and text.endswith(")"))


def _str_keys(d: dict) -> dict[str, Any]:
    return {str(k): v for k, v in d.items()}


def _same(acked: dict[str, str], stored: dict[str, str]) -> int:
    """How many acknowledged writes are stored exactly as acknowledged."""
    return sum(1 for key, text in acked.items() if stored.get(key) == text)


def check_deliveries(stack: Stack, report: Report) -> None:
    from django.db.models import Count

    from closeknit.nudges.models import Delivery, Notification

    email = Delivery.objects.filter(channel="email")
    by_status = dict(email.values_list("status").annotate(n=Count("id")))
    attempted = (
        email.filter(attempts__gte=1).count() + email.filter(digest=True, status="sent").count()
    )
    mails = stack.mail_count()
    # A delivery is claimed once and sent at most once: never more e-mails than claims.
    report.twice = max(0, mails - attempted)
    keys = Notification.objects.values("key").annotate(n=Count("id")).filter(n__gt=1).count()
    report.twice += keys
    report.add(
        f"notifications: {Notification.objects.count()}; e-mail deliveries by status: "
        f"{by_status or {}}; e-mails written: {mails}; sent twice: {report.twice}"
    )


def main() -> None:
    args = parse_args(__doc__.split("\n\n")[0])
    sys.exit(run(args, "load", faults=None))


if __name__ == "__main__":
    main()

"""SQL queries per page and page time as a couple's history grows from 10 to 10,000 items.

    .venv/bin/python benchmarks/queries.py [--sizes 10,100,1000,10000] [--sqlite]

Every couple page is found by itself: the GET routes without parameters of
each app (from the URL resolver), the home page, and today's daily question.
A couple's history is bulk-created across every model that holds couple data
(found in the app registry, filled by reading the fields: N rows in each),
then each page is fetched in-process as one partner: the number of SQL
queries, and the median time of a few fetches. Constant queries and flat time
are the goal; the script prints figures and asserts nothing.
"""

import sys
from pathlib import Path

# Run as a script: the project root (for `load.stack`) goes on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import itertools
import statistics
import time
from datetime import timedelta
from typing import Any

from load.stack import Stack, log

# URL namespaces of the couple's pages.
FEATURES = {
    *("talk", "appreciate", "checkin", "support", "intentions", "assessment"),
    *("dates", "rituals", "fun", "dreams", "private", "nudges"),
}
MEMORY = "the walk by the river, your laugh at breakfast, the long call with your sister"
WORDS = MEMORY.split(" ")


def pages() -> list[tuple[str, str]]:
    """(name, url) of every couple page to measure."""
    from tests.trust.world import discover_routes

    found = [("home", "/"), ("us", "/us/")]
    for route in discover_routes():
        if route.params or route.app not in FEATURES:
            continue
        found.append((route.name or route.template, route.url({})))
    return found


# --- growing a couple's history, for every model, from its fields ----------------------


def in_dependency_order(models_: list[Any]) -> list[Any]:
    ordered: list[Any] = []
    pending = list(models_)
    while pending:
        for model in pending:
            needs = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in pending and f.related_model is not model
            }
            if not needs:
                ordered.append(model)
                pending.remove(model)
                break
        else:  # a cycle: take them as they come
            ordered += pending
            break
    return ordered


class Grower:
    """Adds rows of every couple-scoped model; row i links to the i-th parent, and so on."""

    def __init__(self, couple: Any, users: tuple[Any, Any]) -> None:
        from tests.trust import world

        self.world = world
        self.couple, self.users = couple, users
        self.models = in_dependency_order(world.couple_models())
        self.done: dict[Any, int] = {}

    def grow_to(self, size: int) -> None:
        for model in self.models:
            start = self.done.get(model, 0)
            if size > start:
                self._add(model, start, size - start)
                self.done[model] = size

    def _add(self, model: Any, start: int, count: int) -> None:
        from django.db import IntegrityError, transaction

        parents = self._parents(model)
        rows = [model(**self._values(model, start + i, parents)) for i in range(count)]
        rows = [r for r in rows if r is not None]
        try:
            with transaction.atomic():
                model._default_manager.bulk_create(rows, batch_size=1000)
        except IntegrityError:  # one per person, one per day...: keep what fits
            with transaction.atomic():
                model._default_manager.bulk_create(rows, batch_size=1000, ignore_conflicts=True)

    def _parents(self, model: Any) -> dict[str, list[Any]]:
        out = {}
        for f in model._meta.concrete_fields:
            target = f.related_model
            if (
                not f.is_relation
                or target in (None, model)
                or target.__name__ in ("Couple", "User")
            ):
                continue
            if f.null:
                continue
            qs = target._default_manager.all()
            if self.world.is_owned(target):
                qs = self.world.rows_of(target, self.couple)
            out[f.name] = list(qs.order_by("pk").values_list("pk", flat=True)) or [None]
        return out

    def _values(self, model: Any, i: int, parents: dict[str, list[Any]]) -> dict[str, Any]:
        from django.db import models
        from django.utils import timezone

        values: dict[str, Any] = {}
        users = itertools.cycle(self.users[i % 2 :] + self.users[: i % 2])
        now = timezone.now()
        for f in model._meta.concrete_fields:
            if f.primary_key and f.has_default():
                continue
            if f.is_relation:
                if f.related_model.__name__ == "Couple":
                    values[f.name] = self.couple
                elif f.related_model.__name__ == "User":
                    values[f.name] = next(users)
                elif f.name in parents:
                    pks = parents[f.name]
                    values[f.attname] = pks[i % len(pks)]
                continue
            kind = f.get_internal_type()
            hint = self.world.VALUE_HINTS.get(f"{self.world.label(model)}.{f.name}")
            if hint is not None:
                values[f.name] = hint
            elif f.choices:
                choices = [c for c, _ in f.flatchoices]
                values[f.name] = choices[i % len(choices)]
            elif kind in ("TextField", "CharField", "SlugField"):
                text = f"{' '.join(WORDS[i % 5 : i % 5 + 6])} ({i})"
                values[f.name] = text[: f.max_length] if f.max_length else text
            elif kind == "DateField":
                values[f.name] = self.couple.today() - timedelta(days=i)
            elif kind == "DateTimeField":
                values[f.name] = None if f.null else now - timedelta(hours=i)
            elif kind == "BooleanField":
                values[f.name] = f.get_default()
            elif isinstance(f, models.IntegerField) or kind.endswith("IntegerField"):
                values[f.name] = self.world.value_for(
                    f, self.world.Built(self.couple, self.users, ""), model
                )
            elif f.has_default():
                continue
            else:
                values[f.name] = self.world.value_for(
                    f, self.world.Built(self.couple, self.users, ""), model
                )
        return values


# --- measuring ---------------------------------------------------------------------------


def measure(client: Any, url: str, repeat: int) -> tuple[int, int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries.captured_queries)  # now: the next request clears Django's query log
    times: list[float] = []
    while len(times) < repeat and sum(times) < 2:  # a slow page is timed fewer times
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return response.status_code, count, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    stack = Stack("closeknit_bench_queries", redis_db=14)
    stack.prepare()
    stack.setup_django()
    try:
        run(sizes, args.repeat)
    finally:
        stack.cleanup(keep=args.keep)


def run(sizes: list[int], repeat: int) -> None:
    from django.core.management import call_command
    from django.test import Client

    from closeknit.talk import prompts
    from closeknit.test import make_couple

    call_command("collectstatic", interactive=False, verbosity=0)
    ana, ben, couple = make_couple("ana", "ben")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(ana)
    grower = Grower(couple, (ana, ben))
    measured = pages()
    results: dict[str, list[str]] = {name: [] for name, _ in measured}
    results["talk:question (today)"] = []
    for size in sizes:
        started = time.perf_counter()
        grower.grow_to(size)
        log(
            f"history: {size} items in each of {len(grower.models)} models "
            f"({time.perf_counter() - started:.0f} s to add)"
        )
        today = f"/talk/questions/{prompts.todays_question(couple).pk}/"
        for name, url in [*measured, ("talk:question (today)", today)]:
            status, count, ms = measure(client, url, repeat)
            results[name].append(f"{count:>3} q {ms:>7.1f} ms" if status == 200 else f"({status})")
    log("")
    log(f"{'page':<34}" + "".join(f"{size:>17}" for size in sizes))
    for name, cells in results.items():
        if all(cell.startswith("(") for cell in cells):
            continue  # not a page (a form's POST address, a redirect)
        log(f"{name:<34}" + "".join(f"{cell:>17}" for cell in cells))


if __name__ == "__main__":
    main()

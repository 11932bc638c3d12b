"""An upgrade over a database full of data, run inside an installation (its own process, so
its database is the default one, as for `closeknit migrate`):

    python -m tests.ops.upgrade

migrates a new database to an early state (the first migration of every Closeknit app, and
whatever those need), puts a row in every table through that state's historical models
(encrypted text included), migrates to the newest state, and prints a JSON report of what
did not survive.
"""

import itertools
import json
import uuid
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import django

Node = tuple[str, str]
Rows = dict[str, dict[Any, dict[str, Any]]]  # table -> primary key -> column -> value
# A column a migration drops on purpose, with its data: "table.column" -> why that is right.
DROPPED_ON_PURPOSE: dict[str, str] = {}


def ours(migration: Any) -> bool:
    return type(migration).__module__.startswith("closeknit.")


def early_nodes(graph: Any) -> set[Node]:
    """The first migration of every Closeknit app, and every migration those depend on."""
    apps = sorted({node[0] for node, migration in graph.nodes.items() if ours(migration)})
    firsts = [graph.root_nodes(app)[0] for app in apps]
    return set(itertools.chain.from_iterable(graph.forwards_plan(node) for node in firsts))


def migrate_to_early_state() -> tuple[Any, int]:
    """(the historical models of the early state, how many migrations are left after it)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    early = early_nodes(graph)
    full = executor.migration_plan(graph.leaf_nodes(), clean_start=True)
    plan = [(m, False) for m, _ in full if (m.app_label, m.name) in early]
    return executor.migrate([], plan=plan).apps, len(full) - len(plan)


def migrate_to_newest() -> int:
    """Apply every migration left; how many are still left after (0)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    fresh = MigrationExecutor(connection)
    return len(fresh.migration_plan(fresh.loader.graph.leaf_nodes()))


# --- a row in every table, through the historical models ---------------------------------

_counter = itertools.count(1)


def value_for(field: Any) -> Any:
    """A valid value for a plain field of a historical model."""
    if field.choices:
        return field.flatchoices[0][0]
    kind = field.get_internal_type()
    n = next(_counter)
    if kind in ("CharField", "TextField", "SlugField"):
        return _text(field, f"zqupgrade{n:04d}{field.name}")
    if "Integer" in kind:
        return _number(field)
    return {
        "EmailField": f"zqupgrade{n}@example.org",
        "URLField": f"https://example.org/zqupgrade{n}",
        "GenericIPAddressField": "192.0.2.1",
        "BooleanField": True,
        "DateTimeField": _now(),
        "DateField": date(2026, 1, 2),
        "TimeField": time(7, 30),
        "DurationField": timedelta(minutes=10),
        "UUIDField": uuid.uuid4(),
        "JSONField": {"zqupgrade": n},
        "BinaryField": b"zqupgrade",
        "FloatField": 1.5,
        "DecimalField": Decimal(1),
    }.get(kind, field.get_default())


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()


def _text(field: Any, text: str) -> str:
    from django.core.validators import MaxLengthValidator

    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    limits += [field.max_length] if field.max_length else []
    return text[: min(limits)] if limits else text


def _number(field: Any) -> int:
    from django.core.validators import MaxValueValidator, MinValueValidator

    low = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    high = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return min([max([1, *low]), *high])


def obtain(model: Any, fresh: bool = False) -> Any:
    """A row of `model`: an existing one, or a new one (and the rows it points at)."""
    from django.db import models, transaction

    if not fresh and (found := model._default_manager.order_by("pk").first()) is not None:
        return found
    values = {}
    for f in model._meta.concrete_fields:
        if f.primary_key and (f.has_default() or isinstance(f, models.AutoField)):
            continue
        if not f.is_relation:
            values[f.name] = value_for(f)
        elif f.related_model is not model or not f.null:
            values[f.name] = obtain(f.related_model, fresh=isinstance(f, models.OneToOneField))
    obj = model(**values)
    with transaction.atomic():
        obj.save(force_insert=True)
    return obj


def fill_every_table(historical: Any) -> dict[str, str]:
    """A row at least in every table of the early state; {model: why it failed}."""
    failures = {}
    for model in historical.get_models(include_auto_created=True):
        try:
            obtain(model)
        except Exception as exc:  # reported, and the test fails on any
            failures[model._meta.label] = f"{type(exc).__name__}: {exc}"
    return failures


# --- reading it all back -----------------------------------------------------------------


def read_all() -> Rows:
    """Every row of every table (but Django's list of applied migrations), by primary key."""
    from django.db import connection

    found: Rows = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            key = connection.introspection.get_primary_key_column(cursor, table)
            cursor.execute(f"SELECT * FROM {quote(table)}")
            columns = [c[0] for c in cursor.description]
            rows = (dict(zip(columns, row, strict=True)) for row in cursor.fetchall())
            found[table] = {row[key]: row for row in rows}
    return found


def encrypted_columns() -> set[tuple[str, str]]:
    from closeknit.lib.management.commands.rotate_keys import encrypted_fields

    return {
        (model._meta.db_table, model._meta.get_field(name).column)
        for model, names in encrypted_fields()
        for name in names
    }


def losses(before: Rows, after: Rows) -> list[str]:
    """Every table, row and value of `before` that `after` lacks or holds differently
    (encrypted values compared as the text they decrypt to)."""
    lost = []
    for table, rows in before.items():
        if table not in after:
            lost.append(f"{table}: the table is gone with its {len(rows)} rows")
            continue
        for pk, row in rows.items():
            if (new := after[table].get(pk)) is None:
                lost.append(f"{table} {pk}: the row is gone")
            else:
                lost += row_losses(table, pk, row, new)
    return lost


def row_losses(table: str, pk: Any, row: dict[str, Any], new: dict[str, Any]) -> list[str]:
    from closeknit.lib.fields import decrypt

    encrypted = encrypted_columns()
    lost = []
    for column, value in row.items():
        if column not in new:
            if f"{table}.{column}" not in DROPPED_ON_PURPOSE:
                lost.append(f"{table}.{column}: the column is gone")
            continue
        was, now = value, new[column]
        if (table, column) in encrypted and None not in (was, now):
            was, now = decrypt(was), decrypt(now)
        if was != now:
            lost.append(f"{table}.{column} of {pk}: {was!r} became {now!r}")
    return lost


def report() -> dict[str, Any]:
    historical, left = migrate_to_early_state()
    failures = fill_every_table(historical)
    before = read_all()
    still_left = migrate_to_newest()
    encrypted = encrypted_columns()
    texts = sum(
        row.get(column) is not None
        for table, column in encrypted
        for row in before.get(table, {}).values()
    )
    return {
        "migrations_after_early_state": left,
        "migrations_left_at_the_end": still_left,
        "fill_failures": failures,
        "tables": len(before),
        "empty_tables": [table for table, rows in before.items() if not rows],
        "rows": sum(len(rows) for rows in before.values()),
        "encrypted_values": texts,
        "losses": losses(before, read_all()),
    }


if __name__ == "__main__":
    django.setup()
    print(json.dumps(report(), default=str))

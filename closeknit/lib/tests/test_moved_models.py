"""Models that moved to another app kept every row of an existing database.

The test database is taken back to the migrations as they were before the
move (the new apps unapplied, the old apps at their last migration then),
given rows in every moved table through the old models, and migrated forward
again: every row is still there, unchanged, read through the new models, the
encrypted text reads the same, and content types (so permissions and admin
history) followed their models. A fresh database is the test database itself:
it is built by the same migrations.
"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pytest
from django.apps import apps as current_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from closeknit.test import make_couple

# The last migration of each app before the move; the new apps did not exist.
BEFORE = [
    ("dates", "0002_load_content"),
    ("checkin", "0002_load_items"),
    ("rituals", None),
    ("fun", None),
    ("support", None),
    ("intentions", None),
]

# (old app, new app, model): every model that moved.
MOVED = [
    ("dates", "rituals", "Ritual"),
    ("dates", "rituals", "CoupleRitual"),
    ("dates", "rituals", "RitualMark"),
    ("dates", "fun", "Show"),
    ("dates", "fun", "InsideJoke"),
    ("checkin", "support", "SupportSignal"),
    ("checkin", "intentions", "Intention"),
]
# Encrypted columns, read raw: the same ciphertext after the move.
ENCRYPTED = [
    ("text", "dates_insidejoke"),
    ("note", "checkin_supportsignal"),
    ("want", "checkin_intention"),
]
JOKE = "The goose incident, only we know"
NOTE = "Rough day, could we talk tonight?"


def migrate(targets: Sequence[tuple[str, str | None]]) -> Any:
    """Migrate the test database to `targets`; the registry of models as they are there."""
    MigrationExecutor(connection).migrate(targets)
    nodes = [(app, name) for app, name in targets if name is not None]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def latest() -> list[tuple[str, str]]:
    leaves: list[tuple[str, str]] = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return leaves


def seed(old: Any) -> dict[str, Any]:
    """A row in every moved table, written through the models as they were before the move."""
    ana, ben, couple = make_couple("ana", "ben")
    model = {name: old.get_model(app, name) for app, _, name in MOVED}.__getitem__
    suggestion = model("Ritual").objects.get(key="ritual-01")
    ritual = model("CoupleRitual").objects.create(
        couple_id=couple.pk, source=suggestion, title="Six-second kiss", added_by_id=ana.pk
    )
    rows = {
        "Ritual": suggestion,
        "CoupleRitual": ritual,
        "RitualMark": model("RitualMark").objects.create(
            couple_id=couple.pk, ritual=ritual, day=date(2026, 12, 1), marked_by_id=ben.pk
        ),
        "Show": model("Show").objects.create(
            couple_id=couple.pk, title="Slow Horses", status="watching", added_by_id=ana.pk
        ),
        "InsideJoke": model("InsideJoke").objects.create(
            couple_id=couple.pk, text=JOKE, added_by_id=ben.pk
        ),
        "SupportSignal": model("SupportSignal").objects.create(
            couple_id=couple.pk, author_id=ana.pk, kind="listen", note=NOTE, offer="call"
        ),
        "Intention": model("Intention").objects.create(
            couple_id=couple.pk, author_id=ben.pk, want="Laugh more", willing="Plan a walk"
        ),
    }
    return {name: values(type(row), row.pk) for name, row in rows.items()}


def values(model: Any, pk: Any) -> dict[str, Any]:
    """Every column of one row, as the model reads it (encrypted text decrypted)."""
    row = model.objects.get(pk=pk)
    return {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}


def raw(column: str, table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # our own names, not input
        return str(cursor.fetchone()[0])


def content_type_ids() -> dict[tuple[str, str], int]:
    found = ContentType.objects.filter(app_label__in={a for o, n, _ in MOVED for a in (o, n)})
    return {(ct.app_label, ct.model): ct.pk for ct in found}


@pytest.fixture
def back_before_the_move() -> Iterator[Any]:
    """The models as they were before the move; the database is migrated forward after."""
    after = latest()
    try:
        yield migrate(BEFORE)
    finally:
        migrate(after)
        ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_every_row_survives_the_move(back_before_the_move: Any) -> None:
    applied = MigrationRecorder(connection).applied_migrations()
    assert not [key for key in applied if key[0] in {new for _, new, _ in MOVED}]
    types_before = content_type_ids()
    suggestions = set(back_before_the_move.get_model("dates", "Ritual").objects.values_list("pk"))
    written = seed(back_before_the_move)
    ciphertext = {(c, t): raw(c, t) for c, t in ENCRYPTED}

    migrate(latest())

    for _, new_app, name in MOVED:
        model = current_apps.get_model(new_app, name)
        assert values(model, written[name]["id"]) == written[name], name
    assert current_apps.get_model("fun", "InsideJoke").objects.get().text == JOKE
    assert current_apps.get_model("support", "SupportSignal").objects.get().note == NOTE
    for (column, table), before in ciphertext.items():
        assert raw(column, table) == before, table
        assert "goose" not in before and "Rough" not in before and "Laugh" not in before
    # Loading the suggestions again on an existing database adds and changes nothing.
    ritual_model = current_apps.get_model("rituals", "Ritual")
    assert set(ritual_model.objects.values_list("pk")) == suggestions
    for old_app, new_app, name in MOVED:
        moved = ContentType.objects.get_for_model(current_apps.get_model(new_app, name))
        assert moved.pk == types_before[(old_app, name.lower())], name

"""The small helpers the feature apps share: CSV content, week start, UUID keys."""

import doctest
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

from django.db import models
from django.test import TestCase

from closeknit.lib import weeks
from closeknit.lib.content import load_csv, read_rows
from closeknit.lib.models import uuid_pk
from closeknit.rituals.models import Ritual


class WeekStartTestCase(TestCase):
    def test_every_day_of_a_week_starts_on_its_monday(self) -> None:
        monday = date(2026, 11, 30)
        for n in range(7):
            self.assertEqual(weeks.week_start(monday + timedelta(days=n)), monday)

    def test_the_docstring_example_holds(self) -> None:
        self.assertEqual(doctest.testmod(weeks).failed, 0)


class UuidKeyTestCase(TestCase):
    def test_it_is_the_field_the_migrations_were_made_with(self) -> None:
        written: models.UUIDField[uuid.UUID, uuid.UUID] = models.UUIDField(
            primary_key=True, default=uuid.uuid4, editable=False
        )
        self.assertEqual(uuid_pk().deconstruct()[1:], written.deconstruct()[1:])


class CsvContentTestCase(TestCase):
    def setUp(self) -> None:
        self.path = Path(tempfile.mkdtemp()) / "content.csv"
        self.addCleanup(self.path.unlink, missing_ok=True)
        self.path.write_text('key,title,description,when\nr-1,"One, two",Says it,daily\n')

    def test_it_reads_every_line_by_its_header(self) -> None:
        rows = read_rows(self.path)
        self.assertEqual(
            rows, [{"key": "r-1", "title": "One, two", "description": "Says it", "when": "daily"}]
        )

    def test_loading_twice_updates_by_key_and_adds_nothing(self) -> None:
        fields = ["title", "description", "when"]
        before = Ritual.objects.count()
        self.assertEqual(load_csv(Ritual, self.path, fields), 1)
        self.path.write_text("key,title,description,when\nr-1,Renamed,Says it,daily\n")
        load_csv(Ritual, self.path, fields)
        self.assertEqual(Ritual.objects.count(), before + 1)
        self.assertEqual(Ritual.objects.get(key="r-1").title, "Renamed")
